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

    /// A message of the argument parser (help, a usage error) laid out for the terminal: the
    /// usage line wrapped between options, never inside one; error lines wrapped at words; at
    /// a narrow terminal each option on its own line with its description below. Anything else
    /// (a completion script, the manual's dump) is left exactly as it is.
    static func layOut(_ text: String, width: Int = HelpText.width) -> String {
        guard text.hasPrefix("Error:") || text.contains("USAGE:") || text.hasPrefix("Usage:") || text.hasPrefix("OVERVIEW:") else { return text }
        var lines: [String] = []
        var section: String?
        var entry: (label: String, description: [String])?
        func flush() {
            guard let current = entry else { return }
            let indent = "      "
            lines.append(TextWrapper.wrap(current.label, width: width, firstIndent: "  ", indent: "    "))
            if !current.description.isEmpty {
                lines.append(TextWrapper.wrap(current.description.joined(separator: " "), width: width, firstIndent: indent, indent: indent))
            }
            entry = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasSuffix(":"), !line.hasPrefix(" "), line.uppercased() == line {
                flush()
                section = line
                lines.append(line)
                continue
            }
            if let section, width < 60, ["ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:"].contains(section) {
                // The parser's two columns are too narrow here: the option, then its description.
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("  "), !line.hasPrefix("    "), !trimmed.isEmpty {
                    flush()
                    let parts = trimmed.components(separatedBy: "  ")
                    let label = parts[0]
                    let rest = parts.dropFirst().joined(separator: " ").trimmingCharacters(in: .whitespaces)
                    entry = (label, rest.isEmpty ? [] : [rest])
                    continue
                }
                if line.hasPrefix("    "), entry != nil, !trimmed.isEmpty {
                    entry?.description.append(trimmed)
                    continue
                }
                flush()
                lines.append(line)
                continue
            }
            guard line.count > width else {
                lines.append(line)
                continue
            }
            if let prefix = ["USAGE: ", "Usage: "].first(where: line.hasPrefix) {
                lines.append(usage(line, prefix: prefix, width: width))
            } else {
                let indent = String(line.prefix { $0 == " " })
                lines.append(TextWrapper.wrap(String(line.dropFirst(indent.count)), width: width, firstIndent: indent, indent: indent + "  "))
            }
        }
        flush()
        return lines.joined(separator: "\n")
    }

    /// `USAGE: svwizard export <draft> [--output <file>] ...` wrapped between its parts, each
    /// bracketed option kept whole, continuing under the command.
    static func usage(_ line: String, prefix: String, width: Int) -> String {
        var parts: [String] = []
        var depth = 0
        for word in line.dropFirst(prefix.count).split(separator: " ") {
            if depth > 0, let last = parts.popLast() { parts.append(last + " " + word) } else { parts.append(String(word)) }
            depth += word.filter { $0 == "[" || $0 == "(" }.count - word.filter { $0 == "]" || $0 == ")" }.count
            depth = max(depth, 0)
        }
        let indent = String(repeating: " ", count: min(prefix.count + 2, 12))
        var lines: [String] = []
        var current = prefix
        for part in parts {
            if current.count > indent.count, current.count + 1 + part.count > width {
                lines.append(current)
                current = indent + part
            } else {
                current += (current == prefix ? "" : " ") + part
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
