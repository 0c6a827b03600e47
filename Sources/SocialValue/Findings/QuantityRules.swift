import Foundation

/// Quantities: one per contract year, within range and step, not all zero, local spend within
/// the contract value, placements of the right length adding up.
enum QuantityRules {
    static func findings(_ context: CommitmentContext, framework: Framework) -> [Finding] {
        var findings: [Finding] = []
        let commitment = context.commitment
        let measure = context.measure
        let years = context.response.tender.years
        if commitment.quantities.count != years {
            findings.append(Finding(.wrongNumberOfYears, field: context.field + ".quantities",
                                    message: "\(context.name) has quantities for \(commitment.quantities.count) year\(commitment.quantities.count == 1 ? "" : "s"), but the contract runs for \(years).",
                                    hint: "Give one quantity for each contract year; use 0 for a year with none."))
        }
        for (index, quantity) in commitment.quantities.enumerated() {
            let yearField = context.field + ".quantities.\(index + 1)"
            if let problem = Limits.problem(quantity: quantity) {
                findings.append(Finding(.quantityOutOfRange, field: yearField, message: "\(context.name) year \(index + 1): \(problem)",
                                        hint: "Enter what you will deliver in that year, in \(measure.unit.plainName)."))
            } else if quantity < measure.input.minimum || measure.input.maximum.map({ quantity > $0 }) == true {
                let range = measure.input.maximum.map { "between \(DecimalText.plain(measure.input.minimum)) and \(DecimalText.plain($0))" }
                    ?? "\(DecimalText.plain(measure.input.minimum)) or more"
                findings.append(Finding(.quantityOutOfRange, field: yearField,
                                        message: "\(context.name) year \(index + 1) is \(measure.unit.format(quantity)); it must be \(range).",
                                        hint: "Enter a quantity in \(measure.unit.plainName), such as \(measure.unit.format(measure.input.step * 10))."))
            } else if !DecimalText.isMultiple(quantity, of: measure.input.step) {
                findings.append(Finding(.quantityOffStep, field: yearField,
                                        message: "\(context.name) year \(index + 1) is \(DecimalText.plain(quantity)), which is not in steps of \(DecimalText.plain(measure.input.step)).",
                                        hint: measure.input.isInteger ? "Enter a whole number." : "Round it to steps of \(DecimalText.plain(measure.input.step))."))
            }
        }
        if !commitment.quantities.isEmpty && commitment.total == 0 {
            findings.append(Finding(.zeroCommitment, field: context.field + ".quantities",
                                    message: "\(context.name) is chosen but every year is 0.",
                                    hint: "Enter what you will deliver, or remove the measure."))
        }
        if measure.counting.atMostContractValue && Money(commitment.total) > context.response.tender.contractValue {
            findings.append(Finding(.localSpendAboveContract, field: context.field + ".quantities",
                                    message: "Local spend of \(Money(commitment.total).wholePounds) is more than the contract's value of \(context.response.tender.contractValue.wholePounds).",
                                    hint: "Count only money spent through this contract with local suppliers."))
        }
        findings += placementFindings(context)
        if years > 1 && commitment.quantities.count == years && commitment.total > 0
            && commitment.quantities.filter({ $0 > 0 }).count == 1 && commitment.quantities.last ?? 0 > 0 {
            findings.append(Finding(.allInOneYear, field: context.field + ".quantities",
                                    message: "Everything for \(context.name) is in the last year of a \(years)-year contract.",
                                    hint: "Evaluators look for delivery across the contract; spread it, or explain why it comes at the end."))
        }
        return findings
    }

    private static func placementFindings(_ context: CommitmentContext) -> [Finding] {
        guard let range = context.measure.placementWeeks else { return [] }
        let commitment = context.commitment
        guard let placements = commitment.placements, let weeks = commitment.weeksEach else {
            return [Finding(.missingFacts, field: context.field + ".placements",
                            message: "\(context.name) needs the number of placements and how many weeks each lasts.",
                            hint: "Give both, for example 4 placements of 2 weeks.")]
        }
        var findings: [Finding] = []
        if !range.contains(weeks) {
            findings.append(Finding(.placementLength, field: context.field + ".weeksEach",
                                    message: "\(context.name) placements last \(DecimalText.plain(weeks)) weeks each, but the measure counts placements of \(range.phrase).",
                                    hint: range.maximum == nil ? "Shorter placements belong to the unpaid placements measure (TOM 12)."
                                        : "Longer, paid placements belong to the paid placements measure (TOM 13)."))
        }
        let expected = Decimal(placements) * weeks
        if expected != commitment.total {
            findings.append(Finding(.placementWeeksDoNotAddUp, field: context.field + ".quantities",
                                    message: "\(context.name) totals \(DecimalText.plain(commitment.total)) weeks, but \(placements) placements of \(DecimalText.plain(weeks)) weeks is \(DecimalText.plain(expected)) weeks.",
                                    hint: "Make the weeks in each year add up to the placements times their length."))
        }
        return findings
    }
}
