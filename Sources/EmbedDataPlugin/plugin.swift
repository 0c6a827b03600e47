import Foundation
import PackagePlugin

/// Builds the package's data into a target, by the target:
/// - `BundledData`: the text of every file in `Questionnaires/` and `Guidance/`, as Swift string
///   constants, so the binary runs from any directory with its defaults built in;
/// - `CompiledData`: the data set read and checked from `Questionnaires/` (a data file error
///   stops the build) and compiled to JSON, so a command decodes only the parts it needs.
@main
struct EmbedDataPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let compiling = target.name == "CompiledData"
        let folders = compiling ? ["Questionnaires"] : ["Questionnaires", "Guidance"]
        let root = context.package.directoryURL
        var relativePaths: [String] = []
        for folder in folders {
            relativePaths += Self.files(under: root.appendingPathComponent(folder), relativeTo: root)
        }
        relativePaths.sort()
        let output = context.pluginWorkDirectoryURL.appendingPathComponent(compiling ? "CompiledData+Generated.swift" : "BundledFiles+Generated.swift")
        let inputs = relativePaths.map { root.appendingPathComponent($0) }
        return [
            .buildCommand(
                displayName: compiling ? "Checking and compiling \(relativePaths.count) data files" : "Embedding \(relativePaths.count) data files",
                executable: try context.tool(named: compiling ? "CompileDataTool" : "EmbedDataTool").url,
                arguments: [output.path, root.path] + relativePaths,
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    /// Every visible regular file under `folder`, as a path relative to `root`.
    static func files(under folder: URL, relativeTo root: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(
            at: folder,
            includingPropertiesForKeys: [.isRegularFileKey],
            options: [.skipsHiddenFiles]
        ) else { return [] }
        let rootPath = root.standardizedFileURL.path
        var found: [String] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(rootPath + "/") else { continue }
            found.append(String(path.dropFirst(rootPath.count + 1)))
        }
        return found
    }
}
