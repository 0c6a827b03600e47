import SocialValue

/// Everything svwizard reads from data files: the framework, the measure catalogue, the
/// value packs shipped with the data and the guidance topics.
public struct DataSet: Sendable {
    /// Where the files came from (`built-in data` or a folder).
    public var origin: String
    public var framework: Framework
    public var catalogue: Catalogue
    /// The value packs shipped in `Questionnaires/value-packs/`.
    public var valuePacks: [ValuePack]
    public var guidance: [GuidanceTopic]
    /// The question flows, by id (such as `supplier-response`).
    public var flows: [String: FlowDefinition]
    /// The training scenarios, by name order.
    public var workshops: [WorkshopScenario]

    public init(origin: String, framework: Framework, catalogue: Catalogue, valuePacks: [ValuePack], guidance: [GuidanceTopic],
                flows: [String: FlowDefinition] = [:], workshops: [WorkshopScenario] = []) {
        self.origin = origin
        self.framework = framework
        self.catalogue = catalogue
        self.valuePacks = valuePacks
        self.guidance = guidance
        self.flows = flows
        self.workshops = workshops
    }

    /// The scenario named `name`.
    public func workshop(_ name: String) -> WorkshopScenario? {
        workshops.first { $0.name == name.lowercased() }
    }

    /// The measures the framework adopts, in the framework's order.
    public var frameworkMeasures: [Measure] {
        framework.measureReferences.compactMap(catalogue.measure(_:))
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
