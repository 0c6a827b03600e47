import Foundation
import Questionnaire
import Register
import SocialValue
import Submission

/// `svwizard track review REF`: the contract manager decides each piece of evidence in a
/// return (validated, rejected or queried, with the reason), says how much of a line the
/// accepted evidence supports when some was rejected, and records corrective actions agreed.
/// Every answer is written to the register at once, in its own transaction, so stopping loses
/// nothing and the same command carries on.
public struct ReviewJob {
    let context: AppContext
    let registerURL: URL
    let reference: String
    let period: String?
    let reviewer: String?
    let on: String?
    let noInput: Bool
    /// With `noInput`: the evidence waiting for a decision as JSON.
    let json: Bool
    /// The decisions given in advance (`--answers`).
    let answersPath: String?

    public init(context: AppContext, registerPath: String?, reference: String, period: String?, reviewer: String?, on: String?, noInput: Bool,
                json: Bool = false, answersPath: String? = nil) {
        self.json = json
        self.answersPath = answersPath
        self.context = context
        self.registerURL = RegisterAccess.url(option: registerPath, context: context)
        self.reference = reference
        self.period = period
        self.reviewer = reviewer
        self.on = on
        self.noInput = noInput
    }

    private var console: Console { context.console }

    /// What the contract manager has answered so far in this review.
    struct State {
        var reviewer: String?
        /// Decisions by evidence item id (`TOM1-1`): the status, then its reason.
        var decisions: [String: (status: EvidenceStatus, reason: String?)] = [:]
        var accepted: [MeasureReference: String] = [:]
        /// Corrective actions by measure: the action (empty when none), then its date.
        var actions: [MeasureReference: (action: String, due: String?)] = [:]
    }

    public func run() throws -> ExitStatus {
        let day = try Day.given(on, option: "--on")
        let register = try RegisterAccess.open(registerURL, create: false)
        let returns = try RegisterAccess.translating { try register.returns(of: reference) }.filter(\.isCurrent)
        guard !returns.isEmpty else {
            console.say("No returns for \(reference) have been imported yet. svwizard track import RETURN.svreturn.zip imports one.")
            return .success
        }
        let open = { (stored: StoredReturn) in stored.evidence.contains { $0.status == .submitted || $0.status == .queried } }
        let chosen: StoredReturn
        if let period {
            guard let match = returns.first(where: { $0.document.period.id == period }) else {
                throw WizardError("\(reference) has no return for \(period). Returns imported: "
                    + returns.map(\.document.period.id).joined(separator: ", ") + ".", status: .refused)
            }
            chosen = match
        } else if let first = returns.first(where: open) {
            chosen = first
        } else {
            console.say("Every piece of evidence in \(reference)'s returns has been decided. svwizard track show \(reference) shows the delivery.")
            return .success
        }
        var state = State(reviewer: reviewer)
        for item in chosen.evidence where item.status == .validated || item.status == .rejected {
            state.decisions[item.item.id] = (item.status, item.reason)
        }
        if let answersPath {
            try apply(try readAnswers(answersPath), to: &state, stored: chosen)
            if noInput { return try recordWithoutInput(state, stored: chosen, register: register, day: day) }
        }
        if noInput {
            let waiting = chosen.evidence.filter { $0.status == .submitted || $0.status == .queried }
            if json {
                console.writeData(String(decoding: try JSONEncoder.stable.encode(waiting), as: UTF8.self) + "\n")
                return waiting.isEmpty ? .success : .refused
            }
            console.say("\(reference) \(chosen.document.period.name): \(waiting.count) piece\(waiting.count == 1 ? "" : "s") of evidence to decide.")
            for item in waiting {
                console.write("  \(item.item.id) (\(item.status.rawValue)): \(item.item.what), \(item.item.reference.isEmpty ? "no reference" : "reference \(item.item.reference)"), "
                    + "dated \(item.item.date.iso)\n")
            }
            return waiting.isEmpty ? .success : .refused
        }
        console.say("Reviewing \(reference) \(chosen.document.period.spoken), prepared by \(chosen.document.preparedBy). Each answer is "
            + "recorded in the register straight away. Type ? for help, back for the previous question, or quit to stop and carry on later.")
        let saved = Saved()
        let runner = SlotRunner<State>(context: context, environment: FlowEnvironment(data: context.data, tender: nil, pack: nil), url: registerURL,
                                       carryOn: "svwizard track review") { state in
            try save(state, stored: chosen, register: register, day: day, saved: saved)
        }
        let questions = Questions(stored: chosen)
        if case let .left(how) = try runner.run(&state, questions: questions.slots) { return how.status }
        console.say("The review of \(chosen.document.period.name) is recorded.")
        let report = try TrackJob(context: context, registerPath: Registers.name(of: registerURL)).trackingReport(reference: reference, asOf: day)
        console.writeData(String(decoding: TrackingText.render(report, width: console.width), as: UTF8.self))
        return .success
    }

    private func readAnswers(_ path: String) throws -> ReviewAnswers {
        do {
            return try ReviewAnswers.read(context.resolve(path))
        } catch {
            throw WizardError("\(error)", status: (error as? OutsideFileError)?.kind == .missing ? .unreadable : .refused)
        }
    }

    /// The file's answers laid over what the register holds; an item or measure the return does
    /// not have is refused by name, before anything is recorded.
    private func apply(_ answers: ReviewAnswers, to state: inout State, stored: StoredReturn) throws {
        let ids = Set(stored.evidence.map(\.item.id))
        let measures = Set(stored.document.lines.map(\.measure))
        var unknown = answers.decisions.keys.filter { !ids.contains($0) }.sorted()
        unknown += (Array(answers.accepted.keys) + Array(answers.actions.keys)).filter { !measures.contains($0) }.map(\.rawValue).sorted()
        guard unknown.isEmpty else {
            throw WizardError("\(answersPath ?? "The answers file") names what \(reference)'s \(stored.document.period.name) return does not have: "
                + unknown.joined(separator: ", ") + ". Its evidence is " + stored.evidence.map(\.item.id).joined(separator: ", ")
                + ". Nothing was recorded.", status: .refused)
        }
        if state.reviewer == nil { state.reviewer = answers.reviewer }
        for (id, decision) in answers.decisions {
            guard let status = EvidenceStatus(rawValue: decision.status) else { continue }
            state.decisions[id] = (status, decision.reason)
        }
        for (measure, value) in answers.accepted { state.accepted[measure] = value }
        for (measure, action) in answers.actions { state.actions[measure] = (action.action, action.action.isEmpty ? "" : action.due) }
    }

    /// With `--answers` and `--no-input`: every question must be answered by the file; then it
    /// is recorded at once, or, with anything missing, nothing is and the gaps are listed.
    private func recordWithoutInput(_ state: State, stored: StoredReturn, register: RegisterStore, day: Day) throws -> ExitStatus {
        let missing = Questions(stored: stored).slots(state).filter { slot in
            slot.definition.optional != true && FastText.isBlank(slot.current(state) ?? "")
        }
        guard missing.isEmpty else {
            console.refuse("The answers file leaves these unanswered (--no-input never asks), so nothing was recorded:")
            for slot in missing { console.refuseLine("  \(slot.title): \(slot.definition.ask)") }
            return .refused
        }
        try save(state, stored: stored, register: register, day: day, saved: Saved())
        console.say("The review of \(reference) \(stored.document.period.name) is recorded.")
        return .success
    }

    /// Which corrective actions are already written, so each is written once.
    final class Saved { var actions: Set<MeasureReference> = [] }

    private func save(_ state: State, stored: StoredReturn, register: RegisterStore, day: Day, saved: Saved) throws {
        guard let reviewer = state.reviewer else { return }
        var actions: [CorrectiveAction] = []
        for (measure, entry) in state.actions.sorted(by: { $0.key < $1.key }) where !saved.actions.contains(measure) && !entry.action.isEmpty {
            guard let due = entry.due else { continue }
            actions.append(CorrectiveAction(measure: measure, action: entry.action, dueOn: DateText.parse(due).flatMap(Day.init(iso:)), agreedOn: day,
                                            agreedBy: reviewer))
        }
        // A decision is recorded with its reason, in one transaction, never without it: stopped
        // between the two, the same command asks the decision again.
        let decisions = stored.evidence.compactMap { item -> ReturnReview.Decision? in
            guard let decision = state.decisions[item.item.id], !FastText.isBlank(decision.reason ?? "") else { return nil }
            return .init(measure: item.measure, item: item.item.id, status: decision.status, reason: decision.reason)
        }
        let accepted = state.accepted.compactMapValues(DecimalText.parse)
        try RegisterAccess.translating {
            try register.recordReview(ReturnReview(returnID: stored.id, reviewer: reviewer, day: day, decisions: decisions, accepted: accepted, actions: actions))
        }
        for action in actions { if let measure = action.measure { saved.actions.insert(measure) } }
    }

    /// The review's questions for one return.
    struct Questions {
        let stored: StoredReturn

        func slots(_ state: State) -> [SlotQuestion<State>] {
            typealias Slot = SlotQuestion<State>
            var slots: [Slot] = [Slot(
                definition: QuestionDefinition(key: "reviewer", ask: "Who is reviewing this return?", help: "Your name, recorded with each decision.",
                                               example: "Sam Patel", kind: .text),
                title: "Reviewing the return", lead: nil, current: { $0.reviewer }, store: { $0.reviewer = $1 })]
            for line in stored.document.lines {
                let items = stored.evidence.filter { $0.measure == line.measure }
                let title = "\(line.label) (\(line.measure.spoken))"
                var lead = "Reported \(line.unit.format(line.delivered.value)) against \(line.unit.format(line.due.value)) due."
                if !FastText.isBlank(line.narrative) { lead += " The supplier says: " + line.narrative }
                if let reason = line.shortfallReason { lead += "\nBelow the profile because: " + reason }
                if let plan = line.recoveryPlan { lead += "\nRecovery plan: " + plan }
                for (index, item) in items.enumerated() {
                    let id = item.item.id
                    let was = item.status == .queried ? " You queried it before" + (item.reason.map { ": \($0)" } ?? "") + "." : ""
                    slots.append(Slot(
                        definition: QuestionDefinition(key: "status", ask: "\(item.item.what), \(item.item.reference.isEmpty ? "no reference" : "reference \(item.item.reference)"), "
                                                           + "dated \(item.item.date.long): validated, rejected or queried?",
                                                       help: "Validated: the evidence shows the delivery. Rejected: it does not, and will not count. Queried: "
                                                           + "you need more from the supplier; it stays awaiting validation.\(was)",
                                                       example: "validated", kind: .choice,
                                                       options: [ChoiceOption(value: "validated", label: "Validated: it shows the delivery"),
                                                                 ChoiceOption(value: "rejected", label: "Rejected: it does not count"),
                                                                 ChoiceOption(value: "queried", label: "Queried: more is needed from the supplier")]),
                        title: title, lead: index == 0 ? lead : nil,
                        current: { $0.decisions[id]?.status.rawValue },
                        store: { state, value in
                            let status = EvidenceStatus(rawValue: value) ?? .queried
                            let reason = state.decisions[id]?.status == status ? state.decisions[id]?.reason : nil
                            state.decisions[id] = (status, reason)
                        }))
                    slots.append(Slot(
                        definition: QuestionDefinition(key: "reason", ask: "Why? (what you checked, or what is missing)",
                                                       help: "Recorded with the decision and shown to the supplier when it is queried or rejected.",
                                                       example: "Seen the original; its dates fall in the period.", kind: .text),
                        title: title, lead: nil,
                        current: { $0.decisions[id]?.reason },
                        store: { state, value in if let status = state.decisions[id]?.status { state.decisions[id] = (status, value) } }))
                }
                let statuses = items.map { state.decisions[$0.item.id]?.status }
                let decided = statuses.allSatisfy { $0 == .validated || $0 == .rejected }
                if decided && statuses.contains(.rejected) && statuses.contains(.validated) {
                    let measure = line.measure
                    slots.append(Slot(
                        definition: QuestionDefinition(key: "accepted", ask: "How much of the \(line.unit.format(line.delivered.value)) does the validated evidence support?",
                                                       help: "Only this much counts as validated delivery; the rest is rejected.",
                                                       example: DecimalText.plain(line.delivered.value), kind: .decimal, minimum: "0",
                                                       maximum: DecimalText.plain(line.delivered.value)),
                        title: title, lead: nil, current: { $0.accepted[measure] }, store: { $0.accepted[measure] = $1 }))
                }
                if line.isBelowProfile || statuses.contains(.rejected) {
                    let measure = line.measure
                    // With no evidence to decide, the figures, reason and plan come before this question.
                    slots.append(Slot(
                        definition: QuestionDefinition(key: "action", ask: "Was a corrective action agreed for \(line.measure.spoken)? Describe it, or press Enter for none.",
                                                       help: "What the supplier will do to recover the shortfall, as agreed with you.",
                                                       example: "A replacement apprentice starts by 1 April.", kind: .text, optional: true),
                        title: title, lead: items.isEmpty ? lead : nil,
                        current: { state in state.actions[measure].map { $0.action.isEmpty ? "none" : $0.action } },
                        store: { state, value in
                            let text = FastText.isBlank(value) || value == "none" ? "" : value
                            state.actions[measure] = (text, text.isEmpty ? "" : state.actions[measure]?.due)
                        }))
                    if let entry = state.actions[measure], !entry.action.isEmpty {
                        slots.append(Slot(
                            definition: QuestionDefinition(key: "actionDue", ask: "By when?", help: "The date agreed for the action. \(DateText.rule)",
                                                           example: "1 April 2026", kind: .date),
                            title: title, lead: nil, current: { $0.actions[measure]?.due },
                            store: { state, value in state.actions[measure] = (state.actions[measure]?.action ?? "", value) }))
                    }
                }
            }
            return slots
        }
    }
}
