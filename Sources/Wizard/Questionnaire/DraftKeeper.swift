import Foundation
import Questionnaire
import Terminal

/// Keeps a questionnaire's draft on disk while a wizard runs: holds the draft's lock, saves
/// after every answer, notices when something else changed the file since it was last saved
/// (and then never overwrites it without asking), and when a save fails (a full disk, a
/// folder that cannot be written) says so and keeps every answer in memory, so the person can
/// `save` again or `save` to another file. Nothing typed is lost to a failed save.
final class DraftKeeper {
    private let context: AppContext
    private(set) var url: URL
    private var lock: DraftLock?
    private var lastSaved: FileIdentity?
    /// Whether the answers in memory are newer than the file.
    private(set) var unsaved = false

    init(context: AppContext, url: URL, lock: DraftLock?) {
        self.context = context
        self.url = url
        self.lock = lock
        self.lastSaved = FileIdentity.of(url)
    }

    private var console: Console { context.console }

    /// Saves `draft` to the draft file. On failure, says what happened and how to save
    /// later, and returns false; the answers stay in memory.
    @discardableResult
    func save(_ draft: Draft) -> Bool {
        if let lastSaved, let now = FileIdentity.of(url), now != lastSaved {
            return resolveConflict(draft)
        }
        return write(draft, to: url)
    }

    /// Saves `draft` to a new file at `path`, which the wizard then carries on with.
    @discardableResult
    func save(_ draft: Draft, as path: String) -> Bool {
        let target = context.resolve(path).resolvingSymlinksInPath()
        guard target != url else { return save(draft) }
        if FileManager.default.fileExists(atPath: target.path) {
            console.complain("\(target.path) already exists; it has been left as it is. Choose another name, such as "
                + "\(Self.alternative(to: target).lastPathComponent).")
            return false
        }
        let newLock: DraftLock?
        do {
            newLock = try DraftLock.acquire(target)
        } catch {
            console.complain("\(error)")
            return false
        }
        var copy = draft
        copy.toolVersion = ToolVersion.current
        guard write(copy, to: target) else {
            newLock?.release()
            return false
        }
        lock?.release()
        lock = newLock
        url = target
        console.say("Saved to \(target.path). Your answers are saved there from now on.")
        return true
    }

    /// Saves before the wizard ends. If the save fails at a terminal, asks where else to
    /// save (or whether to leave without saving) instead of losing the answers silently.
    /// Returns whether the answers were saved.
    func saveBeforeLeaving(_ draft: Draft) throws -> Bool {
        if save(draft) { return true }
        guard console.reader.isInteractive else {
            throw WizardError("Your latest answers could not be saved to \(url.path), so they are lost; "
                + "answers saved before this are in the draft.", status: .unreadable)
        }
        while true {
            let prompt = "Your latest answers are not saved. Type a file name to save them to, press Enter to try again, "
                + "or type discard to leave without them: "
            switch console.readLine(prompt: prompt, completions: ["discard"]) {
            case let .line(text) where text.trimmingWhitespace.lowercased() == "discard":
                console.say("Left without saving the latest answers; the draft holds what was saved before.")
                return false
            case let .line(text) where !text.trimmingWhitespace.isEmpty:
                if save(draft, as: text.trimmingWhitespace) { return true }
            case .line:
                if save(draft) { return true }
            case .end, .interrupt:
                console.say("Left without saving the latest answers; the draft holds what was saved before.")
                return false
            }
        }
    }

    private func write(_ draft: Draft, to target: URL) -> Bool {
        var draft = draft
        draft.toolVersion = ToolVersion.current
        do {
            try DraftFile.write(draft, to: target)
        } catch {
            unsaved = true
            console.complain("Your answers are kept here, but they could not be saved to \(target.path) "
                + "(\(error.localizedDescription)). Free some space on the disk or make the folder writable, then type save "
                + "to try again, or type save and a file name (such as save ~/response-copy.svdraft.json) to save somewhere else.")
            return false
        }
        unsaved = false
        lastSaved = FileIdentity.of(target)
        return true
    }

    /// The draft file changed under the wizard: ask before replacing it, and by default
    /// save to a new file beside it instead.
    private func resolveConflict(_ draft: Draft) -> Bool {
        let suggestion = Self.alternative(to: url)
        console.complain("The draft \(url.path) was changed by another program since svwizard last saved it, "
            + "so it has not been overwritten.")
        let prompt = "Type replace to overwrite it with the answers here, or a file name to save them to "
            + "[\(suggestion.lastPathComponent)]: "
        switch console.readLine(prompt: prompt, completions: ["replace"]) {
        case let .line(text) where text.trimmingWhitespace.lowercased() == "replace":
            return write(draft, to: url)
        case let .line(text) where !text.trimmingWhitespace.isEmpty:
            return save(draft, as: text.trimmingWhitespace)
        default:
            return save(draft, as: suggestion.path)
        }
    }

    /// `NAME-2.svdraft.json` (or -3, ...) beside `url`: a name not yet taken.
    static func alternative(to url: URL) -> URL {
        let folder = url.deletingLastPathComponent()
        let name = url.lastPathComponent
        let suffix = name.hasSuffix(".svdraft.json") ? ".svdraft.json" : ".json"
        let stem = name.hasSuffix(suffix) ? String(name.dropLast(suffix.count)) : name
        for number in 2...999 {
            let candidate = folder.appendingPathComponent("\(stem)-\(number)\(suffix)")
            if !FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return folder.appendingPathComponent("\(stem)-\(getpid())\(suffix)")
    }
}
