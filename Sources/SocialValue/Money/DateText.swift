import Foundation

/// Dates as people type them and as they are shown back, independent of locale and clock.
/// Stored as `YYYY-MM-DD`; shown as "1 April 2026".
public enum DateText {
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                         "november", "december"]

    /// Reads `1 April 2026`, `1st April 2026`, `1 Apr 2026`, `April 1 2026`, `01/04/2026`, `1/4/26`,
    /// `1.4.2026` and `2026-04-01` (day before month, as in the UK), refusing impossible dates
    /// such as 31/02/2025. Returns `YYYY-MM-DD`, or nil.
    public static func parse(_ text: String) -> String? {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: ",", with: " ")
        let tokens = lowered.split(whereSeparator: { " /.-".contains($0) }).map(String.init)
        guard tokens.count == 3 else { return nil }
        var day: Int?
        var month: Int?
        var year: Int?
        if let first = Int(tokens[0]), tokens[0].count == 4, lowered.contains("-") {
            (year, month, day) = (first, Int(tokens[1]), Int(tokens[2]))
        } else if let named = monthNumber(tokens[0]) {
            (month, day, year) = (named, dayNumber(tokens[1]), Int(tokens[2]))
        } else {
            day = dayNumber(tokens[0])
            month = Int(tokens[1]) ?? monthNumber(tokens[1])
            year = Int(tokens[2])
        }
        guard let day, let month, var year else { return nil }
        if year < 100 { year += 2000 }
        guard Day.supportedYears.contains(year), (1...12).contains(month), (1...daysIn(month, year)).contains(day) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// "1 April 2026" for `2026-04-01`; the text itself when it is not such a date.
    public static func long(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        return "\(parts[2]) \(months[parts[1] - 1].capitalized) \(parts[0])"
    }

    /// The rule, for a message when a date is refused.
    public static let rule = "Enter the date as day, month and year, for example 1 April 2026 or 01/04/2026."

    private static func monthNumber(_ token: String) -> Int? {
        guard token.count >= 3 else { return nil }
        return months.firstIndex { $0.hasPrefix(token) }.map { $0 + 1 }
    }

    private static func dayNumber(_ token: String) -> Int? {
        var digits = token
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
            digits.removeLast(2)
            break
        }
        return Int(digits)
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
