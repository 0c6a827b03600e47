/// What `framework.yaml` offers a buyer for scoring bids: each quantitative method in words
/// and symbols, a cited starting point for a target, and the qualitative scales. The buyer
/// chooses and records one of each; nothing here is applied without that choice.
public struct EvaluationOptions: Sendable, Hashable, Codable {
    public struct MethodDescription: Sendable, Hashable, Codable {
        /// `relativeToHighest`, `relativeToTarget`, `bands` or `passFail`.
        public var id: String
        public var name: String
        /// The formula in symbols, such as `marks = weight × offer ÷ highest offer`.
        public var formula: String
        public var description: String
        public var source: String
    }

    /// A figure offered as a starting point, with where it comes from.
    public struct CitedFigure: Sendable, Hashable, Codable {
        public var value: Quantity
        public var source: String
    }

    public var methods: [MethodDescription]
    /// A starting point for a target of social value per £1 of contract value.
    public var targetPerPound: CitedFigure
    public var scales: [QualitativeScale]
    /// The share of the contract's value (a percentage) at or above which a bid's local spend
    /// is questioned before it is scored, when the council sets one; none is assumed.
    public var questionLocalSpendFrom: Quantity?

    public init(methods: [MethodDescription], targetPerPound: CitedFigure, scales: [QualitativeScale], questionLocalSpendFrom: Quantity? = nil) {
        self.questionLocalSpendFrom = questionLocalSpendFrom
        self.methods = methods
        self.targetPerPound = targetPerPound
        self.scales = scales
    }
}
