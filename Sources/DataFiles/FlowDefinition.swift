/// A question flow as written in `Questionnaires/*.yaml`: steps of questions, with their
/// wording, help, examples, kinds, defaults and the conditions under which they are asked.
public struct FlowDefinition: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var steps: [StepDefinition]
}

/// One step of a flow, such as "The tender" or "Your commitments".
public struct StepDefinition: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    /// Shown once when the step starts.
    public var intro: String?
    /// The step is skipped when this condition holds.
    public var skipWhen: FlowCondition?
    /// The step is asked only when this condition holds.
    public var when: FlowCondition?
    /// Ask the step's questions once for each chosen measure.
    public var forEachMeasure: Bool?
    public var questions: [QuestionDefinition]
}

/// One question. `{placeholders}` in the text are filled in when the question is asked.
public struct QuestionDefinition: Sendable, Hashable, Codable {
    /// The answer's key, such as `tender.value`; inside a per-measure step, relative to
    /// `commitments.REF.`.
    public var key: String
    public var ask: String
    public var help: String
    public var example: String?
    public var kind: AnswerKind
    /// The answer used when the person just presses Enter.
    public var `default`: String?
    /// Whether an empty answer is allowed.
    public var optional: Bool?
    /// The choices, for `choice` questions.
    public var options: [ChoiceOption]?
    /// For `checklist` questions: the id of the framework's principle list to tick from.
    public var optionsFrom: String?
    /// Which measures to suggest beside a `measures` question: `supplier` (what fits the
    /// organisation) or `contract` (what the assessment recommends).
    public var suggestions: SuggestionSource?
    /// Ask only when this condition holds.
    public var when: FlowCondition?
    /// Ask once for each contract year.
    public var forEachYear: Bool?
    /// The smallest and largest number allowed, for number questions.
    public var minimum: String?
    public var maximum: String?

    /// A question made by the code rather than read from a flow file (the evaluation wizard's).
    public init(key: String, ask: String, help: String, example: String? = nil, kind: AnswerKind, default: String? = nil,
                optional: Bool? = nil, options: [ChoiceOption]? = nil, minimum: String? = nil, maximum: String? = nil) {
        self.key = key
        self.ask = ask
        self.help = help
        self.example = example
        self.kind = kind
        self.default = `default`
        self.optional = optional
        self.options = options
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// Where a `measures` question's suggestions come from.
public enum SuggestionSource: String, Sendable, Hashable, Codable {
    case supplier, contract
}

/// One choice of a `choice` question.
public struct ChoiceOption: Sendable, Hashable, Codable {
    public var value: String
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

/// What kind of answer a question takes; each kind has its own parser.
public enum AnswerKind: String, Sendable, Hashable, Codable {
    case text, multiline, money, integer, decimal, date, yesNo, choice, postcode, measures, quantity
    /// Ticks from a list: item numbers such as `1, 3`, or `all`, or `none`.
    case checklist
    /// A value pack's name, or the path of a CSV file of values to import.
    case valuePack
}

/// The named conditions a flow can use. Their meaning is code; where they apply is data.
public enum FlowCondition: String, Sendable, Hashable, Codable {
    /// A tender file was given, so the tender's details are known.
    case tenderFile
    /// The supplier's postcode district straddles the local area's boundary.
    case partialPostcode
    /// The measure counts placements with a set length.
    case placementMeasure
    /// The measure counts hires in their first year of employment.
    case hiringMeasure
    /// The measure has an age band.
    case ageBandMeasure
    /// Two or more chosen measures belong to the same exclusive group.
    case sharedGroup
    /// At least one measure is chosen.
    case anyMeasure
    /// The contract will be bought with written quotations.
    case quotationsRoute
    /// No local supplier could be found to quote.
    case noLocalSupplier
    /// The real living wage is in scope.
    case livingWageInScope
    /// The value pack answer is a CSV file to import.
    case csvPack
    /// The chosen scoring method needs a target, a threshold or bands.
    case targetMethod, thresholdMethod, bandsMethod
    /// The contract's value is over the policy's threshold, so social value is weighted in the
    /// tender's score (at or under it there is no weighting, so nothing to score).
    case socialValueWeighted
    /// The value pack chosen is illustrative (for training only).
    case illustrativePack
    /// The work could be split into lots (asked how only then).
    case splitIntoLots
    /// The question already has an answer (from an answers file or an earlier draft): kept so
    /// it can be reviewed and changed, but never asked afresh.
    case alreadyAnswered
}
