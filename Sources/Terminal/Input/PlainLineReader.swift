#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from standard input without readline: used when input is a pipe or a file.
public final class PlainLineReader: LineReader {
    private let output: TextSink
    public var isInteractive: Bool { false }

    public init(output: TextSink) { self.output = output }

    public func readLine(prompt: String, completions: [String]) -> LineInput {
        output.write(prompt)
        output.flush()
        guard let line = Swift.readLine(strippingNewline: true) else { return .end }
        // Echo the answer so a transcript of piped input reads like a conversation, with control
        // characters shown as `?` so nothing piped in acts on the terminal.
        output.write(String(String.UnicodeScalarView(line.unicodeScalars.map {
            ($0.value < 0x20 && $0 != "\t") || (0x7F...0x9F).contains($0.value) ? "?" : $0
        })) + "\n")
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }
}

/// A reader that answers from a list of lines: for tests and replays. Records each prompt.
public final class ScriptedLineReader: LineReader {
    private var remaining: [String]
    private let output: TextSink?
    public private(set) var prompts: [String] = []
    public private(set) var offeredCompletions: [[String]] = []
    public let isInteractive: Bool

    /// `lines` are answered in order; a line ending `^C` stands for Ctrl-C pressed after typing the rest. After the last line the
    /// input ends.
    public init(_ lines: [String], output: TextSink? = nil, interactive: Bool = false) {
        self.remaining = lines
        self.output = output
        self.isInteractive = interactive
    }

    public func readLine(prompt: String, completions: [String]) -> LineInput {
        prompts.append(prompt)
        offeredCompletions.append(completions)
        output?.write(prompt)
        guard !remaining.isEmpty else { return .end }
        let line = remaining.removeFirst()
        if line.hasSuffix("^C") {
            output?.write(line + "\n")
            return .interrupt(typed: String(line.dropLast(2)))
        }
        output?.write(line + "\n")
        return .line(line)
    }
}
