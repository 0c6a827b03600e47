import Foundation
import Testing

/// Drives the real binary through a pseudo-terminal, so readline is in use: Tab completion,
/// the start menu, and leaving with Ctrl-D.
@Suite("At a terminal", .serialized)
struct TerminalSessionTests {
    let runner = BinaryRunner()

    var environment: [String: String] { runner.terminalEnvironment }

    @Test("the start menu leads to the guidance, where Tab completes a topic name")
    func startMenuAndCompletion() throws {
        let terminal = try PseudoTerminal(arguments: [], environment: environment)
        try terminal.waitFor("What would you like to do?")
        try terminal.answer("12. Run a workshop scenario", "13")
        try terminal.waitFor("\"13\" is not one of the choices")
        // The answer ends its line; readline must not leave a second copy of the prompt behind.
        #expect(terminal.screen.contains("q to leave]: 13\n\"13\" is not one of the choices"))
        // Every job is offered, grouped by who does it.
        for heading in ["Suppliers", "Commissioners", "Contract managers", "Councils", "Anyone"] { #expect(terminal.screen.contains(heading)) }
        for key in ["(evaluate)", "(contract)", "(report)", "(validate)", "(export)"] { #expect(terminal.screen.contains(key)) }
        terminal.type("11\r")
        try terminal.waitFor("Topic to read")
        terminal.type("double-c\t")
        try terminal.answer("double-counting", "")
        try terminal.waitFor("One person, one disadvantaged-group measure")
        try terminal.answer("Topic to read", "", occurrences: 2)
        // The menu question: first shown, asked again after "13", and now on return.
        try terminal.waitFor("What would you like to do?", occurrences: 3)
        terminal.type("\u{4}")
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.screen.contains("Goodbye."))
    }

    @Test("the measures browser completes references with Tab and keeps history")
    func measureCompletion() throws {
        let terminal = try PseudoTerminal(arguments: ["measures", "--help"], environment: environment)
        #expect(try terminal.waitForExit() == 0)

        let browser = try PseudoTerminal(arguments: [], environment: environment)
        try browser.answer("What would you like to do?", "10")
        try browser.answer("Measure to read", "TOM2\t")
        try browser.waitFor("TOM 28: Monetary donation to the VCS")
        try browser.answer("Measure to read", "\u{1B}[A", occurrences: 2)   // up arrow: the previous answer from history
        try browser.waitFor("TOM 28: Monetary donation to the VCS", occurrences: 2)
        try browser.answer("Measure to read", "", occurrences: 3)
        try browser.answer("What would you like to do?", "q", occurrences: 2)
        #expect(try browser.waitForExit() == 0)
    }

    @Test("a command's name typed at the menu runs it: report, with no register yet, says how to make one and returns to the menu")
    func typedCommandName() throws {
        let terminal = try PseudoTerminal(arguments: [], environment: environment)
        try terminal.answer("What would you like to do?", "report")
        try terminal.waitFor("There is no register")
        try terminal.answer("What would you like to do?", "q", occurrences: 2)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("Ctrl-C at the menu leaves cleanly")
    func interrupt() throws {
        let terminal = try PseudoTerminal(arguments: [], environment: environment)
        try terminal.waitFor("What would you like to do?")
        terminal.type("\u{3}")
        #expect(try terminal.waitForExit() == 130)
        #expect(!terminal.screen.contains("Goodbye."))
    }

    @Test("the start menu at 40 and 60 columns matches its golden file: every job, grouped by who does it, nothing cut", arguments: [40, 60])
    func menuAtWidth(columns: Int) throws {
        let terminal = try PseudoTerminal(arguments: [], environment: environment.merging(["COLUMNS": "\(columns + 1)"]) { $1 },
                                          columns: UInt16(columns + 1))
        let screen = try terminal.waitFor("leave]: ")
        terminal.type("q\r")
        #expect(try terminal.waitForExit() == 0)
        let menu = screen.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(menu.split(separator: "\n").allSatisfy { $0.count <= columns }, "\(menu)")
        GoldenFiles.check("menu-\(columns).txt", menu)
    }
}
