import Foundation
import Questionnaire

/// Opens the person's own text editor on a multi-line answer: the answer so far goes into a
/// private temporary file, the editor runs at the terminal, and what was saved comes back.
struct TextEditor {
    /// The editor command, as the person set it (`nano`, `vim`, `code --wait`): run by the
    /// shell so that options in it work.
    let command: String

    enum Outcome: Equatable {
        case edited(String)
        /// The editor could not be run, or said it failed; the reason, for the person.
        case failed(String)
    }

    func edit(_ text: String) -> Outcome {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("svwizard-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        let file = folder.appendingPathComponent("answer.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try Data((text.isEmpty ? "" : text + "\n").utf8).write(to: file)
        } catch {
            return .failed("svwizard could not write a file for the editor in \(folder.deletingLastPathComponent().path).")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The command is the person's own setting, expanded by the shell as other tools do;
        // the file's name is passed as an argument, never pasted into the command.
        process.arguments = ["-c", command + " \"$1\"", "svwizard-editor", file.path]
        do {
            try process.run()
        } catch {
            return .failed("The editor \"\(command)\" could not be started.")
        }
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            return .failed("The editor \"\(command)\" stopped with an error (status \(process.terminationStatus)); your answer is unchanged.")
        }
        let limit = AnswerLimits.longestText * 4
        guard let data = try? OutsideFile.contents(of: file, limit: limit, what: "answer"),
              let edited = String(data: data, encoding: .utf8) else {
            return .failed("The edited text could not be read: it must be UTF-8 text of at most \(limit.grouped) bytes. Your answer is unchanged.")
        }
        return .edited(edited.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
