import Foundation

/// The rules a council's social value policy sets for procurements.
public struct PolicyRules: Sendable, Hashable, Codable {
    /// Social value is required on contracts worth more than this.
    public var socialValueThreshold: Money
    /// The share of the overall tender score given to social value, in percent.
    public var tenderWeighting: Percentage
    /// The share of the social value score given to the quantitative (£) offer, in percent.
    public var quantitativeShare: Percentage
    /// The share of the social value score given to the qualitative answer, in percent.
    public var qualitativeShare: Percentage
    /// Contracts worth more than this need a delivery plan; others a milestone tracker.
    public var deliveryPlanThreshold: Money
    /// The rule for written quotations.
    public var writtenQuotations: QuotationRule
    /// The advice to keep a tender's list of measures short, when the council gives it.
    public var shortList: ShortListRule?
    /// Where each rule is stated.
    public var source: Source

    public init(
        socialValueThreshold: Money, tenderWeighting: Percentage, quantitativeShare: Percentage,
        qualitativeShare: Percentage, deliveryPlanThreshold: Money, writtenQuotations: QuotationRule, source: Source,
        shortList: ShortListRule? = nil
    ) {
        self.shortList = shortList
        self.socialValueThreshold = socialValueThreshold
        self.tenderWeighting = tenderWeighting
        self.quantitativeShare = quantitativeShare
        self.qualitativeShare = qualitativeShare
        self.deliveryPlanThreshold = deliveryPlanThreshold
        self.writtenQuotations = writtenQuotations
        self.source = source
    }

    /// Whether a contract of `value` must carry measurable social value: the policy says
    /// "a value over £100,000", so exactly £100,000 does not.
    public func requiresSocialValue(contractValue value: Money) -> Bool { value > socialValueThreshold }

    /// What a supplier must provide to show how it will deliver: the policy asks for a
    /// delivery plan over £250,000 and a milestone tracker otherwise.
    public func deliveryDocument(contractValue value: Money) -> DeliveryDocument {
        value > deliveryPlanThreshold ? .deliveryPlan : .milestoneTracker
    }
}

/// The document a supplier provides to show how social value will be delivered.
public enum DeliveryDocument: String, Sendable, Hashable, Codable {
    case deliveryPlan
    case milestoneTracker

    /// "delivery plan" or "milestone tracker".
    public var name: String {
        switch self {
        case .deliveryPlan: "delivery plan"
        case .milestoneTracker: "milestone tracker"
        }
    }
}

/// Advice that a tender adopt at most `most` measures, with the reason the council gives.
public struct ShortListRule: Sendable, Hashable, Codable {
    public var most: Int
    public var reason: String

    public init(most: Int, reason: String) {
        self.most = most
        self.reason = reason
    }
}

/// The written quotations rule: of `quotes` quotations invited, at least `localRequired`
/// must come from a local supplier.
public struct QuotationRule: Sendable, Hashable, Codable {
    public var quotes: Int
    public var localRequired: Int

    public init(quotes: Int, localRequired: Int) {
        self.quotes = quotes
        self.localRequired = localRequired
    }
}
