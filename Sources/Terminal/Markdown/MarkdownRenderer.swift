/// Renders the Markdown of guidance pages for a terminal: headings stand out, paragraphs and
/// lists are wrapped to the width with hanging indents, tables are aligned, and no Markdown
/// punctuation (`**`, `#`, `[..](..)`, backticks) is left on screen.
public struct MarkdownRenderer: Sendable {
    public let width: Int
    public let style: Style

    public init(width: Int, style: Style) {
        self.width = width
        self.style = style
    }

    public func render(_ markdown: String) -> String {
        var output: [String] = []
        for block in MarkdownBlock.parse(markdown) {
            if !output.isEmpty { output.append("") }
            output.append(render(block))
        }
        return output.joined(separator: "\n") + "\n"
    }

    private func render(_ block: MarkdownBlock) -> String {
        switch block {
        case let .heading(level, text):
            // Long headings wrap like paragraphs; the underline spans the longest line.
            let lines = TextWrapper.wrap(MarkdownInline.strip(text), width: width).split(separator: "\n").map(String.init)
            let title = lines.map { style.bold($0) }.joined(separator: "\n")
            let underline = lines.map(\.count).max() ?? 0
            switch level {
            case 1: return title + "\n" + String(repeating: "=", count: underline)
            case 2: return title + "\n" + String(repeating: "-", count: underline)
            default: return title
            }
        case let .paragraph(text):
            return TextWrapper.wrap(inline(text), width: width)
        case let .list(items):
            return items.map { item in
                let indent = String(repeating: "  ", count: item.depth + 1)
                let marker = item.number.map { "\($0). " } ?? "• "
                let hanging = indent + String(repeating: " ", count: marker.count)
                return TextWrapper.wrap(inline(item.text), width: width, firstIndent: indent + marker, indent: hanging)
            }.joined(separator: "\n")
        case let .quote(text):
            return TextWrapper.wrap(inline(text), width: width, firstIndent: "  | ", indent: "  | ")
        case let .code(lines):
            return lines.map { "    " + $0 }.joined(separator: "\n")
        case let .table(rows):
            return renderTable(rows)
        case .rule:
            return String(repeating: "-", count: min(width, 40))
        }
    }

    private func renderTable(_ rows: [[String]]) -> String {
        let cells = rows.map { $0.map(MarkdownInline.strip) }
        let columns = cells.map(\.count).max() ?? 0
        var widths = (0..<columns).map { column in cells.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        // Wide tables become "heading: value" lines rather than overflowing the screen.
        if widths.reduce(0, +) + 2 * columns > width, let header = cells.first {
            return cells.dropFirst().map { row in
                zip(header, row).map { TextWrapper.wrap("\($0): \($1)", width: width, firstIndent: "  ", indent: "    ") }
                    .joined(separator: "\n")
            }.joined(separator: "\n\n")
        }
        widths = widths.map { max($0, 1) }
        return cells.enumerated().map { index, row in
            let line = (0..<columns).map { column -> String in
                let text = column < row.count ? row[column] : ""
                return text + String(repeating: " ", count: widths[column] - text.count)
            }.joined(separator: "  ")
            let trimmed = "  " + String(line.reversed().drop(while: { $0 == " " }).reversed())
            return index == 0 ? style.bold(trimmed) : trimmed
        }.joined(separator: "\n")
    }

    private func inline(_ text: String) -> String { MarkdownInline.render(text, style: style) }
}
