/// The council's reporting year cut into periods of equal months (quarters by default). A
/// period is named by its reporting year and its number: for a year starting in December,
/// `2025-26-Q1` runs from 1 December 2025 to 28 February 2026.
public struct ReportingCalendar: Sendable, Hashable {
    public var yearStartMonth: Int
    public var periodMonths: Int

    public init(yearStartMonth: Int, periodMonths: Int) {
        self.yearStartMonth = yearStartMonth
        self.periodMonths = periodMonths
    }

    /// The reporting period containing `day`.
    public func period(containing day: Day) -> ReportingPeriod {
        let yearStart = self.yearStart(containing: day)
        let monthsIn = (day.year * 12 + day.month) - (yearStart.year * 12 + yearStart.month)
        let number = monthsIn / periodMonths + 1
        return period(yearStart: yearStart, number: number)
    }

    /// Every period from the one containing `first` to the one containing `last`, in order.
    public func periods(from first: Day, through last: Day) -> [ReportingPeriod] {
        guard first <= last else { return [] }
        var periods = [period(containing: first)]
        while periods[periods.count - 1].end < last {
            periods.append(period(containing: periods[periods.count - 1].end.adding(days: 1)))
        }
        return periods
    }

    /// The period named `id` (as `2025-26-Q1`), or nil when the name is not one of this calendar's.
    public func period(id: String) -> ReportingPeriod? {
        let parts = id.split(separator: "-")
        guard parts.count == (yearStartMonth == 1 ? 2 : 3), let startYear = Int(parts[0]),
              let last = parts.last, last.first.map(String.init) == letter, let number = Int(last.dropFirst()),
              (1...(12 / periodMonths)).contains(number), let start = Day(year: startYear, month: yearStartMonth, day: 1) else { return nil }
        let candidate = period(yearStart: start, number: number)
        return candidate.id == id ? candidate : nil
    }

    /// The letter periods are numbered with: Q for quarters, M for months, H for halves, Y for
    /// whole years, P otherwise.
    public var letter: String {
        switch periodMonths {
        case 1: "M"
        case 3: "Q"
        case 6: "H"
        case 12: "Y"
        default: "P"
        }
    }

    /// The first day of the reporting year containing `day`.
    public func yearStart(containing day: Day) -> Day {
        let year = day.month >= yearStartMonth ? day.year : day.year - 1
        return Day(year: year, month: yearStartMonth, day: 1)!
    }

    /// The reporting year's name: `2025/26` for one that starts in 2025 and ends in 2026, `2026`
    /// for a calendar year.
    public func yearName(startingIn year: Int) -> String {
        yearStartMonth == 1 ? String(year) : "\(year)/\(String(year + 1).suffix(2))"
    }

    private func period(yearStart: Day, number: Int) -> ReportingPeriod {
        let start = yearStart.adding(months: (number - 1) * periodMonths)
        let end = start.adding(months: periodMonths).adding(days: -1)
        let yearPart = yearStartMonth == 1 ? String(yearStart.year) : "\(yearStart.year)-\(String(yearStart.year + 1).suffix(2))"
        return ReportingPeriod(id: "\(yearPart)-\(letter)\(number)", name: "\(letter)\(number) \(yearName(startingIn: yearStart.year))",
                               start: start, end: end)
    }
}

/// One reporting period: its name and its first and last days.
public struct ReportingPeriod: Sendable, Hashable, Codable, Comparable {
    /// For file names and commands: `2025-26-Q1`.
    public var id: String
    /// For people: `Q1 2025/26`.
    public var name: String
    public var start: Day
    /// The last day, inclusive.
    public var end: Day

    public init(id: String, name: String, start: Day, end: Day) {
        self.id = id
        self.name = name
        self.start = start
        self.end = end
    }

    /// `Q1 2025/26 (1 December 2025 to 28 February 2026)`.
    public var spoken: String { "\(name) (\(start.long) to \(end.long))" }

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// Whether the period's figures are due by `day`: a period is due from its last day on. The one
    /// rule for every view (`track show --as-of`, the report's `--to`, the register's sums by date).
    public func isDue(asOf day: Day) -> Bool { end <= day }

    public static func < (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool { lhs.start < rhs.start }
}
