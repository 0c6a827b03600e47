import Questionnaire
import SocialValue
import Terminal

/// What happened when a question was put to the person.
enum PromptOutcome: Equatable {
    case answer(String)
    /// Answers to several questions at once (every contract year's quantity in one line).
    case answers([String: String])
    case back
    case review
    case save
    /// `save NAME`: save to another file and carry on with that one.
    case saveAs(String)
    case quit
    /// Ctrl-C, with what had been typed at the question (empty if nothing).
    case interrupted(typed: String)
    case inputEnded
}

/// Puts one question to the person: the question, an example, the current or default answer
/// in brackets, and the commands. Understands `?` (guidance), `? REF` (a measure's page),
/// `back`, `review`, `save` and `quit`. A wrong answer is explained with an example and the
/// question asked again.
struct QuestionPrompt {
    let context: AppContext
    let environment: FlowEnvironment
    let answers: AnswerSheet
    let question: PlannedQuestion
    let current: String?
    /// A further check of a parsed answer; the problem, or nil to accept it.
    var accept: (String) -> String? = { _ in nil }
    /// What the person had typed here before Ctrl-C, put back on the line to edit or enter.
    var pending: String?

    private var console: Console { context.console }

    func ask() -> PromptOutcome {
        showQuestion()
        var pending = pending.flatMap { $0.isEmpty ? nil : $0 }
        if let pending {
            let shown = pending.count > 200 ? String(pending.prefix(197)) + "..." : pending
            if question.kind == .multiline {
                console.say("What you had typed is kept below: carry on typing.")
            } else {
                console.say("You had typed: \(Echo.quoted(shown)). " + (console.reader.isInteractive && !pending.contains("\n")
                    ? "It is back on the line: change it, or press Enter to use it." : "Type it again to use it."))
            }
        }
        while true {
            let outcome = question.kind == .multiline ? readMultiline(pending: pending) : readSingleLine(pending: pending)
            pending = nil
            switch outcome {
            case let .answer(raw):
                if let command = command(in: raw) {
                    if command != .answer("?") { return command }
                    continue // guidance was shown; ask again
                }
                // Enter takes the default, which at a first year can be one figure for each year.
                let offered = raw.trimmingWhitespace.isEmpty && current == nil ? (question.defaultAnswer ?? raw) : raw
                if let all = everyYear(offered) {
                    if case .answers = all { return all }
                    continue // a problem was explained; ask again
                }
                let typed = raw.trimmingWhitespace.isEmpty ? (current ?? "") : raw
                switch AnswerParser.parse(typed, for: question) {
                case let .success(value):
                    if let problem = accept(value) {
                        console.complain(problem)
                        continue
                    }
                    if let readBack = AnswerParser.readBack(typed: typed, value: value, for: question) { console.say(readBack) }
                    if question.kind == .measures {
                        console.say("You chose " + MeasureChoice.described(value, names: question.measureNames) + ".")
                    }
                    if question.key.hasSuffix("years"), let explanation = ContractLength.explanation(typed.trimmingWhitespace) {
                        console.say(explanation)
                    }
                    return .answer(value)
                case let .failure(problem):
                    console.complain(problem.message)
                    if let example = problem.example { console.say("For example: \(example)") }
                }
            default:
                return outcome
            }
        }
    }

    private func showQuestion() {
        console.write("\n" + console.style.bold(TextWrapper.wrap(question.text, width: console.width)) + "\n")
        switch question.kind {
        case .choice, .checklist:
            for (index, option) in (question.definition.options ?? []).enumerated() {
                console.write("  \(index + 1). \(option.label)\n")
            }
        case .measures:
            MeasureMenu(context: context, environment: environment, answers: answers, question: question).show()
        default:
            break
        }
        if question.kind == .valuePack && !question.completions.isEmpty {
            console.write("  Packs: \(question.completions.joined(separator: ", "))\n")
        }
        if let example = question.example, question.kind != .choice, question.defaultReason == nil || current != nil {
            console.write(console.style.dim(TextWrapper.wrap("For example: \(example)", width: console.width, indent: "  ")) + "\n")
        }
        // The last year's "what is left" is worth saying even over an earlier answer.
        if let reason = question.defaultReason, current == nil || (question.year == question.yearCount && current != question.defaultAnswer) {
            console.say(reason)
        }
    }

    private var bracket: String {
        let shown = current ?? question.defaultAnswer
        guard let shown, !shown.isEmpty else { return "" }
        if question.kind == .measures && shown == question.completions.joined(separator: ", ") && question.completions.count > 1 {
            return " [Enter for all \(question.completions.count)]"
        }
        let single = shown.split(separator: "\n").first.map(String.init) ?? shown
        let short = single.count > 40 ? String(single.prefix(37)) + "..." : single
        return " [" + short + (shown.contains("\n") ? " ..." : "") + "]"
    }

    private func readSingleLine(pending: String?) -> PromptOutcome {
        let prompt = "Answer\(bracket): "
        if let pending { console.reader.offer(pending) }
        switch console.readLine(prompt: prompt, completions: question.completions + Self.commands) {
        case let .line(text): return .answer(text)
        case .end: return .inputEnded
        case let .interrupt(typed): return .interrupted(typed: typed)
        }
    }

    private func readMultiline(pending: String?) -> PromptOutcome {
        if let current, !current.isEmpty {
            console.write(console.style.dim("Your answer so far:") + "\n" + TextWrapper.wrap(current, width: console.width, firstIndent: "  | ", indent: "  | ") + "\n")
            console.say("Press Enter to keep it, or type a new answer.")
        }
        if console.explained.insert("multiline").inserted {
            console.write(console.style.dim(TextWrapper.wrap(multilineHint, width: console.width)) + "\n")
        } else {
            console.write(console.style.dim("(Several lines; end with an empty line. ? explains.)") + "\n")
        }
        var lines: [String] = pending.map { $0.components(separatedBy: "\n") } ?? []
        // The last line typed goes back on the line being edited, where the person left it.
        if console.reader.isInteractive, let last = lines.popLast() { console.reader.offer(last) }
        for line in lines { console.write("  | " + line + "\n") }
        while true {
            let commands = Self.commands + (context.editor == nil ? [] : ["edit"])
            switch console.readLine(prompt: lines.isEmpty ? "Answer\(bracket): " : "  | ", completions: lines.isEmpty ? commands : []) {
            case let .line(text):
                let trimmed = text.trimmingWhitespace
                if trimmed.lowercased() == "edit", let editor = context.editor {
                    // The lines typed so far, or else the answer so far, are what the editor opens.
                    switch TextEditor(command: editor).edit(lines.isEmpty ? (current ?? "") : lines.joined(separator: "\n")) {
                    case let .edited(answer) where answer.isEmpty:
                        console.say("The editor gave back no text, so nothing changed. Type the answer here, or edit to try again.")
                        continue
                    case let .edited(answer):
                        console.say("Took \(answer.count.grouped) characters from the editor.")
                        return .answer(answer)
                    case let .failed(reason):
                        console.complain(reason)
                        continue
                    }
                }
                if lines.isEmpty && (command(in: text) != nil || trimmed.isEmpty || trimmed == ".") {
                    return .answer(trimmed == "." ? "" : text)
                }
                if lines.isEmpty && trimmed.hasPrefix("@") && trimmed.count > 1 {
                    if let answer = fileAnswer(String(trimmed.dropFirst())) { return .answer(answer) }
                    continue
                }
                if trimmed == "." || trimmed.isEmpty { return .answer(lines.joined(separator: "\n")) }
                if trimmed.lowercased() == "undo" && !lines.isEmpty {
                    let removed = lines.removeLast()
                    console.say("Took back: \(Echo.quoted(removed))" + (lines.isEmpty ? "" : ". Carry on from the line before it."))
                    continue
                }
                lines.append(text)
            case .end: return lines.isEmpty ? .inputEnded : .answer(lines.joined(separator: "\n"))
            case let .interrupt(typed): return .interrupted(typed: (lines + [typed]).joined(separator: "\n").trimmingWhitespace)
            }
        }
    }

    /// The text of the file at `path`, as a multi-line answer, or nil (with the reason said)
    /// when it cannot be read or is larger than any answer.
    private func fileAnswer(_ path: String) -> String? {
        let url = context.resolve(path)
        let limit = AnswerLimits.longestText * 4
        guard let data = try? OutsideFile.contents(of: url, limit: limit, what: "text file"),
              let text = String(data: data, encoding: .utf8) else {
            console.complain("\(Echo.quoted(path)) cannot be read as a text file of at most \(limit.grouped) bytes. Check the name, "
                + "or type the answer instead.")
            return nil
        }
        let answer = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        console.say("Read \(answer.count.grouped) characters from \(url.lastPathComponent).")
        return answer
    }

    /// At the first year's quantity, one line for the whole contract: `52 each year` or
    /// `52, 52, 26` (one per year). Each is checked as if typed at its own year; nil when the
    /// line is not of that form.
    private func everyYear(_ raw: String) -> PromptOutcome? {
        guard question.kind == .quantity, question.year == 1, let years = question.yearCount, years > 1 else { return nil }
        let text = raw.trimmingWhitespace.lowercased()
        var values: [String]
        if let range = text.range(of: #"\s*(each|every|a|per) year$"#, options: .regularExpression) {
            values = Array(repeating: String(text[..<range.lowerBound]), count: years)
        } else if text.contains(",") || text.contains(";"), question.measure?.unit != .pounds || text.contains(";") {
            values = text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
        } else {
            return nil
        }
        guard values.count == years else {
            console.complain("That gives \(values.count) quantit\(values.count == 1 ? "y" : "ies"), but the contract runs \(years) years. "
                + "Give one for each year, or one with \"each year\".")
            return .answer("?")
        }
        var answers: [String: String] = [:]
        let base = String(question.key.dropLast(2))
        for (index, value) in values.enumerated() {
            var yearQuestion = question
            yearQuestion.year = index + 1
            switch AnswerParser.parse(value, for: yearQuestion) {
            case let .success(parsed): answers["\(base).\(index + 1)"] = parsed
            case let .failure(problem):
                console.complain("Year \(index + 1): \(problem.message)")
                return .answer("?")
            }
        }
        let unit = question.measure?.unit
        console.say("You gave " + answers.keys.sorted().enumerated().map { "year \($0.offset + 1): " + (unit?.format(DecimalText.parse(answers[$0.element]!) ?? 0) ?? answers[$0.element]!) }
            .joined(separator: ", ") + ".")
        return .answers(answers)
    }

    static let commands = ["back", "review", "save", "quit"]

    /// The command typed, or nil for an answer. Guidance (`?`) is shown here and reported as `.answer("?")`.
    private func command(in raw: String) -> PromptOutcome? {
        let text = raw.trimmingWhitespace
        switch text.lowercased() {
        case "back": return .back
        case "review": return .review
        case "save": return .save
        case "quit", "exit": return .quit
        default: break
        }
        if text.lowercased().hasPrefix("save ") { return .saveAs(String(text.dropFirst(5)).trimmingWhitespace) }
        guard text.hasPrefix("?") else { return nil }
        let topic = String(text.dropFirst()).trimmingWhitespace
        if !topic.isEmpty {
            let guide = GuideView(data: context.data, pack: environment.pack, renderer: console.markdown)
            if let page = guide.render(topic) {
                console.write("\n" + page)
            } else {
                // Words of a measure's name (`? disabled`), read the way choosing a measure reads them.
                var names: [String: String] = [:]
                for measure in context.data.catalogue.measures {
                    names[measure.reference.rawValue] = context.data.framework.placement(of: measure.reference)?.headline.name ?? measure.label
                }
                let references = context.data.catalogue.measures.map(\.reference.rawValue)
                switch MeasureChoice.parse(topic, candidates: references, names: names, optional: false) {
                case let .success(answer) where !answer.contains(","):
                    if let page = guide.render(answer) { console.write("\n" + page) }
                case let .failure(problem) where problem.message.contains("Did you mean") || problem.message.contains("could mean several"):
                    console.complain(problem.message.replacingOccurrences(of: "Type its reference to choose it.", with: "Type ? and its reference to read about it.")
                        .replacingOccurrences(of: "Type the reference of the one you mean.", with: "Type ? and the reference of the one you mean."))
                default:
                    let near = guide.suggestions(for: topic).prefix(3)
                    console.complain("There is no guidance on \(Echo.quoted(topic))" + (near.isEmpty ? "." : ". Did you mean ? \(near.joined(separator: " or ? "))?")
                        + " Type ? on its own for help with this question.")
                }
            }
        } else {
            showHelp()
        }
        showQuestion()
        return .answer("?")
    }

    /// How a long answer is typed, in full.
    private var multilineHint: String {
        let editing = context.editor.map { " Type edit to write it in your editor (\($0))." } ?? ""
        return "Type as many lines as you like, then press Enter on an empty line to finish (or type a full stop on its own). Type undo "
            + "to take back the last line, or @notes.txt to use the text of a file." + editing
    }

    private func showHelp() {
        console.write("\n")
        console.say(question.help)
        if question.kind == .multiline { console.write(console.style.dim(TextWrapper.wrap(multilineHint, width: console.width)) + "\n") }
        if let measure = question.measure {
            console.say("Type ? \(measure.reference.rawValue) to read the guidance on \(measure.reference.spoken).")
        }
        console.write(console.style.dim(TextWrapper.wrap(
            "You can also type: back (the previous question), review (see everything so far), save, or quit (your answers are kept).",
            width: console.width)) + "\n")
    }
}
