import Foundation

/// What the policy requires of a procurement, each requirement with the policy's reason.
public struct RouteDecision: Sendable, Hashable {
    /// One requirement and why.
    public struct Requirement: Sendable, Hashable {
        public var rule: String
        public var reason: String
    }

    public var socialValueRequired: Bool
    public var deliveryDocument: DeliveryDocument?
    public var requirements: [Requirement]

    /// The rules that follow from the contract's value and route, decided by the policy's words:
    /// "over" £100,000 and "over" £250,000, so exactly those amounts are not over.
    public init(value: Money, route: OpportunityAssessment.Route, rules: PolicyRules) {
        socialValueRequired = rules.requiresSocialValue(contractValue: value)
        var requirements: [Requirement] = []
        if socialValueRequired {
            let document = rules.deliveryDocument(contractValue: value)
            deliveryDocument = document
            requirements.append(Requirement(
                rule: "Social value is required, worth \(rules.tenderWeighting) of the tender score: \(rules.quantitativeShare) for the "
                    + "quantitative offer and \(rules.qualitativeShare) for the qualitative answer.",
                reason: "The policy requires contracts with a value over \(rules.socialValueThreshold.wholePounds) to demonstrate real and "
                    + "quantifiable social value, accounting for \(rules.tenderWeighting) of the overall score."))
            requirements.append(Requirement(
                rule: "Suppliers commit using the adopted measures and evidence delivery through contract management.",
                reason: "Commitments become part of the contract and are monitored so they are delivered in full."))
            requirements.append(Requirement(
                rule: document == .deliveryPlan ? "Suppliers provide a delivery plan."
                    : "Suppliers provide a milestone tracker.",
                reason: document == .deliveryPlan
                    ? "The value is over \(rules.deliveryPlanThreshold.wholePounds), where the council asks for a delivery plan."
                    : "The value is not over \(rules.deliveryPlanThreshold.wholePounds), where a milestone tracker is enough."))
        } else {
            deliveryDocument = nil
            requirements.append(Requirement(
                rule: "Social value is not required, though it may still be sought where it is proportionate.",
                reason: "The value is not over \(rules.socialValueThreshold.wholePounds), the policy's threshold."))
        }
        if route == .quotations {
            requirements.append(Requirement(
                rule: "At least \(rules.writtenQuotations.localRequired) of the \(rules.writtenQuotations.quotes) quotations must come from a local supplier.",
                reason: "The policy mandates that where the council invites written quotations, "
                    + "\(rules.writtenQuotations.localRequired) of the \(rules.writtenQuotations.quotes) quotes required is from a local supplier."))
        }
        self.requirements = requirements
    }
}

/// A realistic range of social value for a contract, from the public benchmarks that speak for
/// its kind (a construction benchmark is no guide to a services contract): labelled as
/// benchmarks, never as targets, each with its source.
public struct AmbitionRange: Sendable, Hashable {
    public var category: OpportunityAssessment.Category
    public var low: Money
    public var high: Money
    public var lowBenchmark: Benchmark
    public var highBenchmark: Benchmark

    /// The range from the lowest to the highest share among the benchmarks for `category`; nil
    /// when none speaks for it.
    public init?(value: Money, category: OpportunityAssessment.Category, benchmarks: Benchmarks) {
        let fitting = benchmarks.items.filter { $0.applies(to: category) }
        guard let lowest = fitting.min(by: { $0.share < $1.share }),
              let highest = fitting.max(by: { $0.share < $1.share }) else { return nil }
        self.category = category
        low = value * lowest.share.fraction
        high = value * highest.share.fraction
        lowBenchmark = lowest
        highBenchmark = highest
    }

    /// "£108,000 to £225,000 (24% to 50% of the contract value) ..."
    public var sentence: String {
        let cited = { (benchmark: Benchmark) in "\(benchmark.name), \(benchmark.share) (\(benchmark.source))" }
        if lowBenchmark == highBenchmark {
            return "\(low.wholePounds) (\(lowBenchmark.share) of the contract value). This is a public benchmark for \(category.rawValue) "
                + "contracts, not a target: \(cited(lowBenchmark))."
        }
        return "\(low.wholePounds) to \(high.wholePounds) (\(lowBenchmark.share) to \(highBenchmark.share) of the contract value). "
            + "These are public benchmarks for \(category.rawValue) contracts, not targets: \(cited(lowBenchmark)); \(cited(highBenchmark))."
    }

    /// Said when no benchmark speaks for the contract's kind.
    public static func none(for category: OpportunityAssessment.Category) -> String {
        "No public benchmark for \(category.rawValue) contracts is recorded in the framework, so none is suggested."
    }
}
