import Foundation
import Testing

/// The conventions users and packagers expect of a command-line tool: no escape codes on a
/// dumb terminal, nothing split mid-word on a narrow one, refusals on standard error, the
/// documented exit statuses, and shell completion that completes things.
@Suite("Terminal conventions", .serialized)
struct TerminalConventionTests {
    let fixture = try! RespondFixture()
    var runner: BinaryRunner { fixture.runner }

    @Test("TERM=dumb and NO_COLOR: not one escape byte, readline's own codes included", arguments: ["TERM=dumb", "NO_COLOR"])
    func noEscapes(setting: String) throws {
        var environment = runner.terminalEnvironment
        environment["NO_COLOR"] = nil
        if setting == "TERM=dumb" { environment["TERM"] = "dumb" } else { environment["NO_COLOR"] = "1" }
        let menu = try PseudoTerminal(arguments: [], environment: environment)
        try menu.answer("What would you like to do?", "measures")
        try menu.answer("Measure to read", "TOM6")
        try menu.answer("Measure to read", "nonsense", occurrences: 2)
        try menu.waitFor("is not a measure reference")
        menu.type("\r")
        try menu.answer("What would you like to do?", "q", occurrences: 2)
        _ = try menu.waitForExit()
        #expect(!menu.transcript.contains("\u{1B}"), "\(setting): escape codes in the menu: \(menu.transcript.debugDescription.prefix(400))")
        let respond = try PseudoTerminal(arguments: ["respond", "--tender", fixture.tender, "--draft", fixture.draft], environment: environment)
        try respond.answer("What is your organisation's name?", "Acme Joinery")
        try respond.answer("What is your organisation's postcode?", "not a postcode")
        try respond.answer("is not a UK postcode", "review")
        try respond.answer("Type finish, edit", "quit")
        _ = try respond.waitForExit()
        #expect(!respond.transcript.contains("\u{1B}"), "\(setting): escape codes in the review: \(respond.transcript.debugDescription.prefix(400))")
    }

    /// Lines wider than `width` that could have been broken at a space: a word split by the terminal.
    static func splitLines(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n").map(String.init).filter { line in
            // A line of one word (a long file path or web address) cannot be broken at a space.
            line.count > width && line.trimmingCharacters(in: .whitespaces).contains(" ")
        }
    }

    @Test("at 40 and 60 columns nothing is split mid-word: measures, a review, --help", arguments: [40, 60])
    func narrow(columns: Int) throws {
        let environment = ["COLUMNS": "\(columns + 1)"]
        let measures = try runner.run(["measures"], extraEnvironment: environment)
        #expect(Self.splitLines(measures.stdout, width: columns).isEmpty, "\(Self.splitLines(measures.stdout, width: columns))")
        let measure = try runner.run(["measures", "TOM6"], extraEnvironment: environment)
        #expect(Self.splitLines(measure.stdout, width: columns).isEmpty, "\(Self.splitLines(measure.stdout, width: columns))")
        let input = (RespondFixture.supplier + RespondFixture.rest).joined(separator: "\n") + "\n"
        let review = try runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft], input: input, extraEnvironment: environment)
        let echoed = Set((RespondFixture.supplier + RespondFixture.rest).map { "Answer: \($0)" })
        let reviewLines = Self.splitLines(review.stdout, width: columns).filter { !echoed.contains($0) && !$0.hasPrefix("Answer") }
        #expect(reviewLines.isEmpty, "\(reviewLines)")
        for command in [[], ["respond"], ["validate"], ["workshop"], ["measures"], ["values", "import"]] {
            let help = try runner.run(command + ["--help"], extraEnvironment: environment)
            let split = Self.splitLines(help.stdout, width: columns)
            #expect(split.isEmpty, "\(command): \(split)")
        }
    }

    @Test("at 40, 60 and 100 columns every --help, every usage error and a wizard's error fit the width, broken at words", arguments: [40, 60, 100])
    func everyHelpFits(columns: Int) throws {
        let environment = ["COLUMNS": "\(columns + 1)"]
        let paths = try runner.commandPaths()
        #expect(paths.count > 25, "\(paths)")
        for path in paths {
            let help = try runner.run(path + ["--help"], extraEnvironment: environment)
            #expect(help.status == 0)
            #expect(Self.splitLines(help.stdout, width: columns).isEmpty, "\(path): \(Self.splitLines(help.stdout, width: columns))")
            let wrong = try runner.run(path + ["--no-such-option"], extraEnvironment: environment)
            #expect(wrong.status == 64, "\(path)")
            #expect(Self.splitLines(wrong.stderr, width: columns).isEmpty, "\(path): \(Self.splitLines(wrong.stderr, width: columns))")
        }
        let wizard = try runner.run(["report", "--year", "20x5"], extraEnvironment: environment)
        #expect(wizard.status == 64 && Self.splitLines(wizard.stderr, width: columns).isEmpty, "\(wizard.stderr)")
        let guide = try runner.run(["guide"], extraEnvironment: environment)
        #expect(Self.splitLines(guide.stdout, width: columns).isEmpty, "\(guide.stdout)")
    }

    @Test("a wrapped --help example keeps a hanging indent under its command")
    func helpHangingIndent() throws {
        let help = try runner.run(["workshop", "--help"], extraEnvironment: ["COLUMNS": "61"])
        #expect(help.stdout.contains("  svwizard workshop start thermal-works --as supplier\n      open it in the supplier's wizard"), "\(help.stdout)")
    }

    @Test("refusals go to standard error, results to standard output")
    func streams() throws {
        let unfinished = try runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft], input: "Acme Joinery\nquit\n")
        #expect(unfinished.status == 0)
        let export = try runner.run(["export", fixture.draft])
        #expect(export.status == 1)
        #expect(export.stderr.contains("Not exported:") && !export.stdout.contains("Not exported"))
        let answers = try runner.file("partial.yaml", "supplier: {name: Acme}\nnot.a.question: 1\n")
        let noInput = try runner.run(["respond", "--tender", fixture.tender, "--draft", runner.home.appendingPathComponent("b.svdraft.json").path,
                                      "--answers", answers, "--no-input"])
        #expect(noInput.stderr.contains("These answers are missing") && !noInput.stdout.contains("These answers are missing"))
        #expect(noInput.stderr.contains("not.a.question"))
        let unknown = try runner.run(["measures", "TOM99"])
        #expect(unknown.status == 1 && !unknown.stderr.isEmpty)
        let validate = try runner.run(["validate", "nowhere.svbundle.zip", "--tender", "missing.json"])
        #expect(validate.status == 2 && validate.stderr.contains("There is no tender file"))
    }

    @Test("every row of the exit-status table, from the real binary", arguments: [0, 1, 2, 3, 4, 64])
    func exitStatus(code: Int32) throws {
        switch code {
        case 0: #expect(try runner.run(["measures"]).status == 0)
        case 1: #expect(try runner.run(["measures", "TOM99"]).status == 1)
        case 2: #expect(try runner.run(["validate", "nowhere.svbundle.zip"]).status == 2)
        case 3:
            let result = try runner.run(["measures"], extraEnvironment: ["SVWIZARD_DATA": "/nonexistent-svwizard-data"])
            #expect(result.status == 3, "\(result.stderr)")
        case 4:
            let bundle = try otherVersionBundle()
            let result = try runner.run(["validate", bundle])
            #expect(result.status == 4, "\(result.stdout)")
            #expect(result.stdout.contains("could not be confirmed"))
        default:
            #expect(try runner.run(["measures", "--nonsense"]).status == 64)
            let help = try runner.run(["help", "nonsense"])
            #expect(help.status == 64 && help.stderr.contains("there is no command \"nonsense\""))
            #expect(try runner.run(["help", "workshop", "start"]).status == 0)
        }
    }

    /// A bundle whose response.md was edited, with its manifest rewritten to claim another
    /// svwizard version (made with Python's zipfile, as someone might by hand).
    func otherVersionBundle() throws -> String {
        _ = try runner.run(["workshop", "example", "thermal-works", "--folder", runner.home.path])
        let original = runner.home.appendingPathComponent("thermal-works/model.svbundle.zip").path
        let edited = runner.home.appendingPathComponent("edited.svbundle.zip").path
        let script = """
            import hashlib, json, sys, zipfile
            source, target = sys.argv[1], sys.argv[2]
            files = {}
            with zipfile.ZipFile(source) as z:
                for name in z.namelist(): files[name] = z.read(name)
            files["response.md"] = files["response.md"].replace(b"Maltby", b"Rotherham")
            manifest = json.loads(files["manifest.json"])
            manifest["toolVersion"] = "9.9.9"
            for entry in manifest["files"]:
                data = files[entry["name"]]
                entry["size"] = len(data); entry["sha256"] = hashlib.sha256(data).hexdigest()
            files["manifest.json"] = json.dumps(manifest).encode()
            with zipfile.ZipFile(target, "w") as z:
                for name, data in files.items(): z.writestr(name, data)
            """
        let path = try runner.file("edit.py", script)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path, original, edited]
        try process.run()
        process.waitUntilExit()
        return edited
    }

    @Test("bash completion completes files by kind, guide topics, measures and scenarios")
    func bashCompletion() throws {
        let script = try runner.run(["--generate-completion-script", "bash"]).stdout
        _ = try runner.file("completion.bash", script)
        for name in ["a.svbundle.zip", "b.svdraft.json", "tender.json", "notes.txt"] { _ = try runner.file("files/\(name)", "") }
        let harness = """
            source ../completion.bash
            complete_line() {
              COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
              read -ra COMP_WORDS <<< "$1"
              if [[ "$1" == *" " ]]; then COMP_WORDS+=(""); fi
              COMP_WORDS[0]="\(BinaryRunner.binary.path)"
              COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
              COMPREPLY=()
              _svwizard svwizard "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
              echo "$1 => ${COMPREPLY[*]}"
            }
            complete_line "svwizard guide dou"
            complete_line "svwizard measures TOM1"
            complete_line "svwizard workshop start th"
            complete_line "svwizard validate "
            complete_line "svwizard export "
            complete_line "svwizard respond --tender ten"
            """
        let path = try runner.file("files/harness.sh", harness)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [path]
        process.currentDirectoryURL = runner.home.appendingPathComponent("files")
        process.environment = runner.environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("svwizard guide dou => double-counting"), "\(text)")
        #expect(text.contains("svwizard measures TOM1 => TOM1 TOM10 TOM12"), "\(text)")
        #expect(text.contains("svwizard workshop start th => thermal-works"), "\(text)")
        #expect(text.contains("svwizard validate  => a.svbundle.zip\n"), "\(text)")
        #expect(text.contains("svwizard export  => b.svdraft.json tender.json"), "\(text)")
        #expect(text.contains("svwizard respond --tender ten => tender.json"), "\(text)")
    }

    @Test("zsh and fish completion scripts offer files by kind and ask svwizard for topics, measures and scenarios", arguments: ["zsh", "fish"])
    func otherShells(shell: String) throws {
        let script = try runner.run(["--generate-completion-script", shell]).stdout
        #expect(script.contains("zip"))
        for command in ["guide", "measures", "workshop start"] {
            #expect(script.contains("---completion \(command) -- positional@0"), "\(shell): \(command)")
        }
        // What those scripts run when Tab is pressed.
        let topics = try runner.run(["---completion", "guide", "--", "positional@0", "2", "3", "svwizard", "guide", "dou"])
        #expect(topics.stdout.contains("double-counting"), "\(topics.stdout)\(topics.stderr)")
    }
}
