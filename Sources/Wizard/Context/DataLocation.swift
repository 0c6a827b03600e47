import BundledData
import CompiledData
import Foundation
import Questionnaire

/// Where the data files come from: `--data DIR`, else `SVWIZARD_DATA`, else the defaults built
/// into the binary (so svwizard runs from any directory).
public enum DataLocation {
    /// The environment variable naming a council's data folder.
    public static let environmentVariable = "SVWIZARD_DATA"

    /// The data source to use.
    public static func source(option: String?, environment: [String: String]) throws -> DataSource {
        let chosen = option ?? environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        guard let chosen else { return builtIn }
        let origin = option != nil ? "--data" : environmentVariable
        var isDirectory: ObjCBool = false
        let url = URL(fileURLWithPath: chosen)
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WizardError("\(origin) names \(chosen), which is not a folder. Give the folder that holds Questionnaires/ and Guidance/.",
                              status: option != nil ? .usage : .dataFiles)
        }
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent(DataSetLoader.frameworkPath).path) else {
            throw WizardError("\(origin) names \(chosen), which has no \(DataSetLoader.frameworkPath). "
                + "Copy svwizard's Questionnaires/ and Guidance/ folders there and edit them.", status: option != nil ? .usage : .dataFiles)
        }
        return DirectoryDataSource(root: url)
    }

    /// The data built into the binary.
    public static var builtIn: DataSource {
        MemoryDataSource(origin: builtInOrigin, files: BundledFiles.all)
    }

    static let builtInOrigin = "built-in data"

    /// Loads and checks the data set, turning data file problems into a `.dataFiles` failure.
    /// The built-in data was checked when svwizard was built; its parts are decoded as needed.
    public static func load(from source: DataSource) throws -> DataSet {
        if source.origin == builtInOrigin {
            return CompiledDataSet.dataSet(origin: builtInOrigin, parts: CompiledData.parts, guidance: source)
        }
        do {
            return try DataSetLoader.load(from: source)
        } catch let errors as DataFileErrors {
            let count = errors.errors.count
            throw WizardError("The data files in \(source.origin) have \(count) problem\(count == 1 ? "" : "s"):\n"
                + errors.errors.map { "  " + $0.description }.joined(separator: "\n"), status: .dataFiles)
        }
    }
}
