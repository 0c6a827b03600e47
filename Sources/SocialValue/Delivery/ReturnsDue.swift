/// Which delivery returns are owed: a period's return is due a set number of days after the
/// period ends (the council's choice, in framework.yaml), and one not received by then is
/// missing. A corrective action past its date is overdue. One rule, for `track show` and its JSON.
public struct ReturnsDue: Sendable, Hashable, Codable {
    /// A period whose return has not been received.
    public struct Missing: Sendable, Hashable, Codable {
        public var period: ReportingPeriod
        public var dueOn: Day
        /// True once `dueOn` has passed; false while the period has ended but the return is not due yet.
        public var overdue: Bool

        /// `Q3 2026/27 return not received: due 30 September 2026`.
        public var sentence: String {
            "\(period.name) return " + (overdue ? "not received: due \(dueOn.long)." : "due \(dueOn.long) (the period has ended).")
        }
    }

    public var missing: [Missing]
    /// Corrective actions whose date has passed.
    public var overdueActions: [CorrectiveAction]

    /// `periods`: the contract's reporting periods; `received`: the ids of the periods with a
    /// return; `days`: how long after a period ends its return is due.
    public init(periods: [ReportingPeriod], received: Set<String>, actions: [CorrectiveAction], days: Int, asOf: Day) {
        missing = periods.filter { $0.isDue(asOf: asOf) && !received.contains($0.id) }.map { period in
            let dueOn = period.end.adding(days: days)
            return Missing(period: period, dueOn: dueOn, overdue: dueOn < asOf)
        }
        overdueActions = actions.filter { action in action.dueOn.map { $0 < asOf } ?? false }
    }
}
