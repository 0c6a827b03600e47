import Foundation
import Testing
@testable import SocialValue

@Suite("The route and the rules that follow")
struct RouteDecisionTests {
    let rules = Fixtures.framework.rules

    func decision(_ value: String, _ route: OpportunityAssessment.Route = .tender) -> RouteDecision {
        RouteDecision(value: Money(Decimal(string: value)!), route: route, rules: rules)
    }

    @Test("social value is required only over £100,000, by the policy's word \"over\"", arguments: [
        ("99999.99", false), ("100000.00", false), ("100000.01", true),
    ])
    func threshold(value: String, required: Bool) {
        let decision = decision(value)
        #expect(decision.socialValueRequired == required)
        #expect(decision.requirements.first?.rule.hasPrefix(required ? "Social value is required, worth 20% of the tender score: 50%"
                                                                     : "Social value is not required") == true)
    }

    @Test("a delivery plan over £250,000, a milestone tracker at or below", arguments: [
        ("250000.00", DeliveryDocument.milestoneTracker), ("250000.01", .deliveryPlan), ("100000.01", .milestoneTracker),
    ])
    func deliveryDocument(value: String, expected: DeliveryDocument) {
        #expect(decision(value).deliveryDocument == expected)
    }

    @Test("written quotations bring the 1-of-3 local quotation rule, with the policy's reason")
    func quotations() {
        let quoted = decision("40000", .quotations)
        #expect(quoted.requirements.contains { $0.rule == "At least 1 of the 3 quotations must come from a local supplier." })
        #expect(quoted.requirements.last?.reason.contains("mandates") == true)
        #expect(!decision("40000", .tender).requirements.contains { $0.rule.contains("quotations") })
    }

    @Test("the ambition range comes from the lowest and highest benchmark for the contract's kind, labelled as benchmarks, with sources")
    func ambition() throws {
        let benchmarks = Benchmarks(warnAbove: 50, items: [
            Benchmark(name: "Construction average", share: 24, description: "", source: "https://example.org/construction", appliesTo: [.works]),
            Benchmark(name: "A council target", share: 50, description: "", source: "https://example.org/target"),
        ])
        let range = try #require(AmbitionRange(value: Money(450_000), category: .works, benchmarks: benchmarks))
        #expect(range.low == Money(108_000))
        #expect(range.high == Money(225_000))
        #expect(range.sentence.hasPrefix("£108,000 to £225,000 (24% to 50% of the contract value). These are public benchmarks for works contracts, not targets"))
        #expect(range.sentence.contains("Construction average, 24% (https://example.org/construction)"))
        // A services contract is not measured against a construction benchmark.
        let services = try #require(AmbitionRange(value: Money(450_000), category: .services, benchmarks: benchmarks))
        #expect(services.sentence == "£225,000 (50% of the contract value). This is a public benchmark for services contracts, not a target: "
            + "A council target, 50% (https://example.org/target).")
        let worksOnly = Benchmarks(warnAbove: 50, items: [benchmarks.items[0]])
        #expect(AmbitionRange(value: Money(450_000), category: .goods, benchmarks: worksOnly) == nil)
    }
}

@Suite("Open actions")
struct AssessmentActionsTests {
    func assessment(route: OpportunityAssessment.Route = .tender, supplier: String? = "Local Ltd", measures: Int = 2,
                    engagement: Bool = true) -> OpportunityAssessment {
        OpportunityAssessment(
            title: "t", reference: "r", directorate: "d", commissioner: "c", category: .works, value: Money(450_000), years: 2,
            startDate: "2025-04-01", route: route, localQuoteSupplier: supplier, noLocalSupplierReason: nil,
            fit: ContractFit(peopleOnContract: 1, subcontracting: true, suitsApprenticesOrPlacements: true, contactWithSchools: false,
                             carbonIntensive: false, scopeForVCSESupport: false),
            adoptedMeasures: Array(Fixtures.framework.measureReferences.prefix(measures)),
            market: LocalMarket(canSplitIntoLots: false, lotsNote: "", knownLocalSuppliers: "", marketEngagement: engagement,
                                oneToOneSupport: true, coDesign: true, livedExperience: true, principlesFollowed: [:], principlesNote: "",
                                livingWageInScope: true, livingWageAssurance: true),
            valuePack: "p")
    }

    func actions(_ assessment: OpportunityAssessment, illustrative: Bool = false) -> [String] {
        let decision = RouteDecision(value: assessment.value, route: assessment.route, rules: Fixtures.framework.rules)
        return AssessmentActions.actions(for: assessment, decision: decision, rules: Fixtures.framework.rules, packIsIllustrative: illustrative).map(\.action)
    }

    @Test("a well-prepared tender leaves no open actions")
    func none() { #expect(actions(assessment()).isEmpty) }

    @Test("each gap becomes an action", arguments: [
        ("quotes", "Keep looking for a local supplier"), ("measures", "Adopt at least one measure"),
        ("many", "Consider a shorter list"), ("pack", "Import the buyer's own value pack"), ("engagement", "Plan market engagement"),
    ])
    func gaps(gap: String, expected: String) {
        let subject: OpportunityAssessment
        switch gap {
        case "quotes": subject = assessment(route: .quotations, supplier: nil)
        case "measures": subject = assessment(measures: 0)
        case "many": subject = assessment(measures: 8)
        case "engagement": subject = assessment(engagement: false)
        default: subject = assessment()
        }
        #expect(actions(subject, illustrative: gap == "pack").contains { $0.hasPrefix(expected) })
    }
}
