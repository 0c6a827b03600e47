import Foundation

/// What a contract's commitments come to in each reporting period: each measure's quantity for
/// a contract year shared out over the periods that year touches, in proportion to the days of
/// the year that fall in each (a part period at each end when the contract starts mid-period).
/// Quantities are shared in the measure's own steps (whole weeks, tenths of an FTE) by the
/// largest remainder, so each year's lines add up exactly to what was committed for that year;
/// each line's £ is rounded to the penny and every total is the sum of the lines.
public struct Schedule: Sendable, Hashable, Codable {
    /// One measure's share of one contract year in one reporting period.
    public struct Line: Sendable, Hashable, Codable {
        public var measure: MeasureReference
        /// The contract year, from 1.
        public var contractYear: Int
        public var period: ReportingPeriod
        /// The days of this contract year inside the period (the whole period except at the ends).
        public var from: Day
        public var through: Day
        public var quantity: Quantity
        /// The £ value of the quantity, rounded to the penny; nil when the measure is unvalued.
        public var value: Money?

        public init(measure: MeasureReference, contractYear: Int, period: ReportingPeriod, from: Day, through: Day, quantity: Decimal,
                    value: Money?) {
            self.measure = measure
            self.contractYear = contractYear
            self.period = period
            self.from = from
            self.through = through
            self.quantity = Quantity(quantity)
            self.value = value
        }
    }

    /// What the schedule is made from, for one measure.
    public struct Input: Sendable, Hashable {
        public var measure: MeasureReference
        /// The quantity for each contract year, year 1 first.
        public var quantities: [Decimal]
        /// The measure's input step (1 week, 0.1 FTE).
        public var step: Decimal
        /// £ per unit; nil when unvalued.
        public var perUnit: Money?

        public init(measure: MeasureReference, quantities: [Decimal], step: Decimal, perUnit: Money?) {
            self.measure = measure
            self.quantities = quantities
            self.step = step
            self.perUnit = perUnit
        }
    }

    public var lines: [Line]

    public init(lines: [Line]) { self.lines = lines }

    /// The schedule of a contract starting on `start` and running `years` contract years, or
    /// `months` when it is not a whole number of years: the last contract year is then a part
    /// year, ending on the contract's last day.
    public init(start: Day, years: Int, months: Int? = nil, inputs: [Input], calendar: ReportingCalendar) {
        var lines: [Line] = []
        let last = Self.term(start: start, years: years, months: months).last
        for year in 1...max(years, 1) {
            let yearStart = start.adding(months: (year - 1) * 12)
            let yearEnd = min(start.adding(months: year * 12).adding(days: -1), last)
            let slices = calendar.periods(from: yearStart, through: yearEnd).map { period in
                (period: period, from: max(period.start, yearStart), through: min(period.end, yearEnd))
            }
            let weights = slices.map { $0.from.days(to: $0.through) + 1 }
            for input in inputs {
                let quantity = year <= input.quantities.count ? input.quantities[year - 1] : 0
                let shares = Self.share(quantity, step: Self.step(for: quantity, preferred: input.step), weights: weights)
                // The year's £ is rounded once, as in the bid, and its pence shared over the periods in
                // proportion to their quantities, so the periods add up to the bid's line to the penny.
                let values = input.perUnit.map { Self.sharePence(of: ($0 * quantity).roundedToPenny, like: shares) }
                for (index, (slice, share)) in zip(slices, shares).enumerated() {
                    lines.append(Line(measure: input.measure, contractYear: year, period: slice.period, from: slice.from,
                                      through: slice.through, quantity: share, value: values?[index]))
                }
            }
        }
        // Grouped by measure (in the commitments' order), then by date.
        let order = Dictionary(uniqueKeysWithValues: inputs.enumerated().map { ($0.element.measure, $0.offset) })
        self.lines = lines.enumerated().sorted { a, b in
            let (ma, mb) = (order[a.element.measure] ?? 0, order[b.element.measure] ?? 0)
            return ma != mb ? ma < mb : a.offset < b.offset
        }.map(\.element)
    }

    /// The first and last days the contract runs: `months` long when given, else `years` whole years.
    public static func term(start: Day, years: Int, months: Int? = nil) -> (first: Day, last: Day) {
        (start, start.adding(months: months ?? max(years, 1) * 12).adding(days: -1))
    }

    /// The contract years a length of `months` takes: 18 months is 2, the second a part year.
    public static func contractYears(months: Int) -> Int { (months + 11) / 12 }

    /// A contract's length in words: `2 years`, `1 year`, `18 months`.
    public static func length(years: Int, months: Int?) -> String {
        if let months, months % 12 != 0 { return "\(months) month\(months == 1 ? "" : "s")" }
        let whole = months.map { $0 / 12 } ?? years
        return "\(whole) year\(whole == 1 ? "" : "s")"
    }

    /// The step to share `quantity` in: the measure's own, or a finer one when the quantity is
    /// not a whole number of steps (so nothing is lost to rounding).
    static func step(for quantity: Decimal, preferred: Decimal) -> Decimal {
        if preferred > 0, DecimalText.isMultiple(quantity, of: preferred) { return preferred }
        var step = Decimal(1)
        while !DecimalText.isMultiple(quantity, of: step) && step > Decimal(string: "0.0000001")! { step /= 10 }
        return step
    }

    /// `amount`'s pence shared over the periods in proportion to `quantities`, largest remainder
    /// first (the earlier period on a tie), so the shares add up to `amount` exactly.
    static func sharePence(of amount: Money, like quantities: [Decimal]) -> [Money] {
        let pence = amount.roundedToPence * 100
        let total = quantities.reduce(0, +)
        guard total != 0 else {
            // Nothing to share in proportion to (a year of no quantity has no value either).
            return quantities.enumerated().map { $0.offset == 0 ? Money(pence / 100) : .zero }
        }
        var shares = quantities.map { DecimalText.rounded(pence * $0 / total, places: 0, mode: .down) }
        let order = quantities.indices.sorted { a, b in
            let (ra, rb) = (pence * quantities[a] / total - shares[a], pence * quantities[b] / total - shares[b])
            return ra != rb ? ra > rb : a < b
        }
        var left = pence - shares.reduce(0, +)
        for index in order where left > 0 {
            shares[index] += 1
            left -= 1
        }
        return shares.map { Money($0 / 100) }
    }

    /// `quantity` shared over `weights` in whole steps, largest remainder first (the earlier
    /// period on a tie), so the shares add up to `quantity` exactly.
    static func share(_ quantity: Decimal, step: Decimal, weights: [Int]) -> [Decimal] {
        let total = weights.reduce(0, +)
        guard total > 0, quantity != 0 else { return weights.map { _ in 0 } }
        let units = NSDecimalNumber(decimal: quantity / step).intValue
        var shares = weights.map { units * $0 / total }
        let remainders = weights.enumerated().map { (index: $0.offset, rest: units * $0.element % total) }
        var left = units - shares.reduce(0, +)
        for entry in remainders.sorted(by: { $0.rest != $1.rest ? $0.rest > $1.rest : $0.index < $1.index }) where left > 0 {
            shares[entry.index] += 1
            left -= 1
        }
        return shares.map { Decimal($0) * step }
    }
}

extension Schedule {
    /// The lines for `period`, by measure, with the contract years added together.
    public func due(in period: ReportingPeriod) -> [MeasureReference: Decimal] {
        lines.filter { $0.period.id == period.id }.reduce(into: [:]) { $0[$1.measure, default: 0] += $1.quantity.value }
    }

    /// The periods the schedule covers, in order.
    public var periods: [ReportingPeriod] {
        var seen: Set<String> = []
        return lines.map(\.period).filter { seen.insert($0.id).inserted }.sorted()
    }
}
