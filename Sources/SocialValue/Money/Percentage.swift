import Foundation

/// An exact percentage, such as 20 for 20%. Coded as a plain decimal string.
public struct Percentage: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The number of percent (20 means 20%).
    public var percent: Decimal

    public init(_ percent: Decimal) { self.percent = percent }
    public init(integerLiteral value: Int) { self.percent = Decimal(value) }

    /// The share as a fraction: 20% is 0.2.
    public var fraction: Decimal { percent / 100 }

    /// `20%`, `12.5%`.
    public var description: String { DecimalText.plain(DecimalText.rounded(percent, places: 2)) + "%" }

    public static func < (lhs: Percentage, rhs: Percentage) -> Bool { lhs.percent < rhs.percent }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = (try? container.decode(String.self)) ?? (try? container.decode(Int.self)).map(String.init) ?? ""
        guard let value = DecimalText.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a percentage such as 20 or 12.5")
        }
        percent = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(DecimalText.plain(percent))
    }
}
