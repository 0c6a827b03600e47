import Questionnaire
import Terminal

/// Asks a person to choose one of a few options, by number or by name, with Tab completion,
/// `?` for help and `q` to leave. A wrong answer is explained and the question asked again.
public struct ChoicePrompt {
    public struct Option: Sendable {
        public var key: String
        public var label: String
        /// Who the option is for, shown as a heading above the options that share it.
        public var group: String?

        public init(key: String, label: String, group: String? = nil) {
            self.key = key
            self.label = label
            self.group = group
        }
    }

    public let question: String
    public let options: [Option]
    public let help: String

    public init(question: String, options: [Option], help: String) {
        self.question = question
        self.options = options
        self.help = help
    }

    /// What the person did.
    public enum Choice: Equatable, Sendable {
        case chosen(String)
        /// q, quit or Ctrl-D.
        case left
        /// Ctrl-C.
        case interrupted
    }

    /// The chosen option's key, or nil when the person leaves (q, quit, Ctrl-D, Ctrl-C).
    public func ask(on console: Console) -> String? {
        if case let .chosen(key) = choose(on: console) { return key }
        return nil
    }

    /// The person's choice, telling leaving apart from Ctrl-C.
    public func choose(on console: Console) -> Choice {
        showOptions(on: console)
        while true {
            let prompt = console.style.bold(question) + " [1-\(options.count), ? for help, q to leave]: "
            switch console.readLine(prompt: prompt, completions: options.map(\.key) + ["quit", "help"]) {
            case .end:
                console.write("\n")
                return .left
            case .interrupt:
                console.write("\n")
                return .interrupted
            case let .line(raw):
                let answer = raw.trimmingWhitespace.lowercased()
                if ["q", "quit", "exit"].contains(answer) { return .left }
                if answer == "?" || answer == "help" {
                    console.say(help)
                    showOptions(on: console)
                    continue
                }
                if answer.isEmpty { continue }
                if answer == "back" || answer == "b" {
                    console.say("There is nothing before this. Type a number from 1 to \(options.count), ? for help, or q to leave.")
                    continue
                }
                if let number = Int(answer), options.indices.contains(number - 1) { return .chosen(options[number - 1].key) }
                if let option = options.first(where: { $0.key == answer }) { return .chosen(option.key) }
                console.complain("\(Echo.quoted(raw)) is not one of the choices. Type a number from 1 to \(options.count), for example 1.")
            }
        }
    }

    private func showOptions(on console: Console) {
        var group: String?
        for (index, option) in options.enumerated() {
            if let heading = option.group, heading != group {
                console.write(console.style.bold(heading) + "\n")
                group = heading
            }
            // A long option continues under its own words, not under its number.
            let number = "  \(index + 1). "
            console.write(TextWrapper.wrap("\(option.label)  " + console.style.dim("(\(option.key))"), width: console.width, firstIndent: number,
                                           indent: String(repeating: " ", count: number.count)) + "\n")
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var characters = Substring(self)
        while characters.first?.isWhitespace == true { characters.removeFirst() }
        while characters.last?.isWhitespace == true { characters.removeLast() }
        return String(characters)
    }
}
