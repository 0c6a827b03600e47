import Foundation
import Testing
@testable import SocialValue

@Suite("Money and decimal text")
struct MoneyTests {
    @Test("reads amounts as people write them", arguments: [
        ("100000", "100000"), ("£100,000", "100000"), ("12769.68", "12769.68"),
        (" £1.5m ", "1500000"), ("250k", "250000"), ("0", "0"),
    ])
    func parsesAmounts(text: String, expected: String) throws {
        let money = try #require(Money(parsing: text))
        #expect(money.pounds == Decimal(string: expected))
    }

    @Test("refuses what is not an amount", arguments: ["", "ten", "-1", "1e5", "12.3.4", "£", "12abc", "1,00.0.0"])
    func refusesNonAmounts(text: String) {
        #expect(Money(parsing: text) == nil)
    }

    @Test("shows pounds grouped with pence, rounding half away from zero")
    func formats() {
        #expect(Money(Decimal(string: "12769.68")!).description == "£12,769.68")
        #expect(Money(Decimal(string: "1234567.005")!).description == "£1,234,567.01")
        #expect(Money(Decimal(string: "0.5")!).description == "£0.50")
        #expect(Money(Decimal(string: "999.5")!).wholePounds == "£1,000")
    }

    @Test("groups thousands from the point, pads pence, and keeps the sign in front", arguments: [
        ("0", 0, "0"), ("0", 2, "0.00"), ("100", 0, "100"), ("1000", 0, "1,000"), ("123456", 0, "123,456"),
        ("1234567.8", 2, "1,234,567.80"), ("-1234.5", 2, "-1,234.50"), ("0.125", 2, "0.13"), ("999999.995", 2, "1,000,000.00"),
    ])
    func grouped(text: String, places: Int, expected: String) {
        #expect(DecimalText.grouped(Decimal(string: text)!, places: places) == expected)
    }

    @Test("adds and multiplies exactly, with no floating point drift")
    func arithmeticIsExact() {
        let tenth = Money(Decimal(string: "0.1")!)
        var total = Money.zero
        for _ in 0..<10 { total = total + tenth }
        #expect(total.pounds == 1)
        #expect((Money(Decimal(string: "12769.68")!) * Decimal(string: "2.5")!).pounds == Decimal(string: "31924.2"))
    }

    @Test("encodes as a plain decimal string and reads it back")
    func codableRoundTrip() throws {
        let money = Money(Decimal(string: "245.10")!)
        let data = try JSONEncoder().encode([money])
        #expect(String(decoding: data, as: UTF8.self) == #"["245.1"]"#)
        #expect(try JSONDecoder().decode([Money].self, from: data) == [money])
    }

    @Test("step checks accept multiples only", arguments: [
        ("2.5", "0.01", true), ("2.505", "0.01", false), ("3", "1", true), ("3.5", "1", false), ("1.5", "0.5", true),
        ("1.25", "0.5", false), ("0.3", "0.1", true), ("0.35", "0.1", false), ("100", "10", true), ("105", "10", false),
        ("0", "0.01", true), ("-2.5", "0.5", true), ("7", "0.25", true), ("7.1", "0.25", false), ("7.75", "0.25", true),
        ("123456789012345678901234", "0.5", true), ("123456789012345678901234.3", "0.5", false), ("0.0000000000000000000001", "3", false),
        ("30", "7.5", true), ("31", "7.5", false), ("2.25", "0.75", true),
    ])
    func multiples(value: String, step: String, expected: Bool) {
        #expect(DecimalText.isMultiple(Decimal(string: value)!, of: Decimal(string: step)!) == expected)
    }
}

@Suite("Decimal text")
struct DecimalTextTests {
    @Test("plain text is the exact value with no trailing zeros, as NSDecimalNumber writes it", arguments: [
        "0", "1", "-1", "12769.68", "2.50", "100000", "0.000001", "-0.5", "123456789012345678901234567890", "1.10", "45000000.00",
    ])
    func plain(text: String) throws {
        let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        var expected = NSDecimalNumber(decimal: value).description(withLocale: Locale(identifier: "en_US_POSIX"))
        if expected.contains(".") {
            while expected.hasSuffix("0") { expected.removeLast() }
            if expected.hasSuffix(".") { expected.removeLast() }
        }
        #expect(DecimalText.plain(value) == expected)
    }
}

@Suite("Reading decimals from their digits")
struct DecimalTextParseTests {
    /// The bytes of a Decimal: its exponent, length, sign and mantissa, not only its value.
    static func form(_ value: Decimal) -> [UInt8] {
        var value = value
        return withUnsafeBytes(of: &value) { Array($0) }
    }

    @Test("the same value in the same form as Decimal(string:)", arguments: [
        "12", "-3", "2.5", ".5", "2.50", "0", "-0", "0.00", "100", "1000000", "12769.68", "-120.00", "9999999999999999999",
        "99999999999999999999", "0.000001", "7.0", " 42 ", "123456789012345678901234567890", "\t7\u{00A0}", "\u{3000}-1.5",
    ])
    func sameForm(text: String) throws {
        let parsed = try #require(DecimalText.parse(text))
        let foundation = try #require(Decimal(string: text.trimmingCharacters(in: .whitespaces), locale: Locale(identifier: "en_US_POSIX")))
        #expect(Self.form(parsed) == Self.form(foundation))
        #expect(parsed.description == foundation.description)
    }

    @Test("anything but plain digits with one point is refused", arguments: ["", "-", ".", "1.2.3", "1e5", "£5", "5,000", "--1", "1-",
                                                                             "5\n", "\u{0661}", "1\u{0301}", " - 5"])
    func refused(text: String) {
        #expect(DecimalText.parse(text) == nil)
    }
}

@Suite("Writing decimals")
struct DecimalTextWritingTests {
    @Test("a decimal is written as its own description writes it, for every sign, size and scale")
    func sameAsDescription() {
        var values = ["0", "-0", "0.00", "1", "-1", "2.5", "2.50", "100", "1e2", "12769.68", "-120.5", "0.000001", "-0.05", "1234567.01",
                      "18446744073709551615", "18446744073709551616", "123456789012345678901234567890", "0.1234567890123456789012"]
            .map { Decimal(string: $0)! }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let mantissa = Decimal(UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator))
            let scale = Int.random(in: -20...6, using: &generator)
            let value = mantissa * Decimal(sign: .plus, exponent: scale, significand: 1)
            values.append(Bool.random(using: &generator) ? value : -value)
            values.append(value / 7)
        }
        for value in values {
            #expect(DecimalText.digits(value) == nil || DecimalText.digits(value) == value.description, "\(value)")
        }
        #expect(values.filter { DecimalText.digits($0) != nil }.count > 2_000)
    }

    /// Decimals of every sign, size and scale, with a few that do not fit 64 bits.
    static func samples(_ count: Int) -> [Decimal] {
        var values = ["0", "0.00", "1", "-1", "2.5", "2.50", "100", "1e2", "12769.68", "-120.5", "0.000001", "-0.05", "999999.995",
                      "0.125", "-0.005", "18446744073709551615", "18446744073709551616", "123456789012345678901234567890"]
            .map { Decimal(string: $0)! }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<count {
            let mantissa = Decimal(UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator))
            let value = mantissa * Decimal(sign: .plus, exponent: Int.random(in: -20...6, using: &generator), significand: 1)
            values.append(Bool.random(using: &generator) ? value : -value)
        }
        return values
    }

    @Test("a decimal's parts read from its storage are the ones Foundation gives")
    func partsFromStorage() throws {
        try #require(DecimalStorage.isKnown)
        for value in Self.samples(3_000) + [Decimal.nan] {
            let fast = DecimalStorage.parts(value)
            let slow = DecimalStorage.slowParts(value)
            #expect(fast?.whole == slow?.whole && fast?.exponent == slow?.exponent && fast?.negative == slow?.negative, "\(value)")
        }
    }

    @Test("plain and grouped text are what the description, trimmed and grouped digit by digit, gives")
    func plainAndGrouped() {
        for value in Self.samples(3_000) {
            var plain = value.description
            if plain.contains(".") {
                while plain.hasSuffix("0") { plain.removeLast() }
                if plain.hasSuffix(".") { plain.removeLast() }
            }
            #expect(DecimalText.plain(value) == plain, "\(value)")
            for places in [0, 2, 3] {
                #expect(DecimalText.grouped(value, places: places) == Self.groupedByDigits(value, places: places), "\(value) \(places)")
            }
        }
    }

    /// Grouping from the rounded value's description, one digit at a time.
    static func groupedByDigits(_ value: Decimal, places: Int) -> String {
        let rounded = DecimalText.rounded(value, places: places)
        let negative = rounded < 0
        var plain = (negative ? -rounded : rounded).description
        if plain.contains(".") {
            while plain.hasSuffix("0") { plain.removeLast() }
            if plain.hasSuffix(".") { plain.removeLast() }
        }
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Array(parts[0])
        var text = negative ? "-" : ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        if places > 0 {
            let fraction = parts.count > 1 ? String(parts[1]) : ""
            text += "." + fraction + String(repeating: "0", count: max(0, places - fraction.count))
        }
        return text
    }
}

@Suite("Blank text")
struct BlankLineTests {
    @Test("a line is blank exactly when trimming spaces and tabs leaves nothing", arguments: [
        "", " ", "\t", " \t ", "\u{00A0}", "\u{3000}\u{2009}", "a", " a ", "\n", " \n", "\u{200B}", "\r",
    ])
    func sameAsTrimming(text: String) {
        #expect(FastText.isBlankLine(text) == text.trimmingCharacters(in: .whitespaces).isEmpty)
    }

    @Test("characters are counted as Swift counts them", arguments: [
        "", "a", "Social value response", "a\r\nb", "\r", "\n\r", "café", "e\u{301}", "👩‍👩‍👧", "£1,000", "tab\there",
    ])
    func characterCount(text: String) {
        #expect(FastText.characterCount(text) == text.count)
    }
}

@Suite("Adding decimals")
struct DecimalSumTests {
    static func form(_ value: Decimal) -> [UInt8] {
        var value = value
        return withUnsafeBytes(of: &value) { Array($0) }
    }

    @Test("the sum is the very Decimal that adding them one by one gives, for any mix of scales, signs and sizes")
    func sameAsReduce() {
        let samples = ["0", "0.00", "1", "2.5", "2.50", "0.5", "3", "1.5", "100", "1e3", "0.01", "12769.68", "7.0", "30000", "0.1", "-1.5",
                       "18446744073709551615", "123456789012345678901234", "0.000000000000000000001"].map { Decimal(string: $0)! }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let values = (0..<Int.random(in: 0...5, using: &generator)).map { _ in samples.randomElement(using: &generator)! }
            #expect(Self.form(DecimalText.sum(values)) == Self.form(values.reduce(0, +)), "\(values)")
        }
    }
}

@Suite("Replacing bytes")
struct ReplacingTests {
    @Test("one byte or several replaced give what Foundation's replacingOccurrences gives", arguments: [
        "", "\"", "\"\"", "a\"b", "\"start", "end\"", "no quotes at all", "é\"ü\"😀\"", "<a href='x'>&amp;</a>", "\"<\"&\"'\"",
    ])
    func sameAsFoundation(text: String) {
        let quote = FastText.Replacements([UInt8(ascii: "\""): "\"\""])
        #expect(FastText.replacing(text, quote) == text.replacingOccurrences(of: "\"", with: "\"\""))
        let html = FastText.Replacements([UInt8(ascii: "&"): "&amp;", UInt8(ascii: "<"): "&lt;", UInt8(ascii: "\""): "&quot;"])
        let expected = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
        #expect(FastText.replacing(text, html) == expected)
    }
}

@Suite("The largest figures svwizard records")
struct LimitsTests {
    @Test("£10,000,000,000.00 is the largest amount; a penny more, or its negative, is refused with the limit in words", arguments: [
        ("10000000000", false), ("10000000000.01", true), ("-10000000000.01", true), ("184467440738", true), ("1000000000000", true),
    ])
    func amounts(text: String, refused: Bool) {
        let problem = Limits.problem(amount: Money(Decimal(string: text)!))
        #expect((problem != nil) == refused)
        if refused { #expect(problem?.contains("the largest amount is £10,000,000,000") == true) }
    }
}
