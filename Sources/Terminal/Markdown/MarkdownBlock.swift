/// The block structure of the small Markdown subset guidance pages use.
enum MarkdownBlock: Equatable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case list([ListItem])
    case quote(String)
    case code([String])
    case table([[String]])
    case rule

    struct ListItem: Equatable {
        var depth: Int
        var number: Int?
        var text: String
    }

    static func parse(_ markdown: String) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var paragraph: [String] = []
        var items: [ListItem] = []
        var quote: [String] = []
        var table: [[String]] = []
        var code: [String]?

        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))); paragraph = [] }
            if !items.isEmpty { blocks.append(.list(items)); items = [] }
            if !quote.isEmpty { blocks.append(.quote(quote.joined(separator: " "))); quote = [] }
            if !table.isEmpty { blocks.append(.table(table)); table = [] }
        }

        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine).replacingTabs
            let trimmed = line.trimmed
            if var lines = code {
                if trimmed.hasPrefix("```") {
                    blocks.append(.code(lines))
                    code = nil
                } else {
                    lines.append(line)
                    code = lines
                }
                continue
            }
            if trimmed.hasPrefix("```") { flush(); code = []; continue }
            if trimmed.isEmpty { flush(); continue }
            if let heading = headingLevel(trimmed) {
                flush()
                blocks.append(.heading(level: heading, text: String(trimmed.drop(while: { $0 == "#" })).trimmed))
                continue
            }
            if trimmed == "---" || trimmed == "***" { flush(); blocks.append(.rule); continue }
            if trimmed.hasPrefix("|") {
                if !table.isEmpty || paragraph.isEmpty { flushExceptTable(&paragraph, &items, &quote, &blocks) }
                if !isTableSeparator(trimmed) { table.append(tableCells(trimmed)) }
                continue
            }
            if trimmed.hasPrefix(">") {
                quote.append(String(trimmed.dropFirst()).trimmed)
                continue
            }
            if let item = listItem(line) {
                if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))); paragraph = [] }
                items.append(item)
                continue
            }
            if !items.isEmpty && line.hasPrefix("  ") {
                items[items.count - 1].text += " " + trimmed
                continue
            }
            flushExceptParagraph(&items, &quote, &table, &blocks)
            paragraph.append(trimmed)
        }
        if let lines = code { blocks.append(.code(lines)) }
        flush()
        return blocks
    }

    private static func flushExceptTable(_ paragraph: inout [String], _ items: inout [ListItem], _ quote: inout [String], _ blocks: inout [MarkdownBlock]) {
        if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))); paragraph = [] }
        if !items.isEmpty { blocks.append(.list(items)); items = [] }
        if !quote.isEmpty { blocks.append(.quote(quote.joined(separator: " "))); quote = [] }
    }

    private static func flushExceptParagraph(_ items: inout [ListItem], _ quote: inout [String], _ table: inout [[String]], _ blocks: inout [MarkdownBlock]) {
        if !items.isEmpty { blocks.append(.list(items)); items = [] }
        if !quote.isEmpty { blocks.append(.quote(quote.joined(separator: " "))); quote = [] }
        if !table.isEmpty { blocks.append(.table(table)); table = [] }
    }

    private static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    private static func listItem(_ line: String) -> ListItem? {
        let spaces = line.prefix(while: { $0 == " " }).count
        let rest = line.dropFirst(spaces)
        let depth = spaces / 2
        if rest.hasPrefix("- ") || rest.hasPrefix("* ") || rest.hasPrefix("+ ") {
            return ListItem(depth: depth, number: nil, text: String(rest.dropFirst(2)).trimmed)
        }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 3, rest.dropFirst(digits.count).hasPrefix(". ") {
            return ListItem(depth: depth, number: Int(digits), text: String(rest.dropFirst(digits.count + 2)).trimmed)
        }
        return nil
    }

    private static func isTableSeparator(_ line: String) -> Bool {
        line.allSatisfy { "|-: ".contains($0) }
    }

    private static func tableCells(_ line: String) -> [String] {
        var body = Substring(line)
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|") { body = body.dropLast() }
        return body.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmed }
    }
}

extension String {
    var trimmed: String {
        let characters = Array(self)
        var start = 0
        var end = characters.count
        while start < end, characters[start].isWhitespace { start += 1 }
        while end > start, characters[end - 1].isWhitespace { end -= 1 }
        return String(characters[start..<end])
    }

    var replacingTabs: String { replacingOccurrences(of: "\t", with: "    ") }
}

import Foundation
