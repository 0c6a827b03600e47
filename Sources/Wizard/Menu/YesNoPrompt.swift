import DataFiles
import Foundation

/// A yes-or-no question outside a questionnaire ([y/N] or [Y/n]): `quit` (or q, exit, Ctrl-D,
/// Ctrl-C) always means leave, never "no"; `?` explains; `back` says there is nothing before it;
/// anything else but yes or no is asked again.
struct YesNoPrompt {
    enum Answer: Equatable { case yes, no, quit }

    let question: String
    /// The answer Enter gives.
    let defaultAnswer: Answer
    let help: String

    func ask(on console: Console) -> Answer {
        let hint = defaultAnswer == .yes ? "[Y/n, q to leave]" : "[y/N, q to leave]"
        while true {
            switch console.readLine(prompt: "\(question) \(hint): ", completions: ["yes", "no", "quit"]) {
            case .end, .interrupt:
                console.write("\n")
                return .quit
            case let .line(raw):
                switch raw.trimmingWhitespace.lowercased() {
                case "": return defaultAnswer
                case "y", "yes": return .yes
                case "n", "no": return .no
                case "q", "quit", "exit", "stop": return .quit
                case "?", "help": console.say(help)
                case "back", "b": console.say("There is no question before this one here. Answer yes or no, or type q to leave.")
                default: console.complain("\(Echo.quoted(raw)) is not yes or no. Type yes or no, or q to leave.")
                }
            }
        }
    }
}
