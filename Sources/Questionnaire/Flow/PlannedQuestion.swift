import SocialValue

/// A question as it will be asked: its full key, its wording with placeholders filled in, and
/// where it sits in the flow.
public struct PlannedQuestion: Sendable, Hashable {
    /// The full key, such as `commitments.TOM10.quantity.2`.
    public var key: String
    public var definition: QuestionDefinition
    /// The step's position (1-based) and the number of steps, for "Step 4 of 7".
    public var stepNumber: Int
    public var stepCount: Int
    public var stepTitle: String
    /// The step's id in the flow, such as `commitments`.
    public var stepID: String
    public var stepIntro: String?
    /// The question in plain words, placeholders filled.
    public var text: String
    public var help: String
    public var example: String?
    public var defaultAnswer: String?
    /// Why the default is what it is, when it follows from other answers (placements times
    /// their weeks), said before the prompt.
    public var defaultReason: String?
    /// The measure the question is about, in per-measure steps.
    public var measure: Measure?
    /// The contract year, for per-year questions.
    public var year: Int?
    /// The number of contract years, for per-year questions.
    public var yearCount: Int?
    /// Tab completions offered at the prompt.
    public var completions: [String]
    /// For measure questions: each offered measure's headline, by reference, so a measure can
    /// be chosen by its words ("apprenticeships") and the choice said back in words.
    public var measureNames: [String: String] = [:]

    public var kind: AnswerKind { definition.kind }

    public var isOptional: Bool { definition.optional ?? false }
}

extension PlannedQuestion {
    /// A question asked on its own, outside a flow: `title` is its step's heading.
    public init(_ definition: QuestionDefinition, stepTitle: String, stepNumber: Int, stepCount: Int) {
        self.init(key: definition.key, definition: definition, stepNumber: stepNumber, stepCount: stepCount, stepTitle: stepTitle,
                  stepID: "evaluation", stepIntro: nil, text: definition.ask, help: definition.help, example: definition.example,
                  defaultAnswer: definition.default, measure: nil, year: nil, yearCount: nil,
                  completions: definition.kind == .choice ? (definition.options ?? []).map(\.value) : [])
    }
}
