import Foundation
import Testing

@Suite("svwizard export and validate, run as a program", .serialized)
struct BundleCommandTests {
    /// A finished draft made through `respond`, ready to export.
    func finishedDraft(_ fixture: RespondFixture) throws {
        let input = (RespondFixture.supplier + RespondFixture.rest).joined(separator: "\n") + "\n"
        let result = try fixture.runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft], input: input)
        #expect(result.status == 0)
    }

    @Test("export writes the bundle beside the draft, named after the tender and the supplier; validate says it is valid (exit 0); two exports are byte-identical")
    func exportAndValidate() throws {
        let fixture = try RespondFixture()
        try finishedDraft(fixture)
        let export = try fixture.runner.run(["export", fixture.draft])
        #expect(export.status == 0, "\(export.stdout)\(export.stderr)")
        let bundle = fixture.runner.home.appendingPathComponent("RMBC-2025-041-Acme-Joinery.svbundle.zip").path
        #expect(export.stdout.contains("Exported") && export.stdout.contains(bundle))
        let first = try Data(contentsOf: URL(fileURLWithPath: bundle))
        let again = try fixture.runner.run(["export", fixture.draft, "-o", "again.svbundle.zip"])
        #expect(again.status == 0)
        #expect(try Data(contentsOf: fixture.runner.home.appendingPathComponent("again.svbundle.zip")) == first)

        let validate = try fixture.runner.run(["validate", bundle])
        #expect(validate.status == 0)
        #expect(validate.stdout.flattened.contains("RMBC-2025-041-Acme-Joinery.svbundle.zip: valid"))
        #expect(FileManager.default.fileExists(atPath: fixture.runner.home.appendingPathComponent("RMBC-2025-041-Acme-Joinery.checklist.txt").path))
        let json = try fixture.runner.run(["validate", bundle, "--json"])
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(reports.first?["status"] as? String == "valid")
    }

    @Test("export refuses a draft with errors, listing them with what to do (exit 1)")
    func exportRefusesErrors() throws {
        let fixture = try RespondFixture()
        var rest = RespondFixture.rest
        rest[1] = "0"
        rest[2] = "0" // TOM10: nothing in either year
        let input = (RespondFixture.supplier + rest).joined(separator: "\n") + "\n"
        #expect(try fixture.runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft], input: input).status == 1)
        let export = try fixture.runner.run(["export", fixture.draft])
        #expect(export.status == 1)
        #expect(export.stderr.contains("Not exported: the response has 1 error to fix first."))
        #expect(export.stderr.contains("SV-E006"))
        #expect(export.stderr.contains("What to do: Enter what you will deliver, or remove the measure."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.runner.home.path).allSatisfy { !$0.hasSuffix(".svbundle.zip") })
    }

    @Test("export refuses an unfinished draft, naming the unanswered questions")
    func exportRefusesUnfinished() throws {
        let fixture = try RespondFixture()
        _ = try fixture.runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft], input: "Acme\n")
        let export = try fixture.runner.run(["export", fixture.draft])
        #expect(export.status == 1)
        #expect(export.stderr.contains("questions are not answered yet"))
        #expect(export.stderr.contains("What is your organisation's postcode?"))
    }

    @Test("validate: a tampered bundle exits 2, a file that is not a bundle exits 2, and the worst of several decides")
    func validateStatuses() throws {
        let fixture = try RespondFixture()
        try finishedDraft(fixture)
        #expect(try fixture.runner.run(["export", fixture.draft, "-o", "good.svbundle.zip"]).status == 0)
        let good = fixture.runner.home.appendingPathComponent("good.svbundle.zip")
        var bytes = try Data(contentsOf: good)
        // Flip a byte inside the stored response.md text.
        let marker = Data("## Summary".utf8)
        let range = try #require(bytes.range(of: marker))
        bytes[range.lowerBound + 3] = UInt8(ascii: "X")
        try bytes.write(to: fixture.runner.home.appendingPathComponent("bad.svbundle.zip"))
        let tampered = try fixture.runner.run(["validate", "bad.svbundle.zip"])
        #expect(tampered.status == 2)
        #expect(tampered.stdout.contains("bad.svbundle.zip: cannot be trusted"))
        let notBundle = try fixture.runner.file("notes.txt", "hello")
        #expect(try fixture.runner.run(["validate", notBundle]).status == 2)
        let both = try fixture.runner.run(["validate", good.path, "bad.svbundle.zip"])
        #expect(both.status == 2)
        #expect(both.stdout.contains("good.svbundle.zip: valid"))
        let missing = try fixture.runner.run(["validate", "nowhere.svbundle.zip"])
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("There is no bundle at"))
    }
}
