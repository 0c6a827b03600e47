import Foundation
import SocialValue

/// Feedback a trainee can act on: what is strong, what an evaluator would question, and what
/// is missing or wrong, each pointing to the guidance topic that explains it.
struct WorkshopFeedback: Encodable {
    struct Item: Encodable {
        var text: String
        var topic: String?
    }

    var strengths: [Item] = []
    var questions: [Item] = []
    var missing: [Item] = []

    init(response: TenderResponse, findings: [Finding], valuation: Valuation, framework: Framework, unanswered: [String]) {
        let withoutPartner = findings.filter { $0.code == .noLocalPartner }
        if !withoutPartner.isEmpty {
            let names = withoutPartner.compactMap { $0.field.split(separator: ".").dropFirst().first }.compactMap { MeasureReference(String($0))?.spoken }
            questions.append(Item(text: "\(names.joined(separator: ", ")) name\(names.count == 1 ? "s" : "") no local partner. Naming the school, "
                + "college, charity or programme you will work with makes a commitment more credible.", topic: "tender-response"))
        }
        for finding in findings where finding.code != .noLocalPartner {
            let item = Item(text: "\(finding.code.rawValue): \(finding.message) What to do: \(finding.hint)", topic: Self.topic(for: finding.code))
            switch finding.severity {
            case .error: missing.append(item)
            case .warning: questions.append(item)
            case .note where finding.code == .belowThreshold: questions.append(item)
            case .note: break
            }
        }
        missing += unanswered.map { Item(text: "Not answered yet: \($0)", topic: "tender-response") }
        strengths = Self.strengths(response, findings: findings, valuation: valuation, framework: framework)
    }

    private static func strengths(_ response: TenderResponse, findings: [Finding], valuation: Valuation, framework: Framework) -> [Item] {
        var items: [Item] = []
        let problems = findings.filter { $0.severity != .note }
        if response.supplier.isLocal {
            items.append(Item(text: "You are a local supplier in \(framework.localArea.name): say so in your response.", topic: "local-area"))
        }
        if response.supplier.kind.isPluralOwnership {
            items.append(Item(text: "As a \(response.supplier.kind.name) you are the plural ownership the policy wants to see.",
                              topic: "community-wealth-building"))
        }
        for commitment in response.commitments {
            let field = "commitments.\(commitment.measure)"
            // Not praised if any error or warning concerns it, by its answers or by name.
            let spoken = commitment.measure.spoken
            let named = problems.contains { finding in
                finding.field.hasPrefix(field) || [" ", ",", ")", "."].contains { finding.message.contains(spoken + $0) }
            }
            guard !named else { continue }
            var good = "\(commitment.measure.spoken) is specific and checks out"
            if let partner = commitment.partner { good += ", names a local partner (\(partner))" }
            if !commitment.evidence.isEmpty { good += " and says what evidence will be kept" }
            items.append(Item(text: good + ".", topic: nil))
        }
        if response.tender.years > 1, response.commitments.contains(where: { $0.quantities.filter { $0 > 0 }.count > 1 }) {
            items.append(Item(text: "Delivery is spread across the contract years, which evaluators look for.", topic: "tender-response"))
        }
        if let share = valuation.shareOfContract, valuation.total.pounds > 0, share <= framework.benchmarks.warnAbove {
            items.append(Item(text: "The total, \(valuation.total) (\(share) of the contract), is within the public benchmarks: "
                + "realistic, and so credible.", topic: "tender-response"))
        }
        if !response.deliveryDocument.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            items.append(Item(text: "The delivery plan or milestone tracker is written.", topic: "evidence-and-reporting"))
        }
        return items
    }

    /// The guidance topic that explains each check.
    static func topic(for code: FindingCode) -> String {
        switch code {
        case .localSpendAboveContract: "tom18"
        case .placementLength, .placementWeeksDoNotAddUp: "tom12"
        case .peopleCountedTwice, .hiresBeyondFirstYear, .hiresAboveNewHires, .groupAboveWorkforce: "double-counting"
        case .emptyDelivery, .emptyDeliveryDocument, .noEvidence: "evidence-and-reporting"
        case .payRaiseAlreadyPaid, .livingWageNotPaid: "real-living-wage"
        case .unvalued, .illustrativeValues, .illustrativeValuesInBid: "value-packs"
        case .belowThreshold: "what-is-social-value"
        case .pluralOwnership: "community-wealth-building"
        case .nothingCommitted, .measureNotAdopted, .zeroCommitment, .implausibleTotal, .allInOneYear, .noLocalPartner, .jobsAboveWorkforce,
             .weeksAboveWorkforce:
            "tender-response"
        case .quantityOutOfRange, .quantityOffStep, .wrongNumberOfYears, .ageBandNotConfirmed, .unknownMeasure, .duplicateCommitment, .missingFacts:
            "validation-rules"
        case .evidenceMissing, .periodOutsideContract, .deliveredQuantityUnit, .shortfallUnexplained, .measureNotCommitted,
             .measureNotReported, .evidenceOutsidePeriod, .beyondCommitment, .fteAboveProfileAndWorkforce, .evidenceDateImpossible,
             .preparedOnImpossible, .preparedByChanged:
            "delivery-returns"
        }
    }
}
