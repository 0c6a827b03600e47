import Foundation
import Testing
@testable import Questionnaire
@testable import SocialValue

/// The shipped supplier-response flow, planned against the shipped data.
struct FlowFixture {
    let data: DataSet
    let planner: FlowPlanner

    init(tender: TenderSpecification? = nil) throws {
        data = try shippedData()
        let flow = try #require(data.flows["supplier-response"])
        planner = FlowPlanner(flow: flow, environment: FlowEnvironment(data: data, tender: tender, pack: data.valuePacks.first))
    }

    func keys(_ answers: [String: String]) -> [String] { planner.plan(AnswerSheet(answers)).map(\.key) }

    func question(_ key: String, _ answers: [String: String] = [:]) throws -> PlannedQuestion {
        try #require(planner.plan(AnswerSheet(answers)).first { $0.key == key }, "no question \(key)")
    }

    static let tender = TenderSpecification(buyer: "Council", reference: "T-1", title: "Works", contractValue: Money(450_000),
                                            startDate: "2025-04-01", years: 3,
                                            adoptedMeasures: ["TOM10", "TOM12", "TOM6", "TOM3"].compactMap(MeasureReference.init))
}

@Suite("Planning the questions")
struct FlowPlannerTests {
    @Test("without a tender file the tender is asked; with one, that step is skipped")
    func tenderStep() throws {
        #expect(try FlowFixture().keys([:]).first == "tender.buyer")
        let keys = try FlowFixture(tender: FlowFixture.tender).keys([:])
        #expect(keys.first == "supplier.name")
        #expect(!keys.contains { $0.hasPrefix("tender.") })
    }

    @Test("each chosen measure gets its questions, with one quantity per contract year")
    func perMeasureAndYear() throws {
        let keys = try FlowFixture(tender: FlowFixture.tender).keys(["measures": "TOM10, TOM12"])
        #expect(keys.filter { $0.hasPrefix("commitments.TOM10.quantity.") } == ["commitments.TOM10.quantity.1", "commitments.TOM10.quantity.2", "commitments.TOM10.quantity.3"])
        #expect(keys.contains("commitments.TOM12.placements") && keys.contains("commitments.TOM12.weeksEach"))
        #expect(!keys.contains("commitments.TOM10.placements"))
        #expect(keys.last == "deliveryDocument")
    }

    @Test("hiring measures ask how many people; two of them ask who is counted twice")
    func hiringQuestions() throws {
        let fixture = try FlowFixture(tender: FlowFixture.tender)
        let one = fixture.keys(["measures": "TOM6"])
        #expect(one.contains("commitments.TOM6.people"))
        #expect(!one.contains("peopleCountedTwice"))
        #expect(fixture.keys(["measures": "TOM6, TOM3"]).contains("peopleCountedTwice"))
    }

    @Test("age-band measures ask for confirmation; a shared postcode district asks about the boundary")
    func conditions() throws {
        let fixture = try FlowFixture()
        #expect(fixture.keys(["tender.measures": "TOM4a", "measures": "TOM4a"]).contains("commitments.TOM4a.ageBandConfirmed"))
        #expect(fixture.keys(["supplier.postcode": "S66 8AB"]).contains("supplier.insideBoundary"))
        #expect(!fixture.keys(["supplier.postcode": "S60 1AE"]).contains("supplier.insideBoundary"))
        #expect(!fixture.keys(["supplier.postcode": "LS1 4AP"]).contains("supplier.insideBoundary"))
    }

    @Test("placeholders are filled: the measure, the year, the unit, the delivery document for the value")
    func placeholders() throws {
        let fixture = try FlowFixture()
        let answers = ["tender.value": "200000", "tender.years": "2", "tender.measures": "TOM10", "measures": "TOM10"]
        let quantity = try fixture.question("commitments.TOM10.quantity.2", answers)
        #expect(quantity.text == "How much will you deliver under TOM 10 in contract year 2, in weeks?")
        #expect(quantity.stepTitle == "Your commitments, measure 1 of 1: TOM 10 Apprenticeships")
        #expect(quantity.example == "52")
        #expect(try fixture.question("deliveryDocument", answers).text == "Write your milestone tracker.")
        #expect(try fixture.question("deliveryDocument", answers.merging(["tender.value": "250000.01"]) { $1 }).text == "Write your delivery plan.")
        // Tender, organisation, measures, commitments, delivery document; "Counting people once" only with two hiring measures.
        #expect(quantity.stepNumber == 4 && quantity.stepCount == 5)
        #expect(try fixture.question("supplier.name", answers).stepCount == 5, "the count is the same before measures are chosen")
    }

    @Test("the measures offered are the tender's adopted measures")
    func offeredMeasures() throws {
        let question = try FlowFixture(tender: FlowFixture.tender).question("measures")
        #expect(question.completions == ["TOM10", "TOM3", "TOM6", "TOM12"], "the framework's order")
    }
}

@Suite("Reading answers")
struct AnswerParserTests {
    func parse(_ text: String, _ key: String, _ answers: [String: String] = ["tender.measures": "TOM1, TOM10, TOM18", "measures": "TOM1, TOM10, TOM18"]) throws -> Result<String, AnswerProblem> {
        AnswerParser.parse(text, for: try FlowFixture().question(key, answers))
    }

    @Test("quantities: 2.5 FTE is fine; -1, ten and 2.505 are refused with an example", arguments: [
        ("2.5", "commitments.TOM1.quantity.1", "2.5"), ("0", "commitments.TOM1.quantity.1", "0"),
        ("52", "commitments.TOM10.quantity.1", "52"), ("£25,000", "commitments.TOM18.quantity.1", "25000"),
    ])
    func goodQuantities(text: String, key: String, expected: String) throws {
        #expect(try parse(text, key) == .success(expected))
    }

    @Test("bad quantities are explained", arguments: [
        ("-1", "commitments.TOM1.quantity.1", "cannot be below 0"), ("lots", "commitments.TOM1.quantity.1", "is not a number"),
        ("2.505", "commitments.TOM1.quantity.1", "in steps of 0.01"), ("2.5", "commitments.TOM10.quantity.1", "a whole number"),
    ])
    func badQuantities(text: String, key: String, fragment: String) throws {
        guard case let .failure(problem) = try parse(text, key) else {
            Issue.record("\(text) was accepted")
            return
        }
        #expect(problem.message.contains(fragment))
        #expect(problem.example != nil)
    }

    @Test("dates in either order; yes and no; choices by number, name or the start of a name", arguments: [
        ("01/04/2025", "tender.startDate", "2025-04-01"), ("2025-4-1", "tender.startDate", "2025-04-01"),
        ("Y", "supplier.insideBoundary", "yes"), ("2", "supplier.size", "small"), ("Large", "supplier.size", "large"),
        ("co-op", "supplier.type", "cooperative"), ("s601ae", "supplier.postcode", "S60 1AE"), ("£1.5m", "tender.value", "1500000"),
    ])
    func formats(text: String, key: String, expected: String) throws {
        #expect(try parse(text, key, ["supplier.postcode": "S66 8AB"]) == .success(expected))
    }

    @Test("refusals", arguments: [
        ("31/02/2025", "tender.startDate"), ("maybe", "supplier.insideBoundary"), ("huge", "supplier.size"),
        ("XX", "supplier.postcode"), ("0", "tender.years"), ("16", "tender.years"), ("", "tender.reference"),
    ])
    func refusals(text: String, key: String) throws {
        guard case .failure = try parse(text, key, ["supplier.postcode": "S66 8AB"]) else {
            Issue.record("\"\(text)\" was accepted for \(key)")
            return
        }
    }

    @Test("measures by reference, TOM number or words, in the framework's order; a number is never a place in the list")
    func measures() throws {
        let answers = ["tender.measures": "TOM10, TOM18, TOM1"]
        // Offered in the framework's order: TOM10, TOM1, TOM18. "1" is TOM1, never the first on screen.
        #expect(try parse("tom18, 1", "measures", answers) == .success("TOM1, TOM18"))
        #expect(try parse("1, 10", "measures", answers) == .success("TOM10, TOM1"))
        #expect(try parse("TOM 10; local jobs", "measures", answers) == .success("TOM10, TOM1"))
        #expect(try parse("apprenticeships", "measures", answers) == .success("TOM10"))
        #expect(try parse("TOM1 TOM18", "measures", answers) == .success("TOM1, TOM18"))
        #expect(try parse("all", "measures", answers) == .success("TOM10, TOM1, TOM18"))
        guard case let .failure(ambiguous) = try parse("local", "measures", answers) else {
            Issue.record("\"local\" was accepted though it matches two measures")
            return
        }
        #expect(ambiguous.message.contains("could mean several measures: TOM1 Local jobs, TOM18 Local spend"))
        guard case let .failure(number) = try parse("7, 12", "measures", answers) else {
            Issue.record("7 and 12 were accepted though neither TOM7 nor TOM12 is offered")
            return
        }
        #expect(number.message.contains("TOM7 is not one of the measures here") && number.message.contains("not a place in the list"))
        guard case let .failure(problem) = try parse("TOM6", "measures", answers) else {
            Issue.record("TOM6 was accepted though the tender did not adopt it")
            return
        }
        #expect(problem.message.contains("not one of the measures here"))
    }

    @Test("Enter takes the default; an optional question may be left empty")
    func defaults() throws {
        #expect(try parse("", "tender.buyer") == .success("Rotherham Metropolitan Borough Council"))
        #expect(try parse("  ", "commitments.TOM10.partner") == .success(""))
    }
}

@Suite("Answers files")
struct AnswerFileTests {
    @Test("nested sections become keys, per-year lists become numbered keys, measure lists stay whole")
    func flatten() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID().uuidString).yaml")
        try """
            tender:
              value: 450000
              measures: [TOM10, TOM18]
            measures: [TOM10]
            commitments:
              TOM10:
                quantity: [52, 26]
                delivery: |
                  Line one
                  Line two
            """.write(to: url, atomically: true, encoding: .utf8)
        let answers = try AnswerFile.read(url)
        #expect(answers["tender.value"] == "450000")
        #expect(answers["tender.measures"] == "TOM10, TOM18")
        #expect(answers["measures"] == "TOM10")
        #expect(answers["commitments.TOM10.quantity.2"] == "26")
        #expect(answers["commitments.TOM10.delivery"] == "Line one\nLine two")
    }
}

@Suite("The scoring method chosen in the assessment")
struct ScoringChoiceTests {
    @Test("bands typed as people write them", arguments: [
        ("0.05 25%, 0.10 50%, 0.20 100%", 3), ("£0.05: 25%, £0.2: 100%", 2), ("0.1 50", 1),
    ])
    func bands(text: String, count: Int) {
        #expect(AssessmentAssembler.bands(text)?.count == count)
    }

    @Test("bands that cannot be read are refused", arguments: ["", "0.05", "0.05 25%, lots", "0.1 150%", "-0.1 50%"])
    func badBands(text: String) {
        #expect(AssessmentAssembler.bands(text) == nil)
    }

    @Test("the method with its figure, from the answers; none until its figure is given")
    func method() {
        #expect(AssessmentAssembler.method(AnswerSheet(["scoring.method": "relativeToHighest"])) == .relativeToHighest)
        #expect(AssessmentAssembler.method(AnswerSheet(["scoring.method": "relativeToTarget", "scoring.target": "0.25"]))
            == .relativeToTarget(perPound: Decimal(string: "0.25")!))
        #expect(AssessmentAssembler.method(AnswerSheet(["scoring.method": "passFail"])) == nil)
        #expect(AssessmentAssembler.method(AnswerSheet([:])) == nil)
    }
}
