import Foundation

/// How the quantitative half of the social value score is worked out: the buyer's explicit,
/// recorded choice. No council source gives one formula, so none is assumed.
public enum QuantitativeMethod: Sendable, Hashable {
    /// Marks in proportion to the highest offer: weight × offer ÷ highest offer.
    case relativeToHighest
    /// Marks in proportion to a target of social value per £1 of contract value, capped at full
    /// marks: weight × min(1, (offer ÷ contract value) ÷ target).
    case relativeToTarget(perPound: Decimal)
    /// Bands of social value per £1 of contract value, each giving a share of the marks: the
    /// highest band the offer reaches counts; below every band, no marks.
    case bands([ScoreBand])
    /// Full marks at or above a threshold of social value per £1 of contract value, else none.
    case passFail(threshold: Decimal)

    /// The method's id, as files and `framework.yaml` name it.
    public var id: String {
        switch self {
        case .relativeToHighest: "relativeToHighest"
        case .relativeToTarget: "relativeToTarget"
        case .bands: "bands"
        case .passFail: "passFail"
        }
    }
}

/// One band: an offer of at least `atLeastPerPound` of social value per £1 of contract value
/// earns `percentOfMarks` of the quantitative marks.
public struct ScoreBand: Sendable, Hashable, Codable {
    public var atLeastPerPound: Decimal
    public var percentOfMarks: Decimal

    public init(atLeastPerPound: Decimal, percentOfMarks: Decimal) {
        self.atLeastPerPound = atLeastPerPound
        self.percentOfMarks = percentOfMarks
    }

    private enum CodingKeys: String, CodingKey { case atLeastPerPound, percentOfMarks }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        atLeastPerPound = try container.decode(Quantity.self, forKey: .atLeastPerPound).value
        percentOfMarks = try container.decode(Quantity.self, forKey: .percentOfMarks).value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Quantity(atLeastPerPound), forKey: .atLeastPerPound)
        try container.encode(Quantity(percentOfMarks), forKey: .percentOfMarks)
    }
}

extension QuantitativeMethod: Codable {
    private enum CodingKeys: String, CodingKey { case method, targetPerPound, bands, thresholdPerPound }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .method) {
        case "relativeToHighest": self = .relativeToHighest
        case "relativeToTarget": self = .relativeToTarget(perPound: try container.decode(Quantity.self, forKey: .targetPerPound).value)
        case "bands": self = .bands(try container.decode([ScoreBand].self, forKey: .bands))
        case "passFail": self = .passFail(threshold: try container.decode(Quantity.self, forKey: .thresholdPerPound).value)
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .method, in: container,
                                                   debugDescription: "\(other) is not a scoring method (relativeToHighest, relativeToTarget, bands, passFail)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .method)
        switch self {
        case .relativeToHighest: break
        case let .relativeToTarget(target): try container.encode(Quantity(target), forKey: .targetPerPound)
        case let .bands(bands): try container.encode(bands, forKey: .bands)
        case let .passFail(threshold): try container.encode(Quantity(threshold), forKey: .thresholdPerPound)
        }
    }
}

/// A scale for the qualitative half: the scores an evaluator may give, each with what an
/// answer must do to earn it. Marks are weight × score ÷ the highest score.
public struct QualitativeScale: Sendable, Hashable, Codable {
    public struct Point: Sendable, Hashable, Codable {
        public var score: Decimal
        public var label: String
        public var descriptor: String

        public init(score: Decimal, label: String, descriptor: String) {
            self.score = score
            self.label = label
            self.descriptor = descriptor
        }

        private enum CodingKeys: String, CodingKey { case score, label, descriptor }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            score = try container.decode(Quantity.self, forKey: .score).value
            label = try container.decode(String.self, forKey: .label)
            descriptor = try container.decode(String.self, forKey: .descriptor)
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(Quantity(score), forKey: .score)
            try container.encode(label, forKey: .label)
            try container.encode(descriptor, forKey: .descriptor)
        }
    }

    public var id: String
    public var name: String
    public var points: [Point]
    public var source: String

    public init(id: String, name: String, points: [Point], source: String) {
        self.id = id
        self.name = name
        self.points = points
        self.source = source
    }

    /// The highest score on the scale (full marks).
    public var highest: Decimal { points.map(\.score).max() ?? 0 }

    /// Whether `score` is one of the scale's scores.
    public func allows(_ score: Decimal) -> Bool { points.contains { $0.score == score } }
}
