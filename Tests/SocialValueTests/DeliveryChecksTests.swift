import Foundation
import Testing
@testable import SocialValue

/// Each delivery check fires on its own case and not on a good return.
@Suite("Delivery return checks")
struct DeliveryChecksTests {
    static func reference(_ text: String) -> MeasureReference { MeasureReference(text)! }

    static let supplier = Supplier(name: "Maltby Joinery Ltd", postcode: "S66 8AB", isLocal: true, size: .small, kind: .company, workforce: 10,
                                   newHires: 2, livingWage: .some)

    static let contract = ContractTerms(
        reference: "RMBC-1", tenderReference: "T-1", title: "Works", buyer: "Council", directorate: "Place", contractManager: "Sam",
        supplier: supplier, contractValue: Money(450_000), start: Day(iso: "2025-12-01")!, years: 1, awarded: Day(iso: "2025-11-01")!,
        calendar: ReportingCalendar(yearStartMonth: 12, periodMonths: 3),
        commitments: [
            ContractCommitment(measure: reference("TOM10"), label: "Apprenticeships", unit: .weeks, step: 1, quantities: [52], perUnit: Money(250),
                               delivery: "One apprentice", evidencePromised: "Agreements", evidenceAsked: ["Apprenticeship agreement"]),
            ContractCommitment(measure: reference("TOM1"), label: "Local jobs", unit: .fte, step: Decimal(string: "0.01")!, quantities: [2],
                               perUnit: nil, delivery: "Two joiners", evidencePromised: "Payroll", evidenceAsked: []),
        ],
        packName: "council", packEdition: "2025", illustrative: false, livingWageAssurance: false, bundleDigest: String(repeating: "a", count: 64))

    static let q1 = contract.calendar.period(id: "2025-26-Q1")!

    static func line(_ measure: String, delivered: String, evidence: [EvidenceItem]? = nil, reason: String? = "Late start",
                     plan: String? = "Catch up in Q2") -> DeliveryLine {
        let commitment = contract.commitment(reference(measure))!
        let due = contract.schedule.due(in: q1)[commitment.measure] ?? 0
        let items = evidence ?? [EvidenceItem(id: "\(measure)-1", what: "Record", reference: "R1", date: Day(iso: "2026-01-31")!)]
        return DeliveryLine(commitment: commitment, due: due, delivered: Decimal(string: delivered)!, evidence: items, narrative: "Done.",
                            shortfallReason: reason, recoveryPlan: plan)
    }

    func codes(_ lines: [DeliveryLine], period: ReportingPeriod = q1, prior: [MeasureReference: Decimal] = [:]) -> [FindingCode] {
        var checks = DeliveryChecks(contract: Self.contract)
        checks.priorDelivered = prior
        return checks.findings(period: period, lines: lines).map(\.code)
    }

    @Test("the schedule gives the quarter its share: 13 weeks and 0.49 FTE of a year from 1 December")
    func due() {
        let due = Self.contract.schedule.due(in: Self.q1)
        #expect(due[Self.reference("TOM10")] == 13)
        #expect(due[Self.reference("TOM1")] == Decimal(string: "0.49"))
    }

    @Test("a return on profile with evidence has no findings")
    func clean() {
        #expect(codes([Self.line("TOM10", delivered: "13"), Self.line("TOM1", delivered: "0.49")]).isEmpty)
    }

    @Test("SV-E020: a delivered quantity with no evidence")
    func evidenceMissing() {
        #expect(codes([Self.line("TOM10", delivered: "13", evidence: []), Self.line("TOM1", delivered: "0.49")]) == [.evidenceMissing])
        // Nothing delivered needs no evidence (the shortfall is explained instead).
        #expect(codes([Self.line("TOM10", delivered: "0", evidence: []), Self.line("TOM1", delivered: "0.49")]).isEmpty)
    }

    @Test("SV-E021: a period outside the contract")
    func periodOutside() {
        let later = Self.contract.calendar.period(id: "2027-28-Q1")!
        #expect(codes([Self.line("TOM10", delivered: "13"), Self.line("TOM1", delivered: "0.49")], period: later).contains(.periodOutsideContract))
        let forged = ReportingPeriod(id: "2025-26-Q1", name: "Q1", start: Day(iso: "2025-12-01")!, end: Day(iso: "2026-12-31")!)
        #expect(codes([Self.line("TOM10", delivered: "13"), Self.line("TOM1", delivered: "0.49")], period: forged).contains(.periodOutsideContract))
    }

    @Test("SV-E022: a quantity not in the measure's unit (a part week, a negative)")
    func wrongUnit() {
        #expect(codes([Self.line("TOM10", delivered: "13.5"), Self.line("TOM1", delivered: "0.49")]) == [.deliveredQuantityUnit])
        #expect(codes([Self.line("TOM10", delivered: "13"), Self.line("TOM1", delivered: "-1")]).first == .deliveredQuantityUnit)
    }

    @Test("SV-E023: below the profile with no reason or no recovery plan")
    func shortfall() {
        #expect(codes([Self.line("TOM10", delivered: "10", reason: nil), Self.line("TOM1", delivered: "0.49")]) == [.shortfallUnexplained])
        #expect(codes([Self.line("TOM10", delivered: "10", plan: "  "), Self.line("TOM1", delivered: "0.49")]) == [.shortfallUnexplained])
        #expect(codes([Self.line("TOM10", delivered: "10"), Self.line("TOM1", delivered: "0.49")]).isEmpty)
    }

    @Test("SV-E024 and SV-E025: a measure not committed, given twice, or left out")
    func measures() {
        var foreign = Self.line("TOM10", delivered: "13")
        foreign.measure = Self.reference("TOM99")
        #expect(codes([foreign, Self.line("TOM10", delivered: "13"), Self.line("TOM1", delivered: "0.49")]) == [.measureNotCommitted])
        #expect(codes([Self.line("TOM10", delivered: "13"), Self.line("TOM10", delivered: "13"), Self.line("TOM1", delivered: "0.49")])
            == [.measureNotCommitted])
        #expect(codes([Self.line("TOM10", delivered: "13")]) == [.measureNotReported])
    }

    @Test("SV-W006: evidence dated outside the period")
    func evidenceDate() {
        let late = EvidenceItem(id: "TOM10-1", what: "Agreement", reference: "A1", date: Day(iso: "2026-03-01")!)
        #expect(codes([Self.line("TOM10", delivered: "13", evidence: [late]), Self.line("TOM1", delivered: "0.49")]) == [.evidenceOutsidePeriod])
        let lastDay = EvidenceItem(id: "TOM10-1", what: "Agreement", reference: "A1", date: Day(iso: "2026-02-28")!)
        #expect(codes([Self.line("TOM10", delivered: "13", evidence: [lastDay]), Self.line("TOM1", delivered: "0.49")]).isEmpty)
    }

    @Test("SV-E022: a delivered quantity above the largest svwizard records is an error, never wrapped", arguments: [
        ("1000000000", false), ("1000000000.01", true), ("9999999999999", true),
    ])
    func largestDelivered(delivered: String, refused: Bool) {
        var checks = DeliveryChecks(contract: Self.contract)
        checks.priorDelivered = [:]
        let findings = checks.findings(period: Self.q1, lines: [Self.line("TOM10", delivered: "13"), Self.line("TOM1", delivered: delivered)])
        #expect(findings.contains { $0.code == .deliveredQuantityUnit } == refused, "\(findings)")
    }

    @Test("SV-W006: evidence dated before the contract started is named as such, once")
    func evidenceBeforeStart() {
        let early = EvidenceItem(id: "TOM10-1", what: "Agreement", reference: "A1", date: Day(iso: "2025-11-30")!)
        var checks = DeliveryChecks(contract: Self.contract)
        checks.priorDelivered = [:]
        let findings = checks.findings(period: Self.q1, lines: [Self.line("TOM10", delivered: "13", evidence: [early]), Self.line("TOM1", delivered: "0.49")])
        #expect(findings.map(\.code) == [.evidenceOutsidePeriod])
        #expect(findings.first?.message.contains("before the contract started on 1 December 2025") == true)
    }

    @Test("SV-W011: FTE above both the profile (0.49) and the workforce (12): FTE is not a headcount", arguments: [
        ("12", false), ("12.01", true), ("0.49", false),
    ])
    func fteAboveWorkforce(delivered: String, expected: Bool) {
        let lines = [Self.line("TOM10", delivered: "13"), Self.line("TOM1", delivered: delivered)]
        var checks = DeliveryChecks(contract: Self.contract)
        checks.priorDelivered = [:]
        let finding = checks.findings(period: Self.q1, lines: lines).first { $0.code == .fteAboveProfileAndWorkforce }
        #expect((finding != nil) == expected)
        if expected { #expect(finding?.message.contains("FTE is not a headcount") == true && finding?.severity == .warning) }
    }

    @Test("SV-W007: delivery beyond the whole commitment")
    func beyond() {
        // 39 before and 13 now is the 52 committed; 40 before makes 53.
        #expect(codes([Self.line("TOM10", delivered: "13"), Self.line("TOM1", delivered: "0.49")], prior: [Self.reference("TOM10"): 39]).isEmpty)
        #expect(codes([Self.line("TOM10", delivered: "13"), Self.line("TOM1", delivered: "0.49")], prior: [Self.reference("TOM10"): 40])
            == [.beyondCommitment])
    }

    @Test("a line's £ is its quantity times the contract's value, rounded to the penny; the return's total is their sum")
    func valued() {
        let document = DeliveryReturn(toolVersion: "t", contract: Self.contract, period: Self.q1, preparedBy: "Jo", preparedOn: Day(iso: "2026-03-05")!,
                                      lines: [Self.line("TOM10", delivered: "13"), Self.line("TOM1", delivered: "0.49")])
        #expect(document.lines[0].value == Money(3250))
        #expect(document.lines[1].value == nil)
        #expect(document.total == Money(3250))
        #expect(document.fileName == "RMBC-1-2025-26-Q1.svreturn.zip")
    }
}
