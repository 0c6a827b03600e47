import BundledData
import Foundation
import Testing
@testable import Questionnaire
@testable import SocialValue

/// The shipped data, loaded exactly as the binary loads it.
func shippedData() throws -> DataSet {
    try DataSetLoader.load(from: MemoryDataSource(origin: "built-in data", files: BundledFiles.all))
}

@Suite("The framework is the policy's table")
struct FrameworkTableTests {
    /// The "Social value framework and outcome measures" table of Rotherham's Social Value
    /// Policy 2024-2027, transcribed cell for cell: theme, outcome, headline, measure label and
    /// measure wording.
    static let policyTable: [(theme: String, outcome: String, headline: String, label: String, wording: String)] = [
        ("Expanding economic opportunity", "Good local jobs and skills development for local people", "Good jobs", "TOM 58",
         "Number of employees (FTE) on contract to have a pay raise to real living wage."),
        ("Expanding economic opportunity", "Good local jobs and skills development for local people", "Skills", "TOM 9",
         "Number of weeks of training opportunities on the contract (BTEC, City & guilds, NVQ, HNC)."),
        ("Expanding economic opportunity", "Good local jobs and skills development for local people", "Apprenticeships", "TOM 10",
         "Number of weeks of apprenticeships on the contract."),
        ("Expanding economic opportunity", "A strong local economy", "Local jobs", "TOM 1, a, c",
         "Number of local employees (FTE) hired /retained (Direct, TUPE & Supply chain)."),
        ("Expanding economic opportunity", "A strong local economy", "Local spend", "TOM 18",
         "Total amount (£) spent in local supply chain through the contract."),
        ("Expanding economic opportunity", "Equality of opportunity for disadvantaged people and communities including disabled people",
         "Long term unemployed", "TOM 3", "Number of employees (FTE) hired on the contract who are long term unemployed."),
        ("Expanding economic opportunity", "Equality of opportunity for disadvantaged people and communities including disabled people",
         "Disabled adults", "TOM 6", "Number of disabled employees (FTE) hired on the contract."),
        ("Expanding economic opportunity", "Equality of opportunity for disadvantaged people and communities including disabled people",
         "Job skills for adults", "TOM 7",
         "Number of hours of support into work by providing career mentoring, including mock interviews, CV advice and careers guidance (over 24 y.o.)."),
        ("Every child able to fulfil their potential", "Young people have the opportunity to develop skills and find worthwhile employment",
         "Young people work advice", "TOM 8", "Number of staff hours spent on local school and college visits."),
        ("Every child able to fulfil their potential", "Young people have the opportunity to develop skills and find worthwhile employment",
         "Unpaid work placements", "TOM 12",
         "Number of weeks spent on meaningful work placements or pre-employment course; 1-6 weeks student placement (unpaid)."),
        ("Every child able to fulfil their potential", "Young people have the opportunity to develop skills and find worthwhile employment",
         "Paid work placements", "TOM 13", "Number of weeks spent on meaningful paid work placements 6 weeks + (internships)."),
        ("Every child able to fulfil their potential", "Young people have the opportunity to develop skills and find worthwhile employment",
         "Care leavers", "TOM 4a", "Number of 16-25 year olds care leavers (FTE) hired on the contract."),
        ("Every child able to fulfil their potential", "Young people have the opportunity to develop skills and find worthwhile employment",
         "Not in employment, education or training (NEETs)", "TOM 4", "Number of employees (FTE) hired on the contract who are NEETs."),
        ("Every child able to fulfil their potential", "Young people have the opportunity to develop skills and find worthwhile employment",
         "Young offenders", "TOM 5a", "Number of 18-24 year olds rehabilitating young offenders (FTE) hired on the contract."),
        ("Every neighbourhood thriving", "Strengthened and sustainable community and voluntary organisations",
         "Monetary donation to the VCS", "TOM 28", "Monetary donation, or equipment/resources in lieu, to voluntary or community."),
        ("Every neighbourhood thriving", "Strengthened and sustainable community and voluntary organisations",
         "Business advice", "TOM 15", "Provision of expert business advice to VCSEs and MSMEs."),
        ("Every neighbourhood thriving", "Strengthened and sustainable community and voluntary organisations",
         "Equipment and resources", "TOM 16", "Equipment or resources donated to VCSEs."),
        ("A cleaner, greener local environment", "Greater environmental sustainability including accessible green spaces",
         "Emissions", "TOM 31", "Savings in carbon dioxide emissions on contract achieved through decarbonisation."),
    ]

    @Test("every row of the policy's table is in the framework, in order, cell for cell")
    func tableMatches() throws {
        let data = try shippedData()
        let rows = data.framework.placements.map { placement -> (String, String, String, String, String) in
            let measure = data.catalogue.measure(placement.headline.measure)
            return (placement.theme.name, placement.outcome.name, placement.headline.name, measure?.label ?? "?", measure?.wording ?? "?")
        }
        #expect(rows.count == Self.policyTable.count)
        for (row, expected) in zip(rows, Self.policyTable) {
            #expect(row.0 == expected.theme)
            #expect(row.1 == expected.outcome)
            #expect(row.2 == expected.headline)
            #expect(row.3 == expected.label)
            #expect(row.4 == expected.wording)
        }
    }

    @Test("the six social value outcomes are the policy's, and every table outcome is one of them")
    func sixOutcomes() throws {
        let framework = try shippedData().framework
        #expect(framework.outcomes.map(\.name) == [
            "Good local jobs and skills development for local people",
            "Young people have the opportunity to develop skills and find worthwhile employment",
            "Equality of opportunity for disadvantaged people and communities including disabled people",
            "Strengthened and sustainable community and voluntary organisations",
            "A strong local economy",
            "Greater environmental sustainability including accessible green public spaces",
        ])
        let used = Set(framework.themes.flatMap { $0.outcomes.map(\.outcome) })
        #expect(used == Set(framework.outcomes.map(\.id)))
    }

    @Test("the policy's rules: over £100,000, 20% split 50/50, delivery plan over £250,000, 1 of 3 local quotes")
    func rules() throws {
        let rules = try shippedData().framework.rules
        #expect(rules.socialValueThreshold == Money(100_000))
        #expect(rules.tenderWeighting == 20)
        #expect(rules.quantitativeShare == 50)
        #expect(rules.qualitativeShare == 50)
        #expect(rules.deliveryPlanThreshold == Money(250_000))
        #expect(rules.writtenQuotations == QuotationRule(quotes: 3, localRequired: 1))
    }

    @Test("the four lifecycle stages, the six Keep It Local principles and the five pillars")
    func lifecycleAndPrinciples() throws {
        let framework = try shippedData().framework
        #expect(framework.lifecycle.map(\.name) == ["Opportunity assessment", "Embedding outcomes in the tender process",
                                                    "Formal contract", "Contract management"])
        #expect(framework.principles.first { $0.id == "keep-it-local" }?.items.count == 6)
        #expect(framework.principles.first { $0.id == "community-wealth-building" }?.items.count == 5)
    }

    @Test("the borough's own districts are local; shared or unconfirmed ones are asked about")
    func localArea() throws {
        let area = try shippedData().framework.localArea
        for code in ["S60", "S61", "S62"] {
            #expect(area.districts.first { $0.code == code }?.coverage == .whole)
        }
        guard case .partial = area.locality(of: "S66 8AA") else {
            Issue.record("S66 should need a question")
            return
        }
        #expect(area.locality(of: "LS1 4AP") == .outside(district: "LS1"))
    }
}

@Suite("The measure catalogue and the workshop pack")
struct CatalogueDataTests {
    @Test("18 measures, each with a unit, wording, input step and at least one source")
    func measuresComplete() throws {
        let data = try shippedData()
        #expect(data.frameworkMeasures.count == 18)
        for measure in data.frameworkMeasures {
            #expect(!measure.wording.isEmpty)
            #expect(measure.input.step > 0)
            #expect(!measure.sources.isEmpty, "\(measure.reference) has no source")
        }
    }

    @Test("the catalogue's facts: units, age bands, placement lengths, first-year rule, one disadvantaged measure per person")
    func facts() throws {
        let catalogue = try shippedData().catalogue
        func measure(_ text: String) throws -> Measure { try #require(catalogue.measure(named: text)) }
        #expect(try measure("TOM18").unit == .pounds)
        #expect(try measure("TOM31").unit == .tonnesCO2e)
        #expect(try measure("TOM10").unit == .weeks)
        #expect(try measure("TOM8").unit == .hours)
        #expect(try measure("TOM1").unit == .fte)
        #expect(try measure("TOM4a").ageBand == AgeBand(minimum: 16, maximum: 25))
        #expect(try measure("TOM5a").ageBand == AgeBand(minimum: 18, maximum: 24))
        #expect(try measure("TOM12").placementWeeks == WeekRange(minimum: 1, maximum: 6))
        #expect(try measure("TOM13").placementWeeks == WeekRange(minimum: 6, maximum: nil))
        #expect(try measure("TOM3").definitions.contains { $0.meaning.contains("a year or longer") })
        #expect(try measure("TOM1").counting.basis == .eachYear)
        let disadvantaged = catalogue.measures.filter { $0.counting.exclusiveGroup == "disadvantaged" }.map(\.reference.rawValue)
        #expect(Set(disadvantaged) == ["TOM3", "TOM6", "TOM4a", "TOM4", "TOM5a"])
        for reference in disadvantaged {
            #expect(try measure(reference).counting.basis == .firstYearOfEmployment)
        }
    }

    @Test("the workshop pack is illustrative and holds only cited values")
    func workshopPack() throws {
        let pack = try #require(try shippedData().valuePacks.first { $0.name == "workshop" })
        #expect(pack.illustrative)
        #expect(pack.value(for: MeasureReference("TOM6")!)?.perUnit == Money(Decimal(string: "12769.68")!))
        #expect(pack.value(for: MeasureReference("TOM31")!)?.perUnit == Money(Decimal(string: "273.06")!))
        for value in pack.values {
            #expect(value.source.contains("http"), "\(value.measure) has no cited address")
            #expect(!value.edition.isEmpty && !value.date.isEmpty)
        }
        #expect(pack.value(for: MeasureReference("TOM18")!) == nil, "local spend has no public proxy value")
    }

    @Test("every framework measure has a guidance page, and every page has a title")
    func guidancePages() throws {
        let data = try shippedData()
        for measure in data.frameworkMeasures {
            #expect(data.guidance.contains { $0.measure == measure.reference }, "no page for \(measure.reference)")
        }
        let topics = Set(data.guidance.map(\.slug))
        for slug in ["what-is-social-value", "lifecycle", "opportunity-assessment", "tender-response", "evidence-and-reporting",
                     "keep-it-local", "community-wealth-building", "real-living-wage", "local-quotations", "double-counting"] {
            #expect(topics.contains(slug), "missing topic \(slug)")
        }
    }
}
