import Foundation
import SocialValue

/// What `svwizard track show` prints and `--json` writes: a contract's delivery to date.
public struct TrackingReport: Sendable, Hashable, Codable {
    /// A return as the register holds it, in short.
    public struct ReturnEntry: Sendable, Hashable, Codable {
        public var period: String
        public var preparedBy: String
        public var preparedOn: Day
        public var importedOn: Day
        public var current: Bool
        public var evidence: [String: Int]

        public init(period: String, preparedBy: String, preparedOn: Day, importedOn: Day, current: Bool, evidence: [String: Int]) {
            self.period = period
            self.preparedBy = preparedBy
            self.preparedOn = preparedOn
            self.importedOn = importedOn
            self.current = current
            self.evidence = evidence
        }
    }

    public var contract: ContractTerms
    public var tracking: Tracking
    public var livingWage: LivingWageStatus
    public var actions: [CorrectiveAction]
    public var returns: [ReturnEntry]
    /// Returns not received, and corrective actions past their date.
    public var due: ReturnsDue

    public init(contract: ContractTerms, tracking: Tracking, livingWage: LivingWageStatus, actions: [CorrectiveAction], returns: [ReturnEntry],
                due: ReturnsDue) {
        self.contract = contract
        self.tracking = tracking
        self.livingWage = livingWage
        self.actions = actions
        self.returns = returns
        self.due = due
    }
}

/// `track show` as plain text: by measure, committed against due, reported and validated, with
/// the shortfall, the value not yet due and the RAG status; then by period; then the living wage
/// assurance, the corrective actions and the returns received.
public enum TrackingText {
    public static func render(_ report: TrackingReport, width: Int = 80) -> Data {
        let terms = report.contract
        let tracking = report.tracking
        var lines = TextTable.heading(width: width, "Delivery of contract \(terms.reference): \(terms.title)", underline: "=")
        lines += TextTable.wrap(width: width, "Supplier: \(terms.supplier.name). Contract manager: \(terms.contractManager) (\(terms.directorate)).")
        lines += TextTable.wrap(width: width, "As of \(tracking.asOf.long); the contract runs from \(terms.term.first.long) to \(terms.term.last.long).")
        if terms.illustrative { lines += TextTable.wrap(width: width, "Values are illustrative (\(terms.packName ?? "")): for training only.") }
        lines.append("")
        guard !terms.commitments.isEmpty else {
            lines += TextTable.wrap(width: width, "No social value commitments: the contract was recorded without them, so there is no delivery to follow.")
            return Data((lines.joined(separator: "\n") + "\n").utf8)
        }
        if !report.due.missing.isEmpty || !report.due.overdueActions.isEmpty {
            lines += TextTable.heading(width: width, "To chase", underline: "-")
            for missing in report.due.missing { lines += TextTable.wrap(width: width, missing.sentence) }
            for action in report.due.overdueActions {
                lines += TextTable.wrap(width: width, "Corrective action overdue: \(action.measure?.spoken ?? "whole contract"): \(action.action)"
                    + (action.dueOn.map { " (due \($0.long))" } ?? "") + ". Check it was done.")
            }
            lines.append("")
        }
        lines += TextTable.heading(width: width, "By measure", underline: "-")
        let f = { (status: Tracking.MeasureStatus, figure: Tracking.Figure) in status.unit.format(figure.quantity.value) }
        lines += TextTable.render(width: width, header: ["Measure", "Committed", "Due by now", "Reported", "Validated", "RAG"], rows: tracking.measures.map { status in
            [status.measure.spoken, f(status, status.committed), f(status, status.due), f(status, status.reported), f(status, status.validated),
             status.rag?.word ?? "not due"]
        })
        lines.append("")
        lines += TextTable.render(width: width, header: ["Measure", "Awaiting", "Rejected", "Shortfall", "Not yet due"], rows: tracking.measures.map { status in
            [status.measure.spoken, f(status, status.pending), f(status, status.rejected), f(status, status.shortfall), f(status, status.notYetDue)]
        })
        lines.append("")
        let t = tracking.total
        lines += TextTable.render(width: width, header: ["In £ (valued measures)", "Amount"], rows: [
            ["Committed over the contract", t.committed.description], ["Due by now", t.due.description], ["Not yet due", t.notYetDue.description],
            ["Reported", t.reported.description], ["Validated", t.validated.description], ["Awaiting validation", t.pending.description],
            ["Rejected", t.rejected.description], ["Shortfall against what was due", t.shortfall.description],
        ])
        lines.append("")
        lines += TextTable.wrap(width: width, "RAG, by \(tracking.ragBasis == .validated ? "validated" : "reported") delivery against what was due: \(tracking.ragNote)")
        let unvalued = tracking.measures.filter { $0.committed.value == nil }.map(\.measure.spoken)
        if !unvalued.isEmpty { lines += TextTable.wrap(width: width, "Not valued (counted by quantity only): \(unvalued.joined(separator: ", ")).") }
        lines.append("")
        lines += TextTable.heading(width: width, "By period", underline: "-")
        lines += TextTable.render(width: width, header: ["Period", "Measure", "Committed", "Reported", "Validated", "Awaiting", "Rejected"],
                                  rows: tracking.cells.filter { $0.isDue || $0.reported.quantity.value != 0 }.sorted { ($0.period, $0.measure) < ($1.period, $1.measure) }
                                    .map { cell in
            let unit = terms.commitment(cell.measure)?.unit ?? .pounds
            let f = { (figure: Tracking.Figure) in unit.format(figure.quantity.value) }
            return [cell.period.id, cell.measure.spoken, f(cell.committed), f(cell.reported), f(cell.validated), f(cell.pending), f(cell.rejected)]
        })
        lines.append("")
        lines += TextTable.heading(width: width, "Real living wage assurance", underline: "-")
        lines += TextTable.wrap(width: width, report.livingWage.sentence)
        lines.append("")
        lines += TextTable.heading(width: width, "Corrective actions agreed", underline: "-")
        if report.actions.isEmpty { lines.append("None.") }
        for action in report.actions {
            lines += TextTable.wrap(width: width, "\(action.agreedOn.iso) \(action.measure?.spoken ?? "Whole contract"): \(action.action)"
                + (action.dueOn.map { " (by \($0.long))" } ?? "") + "; agreed by \(action.agreedBy).")
        }
        lines.append("")
        lines += TextTable.heading(width: width, "Returns received", underline: "-")
        if report.returns.isEmpty { lines.append("None yet.") }
        for entry in report.returns {
            let counts = EvidenceCounts.order.compactMap { key in entry.evidence[key].map { "\($0) \(key)" } }.joined(separator: ", ")
            lines += TextTable.wrap(width: width, "\(entry.period): prepared by \(entry.preparedBy) on \(entry.preparedOn.iso), imported \(entry.importedOn.iso)"
                + (entry.current ? "" : " (superseded by a corrected return)") + (counts.isEmpty ? "" : "; evidence: \(counts)") + ".")
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }
}

enum EvidenceCounts {
    static let order = ["submitted", "validated", "rejected", "queried"]
}
