import Foundation

/// An exact amount of pounds sterling. Held as `Decimal`, never as a binary floating point
/// number, and rounded to pence only when shown.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in pounds, unrounded.
    public var pounds: Decimal

    /// An amount of `pounds`.
    public init(_ pounds: Decimal) { self.pounds = pounds }

    /// Nothing.
    public static let zero = Money(0)

    /// Reads an amount as people write it: `100000`, `£100,000`, `12769.68`, `£1.5m`, `£1.2 million`,
    /// `250k`, `£180 thousand`.
    /// Returns nil for anything else, including negative amounts.
    public init?(parsing text: String) {
        var cleaned = text.trimmingCharacters(in: .whitespaces).lowercased()
        if cleaned.hasPrefix("£") { cleaned.removeFirst() }
        cleaned = cleaned.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        var multiplier: Decimal = 1
        for (word, factor) in [("million", Decimal(1_000_000)), ("mn", 1_000_000), ("m", 1_000_000), ("thousand", 1_000), ("k", 1_000)]
        where cleaned.hasSuffix(word) {
            multiplier = factor
            cleaned.removeLast(word.count)
            cleaned = cleaned.trimmingCharacters(in: .whitespaces)
            break
        }
        guard let amount = DecimalText.parse(cleaned), amount >= 0 else { return nil }
        self.pounds = amount * multiplier
    }

    /// The amount rounded to whole pence, half away from zero.
    public var roundedToPence: Decimal { DecimalText.rounded(pounds, places: 2) }

    /// The amount rounded to whole pence, half away from zero: how every line of a valuation
    /// is counted, so every total is the sum of the lines shown.
    public var roundedToPenny: Money { Money(roundedToPence) }

    /// A price per unit exactly as a value pack gives it, never rounded: `£0.735`, `£12,769.68`,
    /// `£245.00` (at least two decimal places).
    public var unitPrice: String {
        let plain = DecimalText.plain(pounds)
        let decimals = plain.split(separator: ".").dropFirst().first?.count ?? 0
        return "£" + DecimalText.grouped(pounds, places: max(2, decimals))
    }

    /// `£12,769.68`: grouped thousands, always two decimal places.
    public var description: String {
        let pence = roundedToPence
        return pence < 0 ? "-£" + DecimalText.grouped(-pence, places: 2) : "£" + DecimalText.grouped(pence, places: 2)
    }

    /// `£12,770`: grouped thousands, rounded to whole pounds, for tables and summaries.
    public var wholePounds: String { "£" + DecimalText.grouped(DecimalText.rounded(pounds, places: 0), places: 0) }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.pounds < rhs.pounds }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(lhs.pounds + rhs.pounds) }

    /// The sum of `amounts`: the same as adding them one by one from zero, done faster.
    public static func sum(_ amounts: [Money]) -> Money { Money(DecimalText.sum([0] + amounts.map(\.pounds))) }
    public static func * (lhs: Money, rhs: Decimal) -> Money { Money(lhs.pounds * rhs) }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let amount = DecimalText.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "expected an amount of pounds such as 100000 or 12769.68, found \"\(text)\"")
            }
            self.pounds = amount
        } else {
            self.pounds = try container.decode(Decimal.self)
        }
    }

    /// Encoded as a plain decimal string (`"12769.68"`), so no reader turns it into a float.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(DecimalText.plain(pounds))
    }
}
