/// Wraps text to a width at word boundaries, keeping ANSI escapes out of the count.
public enum TextWrapper {
    /// `text` wrapped to `width` columns. The first line starts with `firstIndent`, later lines
    /// with `indent`. Existing line breaks are kept; a word longer than a line is left whole.
    public static func wrap(_ text: String, width: Int, firstIndent: String = "", indent: String = "") -> String {
        var lines: [String] = []
        for (index, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lead = index == 0 ? firstIndent : indent
            lines += wrapLine(String(paragraph), width: width, firstIndent: lead, indent: indent)
        }
        return lines.joined(separator: "\n")
    }

    private static func wrapLine(_ text: String, width: Int, firstIndent: String, indent: String) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard !words.isEmpty else { return [firstIndent.trimmingTrailingSpaces] }
        var lines: [String] = []
        var current = firstIndent
        var currentWidth = Style.visibleWidth(firstIndent)
        var lineHasWord = false
        for word in words {
            let wordWidth = Style.visibleWidth(String(word))
            if lineHasWord && currentWidth + 1 + wordWidth > width {
                lines.append(current)
                current = indent
                currentWidth = Style.visibleWidth(indent)
                lineHasWord = false
            }
            if lineHasWord {
                current += " "
                currentWidth += 1
            }
            current += word
            currentWidth += wordWidth
            lineHasWord = true
        }
        lines.append(current)
        return lines
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.hasSuffix(" ") { copy.removeLast() }
        return copy
    }
}
