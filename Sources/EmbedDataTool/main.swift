// Writes a Swift file holding the text of the package's default data files, so the
// svwizard binary carries its framework, questionnaires and guidance wherever it runs.
//
// usage: EmbedDataTool OUTPUT.swift ROOT FILE...   (FILE paths relative to ROOT)
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: EmbedDataTool OUTPUT.swift ROOT FILE...\n".utf8))
    exit(64)
}
let output = URL(fileURLWithPath: arguments[1])
let root = URL(fileURLWithPath: arguments[2])
let relativePaths = arguments.dropFirst(3).sorted()

/// A raw string literal delimiter longer than any run of `#` in the text.
func delimiter(for text: String) -> String {
    var longest = 0
    var run = 0
    for character in text {
        run = character == "#" ? run + 1 : 0
        longest = max(longest, run)
    }
    return String(repeating: "#", count: longest + 1)
}

var swift = """
// Generated at build time by EmbedDataTool from Questionnaires/ and Guidance/. Do not edit.

extension BundledFiles {
    static let generated: [String: String] = [

"""
for path in relativePaths {
    let url = root.appendingPathComponent(path)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        FileHandle.standardError.write(Data("EmbedDataTool: \(path) is not readable UTF-8 text\n".utf8))
        exit(65)
    }
    let hashes = delimiter(for: text)
    swift += "        \(hashes)\"\(path)\"\(hashes): \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
}
swift += "    ]\n}\n"
do {
    try swift.write(to: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("EmbedDataTool: cannot write \(output.path): \(error)\n".utf8))
    exit(73)
}
