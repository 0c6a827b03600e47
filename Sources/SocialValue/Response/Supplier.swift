import Foundation

/// The organisation responding to a tender.
public struct Supplier: Sendable, Hashable, Codable {
    /// Size bands as the UK uses them for businesses.
    public enum Size: String, Sendable, Hashable, Codable, CaseIterable {
        case micro, small, medium, large
    }

    /// The kind of organisation: the policy wants to see plural ownership (co-operatives,
    /// charities, social enterprises) compete for council work.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case company, charity, socialEnterprise, cooperative, communityInterestCompany, other

        /// The kind in words.
        public var name: String {
            switch self {
            case .company: "company"
            case .charity: "charity"
            case .socialEnterprise: "social enterprise"
            case .cooperative: "co-operative"
            case .communityInterestCompany: "community interest company"
            case .other: "other"
            }
        }

        /// Whether the kind is one of the plural ownership models the policy names.
        public var isPluralOwnership: Bool { self != .company && self != .other }
    }

    /// Whether staff on the contract are paid the real living wage.
    public enum LivingWage: String, Sendable, Hashable, Codable, CaseIterable {
        case all, some, none
    }

    public var name: String
    public var postcode: String
    /// Whether the supplier is in the local area (answered for a district that straddles it).
    public var isLocal: Bool
    public var size: Size
    public var kind: Kind
    /// The people (FTE) already employed who will work on the contract.
    public var workforce: Decimal
    /// The new people (FTE) the supplier will hire for the contract over its life.
    public var newHires: Decimal
    public var livingWage: LivingWage

    public init(name: String, postcode: String, isLocal: Bool, size: Size, kind: Kind, workforce: Decimal,
                newHires: Decimal, livingWage: LivingWage) {
        self.name = name
        self.postcode = postcode
        self.isLocal = isLocal
        self.size = size
        self.kind = kind
        self.workforce = workforce
        self.newHires = newHires
        self.livingWage = livingWage
    }

    enum CodingKeys: String, CodingKey { case name, postcode, isLocal, size, kind, workforce, newHires, livingWage }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        postcode = try container.decode(String.self, forKey: .postcode)
        isLocal = try container.decode(Bool.self, forKey: .isLocal)
        size = try container.decode(Size.self, forKey: .size)
        kind = try container.decode(Kind.self, forKey: .kind)
        workforce = try container.decode(Quantity.self, forKey: .workforce).value
        newHires = try container.decode(Quantity.self, forKey: .newHires).value
        livingWage = try container.decode(LivingWage.self, forKey: .livingWage)
    }

    /// FTE figures are coded as decimal strings, so no reader turns them into floats.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(postcode, forKey: .postcode)
        try container.encode(isLocal, forKey: .isLocal)
        try container.encode(size, forKey: .size)
        try container.encode(kind, forKey: .kind)
        try container.encode(Quantity(workforce), forKey: .workforce)
        try container.encode(Quantity(newHires), forKey: .newHires)
        try container.encode(livingWage, forKey: .livingWage)
    }
}
