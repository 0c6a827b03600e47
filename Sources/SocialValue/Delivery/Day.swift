import Foundation
/// A calendar day, free of time zones and clocks: what contracts, reporting periods and
/// evidence are dated by. Arithmetic is on whole days, so the same dates always give the same
/// periods, whatever the machine's locale or zone.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a contract, a return or a report may fall in: wide enough for any real
    /// procurement, narrow enough that a contract's schedule and reporting years can always be
    /// worked out (a date such as year 1 or 9999 is refused where it comes in, never a crash).
    /// The dates people type are read within the same years (`DateText.parse`).
    public static let supportedYears = 2000...2100

    /// Why `day` is refused as a contract's, a return's or a report's date, or nil.
    public static func problem(_ day: Day) -> String? {
        supportedYears.contains(day.year) ? nil
            : "\(day.long) is outside the years svwizard works with (\(supportedYears.lowerBound) to \(supportedYears.upperBound)). Check the year."
    }

    /// The day, or nil when there is no such day (31 February).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...DateText.daysIn(month, year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let pad = { (value: Int, width: Int) -> String in String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// "1 April 2026".
    public var long: String { DateText.long(iso) }

    public var description: String { iso }

    /// Days since 1 March of year 0 (proleptic Gregorian), for counting days between dates.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }

    /// The day `ordinal` days after 1 March of year 0.
    public init(ordinal: Int) {
        let era = ordinal / 146_097
        let dayOfEra = ordinal - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day { Day(ordinal: ordinal + count) }

    /// The same day of the month `count` months later; the month's last day when it is shorter
    /// (31 January plus one month is 28 or 29 February).
    public func adding(months count: Int) -> Day {
        let index = year * 12 + (month - 1) + count
        let year = index / 12
        let month = index % 12 + 1
        return Day(year: year, month: month, day: min(day, DateText.daysIn(month, year)))!
    }

    /// The number of days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.ordinal - ordinal }

    public static func < (lhs: Day, rhs: Day) -> Bool { (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day) }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date as YYYY-MM-DD, found \"\(text)\"")
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension Day {
    /// Today, on this computer's calendar: the one "today" every command uses. `SVWIZARD_TODAY`
    /// (a date such as 2026-12-06) sets another, to see what a command said on that day, and for tests.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> Day {
        if let text = environment["SVWIZARD_TODAY"], let iso = DateText.parse(text), let day = Day(iso: iso) { return day }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(year: 2000, month: 1, day: 1)!
    }
}
