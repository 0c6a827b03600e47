import Foundation
import Questionnaire
import SocialValue

/// The framework and its measures as JSON for scripts (`svwizard measures --json`). The shape
/// is a published format: keys are stable and sorted, money is a decimal string, and an
/// unvalued measure has `"value": null` and `"valued": false`.
public struct CatalogueJSON: Encodable {
    struct Entry: Encodable {
        let reference: String
        let label: String
        let theme: String?
        let outcome: String?
        let headline: String?
        let measure: Measure
        let valued: Bool
        let value: ProxyValue?
        let illustrative: Bool

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(reference, forKey: .reference)
            try container.encode(label, forKey: .label)
            try container.encode(theme, forKey: .theme)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(headline, forKey: .headline)
            try container.encode(measure.wording, forKey: .wording)
            try container.encode(measure.unit, forKey: .unit)
            try container.encode(measure.counts, forKey: .counts)
            try container.encode(measure.doesNotCount, forKey: .doesNotCount)
            try container.encode(measure.definitions, forKey: .definitions)
            try container.encode(measure.evidence, forKey: .evidence)
            try container.encode(measure.counting, forKey: .counting)
            try container.encodeIfPresent(measure.ageBand, forKey: .ageBand)
            try container.encodeIfPresent(measure.placementWeeks, forKey: .placementWeeks)
            try container.encode(measure.input, forKey: .input)
            try container.encode(measure.sources, forKey: .sources)
            try container.encode(valued, forKey: .valued)
            try container.encode(value, forKey: .value)
            try container.encode(illustrative, forKey: .illustrative)
        }

        enum Keys: String, CodingKey {
            case reference, label, theme, outcome, headline, wording, unit, counts, doesNotCount, definitions
            case evidence, counting, ageBand, placementWeeks, input, sources, valued, value, illustrative
        }
    }

    let council: String
    let policy: String
    let valuePack: String?
    let valuePackEdition: String?
    let measures: [Entry]

    public init(data: DataSet, pack: ValuePack?, measures: [Measure]) {
        council = data.framework.council
        policy = data.framework.policy.title
        valuePack = pack?.name
        valuePackEdition = pack?.edition
        self.measures = measures.map { measure in
            let placement = data.framework.placement(of: measure.reference)
            let value = pack?.value(for: measure.reference)
            return Entry(reference: measure.reference.rawValue, label: measure.label, theme: placement?.theme.name,
                         outcome: placement?.outcome.name, headline: placement?.headline.name, measure: measure,
                         valued: value != nil, value: value, illustrative: value != nil && (pack?.illustrative ?? false))
        }
    }

    /// Pretty-printed JSON with sorted keys, ending in a newline.
    public func rendered() throws -> String {
        try JSONEncoder.stableText(self)
    }

    enum CodingKeys: String, CodingKey { case council, policy, valuePack, valuePackEdition, measures }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(council, forKey: .council)
        try container.encode(policy, forKey: .policy)
        try container.encode(valuePack, forKey: .valuePack)
        try container.encode(valuePackEdition, forKey: .valuePackEdition)
        try container.encode(measures, forKey: .measures)
    }
}
