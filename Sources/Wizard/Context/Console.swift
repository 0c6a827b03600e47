import Terminal

/// Where a command talks to a person: output, error output, styling, width and the line
/// reader (readline on a terminal, plain or scripted otherwise).
public final class Console {
    public let output: TextSink
    public let errorOutput: TextSink
    public let style: Style
    public let width: Int
    public let reader: LineReader

    public init(output: TextSink, errorOutput: TextSink, style: Style, width: Int, reader: LineReader) {
        self.output = output
        self.errorOutput = errorOutput
        self.style = style
        self.width = width
        self.reader = reader
    }

    /// Writes `text` as it is.
    public func write(_ text: String) { output.write(text) }

    /// Writes a paragraph wrapped to the width.
    public func say(_ text: String) { output.write(TextWrapper.wrap(text, width: width) + "\n") }

    /// Writes a problem the person can fix, in red on a terminal.
    public func complain(_ text: String) {
        output.write(style.red(TextWrapper.wrap(text, width: width)) + "\n")
    }

    /// A Markdown renderer for this console.
    public var markdown: MarkdownRenderer { MarkdownRenderer(width: width, style: style) }
}
