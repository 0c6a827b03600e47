import Foundation
import Testing

/// A first-time user at a terminal, with no tender file: the choices they make are read one
/// unambiguous way and said back, and the review never loses their place or invents facts.
@Suite("First use of the wizards, at a terminal", .serialized)
struct FirstUseTests {
    let runner = BinaryRunner()
    var draft: String { runner.home.appendingPathComponent("cic.svdraft.json").path }
    var environment: [String: String] { runner.terminalEnvironment.merging(["COLUMNS": "250"]) { $1 } }

    /// Answers the tender questions a supplier with no tender file is asked.
    func tenderDetails(_ terminal: PseudoTerminal) throws {
        try terminal.waitFor("values are illustrative")
        try terminal.answer("Do you have the council's tender file? [y/N", "n")
        try terminal.answer("Who is the buyer?", "")
        try terminal.answer("What is the tender's reference?", "RMBC-2026-007")
        try terminal.answer("What is the tender's title?", "Community cafe")
        try terminal.answer("What is the contract worth in total", "£180k")
        try terminal.answer("When does the contract start?", "1st April 2026")
        try terminal.answer("How many years", "2")
    }

    @Test("with no tender file there is one measure menu: typing 1, 10 means TOM1 and TOM10, said back")
    func oneMeasureMenu() throws {
        let terminal = try PseudoTerminal(arguments: ["respond", "--draft", draft], environment: environment, columns: 250)
        try tenderDetails(terminal)
        for answer in ["Acme CIC", "S60 1AE", "micro", "community interest company", "2", "0", "all"] {
            try terminal.answer("Answer", answer, occurrences: terminal.screen.components(separatedBy: "Answer").count - 1)
        }
        try terminal.answer("Which measures will you commit to?", "1, 10")
        try terminal.waitFor("You chose 2 measures: TOM10 Apprenticeships and TOM1 Local jobs.")
        terminal.type("quit\r")
        #expect(try terminal.waitForExit() == 0)
        #expect(!terminal.screen.contains("Which measures does the tender ask"))
        let saved = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(saved.contains("\"measures\" : \"TOM10, TOM1\""))
        #expect(!saved.contains("tender.measures"))
        #expect(saved.contains("\"tender.startDate\" : \"2026-04-01\""))
        #expect(saved.contains("\"tender.value\" : \"180000\""))
    }

    @Test("at a tender's menu a number is a TOM number: 7, 12 is refused when TOM7 is not offered, 1, 10 is TOM1 and TOM10")
    func tenderMeasureMenu() throws {
        let tender = try runner.file("tender.json", """
            {"buyer": "Rotherham MBC", "reference": "RMBC-2025-041", "title": "Thermal improvement works", "contractValue": "450000",
             "startDate": "2025-04-01", "years": 2, "adoptedMeasures": ["TOM10", "TOM1", "TOM12"]}
            """)
        let terminal = try PseudoTerminal(arguments: ["respond", "--tender", tender, "--draft", draft], environment: environment, columns: 250)
        for answer in ["Acme CIC", "S60 1AE", "micro", "community interest company", "2", "0", "all"] {
            try terminal.answer("Answer", answer, occurrences: terminal.screen.components(separatedBy: "Answer").count - 1)
        }
        try terminal.answer("Which measures will you commit to?", "7, 12")
        try terminal.waitFor("TOM7 is not one of the measures here (TOM10, TOM1, TOM12). A number is read as a TOM number")
        terminal.type("1, 10\r")
        try terminal.waitFor("You chose 2 measures: TOM10 Apprenticeships and TOM1 Local jobs.")
        terminal.type("quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("with no tender file the wizard says where values come from and asks for the tender file, then uses it")
    func noTenderFile() throws {
        let tender = try runner.file("tender.json", """
            {"buyer": "Rotherham MBC", "reference": "RMBC-2025-041", "title": "Thermal improvement works", "contractValue": "450000",
             "startDate": "2025-04-01", "years": 2, "adoptedMeasures": ["TOM10", "TOM18"]}
            """)
        let terminal = try PseudoTerminal(arguments: ["respond", "--draft", draft], environment: environment, columns: 250)
        try terminal.answer("Do you have the council's tender file? [y/N", "y")
        try terminal.answer("Its file name", runner.home.appendingPathComponent("nowhere.json").path)
        try terminal.waitFor("There is no tender file at")
        try terminal.answer("Its file name", tender, occurrences: 2)
        try terminal.waitFor("Using the tender file for RMBC-2025-041 Thermal improvement works.")
        try terminal.answer("What is your organisation's name?", "quit")
        #expect(try terminal.waitForExit() == 0)
        #expect(!terminal.screen.contains("Who is the buyer?"))
        #expect(try String(contentsOfFile: draft, encoding: .utf8).contains("\"reference\" : \"RMBC-2025-041\""))
    }

    @Test("review then back returns to the question left; the review shows what is not answered yet, never made-up facts")
    func reviewAndBack() throws {
        let terminal = try PseudoTerminal(arguments: ["respond", "--draft", draft], environment: environment, columns: 250)
        try tenderDetails(terminal)
        try terminal.answer("What is your organisation's name?", "review")
        try terminal.waitFor("Supplier: not answered yet.")
        #expect(!terminal.screen.contains("micro other"))
        #expect(terminal.screen.contains("from 1 April 2026"))
        try terminal.answer("Type finish, edit", "back")
        try terminal.waitFor("What is your organisation's name?", occurrences: 2)
        terminal.type("quit\r")
        #expect(try terminal.waitForExit() == 0)
    }
}

/// Answers files say why a key was not used, refuse extra years, and can be an earlier draft.
@Suite("Answers files explain what they did not use", .serialized)
struct AnswersFileReasonTests {
    let fixture = try! RespondFixture()

    /// Messages are wrapped to the terminal; tests read them as one line.
    static func unwrapped(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: " ") }

    func run(_ yaml: String) throws -> BinaryRunner.Result {
        let answers = try fixture.runner.file("answers-\(UUID().uuidString).yaml", yaml)
        try? FileManager.default.removeItem(atPath: fixture.draft)
        return try fixture.runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft, "--answers", answers, "--no-input"])
    }

    @Test("each unused key gets its real reason", arguments: [
        ("tender: {title: Other}\n", "tender.title is given by the tender file"),
        ("measures: [TOM10]\ncommitments:\n  TOM12: {delivery: x}\n", "commitments.TOM12.delivery is for TOM 12, which is not among the measures chosen"),
        ("measures: [TOM10]\ncommitments:\n  TOM6: {delivery: x}\n", "commitments.TOM6.delivery is for TOM 6, which is not among the measures chosen"),
        ("measures: [TOM99]\ncommitments:\n  TOM10: {delivery: x}\n", "(the answer to measures was refused)"),
        ("supplier: {insideBoundary: yes, postcode: S60 1AE}\n", "supplier.insideBoundary is a question that is not asked on this route"),
        ("supplier: {nmae: Acme}\n", "supplier.nmae is not a question in this questionnaire (check its spelling)"),
    ])
    func reasons(yaml: String, expected: String) throws {
        let result = try run(yaml)
        #expect(Self.unwrapped(result.stderr).contains(expected), "\(result.stderr)")
    }

    @Test("more quantities than contract years is an error, never silently dropped")
    func extraYears() throws {
        let result = try run("measures: [TOM10]\ncommitments:\n  TOM10: {quantity: [10, 10, 10]}\n")
        #expect(result.status == 1)
        let message = Self.unwrapped(result.stderr)
        #expect(message.contains("commitments.TOM10.quantity.3 gives a quantity for contract year 3, but the contract runs 2 years"), "\(message)")
        #expect(message.contains("cannot be used as given"))
    }

    @Test("a previous draft can be the answers file: a new bid from an old one asks only for what is missing")
    func previousDraft() throws {
        let input = (RespondFixture.supplier + RespondFixture.rest).joined(separator: "\n") + "\n"
        let first = try fixture.runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft], input: input)
        #expect(first.status == 0)
        let next = fixture.runner.home.appendingPathComponent("next.svdraft.json").path
        let result = try fixture.runner.run(["respond", "--tender", fixture.tender, "--draft", next, "--answers", fixture.draft, "--no-input"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try String(contentsOfFile: next, encoding: .utf8).contains("Acme Joinery"))
    }
}

@Suite("Multi-line answers at a terminal", .serialized)
struct MultilineAnswerTests {
    @Test("an empty line or a full stop ends an answer, Ctrl-D too; undo takes back a line; @file reads a file")
    func endings() throws {
        let fixture = try RespondFixture()
        _ = try fixture.runner.file("evidence.txt", "Timesheets signed weekly.\r\nCollege attendance records.\r\n")
        let terminal = try fixture.respondUpToMeasures(columns: 80)
        try terminal.answer("Which measures will you commit to?", "TOM10")
        try terminal.answer("in contract year 1", "52")
        try terminal.answer("in contract year 2", "52")
        try terminal.answer("How will you deliver TOM 10?", "One apprentice joiner.")
        terminal.type("A wrong line\r")
        terminal.type("undo\r")
        try terminal.waitFor("Took back: \"A wrong line\"")
        terminal.type("Trained with the college.\r")
        terminal.type("\r")
        try terminal.answer("Which local partner", "Rotherham College")
        try terminal.answer("What evidence will you keep", "@\(fixture.runner.home.path)/evidence.txt")
        try terminal.waitFor("Read 53 characters from evidence.txt.")
        let continuations = terminal.screen.components(separatedBy: "  | ").count - 1
        try terminal.answer("delivery plan", "Month 1: apprentice starts.")
        // Ctrl-D at the next line, once readline waits for it (a key sent while the terminal
        // changes mode can be lost).
        try terminal.waitFor("  | ", occurrences: continuations + 1)
        terminal.waitUntilIdle(timeout: 5)
        terminal.type("\u{4}")
        try terminal.answer("Type finish, edit", "quit")
        #expect(try terminal.waitForExit() == 0)
        let draft = try fixture.draftText()
        #expect(draft.contains("One apprentice joiner.\\nTrained with the college."), "\(draft)")
        #expect(draft.contains("Timesheets signed weekly.\\nCollege attendance records."))
        #expect(draft.contains("\"deliveryDocument\" : \"Month 1: apprentice starts.\""))
    }
}

@Suite("Finishing a response at a terminal", .serialized)
struct FinishTests {
    @Test("finish with questions unanswered and errors lists each with the number to edit, and stays at the review")
    func finishWithProblems() throws {
        let fixture = try RespondFixture()
        let terminal = try PseudoTerminal(arguments: ["respond", "--tender", fixture.tender, "--draft", fixture.draft],
                                          environment: fixture.runner.terminalEnvironment.merging(["COLUMNS": "250"]) { $1 }, columns: 250)
        try terminal.answer("What is your organisation's name?", "review")
        try terminal.answer("Type finish, edit", "finish")
        try terminal.waitFor("Not finished yet. Fix these first: type edit and the number.")
        try terminal.waitFor("2. What is your organisation's postcode? (not answered yet)")
        #expect(!terminal.screen.contains("svwizard export"), "never says make the bundle while export would refuse")
        try terminal.answer("Type finish, edit", "edit 1", occurrences: 2)
        try terminal.answer("What is your organisation's name?", "Acme Joinery", occurrences: 2)
        // Edited from the review, the wizard carries on with the next question not answered yet.
        try terminal.answer("What is your organisation's postcode?", "quit", occurrences: 2)
        #expect(try terminal.waitForExit() == 0)
        #expect(!(try fixture.draftText().contains("\"finished\" : true")))
    }
}

@Suite("A measure's answers are checked at the question", .serialized)
struct CheckAtQuestionTests {
    @Test("placements too long (SV-E010) and weeks that do not add up (SV-E011) are re-asked where they are answered")
    func placements() throws {
        let fixture = try RespondFixture()
        let terminal = try fixture.respondUpToMeasures()
        try terminal.answer("Which measures will you commit to?", "TOM12")
        try terminal.answer("How many placements", "4")
        try terminal.answer("How many weeks will each placement last?", "10")
        try terminal.answer("in contract year 1", "40")
        try terminal.answer("in contract year 2", "40")
        try terminal.waitFor("SV-E010 TOM 12 placements last 10 weeks each")
        try terminal.answer("How many weeks will each placement last?", "2", occurrences: 2)
        try terminal.waitFor("SV-E011 TOM 12 totals 80 weeks, but 4 placements of 2 weeks is 8 weeks")
        try terminal.answer("in contract year 1", "4", occurrences: 2)
        try terminal.answer("in contract year 2", "4", occurrences: 2)
        try terminal.answer("How will you deliver TOM 12?", "quit")
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.screen.components(separatedBy: "SV-E011").count - 1 == 2, "with SV-E010, then after the weeks; not after year 1 alone")
        let draft = try fixture.draftText()
        #expect(draft.contains("\"commitments.TOM12.quantity.1\" : \"4\"") && draft.contains("\"commitments.TOM12.weeksEach\" : \"2\""))
    }
}

@Suite("A total that follows from the facts is offered", .serialized)
struct PlacementDefaultTests {
    @Test("placements times weeks is the default: Enter at year 1 takes it split over the years; year by year, the last year offers the rest")
    func placementsTimesWeeks() throws {
        let fixture = try RespondFixture()
        let terminal = try fixture.respondUpToMeasures()
        try terminal.answer("Which measures will you commit to?", "TOM12")
        try terminal.answer("How many placements", "3")
        try terminal.answer("How many weeks will each placement last?", "3")
        try terminal.waitFor("3 placements of 3 weeks is 9 weeks in all, split over the 2 years as 5, 4. Press Enter to use that")
        try terminal.answer("Answer [5, 4]:", "")
        try terminal.waitFor("You gave year 1: 5 weeks, year 2: 4 weeks.")
        try terminal.answer("How will you deliver TOM 12?", "back")
        try terminal.answer("in contract year 2", "back")
        try terminal.answer("in contract year 1", "6", occurrences: 2)
        // Year by year, the last year offers what is left.
        try terminal.waitFor("the earlier years have 6 weeks, which leaves 3 weeks.")
        try terminal.answer("Answer [4]:", "3", occurrences: 2)
        try terminal.answer("How will you deliver TOM 12?", "quit", occurrences: 2)
        #expect(try terminal.waitForExit() == 0)
        let draft = try fixture.draftText()
        #expect(draft.contains("\"commitments.TOM12.quantity.1\" : \"6\"") && draft.contains("\"commitments.TOM12.quantity.2\" : \"3\""))
    }
}

@Suite("A multi-line answer in the person's own editor", .serialized)
struct EditorTests {
    @Test("edit at a multi-line question opens $EDITOR on the answer so far and takes what was saved")
    func editor() throws {
        let fixture = try RespondFixture()
        let script = try fixture.runner.file("editor.sh", "#!/bin/sh\nprintf 'Written in the editor.\\nSecond line.\\n' >> \"$1\"\n")
        // Run through sh, as an editor with options is ("code --wait"), and so no test runs a
        // file another test may still have open for writing.
        let terminal = try fixture.respondUpToMeasures(environment: ["EDITOR": "sh \(script)"])
        try terminal.answer("Which measures will you commit to?", "TOM10")
        try terminal.answer("in contract year 1", "52 each year")
        try terminal.waitFor("in your editor (")
        try terminal.answer("How will you deliver TOM 10?", "edit")
        try terminal.waitFor("Took 35 characters from the editor.")
        try terminal.answer("Which local partner", "back")
        // Again: the editor opens on the answer so far, and adds to it.
        try terminal.answer("How will you deliver TOM 10?", "edit", occurrences: 2)
        try terminal.waitFor("Took 71 characters from the editor.")
        try terminal.answer("Which local partner", "quit", occurrences: 2)
        #expect(try terminal.waitForExit() == 0)
        #expect(try fixture.draftText().contains("Written in the editor.\\nSecond line.\\nWritten in the editor.\\nSecond line."))
    }

    @Test("an editor that fails leaves the answer as it was, with the reason")
    func failingEditor() throws {
        let fixture = try RespondFixture()
        let terminal = try fixture.respondUpToMeasures(environment: ["EDITOR": "false"])
        try terminal.answer("Which measures will you commit to?", "TOM10")
        try terminal.answer("in contract year 1", "52 each year")
        try terminal.answer("How will you deliver TOM 10?", "edit")
        try terminal.waitFor("stopped with an error (status 1); your answer is unchanged.")
        terminal.type("Typed instead.\r\r")
        try terminal.answer("Which local partner", "quit")
        #expect(try terminal.waitForExit() == 0)
        #expect(try fixture.draftText().contains("Typed instead."))
    }
}

@Suite("Per-year quantities in one line", .serialized)
struct EveryYearTests {
    @Test("52 each year, or one quantity per year separated by commas, answers every year at once; the wrong count is explained")
    func oneLine() throws {
        let fixture = try RespondFixture()
        let terminal = try fixture.respondUpToMeasures()
        try terminal.answer("Which measures will you commit to?", "TOM10, TOM18")
        try terminal.answer("TOM 10 in contract year 1", "52, 52, 26")
        try terminal.waitFor("That gives 3 quantities, but the contract runs 2 years.")
        terminal.type("52 each year\r")
        try terminal.waitFor("You gave year 1: 52 weeks, year 2: 52 weeks.")
        try terminal.answer("How will you deliver TOM 10?", "Apprentice.")
        terminal.type("\r")
        try terminal.answer("Which local partner", "")
        try terminal.answer("What evidence will you keep for TOM 10?", "Timesheets.")
        terminal.type("\r")
        try terminal.answer("TOM 18 in contract year 1", "£40k; £50k")
        try terminal.waitFor("You gave year 1: £40,000.00, year 2: £50,000.00.")
        try terminal.answer("How will you deliver TOM 18?", "quit")
        #expect(try terminal.waitForExit() == 0)
        let draft = try fixture.draftText()
        #expect(draft.contains("\"commitments.TOM10.quantity.2\" : \"52\"") && draft.contains("\"commitments.TOM18.quantity.2\" : \"50000\""))
        #expect(!terminal.screen.contains("TOM 10 in contract year 2"), "year 2 was not asked again")
    }
}

extension RespondFixture {
    /// Starts respond on a pseudo-terminal and answers the questions about the organisation,
    /// stopping at the choice of measures.
    func respondUpToMeasures(columns: UInt16 = 250, environment extra: [String: String] = [:]) throws -> PseudoTerminal {
        let environment = runner.terminalEnvironment.merging(["COLUMNS": "\(columns)"]) { $1 }.merging(extra) { $1 }
        let terminal = try PseudoTerminal(arguments: ["respond", "--tender", tender, "--draft", draft], environment: environment, columns: columns)
        for (prompt, answer) in zip(["name?", "postcode?", "size", "kind of organisation", "existing staff", "new people", "real living wage"],
                                    RespondFixture.supplier) {
            try terminal.answer(prompt, answer)
        }
        return terminal
    }
}

@Suite("The assessment's review before the contract is described", .serialized)
struct AssessReviewTests {
    @Test("assess: review before the contract is described says what is not answered yet, never a £0 decision; back returns")
    func unanswered() throws {
        let runner = BinaryRunner()
        let terminal = try PseudoTerminal(arguments: ["assess", "--draft", runner.home.appendingPathComponent("a.svdraft.json").path],
                                          environment: runner.terminalEnvironment.merging(["COLUMNS": "250"]) { $1 }, columns: 250)
        try terminal.answer("What is the contract called?", "Thermal works")
        try terminal.answer("What is the procurement reference?", "review")
        try terminal.waitFor("Not answered yet: reference, what is bought, estimated value, length, start date, route.")
        #expect(!terminal.screen.contains("£0"))
        #expect(!terminal.screen.contains("Social value is not required"))
        try terminal.answer("Type finish, edit", "back")
        try terminal.answer("What is the procurement reference?", "quit", occurrences: 2)
        #expect(try terminal.waitForExit() == 0)
    }
}

extension FirstUseTests {
    @Test("at a yes-or-no question back and ? answer, quit leaves and never means no; anything else is asked again", arguments: ["quit", "q"])
    func quitAtYesNo(word: String) throws {
        let terminal = try PseudoTerminal(arguments: ["respond", "--draft", draft], environment: environment)
        try terminal.answer("Do you have the council's tender file? [y/N", "back")
        try terminal.waitFor("There is no question before this one here.")
        terminal.waitUntilIdle(timeout: 5)
        terminal.type("?\r")
        try terminal.waitFor("Do you have the council's tender file? [y/N", occurrences: 3)
        terminal.waitUntilIdle(timeout: 5)
        terminal.type("maybe\r")
        try terminal.waitFor("\"maybe\" is not yes or no")
        terminal.type("\(word)\r")
        #expect(try terminal.waitForExit() == 130)
        #expect(terminal.screen.contains("Stopped before any answer was saved."))
        #expect(!terminal.screen.contains("Who is the buyer?"))
    }
}
