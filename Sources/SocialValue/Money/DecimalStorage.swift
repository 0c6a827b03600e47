import Foundation

/// A `Decimal`'s parts read from its storage, which is NSDecimal's: a byte of exponent, then a
/// byte holding the mantissa's length in 16-bit words (high four bits), the sign (bit 3) and
/// the compact flag (bit 2), two reserved bytes, and eight 16-bit words of mantissa, lowest
/// first. Foundation gives no public way to these, and asking through `NSDecimalNumber` costs
/// an object per number; the amounts in every rendering and check are written from them.
///
/// The layout is confirmed once against Foundation's own answers for known values; should a
/// Foundation ever store decimals differently, `isKnown` is false and the slow way is used.
enum DecimalStorage {
    /// Whether this Foundation stores decimals as described above.
    static let isKnown: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let probes = ["0", "0.00", "1", "-1", "-2.5", "12769.68", "100000", "0.000001", "65536", "-4294967296.5",
                      "18446744073709551615", "18446744073709551616", "123456789012345678901234567890"]
        let values = probes.compactMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) } + [Decimal.nan]
        return values.count == probes.count + 1 && values.allSatisfy { value in
            let fast = parts(value)
            let slow = slowParts(value)
            return fast?.whole == slow?.whole && fast?.exponent == slow?.exponent && fast?.negative == slow?.negative
        }
    }()

    /// The parts read from storage (only to be trusted when `isKnown`).
    static func parts(_ value: Decimal) -> (whole: UInt64, exponent: Int, negative: Bool)? {
        withUnsafeBytes(of: value) { raw -> (whole: UInt64, exponent: Int, negative: Bool)? in
            let exponent = Int(Int8(bitPattern: raw[0]))
            let flags = raw[1]
            let length = Int(flags >> 4)
            let negative = flags & 0x08 != 0
            // Length zero is zero, or (with the sign set) not a number.
            guard length > 0 else { return negative ? nil : (0, exponent, false) }
            guard length <= 4 else { return nil }
            var whole: UInt64 = 0
            for word in stride(from: length - 1, through: 0, by: -1) {
                whole = whole << 16 | UInt64(raw[4 + 2 * word]) | UInt64(raw[5 + 2 * word]) << 8
            }
            return (whole, exponent, negative)
        }
    }

    /// The parts as Foundation's public interface gives them.
    static func slowParts(_ value: Decimal) -> (whole: UInt64, exponent: Int, negative: Bool)? {
        guard !value.isNaN else { return nil }
        let significand = value.significand
        let whole = NSDecimalNumber(decimal: significand).uint64Value
        guard Decimal(whole) == significand else { return nil }
        return (whole, value.exponent, value < 0)
    }
}
