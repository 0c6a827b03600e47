import SocialValue

/// Loads and checks a data set. Every problem found is reported together, each with its
/// file, line, field and a fix, so a council editing its files sees them all at once.
public enum DataSetLoader {
    public static let measuresPath = "Questionnaires/measures.yaml"
    public static let frameworkPath = "Questionnaires/framework.yaml"
    public static let valuePacksFolder = "Questionnaires/value-packs"
    public static let guidanceFolder = "Guidance"
    public static let measureGuidanceFolder = "Guidance/measures"
    public static let workshopGuidanceFolder = "Guidance/workshops"
    public static let workshopsFolder = "Questionnaires/workshops"

    /// Reads and checks every data file in `source`.
    public static func load(from source: DataSource) throws -> DataSet {
        var errors: [DataFileError] = []
        let catalogue = collecting(&errors) { try loadCatalogue(from: source) }
        let framework = collecting(&errors) { try loadFramework(from: source, catalogue: catalogue) }
        var packs: [ValuePack] = []
        for path in source.files(in: valuePacksFolder) where path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            if let pack = collecting(&errors, { try loadValuePack(path: path, from: source, catalogue: catalogue) }) {
                packs.append(pack)
            }
        }
        errors += ValuePackChecks.duplicateNames(packs, folder: valuePacksFolder)
        let guidance = collecting(&errors) { try loadGuidance(from: source) } ?? []
        var flows: [String: FlowDefinition] = [:]
        for path in flowPaths {
            if let flow = collecting(&errors, { try loadFlow(path: path, from: source) }) { flows[flow.id] = flow }
        }
        var workshops: [WorkshopScenario] = []
        for path in source.files(in: workshopsFolder) where path.hasSuffix(".yaml") {
            if let scenario = collecting(&errors, { try loadWorkshop(path: path, from: source, catalogue: catalogue) }) {
                workshops.append(scenario)
            }
        }
        guard errors.isEmpty, let catalogue, let framework else {
            throw DataFileErrors(errors)
        }
        return DataSet(origin: source.origin, framework: framework, catalogue: catalogue, valuePacks: packs, guidance: guidance,
                       flows: flows, workshops: workshops.sorted { $0.name < $1.name })
    }

    /// The question flows every data folder has.
    public static let flowPaths = ["Questionnaires/supplier-response.yaml", "Questionnaires/opportunity-assessment.yaml"]

    static func loadWorkshop(path: String, from source: DataSource, catalogue: Catalogue?) throws -> WorkshopScenario {
        let file = try YAMLFile(path: path, text: try required(path, in: source))
        let scenario = try file.decode(WorkshopScenario.self)
        var errors: [DataFileError] = []
        let expectedName = String((path.split(separator: "/").last ?? "").dropLast(5))
        if scenario.name != expectedName {
            errors.append(file.error(at: [.key("name")], message: "the name \(scenario.name) differs from the file's name",
                                     hint: "Name the file \(scenario.name).yaml, or the scenario \(expectedName)."))
        }
        for (index, reference) in scenario.tender.adoptedMeasures.enumerated() where catalogue?.measure(reference) == nil {
            errors.append(file.error(at: [.key("tender"), .key("adoptedMeasures"), .index(index)],
                                     message: "\(reference) is not a measure in \(measuresPath)", hint: "Use a reference such as TOM1."))
        }
        if !errors.isEmpty { throw DataFileErrors(errors) }
        return scenario
    }

    static func loadFlow(path: String, from source: DataSource) throws -> FlowDefinition {
        let file = try YAMLFile(path: path, text: try required(path, in: source))
        let flow = try file.decode(FlowDefinition.self)
        try FlowChecks.check(flow, in: file)
        return flow
    }

    static func loadCatalogue(from source: DataSource) throws -> Catalogue {
        let file = try YAMLFile(path: measuresPath, text: try required(measuresPath, in: source))
        let measures = try file.decode(MeasuresFile.self).measures
        try CatalogueChecks.check(measures, in: file)
        return Catalogue(measures: measures)
    }

    static func loadFramework(from source: DataSource, catalogue: Catalogue?) throws -> Framework {
        let file = try YAMLFile(path: frameworkPath, text: try required(frameworkPath, in: source))
        let framework = try file.decode(Framework.self)
        try FrameworkChecks.check(framework, catalogue: catalogue, in: file)
        return framework
    }

    static func loadValuePack(path: String, from source: DataSource, catalogue: Catalogue?) throws -> ValuePack {
        let file = try YAMLFile(path: path, text: try required(path, in: source))
        let pack = try file.decode(ValuePack.self)
        try ValuePackChecks.check(pack, catalogue: catalogue, in: file)
        return pack
    }

    public static func loadGuidance(from source: DataSource) throws -> [GuidanceTopic] {
        var topics: [GuidanceTopic] = []
        for folder in [guidanceFolder, measureGuidanceFolder, workshopGuidanceFolder] {
            for path in source.files(in: folder) where path.hasSuffix(".md") {
                guard let text = try source.text(at: path) else { continue }
                topics.append(try GuidanceTopic(path: path, markdown: text, isMeasurePage: folder == measureGuidanceFolder))
            }
        }
        return topics
    }

    private static func required(_ path: String, in source: DataSource) throws -> String {
        guard let text = try source.text(at: path) else {
            throw DataFileError(file: path, line: nil, field: nil, message: "is missing from \(source.origin)",
                                hint: "Copy the file from svwizard's own Questionnaires folder and edit it.")
        }
        return text
    }

    private static func collecting<T>(_ errors: inout [DataFileError], _ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch let error as DataFileError {
            errors.append(error)
        } catch let error as DataFileErrors {
            errors += error.errors
        } catch {
            errors.append(DataFileError(file: "?", line: nil, field: nil, message: "\(error)", hint: "Check the data files."))
        }
        return nil
    }
}

/// The layout of `measures.yaml`.
struct MeasuresFile: Codable {
    var measures: [Measure]
}
