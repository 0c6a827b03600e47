import Foundation

/// The checks on a delivery return, each with a stable code (listed in
/// `Guidance/validation-rules.md`): errors stop the return being written.
public struct DeliveryChecks: Sendable {
    public let contract: ContractTerms

    public init(contract: ContractTerms) { self.contract = contract }

    public func findings(period: ReportingPeriod, lines: [DeliveryLine]) -> [Finding] {
        var findings: [Finding] = []
        let term = contract.term
        if period.end < term.first || period.start > term.last || contract.calendar.period(id: period.id) != period {
            findings.append(Finding(.periodOutsideContract, field: "period",
                message: "\(period.spoken) is not one of this contract's reporting periods, which run from \(term.first.long) to \(term.last.long).",
                hint: "Choose one of the periods the contract pack lists."))
        }
        var seen: Set<MeasureReference> = []
        for line in lines {
            let field = "delivery.\(line.measure.rawValue)"
            guard let commitment = contract.commitment(line.measure), seen.insert(line.measure).inserted else {
                findings.append(Finding(.measureNotCommitted, field: field,
                    message: "\(line.measure.spoken) is not one of the contract's commitments, or is given twice.",
                    hint: "Report each committed measure once; delivery beyond the contract's measures is not counted."))
                continue
            }
            let delivered = line.delivered.value
            if let problem = Limits.problem(quantity: delivered) {
                findings.append(Finding(.deliveredQuantityUnit, field: field, message: "\(commitment.label): \(problem)",
                    hint: "Give what was delivered in the period, in \(commitment.unit.plainName)."))
            } else if delivered < 0 || !DecimalText.isMultiple(delivered, of: commitment.step.value) {
                findings.append(Finding(.deliveredQuantityUnit, field: field,
                    message: "\(commitment.label): \(DecimalText.plain(delivered)) is not a quantity in \(commitment.unit.plainName), counted in steps of \(DecimalText.plain(commitment.step.value)).",
                    hint: "Give the quantity in the measure's unit, as the contract pack shows it."))
            }
            if delivered > 0 && line.evidence.isEmpty {
                findings.append(Finding(.evidenceMissing, field: field,
                    message: "\(commitment.label): \(commitment.unit.format(delivered)) delivered, but no evidence is listed.",
                    hint: "List at least one piece of evidence you keep: what it is, its reference and its date."))
            }
            if line.isBelowProfile && (line.shortfallReason.isBlankOrNil || line.recoveryPlan.isBlankOrNil) {
                findings.append(Finding(.shortfallUnexplained, field: field,
                    message: "\(commitment.label): \(commitment.unit.format(delivered)) delivered against \(commitment.unit.format(line.due.value)) due, with no reason or no recovery plan.",
                    hint: "Say why delivery is below the profile and how and when the shortfall will be made up."))
            }
            let workforce = contract.supplier.workforce + contract.supplier.newHires
            if commitment.unit == .fte, delivered > line.due.value, delivered > workforce {
                findings.append(Finding(.fteAboveProfileAndWorkforce, field: field,
                    message: "\(commitment.label): \(commitment.unit.format(delivered)) is more than the \(commitment.unit.format(line.due.value)) due and more "
                        + "than the \(DecimalText.plain(workforce)) FTE the bid said would work on the contract. FTE is not a headcount: "
                        + "it is the hours worked on this contract over the period, as a share of full time.",
                    hint: "Work it out from the hours: for example two people each working half time on the contract for the whole period are 1 FTE."))
            }
            for item in line.evidence where item.date < term.first {
                findings.append(Finding(.evidenceOutsidePeriod, field: "\(field).evidence.\(item.id)",
                    message: "\(commitment.label): evidence \(item.reference.isEmpty ? item.id : item.reference) is dated \(item.date.long), before the "
                        + "contract started on \(term.first.long).",
                    hint: "Check the date: what happened before the contract started does not count as its delivery."))
            }
            for item in line.evidence where !period.contains(item.date) && item.date >= term.first {
                findings.append(Finding(.evidenceOutsidePeriod, field: "\(field).evidence.\(item.id)",
                    message: "\(commitment.label): evidence \(item.reference.isEmpty ? item.id : item.reference) is dated \(item.date.long), outside \(period.spoken).",
                    hint: "Check the date; delivery in another period belongs in that period's return."))
            }
            let reported = delivered + (priorDelivered[line.measure] ?? 0)
            if delivered > 0, reported > commitment.total {
                findings.append(Finding(.beyondCommitment, field: field,
                    message: "\(commitment.label): this return takes the quantity delivered to \(commitment.unit.format(reported)), more than the \(commitment.unit.format(commitment.total)) committed over the contract.",
                    hint: "Delivery beyond the commitment is welcome but is counted only up to what was committed."))
            }
        }
        for commitment in contract.commitments where !seen.contains(commitment.measure) {
            findings.append(Finding(.measureNotReported, field: "delivery.\(commitment.measure.rawValue)",
                message: "\(commitment.label) is committed but not reported in this return.",
                hint: "Report every committed measure, with 0 where nothing was delivered this period."))
        }
        return findings
    }

    /// The dates a return must keep, whatever its version: each piece of evidence dated within
    /// the contract, give or take `marginDays` (the council's choice, in framework.yaml); the
    /// return prepared no earlier than its period began and no later than `today`.
    public func dateFindings(period: ReportingPeriod, preparedOn: Day, lines: [DeliveryLine], marginDays: Int, today: Day) -> [Finding] {
        var findings: [Finding] = []
        let term = contract.term
        let earliest = Day(ordinal: term.first.ordinal - marginDays), latest = Day(ordinal: term.last.ordinal + marginDays)
        for line in lines {
            for item in line.evidence where item.date < earliest || item.date > latest {
                findings.append(Finding(.evidenceDateImpossible, field: "delivery.\(line.measure.rawValue).evidence.\(item.id)",
                    message: "\(line.measure.spoken): evidence \(item.reference.isEmpty ? item.id : item.reference) is dated \(item.date.long), "
                        + "far outside the contract (\(term.first.long) to \(term.last.long), give or take \(marginDays) days).",
                    hint: "Check the date: it is most likely mistyped."))
            }
        }
        if preparedOn < period.start || preparedOn > today {
            findings.append(Finding(.preparedOnImpossible, field: "preparedOn",
                message: "The return is dated \(preparedOn.long), " + (preparedOn > today ? "after today (\(today.long))."
                    : "before its period began on \(period.start.long)."),
                hint: "Give the date the return was prepared."))
        }
        return findings
    }

    /// For the reviewer: a return prepared by someone the contract's earlier returns do not
    /// name. Not an error (people change jobs), but worth a question before figures count.
    public static func preparerFindings(preparedBy: String, earlier: [String]) -> [Finding] {
        func name(_ text: String) -> String {
            (text.split(separator: ",").first.map(String.init) ?? text).trimmingCharacters(in: .whitespaces).lowercased()
        }
        let known = Set(earlier.map(name))
        guard !known.isEmpty, !known.contains(name(preparedBy)) else { return [] }
        return [Finding(.preparedByChanged, field: "preparedBy",
            message: "Prepared by \(preparedBy); the contract's earlier returns were prepared by \(earlier.uniqued.joined(separator: ", ")).",
            hint: "Check with the supplier that this person reports for them.")]
    }

    /// Quantities already delivered in earlier periods, when known (the supplier's own earlier returns).
    public var priorDelivered: [MeasureReference: Decimal] = [:]
}

extension Optional where Wrapped == String {
    var isBlankOrNil: Bool { self?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true }
}

private extension Array where Element == String {
    /// The names once each, in order.
    var uniqued: [String] {
        var seen: Set<String> = []
        return filter { seen.insert($0).inserted }
    }
}
