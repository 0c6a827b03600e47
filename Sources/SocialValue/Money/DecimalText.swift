import Foundation

/// Strict conversions between `Decimal` and text, independent of the user's locale.
public enum DecimalText {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Reads `12`, `-3`, `2.5` or `.5`; nothing else (no exponents, no stray characters).
    public static func parse(_ text: String) -> Decimal? {
        let trimmed = FastText.mayHaveBlankEnds(text) ? text.trimmingCharacters(in: .whitespaces) : text
        var digits = 0
        var dots = 0
        // Every character allowed is ASCII, so its bytes tell (a byte of any other character is not a digit).
        for (index, byte) in trimmed.utf8.enumerated() {
            if byte == UInt8(ascii: "-") && index == 0 { continue }
            if byte == UInt8(ascii: ".") { dots += 1; continue }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            digits += 1
        }
        guard digits > 0, dots <= 1, digits <= 30 else { return nil }
        return exact(trimmed) ?? Decimal(string: trimmed, locale: posix)
    }

    /// `text` (digits, at most one `.`, perhaps a leading `-`, already checked) made from its
    /// digits directly: the same value, in the same form, as `Decimal(string:)` gives, without
    /// its locale lookups. Nil for zero written with decimal places (whose form keeps them) and
    /// for more digits than 64 bits hold.
    private static func exact(_ text: String) -> Decimal? {
        var negative = false
        var significand: UInt64 = 0
        var exponent = 0
        var afterPoint = false
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): afterPoint = true
            default:
                digits += 1
                guard digits <= 19 else { return nil }
                significand = significand * 10 + UInt64(byte &- UInt8(ascii: "0"))
                if afterPoint { exponent -= 1 }
            }
        }
        // Zero with decimal places ("0.00") keeps them in Decimal(string:)'s form; "0" needs none.
        guard significand != 0 || exponent == 0 else { return nil }
        return Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
    }

    /// `value`'s magnitude as a whole number and a power of ten (`12.5` is 125 and -1), when the
    /// whole number fits 64 bits.
    static func integerParts(_ value: Decimal) -> (UInt64, Int)? {
        parts(value).map { ($0.whole, $0.exponent) }
    }

    /// `value` as its sign, its magnitude's whole number (when that fits 64 bits) and its power
    /// of ten; nil for anything larger, or not a number.
    static func parts(_ value: Decimal) -> (whole: UInt64, exponent: Int, negative: Bool)? {
        guard DecimalStorage.isKnown else { return DecimalStorage.slowParts(value) }
        return DecimalStorage.parts(value)
    }

    /// The sum of `values`, exactly as `values.reduce(0, +)` gives it (the same Decimal, in the
    /// same form), added as whole numbers when they are not negative and fit 64 bits: Decimal's
    /// own addition is slow, and totals are asked for on every check and rendering.
    public static func sum(_ values: [Decimal]) -> Decimal {
        guard values.count > 1 else { return values.reduce(0, +) }
        var parts: [(whole: UInt64, exponent: Int)] = []
        parts.reserveCapacity(values.count)
        for value in values {
            guard value >= 0, let part = integerParts(value) else { return values.reduce(0, +) }
            parts.append(part)
        }
        let low = parts.map(\.exponent).min() ?? 0
        var total: UInt64 = 0
        for part in parts {
            guard let scaled = scaled(part.whole, by: part.exponent - low) else { return values.reduce(0, +) }
            let (next, overflow) = total.addingReportingOverflow(scaled)
            guard !overflow else { return values.reduce(0, +) }
            total = next
        }
        // Zero keeps the decimal places it was written with: Decimal's own addition makes that form.
        guard total != 0 else { return values.reduce(0, +) }
        return Decimal(sign: .plus, exponent: low, significand: Decimal(total))
    }

    /// `number` × 10^`places`, or nil if that does not fit 64 bits.
    private static func scaled(_ number: UInt64, by places: Int) -> UInt64? {
        var result = number
        for _ in 0..<places {
            let (product, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            result = product
        }
        return result
    }

    /// What `value.description` gives, made from its significand as a 64-bit integer and its
    /// exponent; nil when the significand does not fit (or the value is not a number).
    static func digits(_ value: Decimal) -> String? {
        guard let (whole, exponent, negative) = parts(value) else { return nil }
        if whole == 0 { return "0" }
        return written(whole, exponent: exponent, negative: negative)
    }

    /// `whole` × 10^`exponent` written out in full: `-12.50`, `0.05`, `1200`.
    private static func written(_ whole: UInt64, exponent: Int, negative: Bool) -> String {
        // At most 20 digits, a sign, a point, a leading "0." and the zeros an exponent adds.
        // Made on the stack: a short result becomes a small string, with nothing allocated.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24 + abs(exponent)) { buffer in
            let count = withDigits(of: whole, atLeast: 1) { digits -> Int in
                var out = 0
                func put(_ byte: UInt8) { buffer[out] = byte; out += 1 }
                if negative { put(UInt8(ascii: "-")) }
                if exponent >= 0 {
                    for digit in digits { put(digit) }
                    for _ in 0..<exponent { put(UInt8(ascii: "0")) }
                } else {
                    let places = -exponent
                    if digits.count <= places {
                        put(UInt8(ascii: "0"))
                        put(UInt8(ascii: "."))
                        for _ in 0..<(places - digits.count) { put(UInt8(ascii: "0")) }
                        for digit in digits { put(digit) }
                    } else {
                        for digit in digits[..<(digits.count - places)] { put(digit) }
                        put(UInt8(ascii: "."))
                        for digit in digits[(digits.count - places)...] { put(digit) }
                    }
                }
                return out
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    /// Calls `body` with the decimal digits of `number` (at least `minimum` of them, zeros in
    /// front; at most 32), made on the stack.
    private static func withDigits<Result>(of number: UInt64, atLeast minimum: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &scratch) { digits in
            var number = number
            var index = digits.count
            repeat {
                index -= 1
                digits[index] = UInt8(ascii: "0") &+ UInt8(number % 10)
                number /= 10
            } while (number > 0 || digits.count - index < minimum) && index > 0
            return body(UnsafeRawBufferPointer(rebasing: digits[index...]))
        }
    }

    /// `value` rounded to `places` decimal places, half away from zero (or by `mode`).
    public static func rounded(_ value: Decimal, places: Int, mode: NSDecimalNumber.RoundingMode = .plain) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, places, mode)
        return result
    }

    /// The shortest exact decimal form: `12769.68`, `2.5`, `100000`.
    public static func plain(_ value: Decimal) -> String {
        // Decimal's own description is exact and locale-free, but divides its mantissa by ten
        // digit by digit; a mantissa that fits 64 bits is written from that integer instead,
        // with the trailing zeros after the point dropped first.
        if let parts = parts(value) {
            guard parts.whole != 0 else { return "0" }
            var (whole, exponent) = (parts.whole, parts.exponent)
            while exponent < 0, whole % 10 == 0 {
                whole /= 10
                exponent += 1
            }
            return written(whole, exponent: exponent, negative: parts.negative)
        }
        var text = value.description
        if text.utf8.contains(UInt8(ascii: ".")) {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// `12,769.68` with exactly `places` decimal places (the value is rounded first).
    public static func grouped(_ value: Decimal, places: Int) -> String {
        let rounded = rounded(value, places: places)
        // The rounded value as a whole number of 10^-places units, when that fits 64 bits.
        if places >= 0, places <= 18, let (whole, exponent, negative) = parts(rounded), exponent + places >= 0,
           let units = scaled(whole, by: exponent + places) {
            return groupedUnits(units, places: places, negative: negative && units != 0)
        }
        let negative = rounded < 0
        let digits = Array(plain(negative ? -rounded : rounded).utf8)
        let point = digits.firstIndex(of: UInt8(ascii: ".")) ?? digits.count
        var text: [UInt8] = []
        text.reserveCapacity(digits.count + digits.count / 3 + places + 2)
        if negative { text.append(UInt8(ascii: "-")) }
        for index in 0..<point {
            // A comma before each group of three digits counted from the point.
            if index > 0 && (point - index) % 3 == 0 { text.append(UInt8(ascii: ",")) }
            text.append(digits[index])
        }
        if places > 0 {
            text.append(UInt8(ascii: "."))
            let fraction = point < digits.count ? digits[(point + 1)...] : []
            text += fraction
            text += [UInt8](repeating: UInt8(ascii: "0"), count: max(0, places - fraction.count))
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `units` × 10^-`places` with its thousands grouped and exactly `places` decimal places.
    private static func groupedUnits(_ units: UInt64, places: Int, negative: Bool) -> String {
        // 20 digits, 6 commas, a sign and a point.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 28 + places) { buffer in
            // At least one digit before the point.
            let count = withDigits(of: units, atLeast: places + 1) { digits -> Int in
                let point = digits.count - places
                var out = 0
                func put(_ byte: UInt8) { buffer[out] = byte; out += 1 }
                if negative { put(UInt8(ascii: "-")) }
                for (position, digit) in digits.enumerated() {
                    if position == point {
                        put(UInt8(ascii: "."))
                    } else if position > 0, position < point, (point - position) % 3 == 0 {
                        put(UInt8(ascii: ","))
                    }
                    put(digit)
                }
                return out
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    /// Whether `value` is a whole multiple of `step`.
    public static func isMultiple(_ value: Decimal, of step: Decimal) -> Bool {
        guard step > 0 else { return true }
        // Steps of 1, 0.1, 0.01 (most measures): rounding to that place changes nothing. No long division.
        if step.significand == 1, step.exponent <= 0 { return rounded(value, places: -step.exponent) == value }
        // Otherwise with whole numbers when both fit 64 bits: value = a × 10^i, step = b × 10^j.
        if let (a, i) = integerParts(value), let (b, j) = integerParts(step), b > 0 {
            let low = min(i, j)
            if let scaledA = scaled(a, by: i - low), let scaledB = scaled(b, by: j - low) { return scaledA % scaledB == 0 }
        }
        let quotient = value / step
        return rounded(quotient, places: 0) == quotient
    }
}
