import Foundation
import Testing

@Suite("svwizard assess, run as a program", .serialized)
struct AssessCommandTests {
    @Test("a whole assessment at a terminal, with readline: route rules, recommendations, files written")
    func terminal() throws {
        let runner = BinaryRunner()
        let draft = runner.home.appendingPathComponent("assessment.svdraft.json").path
        let terminal = try PseudoTerminal(arguments: ["assess", "--draft", draft], environment: runner.terminalEnvironment)
        try terminal.answer("What is the contract called?", "School kitchen refit")
        try terminal.answer("What is the procurement reference?", "RMBC-2025-077")
        try terminal.answer("Which directorate is buying?", "Children and Young People")
        try terminal.answer("Who is the commissioner?", "B. Officer")
        try terminal.answer("What is being bought?", "wo\t")          // Tab completes "works"
        try terminal.answer("estimated total value", "£250,000.01")
        try terminal.answer("How many years", "1")
        try terminal.answer("expected to start", "2025-09-01")
        try terminal.waitFor("How will you buy it?")
        #expect(terminal.screen.replacingOccurrences(of: "\n", with: " ").contains("Suppliers provide a delivery plan. (The value is over £250,000"))
        terminal.type("tender\r")
        try terminal.answer("How many people (FTE)", "0")
        try terminal.answer("subcontract", "yes")
        try terminal.answer("apprentices, trainees or placements", "no")
        try terminal.answer("schools or young people", "yes")
        try terminal.answer("carbon-intensive", "no")
        try terminal.answer("scope for the supplier to give donations", "no")
        try terminal.waitFor("TOM18: there is subcontracting")
        try terminal.waitFor("Answer [")
        let screen = terminal.screen
        #expect(!screen.contains("TOM1: people will work on the contract"), "no people, no jobs measures")
        try terminal.answer("Which measures will the tender adopt?", "")
        try terminal.answer("split into lots", "no")
        // No lots, so how to split them is not asked.
        try terminal.answer("Which local suppliers", ".")
        try terminal.answer("market engagement", "yes")
        try terminal.answer("one-to-one support", "yes")
        try terminal.answer("co-designed", "yes")
        try terminal.answer("lived experience", "yes")
        try terminal.answer("Keep It Local principles", "all")
        try terminal.answer("community wealth building pillars", "4")
        try terminal.answer("notes on the principles", ".")
        try terminal.answer("real living wage in scope", "no")
        try terminal.answer("How will the quantitative offer", "2")
        try terminal.answer("What is the target", "")           // Enter takes the cited starting point, £0.25
        try terminal.answer("Which scale", "1")
        // No default: the only pack here is the illustrative workshop pack, for training only.
        try terminal.answer("Which value pack", "workshop")
        try terminal.answer("training exercise?", "yes")
        try terminal.waitFor("Type finish, edit")
        terminal.type("finish\r")
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.screen.replacingOccurrences(of: "\n", with: " ").contains("svwizard respond --tender"))
        #expect(!terminal.screen.contains("How would you split it?"))
        let tender = try String(contentsOf: runner.home.appendingPathComponent("tender.json"), encoding: .utf8)
        #expect(tender.contains("\"deliveryDocument\" : \"deliveryPlan\""))
        #expect(tender.contains("\"TOM8\"") && tender.contains("\"TOM18\"") && !tender.contains("\"TOM1\""))
        #expect(FileManager.default.fileExists(atPath: runner.home.appendingPathComponent("assessment.html").path))
        #expect(try String(contentsOf: runner.home.appendingPathComponent("assessment.md"), encoding: .utf8)
            .contains("This pack is illustrative. The tender is recorded as a training exercise."))
        #expect(tender.contains("\"training\" : true"))
    }

    @Test("assess from an answers file, then respond --tender through a pipe and export: the lifecycle's two halves meet")
    func lifecycle() throws {
        let runner = BinaryRunner()
        let answers = try runner.file("assessment.yaml", Self.answers(
            value: "300000", scoring: "{method: bands, bands: \"0.05 25%, 0.10 50%, 0.20 100%\", scale: percentBands}"))
        let assess = try runner.run(["assess", "--answers", answers, "--no-input"])
        #expect(assess.status == 0, "\(assess.stdout)\(assess.stderr)")
        let input = ["Acme", "S60 1AE", "small", "company", "4", "1", "some", "TOM10", "52", "Apprentice from month 1.", ".", "",
                     "Timesheets.", ".", "Month 1: start.", ".", "finish"].joined(separator: "\n") + "\n"
        let respond = try runner.run(["respond", "--tender", "tender.json"], input: input)
        #expect(respond.status == 0, "\(respond.stdout)")
        #expect(respond.stdout.contains("  TOM10 ") && respond.stdout.contains("  TOM18 ") && !respond.stdout.contains("TOM6 "))
        #expect(!respond.stdout.contains("1.  TOM10"), "no position numbers in the measure menu")
        #expect(respond.stdout.contains("You chose 1 measure: TOM10 Apprenticeships."))
        let export = try runner.run(["export", "RMBC-1.svdraft.json", "-o", "RMBC-1.svbundle.zip"])
        #expect(export.status == 0, "\(export.stdout)")
        #expect(try runner.run(["validate", "RMBC-1.svbundle.zip"]).status == 0)
    }

    /// An assessment's answers: a 1-year works contract of `value` adopting TOM10 and TOM18.
    static func answers(value: String, pack: String = "workshop", training: String? = "yes",
                        scoring: String? = "{method: relativeToHighest, scale: zeroToFive}") -> String {
        """
        contract: {title: Works, reference: RMBC-1, directorate: Housing, commissioner: A, category: works, value: "\(value)",
                   years: 1, startDate: 2025-04-01}
        route: tender
        fit: {people: 4, subcontracting: yes, apprenticeships: yes, schools: no, carbon: no, vcse: no}
        measures: [TOM10, TOM18]
        market: {lots: no, engagement: yes, support: yes, coDesign: yes, livedExperience: yes}
        principles: {keepItLocal: all, communityWealthBuilding: none}
        livingWage: {inScope: no}
        """ + (scoring.map { "\nscoring: \($0)" } ?? "")
            + "\nvaluePack: \(pack)" + (training.map { "\ntraining: \($0)" } ?? "") + "\n"
    }

    @Test("a real tender cannot use the illustrative workshop pack; a training exercise can, and says so in the tender file")
    func illustrativePackOnlyInTraining() throws {
        let runner = BinaryRunner()
        let real = try runner.run(["assess", "--answers", try runner.file("real.yaml", Self.answers(value: "300000", training: "no")), "--no-input"])
        #expect(real.status != 0)
        let said = (real.stdout + real.stderr).replacingOccurrences(of: "\n", with: " ")
        #expect(said.contains("The workshop pack's values are illustrative, for training only, so a real tender cannot use them"), "\(said)")
        #expect(!FileManager.default.fileExists(atPath: runner.home.appendingPathComponent("tender.json").path))
        // Left unsaid, the choice is asked for: nothing is assumed.
        let unsaid = try runner.run(["assess", "--answers", try runner.file("unsaid.yaml", Self.answers(value: "300000", training: nil)), "--no-input",
                                     "--draft", runner.home.appendingPathComponent("unsaid.svdraft.json").path])
        #expect(unsaid.status != 0 && (unsaid.stdout + unsaid.stderr).contains("training: "), "\(unsaid.stdout)\(unsaid.stderr)")
        let training = try runner.run(["assess", "--answers", try runner.file("training.yaml", Self.answers(value: "300000")), "--no-input",
                                       "--draft", runner.home.appendingPathComponent("training.svdraft.json").path])
        #expect(training.status == 0, "\(training.stdout)\(training.stderr)")
        let tender = try String(contentsOf: runner.home.appendingPathComponent("tender.json"), encoding: .utf8)
        #expect(tender.contains("\"training\" : true") && tender.contains("\"illustrative\" : true"))
    }

    @Test("no social value weighting at or under £100,000: no scoring questions and no weighting in the tender file; one penny over, both", arguments: [
        ("100000", false), ("£100,000.00", false), ("100000.01", true),
    ])
    func weightingOnlyOverThreshold(value: String, weighted: Bool) throws {
        let runner = BinaryRunner()
        let result = try runner.run(["assess", "--answers", try runner.file("a.yaml", Self.answers(value: value, scoring: nil)), "--no-input"])
        if weighted {
            // Over the threshold the scoring method must be chosen.
            #expect(result.status != 0 && (result.stdout + result.stderr).contains("scoring.method"), "\(result.stdout)\(result.stderr)")
        } else {
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            let tender = try String(contentsOf: runner.home.appendingPathComponent("tender.json"), encoding: .utf8)
            #expect(!tender.contains("\"scoring\"") && !tender.contains("weighting"), "\(tender)")
            let record = try String(contentsOf: runner.home.appendingPathComponent("assessment.md"), encoding: .utf8)
            #expect(record.contains("No social value weighting applies"))
        }
    }
}
