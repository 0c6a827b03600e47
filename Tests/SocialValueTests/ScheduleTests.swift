import Foundation
import Testing
@testable import SocialValue

@Suite("Reporting periods and the schedule")
struct ScheduleTests {
    static let rotherham = ReportingCalendar(yearStartMonth: 12, periodMonths: 3)
    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static func decimal(_ text: String) -> Decimal { Decimal(string: text)! }

    @Test("days count across months, leap years and centuries")
    func dayArithmetic() {
        #expect(Self.day("2024-02-28").adding(days: 1).iso == "2024-02-29")
        #expect(Self.day("2023-02-28").adding(days: 1).iso == "2023-03-01")
        #expect(Self.day("2025-12-31").adding(days: 1).iso == "2026-01-01")
        #expect(Self.day("2025-04-01").days(to: Self.day("2026-04-01")) == 365)
        #expect(Self.day("2024-01-31").adding(months: 1).iso == "2024-02-29")
        #expect(Self.day("2025-01-31").adding(months: 1).iso == "2025-02-28")
        #expect(Self.day("2025-11-15").adding(months: -12).iso == "2024-11-15")
        for ordinal in stride(from: 700_000, to: 760_000, by: 997) {
            #expect(Day(ordinal: ordinal).ordinal == ordinal)
        }
        #expect(Day(iso: "2025-02-29") == nil)
        #expect(Day(iso: "2025-2-01") == nil)
    }

    @Test("Rotherham's year runs December to November, in quarters named by the year")
    func rotherhamQuarters() {
        let q1 = Self.rotherham.period(containing: Self.day("2025-12-01"))
        #expect(q1.id == "2025-26-Q1" && q1.name == "Q1 2025/26")
        #expect(q1.start.iso == "2025-12-01" && q1.end.iso == "2026-02-28")
        let q4 = Self.rotherham.period(containing: Self.day("2026-11-30"))
        #expect(q4.id == "2025-26-Q4" && q4.start.iso == "2026-09-01" && q4.end.iso == "2026-11-30")
        // January belongs to the year that began the December before.
        #expect(Self.rotherham.period(containing: Self.day("2026-01-15")).id == "2025-26-Q1")
        #expect(Self.rotherham.period(containing: Self.day("2024-02-29")).end.iso == "2024-02-29")
        #expect(Self.rotherham.period(id: "2025-26-Q1") == q1)
        #expect(Self.rotherham.period(id: "2025-26-Q5") == nil)
        #expect(Self.rotherham.period(id: "2025-27-Q1") == nil)
        #expect(Self.rotherham.period(id: "nonsense") == nil)
        let calendarYear = ReportingCalendar(yearStartMonth: 1, periodMonths: 1)
        #expect(calendarYear.period(containing: Self.day("2026-03-10")).id == "2026-M3")
        #expect(calendarYear.period(id: "2026-M3")?.end.iso == "2026-03-31")
    }

    @Test("a contract starting mid-quarter has a part period at each end, shared by days")
    func startsMidQuarter() throws {
        // 1 April 2025 is in Q2 2024/25 (March to May): 61 of its 92 days fall in contract year 1.
        let schedule = Schedule(start: Self.day("2025-04-01"), years: 1, inputs: [
            .init(measure: MeasureReference("TOM10")!, quantities: [365], step: 1, perUnit: Money(10)),
        ], calendar: Self.rotherham)
        let lines = schedule.lines
        #expect(lines.map(\.period.id) == ["2024-25-Q2", "2024-25-Q3", "2024-25-Q4", "2025-26-Q1", "2025-26-Q2"])
        #expect(lines.first?.from.iso == "2025-04-01" && lines.first?.through.iso == "2025-05-31")
        #expect(lines.last?.from.iso == "2026-03-01" && lines.last?.through.iso == "2026-03-31")
        // 365 weeks over 365 days: a week a day. 61 + 92 + 91 + 90 + 31 = 365.
        #expect(lines.map(\.quantity.value) == [61, 92, 91, 90, 31])
        #expect(lines.compactMap(\.value) == [610, 92 * 10, 910, 900, 310].map { Money(Decimal($0)) })
    }

    @Test("shares keep the measure's step and add up exactly, largest remainder first")
    func largestRemainder() {
        // 10 weeks over weights 61, 92, 91, 90, 31 (365): exact shares 1.67, 2.52, 2.49, 2.47, 0.85.
        let shares = Schedule.share(10, step: 1, weights: [61, 92, 91, 90, 31])
        #expect(shares == [2, 3, 2, 2, 1])
        #expect(Schedule.share(Self.decimal("0.25"), step: Self.decimal("0.01"), weights: [1, 1, 1]) == [Self.decimal("0.09"), Self.decimal("0.08"), Self.decimal("0.08")])
        #expect(Schedule.share(0, step: 1, weights: [3, 4]) == [0, 0])
        // A quantity finer than the step is shared in a finer step rather than rounded.
        #expect(Schedule.step(for: Self.decimal("2.5"), preferred: 1) == Self.decimal("0.1"))
    }

    @Test("every contract length from 1 to 15 years: each year's lines add up to that year's commitment", arguments: Array(1...15))
    func everyLength(years: Int) {
        let quantities = (1...years).map { Decimal($0 * 7) + Self.decimal("0.33") }
        let schedule = Schedule(start: Self.day("2025-07-19"), years: years, inputs: [
            .init(measure: MeasureReference("TOM1")!, quantities: quantities, step: Self.decimal("0.01"), perUnit: Money(Self.decimal("1234.567"))),
        ], calendar: Self.rotherham)
        for year in 1...years {
            let lines = schedule.lines.filter { $0.contractYear == year }
            #expect(lines.map(\.quantity.value).reduce(0, +) == quantities[year - 1])
            #expect(lines.allSatisfy { DecimalText.isMultiple($0.quantity.value, of: Self.decimal("0.01")) })
            // Contiguous: each slice starts the day after the last ended.
            for (a, b) in zip(lines, lines.dropFirst()) { #expect(a.through.adding(days: 1) == b.from) }
        }
        let term = Schedule.term(start: Self.day("2025-07-19"), years: years)
        #expect(schedule.lines.first?.from == term.first && schedule.lines.last?.through == term.last)
        // Each contract year's £ is rounded once, as in the bid; its periods add up to it exactly.
        for year in 1...years {
            let values = schedule.lines.filter { $0.contractYear == year }.compactMap(\.value)
            #expect(Money.sum(values) == (Money(Self.decimal("1234.567")) * quantities[year - 1]).roundedToPenny)
            #expect(values.allSatisfy { $0 == $0.roundedToPenny })
        }
    }

    @Test("a penny is never lost between the bid and the schedule: 80 t at £273.06 is £21,844.80 over its periods")
    func pennyKept() {
        // 1 January 2026 to 31 December 2026 touches five Rotherham quarters (59, 92, 92, 91, 31 days).
        // 80 t shared by days: 12.93, 20.16, 20.16, 19.95, 6.80 t. Rounding each period's £ on its own
        // gives 3530.67 + 5504.89 + 5504.89 + 5447.55 + 1856.81 = £21,844.81, a penny more than the bid.
        let schedule = Schedule(start: Self.day("2026-01-01"), years: 1, inputs: [
            .init(measure: MeasureReference("TOM31")!, quantities: [80], step: Self.decimal("0.01"), perUnit: Money(Self.decimal("273.06"))),
        ], calendar: Self.rotherham)
        #expect(schedule.lines.map(\.quantity.value) == ["12.93", "20.16", "20.16", "19.95", "6.80"].map(Self.decimal))
        // The bid's £21,844.80 in pence, shared in proportion: the four pence left after rounding down
        // go to the largest remainders (the two 20.16 t periods, then 6.80 t, then 19.95 t).
        let values = schedule.lines.compactMap(\.value)
        #expect(values.map(\.pounds) == ["3530.66", "5504.89", "5504.89", "5447.55", "1856.81"].map(Self.decimal))
        #expect(Money.sum(values) == Money(Self.decimal("21844.80")))
    }

    @Test("thousands of commitments: each contract year's periods add up to the bid's line for that year, to the penny")
    func scheduleMatchesValuation() {
        var seed: UInt64 = 0x5EED
        func next(_ bound: UInt64) -> UInt64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return (seed >> 33) % bound
        }
        for _ in 0..<2000 {
            let years = Int(next(5)) + 1
            let step: Decimal = [1, Self.decimal("0.01"), Self.decimal("0.1")][Int(next(3))]
            let quantities = (0..<years).map { _ in Decimal(Int(next(100_000))) * step }
            let price = Money(Decimal(Int(next(5_000_000) + 1)) / 1000)
            let start = Day(ordinal: Self.day("2025-01-01").ordinal + Int(next(730)))
            let schedule = Schedule(start: start, years: years, inputs: [
                .init(measure: MeasureReference("TOM1")!, quantities: quantities, step: step, perUnit: price),
            ], calendar: Self.rotherham)
            for year in 1...years {
                let values = schedule.lines.filter { $0.contractYear == year }.compactMap(\.value)
                #expect(Money.sum(values) == (price * quantities[year - 1]).roundedToPenny)
            }
        }
    }

    @Test("pence shared by largest remainder, in proportion to the quantities", arguments: [
        ("0.10", ["1", "1", "1"], ["0.04", "0.03", "0.03"]),
        ("100.00", ["1", "0", "1"], ["50.00", "0.00", "50.00"]),
        ("0.05", ["0", "0"], ["0.05", "0.00"]),
        ("21844.80", ["13.37", "20.16", "19.95", "19.73", "6.79"], ["3650.81", "5504.89", "5447.55", "5387.47", "1854.08"]),
    ])
    func sharePence(amount: String, quantities: [String], expected: [String]) {
        let shares = Schedule.sharePence(of: Money(Self.decimal(amount)), like: quantities.map(Self.decimal))
        #expect(shares.map(\.pounds) == expected.map(Self.decimal))
        #expect(Money.sum(shares) == Money(Self.decimal(amount)))
    }

    @Test("an 18-month contract: two contract years, the second a part year ending on the contract's last day")
    func eighteenMonths() {
        let schedule = Schedule(start: Self.day("2026-04-01"), years: 2, months: 18, inputs: [
            .init(measure: MeasureReference("TOM10")!, quantities: [52, 26], step: 1, perUnit: Money(100)),
        ], calendar: Self.rotherham)
        let term = Schedule.term(start: Self.day("2026-04-01"), years: 2, months: 18)
        #expect(term.last.iso == "2027-09-30")
        #expect(schedule.lines.last?.through == term.last)
        #expect(schedule.lines.allSatisfy { $0.through <= term.last })
        let second = schedule.lines.filter { $0.contractYear == 2 }
        #expect(second.first?.from.iso == "2027-04-01" && second.map(\.quantity.value).reduce(0, +) == 26)
        #expect(Money.sum(second.compactMap(\.value)) == Money(2600))
        #expect(Schedule.length(years: 2, months: 18) == "18 months" && Schedule.length(years: 2, months: nil) == "2 years"
            && Schedule.length(years: 1, months: 12) == "1 year")
    }

    @Test("a part final year: a contract ending mid-period stops at its last day")
    func partFinalYear() {
        let schedule = Schedule(start: Self.day("2026-01-10"), years: 2, inputs: [
            .init(measure: MeasureReference("TOM18")!, quantities: [1000, 500], step: Self.decimal("0.01"), perUnit: nil),
        ], calendar: Self.rotherham)
        #expect(schedule.lines.last?.through.iso == "2028-01-09")
        #expect(schedule.lines.last?.period.id == "2027-28-Q1")
        #expect(schedule.lines.allSatisfy { $0.value == nil })
        #expect(schedule.periods.count == 9)
        #expect(schedule.due(in: ScheduleTests.rotherham.period(id: "2025-26-Q1")!)[MeasureReference("TOM18")!] != nil)
    }
}

@Suite("RAG status and living wage assurance")
struct DeliveryStatusTests {
    static let rag = RAGThresholds(basis: .validated, green: 90, amber: 70, note: "the council's choice")

    @Test("RAG on both sides of each threshold", arguments: [
        ("90", RAGStatus.green), ("89.99", .amber), ("70", .amber), ("69.99", .red), ("0", .red), ("150", .green),
    ])
    func thresholds(delivered: String, expected: RAGStatus) {
        #expect(Self.rag.status(delivered: Decimal(string: delivered)!, due: 100) == expected)
    }

    @Test("nothing due yet has no RAG status")
    func nothingDue() {
        #expect(Self.rag.status(delivered: 5, due: 0) == nil)
    }

    @Test("living wage assurance: not in scope, current, due, overdue, not compliant")
    func livingWage() {
        let start = Day(iso: "2025-04-01")!
        let given = LivingWageStatus.Assurance(givenOn: Day(iso: "2026-03-20")!, givenBy: "Sam", compliant: true, evidence: "statement")
        #expect(LivingWageStatus(inScope: false, start: start, assurances: [], months: 12, asOf: start).state == .notInScope)
        #expect(LivingWageStatus(inScope: true, start: start, assurances: [], months: 12, asOf: Day(iso: "2026-02-28")!).state == .current)
        #expect(LivingWageStatus(inScope: true, start: start, assurances: [], months: 12, asOf: Day(iso: "2026-03-01")!).state == .due)
        #expect(LivingWageStatus(inScope: true, start: start, assurances: [], months: 12, asOf: Day(iso: "2026-04-01")!).state == .due)
        #expect(LivingWageStatus(inScope: true, start: start, assurances: [], months: 12, asOf: Day(iso: "2026-04-02")!).state == .overdue)
        let after = LivingWageStatus(inScope: true, start: start, assurances: [given], months: 12, asOf: Day(iso: "2026-04-02")!)
        #expect(after.state == .current && after.nextDue?.iso == "2027-03-20")
        var failed = given
        failed.compliant = false
        #expect(LivingWageStatus(inScope: true, start: start, assurances: [given, failed], months: 12, asOf: Day(iso: "2026-04-02")!).state == .notCompliant)
    }
}
