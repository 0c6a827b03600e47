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

    /// Breaks one line at spaces. Within a line the spaces between words are kept as they are
    /// (so padded columns stay aligned); at a break they are dropped.
    private static func wrapLine(_ text: String, width: Int, firstIndent: String, indent: String) -> [String] {
        // Each word with the run of spaces before it.
        var words: [(gap: Int, word: Substring)] = []
        var gap = 0
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == " " {
                gap += 1
                index = text.index(after: index)
                continue
            }
            let end = text[index...].firstIndex(of: " ") ?? text.endIndex
            words.append((words.isEmpty ? 0 : gap, text[index..<end]))
            gap = 0
            index = end
        }
        guard !words.isEmpty else { return [firstIndent.trimmingTrailingSpaces] }
        var lines: [String] = []
        var current = firstIndent
        var currentWidth = Style.visibleWidth(firstIndent)
        var lineHasWord = false
        for (gap, word) in words {
            let wordWidth = Style.visibleWidth(String(word))
            if lineHasWord && currentWidth + gap + wordWidth > width {
                lines.append(current)
                current = indent
                currentWidth = Style.visibleWidth(indent)
                lineHasWord = false
            }
            if lineHasWord {
                current += String(repeating: " ", count: gap)
                currentWidth += gap
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
