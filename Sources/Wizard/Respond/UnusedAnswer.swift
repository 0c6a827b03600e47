import Questionnaire
import SocialValue

/// Why an answer in an answers file was not used, in the words of the real reason: the tender
/// file already gives it, the measure is not chosen or not adopted, the contract has fewer
/// years, the question is not asked on this route, or the key is misspelt.
struct UnusedAnswer {
    let planner: FlowPlanner
    let answers: AnswerSheet
    /// The keys whose answers were refused (so later questions that depend on them were not asked).
    let refused: Set<String>

    /// The reason for `key`, and whether it is an error (an answer that would be lost, such as
    /// a quantity for a year the contract does not have) rather than a note.
    func reason(for key: String) -> (text: String, isError: Bool) {
        let parts = key.split(separator: ".").map(String.init)
        let environment = planner.environment
        if parts.first == "tender", environment.tender != nil {
            return ("is given by the tender file, so it is not asked; leave it out of the answers file", false)
        }
        if parts.first == "commitments", parts.count >= 3, let measure = MeasureReference(parts[1]) {
            if let adopted = environment.tender?.adoptedMeasures, !adopted.contains(measure) {
                return ("is for \(measure.spoken), which the tender does not adopt, so it was not used", false)
            }
            let chosen = (answers["measures"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if !chosen.contains(measure.rawValue) {
                let because = refused.contains("measures") ? " (the answer to measures was refused)" : ""
                return ("is for \(measure.spoken), which is not among the measures chosen\(because), so it was not used", false)
            }
            if parts.count == 4, parts[2] == "quantity", let year = Int(parts[3]), let years = contractYears, year > years {
                return ("gives a quantity for contract year \(year), but the contract runs \(years) year\(years == 1 ? "" : "s"); "
                    + "give one quantity for each contract year", true)
            }
        }
        if isQuestion(key) {
            let because = refused.isEmpty ? "" : " (it may depend on an answer that was refused)"
            return ("is a question that is not asked on this route, given the other answers\(because), so it was not used", false)
        }
        return ("is not a question in this questionnaire (check its spelling), so it was not used", false)
    }

    private var contractYears: Int? {
        planner.environment.tender?.years ?? answers["tender.years"].flatMap(ContractLength.years)
    }

    /// Whether `key` is one of the flow's questions, on any route: `supplier.name`,
    /// `commitments.TOM10.delivery`, `commitments.TOM10.quantity.2`.
    private func isQuestion(_ key: String) -> Bool {
        var parts = key.split(separator: ".").map(String.init)
        if let last = parts.last, Int(last) != nil { parts.removeLast() }
        for step in planner.flow.steps {
            for question in step.questions {
                let candidate = step.forEachMeasure == true && parts.count > 2 && parts[0] == "commitments"
                    ? parts.dropFirst(2).joined(separator: ".") : parts.joined(separator: ".")
                if candidate == question.key { return true }
            }
        }
        return false
    }
}
