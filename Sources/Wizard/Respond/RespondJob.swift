import Foundation
import Questionnaire
import SocialValue

/// The `svwizard respond` job: a supplier's social value response, started fresh, from a
/// tender file, from an answers file, or resumed from a draft.
public struct RespondJob {
    public struct Options: Sendable {
        public var tenderFile: String?
        public var resume: String?
        public var draft: String?
        public var answersFile: String?
        public var noInput: Bool

        public init(tenderFile: String?, resume: String?, draft: String?, answersFile: String?, noInput: Bool) {
            self.tenderFile = tenderFile
            self.resume = resume
            self.draft = draft
            self.answersFile = answersFile
            self.noInput = noInput
        }
    }

    public static let flowID = "supplier-response"

    let context: AppContext
    let options: Options
    public init(context: AppContext, options: Options) {
        self.context = context
        self.options = options
    }

    public func run() throws -> ExitStatus {
        guard let flow = context.data.flows[Self.flowID] else {
            throw WizardError("The data has no \(Self.flowID) questionnaire (Questionnaires/\(Self.flowID).yaml).", status: .dataFiles)
        }
        var (draft, url) = try openDraft()
        let tender = draft.tender
        let environment = FlowEnvironment(data: context.data, tender: tender, pack: tender?.valuePack ?? context.library.active)
        let planner = FlowPlanner(flow: flow, environment: environment)
        let review = ResponseReview(environment: environment, style: context.console.style, width: context.console.width)
        if let answersFile = options.answersFile {
            let prefill = try AnswerPrefill.apply(file: context.resolve(answersFile), to: draft.answers, planner: planner)
            draft.answers = prefill.answers
            if options.noInput || prefill.problems.isEmpty == false {
                for problem in prefill.problems { context.console.complain(problem) }
            }
        }
        if options.noInput {
            return try runWithoutInput(draft: draft, url: url, planner: planner, review: review)
        }
        try save(draft, to: url)
        let session = QuestionnaireSession(context: context, planner: planner, review: review, draft: draft, draftURL: url)
        switch try session.run() {
        case .finished: return review.blockingProblems(session.draft.answers) == 0 ? .success : .refused
        case .left: return .success
        case .interrupted: return .interrupted
        case .inputEnded: return .refused
        }
    }

    private func runWithoutInput(draft: Draft, url: URL, planner: FlowPlanner, review: ResponseReview) throws -> ExitStatus {
        var draft = draft
        let missing = planner.plan(draft.answers).filter { draft.answers[$0.key] == nil && !$0.isOptional }
        let unansweredOptional = planner.plan(draft.answers).filter { draft.answers[$0.key] == nil && $0.isOptional }
        for question in unansweredOptional { draft.answers[question.key] = "" }
        if !missing.isEmpty {
            draft.position = missing.first?.key
            try save(draft, to: url)
            context.console.complain("These answers are missing (--no-input never asks):")
            for question in missing {
                context.console.write("  \(question.key): \(question.text)\n")
            }
            context.console.say("The answers given are saved in \(url.path). Add the missing ones to the answers file, or run without --no-input to be asked.")
            return .refused
        }
        draft.position = "review"
        draft.finished = true
        try save(draft, to: url)
        context.console.write(review.render(draft.answers))
        context.console.write("\n")
        context.console.say(review.finishedMessage(draft: url, answers: draft.answers))
        return review.blockingProblems(draft.answers) == 0 ? .success : .refused
    }

    private func openDraft() throws -> (Draft, URL) {
        if let resume = options.resume {
            if options.tenderFile != nil {
                throw WizardError("--resume carries on with the tender saved in the draft; leave out --tender.", status: .usage)
            }
            let url = context.resolve(resume)
            do {
                return (try DraftFile.read(url, flow: Self.flowID), url)
            } catch let error as DraftError {
                throw WizardError(error.message, status: .unreadable)
            }
        }
        let tender = try options.tenderFile.map { try TenderFile.read(context.resolve($0).path) }
        let name = options.draft ?? Self.defaultDraftName(tender: tender)
        let url = context.resolve(name)
        if FileManager.default.fileExists(atPath: url.path) {
            throw WizardError("\(url.path) already exists. Carry on with it: svwizard respond --resume \(url.path) "
                + "(or start a new response with --draft NEW-NAME.svdraft.json).", status: .refused)
        }
        return (Draft(flow: Self.flowID, toolVersion: ToolVersion.current, tender: tender), url)
    }

    /// `REFERENCE.svdraft.json` from the tender's reference, or `response.svdraft.json`.
    static func defaultDraftName(tender: TenderSpecification?) -> String {
        let reference = tender?.reference.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" } ?? []
        let stem = String(reference).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return (stem.isEmpty ? "response" : stem) + ".svdraft.json"
    }

    private func save(_ draft: Draft, to url: URL) throws {
        do {
            try DraftFile.write(draft, to: url)
        } catch {
            throw WizardError("Cannot save the draft to \(url.path) (\(error.localizedDescription)).", status: .unreadable)
        }
    }
}

/// Reads a tender specification file (`tender.json`), as `svwizard assess` writes it.
enum TenderFile {
    static func read(_ path: String) throws -> TenderSpecification {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WizardError("The tender file \(path) cannot be read. Check the file name.", status: .unreadable)
        }
        do {
            return try JSONDecoder().decode(TenderSpecification.self, from: data)
        } catch {
            throw WizardError("\(path) is not a tender specification svwizard can read (\(error.localizedDescription)). "
                + "Ask the buyer for the tender.json made by svwizard assess, or leave out --tender and type the details.", status: .unreadable)
        }
    }
}
