import Foundation

/// What a tender asks for: the buyer, the contract's value and length, the measures adopted
/// and, when the commissioner supplies one, the value pack every bid is valued with.
public struct TenderSpecification: Sendable, Hashable, Codable {
    public var buyer: String
    public var reference: String
    public var title: String
    /// The estimated whole-life value of the contract.
    public var contractValue: Money
    /// The contract's start date, `YYYY-MM-DD`.
    public var startDate: String
    /// The contract's length in whole years; commitments are made for each year.
    public var years: Int
    /// The measures suppliers may commit to, in the framework's order.
    public var adoptedMeasures: [MeasureReference]
    /// The values the tender is valued with, when the tender brings them.
    public var valuePack: ValuePack?

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
