import Foundation
import Questionnaire
import SocialValue
import Terminal

/// One question of a wizard whose questions are made by code from what is known so far (the
/// evaluation panel's, the supplier's delivery return, the contract manager's review): its
/// wording, where its answer is kept and read back, and a check of the answer.
struct SlotQuestion<State> {
    var definition: QuestionDefinition
    var title: String
    /// Said before the question, the first time it is asked.
    var lead: String?
    var current: (State) -> String?
    var store: (inout State, String) -> Void
    /// A reason to refuse an answer, or nil to take it.
    var accept: (String) -> String? = { _ in nil }
    /// The measure a `quantity` question counts in (its unit, step and limits).
    var measure: Measure?
}

/// Asks the first unanswered question again and again until every question has an answer,
/// saving after each one: so the person can stop at any time (`quit`, Ctrl-D) and carry on
/// later with the same command; `back` returns to the previous question and `?` explains.
struct SlotRunner<State> {
    enum End: Equatable {
        case finished
        /// Left before the end, every answer kept: how, for the exit status.
        case left(Leaving)
    }

    /// How a person left a wizard: `quit` (exit 0), the input ending (exit 1: a script's
    /// answers ran out), or Ctrl-C (exit 130).
    enum Leaving: Equatable {
        case quit, inputEnded, interrupted

        var status: ExitStatus {
            switch self {
            case .quit: .success
            case .inputEnded: .refused
            case .interrupted: .interrupted
            }
        }
    }

    let context: AppContext
    let environment: FlowEnvironment
    /// Where the answers are kept, for the messages.
    let url: URL
    /// The command that carries on, for the message on leaving.
    let carryOn: String
    let save: (State) throws -> Void

    private var console: Console { context.console }

    /// `fromLast`: start at the last question, already answered (a review's `back`), from
    /// where `back` walks further; otherwise at the first question not answered.
    func run(_ state: inout State, fromLast: Bool = false, questions: (State) -> [SlotQuestion<State>]) throws -> End {
        var forced: Int? = fromLast ? max(questions(state).count - 1, 0) : nil // a question chosen by `back`
        var shownLead: Set<String> = []
        var pending: String? // typed before Ctrl-C, by a person who chose to carry on
        while true {
            let slots = questions(state)
            guard let index = forced ?? slots.firstIndex(where: { ($0.current(state) ?? "").isEmpty }) else { return .finished }
            forced = nil
            let slot = slots[index]
            if let lead = slot.lead, shownLead.insert(slot.title + lead).inserted {
                console.write("\n" + console.style.bold(slot.title) + "\n")
                for line in lead.split(separator: "\n") {
                    // Listed points are indented, each continuing under its words.
                    let listed = line.hasPrefix("  ")
                    console.write(TextWrapper.wrap(String(line.drop { $0 == " " }), width: console.width, firstIndent: listed ? "  " : "",
                                                   indent: listed ? "    " : "") + "\n")
                }
            }
            var question = PlannedQuestion(slot.definition, stepTitle: slot.title, stepNumber: 1, stepCount: 1)
            question.measure = slot.measure
            let prompt = QuestionPrompt(context: context, environment: environment, answers: AnswerSheet(), question: question,
                                        current: slot.current(state), accept: slot.accept, pending: pending)
            pending = nil
            let outcome = prompt.ask()
            switch outcome {
            case let .answer(value):
                slot.store(&state, value)
                try save(state)
            case let .answers(values):
                if let value = values.values.first { slot.store(&state, value) }
                try save(state)
            case .back:
                if index == 0 { console.say("This is the first question.") } else { forced = index - 1 }
            case .review:
                console.say("The record is written when every question is answered; until then \(url.lastPathComponent) holds the answers so far.")
            case .save, .saveAs:
                try save(state)
                console.say("Saved to \(url.path).")
            case let .interrupted(typed) where !typed.isEmpty:
                // What was typed is not an answer yet: ask before it is dropped.
                console.write("\n")
                let stay = YesNoPrompt(question: "You had typed \(Echo.quoted(String(typed.prefix(80)))) here, which is not saved. Leave anyway?",
                                       defaultAnswer: .no, help: "no (Enter) puts it back on the line; yes leaves, keeping every answer entered.")
                if stay.ask(on: console) != .no {
                    try save(state)
                    console.say("Your answers are saved in \(url.path). Carry on with the same \(carryOn) command.")
                    return .left(.interrupted)
                }
                pending = typed
                forced = index
            case .quit, .interrupted, .inputEnded:
                try save(state)
                console.say("Your answers are saved in \(url.path). Carry on with the same \(carryOn) command.")
                switch outcome {
                case .quit: return .left(.quit)
                case .interrupted: return .left(.interrupted)
                default: return .left(.inputEnded)
                }
            }
        }
    }
}
