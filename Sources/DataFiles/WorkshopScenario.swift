import SocialValue

/// A training scenario: a realistic tender, a supplier persona, what the session should teach,
/// notes shown at key steps, a model answer and a weak answer with its planted mistakes.
/// Kept in `Questionnaires/workshops/NAME.yaml`; all £ figures use the illustrative workshop pack.
public struct WorkshopScenario: Sendable, Hashable, Codable {
    /// Typed in commands, such as `thermal-works`.
    public var name: String
    public var title: String
    /// What the scenario is about, in two or three sentences.
    public var summary: String
    public var learningGoals: [String]
    /// The tender suppliers answer (the workshop pack is added when the tender file is written).
    public var tender: TenderSpecification
    /// The supplier persona, as answers to the supplier questions.
    public var persona: AnswerTree
    /// The commissioner's starting point, as answers to the assessment questions.
    public var commissioner: AnswerTree
    /// Teaching notes shown when a step starts, keyed by the step's id.
    public var notes: [String: String]
    /// A response with no errors: the facilitator's model answer.
    public var modelAnswer: AnswerTree
    /// A response with deliberate mistakes, for practising `workshop check`.
    public var weakAnswer: AnswerTree
    /// The codes of the mistakes planted in the weak answer.
    public var plantedMistakes: [FindingCode]
    /// For commissioners: bids to evaluate, and how the scenario's tender scores them.
    public var evaluationExercise: EvaluationExercise?
}

/// A commissioner's exercise: the tender's scoring method and scale, and the bids besides the
/// model answer (each as its changes to the model answer), one of them inflated and one thin.
public struct EvaluationExercise: Sendable, Hashable, Codable {
    /// The quantitative method's id, such as `relativeToHighest`.
    public var method: String
    /// The target £ per £1, for `relativeToTarget`.
    public var targetPerPound: String?
    /// The qualitative scale's id in `framework.yaml`, such as `zeroToFive`.
    public var scale: String
    /// The model answer's bundle's name, such as `maltby-joinery`.
    public var modelBid: String
    public var bids: [ExerciseBid]

    /// The method with its figure, or nil if the id is unknown.
    public var quantitativeMethod: QuantitativeMethod? {
        switch method {
        case "relativeToHighest": .relativeToHighest
        case "relativeToTarget": targetPerPound.flatMap(DecimalText.parse).map { .relativeToTarget(perPound: $0) }
        default: nil
        }
    }
}

/// One bid of the exercise: the bundle's name and its answers that differ from the model answer.
public struct ExerciseBid: Sendable, Hashable, Codable {
    public var file: String
    public var changes: AnswerTree
}
