import Terminal

/// Help text laid out for the terminal it is shown on. swift-argument-parser wraps long lines
/// at the screen's edge without keeping their indent, so an example whose description runs
/// over would continue at the left margin. Each indented line too wide for the terminal is
/// wrapped here first, its continuation hanging under the description.
enum HelpText {
    /// The terminal's width, read once for all the help texts.
    static let width = TerminalInfo.current().width

    /// Whether this run may show help (no arguments, `help`, `-h`, `--help`, or the manual's
    /// dump): otherwise the help texts are never shown, and are not laid out.
    static let mayShowHelp: Bool = {
        let arguments = CommandLine.arguments.dropFirst()
        return arguments.isEmpty || arguments.contains { ["help", "-h", "--help"].contains($0) || $0.hasPrefix("--experimental") }
    }()

    static func hang(_ text: String, width: Int? = nil) -> String {
        guard mayShowHelp else { return text }
        let width = width ?? HelpText.width
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let line = String(line)
            guard line.hasPrefix("  "), line.count > width else { return line }
            return hanging(line, width: width)
        }.joined(separator: "\n")
    }

    /// `  command    description` becomes the command, then the description wrapped under
    /// its own column (or under the command, indented, when that column is too narrow).
    static func hanging(_ line: String, width: Int) -> String {
        let indent = line.prefix { $0 == " " }.count
        let body = line.dropFirst(indent)
        if let gap = body.range(of: "  ") {
            let command = String(body[..<gap.lowerBound])
            let description = body[gap.lowerBound...].drop { $0 == " " }
            let column = line.count - line.dropFirst(indent + command.count).drop { $0 == " " }.count
            if width - column >= 24 {
                return TextWrapper.wrap(String(description), width: width,
                                        firstIndent: String(line.prefix(column)), indent: String(repeating: " ", count: column))
            }
            return String(repeating: " ", count: indent) + command + "\n"
                + TextWrapper.wrap(String(description), width: width, firstIndent: String(repeating: " ", count: indent + 4),
                                   indent: String(repeating: " ", count: indent + 4))
        }
        return TextWrapper.wrap(String(body), width: width, firstIndent: String(repeating: " ", count: indent),
                                indent: String(repeating: " ", count: indent + 4))
    }
}
