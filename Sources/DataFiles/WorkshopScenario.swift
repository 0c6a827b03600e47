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
}
