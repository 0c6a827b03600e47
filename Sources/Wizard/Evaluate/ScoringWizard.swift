import Foundation
import Questionnaire
import SocialValue
import Terminal

/// Asks the evaluation panel, at the terminal, for everything the scores file does not record
/// yet: the evaluators, a clarification of each offer that looks unrealistic, each evaluator's
/// score and reason for each bid, then the agreed score and rationale. The scores file is saved
/// after every answer, so the panel can stop at any time (`quit`, Ctrl-D) and carry on later
/// with the same command; `back` returns to the previous question and `?` explains.
struct ScoringWizard {
    /// A bid the panel scores.
    struct Bid {
        var file: String
        var supplier: String
        var concerns: [EvaluationCalculator.Concern]
        /// The offer in a few words, shown before its questions.
        var summary: String
        /// The measures it commits to, for adjusting one of them.
        var measures: [MeasureReference]
        /// What the evaluators score: each commitment's delivery, partner and evidence, and the
        /// delivery plan or milestone tracker, as lines of plain text.
        var writtenAnswer: [String] = []
    }

    /// The most lines of a written answer shown at the terminal; the rest is in the bundle's response.txt.
    static let writtenAnswerLines = 40

    /// The written answer as the panel reads it before scoring, cut at `writtenAnswerLines` with
    /// where to read the rest.
    static func writtenAnswerText(_ bid: Bid) -> String {
        let shown = bid.writtenAnswer.prefix(writtenAnswerLines)
        var text = "\(bid.supplier)'s written answer (also response.txt inside \(bid.file)):\n"
            + shown.map { "  " + $0 }.joined(separator: "\n")
        if bid.writtenAnswer.count > shown.count {
            text += "\n(\(bid.writtenAnswer.count - shown.count) more lines: read response.txt inside \(bid.file), for example with "
                + "unzip -p \(bid.file) response.txt | less)"
        }
        return text
    }

    typealias End = SlotRunner<ScoresFile>.End

    let context: AppContext
    let environment: FlowEnvironment
    /// The method and scale the tender records; nil in a tender file from before they were recorded.
    let tenderMethod: QuantitativeMethod?
    let tenderScale: QualitativeScale?
    let bids: [Bid]
    /// Every bundle's file name, in the order given, for saving.
    let order: [String]
    let url: URL
    var scores: ScoresFile

    private var console: Console { context.console }

    typealias Slot = SlotQuestion<ScoresFile>

    mutating func run() throws -> End {
        console.say("The panel's answers are saved to \(url.path) after each one. At any question type ? for help, back for the "
            + "previous question, or quit to stop and carry on later with the same command.")
        let order = self.order
        let url = self.url
        let runner = SlotRunner<ScoresFile>(context: context, environment: environment, url: url, carryOn: "svwizard evaluate") { scores in
            try Self.save(scores, order: order, to: url)
        }
        let wizard = self
        return try runner.run(&scores) { scores in
            var current = wizard
            current.scores = scores
            return current.slots()
        }
    }

    private static func save(_ scores: ScoresFile, order: [String], to url: URL) throws {
        do {
            try AtomicFile.write(Data(scores.yaml(bundles: order).utf8), to: url)
        } catch {
            throw WizardError("The scores could not be saved to \(url.path) (\(error.localizedDescription)); nothing typed since the last "
                + "save is kept. Make the folder writable and run the command again.", status: .unreadable)
        }
    }

    /// The questions, in the order asked; those already answered are skipped unless `back` returns to them.
    private func slots() -> [Slot] {
        var slots: [Slot] = []
        slots.append(Slot(
            definition: QuestionDefinition(key: "evaluators", ask: "Who is on the evaluation panel? Give each name, separated by commas.",
                                           help: "Each evaluator scores every bid on their own before the panel agrees a moderated score.",
                                           example: "Priya Shah, Tom Hughes", kind: .text),
            title: "The panel", lead: "First, who scores the bids.",
            current: { $0.evaluators.isEmpty ? nil : $0.evaluators.joined(separator: ", ") },
            store: { scores, value in
                scores.evaluators = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }))
        slots += methodSlots()
        for bid in bids {
            for concern in bid.concerns {
                slots += clarificationSlots(bid, concern)
            }
        }
        guard scale != nil else { return slots }
        for evaluator in scores.evaluators {
            for bid in bids {
                slots += scoreSlots(bid, evaluator: evaluator)
            }
        }
        for bid in bids {
            slots += agreedSlots(bid)
        }
        return slots
    }

    /// The framework's scales to choose from.
    private var scales: [QualitativeScale] { context.data.framework.evaluation?.scales ?? [] }

    /// The scale the bids are scored on, once known.
    var scale: QualitativeScale? { tenderScale ?? scales.first { $0.id == scores.scale } }

    /// The method, once known.
    var method: QuantitativeMethod? { tenderMethod ?? scores.method }

    /// The method and the scale, asked only when the tender file does not record them (a tender
    /// made before svwizard recorded them).
    private func methodSlots() -> [Slot] {
        var slots: [Slot] = []
        let title = "How the bids are scored"
        let lead = "The tender file does not record how the bids are scored, so the panel records it here, before any bid is scored "
            + "(svwizard guide evaluation shows each method's formula)."
        if tenderMethod == nil {
            let options = [("relativeToHighest", "Relative to the highest offer"), ("relativeToTarget", "Relative to a target of £ per £1 of contract value"),
                           ("bands", "Bands of £ per £1, each worth a share of the marks"), ("passFail", "Pass or fail at a threshold of £ per £1")]
            slots.append(Slot(
                definition: QuestionDefinition(key: "method", ask: "How is the quantitative offer scored?",
                                               help: "The method the tender documents set out. No council source lays down one method, so it is recorded with the evaluation.",
                                               example: "relativeToHighest", kind: .choice, options: options.map { ChoiceOption(value: $0.0, label: $0.1) }),
                title: title, lead: lead,
                current: { $0.pendingMethod ?? $0.method?.id },
                store: { scores, value in
                    scores.method = value == "relativeToHighest" ? .relativeToHighest : nil
                    scores.pendingMethod = value == "relativeToHighest" ? nil : value
                }))
            let target = context.data.framework.evaluation?.targetPerPound
            switch scores.pendingMethod {
            case "relativeToTarget"?:
                slots.append(Slot(
                    definition: QuestionDefinition(key: "target", ask: "What is the target, in £ of social value per £1 of contract value?",
                                                   help: "An offer at or above the target gets full marks. " + (target.map { "A starting point: \($0.source)" } ?? ""),
                                                   example: target.map { DecimalText.plain($0.value.value) } ?? "0.25", kind: .decimal, minimum: "0.01"),
                    title: title, lead: nil, current: { _ in nil },
                    store: { scores, value in
                        scores.method = DecimalText.parse(value).map { .relativeToTarget(perPound: $0) }
                        scores.pendingMethod = nil
                    }))
            case "passFail"?:
                slots.append(Slot(
                    definition: QuestionDefinition(key: "threshold", ask: "What is the threshold, in £ of social value per £1 of contract value?",
                                                   help: "An offer at or above the threshold gets full marks; below it, none.", example: "0.1",
                                                   kind: .decimal, minimum: "0.01"),
                    title: title, lead: nil, current: { _ in nil },
                    store: { scores, value in
                        scores.method = DecimalText.parse(value).map { .passFail(threshold: $0) }
                        scores.pendingMethod = nil
                    }))
            case "bands"?:
                slots.append(Slot(
                    definition: QuestionDefinition(key: "bands", ask: "What are the bands? Give each as the £ per £1 it starts at and its share of the marks.",
                                                   help: "For example 0.05 25%, 0.10 50%, 0.20 100%: an offer of £0.12 per £1 earns half the marks.",
                                                   example: "0.05 25%, 0.10 50%, 0.20 100%", kind: .text),
                    title: title, lead: nil, current: { _ in nil },
                    store: { scores, value in
                        scores.method = AssessmentAssembler.bands(value).map { .bands($0) }
                        scores.pendingMethod = nil
                    },
                    accept: { AssessmentAssembler.bands($0) == nil ? "Give each band as the £ per £1 it starts at and its share of the marks, "
                        + "for example 0.05 25%, 0.10 50%, 0.20 100%." : nil }))
            default:
                break
            }
        }
        if tenderScale == nil {
            slots.append(Slot(
                definition: QuestionDefinition(key: "scale", ask: "Which scale do evaluators score the written answer on?",
                                               help: "Each evaluator scores each bid on the scale, with a reason; the panel then agrees a moderated score.",
                                               example: scales.first?.id, kind: .choice,
                                               options: scales.map { scale in ChoiceOption(value: scale.id, label: scale.name) }),
                title: title, lead: tenderMethod == nil ? nil : lead,
                current: { $0.scale },
                store: { scores, value in scores.scale = value }))
        }
        return slots
    }

    private var scaleText: String {
        guard let scale else { return "" }
        return scale.points.map { "\(DecimalText.plain($0.score)) \($0.label): \($0.descriptor)" }.joined(separator: " ")
    }

    /// The scale, one score a line.
    private var scaleLines: String {
        guard let scale else { return "" }
        return scale.points.map { "  \(DecimalText.plain($0.score)) \($0.label): \($0.descriptor)" }.joined(separator: "\n")
    }

    /// The scale's scores with their labels, so a score may be given by its label ("good"),
    /// said back as its number.
    private var scaleOptions: [ChoiceOption]? {
        scale?.points.map { ChoiceOption(value: DecimalText.plain($0.score), label: $0.label) }
    }

    private func scoreAccepted(_ value: String) -> String? {
        guard let scale else { return nil }
        guard let score = DecimalText.parse(value), scale.allows(score) else {
            return "Give one of the scale's scores: " + scale.points.map { DecimalText.plain($0.score) }.joined(separator: ", ") + "."
        }
        return nil
    }

    private func scoreSlots(_ bid: Bid, evaluator: String) -> [Slot] {
        let title = "\(evaluator)'s scores"
        func entry(_ scores: ScoresFile) -> Evaluation.Score? { scores.bids[bid.file]?.scores.first { $0.evaluator == evaluator } }
        func update(_ scores: inout ScoresFile, _ change: (inout Evaluation.Score) -> Void) {
            var panel = scores.bids[bid.file] ?? EvaluationCalculator.Panel(scores: [], agreed: nil, clarifications: [])
            var score = panel.scores.first { $0.evaluator == evaluator } ?? Evaluation.Score(evaluator: evaluator, score: -1, reason: "")
            change(&score)
            panel.scores.removeAll { $0.evaluator == evaluator }
            panel.scores.append(score)
            panel.scores.sort { (scoresOrder($0.evaluator), $0.evaluator) < (scoresOrder($1.evaluator), $1.evaluator) }
            scores.bids[bid.file] = panel
        }
        func scoresOrder(_ name: String) -> Int { scores.evaluators.firstIndex(of: name) ?? Int.max }
        return [
            Slot(definition: QuestionDefinition(key: "score", ask: "\(evaluator): your score for \(bid.supplier)'s written answer?",
                                                help: "Score the method statement and the delivery plan or milestone tracker on the \(scale?.name ?? "") scale. \(scaleText)\n"
                                                    + Self.writtenAnswerText(bid),
                                                example: "4", kind: .decimal, options: scaleOptions),
                 title: title, lead: scoreLead(bid, evaluator: evaluator),
                 current: { entry($0).flatMap { $0.score < 0 ? nil : DecimalText.plain($0.score) } },
                 store: { scores, value in update(&scores) { $0.score = DecimalText.parse(value) ?? 0 } },
                 accept: scoreAccepted),
            Slot(definition: QuestionDefinition(key: "reason", ask: "Why that score?",
                                                help: "What the answer did or did not do, so the supplier's feedback and the record can say why.",
                                                example: "Specific local jobs, each with named evidence.", kind: .multiline),
                 title: title, lead: nil,
                 current: { entry($0)?.reason },
                 store: { scores, value in update(&scores) { $0.reason = value } }),
        ]
    }

    /// Before a score: the bid and its offer; the written answer the first time the bid is scored
    /// (later evaluators see it again with ?); the scale once, before the first score of all.
    private func scoreLead(_ bid: Bid, evaluator: String) -> String {
        var lead = "\(bid.supplier) (\(bid.file)): \(bid.summary)."
        if evaluator == scores.evaluators.first {
            lead += "\n" + Self.writtenAnswerText(bid)
        } else {
            lead += " Type ? to see its written answer again."
        }
        if evaluator == scores.evaluators.first && bid.file == bids.first?.file {
            lead += "\nThe \(scale?.name ?? "") scale (shown once; ? shows it again):\n\(scaleLines)"
        }
        return lead
    }

    private func agreedSlots(_ bid: Bid) -> [Slot] {
        let individual = scores.bids[bid.file]?.scores.filter { $0.score >= 0 }
            .map { "\($0.evaluator) \(DecimalText.plain($0.score))" }.joined(separator: ", ") ?? ""
        func set(_ scores: inout ScoresFile, score: Decimal?, reason: String?) {
            var panel = scores.bids[bid.file] ?? EvaluationCalculator.Panel(scores: [], agreed: nil, clarifications: [])
            var agreed = panel.agreed ?? Evaluation.Score(evaluator: "agreed", score: -1, reason: "")
            if let score { agreed.score = score }
            if let reason { agreed.reason = reason }
            panel.agreed = agreed
            scores.bids[bid.file] = panel
        }
        return [
            Slot(definition: QuestionDefinition(key: "agreed", ask: "The panel's agreed score for \(bid.supplier)?",
                                                help: "After discussing the individual scores, the moderated score the panel agrees. \(scaleText)",
                                                example: "4", kind: .decimal, options: scaleOptions),
                 title: "Agreed scores", lead: "\(bid.supplier): the individual scores are \(individual.isEmpty ? "not given yet" : individual).",
                 current: { $0.bids[bid.file]?.agreed.flatMap { $0.score < 0 ? nil : DecimalText.plain($0.score) } },
                 store: { scores, value in set(&scores, score: DecimalText.parse(value), reason: nil) },
                 accept: scoreAccepted),
            Slot(definition: QuestionDefinition(key: "rationale", ask: "The panel's rationale for that score?",
                                                help: "Why the panel agreed this score, especially where evaluators differed.",
                                                example: "Strong, but the evidence for local spend is thin.", kind: .multiline),
                 title: "Agreed scores", lead: nil,
                 current: { $0.bids[bid.file]?.agreed?.reason },
                 store: { scores, value in set(&scores, score: nil, reason: value) }),
        ]
    }

    /// A clarification answering `concern`, decided or not.
    private func clarificationSlots(_ bid: Bid, _ concern: EvaluationCalculator.Concern) -> [Slot] {
        func find(_ scores: ScoresFile) -> Evaluation.Clarification? {
            (scores.bids[bid.file]?.clarifications ?? []).first(where: concern.isAnswered)
                ?? (scores.undecided[bid.file] ?? []).first(where: concern.isAnswered)
        }
        /// Whether the clarification found has a decision.
        func decided(_ scores: ScoresFile) -> Bool { (scores.bids[bid.file]?.clarifications ?? []).contains(where: concern.isAnswered) }
        func update(_ scores: inout ScoresFile, decide: Evaluation.Clarification.Decision? = nil, _ change: (inout Evaluation.Clarification) -> Void) {
            var clarification = find(scores) ?? Evaluation.Clarification(concern: concern.text, measure: concern.measure, question: "", answer: "",
                                                                           decision: .accept, adjustedQuantity: nil, reason: "")
            let wasDecided = decided(scores)
            change(&clarification)
            var panel = scores.bids[bid.file] ?? EvaluationCalculator.Panel(scores: [], agreed: nil, clarifications: [])
            panel.clarifications.removeAll(where: concern.isAnswered)
            scores.undecided[bid.file]?.removeAll(where: concern.isAnswered)
            if let decide { clarification.decision = decide }
            if wasDecided || decide != nil {
                panel.clarifications.append(clarification)
            } else {
                scores.undecided[bid.file, default: []].append(clarification)
            }
            scores.bids[bid.file] = panel
        }
        let title = "Clarifying \(bid.supplier)'s offer"
        let measure = concern.measure.map { " about \($0.spoken)" } ?? ""
        var slots = [
            Slot(definition: QuestionDefinition(key: "question", ask: "What did you ask \(bid.supplier)\(measure)?",
                                                help: "As with an abnormally low tender, ask the supplier to explain and evidence the offer before it is scored.",
                                                example: "How will you recruit 20 disabled adults in the first year?", kind: .multiline),
                 title: title, lead: "\(bid.supplier) (\(bid.file)): \(bid.summary). This offer looks unrealistic: \(concern.text)",
                 current: { find($0)?.question },
                 store: { scores, value in update(&scores) { $0.question = value } }),
            Slot(definition: QuestionDefinition(key: "answer", ask: "What did \(bid.supplier) answer?",
                                                help: "The supplier's answer and the evidence it gave.",
                                                example: "One placement is confirmed with a local disability employment service.", kind: .multiline),
                 title: title, lead: nil,
                 current: { find($0)?.answer },
                 store: { scores, value in update(&scores) { $0.answer = value } }),
            Slot(definition: QuestionDefinition(key: "decision", ask: "What did the panel decide?",
                                                help: concern.measure == nil
                                                    ? "Accept the offer as it stands, adjust one of its lines to the quantity the evidence supports (valued again with the tender's values), or reject the whole offer (it then counts for nothing)."
                                                    : "Accept the line, adjust it to the quantity the evidence supports (valued again with the tender's values), or reject it (it then counts for nothing).",
                                                example: "adjust", kind: .choice,
                                                options: [ChoiceOption(value: "accept", label: "Accept it as offered"),
                                                          ChoiceOption(value: "adjust", label: concern.measure == nil ? "Adjust one line to the evidenced quantity"
                                                                          : "Adjust it to the evidenced quantity"),
                                                          ChoiceOption(value: "reject", label: concern.measure == nil ? "Reject the whole offer" : "Reject it")]),
                 title: title, lead: nil,
                 current: { scores in decided(scores) ? find(scores)?.decision.rawValue : nil },
                 store: { scores, value in update(&scores, decide: Evaluation.Clarification.Decision(rawValue: value) ?? .accept) { _ in } }),
        ]
        if concern.measure == nil, find(scores)?.decision == .adjust, decided(scores) {
            slots.append(Slot(
                definition: QuestionDefinition(key: "measure", ask: "Which line does the panel adjust?",
                                               help: "The measure whose quantity the evidence does not support.", example: bid.measures.first?.rawValue,
                                               kind: .choice, options: bid.measures.map { ChoiceOption(value: $0.rawValue, label: $0.spoken) }),
                title: title, lead: nil,
                current: { find($0)?.measure?.rawValue },
                store: { scores, value in update(&scores) { $0.measure = MeasureReference(value) } }))
        }
        if find(scores)?.decision == .adjust, decided(scores) {
            slots.append(Slot(
                definition: QuestionDefinition(key: "quantity", ask: "What total quantity does the evidence support, over the whole contract?",
                                               help: "The line is valued again with the tender's values at this quantity.", example: "1", kind: .decimal,
                                               minimum: "0"),
                title: title, lead: nil,
                current: { find($0)?.adjustedQuantity.map(DecimalText.plain) },
                store: { scores, value in update(&scores) { $0.adjustedQuantity = DecimalText.parse(value) } }))
        }
        slots.append(Slot(
            definition: QuestionDefinition(key: "reason", ask: "Why did the panel decide that?", help: "The reason, for the record and the supplier's feedback.",
                                           example: "Only one hire is evidenced.", kind: .multiline),
            title: title, lead: nil,
            current: { find($0)?.reason },
            store: { scores, value in update(&scores) { $0.reason = value } }))
        return slots
    }
}
