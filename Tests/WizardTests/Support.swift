import Foundation
import Questionnaire
import Terminal
@testable import Wizard

/// A context over the built-in data, a fresh pack store in a temporary folder, and a scripted
/// reader typing `lines`.
struct TestHarness {
    let context: AppContext
    let sink: StringSink
    let reader: ScriptedLineReader
    let storeFolder: URL

    init(lines: [String] = [], width: Int = 80) throws {
        storeFolder = FileManager.default.temporaryDirectory.appendingPathComponent("svwizard-tests-\(UUID().uuidString)")
        let data = try DataLocation.load(from: DataLocation.builtIn)
        let library = try ValuePackLibrary(data: data, store: PackStore(directory: storeFolder))
        sink = StringSink()
        reader = ScriptedLineReader(lines, output: sink, interactive: true)
        let console = Console(output: sink, errorOutput: sink, style: .plain, width: width, reader: reader)
        try FileManager.default.createDirectory(at: storeFolder, withIntermediateDirectories: true)
        context = AppContext(data: data, library: library, console: console, directory: storeFolder)
    }

    var output: String { sink.text }
}
