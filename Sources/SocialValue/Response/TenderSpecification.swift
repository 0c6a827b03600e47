import Foundation

/// What a tender asks for: the buyer, the contract's value and length, the measures adopted
/// and, when the commissioner supplies one, the value pack every bid is valued with.
public struct TenderSpecification: Sendable, Hashable, Codable {
    /// The file format's version: 2 for a tender file that records how bids are scored. Files
    /// without it are version 1 and still read; their scoring method is recorded at evaluation.
    public var formatVersion: Int?
    public var buyer: String
    public var reference: String
    public var title: String
    /// The estimated whole-life value of the contract.
    public var contractValue: Money
    /// The contract's start date, `YYYY-MM-DD`.
    public var startDate: String
    /// The contract years; commitments are made for each year (the last may be a part year).
    public var years: Int
    /// The contract's length in months, when it is not a whole number of years (18 months is
    /// 2 contract years, the second a part year of 6 months); absent otherwise.
    public var months: Int?
    /// The measures suppliers may commit to, in the framework's order.
    public var adoptedMeasures: [MeasureReference]
    /// The values the tender is valued with, when the tender brings them.
    public var valuePack: ValuePack?
    /// How the tender is scored and what suppliers provide, when an assessment made the file.
    public var scoring: TenderScoring?
    /// Who counts as local for this contract, when an assessment made the file.
    public var localArea: LocalArea?
    /// True when a training scenario made the tender: its illustrative values are expected
    /// there, and only noted, while in a real bid they are a warning.
    public var training: Bool?
    /// True when the real living wage is in scope and the contract manager seeks assurance of
    /// it each year (the assessment records both); absent otherwise.
    public var livingWageAssurance: Bool?

    /// The version svwizard writes.
    public static let currentFormatVersion = 2

    public init(buyer: String, reference: String, title: String, contractValue: Money, startDate: String, years: Int,
                adoptedMeasures: [MeasureReference], valuePack: ValuePack? = nil) {
        self.buyer = buyer
        self.reference = reference
        self.title = title
        self.contractValue = contractValue
        self.startDate = startDate
        self.years = years
        self.adoptedMeasures = adoptedMeasures
        self.valuePack = valuePack
    }
}

/// How a tender scores social value and what suppliers must provide.
public struct TenderScoring: Sendable, Hashable, Codable {
    /// The share of the overall tender score given to social value.
    public var weighting: Percentage
    public var quantitativeShare: Percentage
    public var qualitativeShare: Percentage
    /// The delivery plan or milestone tracker suppliers provide.
    public var deliveryDocument: DeliveryDocument
    /// Whether the policy requires social value on this contract.
    public var socialValueRequired: Bool
    /// How the quantitative half is scored, recorded before the tender is published (older
    /// tender files have none; the panel then records it at evaluation).
    public var method: QuantitativeMethod?
    /// The scale the qualitative half is scored on.
    public var scale: QualitativeScale?

    public init(weighting: Percentage, quantitativeShare: Percentage, qualitativeShare: Percentage, deliveryDocument: DeliveryDocument,
                socialValueRequired: Bool, method: QuantitativeMethod? = nil, scale: QualitativeScale? = nil) {
        self.method = method
        self.scale = scale
        self.weighting = weighting
        self.quantitativeShare = quantitativeShare
        self.qualitativeShare = qualitativeShare
        self.deliveryDocument = deliveryDocument
        self.socialValueRequired = socialValueRequired
    }
}
