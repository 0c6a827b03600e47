import Foundation
import Testing

@Suite("svwizard workshop, run as a program", .serialized)
struct WorkshopCommandTests {
    @Test("the README's workshop in five commands: list, start, check, example, reset")
    func fiveCommands() throws {
        let runner = BinaryRunner()
        let list = try runner.run(["workshop"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("thermal-works") && list.stdout.contains("it-support-quote"))

        let input = ["TOM10, TOM18", "52", "52", "One apprentice joiner.", ".", "Rotherham College", "Timesheets.", ".",
                     "40000", "50000", "Local merchants.", ".", "", "Invoices.", ".", "Month 1: start.", ".", "finish"].joined(separator: "\n") + "\n"
        let start = try runner.run(["workshop", "start", "thermal-works", "--as", "supplier"], input: input)
        #expect(start.status == 0, "\(start.stdout)\(start.stderr)")
        #expect(start.stdout.contains("Workshop note:"))

        let check = try runner.run(["workshop", "check", "svwizard-practice/thermal-works/response.svdraft.json"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("What is strong") && check.stdout.contains("TOM 10 is specific and checks out"))

        let example = try runner.run(["workshop", "example", "thermal-works"])
        #expect(example.status == 0)
        #expect(try runner.run(["validate", "svwizard-practice/thermal-works/model.svbundle.zip"]).status == 0)

        // reset asks first; anything but yes deletes nothing.
        let declined = try runner.run(["workshop", "reset"], input: "n\n")
        #expect(declined.status == 1)
        #expect(declined.stdout.contains("Delete 5 files in svwizard-practice? [y/N"), "\(declined.stdout)")
        #expect(declined.stdout.contains("Nothing was deleted."))
        #expect(FileManager.default.fileExists(atPath: runner.home.appendingPathComponent("svwizard-practice").path))
        let reset = try runner.run(["workshop", "reset"], input: "y\n")
        #expect(reset.status == 0)
        #expect(reset.stdout.contains("Removed 5 files and the practice folder"))
        #expect(!FileManager.default.fileExists(atPath: runner.home.appendingPathComponent("svwizard-practice").path))
        _ = try runner.run(["workshop", "example", "thermal-works"])
        #expect(try runner.run(["workshop", "reset", "--yes"]).status == 0, "--yes asks nothing")
        #expect(!FileManager.default.fileExists(atPath: runner.home.appendingPathComponent("svwizard-practice").path))
    }

    @Test("check on a weak answer exits 1 and names the mistakes; an unknown scenario exits 1")
    func weakAndUnknown() throws {
        let runner = BinaryRunner()
        #expect(try runner.run(["workshop", "example", "school-catering", "--weak"]).status == 0)
        let check = try runner.run(["workshop", "check", "svwizard-practice/school-catering/weak.svdraft.json"])
        #expect(check.status == 1)
        for code in ["SV-E007", "SV-E010", "SV-W004", "SV-W001"] { #expect(check.stdout.contains(code)) }
        let unknown = try runner.run(["workshop", "start", "bakery"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("There is no workshop scenario \"bakery\""))
    }
}
