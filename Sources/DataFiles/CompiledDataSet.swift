import Foundation
import SocialValue

/// The built-in data in the form it is built into the binary: each part of a checked data set
/// as JSON, decoded when a command first needs that part. The YAML files stay the one source;
/// `svwizard`'s build reads and checks them with the same loader as `--data` (a data file
/// error stops the build), and the tests check that the compiled parts equal the YAML.
public enum CompiledDataSet {
    /// The names of the parts, in the order they are written.
    public static let partNames = ["framework", "catalogue", "valuePacks", "flows", "workshops", "summary"]

    /// The parts of `data` as JSON texts, keyed by part name. The same data gives the same texts.
    public static func compile(_ data: DataSet) throws -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        return [
            "framework": try json(data.framework),
            "catalogue": try json(MeasuresFile(measures: data.catalogue.measures)),
            "valuePacks": try json(data.valuePacks),
            "flows": try json(data.flows),
            "workshops": try json(data.workshops),
            "summary": DataSummary(data).lines,
        ]
    }

    /// A data set from compiled `parts`, with the guidance pages read from `guidance` (Markdown
    /// needs no converting). Each part is decoded on first use.
    public static func dataSet(origin: String, parts: [String: String], guidance: DataSource) -> DataSet {
        DataSet(
            origin: origin,
            framework: { decode(Framework.self, "framework", parts) },
            catalogue: { Catalogue(measures: decode(MeasuresFile.self, "catalogue", parts).measures) },
            valuePacks: { decode([ValuePack].self, "valuePacks", parts) },
            guidance: { (try? DataSetLoader.loadGuidance(from: guidance)) ?? [] },
            flows: { decode([String: FlowDefinition].self, "flows", parts) },
            workshops: { decode([WorkshopScenario].self, "workshops", parts) },
            summary: DataSummary(lines: parts["summary"] ?? ""))
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ name: String, _ parts: [String: String]) -> T {
        do {
            return try JSONValueDecoder().decode(T.self, from: JSONValue.parse(Data((parts[name] ?? "").utf8)))
        } catch {
            // Only a faulty build can get here: the parts were written by this very code.
            fatalError("The built-in data's \(name) part cannot be read (\(error)); rebuild svwizard.")
        }
    }
}
