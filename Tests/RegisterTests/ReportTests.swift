import Foundation
import Testing
@testable import Register
import GRDB
@testable import SocialValue

/// A small register whose every figure is worked out by hand: contract A (1 December 2025, one
/// year) with a partly rejected piece of evidence and a superseded return; contract B starting
/// mid-year (15 April 2026, two years) with an unreviewed return; contract C over the threshold
/// with no commitments.
@Suite("The social value report's figures")
struct ReportFigureTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static let calendar = ReportingCalendar(yearStartMonth: 12, periodMonths: 3)
    static let ten = MeasureReference("TOM10")!, one = MeasureReference("TOM1")!

    static func contract(_ reference: String, start: String, years: Int, awarded: String, directorate: String, postcode: String, local: Bool,
                         value: Decimal, weeksPerYear: Decimal?, fte: Decimal? = nil) -> ContractTerms {
        var commitments: [ContractCommitment] = []
        if let weeksPerYear {
            commitments.append(ContractCommitment(measure: ten, label: "Apprenticeships", unit: .weeks, step: 1,
                                                  quantities: Array(repeating: weeksPerYear, count: years), perUnit: Money(250), delivery: "d",
                                                  evidencePromised: "e", evidenceAsked: []))
        }
        if let fte {
            commitments.append(ContractCommitment(measure: one, label: "Local jobs", unit: .fte, step: Decimal(string: "0.01")!,
                                                  quantities: Array(repeating: fte, count: years), perUnit: nil, delivery: "d", evidencePromised: "e",
                                                  evidenceAsked: []))
        }
        return ContractTerms(reference: reference, tenderReference: "T-\(reference)", title: "Contract \(reference)", buyer: "Council", directorate: directorate,
                             contractManager: "Sam", supplier: Supplier(name: "Supplier \(reference)", postcode: postcode, isLocal: local, size: .small,
                                                                        kind: .company, workforce: 10, newHires: 2, livingWage: .some),
                             contractValue: Money(value), start: day(start), years: years, awarded: day(awarded), calendar: calendar,
                             commitments: commitments, packName: "council", packEdition: "2025", illustrative: false, livingWageAssurance: false,
                             bundleDigest: String(repeating: "b", count: 64))
    }

    static func delivery(_ terms: ContractTerms, _ period: String, weeks: Decimal, fte: Decimal?, items: Int = 1, preparedOn: String) -> DeliveryReturn {
        let period = terms.calendar.period(id: period)!
        let due = terms.schedule.due(in: period)
        let lines = terms.commitments.compactMap { commitment -> DeliveryLine? in
            let delivered = commitment.measure == ten ? weeks : (fte ?? 0)
            let count = commitment.measure == ten ? items : 1
            return DeliveryLine(commitment: commitment, due: due[commitment.measure] ?? 0, delivered: delivered,
                                evidence: (1...count).map { EvidenceItem(id: "\(commitment.measure.rawValue)-\($0)", what: "Record", reference: "R", date: period.end) },
                                narrative: "Done.", shortfallReason: "s", recoveryPlan: "r")
        }
        return DeliveryReturn(toolVersion: "test", contract: terms, period: period, preparedBy: "Jo", preparedOn: day(preparedOn), lines: lines)
    }

    /// The register, built as described above.
    static func register(_ store: Store) throws -> any SQLRegister {
        try fill(try store.open(in: try Fixture.folder()))
    }

    /// Fills `register` as described above.
    static func fill(_ register: any SQLRegister) throws -> any SQLRegister {
        let a = contract("A", start: "2025-12-01", years: 1, awarded: "2025-12-01", directorate: "Place", postcode: "S60 1AE", local: true,
                         value: 450_000, weeksPerYear: 52, fte: 2)
        let b = contract("B", start: "2026-04-15", years: 2, awarded: "2026-03-01", directorate: "Children", postcode: "LS1 4DY", local: false,
                         value: 300_000, weeksPerYear: 52)
        let c = contract("C", start: "2026-02-01", years: 1, awarded: "2026-01-10", directorate: "Place", postcode: "S60 1AE", local: true,
                         value: 150_000, weeksPerYear: nil)
        for terms in [a, b, c] { try register.award(terms) }
        // A, Q1: 13 weeks on two pieces of evidence, one rejected, 8 weeks accepted; 0.49 FTE validated.
        _ = try register.importReturn(delivery(a, "2025-26-Q1", weeks: 13, fte: Decimal(string: "0.49"), items: 2, preparedOn: "2026-03-05"), digest: "a1", on: day("2026-03-10"))
        let a1 = try register.returns(of: "A")[0].id
        try register.recordReview(ReturnReview(returnID: a1, reviewer: "Sam", day: day("2026-03-20"), decisions: [
            .init(measure: ten, item: "TOM10-1", status: .validated, reason: "ok"), .init(measure: ten, item: "TOM10-2", status: .rejected, reason: "no"),
            .init(measure: one, item: "TOM1-1", status: .validated, reason: "ok"),
        ], accepted: [ten: 8]))
        // A, Q2: 13 weeks, then a corrected return of 10, validated; its 0.51 FTE queried.
        _ = try register.importReturn(delivery(a, "2025-26-Q2", weeks: 13, fte: Decimal(string: "0.51"), preparedOn: "2026-06-05"), digest: "a2", on: day("2026-06-10"))
        _ = try register.importReturn(delivery(a, "2025-26-Q2", weeks: 10, fte: Decimal(string: "0.51"), preparedOn: "2026-06-12"), digest: "a2b", on: day("2026-06-15"))
        let a2 = try #require(try register.returns(of: "A").first { $0.isCurrent && $0.document.period.id == "2025-26-Q2" }).id
        try register.recordReview(ReturnReview(returnID: a2, reviewer: "Sam", day: day("2026-06-20"), decisions: [
            .init(measure: ten, item: "TOM10-1", status: .validated, reason: "ok"), .init(measure: one, item: "TOM1-1", status: .queried, reason: "?"),
        ]))
        // B, Q2 (15 April to 31 May): 7 weeks, validated; Q3: 13 weeks, not reviewed.
        _ = try register.importReturn(delivery(b, "2025-26-Q2", weeks: 7, fte: nil, preparedOn: "2026-06-05"), digest: "b2", on: day("2026-06-10"))
        let b2 = try register.returns(of: "B")[0].id
        try register.recordReview(ReturnReview(returnID: b2, reviewer: "Sam", day: day("2026-06-20"), decisions: [
            .init(measure: ten, item: "TOM10-1", status: .validated, reason: "ok"),
        ]))
        _ = try register.importReturn(delivery(b, "2025-26-Q3", weeks: 13, fte: nil, preparedOn: "2026-09-05"), digest: "b3", on: day("2026-09-10"))
        return register
    }

    @Test("the schedules are as worked by hand: A 13 weeks a quarter; B 7, 13, 13 in 2025/26, 71 weeks after")
    func schedules() {
        let b = Self.contract("B", start: "2026-04-15", years: 2, awarded: "2026-03-01", directorate: "Children", postcode: "LS1 4DY", local: false,
                              value: 300_000, weeksPerYear: 52)
        let year1 = b.schedule.lines.filter { $0.contractYear == 1 }.map(\.quantity.value)
        #expect(year1 == [7, 13, 13, 13, 6])
    }

    @Test("2025/26: every figure as worked by hand, the same by the year's running totals and by its periods", arguments: Store.tested)
    func annual(store: Store) throws {
        let register = try Self.register(store)
        let range = ReportRange.year("2025/26", calendar: Self.calendar, midYear: false)!
        #expect(range.from.iso == "2025-12-01" && range.to.iso == "2026-11-30")
        let byYear = try register.reportFigures(from: range.from, to: range.to, span: 12, threshold: Money(100_000), localSpendMeasure: nil)
        let byPeriods = try register.reportFigures(from: range.from, to: range.to, span: nil, threshold: Money(100_000), localSpendMeasure: nil)
        #expect(byYear == byPeriods)
        let p = byYear.inPeriod
        #expect(p.committed == Money(39_000))
        #expect(p.due == Money(21_250))
        #expect(p.reported == Money(10_750))
        #expect(p.validated == Money(6_250))
        #expect(p.awaiting == Money(3_250))
        #expect(p.rejected == Money(1_250))
        #expect(p.shortfall == Money(15_000))
        #expect(p.notYetDue == Money(17_750))
        #expect(byYear.cumulative.committed == Money(39_000) && byYear.cumulative.validated == Money(6_250))
        let weeks = try #require(byYear.measures.first { $0.measure == Self.ten })
        #expect(weeks.inPeriod.due.value == 85 && weeks.inPeriod.reported.value == 43 && weeks.inPeriod.validated.value == 25)
        let jobs = try #require(byYear.measures.first { $0.measure == Self.one })
        #expect(jobs.inPeriod.due.value == 2 && jobs.inPeriod.validated.value == Decimal(string: "0.49") && !jobs.valued)
        #expect(byYear.directorates.map(\.name) == ["Place", "Children"])
        #expect(byYear.directorates.first { $0.name == "Children" }?.stages.validated == Money(1_750))
        #expect(byYear.supplierLocations.map { "\($0.name) \($0.stages.validated)" } == ["Local suppliers £4,500.00", "Other suppliers £1,750.00"])
        #expect(byYear.districts.map(\.name).sorted() == ["LS1", "S60"])
        #expect(byYear.threshold.inPeriodWith == 2 && byYear.threshold.inPeriodWithout == 1 && byYear.threshold.without == ["C"])
        #expect(byYear.since == Day(iso: "2025-12-01"))
    }

    @Test("the mid-year report (December to May) adds up only the first two quarters", arguments: Store.tested)
    func midYear(store: Store) throws {
        let register = try Self.register(store)
        let range = ReportRange.year("2025/26", calendar: Self.calendar, midYear: true)!
        #expect(range.to.iso == "2026-05-31" && range.name == "Mid-year 2025/26")
        let figures = try register.reportFigures(from: range.from, to: range.to, span: nil, threshold: Money(100_000), localSpendMeasure: nil)
        #expect(try register.reportFigures(from: range.from, to: range.to, span: 6, threshold: Money(100_000), localSpendMeasure: nil) == figures)
        #expect(figures.inPeriod.due == Money(8_250))
        #expect(figures.inPeriod.reported == Money(7_500))
        #expect(figures.inPeriod.validated == Money(6_250))
        #expect(figures.inPeriod.shortfall == Money(2_000))
        #expect(figures.inPeriod.notYetDue == Money(30_750))
    }

    @Test("a contract that never sent a return: what was due is all shortfall, by its periods as by the half year's running totals",
          arguments: Store.tested)
    func noReturnAtAll(store: Store) throws {
        let register = try store.open(in: try Fixture.folder())
        try register.award(Fixture.contract())
        let range = ReportRange.year("2025/26", calendar: Self.calendar, midYear: true)!
        let byPeriods = try register.reportFigures(from: range.from, to: range.to, span: nil, threshold: Money(100_000), localSpendMeasure: nil)
        let byHalf = try register.reportFigures(from: range.from, to: range.to, span: 6, threshold: Money(100_000), localSpendMeasure: nil)
        // Two quarters of 13 weeks at £250 were due; nothing came.
        #expect(byPeriods.inPeriod.due == Money(6_500) && byPeriods.inPeriod.shortfall == Money(6_500))
        #expect(byHalf == byPeriods)
    }

    @Test("report.csv's lines: one per contract, measure and period, adding up to the report's totals", arguments: Store.tested)
    func lines(store: Store) throws {
        let register = try Self.register(store)
        var due = Money.zero, validated = Money.zero, count = 0
        try register.reportLines(from: Self.day("2025-12-01"), to: Self.day("2026-11-30")) { line in
            count += 1
            due = due + (line.dueValue ?? .zero)
            validated = validated + (line.validatedValue ?? .zero)
        }
        // A: 2 measures × 4 quarters; B: 1 × 3.
        #expect(count == 11)
        #expect(due == Money(21_250) && validated == Money(6_250))
        #expect(ReportLine.plain(micros: 1_234_567) == "1.234567" && ReportLine.plain(micros: 2_000_000) == "2" && ReportLine.plain(micros: -500_000) == "-0.5")
        #expect(ReportLine.plain(pence: 12_345) == "123.45" && ReportLine.plain(pence: 12_300) == "123" && ReportLine.plain(pence: 5) == "0.05")
    }
}

@Suite("The report's shortfall follows the domain's rule")
struct ShortfallPenceTests {
    @Test("the SQL gives what Shortfall.value gives: nothing once delivered, due less delivered otherwise, never negative", arguments: [
        // due quantity (millionths), delivered quantity, due pence, delivered pence
        (10_080_000, 10_080_000, 275_245, 275_244), (10_080_000, 0, 275_245, 0), (10_080_000, 5_000_000, 275_245, 136_530),
        (1_000_000, 999_999, 100, 101), (0, 0, 0, 0), (5_000_000, 6_000_000, 500, 600),
    ])
    func matchesDomain(dueQ: Int64, deliveredQ: Int64, dueV: Int64, deliveredV: Int64) throws {
        let expected = Shortfall.value(dueQuantity: Units.decimal(micros: dueQ), deliveredQuantity: Units.decimal(micros: deliveredQ),
                                       due: Units.money(pence: dueV), delivered: Units.money(pence: deliveredV))
        for store in Store.tested {
            let register = try store.open(in: try Fixture.folder())
            let got = try register.read { db in
                let sql = "SELECT " + db.dialect.shortfallPence(dueQ: "dq", deliveredQ: "vq", dueV: "dv", deliveredV: "vv")
                    + " FROM (SELECT CAST(? AS bigint) AS dq, CAST(? AS bigint) AS vq, CAST(? AS bigint) AS dv, CAST(? AS bigint) AS vv) AS t"
                return try db.value(sql, [dueQ, deliveredQ, dueV, deliveredV], as: Int64.self)
            }
            #expect(got.map { Units.money(pence: $0) } == expected, "\(store)")
        }
    }
}
