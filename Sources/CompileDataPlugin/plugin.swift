import Foundation
import PackagePlugin

/// Checks the package's data files (`Questionnaires/`) when svwizard is built and compiles the
/// data set into the target as JSON, so a command decodes only the parts it needs.
@main
struct CompileDataPlugin: BuildToolPlugin {
    static let folders = ["Questionnaires"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var relativePaths: [String] = []
        for folder in Self.folders {
            relativePaths += Self.files(under: root.appendingPathComponent(folder), relativeTo: root)
        }
        relativePaths.sort()
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("CompiledData+Generated.swift")
        let inputs = relativePaths.map { root.appendingPathComponent($0) }
        return [
            .buildCommand(
                displayName: "Checking and compiling \(relativePaths.count) data files",
                executable: try context.tool(named: "CompileDataTool").url,
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
