import Foundation

/// How a measure is counted across contract years and people.
public struct CountingRule: Sendable, Hashable, Codable {
    /// Which contract years a quantity may be claimed in.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// Whatever is delivered in a year counts in that year (FTE per year for local jobs,
        /// weeks, hours, £, tonnes).
        case eachYear
        /// A hire counts only in the first year of the person's employment.
        case firstYearOfEmployment
    }

    /// Which years count.
    public var basis: Basis
    /// People counted under one measure of a group may not be counted under another measure
    /// of the same group (for example "disadvantaged": one disadvantaged measure per person).
    public var exclusiveGroup: String?
    /// The counting rules in plain words, each as the source states it.
    public var rules: [String]
    /// The total over the contract may not exceed the contract's value (spend through the contract).
    public var atMostContractValue: Bool
    /// The measure counts pay raises to the real living wage (so staff already paid it do not count).
    public var livingWageRaise: Bool

    public init(basis: Basis = .eachYear, exclusiveGroup: String? = nil, rules: [String] = [],
                atMostContractValue: Bool = false, livingWageRaise: Bool = false) {
        self.basis = basis
        self.exclusiveGroup = exclusiveGroup
        self.rules = rules
        self.atMostContractValue = atMostContractValue
        self.livingWageRaise = livingWageRaise
    }

    enum CodingKeys: String, CodingKey { case basis, exclusiveGroup, rules, atMostContractValue, livingWageRaise }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        basis = try container.decodeIfPresent(Basis.self, forKey: .basis) ?? .eachYear
        exclusiveGroup = try container.decodeIfPresent(String.self, forKey: .exclusiveGroup)
        rules = try container.decodeIfPresent([String].self, forKey: .rules) ?? []
        atMostContractValue = try container.decodeIfPresent(Bool.self, forKey: .atMostContractValue) ?? false
        livingWageRaise = try container.decodeIfPresent(Bool.self, forKey: .livingWageRaise) ?? false
    }
}

/// What may be entered as a quantity for a measure.
public struct InputLimits: Sendable, Hashable, Codable {
    /// Entries must be whole multiples of this (0.01 FTE, 1 week, 0.5 hours ...).
    public var step: Decimal
    /// The smallest entry allowed (usually 0).
    public var minimum: Decimal
    /// The largest entry allowed in one contract year, if there is a hard limit.
    public var maximum: Decimal?

    public init(step: Decimal, minimum: Decimal = 0, maximum: Decimal? = nil) {
        self.step = step
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Whether entries must be whole numbers.
    public var isInteger: Bool { step >= 1 && DecimalText.isMultiple(step, of: 1) }

    enum CodingKeys: String, CodingKey { case step, minimum, maximum }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        step = try Self.decimal(container, .step) ?? 1
        minimum = try Self.decimal(container, .minimum) ?? 0
        maximum = try Self.decimal(container, .maximum)
        guard step > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .step, in: container, debugDescription: "step must be more than 0")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(DecimalText.plain(step), forKey: .step)
        try container.encode(DecimalText.plain(minimum), forKey: .minimum)
        try container.encodeIfPresent(maximum.map(DecimalText.plain), forKey: .maximum)
    }

    private static func decimal(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Decimal? {
        guard container.contains(key) else { return nil }
        let text: String
        if let string = try? container.decode(String.self, forKey: key) {
            text = string
        } else if let number = try? container.decode(Double.self, forKey: key) {
            text = String(number)
        } else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "expected a number such as 0.5")
        }
        guard let value = DecimalText.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "expected a number such as 0.5, found \"\(text)\"")
        }
        return value
    }
}
