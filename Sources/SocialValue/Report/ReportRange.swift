/// The dates a social value report covers, and what it calls them. A reporting period counts
/// in the report when its last day falls between `from` and `to`; cumulative figures count every
/// period that ended by `to`.
public struct ReportRange: Sendable, Hashable, Codable {
    /// `2025/26`, `Mid-year 2025/26` or `1 April 2025 to 31 March 2026`.
    public var name: String
    public var from: Day
    public var to: Day
    /// Which year the dates follow, in words.
    public var basis: String

    public init(name: String, from: Day, to: Day, basis: String) {
        self.name = name
        self.from = from
        self.to = to
        self.basis = basis
    }

    /// The council's reporting year named `text` (`2025/26`, `2025-26` or `2025`: the year it
    /// starts in), or its first half for a mid-year report; nil when `text` is not a year.
    public static func year(_ text: String, calendar: ReportingCalendar, midYear: Bool) -> ReportRange? {
        let digits = text.split(whereSeparator: { $0 == "/" || $0 == "-" })
        guard let first = digits.first, first.count == 4, let start = Int(first), (2000...2100).contains(start) else { return nil }
        if digits.count == 2 {
            let second = String(digits[1])
            guard second == String(start + 1).suffix(second.count), second.count == 2 || second.count == 4 else { return nil }
        } else if digits.count != 1 {
            return nil
        }
        guard let from = Day(year: start, month: calendar.yearStartMonth, day: 1) else { return nil }
        let to = from.adding(months: midYear ? 6 : 12).adding(days: -1)
        let name = calendar.yearName(startingIn: start)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let opening = months[calendar.yearStartMonth - 1]
        let closing = months[(calendar.yearStartMonth + 10) % 12]
        return ReportRange(name: midYear ? "Mid-year \(name)" : name, from: from, to: to,
                           basis: "the council's social value reporting year, \(opening) to \(closing)" + (midYear ? ", first half" : ""))
    }

    /// Whether the range is a year (or half year) still under way, reported to the day it was made.
    public var isSoFar: Bool { name.hasSuffix(" so far") }

    /// The range as it stands on `today`: unchanged once it has ended; otherwise cut at `today`
    /// and named "so far", so periods still to come count as not yet due, never as a shortfall.
    public func soFar(today: Day) -> ReportRange {
        guard today < to, from <= today else { return self }
        return ReportRange(name: name + " so far", from: from, to: today,
                           basis: basis + ", still under way: figures to \(today.long), the day the report was made")
    }

    /// The financial year (starting in `startMonth`) containing `day`, named like `2025/26`.
    public static func financialYear(of day: Day, startMonth: Int) -> String {
        let start = day.month >= startMonth ? day.year : day.year - 1
        return startMonth == 1 ? String(start) : "\(start)/\(String(start + 1).suffix(2))"
    }
}
