import Foundation

/// A measure's reference as the council's framework labels it, in a canonical form such as
/// `TOM1`, `TOM4a` or `TOM58`. People may type `tom 4A`, `TOM-1` or `4a`: all are understood.
public struct MeasureReference: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The canonical text, for example `TOM4a`.
    public let rawValue: String

    /// Understands `TOM 4a`, `tom4A`, `TOM-1`, `4a`; nil when `text` is not a reference.
    public init?(_ text: String) {
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
