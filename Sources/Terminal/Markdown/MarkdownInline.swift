/// Inline Markdown: `**bold**`, `*emphasis*`, `` `code` ``, `[text](address)` and `\` escapes.
enum MarkdownInline {
    /// Renders inline markup with `style` (plain text when styling is off).
    static func render(_ text: String, style: Style) -> String {
        var output = ""
        var characters = Array(text)[...]
        while let character = characters.first {
            if character == "\\", characters.count > 1 {
                output.append(characters[characters.startIndex + 1])
                characters = characters.dropFirst(2)
            } else if characters.starts(with: ["*", "*"]), let end = find(["*", "*"], in: characters.dropFirst(2)) {
                output += style.bold(render(String(characters[(characters.startIndex + 2)..<end]), style: style))
                characters = characters[(end + 2)...]
            } else if character == "`", let end = find(["`"], in: characters.dropFirst()) {
                output += style.cyan(String(characters[(characters.startIndex + 1)..<end]))
                characters = characters[(end + 1)...]
            } else if (character == "*" || character == "_"), isWordStart(characters),
                      character == "*" || !(output.last.map { $0.isLetter || $0.isNumber } ?? false),
                      let end = find([character], in: characters.dropFirst()) {
                output += render(String(characters[(characters.startIndex + 1)..<end]), style: style)
                characters = characters[(end + 1)...]
            } else if character == "[", let link = link(in: characters) {
                output += render(link.text, style: style)
                if link.address != link.text { output += " (" + link.address + ")" }
                characters = characters[link.end...]
            } else {
                output.append(character)
                characters = characters.dropFirst()
            }
        }
        return output
    }

    /// The text with all inline markup removed.
    static func strip(_ text: String) -> String { render(text, style: .plain) }

    private static func isWordStart(_ characters: ArraySlice<Character>) -> Bool {
        guard characters.count > 1 else { return false }
        return !characters[characters.startIndex + 1].isWhitespace
    }

    private static func find(_ marker: [Character], in characters: ArraySlice<Character>) -> Int? {
        var index = characters.startIndex
        while index + marker.count <= characters.endIndex {
            if Array(characters[index..<(index + marker.count)]) == marker { return index }
            index += 1
        }
        return nil
    }

    private static func link(in characters: ArraySlice<Character>) -> (text: String, address: String, end: Int)? {
        guard let close = find(["]", "("], in: characters.dropFirst()),
              let end = find([")"], in: characters[(close + 2)...]) else { return nil }
        let text = String(characters[(characters.startIndex + 1)..<close])
        let address = String(characters[(close + 2)..<end])
        return (text, address, end + 1)
    }
}
