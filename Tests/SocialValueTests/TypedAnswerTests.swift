import Foundation
import Testing
@testable import SocialValue

/// What people naturally type: dates with month names, money with words.
@Suite("Answers people type")
struct TypedAnswerTests {
    @Test("every way of writing 1 April 2026 means 1 April 2026", arguments: [
        "1 April 2026", "1st April 2026", "1 Apr 2026", "April 1 2026", "April 1, 2026", "01/04/2026", "1/4/26", "2026-04-01",
        "1.4.2026", "1-4-2026", " 1 april 2026 ",
    ])
    func dates(text: String) {
        #expect(DateText.parse(text) == "2026-04-01", "\(text)")
    }

    @Test("impossible or unclear dates are refused", arguments: ["31/02/2025", "29/02/2025", "32 March 2026", "1 Foo 2026", "2026", "1/13/2026",
                                                               "April 2026", "yesterday", "1 April 1850"])
    func badDates(text: String) {
        #expect(DateText.parse(text) == nil, "\(text)")
    }

    @Test("29 February is accepted in a leap year")
    func leapDay() {
        #expect(DateText.parse("29/02/2028") == "2028-02-29")
    }

    @Test("dates are shown back in words", arguments: [("2026-04-01", "1 April 2026"), ("2025-12-31", "31 December 2025")])
    func shown(iso: String, words: String) {
        #expect(DateText.long(iso) == words)
    }

    @Test("money as people write it", arguments: [
        ("£1.2 million", "1200000"), ("£1.2m", "1200000"), ("£180k", "180000"), ("180 thousand", "180000"), ("1,000", "1000"),
        ("£450,000", "450000"), ("12769.68", "12769.68"), ("2.5mn", "2500000"),
    ])
    func money(text: String, pounds: String) {
        #expect(Money(parsing: text)?.pounds == Decimal(string: pounds), "\(text)")
    }

    @Test("money that is not money is refused", arguments: ["lots", "-5", "£", "1.2 billion pounds", "12k34"])
    func notMoney(text: String) {
        #expect(Money(parsing: text) == nil, "\(text)")
    }
}
