import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A tender file and the typed answers for a whole response to it.
struct RespondFixture {
    let runner = BinaryRunner()
    var tender: String { runner.home.appendingPathComponent("tender.json").path }
    var draft: String { runner.home.appendingPathComponent("acme.svdraft.json").path }

    init() throws {
        _ = try runner.file("tender.json", """
            {"buyer": "Rotherham MBC", "reference": "RMBC-2025-041", "title": "Thermal improvement works", "contractValue": "450000",
             "startDate": "2025-04-01", "years": 2, "adoptedMeasures": ["TOM10", "TOM12", "TOM6", "TOM18"]}
            """)
    }

    static let supplier = ["Acme Joinery", "S60 1AE", "small", "company", "5", "1", "some"]
    static let rest = ["TOM10, TOM18", "52", "52", "One apprentice joiner from month 1.", ".", "Rotherham College", "Timesheets.", ".",
                       "40000", "50000", "Local merchants.", ".", "", "Invoices.", ".", "Month 1: apprentice starts.", ".", "finish"]

    func draftText() throws -> String { try String(contentsOfFile: draft, encoding: .utf8) }
}

@Suite("svwizard respond, run as a program", .serialized)
struct RespondCommandTests {
    @Test("through a pipe: a whole response, finished, with the review and the next command")
    func pipe() throws {
        let fixture = try RespondFixture()
        let input = (RespondFixture.supplier + RespondFixture.rest).joined(separator: "\n") + "\n"
        let result = try fixture.runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Step 5 of 5: Review"))
        #expect(result.stdout.contains("Total £90,000.00 (year 1: £40,000.00, year 2: £50,000.00)"))
        #expect(result.stdout.contains("svwizard export"))
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(try fixture.draftText().contains("\"finished\" : true"))
    }

    @Test("at a terminal, with readline: an invalid answer re-asked, back, ?, review, finish")
    func terminal() throws {
        let fixture = try RespondFixture()
        let terminal = try PseudoTerminal(arguments: ["respond", "--tender", fixture.tender, "--draft", fixture.draft],
                                          environment: fixture.runner.terminalEnvironment)
        try terminal.answer("What is your organisation's name?", "Acme Joinery")
        try terminal.answer("What is your organisation's postcode?", "?")
        try terminal.answer("see whether you are a local supplier", "S60 1AE")
        try terminal.answer("What size is your organisation?", "back")
        try terminal.answer("Answer [S60 1AE]:", "")
        try terminal.answer("What size is your organisation?", "sm\t", occurrences: 2)   // Tab completes "small"
        try terminal.answer("What kind of organisation are you?", "company")
        try terminal.answer("existing staff", "lots")
        try terminal.answer("\"lots\" is not a number.", "5\r1\rsome")
        try terminal.answer("Which measures will you commit to?", "review")
        try terminal.waitFor("Type finish, edit")
        #expect(terminal.screen.contains("ERROR SV-E001"))
        terminal.type("back\r")
        try terminal.answer("Which measures will you commit to?", "TOM10\r52\r52\rOne apprentice joiner.\r.\r\rTimesheets.\r.\rMonth 1: apprentice starts.\r.", occurrences: 2)
        try terminal.answer("Type finish, edit", "finish", occurrences: 2)
        // A clean finish offers to make the bundle; Enter means yes.
        try terminal.answer("Make the bundle to upload with your tender now? [Y/n]", "")
        #expect(try terminal.waitForExit() == 0)
        #expect(FileManager.default.fileExists(atPath: fixture.runner.home.appendingPathComponent("RMBC-2025-041-Acme-Joinery.svbundle.zip").path))
        let screen = terminal.screen
        #expect(screen.contains("Answer: small"), "Tab completed the choice")
        let draft = try fixture.draftText()
        #expect(draft.contains("\"supplier.size\" : \"small\""))
        #expect(draft.contains("\"supplier.workforce\" : \"5\""))
        #expect(draft.contains("\"finished\" : true"))
    }

    @Test("killed mid-way with kill -9, then resumed: nothing answered is lost")
    func killAndResume() throws {
        let fixture = try RespondFixture()
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["respond", "--tender", fixture.tender, "--draft", fixture.draft]
        process.environment = fixture.runner.environment
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data((RespondFixture.supplier.joined(separator: "\n") + "\n").utf8))
        // Wait until the last answer typed is on disk, then kill the program without warning.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, (try? fixture.draftText())?.contains("\"supplier.livingWage\" : \"some\"") != true {
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let saved = try fixture.draftText()
        for answer in ["\"supplier.name\" : \"Acme Joinery\"", "\"supplier.postcode\" : \"S60 1AE\"", "\"supplier.livingWage\" : \"some\""] {
            #expect(saved.contains(answer))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.runner.home.path).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty)

        let resumed = try fixture.runner.run(["respond", "--resume", fixture.draft], input: RespondFixture.rest.joined(separator: "\n") + "\n")
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(!resumed.stdout.contains("What is your organisation's name?"))
        #expect(resumed.stdout.contains("Supplier: Acme Joinery, S60 1AE (local)"))
        #expect(try fixture.draftText().contains("\"finished\" : true"))
    }

    @Test("--answers with --no-input fails listing what is missing, exit 1")
    func noInput() throws {
        let fixture = try RespondFixture()
        let answers = try fixture.runner.file("answers.yaml", "supplier:\n  name: Acme\n  size: huge\n")
        let result = try fixture.runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft, "--answers", answers, "--no-input"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("answers.yaml: supplier.size: \"huge\" is not one of the choices"))
        #expect(result.stderr.contains("These answers are missing"))
        #expect(result.stderr.contains("supplier.postcode: What is your organisation's postcode?"))
        let usage = try fixture.runner.run(["respond", "--no-input"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--no-input needs --answers FILE"))
    }

    @Test("a damaged draft is refused (exit 2) and left untouched; a missing tender file too")
    func damaged() throws {
        let fixture = try RespondFixture()
        let path = try fixture.runner.file("broken.svdraft.json", "{\"format\": \"svwizard-draft\", \"answers\": ")
        let result = try fixture.runner.run(["respond", "--resume", path])
        #expect(result.status == 2)
        #expect(result.stderr.flattened.contains("is not an svwizard draft"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"format\": \"svwizard-draft\", \"answers\": ")
        let missing = try fixture.runner.run(["respond", "--tender", "nowhere.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("There is no tender file at"))
    }
}
