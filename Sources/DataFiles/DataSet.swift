import Foundation
import SocialValue

/// Everything svwizard reads from data files: the framework, the measure catalogue, the
/// value packs shipped with the data and the guidance topics.
///
/// A data set from a council's folder is read and checked whole, so every problem is reported
/// at once. The built-in data was checked when svwizard was built, so each part is decoded
/// only when a command first needs it (`--version` never reads the guidance).
public struct DataSet: Sendable {
    /// Where the files came from (`built-in data` or a folder).
    public let origin: String
    private let parts: Parts

    public var framework: Framework { parts.framework.value }
    public var catalogue: Catalogue { parts.catalogue.value }
    /// The value packs shipped in `Questionnaires/value-packs/`.
    public var valuePacks: [ValuePack] { parts.valuePacks.value }
    public var guidance: [GuidanceTopic] { parts.guidance.value }
    /// The question flows, by id (such as `supplier-response`).
    public var flows: [String: FlowDefinition] { parts.flows.value }
    /// The training scenarios, by name order.
    public var workshops: [WorkshopScenario] { parts.workshops.value }

    public init(origin: String, framework: Framework, catalogue: Catalogue, valuePacks: [ValuePack], guidance: [GuidanceTopic],
                flows: [String: FlowDefinition] = [:], workshops: [WorkshopScenario] = []) {
        self.origin = origin
        parts = Parts(framework: Lazy(framework), catalogue: Lazy(catalogue), valuePacks: Lazy(valuePacks), guidance: Lazy(guidance),
                      flows: Lazy(flows), workshops: Lazy(workshops))
    }

    /// A data set whose parts are made when first used, with its summary known beforehand.
    init(origin: String, framework: @escaping @Sendable () -> Framework, catalogue: @escaping @Sendable () -> Catalogue,
         valuePacks: @escaping @Sendable () -> [ValuePack], guidance: @escaping @Sendable () -> [GuidanceTopic],
         flows: @escaping @Sendable () -> [String: FlowDefinition], workshops: @escaping @Sendable () -> [WorkshopScenario],
         summary: DataSummary?) {
        self.origin = origin
        parts = Parts(framework: Lazy(framework), catalogue: Lazy(catalogue), valuePacks: Lazy(valuePacks), guidance: Lazy(guidance),
                      flows: Lazy(flows), workshops: Lazy(workshops))
        knownSummary = summary
    }

    private var knownSummary: DataSummary?

    /// What `--version` says of the data: the council, its policy, the measures and the packs.
    public var summary: DataSummary { knownSummary ?? DataSummary(self) }

    private struct Parts: Sendable {
        let framework: Lazy<Framework>
        let catalogue: Lazy<Catalogue>
        let valuePacks: Lazy<[ValuePack]>
        let guidance: Lazy<[GuidanceTopic]>
        let flows: Lazy<[String: FlowDefinition]>
        let workshops: Lazy<[WorkshopScenario]>
        let frameworkMeasures: Lazy<[Measure]>

        init(framework: Lazy<Framework>, catalogue: Lazy<Catalogue>, valuePacks: Lazy<[ValuePack]>, guidance: Lazy<[GuidanceTopic]>,
             flows: Lazy<[String: FlowDefinition]>, workshops: Lazy<[WorkshopScenario]>) {
            self.framework = framework
            self.catalogue = catalogue
            self.valuePacks = valuePacks
            self.guidance = guidance
            self.flows = flows
            self.workshops = workshops
            frameworkMeasures = Lazy { framework.value.measureReferences.compactMap(catalogue.value.measure(_:)) }
        }
    }

    /// The scenario named `name`.
    public func workshop(_ name: String) -> WorkshopScenario? {
        workshops.first { $0.name == name.lowercased() }
    }

    /// The measures the framework adopts, in the framework's order.
    public var frameworkMeasures: [Measure] {
        parts.frameworkMeasures.value
    }

    /// The guidance topic named `slug` (case-insensitive), or the page of the measure typed.
    public func topic(_ name: String) -> GuidanceTopic? {
        let wanted = name.lowercased().trimmingCharacters(in: .whitespaces)
        if let topic = guidance.first(where: { $0.slug == wanted }) { return topic }
        if let reference = MeasureReference(wanted) {
            return guidance.first { $0.measure == reference }
        }
        return nil
    }
}

/// The few facts `--version` shows, known without decoding the whole data set.
public struct DataSummary: Sendable, Equatable {
    public var council: String
    public var policyTitle: String
    public var measureCount: Int
    /// Each shipped pack's name, edition and whether it is illustrative.
    public var packs: [(name: String, edition: String, illustrative: Bool)]

    init(_ data: DataSet) {
        council = data.framework.council
        policyTitle = data.framework.policy.title
        measureCount = data.frameworkMeasures.count
        packs = data.valuePacks.map { ($0.name, $0.edition, $0.illustrative) }
    }

    /// One fact a line, packs as `name<TAB>edition<TAB>illustrative`.
    var lines: String {
        ([council, policyTitle, String(measureCount)] + packs.map { "\($0.name)\t\($0.edition)\t\($0.illustrative)" }).joined(separator: "\n")
    }

    init?(lines: String) {
        let parts = lines.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, let count = Int(parts[2]) else { return nil }
        council = parts[0]
        policyTitle = parts[1]
        measureCount = count
        packs = parts.dropFirst(3).compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return fields.count == 3 ? (fields[0], fields[1], fields[2] == "true") : nil
        }
    }

    public static func == (lhs: DataSummary, rhs: DataSummary) -> Bool { lhs.lines == rhs.lines }
}

/// A value made once, on first use, by any thread.
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private var make: (@Sendable () -> Value)?

    init(_ value: Value) { made = value }
    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make!()
        made = value
        make = nil
        return value
    }
}
