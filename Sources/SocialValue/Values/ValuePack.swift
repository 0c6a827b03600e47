import Foundation

/// A set of £ proxy values per unit of measure, from one edition of a values framework.
/// Packs are kept apart from the measure catalogue because the official National TOMs values
/// are licensed and change every year: a buyer loads the pack it uses.
public struct ValuePack: Sendable, Hashable, Codable {
    /// A short name people type, such as `workshop` or `toms-2024`.
    public var name: String
    /// A one-line description.
    public var title: String
    /// The framework edition the values belong to, such as "National TOMs 2024".
    public var edition: String
    /// Where the values as a whole come from.
    public var source: String
    /// When the pack was published or imported (ISO 8601 date).
    public var date: String
    /// True when the values are for training and demonstration only; every £ figure computed
    /// with such a pack is labelled illustrative.
    public var illustrative: Bool
    /// The values, one per measure at most.
    public var values: [ProxyValue]

    public init(
        name: String, title: String, edition: String, source: String, date: String,
        illustrative: Bool, values: [ProxyValue]
    ) {
        self.name = name
        self.title = title
        self.edition = edition
        self.source = source
        self.date = date
        self.illustrative = illustrative
        self.values = values
    }

    /// The value per unit of `measure`, or nil when the pack has none: the measure is then
    /// *unvalued* and is reported by quantity, never as £0.
    public func value(for measure: MeasureReference) -> ProxyValue? {
        values.first { $0.measure == measure }
    }

    /// The £ value of `quantity` units of `measure`, or nil when the measure is unvalued.
    public func valuation(of quantity: Decimal, for measure: MeasureReference) -> Money? {
        value(for: measure).map { $0.perUnit * quantity }
    }
}

/// The £ value of one unit of a measure, with where the figure comes from.
public struct ProxyValue: Sendable, Hashable, Codable {
    /// The measure valued.
    public var measure: MeasureReference
    /// Pounds per unit (per FTE, week, hour, £ or tonne).
    public var perUnit: Money
    /// The framework edition of this figure.
    public var edition: String
    /// Where the figure was read.
    public var source: String
    /// The date of the figure or of its source.
    public var date: String
    /// Anything a reader should know about the figure.
    public var note: String?

    public init(measure: MeasureReference, perUnit: Money, edition: String, source: String, date: String, note: String? = nil) {
        self.measure = measure
        self.perUnit = perUnit
        self.edition = edition
        self.source = source
        self.date = date
        self.note = note
    }
}
