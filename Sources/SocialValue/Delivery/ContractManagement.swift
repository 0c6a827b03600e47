import Foundation

/// How the council manages social value after award, as data in `framework.yaml`: its
/// reporting year and financial year, how long a reporting period is, the thresholds of its RAG
/// status and how often the real living wage is assured. Every figure is the council's own choice.
public struct ContractManagementOptions: Sendable, Hashable, Codable {
    /// The month the social value reporting year starts (12: December, for a year to the end of November).
    public var reportingYearStartMonth: Int
    /// The month the financial year starts (4: April).
    public var financialYearStartMonth: Int
    /// The length of a reporting period in months: 1, 2, 3, 4, 6 or 12 (3: quarters).
    public var periodMonths: Int
    /// Where the reporting year and the period length come from.
    public var source: String
    public var rag: RAGThresholds
    /// How many months a real living wage assurance lasts before the next is due.
    public var livingWageAssuranceMonths: Int
    /// What the annual report puts first.
    public var report: ReportOptions?
    /// When a period's delivery return is due, in days after the period ends; nil: at its end.
    public var returnDue: ReturnDueOptions?
    /// How far outside the contract's dates evidence may be dated (set-up before the start,
    /// certificates after the end); beyond it a date is refused as a mistake.
    public var evidenceMargin: ReturnDueOptions?

    public init(reportingYearStartMonth: Int, financialYearStartMonth: Int, periodMonths: Int, source: String, rag: RAGThresholds,
                livingWageAssuranceMonths: Int) {
        self.reportingYearStartMonth = reportingYearStartMonth
        self.financialYearStartMonth = financialYearStartMonth
        self.periodMonths = periodMonths
        self.source = source
        self.rag = rag
        self.livingWageAssuranceMonths = livingWageAssuranceMonths
    }

    /// The period lengths that divide a year evenly.
    public static let periodLengths = [1, 2, 3, 4, 6, 12]

    /// The council's reporting calendar.
    public var calendar: ReportingCalendar {
        ReportingCalendar(yearStartMonth: reportingYearStartMonth, periodMonths: periodMonths)
    }
}

/// When a delivery return is due after its period ends: the council's choice, with why.
public struct ReturnDueOptions: Sendable, Hashable, Codable {
    public var days: Int
    public var note: String

    public init(days: Int, note: String) {
        self.days = days
        self.note = note
    }
}

/// The quantities the annual report puts first, and the measure shown as local spend.
public struct ReportOptions: Sendable, Hashable, Codable {
    public struct Headline: Sendable, Hashable, Codable {
        public var measure: MeasureReference
        public var label: String
    }

    public var source: String
    public var localSpendMeasure: MeasureReference?
    public var headlines: [Headline]
}

/// When a measure is red, amber or green: the share of what was due by now that has been
/// delivered, counted as `basis` says. No council source defines these for social value, so
/// they are the council's choice, stated wherever a status is shown.
public struct RAGThresholds: Sendable, Hashable, Codable {
    /// What counts as delivered: `validated` (evidence accepted by the contract manager) or
    /// `reported` (what the supplier's returns say, less what was rejected).
    public enum Basis: String, Sendable, Hashable, Codable { case validated, reported }

    public var basis: Basis
    /// Green at or above this share of what is due.
    public var green: Percentage
    /// Amber at or above this share; red below it.
    public var amber: Percentage
    /// Why these figures: shown with every status.
    public var note: String

    public init(basis: Basis, green: Percentage, amber: Percentage, note: String) {
        self.basis = basis
        self.green = green
        self.amber = amber
        self.note = note
    }

    /// The status of `delivered` against `due`; nil when nothing is due yet.
    public func status(delivered: Decimal, due: Decimal) -> RAGStatus? {
        guard due > 0 else { return nil }
        let share = delivered / due * 100
        if share >= green.percent { return .green }
        if share >= amber.percent { return .amber }
        return .red
    }
}

/// A measure's delivery status.
public enum RAGStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case red, amber, green

    public var word: String { rawValue.capitalized }
}
