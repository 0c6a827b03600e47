import Foundation
import Testing

/// A commissioner's evaluation of three bids (strong, inflated, thin) and three bundles that must
/// be left out (tampered, a copy, another tender's), through the real binary.
@Suite("svwizard evaluate, run as a program", .serialized)
struct EvaluateCommandTests {
    let runner = BinaryRunner()

    /// The tender (made by assess, with the council's own values: TOM1 £0.735 an FTE, TOM10 £250
    /// a week) and the bundles answering it.
    init() throws {
        _ = try runner.file("assessment.yaml", GoldenOutputTests.assessment)
        _ = try runner.file("toms.csv", "measure,value\nTOM1,0.735\nTOM10,250\n")
        let assess = try runner.run(["assess", "--answers", "assessment.yaml", "--no-input", "--draft", "assessment.svdraft.json"])
        precondition(assess.status == 0, "\(assess.stdout)\(assess.stderr)")
        try bid("strong", name: "Maltby Joinery Ltd", commitments: """
              TOM1: {quantity: [2, 2], delivery: Two local joiners., evidence: Payroll with postcodes.}
              TOM10: {quantity: [52, 52], delivery: One apprentice., partner: Rotherham College, evidence: Timesheets.}
            """, measures: "TOM1, TOM10")
        try bid("inflated", name: "Big Promises Ltd", commitments: """
              TOM10: {quantity: [500, 500], delivery: Many apprentices., evidence: Timesheets.}
            """, measures: "TOM10")
        try bid("thin", name: "Thin Offer Ltd", commitments: """
              TOM18: {quantity: [1000, 1000], delivery: Local merchants., evidence: Invoices.}
            """, measures: "TOM18")
        try FileManager.default.copyItem(at: url("strong.svbundle.zip"), to: url("copy.svbundle.zip"))
        try tamper("thin.svbundle.zip", into: "tampered.svbundle.zip")
        // A bundle for another tender: the same bid against a tender with another reference.
        var other = try String(contentsOf: url("tender.json"), encoding: .utf8)
        other = other.replacingOccurrences(of: "RMBC-2025-041", with: "RMBC-2025-999")
        _ = try runner.file("other-tender.json", other)
        try bid("other", name: "Elsewhere Ltd", commitments: """
              TOM10: {quantity: [52, 52], delivery: One apprentice., evidence: Timesheets.}
            """, measures: "TOM10", tender: "other-tender.json")
    }

    func url(_ name: String) -> URL { runner.home.appendingPathComponent(name) }

    func bid(_ name: String, name supplier: String, commitments: String, measures: String, tender: String = "tender.json") throws {
        _ = try runner.file("\(name).yaml", """
            supplier: {name: \(supplier), postcode: S60 1AE, size: small, type: company, workforce: 10, newHires: 2, livingWage: some}
            measures: [\(measures)]
            commitments:
            \(commitments)
            deliveryDocument: Month 1 starts; a report each quarter.
            """)
        let respond = try runner.run(["respond", "--tender", tender, "--answers", "\(name).yaml", "--no-input", "--draft", "\(name).svdraft.json"])
        precondition(respond.status == 0, "\(respond.stdout)\(respond.stderr)")
        let export = try runner.run(["export", "\(name).svdraft.json", "-o", "\(name).svbundle.zip"])
        precondition(export.status == 0, "\(export.stdout)\(export.stderr)")
    }

    /// A copy of `source` with one character of response.txt changed (stored entries, so the
    /// bytes are found in the zip as they are).
    func tamper(_ source: String, into target: String) throws {
        var bytes = [UInt8](try Data(contentsOf: url(source)))
        let needle = Array("Local merchants".utf8)
        let at = try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
        bytes[at] = UInt8(ascii: "l")
        try Data(bytes).write(to: url(target))
    }

    /// The tender records the method (relative to a target of £0.25 per £1) and the 0 to 5 scale.
    static let scores = """
        version: 1
        evaluators: [Priya Shah, Tom Hughes]
        bids:
          - file: strong.svbundle.zip
            scores:
              - {evaluator: Priya Shah, score: 4, reason: "Local jobs and an apprentice, each with named evidence."}
              - {evaluator: Tom Hughes, score: 5, reason: A convincing plan.}
            agreed: {score: 4, reason: "Strong; the jobs' evidence is thin, so 4."}
          - file: inflated.svbundle.zip
            scores:
              - {evaluator: Priya Shah, score: 2, reason: A thousand weeks of apprenticeships is not credible.}
              - {evaluator: Tom Hughes, score: 2, reason: No plan for finding the apprentices.}
            agreed: {score: 2, reason: Minor reservations.}
            clarifications:
              - measure: TOM10
                question: How will you fill 1,000 weeks of apprenticeships on a two-year contract?
                answer: We have two apprentices signed up with the college.
                decision: adjust
                adjustedQuantity: 104
                reason: Two apprentices over two years are evidenced.
          - file: thin.svbundle.zip
            scores:
              - {evaluator: Priya Shah, score: 3, reason: Sound but narrow.}
              - {evaluator: Tom Hughes, score: 3, reason: One measure only.}
            agreed: {score: 3, reason: Satisfactory.}
        """

    static let bundles = ["strong.svbundle.zip", "inflated.svbundle.zip", "thin.svbundle.zip", "tampered.svbundle.zip",
                          "copy.svbundle.zip", "other.svbundle.zip"]

    func evaluate(_ scores: String = Self.scores, output: String = "evaluation") throws -> BinaryRunner.Result {
        _ = try runner.file("scores.yaml", scores)
        return try runner.run(["evaluate", "--tender", "tender.json"] + Self.bundles + ["--scores", "scores.yaml", "--output", output, "--no-input"])
    }

    @Test("three bids scored by the tender's method, with the clarification applied; three bundles left out with the reason; golden files")
    func whole() throws {
        let result = try evaluate()
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let summary = result.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(summary.contains("Evaluated 3 of 6 bundles"))
        // £26,002.94 on £450,000 is £0.0578 per £1, 0.231 of the £0.25 target: 2.31 of 10 marks.
        #expect(summary.contains("relative to a target of £0.25 per £1"))
        #expect(summary.contains("1. Maltby Joinery Ltd: 10.31"))
        #expect(summary.contains("2. Big Promises Ltd: 6.31"))
        #expect(summary.contains("3. Thin Offer Ltd: 6.00 (not valued)"))
        let folder = url("evaluation")
        for name in ["evaluation.json", "evaluation.csv", "evaluation.md", "evaluation.html"] {
            GoldenFiles.check(name, try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        let csv = String(decoding: try Data(contentsOf: folder.appendingPathComponent("evaluation.csv")), as: UTF8.self)
        #expect(csv.contains("\"tampered.svbundle.zip\",\"no\",\"SV-B0"))
        #expect(csv.contains("\"copy.svbundle.zip\",\"no\",\"The same bundle as strong.svbundle.zip"))
        #expect(csv.contains("\"other.svbundle.zip\",\"no\",\"SV-B030"))
        // The inflated line was adjusted to the evidenced 104 weeks (£26,000), never capped silently.
        let json = String(decoding: try Data(contentsOf: folder.appendingPathComponent("evaluation.json")), as: UTF8.self)
        #expect(json.contains("Adjusted from 1000 weeks to 104 weeks: Two apprentices over two years are evidenced."))
        #expect(json.contains("\"socialValue\" : \"26000\""))
        #expect(try SchemaCheck.run("evaluation.schema.json", folder.appendingPathComponent("evaluation.json")) == "")
        let manifest = String(decoding: try Data(contentsOf: folder.appendingPathComponent("manifest.json")), as: UTF8.self)
        #expect(manifest.contains("svwizard-evaluation-manifest") && manifest.contains("evaluation.html"))
    }

    @Test("the same inputs give byte-identical records; an existing folder is never written over")
    func deterministic() throws {
        #expect(try evaluate(output: "first").status == 0)
        #expect(try evaluate(output: "second").status == 0)
        for name in ["evaluation.json", "evaluation.csv", "evaluation.md", "evaluation.html", "manifest.json"] {
            #expect(try Data(contentsOf: url("first").appendingPathComponent(name)) == Data(contentsOf: url("second").appendingPathComponent(name)))
        }
        let again = try evaluate(output: "first")
        #expect(again.status == 1)
        #expect(again.stderr.replacingOccurrences(of: "\n", with: " ").contains("is never written over anything"))
    }

    @Test("an incomplete scores file is refused with every gap listed, and nothing is written")
    func incomplete() throws {
        let scores = Self.scores
            .replacingOccurrences(of: "    agreed: {score: 3, reason: Satisfactory.}", with: "")
            .replacingOccurrences(of: "      - {evaluator: Tom Hughes, score: 5, reason: A convincing plan.}\n", with: "      - {evaluator: Tom Hughes, score: 6, reason: Off the scale.}\n")
        let withoutClarification = scores.components(separatedBy: "    clarifications:")[0]
            + "  - file: thin.svbundle.zip" + scores.components(separatedBy: "  - file: thin.svbundle.zip")[1]
        let result = try evaluate(withoutClarification, output: "incomplete")
        #expect(result.status == 1)
        let message = result.stderr.replacingOccurrences(of: "\n", with: " ")
        #expect(message.contains("thin.svbundle.zip: no agreed score"))
        #expect(message.contains("the score 6 is not on the 0 to 5 scale (0, 1, 2, 3, 4, 5)"))
        #expect(message.contains("inflated.svbundle.zip: the offer needs a clarification before it is scored: SV-W001"))
        #expect(!FileManager.default.fileExists(atPath: url("incomplete").path))
    }

    @Test("the method is always someone's explicit choice: a tender from before it was recorded takes the scores file's; none anywhere is refused; a different one is refused")
    func method() throws {
        // A tender file from before the method was recorded.
        let data = try Data(contentsOf: url("tender.json"))
        var tender = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var scoring = try #require(tender["scoring"] as? [String: Any])
        scoring["method"] = nil
        scoring["scale"] = nil
        tender["scoring"] = scoring
        try JSONSerialization.data(withJSONObject: tender).write(to: url("old-tender.json"))
        func run(_ scores: String, tender: String, output: String, input: String? = nil) throws -> BinaryRunner.Result {
            _ = try runner.file("method.yaml", scores)
            let arguments = ["evaluate", "--tender", tender, "strong.svbundle.zip", "--scores", "method.yaml", "--output", output]
            return try input.map { try runner.run(arguments, input: $0) } ?? runner.run(arguments + ["--no-input"])
        }
        let strong = "  - file: strong.svbundle.zip" + Self.scores.components(separatedBy: "  - file: strong.svbundle.zip")[1]
            .components(separatedBy: "  - file: inflated")[0]
        let header = "version: 1\nevaluators: [Priya Shah, Tom Hughes]\nbids:\n"
        let none = try run(header + strong, tender: "old-tender.json", output: "none")
        #expect(none.status == 1)
        #expect(none.stderr.replacingOccurrences(of: "\n", with: " ").contains("says how the quantitative half is scored"))
        let given = try run("method: {method: relativeToHighest}\nscale: zeroToFive\n" + header + strong, tender: "old-tender.json", output: "given")
        #expect(given.status == 0, "\(given.stderr)")
        #expect(given.stdout.contains("1. Maltby Joinery Ltd: 18.00"))
        // Without --no-input, an old tender's method and scale are asked (here through a pipe) and recorded.
        let asked = try run(header + strong, tender: "old-tender.json", output: "asked", input: "2\n0.2\n1\n")
        #expect(asked.status == 0, "\(asked.stdout)\(asked.stderr)")
        #expect(asked.stdout.replacingOccurrences(of: "\n", with: " ").contains("relative to a target of £0.20 per £1"))
        let recorded = try String(contentsOf: url("method.yaml"), encoding: .utf8)
        #expect(recorded.contains("method: {method: relativeToTarget, targetPerPound: \"0.2\"}") && recorded.contains("scale: zeroToFive"))
        let changed = try run("method: {method: relativeToHighest}\n" + header + strong, tender: "tender.json", output: "changed")
        #expect(changed.status == 1)
        #expect(changed.stderr.replacingOccurrences(of: "\n", with: " ").contains("Bids are scored by the method published with the tender"))
    }
}

extension EvaluateCommandTests {
    @Test("at a terminal: the panel names its evaluators, clarifies the inflated offer, each evaluator scores each bid, the panel agrees; it can stop and carry on")
    func wizard() throws {
        let environment = runner.terminalEnvironment.merging(["COLUMNS": "250"]) { $1 }
        // A pseudo-terminal runs in the tests' folder, so every path is given in full.
        let arguments = ["evaluate", "--tender", url("tender.json").path] + ["strong", "inflated", "thin", "copy"].map { url("\($0).svbundle.zip").path }
            + ["--scores", url("panel.yaml").path, "--output", url("record").path]
        let first = try PseudoTerminal(arguments: arguments, environment: environment, columns: 250)
        try first.waitFor("Left out: copy.svbundle.zip: The same bundle as strong.svbundle.zip")
        try first.answer("Who is on the evaluation panel?", "Priya Shah, Tom Hughes")
        try first.waitFor("This offer looks unrealistic:")
        try first.answer("What did you ask Big Promises Ltd?", "How will you fill 1,000 weeks of apprenticeships?")
        first.type("\r")
        try first.answer("What did Big Promises Ltd answer?", "We hope to find the apprentices.")
        first.type("\r")
        try first.answer("What did the panel decide?", "reject")
        try first.answer("Why did the panel decide that?", "None of it is evidenced.")
        first.type("\r")
        try first.answer("Priya Shah: your score for Maltby Joinery Ltd", "quit")
        #expect(try first.waitForExit() == 0)
        let saved = try String(contentsOf: url("panel.yaml"), encoding: .utf8)
        #expect(saved.contains("evaluators: [\"Priya Shah\", \"Tom Hughes\"]") && saved.contains("decision: reject"))
        #expect(!FileManager.default.fileExists(atPath: url("record").path))

        // Carried on with the same command: only what is missing is asked.
        let second = try PseudoTerminal(arguments: arguments, environment: environment, columns: 250)
        for (evaluator, marks) in [("Priya Shah", ["4", "6", "2", "3"]), ("Tom Hughes", ["5", "2", "3"])] {
            for (supplier, score) in zip(["Maltby Joinery Ltd", "Big Promises Ltd", "Thin Offer Ltd"], marks.filter { $0 != "6" }) {
                if marks.contains("6") && supplier == "Maltby Joinery Ltd" {
                    try second.answer("\(evaluator): your score for \(supplier)", "6")
                    try second.waitFor("Give one of the scale's scores: 0, 1, 2, 3, 4, 5.")
                    second.type("\(score)\r")
                } else {
                    try second.answer("\(evaluator): your score for \(supplier)", score)
                }
                try second.answer("Why that score?", "\(evaluator) on \(supplier).", occurrences: 1)
                second.type("\r")
                try second.waitFor("\(evaluator) on \(supplier).")
            }
        }
        try second.waitFor("Maltby Joinery Ltd: the individual scores are Priya Shah 4, Tom Hughes 5.")
        for (supplier, score) in [("Maltby Joinery Ltd", "4"), ("Big Promises Ltd", "2"), ("Thin Offer Ltd", "3")] {
            try second.answer("The panel's agreed score for \(supplier)?", score)
            try second.answer("The panel's rationale for that score?", "Agreed for \(supplier).")
            second.type("\r")
            try second.waitFor("Agreed for \(supplier).")
        }
        try second.waitFor("The record is in")
        #expect(try second.waitForExit() == 0)
        // Each bid's written answer is shown before its first score; the 0 to 5 scale once, not before all six scores.
        let screen = second.screen
        for (supplier, file) in [("Maltby Joinery Ltd", "strong"), ("Big Promises Ltd", "inflated"), ("Thin Offer Ltd", "thin")] {
            #expect(screen.components(separatedBy: "\(supplier)'s written answer (also response.txt inside \(file).svbundle.zip):").count == 2, "\(supplier)")
        }
        #expect(screen.contains("Delivery plan:"))
        #expect(screen.components(separatedBy: "Serious reservations: The answer addresses").count == 2, "the scale is printed once")
        #expect(screen.contains("Type ? to see its written answer again."))
        let record = String(decoding: try Data(contentsOf: url("record/evaluation.md")), as: UTF8.self)
        #expect(record.contains("- Priya Shah: 4. Priya Shah on Maltby Joinery Ltd."))
        #expect(record.contains("- Tom Hughes: 5. Tom Hughes on Maltby Joinery Ltd."))
        #expect(record.contains("- Agreed: 4 out of 5, 8.00 marks. Agreed for Maltby Joinery Ltd."))
        #expect(record.contains("- Decision: reject: None of it is evidenced."))
        // The rejected offer counts for nothing; the strong bid's £26,002.94 is £0.0578 per £1: 2.31 of 10 marks.
        #expect(record.contains("| 1 | Maltby Joinery Ltd | £26,002.94 | £0.06 per £1 | 2.31 | 8.00 | 10.31 |"))
        #expect(record.contains("| 2 | Thin Offer Ltd | not valued | £0.00 per £1 | 0.00 | 6.00 | 6.00 |"))
        #expect(record.contains("| 3 | Big Promises Ltd | not valued | £0.00 per £1 | 0.00 | 4.00 | 4.00 |"))
    }
}

extension EvaluateCommandTests {
    @Test("two different bundles from one supplier: both are left out until the supplier says which is its bid; a single bid is first")
    func sameSupplier() throws {
        try bid("strong-again", name: "Maltby Joinery Ltd", commitments: """
              TOM10: {quantity: [52, 52], delivery: One apprentice., evidence: Timesheets.}
            """, measures: "TOM10")
        let scores = "version: 1\nevaluators: [Priya Shah]\nbids:\n"
            + "  - file: thin.svbundle.zip\n    scores: [{evaluator: Priya Shah, score: 3, reason: Sound.}]\n    agreed: {score: 3, reason: Sound.}\n"
        _ = try runner.file("same.yaml", scores)
        let result = try runner.run(["evaluate", "--tender", "tender.json", "strong.svbundle.zip", "strong-again.svbundle.zip", "thin.svbundle.zip",
                                     "--scores", "same.yaml", "--output", "same", "--no-input"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = result.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(summary.contains("Evaluated 1 of 3 bundles"))
        #expect(summary.contains("1. Thin Offer Ltd: 6.00"))
        #expect(summary.contains("Maltby Joinery Ltd sent more than one different bundle (strong.svbundle.zip, strong-again.svbundle.zip)"))
    }
}

extension EvaluateCommandTests {
    @Test("local spend at or above the share of the contract's value the council sets is questioned; with none set, it is not")
    func localSpendNearContractValue() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = url("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for folder in ["Questionnaires", "Guidance"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent(folder), to: data.appendingPathComponent(folder))
        }
        let framework = data.appendingPathComponent("Questionnaires/framework.yaml")
        let text = try String(contentsOf: framework, encoding: .utf8)
        try text.replacingOccurrences(of: "  # questionLocalSpendFrom: \"80\"", with: "  questionLocalSpendFrom: \"0.4\"")
            .write(to: framework, atomically: true, encoding: .utf8)
        _ = try runner.file("scores.yaml", Self.scores)
        let arguments = ["evaluate", "--tender", "tender.json", "strong.svbundle.zip", "inflated.svbundle.zip", "thin.svbundle.zip",
                         "--scores", "scores.yaml", "--no-input"]
        // Thin Offer's £2,000 of local spend is 0.44% of the £450,000 contract.
        let questioned = try runner.run(["--data", data.path] + arguments + ["--output", "questioned"])
        #expect(questioned.status == 1)
        #expect(questioned.stderr.replacingOccurrences(of: "\n", with: " ")
            .contains("thin.svbundle.zip: the offer needs a clarification about TOM18 before it is scored: Local spend of £2,000 is 0.4% of the contract's value, at or above the 0.4% the council questions."))
        #expect(try runner.run(arguments + ["--output", "unquestioned"]).status == 0)
    }
}

/// Checks a file against a published schema with an independent validator (Python's jsonschema).
enum SchemaCheck {
    static func run(_ schema: String, _ file: URL) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Tests/SubmissionTests/validate_schema.py").path,
                             root.appendingPathComponent("Questionnaires/schemas").path, schema, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }
}

@Suite("The commissioners' workshop exercise", .serialized)
struct EvaluationExerciseTests {
    @Test("workshop bids writes a tender that records its scoring and three bids; the facilitator's answer gives the marks in the guide")
    func exercise() throws {
        let runner = BinaryRunner()
        let bids = try runner.run(["workshop", "bids", "thermal-works"])
        #expect(bids.status == 0, "\(bids.stderr)")
        #expect(bids.stdout.contains("svwizard evaluate --tender tender.json bids/*.zip --scores panel.yaml -o evaluation\n"))
        let place = runner.home.appendingPathComponent("svwizard-practice/thermal-works")
        _ = try runner.file("facilitator.yaml", """
            version: 1
            evaluators: [Facilitator]
            bids:
              - file: maltby-joinery.svbundle.zip
                scores: [{evaluator: Facilitator, score: 4, reason: Specific and evidenced.}]
                agreed: {score: 4, reason: Specific and evidenced.}
              - file: big-promises.svbundle.zip
                scores: [{evaluator: Facilitator, score: 2, reason: Minor reservations.}]
                agreed: {score: 2, reason: Minor reservations.}
                clarifications:
                  - {measure: TOM6, question: How will twenty hires be found?, answer: One placement is confirmed.,
                     decision: adjust, adjustedQuantity: 1, reason: One hire is evidenced.}
              - file: thin-offer.svbundle.zip
                scores: [{evaluator: Facilitator, score: 3, reason: Sound but narrow.}]
                agreed: {score: 3, reason: Sound but narrow.}
            """)
        let folder = place.appendingPathComponent("bids")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".svbundle.zip") }.sorted()
        #expect(files == ["big-promises.svbundle.zip", "maltby-joinery.svbundle.zip", "thin-offer.svbundle.zip"])
        let result = try runner.run(["evaluate", "--tender", place.appendingPathComponent("tender.json").path]
            + files.map { folder.appendingPathComponent($0).path } + ["--scores", "facilitator.yaml", "--output", "answer", "--no-input"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = result.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(summary.contains("1. Maltby Joinery Ltd: 18.00"))
        #expect(summary.contains("2. Big Promises Ltd: 14.00"))
        #expect(summary.contains("3. Thin Offer Ltd: 6.00"))
        // The guide's table says the same.
        let guide = try runner.run(["guide", "thermal-works"]).stdout
        #expect(guide.contains("18.00") && guide.contains("14.00") && guide.contains("6.00"))
    }
}

extension EvaluateCommandTests {
    @Test("a clarification may only lower a committed line: negative, above the bid, or a measure the bid does not commit to is refused", arguments: [
        ("adjustedQuantity: 104", "adjustedQuantity: -1", "TOM10 is adjusted to -1; an adjustment can only lower a line"),
        ("adjustedQuantity: 104", "adjustedQuantity: 1001", "TOM10 is adjusted to 1001; an adjustment can only lower a line"),
        ("adjustedQuantity: 104", "adjustedQuantity: 9999999999999", "an adjustment can only lower a line"),
        ("- measure: TOM10", "- measure: TOM31", "the clarification is about TOM31, which the bid does not commit to"),
    ])
    func adjustmentLimits(from: String, to: String, message: String) throws {
        let result = try evaluate(Self.scores.replacingOccurrences(of: from, with: to), output: "refused")
        #expect(result.status != 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.flattened.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: runner.home.appendingPathComponent("refused").path))
    }
}
