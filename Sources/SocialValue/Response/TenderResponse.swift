import Foundation

/// A supplier's social value response to one tender.
public struct TenderResponse: Sendable, Hashable, Codable {
    public var tender: TenderSpecification
    public var supplier: Supplier
    /// The commitments, in the framework's order.
    public var commitments: [Commitment]
    /// How many people are counted under more than one measure of the same exclusive group
    /// (for example both "long-term unemployed" and "disabled"); nil when not asked.
    public var peopleCountedTwice: Int?
    /// The delivery plan (contracts over the threshold) or milestone tracker (others).
    public var deliveryDocument: String

    public init(tender: TenderSpecification, supplier: Supplier, commitments: [Commitment], peopleCountedTwice: Int?,
                deliveryDocument: String) {
        self.tender = tender
        self.supplier = supplier
        self.commitments = commitments
        self.peopleCountedTwice = peopleCountedTwice
        self.deliveryDocument = deliveryDocument
    }

    /// The commitment for `measure`, if there is one.
    public func commitment(for measure: MeasureReference) -> Commitment? {
        commitments.first { $0.measure == measure }
    }
}
