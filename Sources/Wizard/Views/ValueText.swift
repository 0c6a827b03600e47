import SocialValue

/// How a measure's value in a pack is written everywhere: with its unit, marked illustrative
/// when the pack is, and "unvalued" (never £0) when the pack has no value for it.
enum ValueText {
    static func perUnit(_ measure: Measure, in pack: ValuePack?) -> String {
        guard let pack, let value = pack.value(for: measure.reference) else { return "unvalued" }
        let unit = measure.unit == .pounds ? "per £1" : "per " + singular(measure.unit)
        return "\(value.perUnit) \(unit)" + (pack.illustrative ? " (illustrative)" : "")
    }

    static func singular(_ unit: MeasureUnit) -> String {
        switch unit {
        case .fte: "FTE"
        case .weeks: "week"
        case .hours: "hour"
        case .pounds: "£1"
        case .tonnesCO2e: "tonne CO2e"
        }
    }

    /// A line naming the pack, for the top of listings.
    static func packLine(_ pack: ValuePack?) -> String {
        guard let pack else { return "Values: no value pack is available, so every measure is unvalued." }
        let marker = pack.illustrative ? " ILLUSTRATIVE: for training only, not for real bids." : ""
        return "Values: \(pack.name) pack, \(pack.edition).\(marker)"
    }
}
