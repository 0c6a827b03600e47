import Foundation

/// Delivery: every commitment says how it will be delivered and what evidence will be kept.
enum DeliveryRules {
    static func findings(_ context: CommitmentContext) -> [Finding] {
        var findings: [Finding] = []
        let commitment = context.commitment
        if FastText.isBlank(commitment.delivery) {
            findings.append(Finding(.emptyDelivery, field: context.field + ".delivery",
                                    message: "\(context.name) does not say how it will be delivered.",
                                    hint: "Say who will deliver it, with which local partner, and when."))
        }
        if FastText.isBlank(commitment.evidence) {
            findings.append(Finding(.noEvidence, field: context.field + ".evidence",
                                    message: "\(context.name) does not say what evidence will be kept.",
                                    hint: "Name the records you will keep, such as timesheets, payroll with postcodes, invoices or attendance lists."))
        }
        if FastText.isBlankLine(commitment.partner ?? "") {
            findings.append(Finding(.noLocalPartner, field: context.field + ".partner",
                                    message: "\(context.name) names no local partner.",
                                    hint: "Naming the school, college, charity or programme you will work with makes the commitment more credible."))
        }
        if context.measure.counting.livingWageRaise && context.response.supplier.livingWage == .all && commitment.total > 0 {
            findings.append(Finding(.payRaiseAlreadyPaid, field: context.field + ".quantities",
                                    message: "\(context.name) counts pay raises to the real living wage, but you said all staff on the contract already get it.",
                                    hint: "Only raises from below the real living wage count; correct your answer on pay, or remove the measure."))
        }
        return findings
    }
}
