import Foundation

/// A folder a command writes its record into (an evaluation, a report): new, or empty.
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
}
