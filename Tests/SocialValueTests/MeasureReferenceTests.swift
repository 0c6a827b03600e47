import Testing
@testable import SocialValue

@Suite("Measure references")
struct MeasureReferenceTests {
    @Test("understands the ways people type a reference", arguments: [
        ("TOM1", "TOM1"), ("tom 1", "TOM1"), ("TOM-4A", "TOM4a"), ("4a", "TOM4a"), ("TOM 58", "TOM58"), ("tom05a", "TOM5a"),
        ("TOM0", "TOM0"), ("TOM000", "TOM0"), ("TOM04", "TOM4"), ("TOM4A", "TOM4a"), ("TOM123z", "TOM123z"), (" TOM6 ", "TOM6"),
        ("TOM6\u{00A0}", "TOM6"),
    ])
    func parses(text: String, canonical: String) throws {
        #expect(try #require(MeasureReference(text)).rawValue == canonical)
    }

    @Test("refuses what is not a reference", arguments: ["", "TOM", "apprentice", "TOM1ab", "TOM 12345", "TOM1!", "TOM1234", "TOMa", "TOM1\u{00E9}"])
    func refuses(text: String) {
        #expect(MeasureReference(text) == nil)
    }

    @Test("orders by number then letter, as the catalogue lists them")
    func ordering() {
        let references = ["TOM58", "TOM4a", "TOM10", "TOM4", "TOM1", "TOM5a"].compactMap(MeasureReference.init)
        #expect(references.sorted().map(\.rawValue) == ["TOM1", "TOM4", "TOM4a", "TOM5a", "TOM10", "TOM58"])
    }

    @Test("speaks as the policy prints it")
    func spoken() {
        #expect(MeasureReference("tom4a")?.spoken == "TOM 4a")
    }
}
