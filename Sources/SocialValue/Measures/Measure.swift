import Foundation

/// One TOMs measure as the council adopted it: its wording, unit, what counts, the evidence
/// to keep, how to count it and the limits on what may be entered. It carries no £ value:
/// values come from a `ValuePack`.
public struct Measure: Sendable, Hashable, Codable, Identifiable {
    /// The canonical reference, such as `TOM4a`.
    public var reference: MeasureReference
    /// The label the policy prints, such as `TOM 1, a, c`.
    public var label: String
    /// The measure's wording in the council's framework table.
    public var wording: String
    /// What is counted.
    public var unit: MeasureUnit
    /// Plain-language statements of what counts towards the measure.
    public var counts: [String]
    /// Plain-language statements of what does not count.
    public var doesNotCount: [String]
    /// Defined terms (local, long-term unemployed, FTE ...), each with its source.
    public var definitions: [Definition]
    /// The evidence a supplier keeps to prove delivery, where a source states it.
    public var evidence: [String]
    /// How the measure is counted across contract years and people.
    public var counting: CountingRule
    /// The age band a person must be in to be counted, where the measure has one.
    public var ageBand: AgeBand?
    /// The length each placement must have, in weeks, where the measure has one.
    public var placementWeeks: WeekRange?
    /// What may be entered as a quantity.
    public var input: InputLimits
    /// Where the facts above come from.
    public var sources: [Source]
    /// Example answers shown at the prompts (not facts about the measure).
    public var examples: AnswerExamples?
    /// When an opportunity assessment recommends the measure: all of these must hold.
    public var recommendWhen: [FitCondition]

    public var id: MeasureReference { reference }

    public init(
        reference: MeasureReference, label: String, wording: String, unit: MeasureUnit,
        counts: [String] = [], doesNotCount: [String] = [], definitions: [Definition] = [],
        evidence: [String] = [], counting: CountingRule = CountingRule(), ageBand: AgeBand? = nil,
        placementWeeks: WeekRange? = nil, input: InputLimits, sources: [Source] = [], examples: AnswerExamples? = nil,
        recommendWhen: [FitCondition] = []
    ) {
        self.reference = reference
        self.label = label
        self.wording = wording
        self.unit = unit
        self.counts = counts
        self.doesNotCount = doesNotCount
        self.definitions = definitions
        self.evidence = evidence
        self.counting = counting
        self.ageBand = ageBand
        self.placementWeeks = placementWeeks
        self.input = input
        self.sources = sources
        self.examples = examples
        self.recommendWhen = recommendWhen
    }

    enum CodingKeys: String, CodingKey {
        case reference, label, wording, unit, counts, doesNotCount, definitions, evidence
        case counting, ageBand, placementWeeks, input, sources, examples, recommendWhen
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        reference = try container.decode(MeasureReference.self, forKey: .reference)
        label = try container.decode(String.self, forKey: .label)
        wording = try container.decode(String.self, forKey: .wording)
        unit = try container.decode(MeasureUnit.self, forKey: .unit)
        counts = try container.decodeIfPresent([String].self, forKey: .counts) ?? []
        doesNotCount = try container.decodeIfPresent([String].self, forKey: .doesNotCount) ?? []
        definitions = try container.decodeIfPresent([Definition].self, forKey: .definitions) ?? []
        evidence = try container.decodeIfPresent([String].self, forKey: .evidence) ?? []
        counting = try container.decodeIfPresent(CountingRule.self, forKey: .counting) ?? CountingRule()
        ageBand = try container.decodeIfPresent(AgeBand.self, forKey: .ageBand)
        placementWeeks = try container.decodeIfPresent(WeekRange.self, forKey: .placementWeeks)
        input = try container.decode(InputLimits.self, forKey: .input)
        sources = try container.decodeIfPresent([Source].self, forKey: .sources) ?? []
        examples = try container.decodeIfPresent(AnswerExamples.self, forKey: .examples)
        recommendWhen = try container.decodeIfPresent([FitCondition].self, forKey: .recommendWhen) ?? []
    }

    /// Whether `word` appears in the measure's reference, wording, definitions or rules.
    public func matches(_ word: String) -> Bool {
        let needle = word.lowercased()
        let haystack = ([reference.rawValue, label, wording] + counts + doesNotCount + evidence
            + counting.rules + definitions.flatMap { [$0.term, $0.meaning] }).joined(separator: "\n").lowercased()
        return haystack.contains(needle)
    }
}

/// A defined term and where its meaning comes from.
public struct Definition: Sendable, Hashable, Codable {
    /// The term, such as "long-term unemployed".
    public var term: String
    /// What it means, in plain words.
    public var meaning: String
    /// Who says so.
    public var source: String?

    public init(term: String, meaning: String, source: String? = nil) {
        self.term = term
        self.meaning = meaning
        self.source = source
    }
}

/// A cited source: a title and, where public, its address.
public struct Source: Sendable, Hashable, Codable {
    /// What the source is, such as "Torbay Council, TOMs dos and don'ts".
    public var title: String
    /// Where it can be read.
    public var url: String?

    public init(title: String, url: String? = nil) {
        self.title = title
        self.url = url
    }
}

/// An inclusive age band in years, such as 16 to 25.
public struct AgeBand: Sendable, Hashable, Codable {
    public var minimum: Int
    public var maximum: Int?

    public init(minimum: Int, maximum: Int?) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// "aged 16 to 25" or "aged over 24".
    public var phrase: String {
        if let maximum { return "aged \(minimum) to \(maximum)" }
        return "aged \(minimum) or over"
    }
}

/// An inclusive range of weeks; `maximum` nil means no upper limit.
public struct WeekRange: Sendable, Hashable, Codable {
    public var minimum: Int
    public var maximum: Int?

    public init(minimum: Int, maximum: Int?) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Whether a placement of `weeks` fits.
    public func contains(_ weeks: Decimal) -> Bool {
        weeks >= Decimal(minimum) && (maximum.map { weeks <= Decimal($0) } ?? true)
    }

    /// "1 to 6 weeks" or "6 weeks or more".
    public var phrase: String {
        if let maximum { return "\(minimum) to \(maximum) weeks" }
        return "\(minimum) weeks or more"
    }
}

/// Example answers for a measure's questions, shown at the prompts.
public struct AnswerExamples: Sendable, Hashable, Codable {
    public var quantity: String?
    public var delivery: String?
    public var evidence: String?
}
