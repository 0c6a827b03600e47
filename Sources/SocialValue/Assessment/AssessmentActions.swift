import Foundation

/// The open actions an assessment leaves for the procurement file, each with why.
public enum AssessmentActions {
    public struct Action: Sendable, Hashable {
        public var action: String
        public var reason: String
    }

    /// `unvalued`: the adopted measures the chosen pack gives no £ value (none when no pack is chosen yet).
    public static func actions(for assessment: OpportunityAssessment, decision: RouteDecision, rules: PolicyRules,
                               packIsIllustrative: Bool, unvalued: [MeasureReference] = []) -> [Action] {
        var actions: [Action] = []
        let market = assessment.market
        if assessment.route == .quotations && assessment.localQuoteSupplier == nil {
            let quotes = rules.writtenQuotations
            actions.append(Action(action: "Keep looking for a local supplier to invite to quote, and record the search.",
                                  reason: "The policy mandates that \(quotes.localRequired) of the \(quotes.quotes) quotations "
                                    + "\(quotes.localRequired == 1 ? "comes" : "come") from a local supplier."))
        }
        if decision.socialValueRequired && assessment.adoptedMeasures.isEmpty {
            actions.append(Action(action: "Adopt at least one measure for suppliers to commit to.",
                                  reason: "Social value is required on this contract and is scored on the adopted measures."))
        }
        if let shortList = rules.shortList, assessment.adoptedMeasures.count > shortList.most {
            actions.append(Action(action: "Consider a shorter list of measures.", reason: shortList.reason))
        }
        if !unvalued.isEmpty && decision.socialValueRequired {
            let names = unvalued.map(\.spoken)
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
            actions.append(Action(action: "Give \(list) a value in the pack, or leave \(names.count == 1 ? "it" : "them") out.",
                                  reason: "The pack has no £ value for \(names.count == 1 ? "this adopted measure" : "these adopted measures"), "
                                    + "so what a bid commits to \(names.count == 1 ? "it" : "them") counts for nothing in the £ score."))
        }
        if packIsIllustrative && decision.socialValueRequired && !assessment.training {
            actions.append(Action(action: "Import the buyer's own value pack before the tender is published (svwizard values import).",
                                  reason: "The chosen pack is illustrative and must not be used to score real bids."))
        }
        if !market.marketEngagement {
            actions.append(Action(action: "Plan market engagement so local SMEs and voluntary organisations hear of the opportunity.",
                                  reason: "Officers identify how local businesses and organisations can take part and how best to encourage them."))
        }
        if market.canSplitIntoLots {
            actions.append(Action(action: "Decide the lots, sized so local SMEs or VCSEs can win them.",
                                  reason: "Progressive procurement builds dense local supply chains."))
        }
        if !market.coDesign || !market.livedExperience {
            actions.append(Action(action: "Consider co-design with people who have lived experience.",
                                  reason: "The council co-designs services wherever possible and engages people with lived experience."))
        }
        if market.livingWageInScope && !market.livingWageAssurance {
            actions.append(Action(action: "Arrange annual assurance that the contract pays the real living wage.",
                                  reason: "Contract managers seek annual assurance on the real living wage where appropriate."))
        }
        return actions
    }
}
