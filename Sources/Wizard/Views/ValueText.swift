import SocialValue

/// How a measure's value in a pack is written everywhere: with its unit, marked illustrative
/// when the pack is, and "unvalued" (never £0) when the pack has no value for it.
enum ValueText {
    static func perUnit(_ measure: Measure, in pack: ValuePack?) -> String {
        guard let pack, let value = pack.value(for: measure.reference) else { return "unvalued" }
        let unit = "per " + measure.unit.singular
        return "\(value.perUnit.unitPrice) \(unit)" + (pack.illustrative ? " (illustrative)" : "")
    }

    static func singular(_ unit: MeasureUnit) -> String { unit.singular }

    /// A line naming the pack, for the top of listings.
    static func packLine(_ pack: ValuePack?) -> String {
        guard let pack else { return "Values: no value pack is available, so every measure is unvalued." }
        let marker = pack.illustrative ? " ILLUSTRATIVE: for training only, not for real bids." : ""
        return "Values: \(pack.name) pack, \(pack.edition).\(marker)"
    }
}
