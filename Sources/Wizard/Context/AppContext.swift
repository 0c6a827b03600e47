import Foundation
import Questionnaire
import Submission
import SocialValue
import Terminal

/// What every command works with: the checked data set, the value packs, and the console.
public struct AppContext {
    public let data: DataSet
    public let library: ValuePackLibrary
    public let console: Console
    /// The folder new files (drafts) are written to, relative paths are read from.
    public let directory: URL
    /// The person's own text editor (`$VISUAL`, else `$EDITOR`), opened by `edit` at a
    /// multi-line question; nil when neither is set.
    public var editor: String?

    public init(data: DataSet, library: ValuePackLibrary, console: Console,
                directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath), editor: String? = nil) {
        self.data = data
        self.library = library
        self.console = console
        self.directory = directory
        self.editor = editor
    }

    /// Builds the context for a real run: data from `--data`, `SVWIZARD_DATA` or the built-in
    /// defaults; readline when a person is typing at a terminal, plain reading otherwise.
    public static func make(dataOption: String?, noColour: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AppContext {
        FaultGuard.install(environment: environment)
        let terminal = TerminalInfo.current(environment: environment)
        let data = try DataLocation.load(from: DataLocation.source(option: dataOption, environment: environment))
        let library = try ValuePackLibrary(data: data, store: PackStore.forUser(environment: environment))
        let output = FileDescriptorSink.standardOutput
        let reader: LineReader = terminal.inputIsTerminal && terminal.outputIsTerminal ? ReadlineLineReader(bracketedPaste: terminal.colour && !noColour) : PlainLineReader(output: output)
        let console = Console(output: output, errorOutput: FileDescriptorSink.standardError,
                              style: Style(enabled: terminal.colour && !noColour), width: terminal.width, reader: reader)
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }
        return AppContext(data: data, library: library, console: console, editor: terminal.inputIsTerminal ? editor : nil)
    }

    /// A path the person typed, as a file URL: absolute paths as they are, others inside `directory`.
    public func resolve(_ path: String) -> URL {
        let path = Self.expandingHome(path)
        return path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL
            : directory.appendingPathComponent(path).standardizedFileURL
    }

    /// `~/Downloads/tender.json` as the shell would read it (`~` is the home folder), for a path
    /// typed at a question or quoted on the command line, where the shell does not expand it.
    static func expandingHome(_ path: String, home: String? = ProcessInfo.processInfo.environment["HOME"]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home, !home.isEmpty else { return path }
        return home + path.dropFirst()
    }

    /// A bundle validator for this data, with the published schemas.
    public func bundleValidator() throws -> BundleValidator {
        do {
            return BundleValidator(framework: data.framework, catalogue: data.catalogue, toolVersion: ToolVersion.current,
                                   schemas: try PublishedSchemas.set())
        } catch {
            throw WizardError("\(error)", status: .internalFault)
        }
    }

    /// The catalogue view with the active pack.
    public var catalogueView: CatalogueView {
        CatalogueView(data: data, pack: library.active, style: console.style, width: console.width)
    }

    /// The guidance view with the active pack.
    public var guideView: GuideView {
        GuideView(data: data, pack: library.active, renderer: console.markdown)
    }

    /// The tool, framework and value pack versions, for `--version`: from the data's summary,
    /// so nothing else of the data set is decoded.
    public var versionText: String {
        let summary = data.summary
        var lines = ["svwizard \(ToolVersion.current)"]
        lines.append("framework: \(summary.council), \(summary.policyTitle) (file format \(YAMLFile.supportedVersion), \(summary.measureCount) measures, \(data.origin))")
        let active = library.store.activePackName()
        let shipped = summary.packs.first { $0.name == active } ?? (library.imported.contains { $0.name == active } ? nil
            : summary.packs.first { $0.name == PackStore.defaultPackName })
        if let shipped {
            lines.append("value pack: \(shipped.name), \(shipped.edition)\(shipped.illustrative ? " (illustrative)" : "")")
        } else if let pack = library.active {
            lines.append("value pack: \(pack.name), \(pack.edition)\(pack.illustrative ? " (illustrative)" : "")")
        } else {
            lines.append("value pack: none")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// svwizard's own version.
public enum ToolVersion {
    public static let current = "0.3.0"
}
