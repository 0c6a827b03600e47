import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The interactive prompt under hostile or unlucky keys: sequences that crashed readline's
/// callback interface, control characters in answers, and an internal fault.
@Suite("The prompt survives hostile keys and faults", .serialized)
struct PromptHardeningTests {
    /// Key sequences that crashed readline 8.2's callback interface (the first two), and
    /// others that put readline into a search, a prefix or a question when Ctrl-C arrives.
    static let sequences: [(String, String)] = [
        ("Ctrl-] Esc Ctrl-P", "\u{1D}\u{1B}\u{10}"),
        ("a 5,000-character line, then Ctrl-R Ctrl-X", String(repeating: "x", count: 5_000) + "\u{12}\u{18}"),
        ("Esc alone (a meta prefix)", "\u{1B}"),
        ("Ctrl-R (reverse search)", "\u{12}ab"),
        ("Ctrl-X ( (start a keyboard macro)", "\u{18}("),
        ("Esc 5 (a numeric argument)", "\u{1B}5"),
    ]

    @Test("no key sequence crashes the wizard; Ctrl-C in the middle of each still asks before leaving")
    func keySequences() throws {
        let fixture = try RespondFixture()
        let terminal = try PseudoTerminal(arguments: ["respond", "--tender", fixture.tender, "--draft", fixture.draft],
                                          environment: fixture.runner.terminalEnvironment)
        try terminal.waitFor("What is your organisation's name?")
        for (index, sequence) in Self.sequences.enumerated() {
            terminal.waitUntilIdle(settle: 0.1)
            terminal.type(sequence.1)
            terminal.waitUntilIdle(settle: 0.1)
            Thread.sleep(forTimeInterval: 0.1)
            terminal.type("\u{3}")
            try terminal.answer("Save your answers and leave?", "n", occurrences: index + 1)
            try terminal.waitFor("Carrying on.", occurrences: index + 1)
        }
        // Ctrl-V then Ctrl-C types a literal Ctrl-C into the line (readline's quoted insert),
        // which the answer check refuses.
        terminal.waitUntilIdle(settle: 0.1)   // readline has the terminal (in cooked mode Ctrl-V means something else)
        terminal.type("Acme\u{16}")
        terminal.waitUntilIdle(settle: 0.1)   // readline has read Ctrl-V and waits for the key to insert
        Thread.sleep(forTimeInterval: 0.1)
        terminal.type("\u{3}")
        terminal.waitUntilIdle(settle: 0.1)
        terminal.type("\r")
        try terminal.waitFor("control character in it (Ctrl-C)")
        terminal.type("Acme Joinery\r")
        try terminal.waitFor("What is your organisation's postcode?")
        terminal.type("\u{3}")
        try terminal.answer("Save your answers and leave?", "y", occurrences: Self.sequences.count + 1)
        #expect(try terminal.waitForExit() == 130)
        #expect(!terminal.screen.contains("crashed"))
        #expect(try fixture.draftText().contains("Acme Joinery"))
    }

    @Test("a very long line is accepted but kept out of the history")
    func longLineHistory() throws {
        let fixture = try RespondFixture()
        let terminal = try PseudoTerminal(arguments: ["respond", "--tender", fixture.tender, "--draft", fixture.draft],
                                          environment: fixture.runner.terminalEnvironment)
        try terminal.answer("What is your organisation's name?", String(repeating: "y", count: 2_000))
        try terminal.waitFor("the limit is 300", timeout: 20)
        // Up arrow: the long line is not in the history, so nothing comes back.
        terminal.type("\u{1B}[A")
        terminal.type("Acme\r")
        try terminal.waitFor("What is your organisation's postcode?")
        terminal.type("quit\r")
        #expect(try terminal.waitForExit() == 0)
        #expect(try fixture.draftText().contains("\"supplier.name\" : \"Acme\""))
    }

    @Test("control characters typed or piped into an answer are refused, never echoed back raw")
    func controlCharacters() throws {
        let fixture = try RespondFixture()
        let input = "Acme\u{1B}[2J\u{1B}]0;owned\u{7}Joinery\nAcme Joinery\nquit\n"
        let result = try fixture.runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft], input: input)
        #expect(result.stdout.contains("control character in it (Escape)"))
        #expect(!result.stdout.contains("\u{1B}"), "not even in the echo of the piped line")
        #expect(!result.stdout.contains("\u{7}"))
        #expect(try fixture.draftText().contains("\"supplier.name\" : \"Acme Joinery\""))
        #expect(!(try fixture.draftText().contains("\\u001b")))
    }

    @Test("an answers file with a control character is refused, naming the question")
    func controlCharactersInAnswersFile() throws {
        let fixture = try RespondFixture()
        let answers = try fixture.runner.file("answers.yaml", "supplier:\n  name: \"Acme\\e[31mRed\"\n")
        let result = try fixture.runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft, "--answers", answers, "--no-input"])
        let output = result.stdout + result.stderr
        #expect(output.contains("supplier.name"))
        #expect(output.contains("control character"))
        #expect(!output.contains("\u{1B}[31m"))
    }

    @Test("an internal fault puts the terminal back and exits at once with status 70")
    func faultRestoresTheTerminal() throws {
        let fixture = try RespondFixture()
        var environment = fixture.runner.terminalEnvironment
        environment["SVWIZARD_BACKTRACE"] = nil
        let terminal = try PseudoTerminal(arguments: ["respond", "--tender", fixture.tender, "--draft", fixture.draft],
                                          environment: environment)
        let before = terminal.settings()
        try terminal.waitFor("What is your organisation's name?")
        Thread.sleep(forTimeInterval: 0.2)
        // readline has the terminal in raw mode now.
        #expect(terminal.settings().c_lflag & tcflag_t(ICANON) == 0)
        let started = Date()
        terminal.send(signal: SIGSEGV)
        #expect(try terminal.waitForExit(timeout: 5) == 70)
        #expect(Date().timeIntervalSince(started) < 3, "no crash report holding the terminal")
        #expect(terminal.screen.contains("internal fault"))
        let after = terminal.settings()
        #expect(after.c_lflag & tcflag_t(ICANON) == before.c_lflag & tcflag_t(ICANON))
        #expect(after.c_lflag & tcflag_t(ECHO) == before.c_lflag & tcflag_t(ECHO))
    }
}
