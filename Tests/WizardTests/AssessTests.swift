import Foundation
import Testing
@testable import Questionnaire
@testable import SocialValue
@testable import Wizard

@Suite("svwizard assess, and its tender file answered by respond", .serialized)
struct AssessTests {
    static let answers = """
        contract:
          title: Thermal improvement works, Maltby
          reference: RMBC-2025-041
          directorate: Housing
          commissioner: A. Officer
          category: works
          value: 450000
          years: 2
          startDate: 01/04/2025
        route: tender
        fit: {people: 6, subcontracting: yes, apprenticeships: yes, schools: no, carbon: yes, vcse: no}
        measures: [TOM1, TOM10, TOM18, TOM31]
        market:
          lots: yes
          lotsNote: One lot per township
          localSuppliers: Maltby Joinery Ltd
          engagement: yes
          support: yes
          coDesign: no
          livedExperience: no
        principles: {keepItLocal: "2, 3", communityWealthBuilding: all, note: Lots sized for local firms.}
        livingWage: {inScope: yes, assurance: yes}
        scoring: {method: relativeToTarget, target: "0.25", scale: zeroToFive}
        valuePack: toms.csv
        """

    func assess(_ harness: TestHarness, answers: String = AssessTests.answers) throws -> Wizard.ExitStatus {
        let folder = harness.storeFolder
        try answers.write(to: folder.appendingPathComponent("assessment.yaml"), atomically: true, encoding: .utf8)
        try "measure,value\nTOM1,12654\nTOM10,250\n".write(to: folder.appendingPathComponent("toms.csv"), atomically: true, encoding: .utf8)
        var text = answers
        text += "\n"
        return try AssessJob.job(context: harness.context, options: .init(resume: nil, draft: nil, answersFile: "assessment.yaml", noInput: true),
                                 outputFolder: nil).run()
    }

    @Test("an assessment from an answers file writes the record and the tender file")
    func writesFiles() throws {
        let harness = try TestHarness()
        var answers = Self.answers
        answers += "\nvaluePack.edition: National TOMs 2025\nvaluePack.source: Rotherham ITT pack\n"
        #expect(try assess(harness, answers: answers) == .success, "\(harness.output)")
        let folder = harness.storeFolder
        let record = try String(contentsOf: folder.appendingPathComponent("assessment.md"), encoding: .utf8)
        #expect(record.contains("Social value is required, worth 20% of the tender score: 50% for the quantitative offer and 50% for the qualitative answer."))
        #expect(record.contains("Suppliers provide a delivery plan."))
        #expect(record.contains("1. TOM 10 Apprenticeships: recommended because the work suits apprentices, trainees or placements. Adopted."))
        #expect(record.contains("6. TOM 4 Not in employment, education or training (NEETs)"))
        #expect(!record.contains("7. "), "a short list of at most six")
        #expect(record.contains("- TOM 1 Local jobs. Adopted."), "added by the commissioner")
        #expect(record.contains("- TOM 9 Skills: people will work on the contract (so it fits any contract with staff)."))
        #expect(record.contains("- TOM 8 Young people work advice: the contract has no contact with schools."))
        #expect(record.contains("| TOM 1 Local jobs | full-time equivalent people (FTE) | £12,654.00 |"))
        #expect(record.contains("| TOM 18 Local spend | pounds (£) | not valued |"))
        #expect(record.contains("| Decision-maker's name |   |") && record.contains("| Date |   |"))
        #expect(record.contains("£108,000 to £225,000 (24% to 50% of the contract value). These are public benchmarks for works contracts"))
        #expect(record.contains("| Coordinate services at a neighbourhood level | yes |"))
        #expect(!record.contains("[x]") && !record.contains("[ ]"))
        #expect(record.contains("Consider co-design with people who have lived experience."))
        let html = try String(contentsOf: folder.appendingPathComponent("assessment.html"), encoding: .utf8)
        #expect(html.contains("<h2>Open actions</h2>") && !html.contains("<script"))
        let tender = try JSONDecoder().decode(TenderSpecification.self, from: Data(contentsOf: folder.appendingPathComponent("tender.json")))
        #expect(tender.adoptedMeasures.map(\.rawValue) == ["TOM10", "TOM1", "TOM18", "TOM31"])
        #expect(tender.contractValue == Money(450_000))
        #expect(tender.scoring?.deliveryDocument == .deliveryPlan)
        #expect(tender.scoring?.weighting == 20)
        #expect(tender.valuePack?.value(for: MeasureReference("TOM1")!)?.perUnit == Money(12_654))
        #expect(tender.valuePack?.edition == "National TOMs 2025")
        #expect(tender.localArea?.districts.first?.code == "S60")
    }

    @Test("the tender file round-trips into respond: only its measures are offered, and its values value the response")
    func roundTrip() throws {
        let harness = try TestHarness(lines: ["Acme", "S60 1AE", "small", "company", "5", "1", "some", "TOM1", "2", "2",
                                              "Two local joiners.", ".", "", "Payroll with postcodes.", ".", "Month 1: start.", ".", "finish"])
        var answers = Self.answers
        answers += "\nvaluePack.edition: National TOMs 2025\nvaluePack.source: Rotherham ITT pack\n"
        #expect(try assess(harness, answers: answers) == .success)
        let tender = harness.storeFolder.appendingPathComponent("tender.json").path
        let status = try RespondJob.job(context: harness.context, options: .init(tenderFile: tender, resume: nil, draft: "bid.svdraft.json",
                                                                               answersFile: nil, noInput: false)).run()
        #expect(status == .success)
        let measuresPrompt = try #require(harness.reader.offeredCompletions.first { $0.contains("TOM18") && $0.contains("TOM1") })
        #expect(measuresPrompt.filter { $0.hasPrefix("TOM") } == ["TOM10", "TOM1", "TOM18", "TOM31"])
        #expect(harness.output.contains("Value: £50,616.00 at £12,654.00 per FTE, National TOMs 2025"))
        #expect(!harness.output.contains("ILLUSTRATIVE"))
    }

    @Test("with --no-input, missing answers are listed")
    func missing() throws {
        let harness = try TestHarness()
        #expect(try assess(harness, answers: "contract: {title: Works}\n") == .refused)
        #expect(harness.output.contains("contract.reference: What is the procurement reference?"))
        // The only pack here is the illustrative workshop pack, which is never offered as the default.
        #expect(harness.output.contains("valuePack: Which value pack will the tender use?"))
    }

    @Test("a quotation with no local supplier asks why, and records the search")
    func quotations() throws {
        let harness = try TestHarness()
        let answers = Self.answers.replacingOccurrences(of: "route: tender", with: "route: quotations\nquotes: {localSupplier: none}")
            .replacingOccurrences(of: "valuePack: toms.csv", with: "valuePack: workshop")
        #expect(try assess(harness, answers: answers) == .refused)
        #expect(harness.output.contains("quotes.noLocalReason: Why could no local supplier be found"))
    }
}
