import Foundation
import Testing

/// A small, repeatable random source (SplitMix64), so a failing fuzz run can be replayed
/// from its seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Seeded fuzzing through the real binary: random lines typed into the wizards at a
/// pseudo-terminal, and mutated answers files. Each run is bounded in time; it asserts no
/// crash, no hang and bounded memory. Set SVWIZARD_FUZZ_SEED to replay or vary a run.
@Suite("Fuzzing the wizards", .serialized)
struct FuzzTests {
    static let seed = UInt64(ProcessInfo.processInfo.environment["SVWIZARD_FUZZ_SEED"] ?? "") ?? 20_261_125

    /// Lines a person (or a cat on the keyboard) might type.
    static let words = ["back", "review", "save", "?", "? TOM10", "edit", "edit 3", "finish", "", "0", "-1", "52", "2.5 FTE",
                        "£1.2m", "£180k", "1,000", "1 April 2026", "31/02/2025", "all", "none", "TOM10, TOM18", "1, 10",
                        "S60 1AE", "small", "company", "yes", "no", "some", "99999999999999999999999", ".", "n", "y",
                        "workshop", "TOM 4a", "apprenticeships", "local jobs", "1e308", "NaN", "\u{1B}[A", "\u{1B}[B",
                        "\t", "\u{12}x", "\u{1D}\u{1B}\u{10}", "\u{18}(", "\u{1B}5", "\u{16}\u{7}", "\u{13}", "save\u{13}"]

    static func line(_ random: inout SeededRandom) -> String {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: // random bytes, control characters included (never Ctrl-C, Ctrl-D or Ctrl-Z, which end or stop the run)
            return String(String.UnicodeScalarView((0..<Int.random(in: 1...40, using: &random)).compactMap { _ in
                let value = UInt32.random(in: 1...0x24F, using: &random)
                return [3, 4, 26, 28, 13, 10].contains(value) ? nil : UnicodeScalar(value)
            }))
        case 1: // a long line
            return String(repeating: "x", count: Int.random(in: 300...6_000, using: &random))
        default:
            return words.randomElement(using: &random)!
        }
    }

    /// Types `count` seeded lines into the wizard `start` starts at a pseudo-terminal, starting it
    /// again with `restart` whenever it finishes or quits, within `seconds`: every line is answered
    /// before the next (a hang is recorded), memory is sampled, and an exit must be 0 or 1. Returns
    /// the lines typed and the wizard, running; nil when it hung or failed (already recorded).
    func typeSeededLines(_ name: String, count: Int, seconds: TimeInterval, seed: UInt64, start: () throws -> PseudoTerminal,
                         restart: () throws -> PseudoTerminal) throws -> (typed: Int, terminal: PseudoTerminal)? {
        var random = SeededRandom(seed: seed)
        var terminal = try start()
        // The time starts once the wizard has started and waits for its first answer (a busy machine starts it slowly).
        terminal.waitUntilIdle(timeout: 60)
        let deadline = Date().addingTimeInterval(seconds)
        var typed = 0
        var peak = 0
        while typed < count && Date() < deadline {
            terminal.type(Self.line(&random) + "\r")
            typed += 1
            // Each line is read and answered before the next, so every line is really tried.
            if !terminal.waitUntilIdle(timeout: 20) && terminal.exitStatusIfEnded() == nil {
                Issue.record("\(name) hung after line \(typed) (seed \(seed)): \(terminal.screen.suffix(2_000))")
                return nil
            }
            if typed % 50 == 0, let memory = terminal.residentKilobytes() { peak = max(peak, memory) }
            if let status = terminal.exitStatusIfEnded() {
                #expect([0, 1].contains(status), "\(name) ended with \(status) after line \(typed) (seed \(seed)): \(terminal.screen.suffix(2_000))")
                if ![0, 1].contains(status) { return nil }
                terminal = try restart()
            }
        }
        #expect(peak < 300_000, "\(name) grew to \(peak) KB (seed \(seed))")
        if terminal.exitStatusIfEnded() != nil || !terminal.isRunning {
            terminal = try restart()
            terminal.waitUntilIdle()
        }
        return (typed, terminal)
    }

    /// Types `count` seeded lines into `command` at a pseudo-terminal, restarting it with
    /// --resume whenever it finishes or quits, within `seconds`. Returns the lines typed.
    func fuzzWizard(_ command: String, count: Int, seconds: TimeInterval, seed: UInt64) throws -> Int {
        let runner = BinaryRunner()
        let draft = runner.home.appendingPathComponent("fuzz.svdraft.json").path
        guard let (typed, terminal) = try typeSeededLines(command, count: count, seconds: seconds, seed: seed, start: {
            try PseudoTerminal(arguments: [command, "--draft", draft], environment: runner.terminalEnvironment, columns: 60)
        }, restart: {
            try PseudoTerminal(arguments: [command, "--resume", draft], environment: runner.terminalEnvironment, columns: 60)
        }) else { return 0 }
        // Still alive and answering: Ctrl-C asks before leaving, and leaving works.
        Thread.sleep(forTimeInterval: 0.3)
        terminal.pump(milliseconds: 50)
        terminal.type("\u{3}")
        let leaving = terminal.screen.components(separatedBy: "Save your answers and leave?").count
        try terminal.waitFor("Save your answers and leave?", occurrences: leaving, timeout: 30)
        terminal.type("y\r")
        let status = try terminal.waitForExit(timeout: 30)
        #expect([0, 130].contains(status), "after fuzzing (seed \(seed)): \(status)")
        return typed
    }

    /// Types `count` seeded lines into a wizard made by code (deliver, track review, the
    /// evaluation panel), started with `arguments` in `folder` and started again the same way
    /// whenever it ends, within `seconds`; then Ctrl-C must end it. Returns the lines typed.
    func fuzzSlotWizard(_ arguments: [String], runner: BinaryRunner, folder: URL, environment extra: [String: String],
                        count: Int, seconds: TimeInterval, seed: UInt64) throws -> Int {
        let environment = runner.terminalEnvironment.merging(extra) { $1 }
        func start() throws -> PseudoTerminal {
            try PseudoTerminal(arguments: arguments, environment: environment, columns: 60, directory: folder)
        }
        guard let (typed, terminal) = try typeSeededLines(arguments[0], count: count, seconds: seconds, seed: seed, start: start, restart: start)
        else { return 0 }
        // Still alive and answering: Ctrl-C leaves, at once or (with text typed on the line) after asking.
        terminal.waitUntilIdle(timeout: 20, settle: 0.3)
        let asked = terminal.screen.components(separatedBy: "Leave anyway?").count
        terminal.type("\u{3}")
        if (try? terminal.waitFor("Leave anyway?", occurrences: asked, timeout: 5)) != nil {
            terminal.waitUntilIdle(timeout: 5)
            terminal.type("y\r")
        }
        let status = try terminal.waitForExit(timeout: 30)
        #expect([0, 1, 130].contains(status), "after fuzzing \(arguments[0]) (seed \(seed)): \(status) \(terminal.screen.suffix(1_000))")
        return typed
    }

    @Test("random lines into deliver, track review and the evaluation panel at a terminal: no crash, no hang, bounded memory")
    func slotWizardsAtTerminal() throws {
        let examples = HelpExamplesTests()
        let place = try examples.world(examples.runner)
        let today = HelpExamplesTests.today
        // A return to review: the quarter's answers file made into a return and imported.
        let made = try examples.runner.run(["deliver", "--contract", "RMBC-2026-017.svcontract.json", "--answers", "q1.yaml", "--no-input"],
                                           extraEnvironment: today, directory: place)
        #expect(made.status == 0, "\(made.stdout)\(made.stderr)")
        let imported = try examples.runner.run(["track", "import", "RMBC-2026-017-2026-27-Q1.svreturn.zip"], extraEnvironment: today, directory: place)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        try "evaluators: [Priya Shah, Tom Hale]\n".write(to: place.appendingPathComponent("panel.yaml"), atomically: true, encoding: .utf8)
        let wizards: [[String]] = [
            ["deliver", "--contract", "RMBC-2026-017.svcontract.json", "--period", "2026-27-Q2"],
            ["track", "review", "RMBC-2026-017"],
            ["evaluate", "--tender", "tender.json", "bids/maltby.svbundle.zip", "bids/bigpromise.svbundle.zip", "bids/thin.svbundle.zip",
             "--scores", "panel.yaml", "--output", "evaluation"],
        ]
        for (index, wizard) in wizards.enumerated() {
            let typed = try fuzzSlotWizard(wizard, runner: examples.runner, folder: place, environment: ["SVWIZARD_TODAY": "2027-06-15"],
                                           count: 250, seconds: 30, seed: Self.seed &+ UInt64(10 + index))
            print("fuzz: \(typed) lines typed into \(wizard[0]) \(wizard[1])")
            #expect(typed >= 50, "only \(typed) lines were typed into \(wizard[0]) in the time")
        }
    }

    @Test("random lines into respond at a terminal: no crash, no hang, bounded memory")
    func respondAtTerminal() throws {
        let typed = try fuzzWizard("respond", count: 2_000, seconds: 60, seed: Self.seed)
        print("fuzz: \(typed) lines typed into respond")
        #expect(typed >= 200, "only \(typed) lines were typed in the time")
    }

    @Test("random lines into assess at a terminal: no crash, no hang, bounded memory")
    func assessAtTerminal() throws {
        let typed = try fuzzWizard("assess", count: 1_000, seconds: 45, seed: Self.seed &+ 1)
        print("fuzz: \(typed) lines typed into assess")
        #expect(typed >= 200, "only \(typed) lines were typed in the time")
    }

    static let answers = """
        supplier:
          name: Acme Joinery
          postcode: S60 1AE
          size: small
          kind: company
          workforce: 5
          newHires: 1
          livingWage: some
        measures: [TOM10, TOM18]
        commitments:
          TOM10:
            quantity: [52, 52]
            delivery: |
              One apprentice joiner from month 1.
              Trained with the college.
            partner: Rotherham College
            evidence: Timesheets.
          TOM18:
            quantity: [40000, 50000]
            delivery: Local merchants.
            evidence: Invoices.
        deliveryPlan: "Month 1: apprentice starts."
        """

    static let fragments = ["&a ", "*a", "[", "]", "{", "}", ": ", "\n", "\n  ", "- ", "'", "\"", "#", "!!binary ", "<<: ", "\u{1B}",
                            "100000000", "-3", "1e999", "\u{0}", "~", "|", ">", "%", "@", "`", "\t", "TOM999", "..."]

    static func mutate(_ text: String, _ random: inout SeededRandom) -> String {
        var characters = Array(text)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = Int.random(in: 0...characters.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0 where !characters.isEmpty: characters.remove(at: min(position, characters.count - 1))
            case 1: characters.insert(contentsOf: fragments.randomElement(using: &random)!, at: position)
            case 2:
                let lines = String(characters).split(separator: "\n", omittingEmptySubsequences: false)
                let picked = lines.randomElement(using: &random) ?? ""
                characters.insert(contentsOf: picked + "\n", at: position)
            case 3: characters.insert(contentsOf: String(repeating: "y", count: Int.random(in: 1...20_000, using: &random)), at: position)
            default: characters.insert(Character(UnicodeScalar(UInt8.random(in: 32...126, using: &random))), at: position)
            }
        }
        return String(characters)
    }

    @Test("mutated answers files: every one is used or refused with a message, never a crash or a hang")
    func mutatedAnswersFiles() throws {
        let fixture = try RespondFixture()
        var random = SeededRandom(seed: Self.seed &+ 2)
        let deadline = Date().addingTimeInterval(90)
        var runs = 0
        while runs < 300 && Date() < deadline {
            let text = Self.mutate(Self.answers, &random)
            let answers = try fixture.runner.file("mutated.yaml", text)
            try? FileManager.default.removeItem(atPath: fixture.draft)
            let result = try fixture.runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft, "--answers", answers,
                                                 "--no-input"], timeout: 20)
            runs += 1
            guard let result else {
                Issue.record("hung on mutation \(runs) (seed \(Self.seed &+ 2)):\n\(text.prefix(2_000))")
                break
            }
            #expect([0, 1, 2].contains(result.status), "exit \(result.status) on mutation \(runs):\n\(text.prefix(2_000))\n\(result.stdout.suffix(2_000))")
            #expect(result.stdout.utf8.count < 200_000, "mutation \(runs) printed \(result.stdout.utf8.count) bytes")
            #expect(!result.stdout.contains("\u{1B}"), "an escape code reached the output on mutation \(runs)")
        }
        #expect(runs >= 100, "only \(runs) mutations ran in the time")
    }
}
