import Foundation
import Questionnaire
import SocialValue
import Terminal

/// How a questionnaire session ended.
public enum SessionEnd: Equatable, Sendable {
    /// The person finished at the review.
    case finished
    /// The person chose to leave (quit, or Ctrl-D and confirmed); answers are saved.
    case left
    /// The person pressed Ctrl-C and confirmed; answers are saved.
    case interrupted
    /// Piped input ran out before the end; answers are saved.
    case inputEnded
}

/// What a flow's review step shows and decides; the supplier response and the opportunity
/// assessment each provide one.
public protocol FlowReview {
    /// The review screen for `answers`.
    func render(_ answers: AnswerSheet) -> String
    /// Whether the answers have problems that must be fixed before the next command.
    func blockingProblems(_ answers: AnswerSheet) -> Int
    /// Does what finishing means for the flow (the assessment writes its files) and returns
    /// what to tell the person.
    func finish(draft: URL, answers: AnswerSheet) throws -> String
    /// The command that resumes the flow, such as `svwizard respond`.
    var resumeCommand: String { get }
    /// A check of an answer that needs more than the answer itself (such as reading a file it
    /// names); the problem, or nil to accept it.
    func check(key: String, value: String, answers: AnswerSheet) -> String?
    /// The problems that must be fixed before finishing, each with the answer (key prefix) it concerns.
    func blockingFindings(_ answers: AnswerSheet) -> [(field: String, text: String)]
    /// What a clean finish offers to do next (such as making the bundle): the question and the action.
    var nextStep: (question: String, run: (URL) throws -> Void)? { get }
    /// Problems that can be told as soon as `key` is answered (a measure's answers complete and
    /// inconsistent), each with the key of the question to ask again.
    func problemsAtQuestion(_ key: String, plan: [PlannedQuestion], answers: AnswerSheet) -> [(key: String, text: String)]
}

extension FlowReview {
    public func check(key: String, value: String, answers: AnswerSheet) -> String? { nil }
    public func blockingFindings(_ answers: AnswerSheet) -> [(field: String, text: String)] { [] }
    public var nextStep: (question: String, run: (URL) throws -> Void)? { nil }
    public func problemsAtQuestion(_ key: String, plan: [PlannedQuestion], answers: AnswerSheet) -> [(key: String, text: String)] { [] }
}

/// Runs a question flow on the console: asks each question in turn, saves the draft after
/// every answer, and supports `back`, `review`, `save`, `quit`, editing from the review,
/// resuming, and Ctrl-C or Ctrl-D (which ask before leaving). Nothing typed is ever lost.
public final class QuestionnaireSession {
    let context: AppContext
    let planner: FlowPlanner
    let review: FlowReview
    let keeper: DraftKeeper
    public private(set) var draft: Draft
    let notes: [String: String]
    private var returnToReview = false
    /// The question the person left for the review, so `back` from the review returns there.
    private var leftForReview: String?
    private var shownIntro: String?
    /// The last plan and the answers it was made for: a plan is made once for each change.
    private var planned: (answers: AnswerSheet, plan: [PlannedQuestion])?

    /// The questions to ask for the answers so far.
    private func currentPlan() -> [PlannedQuestion] {
        if let planned, planned.answers == draft.answers { return planned.plan }
        let plan = planner.plan(draft.answers)
        planned = (draft.answers, plan)
        return plan
    }

    init(context: AppContext, planner: FlowPlanner, review: FlowReview, draft: Draft, keeper: DraftKeeper, notes: [String: String] = [:]) {
        self.context = context
        self.planner = planner
        self.review = review
        self.draft = draft
        self.keeper = keeper
        self.notes = notes
    }

    private var console: Console { context.console }
    /// Where the draft is saved (another file after `save NAME`).
    var draftURL: URL { keeper.url }

    public func run() throws -> SessionEnd {
        console.say("Your answers are saved to \(draftURL.path) after each one. At any question type ? for help, "
            + "back for the previous question, review to see everything so far, or quit to stop and carry on later.")
        while true {
            let plan = currentPlan()
            guard let question = currentQuestion(in: plan) else {
                if let end = try runReview(plan) { return end }
                continue
            }
            showStep(question)
            let answers = draft.answers
            let prompt = QuestionPrompt(context: context, environment: planner.environment, answers: answers,
                                        question: question, current: answers[question.key],
                                        accept: { [review] value in review.check(key: question.key, value: value, answers: answers) },
                                        pending: draft.typed.flatMap { $0.question == question.key ? $0.text : nil })
            let outcome = prompt.ask()
            if case let .interrupted(typed) = outcome {
                // Kept in the draft whether the person stays or leaves; put back on the line.
                draft.typed = typed.isEmpty ? nil : Draft.TypedText(question: question.key, text: typed)
            } else if draft.typed != nil, outcome != .save, outcome != .inputEnded {
                draft.typed = nil
            }
            switch outcome {
            case let .answer(value):
                record([question.key: value], last: question.key)
            case let .answers(values):
                record(values, last: values.keys.sorted().last ?? question.key)
            case .back:
                let index = plan.firstIndex { $0.key == question.key } ?? 0
                if index == 0 {
                    console.say("This is the first question.")
                } else {
                    draft.position = plan[index - 1].key
                    returnToReview = false
                }
            case .review:
                leftForReview = question.key
                draft.position = "review"
                keeper.save(draft)
            case .save:
                if keeper.save(draft) { console.say("Saved to \(draftURL.path).") }
            case let .saveAs(path):
                keeper.save(draft, as: path)
            case .quit:
                return try leave(.left)
            case let .interrupted(typed):
                if let end = try confirmLeaving(.interrupted, typed: !typed.isEmpty) { return end }
            case .inputEnded:
                if console.reader.isInteractive, let end = try confirmLeaving(.left) { return end }
                if !console.reader.isInteractive { return try leave(.inputEnded) }
            }
        }
    }

    /// Stores answers (one, or every contract year's at once), moves on, and puts right at once
    /// a measure whose answers are now complete but do not fit together.
    private func record(_ values: [String: String], last: String) {
        for (key, value) in values { draft.answers[key] = value }
        draft.position = nextPosition(after: last)
        let problems = review.problemsAtQuestion(last, plan: currentPlan(), answers: draft.answers)
        if let first = problems.first {
            for problem in problems { console.complain(problem.text) }
            draft.position = first.key
        }
        keeper.save(draft)
    }

    /// The question to ask: the saved position if it is still in the plan, else the first
    /// unanswered question; nil when it is time for the review.
    private func currentQuestion(in plan: [PlannedQuestion]) -> PlannedQuestion? {
        if draft.position == "review" { return nil }
        if let position = draft.position, let question = plan.first(where: { $0.key == position }) { return question }
        return plan.first { draft.answers[$0.key] == nil }
    }

    private func nextPosition(after key: String) -> String? {
        let plan = currentPlan()
        if let unanswered = plan.first(where: { draft.answers[$0.key] == nil }), returnToReview || isAfter(unanswered.key, key, in: plan) {
            return unanswered.key
        }
        if returnToReview { return "review" }
        guard let index = plan.firstIndex(where: { $0.key == key }), index + 1 < plan.count else {
            return plan.first { draft.answers[$0.key] == nil }?.key ?? "review"
        }
        return plan[index + 1].key
    }

    private func isAfter(_ candidate: String, _ key: String, in plan: [PlannedQuestion]) -> Bool {
        guard let a = plan.firstIndex(where: { $0.key == candidate }), let b = plan.firstIndex(where: { $0.key == key }) else { return true }
        return a <= b + 1
    }

    private func showStep(_ question: PlannedQuestion) {
        let heading = "Step \(question.stepNumber) of \(question.stepCount + 1): \(question.stepTitle)"
        guard shownIntro != heading else { return }
        shownIntro = heading
        console.write("\n" + console.style.bold(heading) + "\n")
        if let intro = question.stepIntro { console.say(intro) }
        showNote(question.stepID)
    }

    private func showNote(_ step: String) {
        guard let note = notes[step] else { return }
        console.write(console.style.yellow(TextWrapper.wrap(note, width: console.width, firstIndent: "  ", indent: "  ")) + "\n")
    }

    private func runReview(_ plan: [PlannedQuestion]) throws -> SessionEnd? {
        draft.position = "review"
        keeper.save(draft)
        returnToReview = false
        let steps = (plan.map(\.stepCount).max() ?? 0) + 1
        console.write("\n" + console.style.bold("Step \(steps) of \(steps): Review") + "\n\n")
        console.write(review.render(draft.answers))
        showNote("review")
        while true {
            let prompt = console.style.bold("Type finish, edit (to change an answer), back, save or quit") + ": "
            switch console.readLine(prompt: prompt, completions: ["finish", "edit", "back", "save", "quit"]) {
            case let .line(raw):
                let text = raw.trimmingWhitespace.lowercased()
                switch text {
                case "finish", "done":
                    if showWhatIsLeft(plan) { continue }
                    draft.finished = true
                    guard try keeper.saveBeforeLeaving(draft) else { return .left }
                    console.write("\n")
                    console.say(try review.finish(draft: draftURL, answers: draft.answers))
                    offerNextStep()
                    return .finished
                case "back":
                    // Back to the question the person left for the review, or else the last one.
                    draft.position = leftForReview ?? plan.last?.key
                    leftForReview = nil
                    return nil
                case "save":
                    if keeper.save(draft) { console.say("Saved to \(draftURL.path).") }
                case _ where text.hasPrefix("save "):
                    keeper.save(draft, as: String(raw.trimmingWhitespace.dropFirst(5)).trimmingWhitespace)
                case "quit", "exit":
                    return try leave(.left)
                case "?", "help":
                    console.say("finish: you are done; edit: change any answer; back: the last question; save; quit: stop and carry on later.")
                default:
                    if text.hasPrefix("edit"), let key = chooseQuestion(plan, typed: String(text.dropFirst(4)).trimmingWhitespace) {
                        draft.position = key
                        returnToReview = true
                        return nil
                    }
                    if !text.hasPrefix("edit") && !text.isEmpty {
                        console.complain("\(Echo.quoted(raw)) is not one of: finish, edit, back, save, quit.")
                    }
                }
            case .interrupt:
                if let end = try confirmLeaving(.interrupted) { return end }
            case .end:
                if !console.reader.isInteractive { return try leave(.inputEnded) }
                if let end = try confirmLeaving(.left) { return end }
            }
        }
    }

    /// At finish: lists every unanswered question and every problem to fix, each with the
    /// number to `edit`. Returns whether anything is left (so the person stays at the review).
    private func showWhatIsLeft(_ plan: [PlannedQuestion]) -> Bool {
        let unanswered = plan.indices.filter { draft.answers[plan[$0].key] == nil && !plan[$0].isOptional }
        let problems = review.blockingFindings(draft.answers)
        guard !unanswered.isEmpty || !problems.isEmpty else { return false }
        console.complain("Not finished yet. Fix these first: type edit and the number.")
        for index in unanswered {
            console.write(TextWrapper.wrap("\(index + 1). \(plan[index].text) (not answered yet)", width: console.width,
                                           firstIndent: "  ", indent: "      ") + "\n")
        }
        for problem in problems {
            let index = plan.firstIndex { $0.key == problem.field || $0.key.hasPrefix(problem.field + ".") }
            let number = index.map { "\($0 + 1). " } ?? "- "
            console.write(TextWrapper.wrap(number + problem.text, width: console.width, firstIndent: "  ", indent: "      ") + "\n")
        }
        return true
    }

    /// After a clean finish at a terminal, offers the next step (Enter means yes).
    private func offerNextStep() {
        guard let next = review.nextStep, console.reader.isInteractive else { return }
        switch console.readLine(prompt: next.question + " [Y/n]: ", completions: ["yes", "no"]) {
        case let .line(text) where text.trimmingWhitespace.lowercased().hasPrefix("n"):
            return
        case .line:
            do {
                try next.run(draftURL)
            } catch {
                console.complain("\(error)")
            }
        case .end, .interrupt:
            return
        }
    }

    /// Lists the answers with numbers and returns the key of the one the person picks.
    private func chooseQuestion(_ plan: [PlannedQuestion], typed: String) -> String? {
        var choice = typed
        if choice.isEmpty {
            for (index, question) in plan.enumerated() {
                let answer = draft.answers[question.key].map { $0.split(separator: "\n").first.map(String.init) ?? "" } ?? "(not answered)"
                let short = answer.count > 40 ? String(answer.prefix(37)) + "..." : answer
                console.write(TextWrapper.wrap("\(index + 1). \(question.text)  " + console.style.dim("[\(short)]"), width: console.width,
                                               firstIndent: "  ", indent: "      ") + "\n")
            }
            guard case let .line(line) = console.readLine(prompt: "Number of the answer to change (Enter to go back): ",
                                                                 completions: []) else { return nil }
            choice = line.trimmingWhitespace
        }
        guard !choice.isEmpty else { return nil }
        guard let number = Int(choice), plan.indices.contains(number - 1) else {
            console.complain("\"\(choice)\" is not a number from 1 to \(plan.count).")
            return nil
        }
        return plan[number - 1].key
    }

    private func confirmLeaving(_ end: SessionEnd, typed: Bool = false) throws -> SessionEnd? {
        console.write("\n")
        let prompt = typed ? "Save your answers and leave? Your answers are kept either way, and so is what you had typed here. [Y/n]: "
            : "Save your answers and leave? Your answers are kept either way. [Y/n]: "
        switch console.readLine(prompt: prompt, completions: ["yes", "no"]) {
        case let .line(text) where text.trimmingWhitespace.lowercased().hasPrefix("n"):
            console.say("Carrying on.")
            shownIntro = nil
            return nil
        default:
            return try leave(end)
        }
    }

    private func leave(_ end: SessionEnd) throws -> SessionEnd {
        guard try keeper.saveBeforeLeaving(draft) else { return end }
        console.write("\n")
        if end == .inputEnded {
            console.say("The input ended before the response was finished. Your answers are saved in \(draftURL.path).")
        }
        console.say("Your answers are saved. Carry on later with: \(review.resumeCommand) --resume \(draftURL.path)")
        return end
    }
}
