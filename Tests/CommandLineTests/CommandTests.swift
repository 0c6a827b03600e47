import Foundation
import Testing

@Suite("svwizard measures and guide, run as a program")
struct CommandTests {
    let runner = BinaryRunner()

    @Test("measures lists the 18 measures under their themes, from any directory")
    func measures() throws {
        let result = try runner.run(["measures"], directory: URL(fileURLWithPath: "/"))
        #expect(result.status == 0)
        for theme in ["Expanding economic opportunity", "Every child able to fulfil their potential", "Every neighbourhood thriving",
                      "A cleaner, greener local environment"] {
            #expect(result.stdout.contains(theme))
        }
        let references = ["TOM58", "TOM9", "TOM10", "TOM1", "TOM18", "TOM3", "TOM6", "TOM7", "TOM8", "TOM12", "TOM13", "TOM4a",
                          "TOM4", "TOM5a", "TOM28", "TOM15", "TOM16", "TOM31"]
        let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("    TOM") }
        #expect(rows.map { String($0.split(separator: " ")[0]) } == references)
        #expect(!result.stdout.contains("\u{1B}["), "no colour off a terminal")
    }

    @Test("measures REF shows one measure in full; an unknown reference is refused with the list")
    func oneMeasure() throws {
        let result = try runner.run(["measures", "tom12"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("TOM 12: Unpaid work placements"))
        #expect(result.stdout.contains("Placement length: 1 to 6 weeks each"))
        let unknown = try runner.run(["measures", "TOM99"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("There is no measure \"TOM99\". The measures are: TOM58, TOM9"))
    }

    @Test("measures --search and --json")
    func searchAndJSON() throws {
        let search = try runner.run(["measures", "--search", "placement"])
        #expect(search.status == 0)
        #expect(search.stdout.contains("TOM12") && search.stdout.contains("TOM13"))
        let json = try runner.run(["measures", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["measures"] as? [Any])?.count == 18)
        #expect(object["valuePack"] as? String == "workshop")
        let bad = try runner.run(["measures", "TOM6", "--search", "x"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("Give a measure reference or --search, not both."))
    }

    @Test("guide lists topics, renders one without Markdown noise, and refuses an unknown one")
    func guide() throws {
        let list = try runner.run(["guide"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("double-counting") && list.stdout.contains("tom4a"))
        let page = try runner.run(["guide", "keep-it-local"])
        #expect(page.status == 0)
        #expect(page.stdout.contains("Keep It Local\n============="))
        #expect(!page.stdout.contains("**"))
        let unknown = try runner.run(["guide", "doubel"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("There is no guidance topic \"doubel\""))
    }

    @Test("--version prints the tool, framework and pack versions")
    func version() throws {
        let result = try runner.run(["--version"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("svwizard "))
        #expect(lines[1].hasPrefix("framework: Rotherham"))
        #expect(lines[2].hasPrefix("value pack: workshop"))
    }

    @Test("--help reads well on every command", arguments: [
        [], ["measures"], ["guide"], ["values"], ["values", "list"], ["values", "show"], ["values", "import"], ["values", "use"],
    ])
    func help(command: [String]) throws {
        let result = try runner.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: svwizard"))
        #expect(result.stdout.contains("OVERVIEW:"))
        #expect(result.stdout.contains(command == ["values"] ? "SUBCOMMANDS:" : "--data <folder>"))
    }

    @Test("with no command and no terminal, it prints the help, including exit statuses")
    func noArguments() throws {
        let result = try runner.run([])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: svwizard"))
        #expect(result.stdout.contains("130  stopped with Ctrl-C"))
    }

    @Test("an unknown option is a usage error")
    func unknownOption() throws {
        let result = try runner.run(["measures", "--colour"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown option '--colour'"))
    }
}

@Suite("Data folders and value packs, run as a program")
struct DataAndValuesCommandTests {
    let runner = BinaryRunner()

    /// A copy of the built-in data, written out as a council's folder, with one edit.
    func councilFolder(editing path: String, _ edit: (String) -> String) throws -> String {
        let folder = runner.home.appendingPathComponent("council-data")
        let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for sub in ["Questionnaires", "Guidance"] {
            try FileManager.default.copyItem(at: projectRoot.appendingPathComponent(sub), to: folder.appendingPathComponent(sub))
        }
        let url = folder.appendingPathComponent(path)
        try edit(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        return folder.path
    }

    @Test("--data uses a council's folder; a broken file is reported with file and line, exit 3")
    func brokenDataFolder() throws {
        let folder = try councilFolder(editing: "Questionnaires/framework.yaml") {
            $0.replacingOccurrences(of: "measure: TOM16 }", with: "measure: TOM160 }")
        }
        let result = try runner.run(["measures", "--data", folder])
        #expect(result.status == 3)
        #expect(result.stderr.contains("Questionnaires/framework.yaml:"))
        #expect(result.stderr.contains("TOM160 is not a measure"))
        let viaEnvironment = try runner.run(["measures"], extraEnvironment: ["SVWIZARD_DATA": folder])
        #expect(viaEnvironment.status == 3)
    }

    @Test("a council that renames a question the code reads gets a data file error naming the key (exit 3), never a silent 0")
    func renamedAnswerKey() throws {
        let folder = try councilFolder(editing: "Questionnaires/supplier-response.yaml") {
            $0.replacingOccurrences(of: "key: supplier.workforce", with: "key: supplier.staff")
        }
        let result = try runner.run(["measures", "--data", folder])
        #expect(result.status == 3)
        #expect(result.stderr.contains("Questionnaires/supplier-response.yaml:"))
        #expect(result.stderr.flattened.contains("has no question with the key supplier.workforce, which svwizard reads"), "\(result.stderr)")
    }

    @Test("--data uses a council's edits")
    func editedDataFolder() throws {
        let folder = try councilFolder(editing: "Questionnaires/framework.yaml") {
            $0.replacingOccurrences(of: "- { name: Skills, measure: TOM9 }", with: "- { name: Training, measure: TOM9 }")
        }
        let result = try runner.run(["measures", "--data", folder])
        #expect(result.status == 0)
        #expect(result.stdout.contains("TOM9   Training"))
    }

    @Test("--data naming a folder that is not a data folder is a usage error")
    func notAFolder() throws {
        let result = try runner.run(["measures", "--data", "/nonexistent/place"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("not a folder"))
    }

    @Test("values import: a bad CSV is refused by row and keeps the old pack; a good one can be made active")
    func importFlow() throws {
        let good = try runner.file("good.csv", "measure,value\nTOM6,15000\nTOM10,400\n")
        let imported = try runner.run(["values", "import", good, "--name", "toms-2024", "--edition", "National TOMs 2024",
                                       "--source", "Buyer ITT pack", "--date", "2024-04-01"])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("Imported 2 values as the pack toms-2024 (16 of the 18 measures unvalued)"))

        let bad = try runner.file("bad.csv", "TOM6,20000\nTOM4a,ten\n")
        let refused = try runner.run(["values", "import", bad, "--name", "toms-2024", "--edition", "National TOMs 2024",
                                      "--source", "Buyer ITT pack"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.csv:2: row 2: \"ten\" is not an amount of pounds"))
        #expect(refused.stderr.contains("unchanged"))

        let show = try runner.run(["values", "show", "toms-2024"])
        #expect(show.stdout.contains("£15,000.00 per FTE"))
        #expect(!show.stdout.contains("illustrative"))

        #expect(try runner.run(["values", "use", "toms-2024"]).status == 0)
        let list = try runner.run(["values", "list"])
        #expect(list.stdout.contains("* toms-2024"))
        let measures = try runner.run(["measures"])
        #expect(measures.stdout.contains("£400.00 per week"))
        #expect(measures.stdout.contains("TOM31  Emissions") && measures.stdout.contains("unvalued"))
    }

    @Test("values import refuses a bad name or date before reading the file")
    func importArguments() throws {
        let result = try runner.run(["values", "import", "x.csv", "--name", "My Pack", "--edition", "e", "--source", "s"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("lower-case letters"))
        let date = try runner.run(["values", "import", "x.csv", "--name", "p", "--edition", "e", "--source", "s", "--date", "April"])
        #expect(date.status == 64)
        let missing = try runner.run(["values", "import", "missing.csv", "--name", "p", "--edition", "e", "--source", "s"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("There is no value pack at"))
    }

    @Test("values show and use refuse an unknown pack")
    func unknownPack() throws {
        let result = try runner.run(["values", "use", "nothing"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("There is no value pack \"nothing\". The packs are: workshop."))
    }

    @Test("values --json lists packs for scripts")
    func valuesJSON() throws {
        let result = try runner.run(["values", "list", "--json"])
        let packs = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(packs.first?["name"] as? String == "workshop")
        #expect(packs.first?["active"] as? Bool == true)
    }
}
