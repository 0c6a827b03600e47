import Foundation

/// The £ value of a response: each measure's quantity times its value per unit from one value
/// pack, by year, with totals by theme and outcome. One rounding rule everywhere: each
/// commitment-year value is rounded to the penny (half up), and every total is the sum of
/// those rounded lines, so the figures shown always add up. A measure the pack does not value is kept
/// as *unvalued*: it is listed by quantity and never counted as £0.
public struct Valuation: Sendable, Hashable, Codable {
    /// One measure's valuation.
    public struct Line: Sendable, Hashable, Codable {
        public var measure: MeasureReference
        public var unit: MeasureUnit
        public var theme: String
        public var outcome: String
        /// The quantity in each contract year.
        public var quantities: [Quantity]
        /// The quantity over the contract.
        public var totalQuantity: Quantity
        /// £ per unit, nil when unvalued.
        public var perUnit: Money?
        /// The £ value in each contract year, nil when unvalued.
        public var values: [Money]?
        /// The £ value over the contract, nil when unvalued.
        public var total: Money?
        /// The edition the value per unit comes from.
        public var edition: String?
    }

    /// A total for a theme or an outcome.
    public struct Subtotal: Sendable, Hashable, Codable {
        public var name: String
        public var total: Money
        /// False when every measure here is unvalued: the total is then not a £0 value but no value.
        public var valued: Bool
    }

    public var lines: [Line]
    public var byTheme: [Subtotal]
    public var byOutcome: [Subtotal]
    /// The total of every valued measure.
    public var total: Money
    /// The total as a share of the contract value, to a hundredth of a percent; nil when the
    /// contract has no value.
    public var shareOfContract: Percentage?
    /// The measures that have no value in the pack.
    public var unvalued: [MeasureReference]
    /// The pack used.
    public var packName: String?
    public var packEdition: String?
    /// True when the pack is illustrative: every £ figure is then for training only.
    public var illustrative: Bool

    /// Values `response` with `pack` (nil: every measure unvalued), placing each measure in `framework`.
    public init(of response: TenderResponse, framework: Framework, catalogue: Catalogue, pack: ValuePack?) {
        var lines: [Line] = []
        for commitment in response.commitments {
            let placement = framework.placement(of: commitment.measure)
            let unit = catalogue.measure(commitment.measure)?.unit ?? .pounds
            let perUnit = pack?.value(for: commitment.measure)?.perUnit
            // Each year's value is rounded to the penny on its own; every total adds up those lines.
            let values = perUnit.map { value in commitment.quantities.map { (value * $0).roundedToPenny } }
            lines.append(Line(
                measure: commitment.measure, unit: unit, theme: placement?.theme.name ?? "Other",
                outcome: placement?.outcome.name ?? "Other", quantities: commitment.quantities.map(Quantity.init),
                totalQuantity: Quantity(commitment.total), perUnit: perUnit, values: values,
                total: values.map { Money.sum($0) }, edition: pack?.value(for: commitment.measure)?.edition))
        }
        self.lines = lines
        self.byTheme = Self.subtotals(lines, framework.themes.map(\.name), \.theme)
        self.byOutcome = Self.subtotals(lines, framework.themes.flatMap { $0.outcomes.map(\.name) }, \.outcome)
        self.total = Money.sum(lines.compactMap(\.total))
        let contract = response.tender.contractValue.pounds
        self.shareOfContract = contract > 0 ? Percentage(DecimalText.rounded(total.pounds / contract * 100, places: 2)) : nil
        self.unvalued = lines.filter { $0.perUnit == nil }.map(\.measure)
        self.packName = pack?.name
        self.packEdition = pack?.edition
        self.illustrative = pack?.illustrative ?? false
    }

    private static func subtotals(_ lines: [Line], _ order: [String], _ key: KeyPath<Line, String>) -> [Subtotal] {
        var names = order
        for line in lines where !names.contains(line[keyPath: key]) { names.append(line[keyPath: key]) }
        return names.compactMap { name in
            let matching = lines.filter { $0[keyPath: key] == name }
            guard !matching.isEmpty else { return nil }
            return Subtotal(name: name, total: Money.sum(matching.compactMap(\.total)),
                            valued: matching.contains { $0.total != nil })
        }
    }
}
