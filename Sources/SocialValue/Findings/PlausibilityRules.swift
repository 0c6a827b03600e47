import Foundation

/// Plausibility of the whole: the total against the public benchmarks, and how the values were
/// arrived at (unvalued measures, illustrative values).
enum PlausibilityRules {
    static func findings(_ response: TenderResponse, framework: Framework, catalogue: Catalogue, pack: ValuePack?, valuation: Valuation?) -> [Finding] {
        var findings: [Finding] = []
        let valuation = valuation ?? Valuation(of: response, framework: framework, catalogue: catalogue, pack: pack)
        let contract = response.tender.contractValue.pounds
        // The exact share decides; the rounded one is shown.
        if contract > 0, valuation.total.pounds / contract * 100 > framework.benchmarks.warnAbove.percent,
           let share = valuation.shareOfContract {
            let cited = framework.benchmarks.items.map { "\($0.name): \($0.share)" }.joined(separator: "; ")
            findings.append(Finding(.implausibleTotal, field: "commitments",
                                    message: "The social value committed, \(valuation.total.wholePounds), is \(share) of the contract value, above the highest public benchmark of \(framework.benchmarks.warnAbove) (\(cited)).",
                                    hint: "Commit only what you can deliver and evidence: the offer becomes part of the contract, and a huge commitment is a risk, not a win."))
        }
        if !valuation.unvalued.isEmpty {
            let names = valuation.unvalued.map(\.spoken).joined(separator: ", ")
            findings.append(Finding(.unvalued, field: "commitments",
                                    message: "\(names) \(valuation.unvalued.count == 1 ? "has" : "have") no value in the \(pack?.name ?? "current") value pack, so \(valuation.unvalued.count == 1 ? "it is" : "they are") reported by quantity and not counted in the £ total.",
                                    hint: "The buyer's own value pack may value them; the quantities still count."))
        }
        if valuation.illustrative && valuation.lines.contains(where: { $0.total != nil }) {
            if response.tender.training == true {
                findings.append(Finding(.illustrativeValues, field: "valuePack",
                                        message: "The £ figures use the \(pack?.name ?? "") pack, which is illustrative: right for this training scenario.",
                                        hint: "In a real bid, use the buyer's value pack (a tender file brings it, or `svwizard values import`)."))
            } else {
                findings.append(Finding(.illustrativeValuesInBid, field: "valuePack",
                                        message: "The £ figures use the \(pack?.name ?? "") pack, which is illustrative and for training only, not the buyer's values.",
                                        hint: "Ask the buyer for their tender file and start again with `svwizard respond --tender FILE --answers` and this draft, or import their values with `svwizard values import`."))
            }
        }
        return findings
    }
}
