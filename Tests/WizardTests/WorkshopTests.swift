import Foundation
import Testing
@testable import Questionnaire
@testable import SocialValue
@testable import Submission
@testable import Wizard

@Suite("svwizard workshop", .serialized)
struct WorkshopTests {
    func job(_ harness: TestHarness) -> WorkshopJob { WorkshopJob(context: harness.context, folder: nil) }

    @Test("every scenario's model answer has no errors and its bundle validates", arguments: ["thermal-works", "home-care", "school-catering", "it-support-quote"])
    func modelAnswers(name: String) throws {
        let harness = try TestHarness()
        #expect(try job(harness).example(name, weak: false) == .success, "\(harness.output)")
        let bundle = harness.storeFolder.appendingPathComponent("svwizard-practice/\(name)/model.svbundle.zip")
        let validator = try harness.context.bundleValidator()
        let report = validator.validate(try Data(contentsOf: bundle), file: name)
        #expect(report.status == .valid, "\(report.problems) \(report.findings.filter { $0.severity == .error })")
        #expect(report.findings.allSatisfy { $0.severity != .error })
    }

    @Test("workshop check flags every mistake planted in a scenario's weak answer", arguments: ["thermal-works", "home-care", "school-catering", "it-support-quote"])
    func weakAnswers(name: String) throws {
        let harness = try TestHarness()
        let scenario = try #require(harness.context.data.workshop(name))
        #expect(try job(harness).example(name, weak: true) == .success)
        let status = try job(harness).check("svwizard-practice/\(name)/weak.svdraft.json")
        #expect(status == .refused)
        for code in scenario.plantedMistakes {
            #expect(harness.output.contains(code.rawValue), "\(name): \(code.rawValue) not flagged")
        }
        #expect(harness.output.contains("What is missing or wrong"))
        #expect(harness.output.contains("(read: svwizard guide "))
    }

    @Test("start as supplier: the persona is filled in, teaching notes appear at key steps, the work lands in the practice folder")
    func startAsSupplier() throws {
        let harness = try TestHarness(lines: ["TOM18", "40000", "50000", "Local merchants.", ".", "", "Invoices.", ".", "Month 1.", ".", "finish"])
        #expect(try job(harness).start("thermal-works", asCommissioner: false) == .success, "\(harness.output)")
        let output = harness.output
        #expect(output.contains("Workshop: Thermal improvement works to homes in Maltby"))
        #expect(output.contains("All £ figures use the workshop pack and are illustrative."))
        #expect(!output.contains("What is your organisation's name?"), "the persona answers it")
        #expect(output.contains("Workshop note: a small firm scores best with a few measures"))
        #expect(output.contains("Workshop note: local spend (TOM 18) keeps the Rotherham pound"))
        #expect(output.contains("Workshop note: a huge commitment is a risk, not a win."))
        let draft = try DraftFile.read(harness.storeFolder.appendingPathComponent("svwizard-practice/thermal-works/response.svdraft.json"),
                                       flow: "supplier-response")
        #expect(draft.finished)
        #expect(draft.answers["supplier.name"] == "Maltby Joinery Ltd")
        #expect(draft.tender?.valuePack?.illustrative == true)
    }

    @Test("start as commissioner: the contract is filled in and the assessment writes its files in the practice folder")
    func startAsCommissioner() throws {
        // The quotation's local supplier, the contract's fit, the measures (recommended), the market, principles, wage,
        // pack and training (the workshop's pack, and yes, filled in). At £60,000 no social value weighting applies: no scoring questions.
        let harness = try TestHarness(lines: ["Brinsworth IT Co-operative", "2", "yes", "no", "no", "no", "yes", "", "no", ".",
                                              "yes", "yes", "no", "no", "all", "none", ".", "no", "", "", "finish"])
        #expect(try job(harness).start("it-support-quote", asCommissioner: true) == .success, "\(harness.output)")
        #expect(harness.output.contains("Which local supplier will you invite to quote?"))
        #expect(harness.output.contains("Workshop note: at £60,000 social value is not required"))
        let folder = harness.storeFolder.appendingPathComponent("svwizard-practice/it-support-quote")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("tender.json").path))
        #expect(try String(contentsOf: folder.appendingPathComponent("assessment.md"), encoding: .utf8).contains("written quotations"))
        #expect(!harness.output.contains("How will the quantitative offer"))
        let tender = try String(contentsOf: folder.appendingPathComponent("tender.json"), encoding: .utf8)
        #expect(!tender.contains("\"scoring\"") && !tender.contains("weighting") && tender.contains("\"training\" : true"), "\(tender)")
    }

    @Test("reset clears only a practice folder")
    func reset() throws {
        let harness = try TestHarness()
        _ = try job(harness).example("home-care", weak: true)
        #expect(try job(harness).reset(yes: true) == .success)
        #expect(!FileManager.default.fileExists(atPath: harness.storeFolder.appendingPathComponent("svwizard-practice").path))
        let other = harness.storeFolder.appendingPathComponent("precious")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        let error = try #require(throws: WizardError.self) { try WorkshopJob(context: harness.context, folder: "precious").reset(yes: true) }
        #expect(error.message.contains("is not a svwizard practice folder"))
        #expect(FileManager.default.fileExists(atPath: other.path))
    }

    @Test("an unknown scenario is refused with the list")
    func unknown() throws {
        let harness = try TestHarness()
        let error = try #require(throws: WizardError.self) { try job(harness).start("bakery", asCommissioner: false) }
        #expect(error.message.contains("The scenarios are: home-care, it-support-quote, school-catering, thermal-works."))
    }
}
