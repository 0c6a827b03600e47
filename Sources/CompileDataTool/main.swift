// Reads and checks the package's data files with the same loader `--data` uses, and writes a
// Swift file holding each part of the data set as JSON, so svwizard decodes only the parts a
// command needs instead of parsing every YAML file at each start. A data file problem stops
// the build with the file, line and fix.
//
// usage: CompileDataTool OUTPUT.swift ROOT FILE...   (FILE paths relative to ROOT)
import Foundation
import DataFiles
import GeneratedSource

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

GeneratedSource.write(GeneratedSource.dictionary(extending: "CompiledData", madeBy: "CompileDataTool", from: "Questionnaires/",
                                                 entries: CompiledDataSet.partNames.map { ($0, parts[$0] ?? "") }),
                      to: output, tool: "CompileDataTool")
