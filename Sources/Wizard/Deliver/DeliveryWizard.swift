import Foundation
import Questionnaire
import SocialValue

/// The questions of a delivery return, made from the contract and the answers so far, asked
/// by `SlotRunner` (saved after each answer; `back`, `?` and `quit` as everywhere).
struct DeliveryWizard {
    let context: AppContext
    let contract: ContractTerms
    let period: ReportingPeriod
    let url: URL
    var answers: DeliveryAnswers

    typealias Slot = SlotQuestion<DeliveryAnswers>

    mutating func run(fromLast: Bool = false) throws -> SlotRunner<DeliveryAnswers>.End {
        if fromLast {
            context.console.say("Type back to go further back, or press Enter to keep an answer; the return is shown again once you have changed one.")
        } else {
        context.console.say("Delivery return for \(contract.reference) (\(contract.title)), \(period.spoken). Your answers are saved to "
            + "\(url.path) after each one. At any question type ? for help, back for the previous question, or quit to stop and carry on "
            + "later with the same command.")
        }
        let order = contract.commitments.map(\.measure)
        let url = self.url
        let runner = SlotRunner<DeliveryAnswers>(context: context, environment: FlowEnvironment(data: context.data, tender: nil, pack: nil),
                                                 url: url, carryOn: "svwizard deliver") { answers in
            do {
                try AtomicFile.write(Data(answers.yaml(order: order).utf8), to: url)
            } catch {
                throw WizardError("Your answers could not be saved to \(url.path) (\(error.localizedDescription)); nothing typed since the last "
                    + "save is kept. Make the folder writable and run the command again.", status: .unreadable)
            }
        }
        let wizard = self
        return try runner.run(&answers, fromLast: fromLast) { answers in wizard.slots(answers) }
    }

    private func slots(_ answers: DeliveryAnswers) -> [Slot] {
        var slots: [Slot] = [
            Slot(definition: QuestionDefinition(key: "preparedBy", ask: "Who is preparing this return?",
                                                 help: "Your name and role, so the contract manager knows whom to ask about it.",
                                                 example: "Jo Walsh, operations manager", kind: .text),
                 title: "About this return", lead: nil, current: { $0.preparedBy }, store: { $0.preparedBy = $1 }),
            Slot(definition: QuestionDefinition(key: "preparedOn", ask: "On what date are you preparing it?",
                                                 help: "The date the return is dated. \(DateText.rule)", example: "10 March 2026", kind: .date,
                                                 default: Day.today().long),
                 title: "About this return", lead: nil, current: { $0.preparedOn }, store: { $0.preparedOn = $1 }),
        ]
        let due = contract.schedule.due(in: period)
        for commitment in contract.commitments {
            slots += measureSlots(commitment, due: due[commitment.measure] ?? 0, answers: answers.measures[commitment.measure] ?? .init())
        }
        return slots
    }

    private func measureSlots(_ commitment: ContractCommitment, due: Decimal, answers: DeliveryAnswers.Measure) -> [Slot] {
        let reference = commitment.measure
        let title = "\(commitment.label) (\(reference.spoken))"
        let unit = commitment.unit
        func update(_ all: inout DeliveryAnswers, _ change: (inout DeliveryAnswers.Measure) -> Void) {
            var measure = all.measures[reference] ?? .init()
            change(&measure)
            all.measures[reference] = measure
        }
        var lead = "Due in \(period.name): \(unit.format(due)), of \(unit.format(commitment.total)) committed over the contract."
        if !commitment.evidenceAsked.isEmpty { lead += " Evidence the measure asks for: "
            + commitment.evidenceAsked.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.joined(separator: "; ") + "." }
        if !FastText.isBlank(commitment.evidencePromised) { lead += " Your bid said you would keep: " + commitment.evidencePromised }
        let step = commitment.step.value
        // The catalogue's measure, when it counts in the contract's unit: the answer is then read as
        // people write it ("£7,000", "2.5 FTE") and checked against its step and limits.
        let measure = context.data.catalogue.measure(reference).flatMap { $0.unit == unit && $0.input.step == step ? $0 : nil }
        var slots = [Slot(
            definition: QuestionDefinition(key: "delivered", ask: "How much did you deliver in \(period.name), in \(unit.plainName)?",
                                           help: "Only what was delivered under this contract in this period, counted as the measure counts it "
                                               + "(svwizard guide \(reference.rawValue.lowercased()) explains). Type 0 if nothing was delivered.",
                                           example: DecimalText.plain(due), kind: measure == nil ? .decimal : .quantity, minimum: "0"),
            title: title, lead: lead, current: { $0.measures[reference]?.delivered },
            store: { all, value in update(&all) { $0.delivered = value } },
            accept: { value in
                guard let quantity = DecimalText.parse(value), DecimalText.isMultiple(quantity, of: step) else {
                    return "Give the quantity in \(unit.plainName), in steps of \(DecimalText.plain(step)) (for example \(DecimalText.plain(due)))."
                }
                return nil
            },
            measure: measure)]
        guard let delivered = answers.delivered.flatMap(DecimalText.parse) else { return slots }
        if delivered > 0 {
            for (index, _) in answers.evidence.enumerated() {
                let number = index + 1
                func item(_ all: DeliveryAnswers) -> DeliveryAnswers.Evidence? {
                    let list = all.measures[reference]?.evidence ?? []
                    return index < list.count ? list[index] : nil
                }
                func change(_ all: inout DeliveryAnswers, _ body: (inout DeliveryAnswers.Evidence) -> Void) {
                    update(&all) { measure in
                        guard index < measure.evidence.count else { return }
                        body(&measure.evidence[index])
                    }
                }
                slots.append(Slot(definition: QuestionDefinition(key: "evidence.what", ask: "Evidence \(number): what is it?",
                                                                 help: "Name the document or record, such as a payroll extract or signed timesheets.",
                                                                 example: commitment.evidenceAsked.first ?? "Payroll extract", kind: .text),
                                  title: title, lead: nil, current: { item($0)?.what }, store: { all, value in change(&all) { $0.what = value } }))
                slots.append(Slot(definition: QuestionDefinition(key: "evidence.reference", ask: "Evidence \(number): its reference?",
                                                                 help: "Your own reference for it (a file name, an invoice number), so it can be found if "
                                                                     + "the contract manager asks. Type none if it has none.",
                                                                 example: "PAY-2026-02", kind: .text),
                                  title: title, lead: nil, current: { item($0)?.reference }, store: { all, value in change(&all) { $0.reference = value } }))
                slots.append(Slot(definition: QuestionDefinition(key: "evidence.date", ask: "Evidence \(number): its date?",
                                                                 help: "The date on the evidence; it should fall in \(period.spoken). \(DateText.rule)",
                                                                 example: period.end.long, kind: .date),
                                  title: title, lead: nil, current: { item($0)?.date }, store: { all, value in change(&all) { $0.date = value } }))
            }
            let next = answers.evidence.count + 1
            slots.append(Slot(
                definition: QuestionDefinition(key: "evidence.more", ask: next == 1 ? "Evidence 1: what is it?" : "Evidence \(next): what is it? (press Enter if that is all)",
                                               help: "List each piece of evidence you keep for what you delivered: what it is, then its reference and date. "
                                                   + "Press Enter at an empty answer when you have listed them all.",
                                               example: commitment.evidenceAsked.first ?? "Signed timesheets", kind: .text, optional: true),
                title: title, lead: nil,
                current: { $0.measures[reference]?.evidenceComplete == true ? "done" : nil },
                store: { all, value in
                    update(&all) { measure in
                        // "done" is what the question shows once answered: Enter there keeps it.
                        if FastText.isBlank(value) || (value == "done" && measure.evidenceComplete) {
                            measure.evidenceComplete = true
                        } else {
                            measure.evidence.append(.init(what: value))
                        }
                    }
                },
                accept: { value in
                    FastText.isBlank(value) && answers.evidence.isEmpty
                        ? "List at least one piece of evidence for the \(unit.format(delivered)) delivered: the contract manager checks each one." : nil
                }))
        }
        if delivered > 0 || due > 0 {
            slots.append(Slot(definition: QuestionDefinition(key: "narrative", ask: "What did you do this period?",
                                                             help: "A few sentences: who benefited, with which local partner, what changed. End with an empty line.",
                                                             example: "Two local apprentices started in January with Rotherham College.", kind: .multiline),
                              title: title, lead: nil, current: { $0.measures[reference]?.narrative },
                              store: { all, value in update(&all) { $0.narrative = value } }))
        }
        if delivered < due {
            slots.append(Slot(definition: QuestionDefinition(key: "shortfallReason", ask: "Why is delivery below the \(unit.format(due)) due?",
                                                             help: "Say plainly what got in the way. The contract manager sees this beside the figures.",
                                                             example: "The second apprentice withdrew before starting.", kind: .multiline),
                              title: title, lead: "Delivery is below the profile: \(unit.format(delivered)) against \(unit.format(due)) due.",
                              current: { $0.measures[reference]?.shortfallReason },
                              store: { all, value in update(&all) { $0.shortfallReason = value } }))
            slots.append(Slot(definition: QuestionDefinition(key: "recoveryPlan", ask: "How and when will you make up the shortfall?",
                                                             help: "What you will do and by when, so it can be agreed as a corrective action.",
                                                             example: "A replacement starts in April; by the end of Q2 we will be back on profile.",
                                                             kind: .multiline),
                              title: title, lead: nil, current: { $0.measures[reference]?.recoveryPlan },
                              store: { all, value in update(&all) { $0.recoveryPlan = value } }))
        }
        return slots
    }
}
