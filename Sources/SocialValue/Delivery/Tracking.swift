import Foundation

/// A contract's delivery to date: for each measure and reporting period what was committed,
/// what the supplier's current returns report, what the contract manager has validated,
/// rejected or not yet settled; and for each measure what was due by the as-of date, the
/// shortfall against it, the value not yet due (kept apart from under-delivery) and a RAG status.
public struct Tracking: Sendable, Hashable, Codable {
    /// One measure in one period.
    public struct Cell: Sendable, Hashable, Codable {
        public var measure: MeasureReference
        public var period: ReportingPeriod
        public var committed: Figure
        public var reported: Figure
        public var validated: Figure
        /// Reported but not (yet) validated: in review, queried or not reviewed.
        public var pending: Figure
        /// Reported and rejected at review.
        public var rejected: Figure
        /// True when the period ended on or before the as-of date.
        public var isDue: Bool

        public init(measure: MeasureReference, period: ReportingPeriod, committed: Figure, reported: Figure, validated: Figure,
                    pending: Figure, rejected: Figure, isDue: Bool) {
            self.measure = measure
            self.period = period
            self.committed = committed
            self.reported = reported
            self.validated = validated
            self.pending = pending
            self.rejected = rejected
            self.isDue = isDue
        }
    }

    /// A quantity and its £ (nil when the measure is unvalued).
    public struct Figure: Sendable, Hashable, Codable {
        public var quantity: Quantity
        public var value: Money?

        public init(_ quantity: Decimal, _ value: Money?) {
            self.quantity = Quantity(quantity)
            self.value = value
        }

        public static let zero = Figure(0, nil)

        public static func + (lhs: Figure, rhs: Figure) -> Figure {
            let value: Money? = lhs.value == nil && rhs.value == nil ? nil : (lhs.value ?? .zero) + (rhs.value ?? .zero)
            return Figure(lhs.quantity.value + rhs.quantity.value, value)
        }

        public static func - (lhs: Figure, rhs: Figure) -> Figure {
            let value: Money? = lhs.value == nil && rhs.value == nil ? nil : Money((lhs.value ?? .zero).pounds - (rhs.value ?? .zero).pounds)
            return Figure(lhs.quantity.value - rhs.quantity.value, value)
        }
    }

    /// One measure over the contract to the as-of date.
    public struct MeasureStatus: Sendable, Hashable, Codable {
        public var measure: MeasureReference
        public var label: String
        public var unit: MeasureUnit
        /// The whole contract's commitment.
        public var committed: Figure
        /// What the schedule had due by the as-of date.
        public var due: Figure
        /// Committed for periods that have not ended yet: not due, so not a shortfall.
        public var notYetDue: Figure
        public var reported: Figure
        public var validated: Figure
        public var pending: Figure
        public var rejected: Figure
        /// What was due but is not delivered (by the RAG's basis); zero when delivery is ahead.
        public var shortfall: Figure
        /// nil when nothing is due yet.
        public var rag: RAGStatus?
    }

    public var contract: String
    public var asOf: Day
    public var cells: [Cell]
    public var measures: [MeasureStatus]
    public var ragBasis: RAGThresholds.Basis
    public var ragNote: String
    /// Totals over every measure (valued measures only for £).
    public var total: MeasureTotals

    public struct MeasureTotals: Sendable, Hashable, Codable {
        public var committed: Money
        public var due: Money
        public var notYetDue: Money
        public var reported: Money
        public var validated: Money
        public var pending: Money
        public var rejected: Money
        public var shortfall: Money
    }

    public init(contract: ContractTerms, asOf: Day, cells: [Cell], rag: RAGThresholds) {
        self.contract = contract.reference
        self.asOf = asOf
        self.cells = cells
        ragBasis = rag.basis
        ragNote = rag.note
        let measures = contract.commitments.map { commitment in
            let mine = cells.filter { $0.measure == commitment.measure }
            let sum = { (pick: (Cell) -> Figure, filter: (Cell) -> Bool) -> Figure in mine.filter(filter).map(pick).reduce(.zero, +) }
            let committed = sum(\.committed) { _ in true }
            let due = sum(\.committed) { $0.isDue }
            let reported = sum(\.reported) { _ in true }
            let validated = sum(\.validated) { _ in true }
            let pending = sum(\.pending) { _ in true }
            let rejected = sum(\.rejected) { _ in true }
            let delivered = rag.basis == .validated ? validated : reported - rejected
            let gap = due - delivered
            let shortfall = Figure(max(0, gap.quantity.value), commitment.perUnit.map { _ in
                Shortfall.value(dueQuantity: due.quantity.value, deliveredQuantity: delivered.quantity.value, due: due.value ?? .zero,
                                delivered: delivered.value ?? .zero)
            })
            return MeasureStatus(measure: commitment.measure, label: commitment.label, unit: commitment.unit, committed: committed, due: due,
                                 notYetDue: committed - due, reported: reported, validated: validated, pending: pending, rejected: rejected,
                                 shortfall: shortfall, rag: rag.status(delivered: delivered.quantity.value, due: due.quantity.value))
        }
        self.measures = measures
        let add = { (pick: (MeasureStatus) -> Figure) in measures.compactMap { pick($0).value }.reduce(Money.zero, +) }
        total = MeasureTotals(committed: add(\.committed), due: add(\.due), notYetDue: add(\.notYetDue), reported: add(\.reported),
                              validated: add(\.validated), pending: add(\.pending), rejected: add(\.rejected), shortfall: add(\.shortfall))
    }
}

/// Whether the real living wage assurance is up to date.
public struct LivingWageStatus: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable {
        /// Not asked for in this contract.
        case notInScope
        /// Given, and the next is not due for over a month.
        case current
        /// The next is due within a month.
        case due
        /// The next is past due.
        case overdue
        /// The latest assurance found the contract not compliant.
        case notCompliant
    }

    public var state: State
    /// When the next assurance is due.
    public var nextDue: Day?
    public var latest: Assurance?

    /// One year's assurance.
    public struct Assurance: Sendable, Hashable, Codable {
        public var givenOn: Day
        public var givenBy: String
        public var compliant: Bool
        public var evidence: String

        public init(givenOn: Day, givenBy: String, compliant: Bool, evidence: String) {
            self.givenOn = givenOn
            self.givenBy = givenBy
            self.compliant = compliant
            self.evidence = evidence
        }
    }

    /// The status on `asOf` of a contract that starts on `start`, with `assurances` given, one due every `months`.
    public init(inScope: Bool, start: Day, assurances: [Assurance], months: Int, asOf: Day) {
        guard inScope else {
            state = .notInScope
            return
        }
        // The latest by date; of two on one day, the one recorded last.
        latest = assurances.enumerated().max { ($0.element.givenOn, $0.offset) < ($1.element.givenOn, $1.offset) }?.element
        let next = (latest?.givenOn ?? start).adding(months: months)
        nextDue = next
        if let latest, !latest.compliant {
            state = .notCompliant
        } else if asOf > next {
            state = .overdue
        } else if asOf >= next.adding(months: -1) {
            state = .due
        } else {
            state = .current
        }
    }

    /// The status in words.
    public var sentence: String {
        switch state {
        case .notInScope: "Not in scope for this contract."
        case .current: "Assured on \(latest?.givenOn.long ?? "–") by \(latest?.givenBy ?? "–"); the next is due by \(nextDue?.long ?? "–")."
        case .due: "Due by \(nextDue?.long ?? "–")" + (latest.map { " (last assured on \($0.givenOn.long))" } ?? "") + "."
        case .overdue: "Overdue: it was due by \(nextDue?.long ?? "–")" + (latest.map { " (last assured on \($0.givenOn.long))" } ?? "; none recorded") + "."
        case .notCompliant: "Not compliant at the last assurance, on \(latest?.givenOn.long ?? "–"): agree a corrective action."
        }
    }
}
