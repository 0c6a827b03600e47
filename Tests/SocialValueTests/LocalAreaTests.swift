import Testing
@testable import SocialValue

@Suite("Local area by postcode district")
struct LocalAreaTests {
    let area = LocalArea(
        name: "Test borough", source: Source(title: "test"),
        districts: [
            PostcodeDistrict(code: "S60", coverage: .whole, places: "Town centre"),
            PostcodeDistrict(code: "S63", coverage: .partial, places: "Wath", note: "shared"),
        ])

    @Test("reads the district from full postcodes and bare districts", arguments: [
        ("S60 1AE", "S60"), ("s601ae", "S60"), ("S60", "S60"), ("DN1 2AB", "DN1"), ("SW1A 1AA", "SW1A"), ("M1 1AE", "M1"),
    ])
    func district(postcode: String, expected: String) {
        #expect(LocalArea.district(of: postcode) == expected)
    }

    @Test("refuses what is not a postcode", arguments: ["", "hello", "60 1AE", "S60 AAA", "S6000 1AE", "S60-1AE"])
    func notPostcodes(text: String) {
        #expect(LocalArea.district(of: text) == nil)
    }

    @Test("a wholly local district is inside, a shared one needs asking, others are outside")
    func locality() {
        #expect(area.locality(of: "S60 1AE") == .inside(area.districts[0]))
        #expect(area.locality(of: "S63 7AB") == .partial(area.districts[1]))
        #expect(area.locality(of: "LS1 4AP") == .outside(district: "LS1"))
        #expect(area.locality(of: "nonsense") == nil)
    }
}
