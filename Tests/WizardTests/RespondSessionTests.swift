import Foundation
import Testing
@testable import Questionnaire
@testable import SocialValue
@testable import Wizard

/// A harness with a tender file in its folder: £450,000 over two years, adopting TOM10, TOM12 and TOM6.
struct RespondHarness {
    let harness: TestHarness
    let tenderPath: String
    var draftURL: URL { harness.storeFolder.appendingPathComponent("T-1.svdraft.json") }

    init(lines: [String]) throws {
        harness = try TestHarness(lines: lines)
        let tender = TenderSpecification(buyer: "Rotherham MBC", reference: "T-1", title: "Works", contractValue: Money(450_000),
                                         startDate: "2025-04-01", years: 2,
                                         adoptedMeasures: ["TOM10", "TOM12", "TOM6"].compactMap(MeasureReference.init))
        tenderPath = harness.storeFolder.appendingPathComponent("tender.json").path
        try JSONEncoder().encode(tender).write(to: URL(fileURLWithPath: tenderPath))
    }

    func run(resume: Bool = false, answers: String? = nil, noInput: Bool = false) throws -> Wizard.ExitStatus {
        try RespondJob.job(context: harness.context, options: .init(
            tenderFile: resume ? nil : tenderPath, resume: resume ? draftURL.path : nil, draft: nil,
            answersFile: answers, noInput: noInput)).run()
    }

    func draft() throws -> Draft { try DraftFile.read(draftURL, flow: "supplier-response") }
    var output: String { harness.output }
    /// The output with wrapped lines joined, for checking sentences.
    var flat: String { harness.output.replacingOccurrences(of: "\n", with: " ") }
}

/// Answers for a whole response, question by question.
enum Script {
    static let supplier = ["Acme Joinery", "S60 1AE", "2", "company", "5", "1", "some"]
    static let apprenticeships = ["52", "52", "One apprentice joiner from month 1.", ".", "Rotherham College", "Timesheets.", "."]
    static let plan = ["Month 1: apprentice starts.", "."]
    static let whole = supplier + ["TOM10"] + apprenticeships + plan + ["finish"]
}

@Suite("svwizard respond, driven by a script", .serialized)
struct RespondSessionTests {
    @Test("a whole response: step headings, the review with its value, and the next command")
    func wholeResponse() throws {
        let respond = try RespondHarness(lines: Script.whole)
        #expect(try respond.run() == .success)
        let output = respond.output
        #expect(output.contains("Step 1 of 5: Your organisation"))
        #expect(output.contains("Step 3 of 5: Your commitments, measure 1 of 1: TOM 10 Apprenticeships"))
        #expect(output.contains("Step 4 of 5: Your delivery plan"))
        #expect(output.contains("Step 5 of 5: Review"))
        #expect(output.contains("Total 104 weeks (year 1: 52 weeks, year 2: 52 weeks)"))
        #expect(output.contains("Checks: 0 errors, 0 warnings"))
        #expect(respond.flat.contains("Next, make the bundle to upload with your tender: svwizard export \(respond.draftURL.path)"))
        #expect(respond.flat.contains("Total social value: not valued, because every measure here is unvalued in the workshop pack"))
        let draft = try respond.draft()
        #expect(draft.finished)
        #expect(draft.tender?.reference == "T-1")
        #expect(draft.answers["commitments.TOM10.delivery"] == "One apprentice joiner from month 1.")
        #expect(draft.answers["supplier.workforce"] == "5")
    }

    @Test("an invalid answer is explained with an example and asked again; nothing else is lost")
    func invalidAnswer() throws {
        var lines = Script.whole
        lines.insert("five and a half", at: 4)
        let respond = try RespondHarness(lines: lines)
        #expect(try respond.run() == .success)
        #expect(respond.output.contains("\"five and a half\" is not a number."))
        #expect(respond.output.contains("For example: 6.5"))
        #expect(try respond.draft().answers["supplier.workforce"] == "5")
    }

    @Test("? shows the question's guidance; ? REF shows a measure's page")
    func help() throws {
        var lines = Script.whole
        lines.insert("?", at: 1)
        lines.insert("? TOM10", at: 8)
        let respond = try RespondHarness(lines: lines)
        #expect(try respond.run() == .success)
        #expect(respond.flat.contains("svwizard uses it to see whether you are a local supplier in Rotherham borough."))
        #expect(respond.output.contains("TOM 10: Apprenticeships (weeks)"))
    }

    @Test("back returns to the previous question with its answer offered; Enter keeps it")
    func back() throws {
        var lines = Script.whole
        lines.insert(contentsOf: ["back", ""], at: 2)
        let respond = try RespondHarness(lines: lines)
        #expect(try respond.run() == .success)
        #expect(respond.output.contains("Answer [S60 1AE]: \n"))
        #expect(try respond.draft().answers["supplier.postcode"] == "S60 1AE")
    }

    @Test("from the review, edit changes one answer and comes back to the review")
    func editFromReview() throws {
        var lines = Array(Script.whole.dropLast())
        lines += ["edit 5", "3", "finish"]
        let respond = try RespondHarness(lines: lines)
        #expect(try respond.run() == .success)
        #expect(try respond.draft().answers["supplier.workforce"] == "3")
        #expect(respond.output.components(separatedBy: "Step 5 of 5: Review").count == 3)
    }

    @Test("review mid-way shows progress; typing review jumps there")
    func reviewMidWay() throws {
        let respond = try RespondHarness(lines: ["Acme", "review", "quit"])
        #expect(try respond.run() == .success)
        #expect(respond.output.contains("Step 5 of 5: Review") || respond.output.contains("Review"))
        #expect(respond.output.contains("ERROR SV-E001"))
        #expect(try respond.draft().answers["supplier.name"] == "Acme")
    }

    @Test("input ending mid-way saves everything; resuming carries on where it stopped")
    func resume() throws {
        // The input ends after year 2's quantity (like Ctrl-D at a terminal).
        let first = try RespondHarness(lines: Array(Script.whole.prefix(10)))
        #expect(try first.run() == .success)
        #expect(first.flat.contains("Carry on later with: svwizard respond --resume"))
        let saved = try first.draft()
        #expect(saved.answers["commitments.TOM10.quantity.1"] == "52")
        #expect(saved.position == "commitments.TOM10.delivery")

        let second = try RespondHarness(lines: Array(Script.whole.dropFirst(10)))
        try FileManager.default.copyItem(at: first.draftURL, to: second.draftURL)
        #expect(try second.run(resume: true) == .success)
        #expect(second.output.contains("How will you deliver TOM 10?"))
        #expect(!second.output.contains("What is your organisation's name?"))
        let finished = try second.draft()
        #expect(finished.finished)
        #expect(finished.answers["supplier.name"] == "Acme Joinery")
    }

    @Test("Ctrl-C asks first: no carries on, yes leaves with everything saved")
    func interrupt() throws {
        let carryOn = try RespondHarness(lines: ["^C", "n"] + Script.whole)
        #expect(try carryOn.run() == .success)
        #expect(carryOn.output.contains("Save your answers and leave?"))
        #expect(carryOn.output.contains("Carrying on."))

        let leave = try RespondHarness(lines: ["Acme", "S60 1AE", "^C", "y"])
        #expect(try leave.run() == .interrupted)
        let draft = try leave.draft()
        #expect(draft.answers["supplier.postcode"] == "S60 1AE")
        #expect(draft.position == "supplier.size")
    }

    @Test("quit leaves with the answers saved")
    func quit() throws {
        let respond = try RespondHarness(lines: ["Acme", "quit"])
        #expect(try respond.run() == .success)
        #expect(try respond.draft().answers["supplier.name"] == "Acme")
    }

    @Test("an existing draft is never overwritten by a new response")
    func noOverwrite() throws {
        let respond = try RespondHarness(lines: ["Acme", "quit"])
        _ = try respond.run()
        let error = try #require(throws: WizardError.self) { try respond.run() }
        #expect(error.message.contains("already exists. Carry on with it: svwizard respond --resume"))
        #expect(try respond.draft().answers["supplier.name"] == "Acme")
    }

    @Test("a damaged draft is refused with a clear message and left untouched")
    func damagedDraft() throws {
        let respond = try RespondHarness(lines: [])
        try "{\"format\": \"svwizard-draft\", \"formatVersion\": 5}".write(to: respond.draftURL, atomically: true, encoding: .utf8)
        let error = try #require(throws: WizardError.self) { try respond.run(resume: true) }
        #expect(error.status == .unreadable)
        #expect(error.message.contains("saved by a newer svwizard"))
        #expect(try String(contentsOf: respond.draftURL, encoding: .utf8).contains("\"formatVersion\": 5"))
    }
}

@Suite("Answers files and --no-input", .serialized)
struct RespondAnswersTests {
    func answersFile(_ harness: RespondHarness, _ text: String) throws -> String {
        let url = harness.harness.storeFolder.appendingPathComponent("answers.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static let complete = """
        supplier: {name: Acme Joinery, postcode: S60 1AE, size: small, type: company, workforce: 5, newHires: 1, livingWage: some}
        measures: [TOM10]
        commitments:
          TOM10:
            quantity: [52, 52]
            delivery: One apprentice joiner from month 1.
            partner: Rotherham College
            evidence: Timesheets.
        deliveryDocument: "Month 1: apprentice starts."
        """

    @Test("with a complete file and --no-input, the response is finished without a question")
    func completeNoInput() throws {
        let respond = try RespondHarness(lines: [])
        #expect(try respond.run(answers: answersFile(respond, Self.complete), noInput: true) == .success)
        #expect(respond.harness.reader.prompts.isEmpty)
        #expect(try respond.draft().finished)
        #expect(respond.output.contains("Checks: 0 errors"))
    }

    @Test("--no-input lists every missing and invalid answer, saves the rest, and fails")
    func missingNoInput() throws {
        let respond = try RespondHarness(lines: [])
        let text = """
            supplier: {name: Acme, postcode: not-a-postcode, size: enormous, workforce: 5, newHires: 1, livingWage: some, colour: blue}
            measures: [TOM10]
            """
        #expect(try respond.run(answers: answersFile(respond, text), noInput: true) == .refused)
        let output = respond.output
        #expect(output.contains("supplier.postcode: \"not-a-postcode\" is not a UK postcode."))
        #expect(output.contains("supplier.size: \"enormous\" is not one of the choices"))
        #expect(output.contains("supplier.colour is not a question in this questionnaire"))
        #expect(output.contains("These answers are missing"))
        for key in ["supplier.type", "commitments.TOM10.quantity.1", "commitments.TOM10.delivery", "deliveryDocument"] {
            #expect(output.contains("  \(key): "), "\(key) not listed")
        }
        #expect(respond.harness.reader.prompts.isEmpty)
        #expect(try respond.draft().answers["supplier.name"] == "Acme")
    }

    @Test("interactively, an answers file fills what it can and only the rest is asked")
    func prefillThenAsk() throws {
        let respond = try RespondHarness(lines: ["S60 1AE"] + Script.apprenticeships + Script.plan + ["finish"])
        let text = Self.complete.replacingOccurrences(of: "postcode: S60 1AE", with: "postcode: nowhere")
            .components(separatedBy: "commitments:")[0]
        #expect(try respond.run(answers: answersFile(respond, text)) == .success)
        #expect(respond.output.contains("\"nowhere\" is not a UK postcode"))
        #expect(!respond.output.contains("What is your organisation's name?"))
        #expect(respond.output.contains("What is your organisation's postcode?"))
        #expect(try respond.draft().answers["supplier.postcode"] == "S60 1AE")
    }
}
