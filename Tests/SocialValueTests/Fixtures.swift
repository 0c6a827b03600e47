import Foundation
@testable import SocialValue

/// A small framework and catalogue holding one measure of each kind the rules care about.
enum Fixtures {
    static func reference(_ text: String) -> MeasureReference { MeasureReference(text)! }
    static func decimal(_ text: String) -> Decimal { Decimal(string: text)! }

    static let catalogue = Catalogue(measures: [
        Measure(reference: reference("TOM1"), label: "TOM 1", wording: "Local jobs", unit: .fte, input: InputLimits(step: decimal("0.01"))),
        Measure(reference: reference("TOM18"), label: "TOM 18", wording: "Local spend", unit: .pounds,
                counting: CountingRule(atMostContractValue: true), input: InputLimits(step: decimal("0.01"))),
        Measure(reference: reference("TOM10"), label: "TOM 10", wording: "Apprenticeship weeks", unit: .weeks, input: InputLimits(step: 1)),
        Measure(reference: reference("TOM12"), label: "TOM 12", wording: "Unpaid placements", unit: .weeks,
                placementWeeks: WeekRange(minimum: 1, maximum: 6), input: InputLimits(step: 1)),
        Measure(reference: reference("TOM13"), label: "TOM 13", wording: "Paid placements", unit: .weeks,
                placementWeeks: WeekRange(minimum: 6, maximum: nil), input: InputLimits(step: 1)),
        Measure(reference: reference("TOM3"), label: "TOM 3", wording: "Long-term unemployed", unit: .fte,
                counting: CountingRule(basis: .firstYearOfEmployment, exclusiveGroup: "disadvantaged"), input: InputLimits(step: decimal("0.01"))),
        Measure(reference: reference("TOM6"), label: "TOM 6", wording: "Disabled", unit: .fte,
                counting: CountingRule(basis: .firstYearOfEmployment, exclusiveGroup: "disadvantaged"), input: InputLimits(step: decimal("0.01"))),
        Measure(reference: reference("TOM4a"), label: "TOM 4a", wording: "Care leavers", unit: .fte,
                counting: CountingRule(basis: .firstYearOfEmployment, exclusiveGroup: "disadvantaged"),
                ageBand: AgeBand(minimum: 16, maximum: 25), input: InputLimits(step: decimal("0.01"))),
        Measure(reference: reference("TOM58"), label: "TOM 58", wording: "Living wage raises", unit: .fte,
                counting: CountingRule(livingWageRaise: true), input: InputLimits(step: decimal("0.01"))),
        Measure(reference: reference("TOM31"), label: "TOM 31", wording: "Carbon", unit: .tonnesCO2e, input: InputLimits(step: decimal("0.01"))),
    ])

    static let framework: Framework = {
        func headline(_ name: String, _ ref: String) -> Headline { Headline(name: name, measure: reference(ref)) }
        return Framework(
            council: "Test Council",
            policy: PolicyDocument(title: "Policy", period: "2024-2027", source: Source(title: "policy")),
            definition: Quotation(text: "benefit", attribution: "hub"),
            outcomes: [Outcome(id: "jobs", name: "Jobs"), Outcome(id: "economy", name: "Economy"), Outcome(id: "green", name: "Green")],
            themes: [
                Theme(name: "Opportunity", outcomes: [
                    ThemeOutcome(outcome: "jobs", name: "Jobs", headlines: [
                        headline("Apprenticeships", "TOM10"), headline("Unpaid", "TOM12"), headline("Paid", "TOM13"),
                        headline("LTU", "TOM3"), headline("Disabled", "TOM6"), headline("Care leavers", "TOM4a"), headline("Good jobs", "TOM58"),
                    ]),
                    ThemeOutcome(outcome: "economy", name: "Economy", headlines: [headline("Local jobs", "TOM1"), headline("Local spend", "TOM18")]),
                ]),
                Theme(name: "Greener", outcomes: [ThemeOutcome(outcome: "green", name: "Green", headlines: [headline("Emissions", "TOM31")])]),
            ],
            rules: PolicyRules(socialValueThreshold: Money(100_000), tenderWeighting: 20, quantitativeShare: 50, qualitativeShare: 50,
                               deliveryPlanThreshold: Money(250_000), writtenQuotations: QuotationRule(quotes: 3, localRequired: 1),
                               source: Source(title: "policy"), shortList: ShortListRule(most: 6, reason: "Keep it short.")),
            lifecycle: [], principles: [],
            localArea: LocalArea(name: "Area", source: Source(title: "t"), districts: []),
            benchmarks: Benchmarks(warnAbove: 50, items: [Benchmark(name: "Highest target", share: 50, description: "50p per £1", source: "s")]))
    }()

    static let pack = ValuePack(
        name: "test", title: "Test", edition: "Test 2024", source: "test", date: "2024-04-01", illustrative: false,
        values: [
            ProxyValue(measure: reference("TOM6"), perUnit: Money(decimal("12769.68")), edition: "E1", source: "s", date: "d"),
            ProxyValue(measure: reference("TOM10"), perUnit: Money(decimal("100.33")), edition: "E1", source: "s", date: "d"),
            ProxyValue(measure: reference("TOM31"), perUnit: Money(245), edition: "E2", source: "s", date: "d"),
        ])

    /// A response with no errors or warnings: two years, £450,000, apprenticeships, local spend,
    /// one disabled hire and unpaid placements.
    static func validResponse() -> TenderResponse {
        TenderResponse(
            tender: TenderSpecification(buyer: "Council", reference: "T-1", title: "Works", contractValue: Money(450_000),
                                        startDate: "2025-04-01", years: 2, adoptedMeasures: framework.measureReferences),
            supplier: Supplier(name: "Acme", postcode: "S60 1AE", isLocal: true, size: .small, kind: .company,
                               workforce: 10, newHires: 3, livingWage: .some),
            commitments: [
                Commitment(measure: reference("TOM10"), quantities: [52, 52], delivery: "One apprentice joiner from month 1.",
                           partner: "Rotherham College", evidence: "Apprenticeship agreement and timesheets."),
                Commitment(measure: reference("TOM18"), quantities: [50_000, 60_000], delivery: "Local merchants for materials.",
                           partner: "Local builders' merchant", evidence: "Invoices with supplier addresses."),
                Commitment(measure: reference("TOM6"), quantities: [1, 0], people: 1, delivery: "Recruit with a disability charity.",
                           partner: "Local disability charity", evidence: "Recruitment programme records."),
                Commitment(measure: reference("TOM12"), quantities: [4, 4], placements: 4, weeksEach: 2,
                           delivery: "School work experience each summer.", partner: "Local secondary school", evidence: "Attendance lists."),
            ],
            peopleCountedTwice: nil,
            deliveryDocument: "Month 1: apprentice starts. Month 3: placements agreed with the school.")
    }

    static func findings(_ response: TenderResponse, pack: ValuePack? = Fixtures.pack) -> [Finding] {
        ResponseChecks(framework: framework, catalogue: catalogue, pack: pack).findings(in: response)
    }

    static func codes(_ response: TenderResponse, pack: ValuePack? = Fixtures.pack) -> Set<FindingCode> {
        Set(findings(response, pack: pack).map(\.code))
    }

    /// The response with the commitment for `measure` changed.
    static func changing(_ measure: String, in response: TenderResponse = validResponse(), _ change: (inout Commitment) -> Void) -> TenderResponse {
        var response = response
        let index = response.commitments.firstIndex { $0.measure == reference(measure) }!
        change(&response.commitments[index])
        return response
    }
}
