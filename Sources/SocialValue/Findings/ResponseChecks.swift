import Foundation

/// Checks a response against the measures' rules, the contract and the policy, and returns
/// every finding, most serious first. Pure: the same response always gives the same findings.
public struct ResponseChecks: Sendable {
    public let framework: Framework
    public let catalogue: Catalogue
    public let pack: ValuePack?

    public init(framework: Framework, catalogue: Catalogue, pack: ValuePack?) {
        self.framework = framework
        self.catalogue = catalogue
        self.pack = pack
    }

    /// Every finding for `response`, ordered by severity, then code, then field. `valuation`,
    /// when the caller has it already, must be the response's valuation with this pack.
    public func findings(in response: TenderResponse, valuation: Valuation? = nil) -> [Finding] {
        var findings = responseFindings(response)
        var seen: Set<MeasureReference> = []
        for commitment in response.commitments {
            let field = "commitments.\(commitment.measure)"
            guard seen.insert(commitment.measure).inserted else {
                findings.append(Finding(.duplicateCommitment, field: field, message: "\(commitment.measure.spoken) is committed more than once.",
                                        hint: "Keep one commitment per measure and add the quantities together."))
                continue
            }
            guard let measure = catalogue.measure(commitment.measure) else {
                findings.append(Finding(.unknownMeasure, field: field, message: "\(commitment.measure) is not a measure in the catalogue.",
                                        hint: "Remove it, or choose a measure from `svwizard measures`."))
                continue
            }
            let context = CommitmentContext(commitment: commitment, measure: measure, response: response, field: field)
            findings += QuantityRules.findings(context, framework: framework)
            findings += PeopleRules.findings(context)
            findings += DeliveryRules.findings(context)
        }
        findings += PeopleRules.groupFindings(response, catalogue: catalogue)
        findings += PlausibilityRules.findings(response, framework: framework, catalogue: catalogue, pack: pack, valuation: valuation)
        return findings.sorted { ($0.severity, $0.code.rawValue, $0.field) < ($1.severity, $1.code.rawValue, $1.field) }
    }

    private func responseFindings(_ response: TenderResponse) -> [Finding] {
        var findings: [Finding] = []
        if response.commitments.isEmpty {
            findings.append(Finding(.nothingCommitted, field: "measures", message: "The response commits to no measures.",
                                    hint: "Choose at least one measure you can deliver on this contract."))
        }
        for commitment in response.commitments where !response.tender.adoptedMeasures.contains(commitment.measure) {
            findings.append(Finding(.measureNotAdopted, field: "commitments.\(commitment.measure)",
                                    message: "The tender did not adopt \(commitment.measure.spoken), so it will not be scored.",
                                    hint: "Remove it and choose from the tender's measures: "
                                        + response.tender.adoptedMeasures.map(\.rawValue).joined(separator: ", ") + "."))
        }
        if response.tender.livingWageAssurance == true && response.supplier.livingWage == .none {
            findings.append(Finding(.livingWageNotPaid, field: "supplier.livingWage",
                                    message: "This tender seeks assurance each year that the contract pays the real living wage, and you said "
                                        + "none of your staff get it.",
                                    hint: "The council will ask for that assurance every year of the contract. Say in your delivery plan how "
                                        + "and when staff on this contract will be paid the real living wage, or correct your answer."))
        }
        let document = framework.rules.deliveryDocument(contractValue: response.tender.contractValue)
        if !response.commitments.isEmpty && FastText.isBlank(response.deliveryDocument) {
            findings.append(Finding(.emptyDeliveryDocument, field: "deliveryDocument",
                                    message: "The \(document.name) is empty.",
                                    hint: document == .deliveryPlan
                                        ? "Contracts over \(framework.rules.deliveryPlanThreshold.wholePounds) need a delivery plan: what happens when, who is responsible, and how progress is reported."
                                        : "Give a milestone tracker: each milestone, its date, and how you will show it is met."))
        }
        if !framework.rules.requiresSocialValue(contractValue: response.tender.contractValue) {
            findings.append(Finding(.belowThreshold, field: "tender.value",
                                    message: "At \(response.tender.contractValue.wholePounds) the contract is not over \(framework.rules.socialValueThreshold.wholePounds), so the policy does not require social value.",
                                    hint: "You may still offer it; check the tender documents for how it will be scored."))
        }
        if response.supplier.kind.isPluralOwnership {
            findings.append(Finding(.pluralOwnership, field: "supplier.type",
                                    message: "Your organisation is a \(response.supplier.kind.name): the plural ownership the council's policy wants to see.",
                                    hint: "Say so in your response, and how it keeps value in the local area."))
        }
        return findings
    }
}

/// One commitment with what its rules need to see.
struct CommitmentContext {
    let commitment: Commitment
    let measure: Measure
    let response: TenderResponse
    let field: String

    var name: String { measure.reference.spoken }
}
