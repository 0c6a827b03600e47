import Foundation

/// The contract manager's decision on a piece of evidence.
public enum EvidenceStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case submitted, validated, rejected, queried
}

/// A contract manager's review of one delivery return: a decision on each piece of evidence,
/// and what the review settles (the register keeps it; the rule of what counts is here, once).
public struct ReturnReview: Sendable, Hashable {
    public struct Decision: Sendable, Hashable {
        public var measure: MeasureReference
        public var item: String
        public var status: EvidenceStatus
        public var reason: String?

        public init(measure: MeasureReference, item: String, status: EvidenceStatus, reason: String?) {
            self.measure = measure
            self.item = item
            self.status = status
            self.reason = reason
        }
    }

    public var returnID: Int64
    public var reviewer: String
    public var day: Day
    public var decisions: [Decision]
    /// For lines with rejected evidence: the quantity the accepted evidence supports.
    public var accepted: [MeasureReference: Decimal]
    public var actions: [CorrectiveAction]

    public init(returnID: Int64, reviewer: String, day: Day, decisions: [Decision], accepted: [MeasureReference: Decimal] = [:],
                actions: [CorrectiveAction] = []) {
        self.returnID = returnID
        self.reviewer = reviewer
        self.day = day
        self.decisions = decisions
        self.accepted = accepted
        self.actions = actions
    }

    /// A line's validated quantity once its evidence is decided: everything when all is
    /// validated, the accepted quantity (at most what was delivered) when some was rejected,
    /// and nil (not settled) while any item is unreviewed or queried. Nothing delivered is settled at 0.
    public static func settled(delivered: Decimal, statuses: [EvidenceStatus], accepted: Decimal?) -> Decimal? {
        if delivered == 0 { return 0 }
        if statuses.isEmpty || statuses.contains(.submitted) || statuses.contains(.queried) { return nil }
        if statuses.allSatisfy({ $0 == .validated }) { return delivered }
        return min(max(accepted ?? 0, 0), delivered)
    }
}
