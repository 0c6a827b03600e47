import Foundation
import Testing
@testable import Terminal

@Suite("Wrapping and styling")
struct TextTests {
    @Test("wraps at word boundaries to the width, with a hanging indent")
    func wraps() {
        let text = TextWrapper.wrap("one two three four five six seven", width: 14, firstIndent: "- ", indent: "  ")
        #expect(text == "- one two\n  three four\n  five six\n  seven")
        for line in text.split(separator: "\n") { #expect(line.count <= 14) }
    }

    @Test("colour escapes do not count towards the width")
    func escapesIgnored() {
        let style = Style(enabled: true)
        let text = TextWrapper.wrap("\(style.bold("bold")) word word", width: 14)
        #expect(text == "\(style.bold("bold")) word word")
        #expect(Style.visibleWidth(style.red("abc")) == 3)
    }

    @Test("with styling off, text is plain")
    func plain() {
        #expect(Style.plain.bold("x") == "x")
        #expect(Style(enabled: true).bold("x") == "\u{1B}[1mx\u{1B}[0m")
    }

    @Test("NO_COLOR turns colour off, and a pipe never gets it")
    func noColour() {
        #expect(TerminalInfo.current(environment: ["NO_COLOR": "1"]).colour == false)
        // Under `swift test` standard output is not a terminal.
        #expect(TerminalInfo.current(environment: [:]).colour == false)
    }
}

@Suite("Markdown for the terminal")
struct MarkdownRendererTests {
    let renderer = MarkdownRenderer(width: 40, style: .plain)

    @Test("headings, lists, quotes, links, emphasis and tables render without Markdown punctuation")
    func rendersCleanly() {
        let markdown = """
            # Title here

            A paragraph with **bold**, *emphasis*, `code` and a [link](https://example.org), and S_postcode_area.

            ## Section

            - first item that is long enough to wrap onto a second line
            - second
              continued

            1. numbered

            > quoted words

            | a | b |
            |---|---|
            | 1 | 2 |
            """
        let output = renderer.render(markdown)
        #expect(output.contains("Title here\n=========="))
        #expect(output.contains("Section\n-------"))
        #expect(output.replacingOccurrences(of: "\n", with: " ").contains("bold, emphasis, code and a link (https://example.org)"))
        #expect(output.contains("S_postcode_area"))
        #expect(output.contains("  • first item that is long enough to\n    wrap onto a second line"))
        #expect(output.contains("  • second continued"))
        #expect(output.contains("  1. numbered"))
        #expect(output.contains("  | quoted words"))
        #expect(output.contains("  a  b\n  1  2"))
        for noise in ["**", "##", "](", "`", "|---"] { #expect(!output.contains(noise), "left \(noise)") }
        for line in output.split(separator: "\n") { #expect(line.count <= 40 || line.contains("https://")) }
    }
}

@Suite("Scripted line reader")
struct ScriptedReaderTests {
    @Test("answers in order, records prompts and completions, and reports Ctrl-C and the end of input")
    func scripted() {
        let sink = StringSink()
        let reader = ScriptedLineReader(["a", "^C"], output: sink)
        #expect(reader.readLine(prompt: "First? ", completions: ["x"]) == .line("a"))
        #expect(reader.readLine(prompt: "Second? ", completions: []) == .interrupt(typed: ""))
        #expect(reader.readLine(prompt: "Third? ", completions: []) == .end)
        #expect(reader.prompts == ["First? ", "Second? ", "Third? "])
        #expect(reader.offeredCompletions.first == ["x"])
        #expect(sink.text == "First? a\nSecond? ^C\nThird? ")
    }
}
