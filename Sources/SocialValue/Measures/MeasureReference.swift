import Foundation

/// A measure's reference as the council's framework labels it, in a canonical form such as
/// `TOM1`, `TOM4a` or `TOM58`. People may type `tom 4A`, `TOM-1` or `4a`: all are understood.
public struct MeasureReference: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The canonical text, for example `TOM4a`.
    public let rawValue: String

    /// Understands `TOM 4a`, `tom4A`, `TOM-1`, `4a`; nil when `text` is not a reference.
    public init?(_ text: String) {
        if Self.isCanonical(text) {
            rawValue = text
            return
        }
        var rest = Substring(text.trimmingCharacters(in: .whitespaces).lowercased())
        if rest.hasPrefix("tom") { rest = rest.dropFirst(3) }
        rest = rest.drop(while: { $0 == " " || $0 == "-" })
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        let suffix = rest.dropFirst(digits.count)
        guard !digits.isEmpty, digits.count <= 3,
              suffix.count <= 1, suffix.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return nil }
        let number = String(Int(digits) ?? 0)
        self.rawValue = "TOM" + number + suffix
    }

    /// Whether `text` is already a reference as svwizard writes it (`TOM4a`: no leading zero,
    /// a lowercase letter if any), which files hold thousands of times over.
    private static func isCanonical(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(8))
        guard bytes.count >= 4, bytes.count <= 7, bytes[0] == UInt8(ascii: "T"), bytes[1] == UInt8(ascii: "O"), bytes[2] == UInt8(ascii: "M") else {
            return false
        }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var index = 3
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        let digits = index - 3
        guard digits >= 1, digits <= 3, digits == 1 || bytes[3] != UInt8(ascii: "0") else { return false }
        if index == bytes.count { return true }
        return index + 1 == bytes.count && bytes[index] >= UInt8(ascii: "a") && bytes[index] <= UInt8(ascii: "z")
    }

    /// `TOM 4a`: the reference as the policy prints it.
    public var spoken: String { "TOM " + rawValue.dropFirst(3) }

    public var description: String { rawValue }

    /// Orders by number, then suffix: TOM1, TOM3, TOM4, TOM4a, TOM5a, TOM6 ... TOM58.
    public static func < (lhs: MeasureReference, rhs: MeasureReference) -> Bool {
        (lhs.number, lhs.suffix) < (rhs.number, rhs.suffix)
    }

    private var number: Int { Int(rawValue.dropFirst(3).prefix(while: { $0.isNumber })) ?? 0 }
    private var suffix: String { String(rawValue.dropFirst(3).drop(while: { $0.isNumber })) }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let reference = MeasureReference(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a measure reference; write it like TOM1 or TOM4a")
        }
        self = reference
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
