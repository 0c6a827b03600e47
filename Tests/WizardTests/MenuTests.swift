import Foundation
import Testing
@testable import Wizard

@Suite("The start menu and browsers")
struct MenuTests {
    @Test("a wrong answer is explained and asked again; ? shows help; back says there is nothing before; q leaves")
    func choicePrompt() throws {
        let harness = try TestHarness(lines: ["13", "banana", "?", "back", "q"])
        StartMenu(context: harness.context).run()
        let output = harness.output
        #expect(output.contains("\"13\" is not one of the choices. Type a number from 1 to 12, for example 1."))
        #expect(output.contains("\"banana\" is not one of the choices"))
        #expect(output.contains("svwizard helps with the social value part of council tenders"))
        #expect(output.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("There is nothing before this. Type a number from 1 to 12, ? for help, or q to leave."))
        #expect(output.contains("Goodbye."))
        #expect(harness.reader.prompts.count == 5)
        #expect(harness.reader.offeredCompletions[0].contains("guide"))
    }

    @Test("choosing the guidance lists topics, completes names, reads one, and returns to the menu")
    func guideFromMenu() throws {
        let harness = try TestHarness(lines: ["11", "double-counting", "no-such-topic", "", "q"])
        StartMenu(context: harness.context).run()
        let output = harness.output
        #expect(output.contains("Guidance topics"))
        #expect(output.contains("Double counting\n==============="))
        #expect(output.contains("There is no topic \"no-such-topic\""))
        #expect(harness.reader.offeredCompletions[1].contains("double-counting"))
        #expect(output.hasSuffix("Goodbye.\n"))
    }

    @Test("choosing the measures shows the tree and reads a measure by reference")
    func measuresFromMenu() throws {
        let harness = try TestHarness(lines: ["measures", "tom10", "TOM 99", "", "q"])
        StartMenu(context: harness.context).run()
        #expect(harness.output.contains("TOM 10: Apprenticeships"))
        #expect(harness.output.contains("\"TOM 99\" is not a measure reference"))
        #expect(harness.reader.offeredCompletions[1].contains("TOM4a"))
    }

    @Test("the workshop entry chooses a scenario and a part, then opens it in the practice folder")
    func workshopFromMenu() throws {
        let harness = try TestHarness(lines: ["12", "school-catering", "supplier", "quit", "q"])
        StartMenu(context: harness.context).run()
        #expect(harness.output.contains("Workshop: School catering supply"))
        #expect(harness.output.contains("What kind of organisation are you?") || harness.output.contains("Which measures will you commit to?"))
        let draft = harness.storeFolder.appendingPathComponent("svwizard-practice/school-catering/response.svdraft.json")
        #expect(FileManager.default.fileExists(atPath: draft.path))
    }

    @Test("every job is offered under who does it, and each command's name chooses it", arguments: [
        ("validate", "There are no bundles (.svbundle.zip) in"), ("evaluate", "Scoring needs the tender file (tender.json)"),
        ("export", "There is no response draft (.svdraft.json) in"),
    ])
    func everyJob(name: String, said: String) throws {
        let harness = try TestHarness(lines: [name, "q"])
        StartMenu(context: harness.context).run()
        let output = harness.output
        for heading in ["Suppliers\n", "Commissioners\n", "Contract managers\n", "Councils\n", "Anyone\n"] { #expect(output.contains(heading)) }
        #expect(output.replacingOccurrences(of: "\n", with: " ").contains(said), "\(output)")
        #expect(output.hasSuffix("Goodbye.\n"))
    }

    @Test("the end of input leaves the menu cleanly")
    func endOfInput() throws {
        let harness = try TestHarness(lines: [])
        StartMenu(context: harness.context).run()
        #expect(harness.output.hasSuffix("Goodbye.\n"))
    }
}

@Suite("Value packs")
struct ValuePackLibraryTests {
    func csv(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("values-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("a good CSV is imported and can become the active pack")
    func importAndUse() throws {
        let harness = try TestHarness()
        let details = ValuePackCSVDetails.make(name: "toms-test")
        let pack = try harness.context.library.importCSV(at: csv("TOM6,100\nTOM10,50\n"), details: details,
                                                         catalogue: harness.context.data.catalogue)
        #expect(pack.values.count == 2)
        try harness.context.library.store.setActivePack("toms-test")
        let reloaded = try ValuePackLibrary(data: harness.context.data, store: harness.context.library.store)
        #expect(reloaded.active?.name == "toms-test")
        #expect(reloaded.active?.values.count == 2)
    }

    @Test("a bad CSV is refused with its row numbers and the earlier pack is kept")
    func badCSVKeepsOldPack() throws {
        let harness = try TestHarness()
        let details = ValuePackCSVDetails.make(name: "toms-test")
        _ = try harness.context.library.importCSV(at: csv("TOM6,100\n"), details: details, catalogue: harness.context.data.catalogue)
        let library = try ValuePackLibrary(data: harness.context.data, store: harness.context.library.store)
        let error = try #require(throws: WizardError.self) {
            try library.importCSV(at: csv("TOM6,200\nTOM99,5\n"), details: details, catalogue: harness.context.data.catalogue)
        }
        #expect(error.status == .refused)
        #expect(error.message.contains("row 2"))
        #expect(error.message.contains("The pack toms-test you had before is unchanged"))
        let after = try ValuePackLibrary(data: harness.context.data, store: harness.context.library.store)
        #expect(after.pack(named: "toms-test")?.values.first?.perUnit.pounds == 100)
    }

    @Test("the shipped workshop pack cannot be replaced")
    func shippedPackProtected() throws {
        let harness = try TestHarness()
        #expect(throws: WizardError.self) {
            try harness.context.library.importCSV(at: csv("TOM6,1\n"), details: ValuePackCSVDetails.make(name: "workshop"),
                                                  catalogue: harness.context.data.catalogue)
        }
    }

    @Test("--version names the tool, the framework and the active pack")
    func version() throws {
        let harness = try TestHarness()
        let text = harness.context.versionText
        #expect(text.hasPrefix("svwizard \(ToolVersion.current)\n"))
        #expect(text.contains("framework: Rotherham Metropolitan Borough Council, Social Value Policy 2024 - 2027 (file format 1, 18 measures"))
        #expect(text.contains("value pack: workshop, Illustrative"))
        #expect(text.contains("(illustrative)"))
    }
}

import Questionnaire

enum ValuePackCSVDetails {
    static func make(name: String) -> ValuePackCSV.Details {
        ValuePackCSV.Details(name: name, title: "Test", edition: "Test edition", source: "Test source", date: "2024-04-01")
    }
}

@Suite("The start menu after award")
struct MenuAfterAwardTests {
    @Test("a delivery return with no contract pack in the folder says where to put it; the register's contracts need a register")
    func deliveryAndTracking() throws {
        // A register that does not exist, never the person's own.
        // Set for this process only while the test runs: the programs other tests start inherit it otherwise.
        setenv("SVWIZARD_REGISTER", FileManager.default.temporaryDirectory.appendingPathComponent("none-\(UUID().uuidString).sqlite").path, 1)
        defer { unsetenv("SVWIZARD_REGISTER") }
        let harness = try TestHarness(lines: ["3", "8", "q"])
        StartMenu(context: harness.context).run()
        let output = harness.output
        #expect(output.contains("There is no contract pack (.svcontract.json) in"))
        #expect(output.contains("There is no register at"))
        #expect(output.hasSuffix("Goodbye.\n"))
    }
}
