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

    /// Why the condition does not hold, for a measure left out.
    public var notHolding: String {
        switch self {
        case .people: "no one will work on the contract"
        case .subcontracting: "there is no subcontracting or supply-chain spend"
        case .apprenticeships: "the work does not suit apprentices, trainees or placements"
        case .schools: "the contract has no contact with schools"
        case .youngPeople: "the work neither suits young people starting out nor has contact with schools"
        case .carbon: "the work is not carbon-intensive"
        case .vcse: "there is no scope for donations or business advice to voluntary groups"
        }
    }

    /// Whether a measure recommended on this condition is about jobs or skills.
    var isJobsAndSkills: Bool { self == .people || self == .apprenticeships }

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
/// The short list is ranked: measures that fit something particular about this contract
/// (apprentices, schools, carbon, the supply chain, voluntary groups) before those that fit
/// any contract with staff, then in the framework's order; it keeps at most the framework's
/// number, at least the framework's number of them on jobs or skills when any fits.
public enum MeasureRecommendations {
    public struct Recommendation: Sendable, Hashable {
        public var measure: MeasureReference
        public var reason: String
    }

    /// A measure left out, and why.
    public struct LeftOut: Sendable, Hashable {
        public var measure: MeasureReference
        public var reason: String
    }

    /// What an assessment recommends, and what it leaves out.
    public struct ShortList: Sendable, Hashable {
        /// Recommended, best first.
        public var recommended: [Recommendation]
        /// They fit too, but the list is full.
        public var alsoFit: [LeftOut]
        /// They do not fit this contract.
        public var notFit: [LeftOut]
        /// The rule that made the list, for the record ("at most 6, ...").
        public var rule: String
    }

    /// Every measure among `available` that fits, in the order given (the framework's).
    public static func recommend(for fit: ContractFit, available: [Measure]) -> [Recommendation] {
        available.compactMap { measure in
            let conditions = measure.recommendWhen
            guard !conditions.isEmpty, conditions.allSatisfy({ $0.holds(for: fit) }) else { return nil }
            return Recommendation(measure: measure.reference, reason: conditions.map(\.reason).joined(separator: " and "))
        }
    }

    /// The ranked short list among `available` (in the framework's order), and why each of
    /// the others was left out. Without options every fitting measure is on the list.
    public static func shortList(for fit: ContractFit, available: [Measure], options: AssessmentOptions?) -> ShortList {
        let fitting = recommend(for: fit, available: available)
        let byReference = Dictionary(available.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
        func particular(_ reference: MeasureReference) -> Int { byReference[reference]?.recommendWhen.filter { $0 != .people }.count ?? 0 }
        func jobsAndSkills(_ reference: MeasureReference) -> Bool { byReference[reference]?.recommendWhen.contains(where: \.isJobsAndSkills) ?? false }
        // Stable: the framework's order within each rank.
        let ranked = fitting.enumerated().sorted { (particular($1.element.measure), $0.offset) < (particular($0.element.measure), $1.offset) }.map(\.element)
        let most = options.map { max($0.shortList, 1) } ?? ranked.count
        var chosen = Array(ranked.prefix(most))
        let wanted = min(options?.jobsAndSkillsAtLeast ?? 0, most)
        // Too few on jobs or skills: the best of those left out replace the lowest-ranked others.
        for candidate in ranked.dropFirst(most) where jobsAndSkills(candidate.measure) && chosen.filter({ jobsAndSkills($0.measure) }).count < wanted {
            guard let last = chosen.lastIndex(where: { !jobsAndSkills($0.measure) }) else { break }
            chosen.remove(at: last)
            chosen.append(candidate)
        }
        let kept = Set(chosen.map(\.measure))
        let alsoFit = ranked.filter { !kept.contains($0.measure) }.map { left in
            LeftOut(measure: left.measure, reason: left.reason + (particular(left.measure) == 0 ? " (so it fits any contract with staff)" : ""))
        }
        let notFit = available.filter { measure in !fitting.contains { $0.measure == measure.reference } }.map { measure in
            let failing = measure.recommendWhen.filter { !$0.holds(for: fit) }
            return LeftOut(measure: measure.reference, reason: failing.isEmpty ? "the framework gives no condition for recommending it; add it if it fits"
                : failing.map(\.notHolding).joined(separator: " and "))
        }
        let rule = options.map { "At most \($0.shortList) measures, at least \($0.jobsAndSkillsAtLeast) on jobs or skills where one fits, "
            + "those that fit this contract in particular first, then in the framework's order. The policy sets no number; "
            + "this is the council's choice (\($0.source))." } ?? "Every measure that fits, in the framework's order."
        return ShortList(recommended: chosen, alsoFit: alsoFit, notFit: notFit, rule: rule)
    }
}
