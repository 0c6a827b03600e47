import Foundation
import Testing

/// What people type at a terminal: Ctrl-C part-way through a line, numbers in words, typos
/// and answers close to a valid one. Nothing typed is lost, and every refusal suggests the
/// nearest answer that would be taken.
@Suite("Answers as people type them, at a terminal", .serialized)
struct AnswersPeopleTypeTests {
    let runner = BinaryRunner()
    var environment: [String: String] { runner.terminalEnvironment.merging(["COLUMNS": "250"]) { $1 } }
    var draft: String { runner.home.appendingPathComponent("acme.svdraft.json").path }

    func tender() throws -> String {
        try runner.file("tender.json", """
            {"buyer": "Rotherham MBC", "reference": "RMBC-2025-041", "title": "Thermal improvement works", "contractValue": "450000",
             "startDate": "2025-04-01", "years": 2, "adoptedMeasures": ["TOM10", "TOM12", "TOM6", "TOM18"]}
            """)
    }

    @Test("Ctrl-C part-way through a line: staying puts the text back on the line; leaving keeps it in the draft for the next time")
    func interruptKeepsTyped() throws {
        let tender = try tender()
        let terminal = try PseudoTerminal(arguments: ["respond", "--tender", tender, "--draft", draft], environment: environment)
        try terminal.waitFor("What is your organisation's name?")
        terminal.typeWhenReady("Acme Jo")
        terminal.typeWhenReady("\u{3}")
        try terminal.answer("what you had typed here", "n")
        try terminal.waitFor("You had typed: \"Acme Jo\". It is back on the line")
        terminal.typeWhenReady("inery\r")
        try terminal.waitFor("What is your organisation's postcode?")
        terminal.typeWhenReady("S60 1A")
        terminal.typeWhenReady("\u{3}")
        try terminal.answer("what you had typed here", "")
        #expect(try terminal.waitForExit() == 130)
        let saved = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(saved.contains("\"supplier.name\" : \"Acme Joinery\""))
        #expect(saved.contains("\"question\" : \"supplier.postcode\"") && saved.contains("\"text\" : \"S60 1A\""))

        let resumed = try PseudoTerminal(arguments: ["respond", "--resume", draft], environment: environment)
        try resumed.waitFor("You had typed: \"S60 1A\". It is back on the line")
        resumed.typeWhenReady("E\r")
        try resumed.waitFor("What size is your organisation?")
        resumed.typeWhenReady("quit\r")
        #expect(try resumed.waitForExit() == 0)
        let after = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(after.contains("\"supplier.postcode\" : \"S60 1AE\"") && !after.contains("\"typed\""))
    }

    @Test("Ctrl-C in a multi-line answer keeps the lines typed so far")
    func interruptKeepsLines() throws {
        let answers = try runner.file("part.yaml", "supplier: {name: Acme Joinery, postcode: S60 1AE, size: small, type: company, workforce: 5, newHires: 1, livingWage: some}\nmeasures: TOM10\ncommitments: {TOM10: {quantity: [52, 52]}}\n")
        let tender = try tender()
        _ = try runner.run(["respond", "--tender", tender, "--answers", answers, "--draft", draft, "--no-input"])
        let terminal = try PseudoTerminal(arguments: ["respond", "--resume", draft], environment: environment)
        try terminal.waitFor("Type as many lines as you like")
        terminal.typeWhenReady("One apprentice joiner.\r")
        terminal.typeWhenReady("From mon")
        terminal.typeWhenReady("\u{3}")
        try terminal.answer("what you had typed here", "n")
        try terminal.waitFor("What you had typed is kept below: carry on typing.")
        try terminal.waitFor("| From mon")
        terminal.typeWhenReady("th 1.\r\r")
        terminal.waitUntilIdle(timeout: 5, settle: 0.3)
        terminal.type("quit\r")
        #expect(try terminal.waitForExit() == 0)
        let saved = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(saved.contains("One apprentice joiner.\\nFrom month 1."), "\(saved)")
    }

    @Test("at a terminal: a date with no year, an article, numbers in words or hedged, typos and ? with words of a measure's name")
    func nearestAnswers() throws {
        let terminal = try PseudoTerminal(arguments: ["respond", "--draft", draft], environment: environment.merging(["SVWIZARD_TODAY": "2026-12-06"]) { $1 }, columns: 250)
        try terminal.answer("Do you have the council's tender file? [y/N", "n")
        try terminal.answer("Who is the buyer?", "")
        try terminal.answer("What is the tender's reference?", "RMBC-2026-007")
        try terminal.answer("What is the tender's title?", "Community cafe")
        try terminal.answer("What is the contract worth in total", "£180k")
        try terminal.answer("When does the contract start?", "31 July")
        try terminal.waitFor("\"31 July\" has no year. Did you mean 31 July 2027? Type the date with its year.")
        try terminal.answer("For example: 31 July 2027", "31 July 2027")
        try terminal.answer("How many years", "two")
        try terminal.answer("What is your organisation's name?", "Acme CIC")
        try terminal.answer("postcode?", "S60 1AE")
        try terminal.answer("What size is your organisation?", "micro")
        try terminal.answer("What kind of organisation are you?", "a charty")
        try terminal.waitFor("Did you mean 2 Charity? Type its number.")
        terminal.typeWhenReady("a charity\r")
        try terminal.waitFor("Taken as: Charity.")
        try terminal.answer("equivalents (FTE)?", "about 12")
        try terminal.waitFor("Give the figure itself: did you mean 12?")
        terminal.typeWhenReady("two\r")
        try terminal.waitFor("Read \"two\" as 2.")
        try terminal.answer("How many new people (FTE) will you hire", "0")
        try terminal.answer("real living wage?", "all")
        try terminal.answer("Which measures will you commit to?", "apprentiships")
        try terminal.waitFor("\"apprentiships\" is not a measure here. Did you mean TOM10 Apprenticeships?")
        terminal.typeWhenReady("? disabled\r")
        try terminal.waitFor("Disabled adults (FTE hired)")
        terminal.typeWhenReady("? emisions\r")
        try terminal.waitFor("\"emisions\" is not a measure here. Did you mean TOM31")
        terminal.typeWhenReady("quit\r")
        #expect(try terminal.waitForExit() == 0)
        let saved = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(saved.contains("\"tender.startDate\" : \"2027-07-31\"") && saved.contains("\"tender.years\" : \"2\""))
        #expect(saved.contains("\"supplier.type\" : \"charity\"") && saved.contains("\"supplier.workforce\" : \"2\""))
    }
}
