import Foundation
import Testing
@testable import SocialValue

@Suite("Response checks: every rule, both ways")
struct ResponseChecksTests {
    typealias F = Fixtures

    @Test("the baseline response has no errors or warnings")
    func baselineIsClean() {
        let findings = F.findings(F.validResponse())
        #expect(findings.filter { $0.severity != .note }.isEmpty, "\(findings)")
    }

    @Test("SV-E001 an empty response")
    func nothingCommitted() {
        var response = F.validResponse()
        response.commitments = []
        #expect(F.codes(response).contains(.nothingCommitted))
        #expect(!F.codes(F.validResponse()).contains(.nothingCommitted))
    }

    @Test("SV-E002 a measure the tender did not adopt")
    func notAdopted() {
        var response = F.validResponse()
        response.tender.adoptedMeasures = [F.reference("TOM10"), F.reference("TOM18"), F.reference("TOM6")]
        let finding = F.findings(response).first { $0.code == .measureNotAdopted }
        #expect(finding?.field == "commitments.TOM12")
        #expect(finding?.hint.contains("TOM10, TOM18, TOM6") == true)
    }

    @Test("SV-E003 and SV-E004 range and step", arguments: [
        ("-1", FindingCode.quantityOutOfRange), ("52.5", .quantityOffStep), ("52", nil),
    ])
    func rangeAndStep(value: String, expected: FindingCode?) {
        let response = F.changing("TOM10") { $0.quantities = [52, F.decimal(value)] }
        let codes = F.codes(response).intersection([.quantityOutOfRange, .quantityOffStep])
        #expect(codes == (expected.map { [$0] } ?? []))
    }

    @Test("SV-E003 a quantity above the largest svwizard records is refused, never wrapped", arguments: [
        ("1000000000", false), ("1000000001", true), ("9999999999999", true), ("99999999999999999999", true),
    ])
    func largestQuantity(value: String, refused: Bool) {
        let response = F.changing("TOM10") { $0.quantities = [52, F.decimal(value)] }
        let finding = F.findings(response).first { $0.code == .quantityOutOfRange }
        #expect((finding != nil) == refused)
        if refused { #expect(finding?.message.contains("more than svwizard can record: the largest quantity is 1,000,000,000") == true) }
    }

    @Test("SV-E005 one quantity per contract year")
    func years() {
        #expect(F.codes(F.changing("TOM10") { $0.quantities = [52] }).contains(.wrongNumberOfYears))
        #expect(!F.codes(F.validResponse()).contains(.wrongNumberOfYears))
    }

    @Test("SV-E006 a chosen measure with nothing in any year")
    func zero() {
        #expect(F.codes(F.changing("TOM10") { $0.quantities = [0, 0] }).contains(.zeroCommitment))
    }

    @Test("SV-E007 local spend cannot exceed the contract value", arguments: [("450000.00", false), ("450000.01", true)])
    func localSpend(total: String, expected: Bool) {
        let response = F.changing("TOM18") { $0.quantities = [F.decimal(total), 0] }
        #expect(F.codes(response).contains(.localSpendAboveContract) == expected)
    }

    @Test("SV-E008 jobs cannot exceed workforce plus new hires", arguments: [("13", false), ("13.01", true)])
    func jobs(fte: String, expected: Bool) {
        var response = F.validResponse()
        response.commitments.append(Commitment(measure: F.reference("TOM1"), quantities: [F.decimal(fte), 5], delivery: "d", partner: "p", evidence: "e"))
        #expect(F.codes(response).contains(.jobsAboveWorkforce) == expected)
    }

    @Test("SV-W008 a year's weeks above what the workforce can carry (13 FTE x 52 weeks = 676)", arguments: [("676", false), ("677", true)])
    func weeksAboveWorkforce(weeks: String, expected: Bool) {
        let response = F.changing("TOM10") { $0.quantities = [F.decimal(weeks), 52] }
        let finding = F.findings(response).first { $0.code == .weeksAboveWorkforce }
        #expect((finding != nil) == expected)
        #expect(finding?.severity != .error)
        if expected { #expect(finding?.message.contains("677 weeks, about 13 people for the whole year") == true, "\(String(describing: finding))") }
    }

    @Test("SV-W009 one group's FTE in a year above the workforce (13 FTE)", arguments: [("12", false), ("12.01", true)])
    func groupAboveWorkforce(tom3: String, expected: Bool) {
        // TOM6 commits 1 FTE in year 1; TOM3 (the same disadvantaged group) adds the rest.
        var response = F.changing("TOM6") { $0.quantities = [1, 0]; $0.people = 1 }
        response.supplier.newHires = 3
        response.commitments.append(Commitment(measure: F.reference("TOM3"), quantities: [F.decimal(tom3), 0], delivery: "d", partner: "p", evidence: "e"))
        response.peopleCountedTwice = 0
        #expect(F.codes(response).contains(.groupAboveWorkforce) == expected, "\(F.findings(response))")
    }

    @Test("SV-W010 no staff on the real living wage, where the tender seeks assurance of it", arguments: [
        (Bool?.some(true), Supplier.LivingWage.none, true), (true, .some, false), (true, .all, false), (false, .none, false), (nil, .none, false),
    ])
    func livingWageNotPaid(assurance: Bool?, wage: Supplier.LivingWage, expected: Bool) {
        var response = F.validResponse()
        response.tender.livingWageAssurance = assurance
        response.supplier.livingWage = wage
        let finding = F.findings(response).first { $0.code == .livingWageNotPaid }
        #expect((finding != nil) == expected)
        #expect(finding.map { $0.severity == .warning } ?? true)
    }

    @Test("SV-E009 hires cannot exceed the stated new hires", arguments: [("3", false), ("2", true)])
    func newHires(stated: String, expected: Bool) {
        var response = F.changing("TOM6") { $0.quantities = [1, 2]; $0.people = 3 }
        response.supplier.newHires = F.decimal(stated)
        #expect(F.codes(response).contains(.hiresAboveNewHires) == expected)
    }

    @Test("SV-E010 placement lengths: 1 to 6 weeks unpaid, 6 or more paid", arguments: [
        ("TOM12", "6", false), ("TOM12", "7", true), ("TOM12", "1", false),
    ])
    func placementLength(measure: String, weeks: String, expected: Bool) {
        let each = F.decimal(weeks)
        let response = F.changing(measure) { $0.weeksEach = each; $0.placements = 1; $0.quantities = [each, 0] }
        #expect(F.codes(response).contains(.placementLength) == expected)
    }

    @Test("SV-E010 paid placements shorter than 6 weeks")
    func paidPlacementLength() {
        var response = F.validResponse()
        response.commitments.append(Commitment(measure: F.reference("TOM13"), quantities: [5, 0], placements: 1, weeksEach: 5,
                                               delivery: "d", partner: "p", evidence: "e"))
        #expect(F.codes(response).contains(.placementLength))
        response.commitments[4] = Commitment(measure: F.reference("TOM13"), quantities: [8, 0], placements: 1, weeksEach: 8,
                                             delivery: "d", partner: "p", evidence: "e")
        #expect(!F.codes(response).contains(.placementLength))
    }

    @Test("SV-E011 placement weeks must add up to placements times their length")
    func placementsAddUp() {
        #expect(F.codes(F.changing("TOM12") { $0.quantities = [4, 5] }).contains(.placementWeeksDoNotAddUp))
    }

    @Test("SV-E012 an age-band measure needs the band confirmed", arguments: [(true, false), (false, true)])
    func ageBand(confirmed: Bool, expected: Bool) {
        var response = F.validResponse()
        response.supplier.newHires = 5
        response.commitments.append(Commitment(measure: F.reference("TOM4a"), quantities: [1, 0], people: 1, ageBandConfirmed: confirmed,
                                               delivery: "d", partner: "p", evidence: "e"))
        response.peopleCountedTwice = 0
        #expect(F.codes(response).contains(.ageBandNotConfirmed) == expected)
    }

    @Test("SV-E013 the same people under two disadvantaged measures; SV-E019 when not asked", arguments: [
        (Optional(1), FindingCode.peopleCountedTwice), (Optional(0), nil), (nil, FindingCode.missingFacts),
    ])
    func doubleCounting(twice: Int?, expected: FindingCode?) {
        var response = F.validResponse()
        response.supplier.newHires = 5
        response.commitments.append(Commitment(measure: F.reference("TOM3"), quantities: [1, 0], people: 1, delivery: "d", partner: "p", evidence: "e"))
        response.peopleCountedTwice = twice
        let codes = F.codes(response).intersection([.peopleCountedTwice, .missingFacts])
        #expect(codes == (expected.map { [$0] } ?? []))
    }

    @Test("SV-E014 a hire counts only in the first year", arguments: [("1", false), ("2", true)])
    func firstYearOnly(total: String, expected: Bool) {
        let response = F.changing("TOM6") { $0.quantities = [1, F.decimal(total) - 1] }
        #expect(F.codes(response).contains(.hiresBeyondFirstYear) == expected)
    }

    @Test("SV-E015 a commitment needs a delivery plan; SV-W002 evidence; SV-N004 a partner")
    func delivery() {
        let response = F.changing("TOM10") { $0.delivery = "  \n"; $0.evidence = ""; $0.partner = nil }
        let codes = F.codes(response)
        #expect(codes.isSuperset(of: [.emptyDelivery, .noEvidence, .noLocalPartner]))
        #expect(F.codes(F.validResponse()).isDisjoint(with: [.emptyDelivery, .noEvidence, .noLocalPartner]))
    }

    @Test("SV-E016 the delivery plan or milestone tracker is required, named by contract value", arguments: [
        ("450000", "delivery plan"), ("200000", "milestone tracker"),
    ])
    func deliveryDocument(value: String, name: String) {
        var response = F.validResponse()
        response.tender.contractValue = Money(F.decimal(value))
        response.deliveryDocument = ""
        let finding = F.findings(response).first { $0.code == .emptyDeliveryDocument }
        #expect(finding?.message == "The \(name) is empty.")
    }

    @Test("SV-E017 an unknown measure; SV-E018 a measure twice")
    func unknownAndDuplicate() {
        var response = F.validResponse()
        response.tender.adoptedMeasures.append(F.reference("TOM99"))
        response.commitments.append(Commitment(measure: F.reference("TOM99"), quantities: [1, 1], delivery: "d", evidence: "e"))
        response.commitments.append(response.commitments[0])
        let codes = F.codes(response)
        #expect(codes.contains(.unknownMeasure))
        #expect(codes.contains(.duplicateCommitment))
    }

    @Test("SV-E019 placements need their number and length; hires need their headcount")
    func missingFacts() {
        #expect(F.codes(F.changing("TOM12") { $0.placements = nil }).contains(.missingFacts))
        #expect(F.codes(F.changing("TOM6") { $0.people = nil }).contains(.missingFacts))
    }

    @Test("SV-W001 a total above the highest benchmark share of the contract value", arguments: [
        ("16", false), ("17", true),
    ])
    func plausibility(fte: String, expected: Bool) {
        // With £10,434.32 of apprenticeship weeks: 16 FTE x £12,769.68 gives £214,749.20 (47.7% of £450,000);
        // 17 FTE gives £227,518.88 (50.6%).
        var response = F.changing("TOM6") { $0.quantities = [F.decimal(fte), 0]; $0.people = 20 }
        response.supplier.newHires = 20
        response.supplier.workforce = 20
        let finding = F.findings(response).first { $0.code == .implausibleTotal }
        #expect((finding != nil) == expected)
        if let finding { #expect(finding.message.contains("Highest target: 50%")) }
    }

    @Test("SV-W003 pay raises to the real living wage when everyone already gets it")
    func livingWage() {
        var response = F.validResponse()
        response.commitments.append(Commitment(measure: F.reference("TOM58"), quantities: [2, 0], delivery: "d", partner: "p", evidence: "e"))
        #expect(!F.codes(response).contains(.payRaiseAlreadyPaid))
        response.supplier.livingWage = .all
        #expect(F.codes(response).contains(.payRaiseAlreadyPaid))
    }

    @Test("SV-W004 everything in the last year of a multi-year contract")
    func allInLastYear() {
        #expect(F.codes(F.changing("TOM10") { $0.quantities = [0, 104] }).contains(.allInOneYear))
        #expect(!F.codes(F.changing("TOM10") { $0.quantities = [104, 0] }).contains(.allInOneYear))
    }

    @Test("SV-N001 unvalued measures; illustrative values: SV-W005 in a real bid, SV-N002 in a training scenario")
    func valuationNotes() {
        #expect(F.codes(F.validResponse()).contains(.unvalued))
        var illustrative = F.pack
        illustrative.illustrative = true
        let bid = F.codes(F.validResponse(), pack: illustrative)
        #expect(bid.contains(.illustrativeValuesInBid) && !bid.contains(.illustrativeValues))
        #expect(FindingCode.illustrativeValuesInBid.severity == .warning)
        var training = F.validResponse()
        training.tender.training = true
        let practice = F.codes(training, pack: illustrative)
        #expect(practice.contains(.illustrativeValues) && !practice.contains(.illustrativeValuesInBid))
        #expect(FindingCode.illustrativeValues.severity == .note)
        #expect(!F.codes(F.validResponse()).contains(.illustrativeValues))
        #expect(!F.codes(F.validResponse()).contains(.illustrativeValuesInBid))
        // Nothing valued: no £ figure to warn about.
        var unvaluing = illustrative
        unvaluing.values = []
        #expect(!F.codes(F.validResponse(), pack: unvaluing).contains(.illustrativeValuesInBid))
    }

    @Test("SV-N003 contracts not over £100,000", arguments: [("100000", true), ("100000.01", false)])
    func threshold(value: String, expected: Bool) {
        var response = F.validResponse()
        response.tender.contractValue = Money(F.decimal(value))
        #expect(F.codes(response).contains(.belowThreshold) == expected)
    }

    @Test("SV-N005 plural ownership is noted")
    func pluralOwnership() {
        var response = F.validResponse()
        response.supplier.kind = .cooperative
        #expect(F.codes(response).contains(.pluralOwnership))
        #expect(!F.codes(F.validResponse()).contains(.pluralOwnership))
    }

    @Test("findings are ordered errors first, and the same response gives the same findings")
    func ordering() {
        var response = F.changing("TOM10") { $0.delivery = ""; $0.evidence = ""; $0.partner = nil }
        response.tender.contractValue = Money(50_000)
        let findings = F.findings(response)
        #expect(findings.map(\.severity) == findings.map(\.severity).sorted())
        #expect(findings == F.findings(response))
    }
}

@Suite("Valuation")
struct ValuationTests {
    typealias F = Fixtures

    @Test("values each measure and year to the penny, with totals by theme and outcome")
    func toThePenny() throws {
        let valuation = Valuation(of: F.validResponse(), framework: F.framework, catalogue: F.catalogue, pack: F.pack)
        let apprenticeships = try #require(valuation.lines.first { $0.measure == F.reference("TOM10") })
        #expect(apprenticeships.values == [Money(F.decimal("5217.16")), Money(F.decimal("5217.16"))])
        #expect(apprenticeships.total == Money(F.decimal("10434.32")))
        #expect(apprenticeships.edition == "E1")
        let disabled = try #require(valuation.lines.first { $0.measure == F.reference("TOM6") })
        #expect(disabled.total == Money(F.decimal("12769.68")))
        #expect(valuation.total == Money(F.decimal("23204.00")))
        #expect(valuation.byTheme == [Valuation.Subtotal(name: "Opportunity", total: Money(F.decimal("23204.00")), valued: true)])
        #expect(valuation.byOutcome.map(\.name) == ["Jobs", "Economy"])
        #expect(valuation.byOutcome.last?.total == Money.zero)
        #expect(valuation.byOutcome.last?.valued == false, "local spend alone is unvalued, not worth £0")
        #expect(valuation.shareOfContract?.description == "5.16%")
    }

    @Test("an unvalued measure is listed by quantity and adds nothing, never a £0 line")
    func unvalued() throws {
        let valuation = Valuation(of: F.validResponse(), framework: F.framework, catalogue: F.catalogue, pack: F.pack)
        #expect(valuation.unvalued == [F.reference("TOM18"), F.reference("TOM12")])
        let spend = try #require(valuation.lines.first { $0.measure == F.reference("TOM18") })
        #expect(spend.total == nil && spend.values == nil && spend.perUnit == nil)
        #expect(spend.totalQuantity.value == 110_000)
    }

    @Test("with no pack every measure is unvalued and the total is nothing")
    func noPack() {
        let valuation = Valuation(of: F.validResponse(), framework: F.framework, catalogue: F.catalogue, pack: nil)
        #expect(valuation.unvalued.count == 4)
        #expect(valuation.total == Money.zero)
    }
}
