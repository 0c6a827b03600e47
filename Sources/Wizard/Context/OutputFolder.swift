import Foundation

/// The folders commands write their records into (`report --output`, `evaluate --output`).
enum OutputFolder {
    /// Refuses a folder that exists with something in it, or a file of that name: `what` is
    /// never written over anything.
    static func checkNew(_ folder: URL, what: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard isFolder.boolValue, contents.isEmpty else {
            throw WizardError("\(folder.path) already exists and is not an empty folder; \(what) is never written over "
                + "anything. Give --output a new folder.", status: .refused)
        }
    }

    /// Writes the folder whole or not at all: `body` fills a hidden folder beside it, which is then
    /// renamed into place, so a run stopped part-way (killed, a full disk) leaves no partial
    /// folder at `folder` and the same command can simply be run again. Hidden folders left by
    /// such a run are cleared first.
    static func writeWhole(_ folder: URL, what: String, _ body: (URL) throws -> Void) throws {
        let manager = FileManager.default
        let parent = folder.deletingLastPathComponent()
        let prefix = ".\(folder.lastPathComponent).partial-"
        for name in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            try? manager.removeItem(at: parent.appendingPathComponent(name))
        }
        let partial = parent.appendingPathComponent(prefix + String(ProcessInfo.processInfo.processIdentifier))
        do {
            try manager.createDirectory(at: partial, withIntermediateDirectories: true)
            try body(partial)
            try checkNew(folder, what: what)
            if manager.fileExists(atPath: folder.path) { try manager.removeItem(at: folder) }
            guard rename(partial.path, folder.path) == 0 else {
                throw WizardError("\(what.prefix(1).uppercased() + what.dropFirst()) could not be moved into \(folder.path) "
                    + "(\(String(cString: strerror(errno)))).", status: .unreadable)
            }
        } catch {
            try? manager.removeItem(at: partial)
            throw error
        }
    }
}
