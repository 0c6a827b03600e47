/// What came back from asking for a line.
public enum LineInput: Sendable, Hashable {
    /// A line the person typed (without its newline).
    case line(String)
    /// The input ended: Ctrl-D at an empty prompt, or the end of piped input.
    case end
    /// The person pressed Ctrl-C, with what they had typed on the line (empty if nothing).
    case interrupt(typed: String)
}

/// Reads lines from a person or a script. Prompts go through the reader, so a scripted reader
/// in tests sees exactly what a person would.
public protocol LineReader: AnyObject {
    /// Whether a person is typing at a terminal (so colour and menus make sense).
    var isInteractive: Bool { get }
    /// Shows `prompt` and reads one line. `completions` are offered on Tab where supported.
    func readLine(prompt: String, completions: [String]) -> LineInput
    /// Puts `text` on the next line read, as if the person had typed it, for them to edit or
    /// enter (what they had typed before Ctrl-C). Readers that cannot edit a line ignore it.
    func offer(_ text: String)
}

extension LineReader {
    public func offer(_ text: String) {}
}
