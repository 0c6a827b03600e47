import Foundation
import SocialValue

/// `svwizard contract show`: a contract's details, its commitments and its schedule by
/// reporting period, as plain text.
public enum ContractText {
    public static func render(_ terms: ContractTerms, width: Int = 80) -> Data {
        var lines = TextTable.heading(width: width, "Contract \(terms.reference): \(terms.title)", underline: "=")
        lines += TextTable.wrap(width: width, "Supplier: \(terms.supplier.name), \(terms.supplier.postcode)\(terms.supplier.isLocal ? " (a local supplier)" : "").")
        lines += TextTable.wrap(width: width, "Buyer: \(terms.buyer). Directorate: \(terms.directorate). Contract manager: \(terms.contractManager).")
        lines += TextTable.wrap(width: width, "Runs from \(terms.term.first.long) to \(terms.term.last.long) (\(terms.length)); "
            + "contract value \(terms.contractValue.wholePounds); awarded \(terms.awarded.long); tender \(terms.tenderReference).")
        lines += TextTable.wrap(width: width, "Valued with: \(terms.packName.map { "\($0), \(terms.packEdition ?? "")" } ?? "no value pack")"
            + (terms.illustrative ? " (illustrative: for training only)" : "") + ".")
        lines += TextTable.wrap(width: width, "Real living wage assurance each year: \(terms.livingWageAssurance ? "yes" : "no").")
        lines.append("")
        guard !terms.commitments.isEmpty else {
            lines += TextTable.wrap(width: width, "No social value commitments: the contract was recorded without them (svwizard contract record), so there "
                + "is no schedule and nothing to report.")
            return Data((lines.joined(separator: "\n") + "\n").utf8)
        }
        lines += TextTable.heading(width: width, "Commitments", underline: "-")
        lines += TextTable.render(width: width, header: ["Measure", "Committed", "Value"], rows: terms.commitments.map { commitment in
            let value = terms.schedule.lines.filter { $0.measure == commitment.measure }.compactMap(\.value)
            return ["\(commitment.label) (\(commitment.measure.spoken))", commitment.unit.format(commitment.total),
                    commitment.perUnit == nil ? "not valued" : value.reduce(Money.zero, +).description]
        })
        lines.append("")
        lines += TextTable.wrap(width: width, "Committed value: \(terms.committedValue), each contract year's value rounded to the penny, as in the bid, and shared over its periods to the penny.")
        lines.append("")
        lines += TextTable.heading(width: width, "Schedule by reporting period", underline: "-")
        var rows: [[String]] = []
        for period in terms.schedule.periods {
            let due = terms.schedule.due(in: period)
            for commitment in terms.commitments where (due[commitment.measure] ?? 0) > 0 {
                let value = terms.schedule.lines.filter { $0.period.id == period.id && $0.measure == commitment.measure }.compactMap(\.value)
                rows.append([period.id, commitment.measure.spoken, commitment.unit.format(due[commitment.measure] ?? 0),
                             commitment.perUnit == nil ? "not valued" : value.reduce(Money.zero, +).description])
            }
        }
        lines += TextTable.render(width: width, header: ["Period", "Measure", "Due", "Value"], rows: rows)
        lines.append("")
        lines += TextTable.wrap(width: width, "Periods: " + terms.periods.map { "\($0.id) \($0.start.iso) to \($0.end.iso)" }.joined(separator: "; ") + ".")
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }
}
