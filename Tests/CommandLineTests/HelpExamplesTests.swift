import Foundation
import Testing
import TestPostgres

/// Every example in every command's `--help`, pasted into a shell as a person would, in a
/// folder holding the files the examples name (a tender, bids, a register, a contract pack,
/// returns, spending). An example that fails when pasted is worse than none.
@Suite("The --help examples, run as pasted", .serialized)
struct HelpExamplesTests {
    let runner = BinaryRunner()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/one-tender")

    /// The examples shown by `svwizard [path] --help`, each joined from its wrapped lines and
    /// without its description.
    func examples(_ path: [String]) throws -> [String] {
        let help = try runner.run(path + ["--help"], extraEnvironment: ["COLUMNS": "101"]).stdout
        var examples: [(command: String, described: Bool)] = []
        for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("  svwizard ") || line == "  svwizard" {
                let (command, described) = Self.withoutDescription(trimmed)
                examples.append((command, described))
            } else if line.hasPrefix("      "), !trimmed.isEmpty, let last = examples.last {
                // A wrapped example: the rest of its command, or of its description.
                if !last.described {
                    let (rest, described) = Self.withoutDescription(trimmed)
                    examples[examples.count - 1] = (last.command + " " + rest, described)
                }
            } else if !line.hasPrefix("  ") || trimmed.isEmpty {
                examples = examples.map { ($0.command, true) } // a new paragraph: nothing more joins on
            }
        }
        return examples.map(\.command)
    }

    /// `svwizard measures TOM6         one measure in full` without its description: the text up
    /// to the first run of two spaces outside quotes.
    static func withoutDescription(_ text: String) -> (String, Bool) {
        var quoted = false
        var previous: Character = "x"
        for index in text.indices {
            let character = text[index]
            if character == "\"" { quoted.toggle() }
            if !quoted, character == " ", previous == " " {
                return (String(text[..<text.index(before: index)]), true)
            }
            previous = character
        }
        return (text, false)
    }

    /// The files the examples name, made the way their users make them.
    func world(_ runner: BinaryRunner) throws -> URL {
        let place = runner.home
        let manager = FileManager.default
        for name in try manager.contentsOfDirectory(atPath: Self.fixtures.path) {
            try manager.copyItem(at: Self.fixtures.appendingPathComponent(name), to: place.appendingPathComponent(name))
        }
        func must(_ arguments: [String]) throws {
            let result = try runner.run(arguments, extraEnvironment: Self.today)
            precondition(result.status == 0, "\(arguments): \(result.stdout)\(result.stderr)")
        }
        try must(["assess", "--answers", "assessment.yaml", "--no-input", "--output", "assessed", "--draft", "assessed.svdraft.json"])
        try manager.copyItem(at: place.appendingPathComponent("assessed/tender.json"), to: place.appendingPathComponent("tender.json"))
        try manager.createDirectory(at: place.appendingPathComponent("bids"), withIntermediateDirectories: true)
        for supplier in ["maltby", "bigpromise", "thin"] {
            try must(["respond", "--tender", "tender.json", "--answers", "\(supplier).yaml", "--no-input", "--draft", "\(supplier).svdraft.json"])
            try must(["export", "\(supplier).svdraft.json", "-o", "bids/\(supplier).svbundle.zip"])
        }
        for copy in ["winner.svbundle.zip", "maltby-joinery.svbundle.zip"] {
            try manager.copyItem(at: place.appendingPathComponent("bids/maltby.svbundle.zip"), to: place.appendingPathComponent(copy))
        }
        try manager.copyItem(at: place.appendingPathComponent("maltby.svdraft.json"), to: place.appendingPathComponent("RMBC-2025-041.svdraft.json"))
        let maltby = try String(contentsOf: place.appendingPathComponent("maltby.yaml"), encoding: .utf8)
        try ("tender:\n  buyer: Rotherham MBC\n  reference: RMBC-2025-041\n  title: Thermal improvement works\n  value: 450000\n"
            + "  startDate: 2025-04-01\n  years: 2\n  measures: [TOM1, TOM10, TOM18, TOM31]\n" + maltby)
            .write(to: place.appendingPathComponent("answers.yaml"), atomically: true, encoding: .utf8)
        try must(["contract", "award", "bids/maltby.svbundle.zip", "--tender", "tender.json", "--reference", "RMBC-2026-017", "--directorate",
                  "Regeneration and Environment", "--manager", "Sam Patel", "--no-input"])
        try must(["contract", "pack", "RMBC-2026-017"])
        var quarter = "version: 1\nperiod: 2026-27-Q1\npreparedBy: Jo Walsh, operations manager\npreparedOn: 10 March 2027\nmeasures:\n"
        for measure in ["TOM10", "TOM1", "TOM18", "TOM31"] {
            quarter += "  \(measure):\n    delivered: \"0\"\n    narrative: Work paused over the winter.\n"
                + "    shortfallReason: The site closed for the winter.\n    recoveryPlan: Made up in the spring quarter.\n"
        }
        try quarter.write(to: place.appendingPathComponent("q1.yaml"), atomically: true, encoding: .utf8)
        try manager.copyItem(at: place.appendingPathComponent("council-values.csv"), to: place.appendingPathComponent("toms-2024.csv"))
        try """
            Payment Date,Supplier Name,Expense Type,Amount,Transaction Number
            01/04/2025,Maltby Joinery Ltd,Building repairs,"£1,250.00",T1
            02/04/2025,Sheffield Supplies Ltd,Stationery,640.50,T2
            """.write(to: place.appendingPathComponent("spend-2025-04.csv"), atomically: true, encoding: .utf8)
        try "date: Payment Date\namount: Amount\nsupplier: Supplier Name\ncategory: Expense Type\nreference: Transaction Number\n"
            .write(to: place.appendingPathComponent("columns.yaml"), atomically: true, encoding: .utf8)
        try "supplier,postcode\nMaltby Joinery Ltd,S66 8AB\nSheffield Supplies Ltd,S1 2HE\n"
            .write(to: place.appendingPathComponent("suppliers.csv"), atomically: true, encoding: .utf8)
        return place
    }

    /// The day the examples are run on: after the contract's 2026-27 Q1 has ended, so a return for it is due.
    static let today = ["SVWIZARD_TODAY": "2027-03-15"]

    /// The order a council and its suppliers would run them in (each example's files exist by
    /// then), and the exit statuses it may end with. Examples that start a wizard get no input
    /// here: they must still start, and leave cleanly, saying the input ended (exit 1, nothing
    /// lost). A new example fails the test until it is added.
    static let expected: [(String, Set<Int32>)] = [
        ("svwizard", [0]),
        ("svwizard measures", [0]), ("svwizard measures TOM6", [0]), ("svwizard measures TOM4a", [0]), ("svwizard measures --json", [0]),
        ("svwizard measures --search apprentice", [0]),
        ("svwizard guide", [0]), ("svwizard guide double-counting", [0]), ("svwizard guide tom10", [0]), ("svwizard guide what-is-social-value", [0]),
        ("svwizard guide evaluation", [0]),
        ("svwizard values list", [0]), ("svwizard values show workshop", [0]),
        ("svwizard values import toms-2024.csv --name toms-2024 --edition \"National TOMs 2024\" --source \"Buyer's ITT pack\"", [0]),
        ("svwizard values use toms-2024", [0]),
        ("svwizard workshop", [0]), ("svwizard workshop start thermal-works --as supplier", [0, 1]),
        ("svwizard workshop example thermal-works", [0]),
        ("svwizard workshop check svwizard-practice/thermal-works/response.svdraft.json", [0, 1]),
        ("svwizard workshop reset", [0, 1]),
        ("svwizard assess --answers assessment.yaml --no-input", [0]), ("svwizard assess --resume assessment.svdraft.json", [0, 1]),
        // A second new assessment in the same folder is refused, pointing at the first: exit 1.
        ("svwizard assess", [1]), ("svwizard assess --output tenders/RMBC-2025-041", [1]),
        ("svwizard respond --answers answers.yaml --no-input", [0]), ("svwizard respond --resume response.svdraft.json", [0, 1]),
        ("svwizard respond", [1]), ("svwizard respond --tender tender.json", [1]),
        ("svwizard export RMBC-2025-041.svdraft.json", [0]), ("svwizard export response.svdraft.json -o maltby-joinery.svbundle.zip", [0]),
        ("svwizard validate maltby-joinery.svbundle.zip", [0]), ("svwizard validate bids/*.svbundle.zip --tender tender.json", [0]),
        ("svwizard validate bids/*.svbundle.zip --json", [0]),
        ("svwizard evaluate --tender tender.json bids/*.svbundle.zip --scores scores.yaml --output evaluation", [0]),
        ("svwizard contract award winner.svbundle.zip --tender tender.json --directorate \"Regeneration and Environment\" --manager \"Sam Patel\"", [0]),
        ("svwizard contract list", [0]), ("svwizard contract show RMBC-2026-017", [0]), ("svwizard contract pack RMBC-2026-017 --output to-supplier", [0]),
        ("svwizard deliver --contract RMBC-2026-017.svcontract.json --answers q1.yaml --no-input", [0]),
        ("svwizard deliver --contract RMBC-2026-017.svcontract.json", [0, 1]),
        ("svwizard deliver --contract RMBC-2026-017.svcontract.json --period 2026-27-Q1", [0, 1]),
        ("svwizard track import RMBC-2026-017-2026-27-Q1.svreturn.zip", [0]), ("svwizard track review RMBC-2026-017", [0, 1]),
        ("svwizard track show RMBC-2026-017", [0]),
        ("svwizard track assure RMBC-2026-017 --by \"Sam Patel\" --outcome compliant --evidence \"Supplier's signed statement\"", [0]),
        ("svwizard spend import spend-2025-04.csv", [0]),
        ("svwizard spend import spend-2025-04.csv --map columns.yaml --postcodes suppliers.csv", [0]),
        ("svwizard report --year 2025/26 --output report-2025-26", [0]), ("svwizard report --year 2025/26 --mid-year", [0]),
        ("svwizard report --from \"1 April 2025\" --to \"31 March 2026\" --json", [0]),
        ("svwizard register backup register-2026-03-31.sqlite", [0]), ("svwizard register export --json > register.json", [0]),
        ("svwizard register copy register-2026-03-31.sqlite register-copy.sqlite", [0]),
        // No server of that name here: exit 5, in one sentence.
        ("svwizard register copy register-2026-03-31.sqlite postgresql://sam@dbserver/svwizard", [5]),
    ]

    /// Examples whose output is the same whichever store holds the register.
    static let sameOnEveryStore = [
        "svwizard contract list", "svwizard contract show RMBC-2026-017", "svwizard track show RMBC-2026-017",
        "svwizard report --year 2025/26 --mid-year", "svwizard report --from \"1 April 2025\" --to \"31 March 2026\" --json",
    ]

    @Test("every example in every --help runs as pasted, in the order a council and its suppliers would use them; the same on a shared register")
    func everyExampleRuns() throws {
        var shown: Set<String> = []
        for path in try runner.commandPaths() { shown.formUnion(try examples(path)) }
        shown.insert("svwizard") // the menu, in the examples as `svwizard` with a description
        let known = Set(Self.expected.map(\.0))
        #expect(shown.subtracting(known).isEmpty, "examples in --help that this test does not run yet: \(shown.subtracting(known).sorted())")
        #expect(known.subtracting(shown).isEmpty, "examples this test runs that --help no longer shows: \(known.subtracting(shown).sorted())")
        let onFile = try run(shown, with: runner)
        guard let server = TestPostgres.shared else { return }
        // The whole lifecycle again, every command on a PostgreSQL register: the same figures, the same bytes.
        let sharedRunner = BinaryRunner(register: try server.newDatabase())
        let onServer = try run(shown, with: sharedRunner)
        for example in Self.sameOnEveryStore {
            #expect(onFile[example] == onServer[example], "\(example) differs on a shared register")
        }
        for file in ["register.json", "report-2025-26/report.md", "report-2025-26/report.csv", "report-2025-26/report.json", "report-2025-26/report.html"] {
            let a = try Data(contentsOf: runner.home.appendingPathComponent(file)), b = try Data(contentsOf: sharedRunner.home.appendingPathComponent(file))
            #expect(a == b, "\(file) differs on a shared register")
        }
    }

    /// Runs every example shown, in order, in a world made with `runner`; what each printed.
    func run(_ shown: Set<String>, with runner: BinaryRunner) throws -> [String: String] {
        let place = try world(runner)
        let folder = BinaryRunner.binary.deletingLastPathComponent().path
        var printed: [String: String] = [:]
        for (example, statuses) in Self.expected where shown.contains(example) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", example]
            process.currentDirectoryURL = place
            process.environment = runner.environment.merging(Self.today) { $1 }.merging(["PATH": folder + ":/usr/bin:/bin"]) { $1 }
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            printed[example] = text
            #expect(statuses.contains(process.terminationStatus), "\(example) ended with \(process.terminationStatus):\n\(text.suffix(1500))")
            #expect(!text.contains("Error:") && !text.contains("Usage:"), "\(example) was not understood:\n\(text.suffix(1500))")
        }
        return printed
    }
}
