import Foundation
import SocialValue

/// `submission.json`: a supplier's social value response as it is submitted, with everything
/// needed to check it again: the tender, the supplier, every commitment per year, the value
/// pack used (each value with its edition and source), the valuation and the findings. The
/// format is published (`Questionnaires/schemas/submission.schema.json`); its keys never change
/// within a schema version.
public struct SubmissionDocument: Sendable, Hashable, Codable {
    public static let schemaName = "svwizard-submission"
    public static let currentSchemaVersion = 1

    public var schema: String
    public var schemaVersion: Int
    public var toolVersion: String
    /// The council's framework the response answers.
    public var framework: FrameworkReference
    public var tender: TenderSpecification
    public var supplier: Supplier
    public var commitments: [Commitment]
    /// How the framework names each committed measure, so the renderings need nothing else.
    public var measures: [MeasureSummary]
    public var peopleCountedTwice: Int?
    public var deliveryDocument: DeliveryDocumentText
    /// The value pack the response is valued with; nil when none was available.
    public var valuePack: ValuePack?
    public var valuation: Valuation
    public var findings: [Finding]

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion, toolVersion, framework, tender, supplier, commitments, measures, peopleCountedTwice
        case deliveryDocument, valuePack, valuation, findings
    }

    public init(toolVersion: String, framework: Framework, response: TenderResponse, pack: ValuePack?, catalogue: Catalogue) {
        schema = Self.schemaName
        schemaVersion = Self.currentSchemaVersion
        self.toolVersion = toolVersion
        self.framework = FrameworkReference(council: framework.council, policy: framework.policy.title)
        var tender = response.tender
        tender.valuePack = nil // the pack is recorded once, below
        self.tender = tender
        supplier = response.supplier
        commitments = response.commitments
        measures = response.commitments.map { commitment in
            let placement = framework.placement(of: commitment.measure)
            let measure = catalogue.measure(commitment.measure)
            return MeasureSummary(reference: commitment.measure, label: measure?.label ?? commitment.measure.spoken,
                                  headline: placement?.headline.name ?? commitment.measure.spoken,
                                  theme: placement?.theme.name ?? "Other", outcome: placement?.outcome.name ?? "Other",
                                  wording: measure?.wording ?? "", unit: measure?.unit ?? .pounds)
        }
        peopleCountedTwice = response.peopleCountedTwice
        deliveryDocument = DeliveryDocumentText(
            kind: framework.rules.deliveryDocument(contractValue: response.tender.contractValue), text: response.deliveryDocument)
        valuePack = pack
        valuation = Valuation(of: response, framework: framework, catalogue: catalogue, pack: pack)
        findings = ResponseChecks(framework: framework, catalogue: catalogue, pack: pack).findings(in: response)
    }

    /// The response the document records, for checking it again.
    public var response: TenderResponse {
        TenderResponse(tender: tender, supplier: supplier, commitments: commitments, peopleCountedTwice: peopleCountedTwice,
                       deliveryDocument: deliveryDocument.text)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(toolVersion, forKey: .toolVersion)
        try container.encode(framework, forKey: .framework)
        try container.encode(tender, forKey: .tender)
        try container.encode(supplier, forKey: .supplier)
        try container.encode(commitments, forKey: .commitments)
        try container.encode(measures, forKey: .measures)
        try container.encode(peopleCountedTwice, forKey: .peopleCountedTwice)
        try container.encode(deliveryDocument, forKey: .deliveryDocument)
        try container.encode(valuePack, forKey: .valuePack)
        try container.encode(valuation, forKey: .valuation)
        try container.encode(findings, forKey: .findings)
    }
}

/// A committed measure as the framework names it.
public struct MeasureSummary: Sendable, Hashable, Codable {
    public var reference: MeasureReference
    public var label: String
    public var headline: String
    public var theme: String
    public var outcome: String
    public var wording: String
    public var unit: MeasureUnit
}

extension SubmissionDocument {
    /// How the document names `reference`.
    public func summary(of reference: MeasureReference) -> MeasureSummary? {
        measures.first { $0.reference == reference }
    }
}

/// Which framework a submission answers.
public struct FrameworkReference: Sendable, Hashable, Codable {
    public var council: String
    public var policy: String
}

/// The delivery plan or milestone tracker, with which of the two the contract needs.
public struct DeliveryDocumentText: Sendable, Hashable, Codable {
    public var kind: DeliveryDocument
    public var text: String
}

extension SubmissionDocument {
    /// The document as the bytes of `submission.json`: pretty-printed, keys sorted.
    public func encoded() throws -> Data {
        try JSONEncoder.stable.encode(self) + Data("\n".utf8)
    }
}
