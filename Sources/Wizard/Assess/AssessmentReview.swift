import Foundation
import Questionnaire
import SocialValue
import Submission
import Terminal

/// The review of an opportunity assessment, and what finishing it does: import the buyer's
/// value pack if a CSV was given, then write `assessment.md`, `assessment.html` and `tender.json`.
public struct AssessmentReview: FlowReview {
    let environment: FlowEnvironment
    let context: AppContext
    let outputFolder: URL?

    public init(environment: FlowEnvironment, context: AppContext, outputFolder: URL?) {
        self.environment = environment
        self.context = context
        self.outputFolder = outputFolder
    }

    public var resumeCommand: String { "svwizard assess" }

    func record(_ answers: AnswerSheet) -> AssessmentRecord {
        let assessment = AssessmentAssembler(environment: environment).assessment(from: answers)
        return AssessmentRecord(assessment: assessment, framework: context.data.framework, catalogue: context.data.catalogue,
                                pack: pack(named: assessment.valuePack, answers: answers))
    }

    /// The chosen pack: a known pack by name, or the CSV's values once imported.
    func pack(named name: String, answers: AnswerSheet) -> ValuePack? {
        if name.lowercased().hasSuffix(".csv") {
            return try? csvPack(answers)
        }
        return context.library.pack(named: name)
    }

    /// The CSV's values as a pack, named after the procurement reference.
    func csvPack(_ answers: AnswerSheet) throws -> ValuePack {
        let path = answers["valuePack"] ?? ""
        let reference = (answers["contract.reference"] ?? "tender").lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let name = "tender-" + String(reference).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        let details = ValuePackCSV.Details(name: String(name.prefix(40)), title: "Values for \(answers["contract.reference"] ?? "the tender")",
                                           edition: answers["valuePack.edition"] ?? "", source: answers["valuePack.source"] ?? "",
                                           date: answers["contract.startDate"] ?? "")
        guard let data = try? OutsideFile.contents(of: context.resolve(path), limit: OutsideFile.largestValuePack, what: "value pack"),
              let text = String(data: data, encoding: .utf8) else {
            throw WizardError("\(path) cannot be read as a value pack (a CSV file of at most \(OutsideFile.size(OutsideFile.largestValuePack))). "
                + "Check the file name, or type a pack's name instead.", status: .unreadable)
        }
        do {
            return try ValuePackCSV.parse(text, file: path, details: details, catalogue: context.data.catalogue)
        } catch let errors as DataFileErrors {
            throw WizardError("\(path) has problems: " + errors.errors.map(\.description).joined(separator: " "), status: .refused)
        }
    }

    public func check(key: String, value: String, answers: AnswerSheet) -> String? {
        if key == "training", value == "no", environment.choseIllustrativePack(answers) {
            return Self.illustrativeRefusal(answers["valuePack"] ?? "") + " Type back to change the value pack."
        }
        if key == "scoring.bands", AssessmentAssembler.bands(value) == nil {
            return "Give each band as the £ per £1 it starts at and its share of the marks (0% to 100%), separated by commas, "
                + "for example 0.05 25%, 0.10 50%, 0.20 100%."
        }
        guard key == "valuePack", value.lowercased().hasSuffix(".csv") else { return nil }
        var trial = answers
        trial["valuePack"] = value
        do {
            _ = try csvPack(trial)
            return nil
        } catch {
            return "\(error)"
        }
    }

    public func blockingFindings(_ answers: AnswerSheet) -> [(field: String, text: String)] {
        let record = record(answers)
        var problems: [(field: String, text: String)] = []
        if record.decision.socialValueRequired && record.assessment.adoptedMeasures.isEmpty {
            problems.append(("measures", "Social value is required on this contract, so the tender must adopt at least one measure."))
        }
        if environment.choseIllustrativePack(answers) && answers["training"] != "yes" {
            problems.append(("valuePack", Self.illustrativeRefusal(answers["valuePack"] ?? "")))
        }
        return problems
    }

    public func blockingProblems(_ answers: AnswerSheet) -> Int { blockingFindings(answers).count }

    /// Why a real tender cannot use an illustrative pack, and what to do instead.
    static func illustrativeRefusal(_ pack: String) -> String {
        "The \(pack) pack's values are illustrative, for training only, so a real tender cannot use them: every bid would be valued "
            + "with figures no buyer has adopted. Give the buyer's own values instead (a pack from svwizard values list, or the "
            + "buyer's CSV file), or record the tender as a training exercise."
    }

    /// The answers the record's decisions rest on, with how the review names them.
    static let contractFacts = [("contract.title", "title"), ("contract.reference", "reference"), ("contract.category", "what is bought"),
                                ("contract.value", "estimated value"), ("contract.years", "length"),
                                ("contract.startDate", "start date"), ("route", "route")]

    public func render(_ answers: AnswerSheet) -> String {
        // Until the contract is described, the decisions would rest on made-up facts (£0, a
        // one-year service): say what is not answered yet instead.
        let missing = Self.contractFacts.filter { answers[$0.0] == nil }.map(\.1)
        if !missing.isEmpty {
            return context.console.markdown.render("""
                ## The contract

                Not answered yet: \(missing.joined(separator: ", ")). The record, with the policy's decisions and the \
                recommended measures, appears here once these are answered.
                """)
        }
        let markdown = String(decoding: record(answers).markdown, as: UTF8.self)
        return context.console.markdown.render(markdown)
    }

    public func finish(draft: URL, answers: AnswerSheet) throws -> String {
        let record = record(answers)
        let folder = outputFolder ?? draft.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try AtomicFile.write(record.markdown, to: folder.appendingPathComponent("assessment.md"))
            try AtomicFile.write(record.html, to: folder.appendingPathComponent("assessment.html"))
            let tender = record.tender(framework: context.data.framework)
            try AtomicFile.write(try JSONEncoder.stable.encode(tender) + Data("\n".utf8), to: folder.appendingPathComponent("tender.json"))
        } catch {
            throw WizardError("Cannot write the assessment's files to \(folder.path) (\(error.localizedDescription)).", status: .unreadable)
        }
        let tenderPath = folder.appendingPathComponent("tender.json").path
        return "The assessment is complete. Written to \(folder.path): assessment.md and assessment.html (the record for the "
            + "procurement file) and tender.json (the tender's specification). Suppliers answer it with: svwizard respond --tender \(tenderPath)"
    }
}

/// The `svwizard assess` job: the commissioner's opportunity assessment.
public enum AssessJob {
    public static let flowID = "opportunity-assessment"

    public static func job(context: AppContext, options: QuestionnaireJob.Options, outputFolder: String?) -> QuestionnaireJob {
        let folder = outputFolder.map(context.resolve)
        let kind = QuestionnaireKind(
            flowID: flowID, takesTenderFile: false, defaultDraftName: { _ in "assessment.svdraft.json" },
            review: { environment, context in AssessmentReview(environment: environment, context: context, outputFolder: folder) })
        return QuestionnaireJob(context: context, kind: kind, options: options)
    }
}
