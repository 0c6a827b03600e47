import Terminal

/// Asks a person to choose one of a few options, by number or by name, with Tab completion,
/// `?` for help and `q` to leave. A wrong answer is explained and the question asked again.
public struct ChoicePrompt {
    public struct Option: Sendable {
        public var key: String
        public var label: String

        public init(key: String, label: String) {
            self.key = key
            self.label = label
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

    /// The chosen option's key, or nil when the person leaves (q, quit, Ctrl-D, Ctrl-C).
    public func ask(on console: Console) -> String? {
        showOptions(on: console)
        while true {
            let prompt = console.style.bold(question) + " [1-\(options.count), ? for help, q to leave]: "
            switch console.reader.readLine(prompt: prompt, completions: options.map(\.key) + ["quit", "help"]) {
            case .end, .interrupt:
                console.write("\n")
                return nil
            case let .line(raw):
                let answer = raw.trimmingWhitespace.lowercased()
                if ["q", "quit", "exit"].contains(answer) { return nil }
                if answer == "?" || answer == "help" {
                    console.say(help)
                    showOptions(on: console)
                    continue
                }
                if answer.isEmpty { continue }
                if let number = Int(answer), options.indices.contains(number - 1) { return options[number - 1].key }
                if let option = options.first(where: { $0.key == answer }) { return option.key }
                console.complain("\"\(raw)\" is not one of the choices. Type a number from 1 to \(options.count), for example 1.")
            }
        }
    }

    private func showOptions(on console: Console) {
        for (index, option) in options.enumerated() {
            console.write("  \(index + 1). \(option.label)  " + console.style.dim("(\(option.key))") + "\n")
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
