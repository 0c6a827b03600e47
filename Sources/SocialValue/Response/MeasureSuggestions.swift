import Foundation

/// Measures that fit a supplier, each with the reason, so a first-time bidder is steered
/// towards what it can deliver without being forced: a micro business with no hiring plans
/// is pointed at placements, school visits, local spend and advice rather than new jobs.
public enum MeasureSuggestions {
    public struct Suggestion: Sendable, Hashable {
        public var measure: MeasureReference
        public var reason: String
    }

    /// Suggestions among `adopted`, in the order given.
    public static func suggest(for supplier: Supplier, adopted: [Measure]) -> [Suggestion] {
        adopted.compactMap { measure in reason(measure, supplier).map { Suggestion(measure: measure.reference, reason: $0) } }
    }

    private static func reason(_ measure: Measure, _ supplier: Supplier) -> String? {
        let hiring = supplier.newHires > 0
        let small = supplier.size == .micro || supplier.size == .small
        if measure.counting.livingWageRaise {
            return supplier.livingWage != .all && supplier.workforce > 0 ? "some of your staff on the contract are not yet paid the real living wage" : nil
        }
        if measure.counting.basis == .firstYearOfEmployment {
            return hiring ? "you plan to hire, and could recruit through a local programme" : nil
        }
        if measure.counting.atMostContractValue {
            return "buying materials and services from local firms needs no new staff"
        }
        if measure.placementWeeks != nil {
            if measure.placementWeeks?.maximum != nil { return "short unpaid placements suit a business of any size" }
            return small ? nil : "a paid placement of 6 weeks or more suits an organisation of your size"
        }
        switch measure.unit {
        case .fte: return hiring || supplier.workforce > 0 ? "local people working on the contract count every year" : nil
        case .weeks: return hiring || !small ? "apprenticeships and training build your own workforce" : nil
        case .hours: return "a few staff hours (school visits, mentoring, advice) are within reach of any business"
        case .pounds: return small ? nil : "donations of money or equipment to local groups"
        case .tonnesCO2e: return nil
        }
    }
}
