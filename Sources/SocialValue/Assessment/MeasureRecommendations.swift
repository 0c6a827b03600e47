import Foundation

/// A fact about a contract that makes a measure fit it. Each measure in the catalogue lists
/// the conditions under which it is recommended (`recommendWhen`); all must hold.
public enum FitCondition: String, Sendable, Hashable, Codable, CaseIterable {
    /// People will work on the contract.
    case people
    /// There is subcontracting and supply-chain spend.
    case subcontracting
    /// The work suits apprentices, trainees or placements.
    case apprenticeships
    /// The contract has contact with schools and young people.
    case schools
    /// The work suits young people: apprentices and placements, or contact with schools.
    case youngPeople
    /// The work involves carbon-intensive activity.
    case carbon
    /// There is scope for donations or business advice to voluntary groups and small firms.
    case vcse

    /// Whether the condition holds for a contract.
    public func holds(for fit: ContractFit) -> Bool {
        switch self {
        case .people: fit.peopleOnContract > 0
        case .subcontracting: fit.subcontracting
        case .apprenticeships: fit.suitsApprenticesOrPlacements
        case .schools: fit.contactWithSchools
        case .youngPeople: fit.suitsApprenticesOrPlacements || fit.contactWithSchools
        case .carbon: fit.carbonIntensive
        case .vcse: fit.scopeForVCSESupport
        }
    }

    /// The condition as a reason.
    public var reason: String {
        switch self {
        case .people: "people will work on the contract"
        case .subcontracting: "there is subcontracting and supply-chain spend that local firms could win"
        case .apprenticeships: "the work suits apprentices, trainees or placements"
        case .schools: "the contract has contact with schools and young people"
        case .youngPeople: "the work suits young people starting out"
        case .carbon: "the work involves carbon-intensive activity that can be reduced"
        case .vcse: "there is scope for donations or business advice to local voluntary groups and small firms"
        }
    }
}

/// Measures that fit a contract, each with the reason, from the commissioner's answers about
/// it: no people on the contract means no hiring measures; no subcontracting, no local spend.
public enum MeasureRecommendations {
    public struct Recommendation: Sendable, Hashable {
        public var measure: MeasureReference
        public var reason: String
    }

    /// Recommendations among `available`, in the order given (the framework's).
    public static func recommend(for fit: ContractFit, available: [Measure]) -> [Recommendation] {
        available.compactMap { measure in
            let conditions = measure.recommendWhen
            guard !conditions.isEmpty, conditions.allSatisfy({ $0.holds(for: fit) }) else { return nil }
            return Recommendation(measure: measure.reference, reason: conditions.map(\.reason).joined(separator: " and "))
        }
    }
}
