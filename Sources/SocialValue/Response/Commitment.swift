import Foundation

/// What a supplier commits to deliver under one measure: a quantity for each contract year,
/// the facts its rules need, how it will be delivered and the evidence that will be kept.
public struct Commitment: Sendable, Hashable, Codable {
    public var measure: MeasureReference
    /// The quantity in each contract year, year 1 first, in the measure's unit.
    public var quantities: [Decimal]
    /// For placement measures: how many placements, and how many weeks each lasts.
    public var placements: Int?
    public var weeksEach: Decimal?
    /// For hires of people from a group: how many different people the FTE figures cover.
    public var people: Int?
    /// For measures with an age band: whether everyone counted is confirmed to be in it.
    public var ageBandConfirmed: Bool?
    /// Who will deliver it, with which local partner, and when.
    public var delivery: String
    /// The local partner, if any.
    public var partner: String?
    /// The evidence that will be kept.
    public var evidence: String

    public init(measure: MeasureReference, quantities: [Decimal], placements: Int? = nil, weeksEach: Decimal? = nil,
                people: Int? = nil, ageBandConfirmed: Bool? = nil, delivery: String, partner: String? = nil, evidence: String) {
        self.measure = measure
        self.quantities = quantities
        self.placements = placements
        self.weeksEach = weeksEach
        self.people = people
        self.ageBandConfirmed = ageBandConfirmed
        self.delivery = delivery
        self.partner = partner
        self.evidence = evidence
    }

    /// The quantity over the whole contract.
    public var total: Decimal { DecimalText.sum(quantities) }

    enum CodingKeys: String, CodingKey {
        case measure, quantities, placements, weeksEach, people, ageBandConfirmed, delivery, partner, evidence
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        measure = try container.decode(MeasureReference.self, forKey: .measure)
        quantities = try container.decode([Quantity].self, forKey: .quantities).map(\.value)
        placements = try container.decodeIfPresent(Int.self, forKey: .placements)
        weeksEach = try container.decodeIfPresent(Quantity.self, forKey: .weeksEach)?.value
        people = try container.decodeIfPresent(Int.self, forKey: .people)
        ageBandConfirmed = try container.decodeIfPresent(Bool.self, forKey: .ageBandConfirmed)
        delivery = try container.decode(String.self, forKey: .delivery)
        partner = try container.decodeIfPresent(String.self, forKey: .partner)
        evidence = try container.decode(String.self, forKey: .evidence)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(measure, forKey: .measure)
        try container.encode(quantities.map(Quantity.init), forKey: .quantities)
        try container.encodeIfPresent(placements, forKey: .placements)
        try container.encodeIfPresent(weeksEach.map(Quantity.init), forKey: .weeksEach)
        try container.encodeIfPresent(people, forKey: .people)
        try container.encodeIfPresent(ageBandConfirmed, forKey: .ageBandConfirmed)
        try container.encode(delivery, forKey: .delivery)
        try container.encodeIfPresent(partner, forKey: .partner)
        try container.encode(evidence, forKey: .evidence)
    }
}

/// An exact quantity coded as a decimal string, so no reader turns it into a float.
public struct Quantity: Sendable, Hashable, Codable {
    public var value: Decimal

    public init(_ value: Decimal) { self.value = value }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = (try? container.decode(String.self)) ?? (try? container.decode(Int.self)).map(String.init) ?? ""
        guard let value = DecimalText.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a number such as 2.5, found \"\(text)\"")
        }
        self.value = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(DecimalText.plain(value))
    }
}
