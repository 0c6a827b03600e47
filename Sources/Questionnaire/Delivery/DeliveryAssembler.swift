import Foundation
import SocialValue

extension DeliveryAnswers {
    /// What the answers still lack for `contract`'s return for `period`, in the order asked.
    public func gaps(contract: ContractTerms, period: ReportingPeriod) -> [String] {
        var gaps: [String] = []
        if FastText.isBlank(preparedBy ?? "") { gaps.append("preparedBy: who prepared the return") }
        if (preparedOn.flatMap(DateText.parse)) == nil {
            gaps.append("preparedOn: the date it was prepared (such as 10 March 2026)" + Self.notADate(preparedOn))
        }
        let due = contract.schedule.due(in: period)
        for commitment in contract.commitments {
            let key = "measures.\(commitment.measure.rawValue)"
            let answers = measures[commitment.measure] ?? Measure()
            guard let delivered = answers.delivered.flatMap(DecimalText.parse) else {
                gaps.append("\(key).delivered: the \(commitment.unit.plainName) delivered for \(commitment.label)")
                continue
            }
            for (index, item) in answers.evidence.enumerated() {
                if FastText.isBlank(item.what) { gaps.append("\(key).evidence \(index + 1): what it is") }
                if FastText.isBlank(item.reference ?? "") { gaps.append("\(key).evidence \(index + 1): its reference (or none)") }
                if (item.date.flatMap(DateText.parse)) == nil { gaps.append("\(key).evidence \(index + 1): its date" + Self.notADate(item.date)) }
            }
            let isDue = due[commitment.measure] ?? 0
            if (delivered > 0 || isDue > 0) && FastText.isBlank(answers.narrative ?? "") {
                gaps.append("\(key).narrative: what was done this period")
            }
            if delivered < isDue {
                if FastText.isBlank(answers.shortfallReason ?? "") { gaps.append("\(key).shortfallReason: why delivery is below the profile") }
                if FastText.isBlank(answers.recoveryPlan ?? "") { gaps.append("\(key).recoveryPlan: how and when the shortfall will be made up") }
            }
        }
        return gaps
    }

    /// Why a date given is not taken, for a gap: it is not a date, or not one within the years svwizard works with.
    static func notADate(_ text: String?) -> String {
        guard let text, !FastText.isBlank(text) else { return "" }
        return " (\"\(ShortText.shortened(text, limit: 40))\" is not a day, month and year from \(Day.supportedYears.lowerBound) to \(Day.supportedYears.upperBound))"
    }

    /// The return the answers make, checked; nil while anything is missing (see `gaps`).
    public func assemble(contract: ContractTerms, period: ReportingPeriod, toolVersion: String) -> DeliveryReturn? {
        guard gaps(contract: contract, period: period).isEmpty, let preparedBy,
              let preparedOn = preparedOn.flatMap(DateText.parse).flatMap(Day.init(iso:)) else { return nil }
        let due = contract.schedule.due(in: period)
        let lines = contract.commitments.map { commitment -> DeliveryLine in
            let answers = measures[commitment.measure] ?? Measure()
            let delivered = answers.delivered.flatMap(DecimalText.parse) ?? 0
            let evidence = answers.evidence.enumerated().compactMap { index, item -> EvidenceItem? in
                guard let date = item.date.flatMap(DateText.parse).flatMap(Day.init(iso:)) else { return nil }
                let reference = item.reference.map { $0.lowercased() == "none" ? "" : $0 } ?? ""
                return EvidenceItem(id: "\(commitment.measure.rawValue)-\(index + 1)", what: item.what, reference: reference, date: date)
            }
            let below = delivered < (due[commitment.measure] ?? 0)
            return DeliveryLine(commitment: commitment, due: due[commitment.measure] ?? 0, delivered: delivered, evidence: evidence,
                                narrative: answers.narrative ?? "", shortfallReason: below ? answers.shortfallReason : nil,
                                recoveryPlan: below ? answers.recoveryPlan : nil)
        }
        return DeliveryReturn(toolVersion: toolVersion, contract: contract, period: period, preparedBy: preparedBy, preparedOn: preparedOn, lines: lines)
    }
}
