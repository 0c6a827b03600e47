import Foundation
import Testing
@testable import SocialValue

@Suite("Value packs")
struct ValuePackTests {
    let pack = ValuePack(
        name: "test", title: "Test", edition: "Test 2017", source: "test", date: "2017-12-01", illustrative: true,
        values: [ProxyValue(measure: MeasureReference("TOM6")!, perUnit: Money(Decimal(string: "12769.68")!),
                            edition: "2017", source: "CIPS", date: "2017-12")])

    @Test("values a quantity to the penny")
    func valuesQuantity() {
        let value = pack.valuation(of: Decimal(string: "1.5")!, for: MeasureReference("TOM6")!)
        #expect(value == Money(Decimal(string: "19154.52")!))
    }

    @Test("a measure without a value is unvalued, not £0")
    func unvaluedIsNil() {
        #expect(pack.value(for: MeasureReference("TOM18")!) == nil)
        #expect(pack.valuation(of: 5000, for: MeasureReference("TOM18")!) == nil)
    }
}
