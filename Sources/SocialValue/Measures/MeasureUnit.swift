import Foundation

/// What a measure counts in. Each unit has a plain name for people and a default input step.
public enum MeasureUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Full-time equivalent people (a half-time post is 0.5).
    case fte
    /// Weeks (of training, apprenticeship or placement).
    case weeks
    /// Hours (of staff time or support).
    case hours
    /// Pounds sterling.
    case pounds
    /// Tonnes of carbon dioxide equivalent.
    case tonnesCO2e

    /// The unit as a column heading: `FTE`, `weeks`, `hours`, `£`, `tonnes CO2e`.
    public var symbol: String {
        switch self {
        case .fte: "FTE"
        case .weeks: "weeks"
        case .hours: "hours"
        case .pounds: "£"
        case .tonnesCO2e: "tonnes CO2e"
        }
    }

    /// The unit in a sentence: "full-time equivalent people (FTE)".
    /// What one unit is, as a price is quoted per it: "FTE", "week", "hour", "£1", "tonne CO2e".
    public var singular: String {
        switch self {
        case .fte: "FTE"
        case .weeks: "week"
        case .hours: "hour"
        case .pounds: "£1"
        case .tonnesCO2e: "tonne CO2e"
        }
    }

    public var plainName: String {
        switch self {
        case .fte: "full-time equivalent people (FTE)"
        case .weeks: "weeks"
        case .hours: "hours"
        case .pounds: "pounds (£)"
        case .tonnesCO2e: "tonnes of carbon dioxide equivalent (tonnes CO2e)"
        }
    }

    /// A quantity written with its unit: `2.5 FTE`, `12 weeks`, `£5,000.00`, `3.2 tonnes CO2e`.
    public func format(_ quantity: Decimal) -> String {
        switch self {
        case .pounds: Money(quantity).description
        default: DecimalText.plain(quantity) + " " + symbol
        }
    }
}
