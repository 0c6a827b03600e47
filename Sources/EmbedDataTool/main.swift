// Writes a Swift file holding the text of the package's default data files, so the
// svwizard binary carries its framework, questionnaires and guidance wherever it runs.
//
// usage: EmbedDataTool OUTPUT.swift ROOT FILE...   (FILE paths relative to ROOT)
import Foundation
import GeneratedSource

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: EmbedDataTool OUTPUT.swift ROOT FILE...\n".utf8))
    exit(64)
}
let output = URL(fileURLWithPath: arguments[1])
let root = URL(fileURLWithPath: arguments[2])
let relativePaths = arguments.dropFirst(3).sorted()

var entries: [(key: String, text: String)] = []
for path in relativePaths {
    let url = root.appendingPathComponent(path)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        FileHandle.standardError.write(Data("EmbedDataTool: \(path) is not readable UTF-8 text\n".utf8))
        exit(65)
    }
    entries.append((path, text))
}
GeneratedSource.write(GeneratedSource.dictionary(extending: "BundledFiles", madeBy: "EmbedDataTool", from: "Questionnaires/ and Guidance/",
                                                 entries: entries),
                      to: output, tool: "EmbedDataTool")
