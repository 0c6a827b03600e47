import Foundation
import Testing

/// Files from outside are checked against their limits before any work that grows with what
/// they say, and refused with exit 2 and a short message naming the field.
@Suite("Files from outside are checked before use", .serialized)
struct FileLimitsTests {
    let fixture = try! RespondFixture()
    var runner: BinaryRunner { fixture.runner }

    func tender(_ years: String, extra: String = "") throws -> String {
        try runner.file("odd-tender.json", """
            {"buyer": "Rotherham MBC", "reference": "RMBC-1", "title": "Works", "contractValue": "450000",
             "startDate": "2025-04-01", "years": \(years), "adoptedMeasures": ["TOM10"]\(extra)}
            """)
    }

    @Test("a tender file whose years break the schema's range is refused at once, naming the field", arguments: [
        ("100000000", "years: must be at most 15, found 100000000"),
        ("-3", "years: must be at least 1, found -3"),
        ("\"two\"", "years: must be a whole number"),
    ])
    func tenderYears(years: String, message: String) throws {
        let started = Date()
        let result = try runner.run(["respond", "--tender", try tender(years), "--draft", fixture.draft], input: "quit\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(!FileManager.default.fileExists(atPath: fixture.draft), "nothing was started")
    }

    @Test("a tender file with an unknown field is refused, naming it")
    func tenderUnknownField() throws {
        let result = try runner.run(["respond", "--tender", try tender("2", extra: #", "bonus": "yes""#), "--draft", fixture.draft])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown field `bonus`"))
    }

    @Test("an answers file with an alias bomb is refused in well under a second, naming the line")
    func aliasBomb() throws {
        let bomb = (["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
            + "bcdefghi".map { letter -> String in
                let previous = Character(UnicodeScalar(letter.asciiValue! - 1))
                return "\(letter): &\(letter) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]"
            }).joined(separator: "\n")
        let answers = try runner.file("bomb.yaml", bomb)
        let started = Date()
        let result = try runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft, "--answers", answers, "--no-input"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bomb.yaml:1 uses an anchor (&a)"))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(result.stdout.utf8.count + result.stderr.utf8.count < 2_000)
    }

    @Test("an answers file larger than any answers file is refused by its size, with a short message")
    func hugeAnswersFile() throws {
        let answers = try runner.file("huge.yaml", "supplier:\n  name: \"" + String(repeating: "x", count: 5_000_000) + "\"\n")
        let result = try runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft, "--answers", answers, "--no-input"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("huge.yaml is 4 MB, larger than any answers file (the limit is 1 MB)"))
        #expect(result.stdout.utf8.count + result.stderr.utf8.count < 2_000)
    }

    @Test("a multi-line answer over the limit is refused in an answers file and at the question, so export never makes a bundle validate refuses")
    func longMultilineAnswer() throws {
        let long = String(repeating: "word ", count: 2_500)
        let answers = try runner.file("long.yaml", """
            supplier: {name: Acme Joinery, postcode: S60 1AE, size: small, kind: company, workforce: 5, newHires: 1, livingWage: some}
            measures: [TOM10]
            commitments:
              TOM10: {quantity: [52, 52], delivery: "\(long)", partner: College, evidence: Timesheets.}
            deliveryPlan: Month 1.
            """)
        let result = try runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft, "--answers", answers, "--no-input"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("commitments.TOM10.delivery: is 12,500 characters long; the limit is 10,000"), "\(result.stderr)")
        #expect(!result.stderr.contains(long))
        // Typed (or pasted) at the question, it is refused there and asked again.
        let input = (RespondFixture.supplier + ["TOM10", "52", "52", long, ".", "Short plan.", ".", "quit"]).joined(separator: "\n") + "\n"
        let typed = try runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft], input: input)
        #expect(typed.stdout.contains("The answer is 12,499 characters long; the limit is 10,000"))
        #expect(try fixture.draftText().contains("Short plan."))
    }

    @Test("validate checks a file's size before reading it: a 2 GB file is refused at once")
    func hugeBundle() throws {
        let path = runner.home.appendingPathComponent("huge.svbundle.zip").path
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 2 * 1_073_741_824)   // sparse: takes no disk space
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let started = Date()
        let result = try runner.run(["validate", path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("huge.svbundle.zip is 2.0 GB, larger than any bundle"), "\(result.stdout)")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("a draft that breaks its schema is refused and left as it is")
    func draftBreakingSchema() throws {
        let text = """
            {"format": "svwizard-draft", "formatVersion": 1, "flow": "supplier-response", "toolVersion": "0.1.0",
             "answers": {"supplier.name": 42}, "finished": false}
            """
        let path = try runner.file("odd.svdraft.json", text)
        let result = try runner.run(["respond", "--resume", path], input: "quit\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("answers.supplier.name: must be text, found 42"), "\(result.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }
}

@Suite("Spending files are read a row at a time", .serialized)
struct SpendStreamingTests {
    let runner = BinaryRunner()

    /// A spending file of `rows` payments, and the peak memory (MB) of `svwizard spend import` reading it.
    func importPeak(rows: Int) throws -> (status: Int32, output: String, megabytes: Int) {
        let file = runner.home.appendingPathComponent("spend-\(rows).csv")
        var text = "Payment Date,Supplier Name,Expense Type,Amount,Transaction Number,Supplier Postcode\n"
        text.reserveCapacity(rows * 60)
        for index in 0..<rows {
            text += "\(1 + index % 28)/\(1 + index % 12)/2025,Supplier \(index % 5000),Works,\(index % 9000 + 1).\(index % 90 + 10),T\(index),S\(60 + index % 20) 1AE\n"
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        // Python measures only its own child, so other tests' programs never count.
        let script = """
            import resource, subprocess, sys
            r = subprocess.run(sys.argv[1:], capture_output=True, text=True)
            sys.stdout.write(r.stdout + r.stderr)
            sys.stdout.write("\\nPEAK %d\\n" % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024))
            sys.exit(r.returncode)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, BinaryRunner.binary.path, "spend", "import", file.path,
                             "--register", runner.home.appendingPathComponent("register-\(rows).sqlite").path]
        process.environment = runner.environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let peak = said.components(separatedBy: "PEAK ").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? Int.max
        return (process.terminationStatus, said, peak)
    }

    @Test("memory stays flat whatever the file's length: 100,000 rows in the memory of 10,000, well under 100 MB")
    func flatMemory() throws {
        let small = try importPeak(rows: 10_000)
        let large = try importPeak(rows: 100_000)
        #expect(small.status == 0 && large.status == 0, "\(large.output)")
        #expect(large.output.flattened.contains("Imported 100000 payments"), "\(large.output)")
        #expect(large.megabytes < 100, "\(large.megabytes) MB")
        #expect(large.megabytes - small.megabytes < 15, "10,000 rows: \(small.megabytes) MB; 100,000 rows: \(large.megabytes) MB")
    }

    @Test("a quoted field never closed, or a field of megabytes, is refused with one sentence and nothing is imported")
    func brokenFiles() throws {
        let open = try runner.file("open.csv", "Payment Date,Supplier Name,Amount\n01/04/2025,\"Never closed,10.00\n02/04/2025,B,5.00\n")
        let result = try runner.run(["spend", "import", open, "--register", runner.home.appendingPathComponent("r.sqlite").path])
        #expect(result.status == 1 && result.stderr.flattened.contains("A quoted field is not closed"), "\(result.stderr)")
        let huge = try runner.file("huge.csv", "Payment Date,Supplier Name,Amount\n01/04/2025,\"" + String(repeating: "x", count: 1_100_000) + "\",5.00\n")
        let long = try runner.run(["spend", "import", huge, "--register", runner.home.appendingPathComponent("r.sqlite").path])
        #expect(long.status == 1 && long.stderr.flattened.contains("has a field longer than 1 MB"), "\(long.stderr)")
        let list = try runner.run(["report", "--year", "2025/26", "--json", "--register", runner.home.appendingPathComponent("r.sqlite").path])
        #expect(!list.stdout.contains("\"total\" : \"15.00\""), "nothing of a refused file is imported")
    }

    @Test("a postcode list that is not one (binary bytes, or no postcodes in its second column) is refused with what it should be")
    func wrongPostcodeList() throws {
        let spend = try runner.file("spend.csv", "Payment Date,Supplier Name,Amount\n01/04/2025,A Ltd,5.00\n")
        var noise = Data()
        for index in 0..<4096 { noise.append(UInt8((index * 37 + 11) % 256)) }
        let binary = runner.home.appendingPathComponent("garbage.csv")
        try noise.write(to: binary)
        let words = try runner.file("words.csv", "Supplier,Notes\nA Ltd,good supplier\nB Ltd,late\n")
        for list in [binary.path, words] {
            let result = try runner.run(["spend", "import", spend, "--postcodes", list, "--register", runner.home.appendingPathComponent("r.sqlite").path])
            let said = result.stderr.flattened
            #expect(result.status == 1 && said.contains("postcodes") && said.contains("Maltby Joinery Ltd,S66 8AB"),
                    "\(list): \(result.status) \(said)")
        }
    }
}
