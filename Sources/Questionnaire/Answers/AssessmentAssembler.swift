import Foundation
import SocialValue

/// Builds the commissioner's `OpportunityAssessment` from the answers of the
/// `opportunity-assessment` flow, at any stage (what is not answered yet is left empty).
public struct AssessmentAssembler: Sendable {
    public let environment: FlowEnvironment

    public init(environment: FlowEnvironment) { self.environment = environment }

    public func assessment(from answers: AnswerSheet) -> OpportunityAssessment {
        let chosen = Set(AnswerParser.references(in: answers["measures"] ?? ""))
        let supplier = answers["quotes.localSupplier"].flatMap { $0.lowercased() == "none" || $0.isEmpty ? nil : $0 }
        var assessment = OpportunityAssessment(
            title: answers["contract.title"] ?? "", reference: answers["contract.reference"] ?? "",
            directorate: answers["contract.directorate"] ?? "", commissioner: answers["contract.commissioner"] ?? "",
            category: answers["contract.category"].flatMap(OpportunityAssessment.Category.init(rawValue:)) ?? .services,
            value: answers["contract.value"].flatMap { Money(parsing: $0) } ?? .zero,
            years: answers["contract.years"].flatMap(ContractLength.years) ?? 1, startDate: answers["contract.startDate"] ?? "",
            route: answers["route"].flatMap(OpportunityAssessment.Route.init(rawValue:)) ?? .tender,
            localQuoteSupplier: supplier, noLocalSupplierReason: answers["quotes.noLocalReason"],
            fit: Self.fit(answers),
            adoptedMeasures: environment.data.frameworkMeasures.map(\.reference).filter(chosen.contains),
            market: market(answers), valuePack: answers["valuePack"] ?? "",
            scoringMethod: Self.method(answers), scoringScale: answers["scoring.scale"])
        assessment.training = answers["training"] == "yes"
        assessment.months = ContractLength.partMonths(answers["contract.years"])
        return assessment
    }

    /// The quantitative method chosen, with its figure (target, threshold or bands); nil while
    /// it is not chosen or its figure is missing.
    public static func method(_ answers: AnswerSheet) -> QuantitativeMethod? {
        switch answers["scoring.method"] {
        case "relativeToHighest"?: return .relativeToHighest
        case "relativeToTarget"?: return answers["scoring.target"].flatMap(DecimalText.parse).map { .relativeToTarget(perPound: $0) }
        case "passFail"?: return answers["scoring.threshold"].flatMap(DecimalText.parse).map { .passFail(threshold: $0) }
        case "bands"?: return answers["scoring.bands"].flatMap(bands).map { .bands($0) }
        default: return nil
        }
    }

    /// Bands typed as `0.05 25%, 0.10 50%, 0.20 100%` (at least £ per £1, then the share of the
    /// marks); nil unless every band reads cleanly with a share from 0 to 100%.
    public static func bands(_ text: String) -> [ScoreBand]? {
        let bands = text.split(separator: ",").map { part -> ScoreBand? in
            let words = part.replacingOccurrences(of: "%", with: " ").replacingOccurrences(of: "£", with: " ")
                .split(whereSeparator: { $0 == " " || $0 == ":" }).map(String.init)
            guard words.count == 2, let at = DecimalText.parse(words[0]), let share = DecimalText.parse(words[1]),
                  at >= 0, share >= 0, share <= 100 else { return nil }
            return ScoreBand(atLeastPerPound: at, percentOfMarks: share)
        }
        guard !bands.isEmpty, bands.allSatisfy({ $0 != nil }) else { return nil }
        return bands.compactMap { $0 }
    }

    /// The contract's fit from the answers so far.
    public static func fit(_ answers: AnswerSheet) -> ContractFit {
        ContractFit(peopleOnContract: answers["fit.people"].flatMap(DecimalText.parse) ?? 0,
                    subcontracting: answers["fit.subcontracting"] == "yes",
                    suitsApprenticesOrPlacements: answers["fit.apprenticeships"] == "yes",
                    contactWithSchools: answers["fit.schools"] == "yes", carbonIntensive: answers["fit.carbon"] == "yes",
                    scopeForVCSESupport: answers["fit.vcse"] == "yes")
    }

    private func market(_ answers: AnswerSheet) -> LocalMarket {
        func ticks(_ key: String) -> [Int] { (answers[key] ?? "").split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
        return LocalMarket(
            canSplitIntoLots: answers["market.lots"] == "yes", lotsNote: answers["market.lotsNote"] ?? "",
            knownLocalSuppliers: answers["market.localSuppliers"] ?? "", marketEngagement: answers["market.engagement"] == "yes",
            oneToOneSupport: answers["market.support"] == "yes", coDesign: answers["market.coDesign"] == "yes",
            livedExperience: answers["market.livedExperience"] == "yes",
            principlesFollowed: ["keep-it-local": ticks("principles.keepItLocal"),
                                 "community-wealth-building": ticks("principles.communityWealthBuilding")],
            principlesNote: answers["principles.note"] ?? "", livingWageInScope: answers["livingWage.inScope"] == "yes",
            livingWageAssurance: answers["livingWage.assurance"] == "yes")
    }
}
