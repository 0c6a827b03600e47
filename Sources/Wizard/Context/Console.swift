import SocialValue
import Terminal

/// Where a command talks to a person: output, error output, styling, width and the line
/// reader (readline on a terminal, plain or scripted otherwise).
public final class Console {
    public let output: TextSink
    public let errorOutput: TextSink
    public let style: Style
    public let width: Int
    public let reader: LineReader
    /// The fixed explanations already given in this run (such as how to end a long answer): each
    /// is given in full once, then shortly, and in full again on `?`.
    public var explained: Set<String> = []

    public init(output: TextSink, errorOutput: TextSink, style: Style, width: Int, reader: LineReader) {
        self.output = output
        self.errorOutput = errorOutput
        self.style = style
        self.width = width
        self.reader = reader
    }

    /// Writes `text`, breaking any line wider than the terminal at a space (never inside a
    /// word), with the continuation indented under the line's own indent. Text already
    /// wrapped to the width passes through unchanged.
    /// Control characters from outside text (a name in the register, a spending file) are shown
    /// as `?` here and in every other way a console writes text, never acted on by the terminal.
    public func write(_ text: String) { output.write(Self.fit(inert(text), width: width)) }

    /// `text` with no control character but line breaks, tabs and the console's own colours.
    private func inert(_ text: String) -> String { ShortText.inert(text, keepingStyle: style.enabled) }

    /// Writes data for programs (JSON, version lines) exactly as it is, never wrapped.
    public func writeData(_ text: String) { output.write(text) }

    /// `text` with every line no wider than `width`, broken at spaces.
    public static func fit(_ text: String, width: Int) -> String {
        guard text.utf8.count > width else { return text }
        var lines: [String] = []
        var changed = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(line)
            guard line.utf8.count > width, Style.visibleWidth(line) > width else {
                lines.append(line)
                continue
            }
            let indent = String(line.prefix { $0 == " " })
            lines.append(TextWrapper.wrap(String(line.dropFirst(indent.count)), width: width, firstIndent: indent, indent: indent + "  "))
            changed = true
        }
        return changed ? lines.joined(separator: "\n") : text
    }

    /// Asks for a line. A prompt wider than the terminal is shown wrapped, with only its last
    /// line left to readline, so the question itself never scrolls sideways or breaks mid-word.
    public func readLine(prompt: String, completions: [String] = []) -> LineInput {
        guard Style.visibleWidth(prompt) > width - 8 else {
            return reader.readLine(prompt: prompt, completions: completions)
        }
        let trailing = prompt.hasSuffix(" ") ? " " : ""
        let wrapped = TextWrapper.wrap(prompt, width: width - 8).components(separatedBy: "\n")
        output.write(wrapped.dropLast().joined(separator: "\n") + "\n")
        return reader.readLine(prompt: (wrapped.last ?? "") + trailing, completions: completions)
    }

    /// Writes names with their descriptions in two columns, each description wrapped under its
    /// own column; on a terminal too narrow for two columns, each description below its name.
    public func list(_ items: [(name: String, description: String)]) {
        let column = 2 + (items.map { Style.visibleWidth($0.name) }.max() ?? 0) + 2
        for item in items {
            if width - column >= 24 {
                let lead = "  " + item.name + String(repeating: " ", count: column - 2 - Style.visibleWidth(item.name))
                output.write(TextWrapper.wrap(inert(item.description), width: width, firstIndent: lead,
                                              indent: String(repeating: " ", count: column)) + "\n")
            } else {
                output.write("  " + inert(item.name) + "\n")
                output.write(TextWrapper.wrap(inert(item.description), width: width, firstIndent: "      ", indent: "      ") + "\n")
            }
        }
    }

    /// Writes a paragraph wrapped to the width.
    public func say(_ text: String) { output.write(TextWrapper.wrap(inert(text), width: width) + "\n") }

    /// Writes a problem the person can fix, in red on a terminal.
    public func complain(_ text: String) {
        output.write(style.red(TextWrapper.wrap(inert(text), width: width)) + "\n")
    }

    /// Writes a refusal, error or warning of a command to standard error, wrapped, so it is
    /// seen even when the results on standard output go to a file or a pipe.
    public func refuse(_ text: String) {
        errorOutput.write(TextWrapper.wrap(inert(text), width: width) + "\n")
    }

    /// Writes a line to standard error as it is (for lists under a refusal).
    public func refuseLine(_ text: String) {
        errorOutput.write(inert(text) + "\n")
    }

    /// A Markdown renderer for this console.
    public var markdown: MarkdownRenderer { MarkdownRenderer(width: width, style: style) }
}
