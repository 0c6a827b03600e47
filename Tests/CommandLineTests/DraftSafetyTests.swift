import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A draft is never lost or silently overwritten: two wizards on one draft, a draft changed
/// by something else, a save that fails mid-run, temporary files left by a kill.
@Suite("Drafts are kept safe while a wizard runs", .serialized)
struct DraftSafetyTests {
    /// A terminal wide enough that no message the tests wait for is wrapped.
    static func wide(_ fixture: RespondFixture) -> [String: String] {
        fixture.runner.terminalEnvironment.merging(["COLUMNS": "250"]) { $1 }
    }

    @Test("a second wizard on an open draft is refused, naming the process that has it")
    func secondWizardRefused() throws {
        let fixture = try RespondFixture()
        let first = try PseudoTerminal(arguments: ["respond", "--tender", fixture.tender, "--draft", fixture.draft],
                                       environment: Self.wide(fixture), columns: 250)
        try first.answer("What is your organisation's name?", "Acme Joinery")
        try first.waitFor("What is your organisation's postcode?")
        let second = try fixture.runner.run(["respond", "--resume", fixture.draft], input: "Other Ltd\n")
        #expect(second.status == 1)
        let message = (second.stdout + second.stderr).flattened
        #expect(message.contains("This draft is open in another svwizard (process \(first.processID))"))
        #expect(message.contains("Close that one first"))
        first.type("quit\r")
        #expect(try first.waitForExit() == 0)
        #expect(try fixture.draftText().contains("Acme Joinery"), "the first wizard's answers are intact")
        // Once the first has closed, the draft opens again, and no lock file is left behind.
        let third = try fixture.runner.run(["respond", "--resume", fixture.draft], input: "quit\n")
        #expect(third.status == 0, "\(third.stdout)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.runner.home.path).filter { $0.hasSuffix(".lock") }
        #expect(leftovers.isEmpty)
    }

    @Test("the lock follows the file: a symbolic link to an open draft is refused, and saving through a link keeps the link")
    func symbolicLinkFollowsTheFile() throws {
        let fixture = try RespondFixture()
        let link = fixture.runner.home.appendingPathComponent("link.svdraft.json").path
        let first = try PseudoTerminal(arguments: ["respond", "--tender", fixture.tender, "--draft", fixture.draft],
                                       environment: Self.wide(fixture), columns: 250)
        try first.answer("What is your organisation's name?", "Acme Joinery")
        try first.waitFor("What is your organisation's postcode?")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fixture.draft)
        let second = try fixture.runner.run(["respond", "--resume", link], input: "Other Ltd\n")
        #expect(second.status == 1 && (second.stdout + second.stderr).flattened.contains("This draft is open in another svwizard"), "\(second.stderr)")
        first.type("quit\r")
        #expect(try first.waitForExit() == 0)
        // Carried on through the link: the answers reach the draft itself, and the link is still a link.
        let third = try fixture.runner.run(["respond", "--resume", link], input: "S60 1AE\nquit\n")
        #expect(third.status == 0, "\(third.stdout)\(third.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == fixture.draft)
        #expect(try fixture.draftText().contains("S60 1AE"))
    }

    @Test("a draft with a second name (a hard link) is refused with what to do, and left as it is")
    func hardLinkRefused() throws {
        let fixture = try RespondFixture()
        _ = try fixture.runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft], input: "Acme Joinery\nquit\n")
        let before = try fixture.draftText()
        let other = fixture.runner.home.appendingPathComponent("other.svdraft.json").path
        #expect(link(fixture.draft, other) == 0)
        let result = try fixture.runner.run(["respond", "--resume", other], input: "S60 1AE\nquit\n")
        let said = (result.stdout + result.stderr).flattened
        #expect(result.status == 1 && said.contains("has 2 names on this disk (hard links)") && said.contains("Copy it to a file of its own"), "\(said)")
        #expect(try fixture.draftText() == before)
    }

    @Test("a draft changed on disk by something else is not overwritten; the answers go to a new file")
    func changedUnderneath() throws {
        let fixture = try RespondFixture()
        let terminal = try PseudoTerminal(arguments: ["respond", "--tender", fixture.tender, "--draft", fixture.draft],
                                          environment: Self.wide(fixture), columns: 250)
        try terminal.answer("What is your organisation's name?", "Acme Joinery")
        try terminal.waitFor("What is your organisation's postcode?")
        let edited = try fixture.draftText().replacingOccurrences(of: "Acme Joinery", with: "Edited Elsewhere Ltd")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: fixture.draft))
        terminal.type("S60 1AE\r")
        try terminal.waitFor("was changed by")
        try terminal.answer("Type replace to overwrite it", "")
        try terminal.waitFor("Saved to")
        terminal.type("quit\r")
        #expect(try terminal.waitForExit() == 0)
        #expect(try fixture.draftText().contains("Edited Elsewhere Ltd"), "the other program's change is kept")
        let copy = try String(contentsOfFile: fixture.runner.home.appendingPathComponent("acme-2.svdraft.json").path, encoding: .utf8)
        #expect(copy.contains("Acme Joinery") && copy.contains("S60 1AE"), "the wizard's answers are in the new file")
        #expect(terminal.screen.components(separatedBy: "Carry on later").last?.contains("acme-2.svdraft.json") == true,
                "the resume command names the new file")
    }

    /// Starts respond, waits for the first question, then makes every save fail: the save writes
    /// a temporary file beside the draft, and a folder in its place makes that write fail as a
    /// full disk or a read-only folder would (tests run as root, for whom permissions do not
    /// stop a write). Returns the terminal and the folder that blocks the saves.
    func respondWithFailingSaves(_ fixture: RespondFixture) throws -> (PseudoTerminal, URL) {
        let terminal = try PseudoTerminal(arguments: ["respond", "--tender", fixture.tender, "--draft", fixture.draft],
                                          environment: Self.wide(fixture), columns: 250)
        try terminal.waitFor("What is your organisation's name?")
        let blocker = fixture.runner.home.appendingPathComponent(".acme.svdraft.json.tmp-\(terminal.processID)")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: false)
        return (terminal, blocker)
    }

    @Test("a save that fails mid-run keeps the wizard running and the answer in memory; save tries again")
    func failedSaveKeepsAnswers() throws {
        let fixture = try RespondFixture()
        let (terminal, blocker) = try respondWithFailingSaves(fixture)
        terminal.type("Acme Joinery\r")
        try terminal.waitFor("Your answers are kept here, but they could not be saved")
        try terminal.answer("What is your organisation's postcode?", "S60 1AE")
        try terminal.waitFor("What size is your organisation?")
        #expect(!(try fixture.draftText().contains("Acme Joinery")), "nothing could be written yet")
        try FileManager.default.removeItem(at: blocker)
        terminal.type("save\r")
        try terminal.waitFor("Saved to \(fixture.draft)")
        let saved = try fixture.draftText()
        #expect(saved.contains("Acme Joinery") && saved.contains("S60 1AE"), "both answers typed while saving failed are kept")
        let other = fixture.runner.home.appendingPathComponent("other.svdraft.json")
        terminal.type("save \(other.path)\r")
        try terminal.waitFor("saved there from now on")
        terminal.type("quit\r")
        #expect(try terminal.waitForExit() == 0)
        #expect(try String(contentsOf: other, encoding: .utf8).contains("Acme Joinery"))
    }

    @Test("leaving while saves fail asks where to save instead of losing the answers")
    func leavingWhileSavesFail() throws {
        let fixture = try RespondFixture()
        let (terminal, _) = try respondWithFailingSaves(fixture)
        try terminal.answer("What is your organisation's name?", "Acme Joinery")
        try terminal.answer("What is your organisation's postcode?", "quit")
        let rescue = fixture.runner.home.appendingPathComponent("rescue.svdraft.json")
        try terminal.answer("Your latest answers are not saved", rescue.path)
        #expect(try terminal.waitForExit() == 0)
        #expect(try String(contentsOf: rescue, encoding: .utf8).contains("Acme Joinery"))
    }

    @Test("temporary files left by a kill during a save are removed when the draft is next opened")
    func staleTemporaries() throws {
        let fixture = try RespondFixture()
        let first = try fixture.runner.run(["respond", "--tender", fixture.tender, "--draft", fixture.draft], input: "Acme Joinery\nquit\n")
        #expect(first.status == 0)
        let stale = fixture.runner.home.appendingPathComponent(".acme.svdraft.json.tmp-999999999")
        let live = fixture.runner.home.appendingPathComponent(".acme.svdraft.json.tmp-\(getpid())")
        try Data("half a draft".utf8).write(to: stale)
        try Data("a save in progress".utf8).write(to: live)
        let resumed = try fixture.runner.run(["respond", "--resume", fixture.draft], input: "quit\n")
        #expect(resumed.status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: live.path), "a file of a process still running is left alone")
        try? FileManager.default.removeItem(at: live)
    }
}

/// A tiny disk of its own (a tmpfs mount), to fill up for real. Mounting needs root and a
/// sandbox that allows it; where it cannot be had, the test that needs it is skipped and the
/// failed-write test above still covers the behaviour.
final class SmallDisk {
    let url: URL

    static let available: Bool = {
        guard let disk = try? SmallDisk(kilobytes: 64) else { return false }
        disk.unmount()
        return true
    }()

    init(kilobytes: Int) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("svwizard-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", url.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(at: url)
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    /// Fills the disk with a file, leaving no space; returns the file.
    func fill() -> URL {
        let filler = url.appendingPathComponent("filler")
        FileManager.default.createFile(atPath: filler.path, contents: nil)
        if let handle = FileHandle(forWritingAtPath: filler.path) {
            let chunk = Data(count: 1024)
            while (try? handle.write(contentsOf: chunk)) != nil {}
            try? handle.close()
        }
        return filler
    }

    func unmount() {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/umount")
        process.arguments = [url.path]
        try? process.run()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: url)
    }
}

@Suite("A full disk mid-run", .serialized)
struct FullDiskTests {
    @Test("the disk fills up mid-run: the answer is kept, the wizard carries on, and save works once there is space",
          .enabled(if: SmallDisk.available))
    func fullDisk() throws {
        let fixture = try RespondFixture()
        let disk = try SmallDisk(kilobytes: 256)
        defer { disk.unmount() }
        let draft = disk.url.appendingPathComponent("acme.svdraft.json")
        let terminal = try PseudoTerminal(arguments: ["respond", "--tender", fixture.tender, "--draft", draft.path],
                                          environment: fixture.runner.terminalEnvironment.merging(["COLUMNS": "250"]) { $1 }, columns: 250)
        try terminal.waitFor("What is your organisation's name?")
        let filler = disk.fill()
        terminal.type("Acme Joinery\r")
        try terminal.waitFor("No space left on device")
        try terminal.answer("What is your organisation's postcode?", "S60 1AE")
        try terminal.waitFor("What size is your organisation?")
        try FileManager.default.removeItem(at: filler)
        terminal.type("save\r")
        try terminal.waitFor("Saved to \(draft.path)")
        terminal.type("quit\r")
        #expect(try terminal.waitForExit() == 0)
        let saved = try String(contentsOf: draft, encoding: .utf8)
        #expect(saved.contains("Acme Joinery") && saved.contains("S60 1AE"))
    }
}
