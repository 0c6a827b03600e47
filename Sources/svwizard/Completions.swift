import ArgumentParser
import Wizard

/// How the shell completes each argument: files by their extension, and the names in the
/// data (topics, measures, scenarios, packs) asked of svwizard itself when Tab is pressed.
enum Completions {
    static let drafts = CompletionKind.file(extensions: ["json"])
    static let bundles = CompletionKind.file(extensions: ["zip"])
    static let tenders = CompletionKind.file(extensions: ["json"])
    static let answers = CompletionKind.file(extensions: ["yaml", "yml", "json"])
    static let draftsAndBundles = CompletionKind.file(extensions: ["json", "zip"])
    static let csv = CompletionKind.file(extensions: ["csv"])
    static let topics = CompletionKind.custom { _, _, prefix in CompletionWords.words(.topics, prefix: prefix) }
    static let measures = CompletionKind.custom { _, _, prefix in CompletionWords.words(.measures, prefix: prefix) }
    static let scenarios = CompletionKind.custom { _, _, prefix in CompletionWords.words(.scenarios, prefix: prefix) }
    static let packs = CompletionKind.custom { _, _, prefix in CompletionWords.words(.packs, prefix: prefix) }
}
