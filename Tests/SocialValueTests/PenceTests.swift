import Foundation
import Testing
@testable import SocialValue

/// One rounding rule: each commitment-year value is rounded to the penny, and every total is
/// the sum of the lines shown. Worked by hand.
@Suite("Money: every total is the sum of the pence shown")
struct PenceTests {
    static func valuation(_ quantities: [Decimal], perUnit: String, measure: String = "TOM1") -> Valuation {
        var response = Fixtures.validResponse()
        response.commitments = [Commitment(measure: Fixtures.reference(measure), quantities: quantities, delivery: "d", partner: "p", evidence: "e")]
        let pack = ValuePack(name: "p", title: "p", edition: "e", source: "s", date: "d", illustrative: false,
                             values: [ProxyValue(measure: Fixtures.reference(measure), perUnit: Money(Fixtures.decimal(perUnit)),
                                                 edition: "e", source: "s", date: "d")])
        return Valuation(of: response, framework: Fixtures.framework, catalogue: Fixtures.catalogue, pack: pack)
    }

    @Test("0.1 FTE a year at £23,456.78: £2,345.68 a year (2,345.678 rounded), £4,691.36 in all")
    func fractionalQuantity() throws {
        let valuation = Self.valuation([Fixtures.decimal("0.1"), Fixtures.decimal("0.1")], perUnit: "23456.78")
        let line = try #require(valuation.lines.first)
        #expect(line.values == [Money(Fixtures.decimal("2345.68")), Money(Fixtures.decimal("2345.68"))])
        #expect(line.total == Money(Fixtures.decimal("4691.36")))
        #expect(valuation.total == Money(Fixtures.decimal("4691.36")))
        #expect(valuation.byTheme.map(\.total).reduce(Money.zero, +) == valuation.total)
    }

    @Test("the rule rounds half up, per line, before adding", arguments: [
        ("0.735", ["1", "1"], ["0.74", "0.74"], "1.48"),     // 0.735 -> 0.74 each year
        ("0.734", ["1", "1"], ["0.73", "0.73"], "1.46"),
        ("0.005", ["1", "3"], ["0.01", "0.02"], "0.03"),     // 0.005 -> 0.01; 0.015 -> 0.02
        ("12769.68", ["0.5", "0.25"], ["6384.84", "3192.42"], "9577.26"),
    ])
    func roundingByLine(perUnit: String, quantities: [String], values: [String], total: String) throws {
        let valuation = Self.valuation(quantities.map(Fixtures.decimal), perUnit: perUnit)
        let line = try #require(valuation.lines.first)
        #expect(line.values == values.map { Money(Fixtures.decimal($0)) })
        #expect(valuation.total == Money(Fixtures.decimal(total)))
    }

    @Test("a unit price is shown exactly as the pack gives it", arguments: [
        ("0.735", "£0.735"), ("12769.68", "£12,769.68"), ("245", "£245.00"), ("0.5", "£0.50"), ("1234.5678", "£1,234.5678"),
    ])
    func unitPrice(value: String, shown: String) {
        #expect(Money(Fixtures.decimal(value)).unitPrice == shown)
    }
}
