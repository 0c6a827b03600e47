import Foundation

/// Where data files are read from: a council's folder on disk, or the defaults built into
/// the binary. Paths are relative, such as `Questionnaires/framework.yaml`.
public protocol DataSource: Sendable {
    /// A short description for messages, such as `built-in data` or a folder path.
    var origin: String { get }
    /// The text of the file at `path`, or nil if there is no such file.
    func text(at path: String) throws -> String?
    /// The relative paths of the files directly inside `folder`, sorted.
    func files(in folder: String) -> [String]
}

/// Data files held in memory, keyed by relative path (used for the built-in defaults).
public struct MemoryDataSource: DataSource {
    public let origin: String
    private let contents: [String: String]

    public init(origin: String, files: [String: String]) {
        self.origin = origin
        self.contents = files
    }

    public func text(at path: String) throws -> String? { contents[path] }

    public func files(in folder: String) -> [String] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return contents.keys
            .filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
            .sorted()
    }
}

/// Data files in a folder on disk laid out like the project: `Questionnaires/`, `Guidance/`.
public struct DirectoryDataSource: DataSource {
    public let root: URL
    public var origin: String { root.path }

    public init(root: URL) { self.root = root }

    public func text(at path: String) throws -> String? {
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let data = try Data(contentsOf: url)
            guard let text = String(data: data, encoding: .utf8) else {
                throw DataFileError(file: path, line: nil, field: nil, message: "is not UTF-8 text",
                                    hint: "Save the file as UTF-8 text.")
            }
            return text
        } catch let error as DataFileError {
            throw error
        } catch {
            throw DataFileError(file: path, line: nil, field: nil, message: "cannot be read (\(error.localizedDescription))",
                                hint: "Check that the file exists and that you may read it.")
        }
    }

    public func files(in folder: String) -> [String] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names
            .filter { !$0.hasPrefix(".") }
            .filter { name in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
                    && !isDirectory.boolValue
            }
            .map { folder + "/" + $0 }
            .sorted()
    }
}
