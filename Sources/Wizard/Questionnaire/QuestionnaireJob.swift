import Foundation
import Questionnaire
import SocialValue

/// What a wizard built on a question flow brings: its flow, its review and finish, and how
/// its drafts are named. `svwizard respond` and `svwizard assess` are both questionnaire jobs.
public struct QuestionnaireKind {
    /// The flow's id, such as `supplier-response`.
    public var flowID: String
    /// Whether a `--tender` file can start the flow.
    public var takesTenderFile: Bool
    /// The draft name when none is given.
    public var defaultDraftName: (TenderSpecification?) -> String
    /// The review for this flow.
    public var review: (FlowEnvironment, AppContext) -> FlowReview
}

/// Runs a questionnaire from the command line: opens or resumes its draft, applies an answers
/// file, then asks at the console or, with `--no-input`, fails listing what is missing.
public struct QuestionnaireJob {
    public struct Options: Sendable {
        public var tenderFile: String?
        public var resume: String?
        public var draft: String?
        public var answersFile: String?
        public var noInput: Bool
        /// Answers given before the first question (a workshop's persona), applied like an answers file.
        public var prefill: [String: String]
        /// Teaching notes shown when a step starts, by step id (`review` for the review).
        public var notes: [String: String]
        /// A tender to start from, instead of a tender file.
        public var tender: TenderSpecification?

        public init(tenderFile: String? = nil, resume: String?, draft: String?, answersFile: String?, noInput: Bool,
                    prefill: [String: String] = [:], notes: [String: String] = [:], tender: TenderSpecification? = nil) {
            self.tenderFile = tenderFile
            self.resume = resume
            self.draft = draft
            self.answersFile = answersFile
            self.noInput = noInput
            self.prefill = prefill
            self.notes = notes
            self.tender = tender
        }
    }

    let context: AppContext
    let kind: QuestionnaireKind
    let options: Options

    public init(context: AppContext, kind: QuestionnaireKind, options: Options) {
        self.context = context
        self.kind = kind
        self.options = options
    }

    public func run() throws -> ExitStatus {
        guard let flow = context.data.flows[kind.flowID] else {
            throw WizardError("The data has no \(kind.flowID) questionnaire (Questionnaires/\(kind.flowID).yaml).", status: .dataFiles)
        }
        var (draft, url, lock) = try openDraft()
        defer { lock?.release() }
        let tender = draft.tender
        let environment = FlowEnvironment(data: context.data, tender: tender, pack: tender?.valuePack ?? context.library.active,
                                          packNames: context.library.all.map(\.name),
                                          illustrativePackNames: Set(context.library.all.filter(\.illustrative).map { $0.name.lowercased() }))
        let planner = FlowPlanner(flow: flow, environment: environment)
        let review = kind.review(environment, context)
        if !options.prefill.isEmpty && draft.answers.isEmpty {
            let prefill = AnswerPrefill.apply(options.prefill, source: "the scenario", to: draft.answers, planner: planner)
            draft.answers = prefill.answers
            for problem in prefill.problems { context.console.refuse(problem) }
        }
        if let answersFile = options.answersFile {
            let prefill = try AnswerPrefill.apply(file: context.resolve(answersFile), to: draft.answers, planner: planner)
            draft.answers = prefill.answers
            for problem in prefill.problems { context.console.refuse(problem) }
            if options.noInput && prefill.errors > 0 {
                try save(draft, to: url)
                context.console.refuse("The answers file has \(prefill.errors) answer\(prefill.errors == 1 ? "" : "s") that cannot be used as "
                    + "given (listed above). Correct the file and run again; the answers that could be used are saved in \(url.path).")
                return .refused
            }
        }
        if options.noInput {
            return try runWithoutInput(draft: draft, url: url, planner: planner, review: review)
        }
        try save(draft, to: url)
        let keeper = DraftKeeper(context: context, url: url, lock: lock)
        let session = QuestionnaireSession(context: context, planner: planner, review: review, draft: draft, keeper: keeper,
                                           notes: options.notes)
        switch try session.run() {
        case .finished: return review.blockingProblems(session.draft.answers) == 0 ? .success : .refused
        case .left: return .success
        case .interrupted: return .interrupted
        case .inputEnded: return .refused
        }
    }

    private func runWithoutInput(draft: Draft, url: URL, planner: FlowPlanner, review: FlowReview) throws -> ExitStatus {
        var draft = draft
        // Unanswered questions take their default, as pressing Enter would; optional ones may stay empty.
        var plan = planner.plan(draft.answers)
        var changed = true
        while changed {
            changed = false
            for question in plan where draft.answers[question.key] == nil {
                if case let .success(value) = AnswerParser.parse("", for: question) {
                    draft.answers[question.key] = value
                    changed = true
                }
            }
            if changed { plan = planner.plan(draft.answers) }
        }
        let missing = plan.filter { draft.answers[$0.key] == nil }
        if !missing.isEmpty {
            draft.position = missing.first?.key
            try save(draft, to: url)
            context.console.refuse("These answers are missing (--no-input never asks):")
            for question in missing { context.console.refuseLine("  \(question.key): \(question.text)") }
            context.console.refuse("The answers given are saved in \(url.path). Add the missing ones to the answers file, or run without --no-input to be asked.")
            return .refused
        }
        draft.position = "review"
        let problems = review.blockingFindings(draft.answers)
        if !problems.isEmpty {
            // Nothing is written from answers that cannot stand; the draft keeps them to fix.
            try save(draft, to: url)
            context.console.refuse("Not finished: fix these first (nothing else was written):")
            for problem in problems { context.console.refuseLine("  \(problem.field): " + ShortText.shortened(problem.text, limit: 1000)) }
            context.console.refuse("The answers given are saved in \(url.path). Change them in the answers file, or run without --no-input to fix them at the review.")
            return .refused
        }
        draft.finished = true
        try save(draft, to: url)
        context.console.write(review.render(draft.answers))
        context.console.write("\n")
        context.console.say(try review.finish(draft: url, answers: draft.answers))
        return review.blockingProblems(draft.answers) == 0 ? .success : .refused
    }

    /// The draft to work on, its file and the lock held on it for the run.
    private func openDraft() throws -> (Draft, URL, DraftLock?) {
        if let resume = options.resume {
            if options.tenderFile != nil {
                throw WizardError("--resume carries on with the tender saved in the draft; leave out --tender.", status: .usage)
            }
            do {
                let url = try DraftLock.target(of: context.resolve(resume))
                let lock = try DraftLock.acquire(url)
                AtomicFile.removeStaleTemporaries(beside: url)
                return (try DraftFile.read(url, flow: kind.flowID), url, lock)
            } catch let error as DraftError {
                throw WizardError(error.message, status: error.kind == .locked ? .refused : .unreadable)
            }
        }
        var tender = try options.tender ?? options.tenderFile.map { try TenderFile.read(context.resolve($0).path) }
        if tender == nil && kind.takesTenderFile && options.prefill.isEmpty && options.answersFile == nil && !options.noInput
            && context.console.reader.isInteractive {
            tender = try askForTenderFile()
        }
        let url: URL
        do {
            url = try DraftLock.target(of: context.resolve(options.draft ?? kind.defaultDraftName(tender)))
        } catch let error as DraftError {
            throw WizardError(error.message, status: .refused)
        }
        if FileManager.default.fileExists(atPath: url.path) {
            let command = kind.review(FlowEnvironment(data: context.data, tender: nil, pack: nil), context).resumeCommand
            throw WizardError("\(url.path) already exists. Carry on with it: \(command) --resume \(url.path) "
                + "(or start afresh with --draft NEW-NAME.svdraft.json).", status: .refused)
        }
        let lock: DraftLock?
        do {
            lock = try DraftLock.acquire(url)
        } catch let error as DraftError {
            throw WizardError(error.message, status: .refused)
        }
        return (Draft(flow: kind.flowID, toolVersion: ToolVersion.current, tender: tender), url, lock)
    }

    /// With no tender file, says plainly where the values will come from and asks whether the
    /// person has the council's tender file; if so, reads it (asking again if it cannot be read).
    private func askForTenderFile() throws -> TenderSpecification? {
        let console = context.console
        let pack = context.library.active
        let values = pack.map { $0.illustrative ? "the \($0.name) pack, whose values are illustrative (for training, not for real bids)"
            : "the \($0.name) pack (\($0.edition))" } ?? "no value pack, so every measure is counted by quantity"
        console.say("You have not given the council's tender file, so you will type the tender's details, and the £ values "
            + "will come from \(values). A tender file (tender.json, from the council) brings the tender's details, its "
            + "measures and the council's own values.")
        switch YesNoPrompt(question: "Do you have the council's tender file?", defaultAnswer: .no,
                           help: "The tender file (tender.json) is the file the council sent with the tender documents. Answer yes to give its "
                               + "name; no to type the tender's details yourself.").ask(on: console) {
        case .no: return nil
        case .quit: throw WizardError("Stopped before any answer was saved.", status: .interrupted)
        case .yes: break
        }
        while true {
            guard case let .line(path) = console.readLine(prompt: "Its file name (Enter to carry on without it): "),
                  !path.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            do {
                let tender = try TenderFile.read(context.resolve(path.trimmingCharacters(in: .whitespaces)).path)
                console.say("Using the tender file for \(tender.reference) \(tender.title).")
                return tender
            } catch {
                console.complain("\(error)")
            }
        }
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
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try OutsideFile.contents(of: url, limit: OutsideFile.largestTender, what: "tender file")
            try OutsideFile.checkJSON(data, schema: "tender.schema.json", name: path, what: "tender file")
        } catch let error as OutsideFileError {
            throw WizardError("\(error)\nAsk the buyer for the tender.json made by svwizard assess, or leave out --tender and type the details.",
                              status: .unreadable)
        }
        do {
            return try JSONDecoder().decode(TenderSpecification.self, from: data)
        } catch {
            throw WizardError("\(path) is not a tender specification svwizard can read (\(error.localizedDescription)). "
                + "Ask the buyer for the tender.json made by svwizard assess, or leave out --tender and type the details.", status: .unreadable)
        }
    }
}
