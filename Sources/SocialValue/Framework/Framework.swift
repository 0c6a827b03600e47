import Foundation

/// A council's social value framework: its plan themes, the social value outcomes under
/// each, the tender headlines and the measure each headline is scored by, together with
/// the policy's rules, lifecycle and local area.
public struct Framework: Sendable, Hashable, Codable {
    /// The council, such as "Rotherham Metropolitan Borough Council".
    public var council: String
    /// The policy this framework comes from.
    public var policy: PolicyDocument
    /// The definition of social value the council adopted.
    public var definition: Quotation
    /// The social value outcomes, in the policy's order.
    public var outcomes: [Outcome]
    /// The council plan themes, each with its outcomes, headlines and measures.
    public var themes: [Theme]
    /// The thresholds and weightings the policy sets.
    public var rules: PolicyRules
    /// The stages of the social value procurement lifecycle.
    public var lifecycle: [LifecycleStage]
    /// Principles the council adopted, such as Keep It Local, as named lists.
    public var principles: [PrincipleSet]
    /// The area whose people and businesses count as local.
    public var localArea: LocalArea
    /// Public benchmarks for social value as a share of contract value.
    public var benchmarks: Benchmarks
    /// The ways bids may be scored, for the buyer to choose from and record.
    public var evaluation: EvaluationOptions?
    /// How delivery is managed after award: the reporting calendar, RAG thresholds and living
    /// wage assurance.
    public var contractManagement: ContractManagementOptions?
    /// How an opportunity assessment recommends measures: how short its list is.
    public var assessment: AssessmentOptions?

    public init(
        council: String, policy: PolicyDocument, definition: Quotation, outcomes: [Outcome], themes: [Theme],
        rules: PolicyRules, lifecycle: [LifecycleStage], principles: [PrincipleSet], localArea: LocalArea,
        benchmarks: Benchmarks, evaluation: EvaluationOptions? = nil, contractManagement: ContractManagementOptions? = nil
    ) {
        self.evaluation = evaluation
        self.contractManagement = contractManagement
        self.council = council
        self.policy = policy
        self.definition = definition
        self.outcomes = outcomes
        self.themes = themes
        self.rules = rules
        self.lifecycle = lifecycle
        self.principles = principles
        self.localArea = localArea
        self.benchmarks = benchmarks
    }

    /// Every headline in the framework's order, with its theme and outcome.
    public var placements: [Placement] {
        themes.flatMap { theme in
            theme.outcomes.flatMap { outcome in
                outcome.headlines.map { Placement(theme: theme, outcome: outcome, headline: $0) }
            }
        }
    }

    /// The references of every measure in the framework, in the framework's order.
    public var measureReferences: [MeasureReference] {
        themes.flatMap { theme in theme.outcomes.flatMap { outcome in outcome.headlines.map(\.measure) } }
    }

    /// Where `reference` sits in the framework, or nil if the framework does not use it. (Found
    /// without making every placement: checks and views ask this for each measure.)
    public func placement(of reference: MeasureReference) -> Placement? {
        for theme in themes {
            for outcome in theme.outcomes {
                if let headline = outcome.headlines.first(where: { $0.measure == reference }) {
                    return Placement(theme: theme, outcome: outcome, headline: headline)
                }
            }
        }
        return nil
    }

    /// The outcome with identifier `id`.
    public func outcome(_ id: String) -> Outcome? { outcomes.first { $0.id == id } }
}

/// A measure's place in the framework: its theme, outcome and tender headline.
public struct Placement: Sendable, Hashable {
    public var theme: Theme
    public var outcome: ThemeOutcome
    public var headline: Headline
}

/// The policy document a framework comes from.
public struct PolicyDocument: Sendable, Hashable, Codable {
    public var title: String
    public var period: String
    public var source: Source
}

/// Words quoted from a source.
public struct Quotation: Sendable, Hashable, Codable {
    public var text: String
    public var attribution: String
}

/// One of the council's social value outcomes.
public struct Outcome: Sendable, Hashable, Codable, Identifiable {
    /// A short stable identifier, such as `local-economy`.
    public var id: String
    /// The outcome as the policy's list of outcomes words it.
    public var name: String
}

/// A council plan theme and the outcomes the framework places under it.
public struct Theme: Sendable, Hashable, Codable {
    public var name: String
    public var outcomes: [ThemeOutcome]
}

/// An outcome as it appears in a theme of the framework table.
public struct ThemeOutcome: Sendable, Hashable, Codable {
    /// The identifier of the outcome in `Framework.outcomes`.
    public var outcome: String
    /// The outcome as the framework table's cell words it.
    public var name: String
    public var headlines: [Headline]
}

/// A tender question headline and the measure it is scored by.
public struct Headline: Sendable, Hashable, Codable {
    /// The headline, such as "Apprenticeships".
    public var name: String
    /// The measure's reference.
    public var measure: MeasureReference
}

/// One stage of the social value procurement lifecycle.
public struct LifecycleStage: Sendable, Hashable, Codable {
    public var name: String
    public var summary: String
}

/// A named list of principles, such as the six Keep It Local principles.
public struct PrincipleSet: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var source: String
    public var items: [String]
}

/// Public benchmarks for how much social value a contract carries, as a share of its value.
public struct Benchmarks: Sendable, Hashable, Codable {
    /// A response whose total is above this share of the contract value gets a warning.
    public var warnAbove: Percentage
    public var items: [Benchmark]

    public init(warnAbove: Percentage, items: [Benchmark]) {
        self.warnAbove = warnAbove
        self.items = items
    }
}

/// One published benchmark and where it comes from.
public struct Benchmark: Sendable, Hashable, Codable {
    public var name: String
    public var share: Percentage
    public var description: String
    public var source: String
    /// The kinds of contract it was measured on or set for; every kind when absent.
    public var appliesTo: [OpportunityAssessment.Category]?

    public init(name: String, share: Percentage, description: String, source: String, appliesTo: [OpportunityAssessment.Category]? = nil) {
        self.name = name
        self.share = share
        self.description = description
        self.source = source
        self.appliesTo = appliesTo
    }

    /// Whether the benchmark speaks for a contract of `category`.
    public func applies(to category: OpportunityAssessment.Category) -> Bool { appliesTo?.contains(category) ?? true }
}

/// How an opportunity assessment recommends measures. The policy sets no number: the council
/// chooses, and the framework records its reason.
public struct AssessmentOptions: Sendable, Hashable, Codable {
    /// The most measures recommended.
    public var shortList: Int
    /// How many of them at least are about jobs or skills, when any fits.
    public var jobsAndSkillsAtLeast: Int
    /// Where the numbers come from.
    public var source: String

    public init(shortList: Int, jobsAndSkillsAtLeast: Int, source: String) {
        self.shortList = shortList
        self.jobsAndSkillsAtLeast = jobsAndSkillsAtLeast
        self.source = source
    }
}
