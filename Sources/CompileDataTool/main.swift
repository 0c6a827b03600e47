// Reads and checks the package's data files with the same loader `--data` uses, and writes a
// Swift file holding each part of the data set as JSON, so svwizard decodes only the parts a
// command needs instead of parsing every YAML file at each start. A data file problem stops
// the build with the file, line and fix.
//
// usage: CompileDataTool OUTPUT.swift ROOT FILE...   (FILE paths relative to ROOT)
import Foundation
import DataFiles

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: CompileDataTool OUTPUT.swift ROOT FILE...\n".utf8))
    exit(64)
}
let output = URL(fileURLWithPath: arguments[1])
let root = URL(fileURLWithPath: arguments[2])
var files: [String: String] = [:]
for path in arguments.dropFirst(3) {
    guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) else {
        FileHandle.standardError.write(Data("CompileDataTool: \(path) is not readable UTF-8 text\n".utf8))
        exit(65)
    }
    files[path] = text
}

let parts: [String: String]
do {
    parts = try CompiledDataSet.compile(try DataSetLoader.load(from: MemoryDataSource(origin: "built-in data", files: files)))
} catch let errors as DataFileErrors {
    for error in errors.errors {
        FileHandle.standardError.write(Data("\(root.appendingPathComponent(error.file).path):\(error.line ?? 1): error: \(error.description)\n".utf8))
    }
    exit(65)
} catch {
    FileHandle.standardError.write(Data("CompileDataTool: \(error)\n".utf8))
    exit(65)
}

/// A raw string literal delimiter longer than any run of `#` in the text.
func delimiter(for text: String) -> String {
    var longest = 0
    var run = 0
    for character in text.utf8 {
        run = character == UInt8(ascii: "#") ? run + 1 : 0
        longest = max(longest, run)
    }
    return String(repeating: "#", count: longest + 1)
}

var swift = """
// Generated at build time by CompileDataTool from Questionnaires/ and Guidance/. Do not edit.

extension CompiledData {
    static let generated: [String: String] = [

"""
for name in CompiledDataSet.partNames {
    let text = parts[name] ?? ""
    let hashes = delimiter(for: text)
    swift += "        \"\(name)\": \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
}
swift += "    ]\n}\n"
do {
    try swift.write(to: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("CompileDataTool: cannot write \(output.path): \(error)\n".utf8))
    exit(73)
}
