import Foundation
import SocialValue

/// `commitments.csv`: one row per measure and contract year, for spreadsheets, written by `CSVWriter`.
public enum CommitmentsCSV {
    public static let header = ["measure", "headline", "theme", "outcome", "unit", "year", "quantity", "value_per_unit_gbp",
                                "value_gbp", "value_edition", "illustrative", "local_partner", "delivery", "evidence"]

    public static func render(_ document: SubmissionDocument) -> Data {
        var bytes = CSVWriter.byteOrderMark
        bytes.reserveCapacity(4096 + document.commitments.reduce(0) { total, commitment in
            total + commitment.quantities.count * (commitment.delivery.utf8.count + commitment.evidence.utf8.count + 256)
        })
        appendRow(header, to: &bytes)
        for commitment in document.commitments {
            let summary = document.summary(of: commitment.measure)
            let line = document.valuation.lines.first { $0.measure == commitment.measure }
            // The last three cells are the same each year: made once.
            var answers: [UInt8] = []
            for text in [commitment.partner ?? "", commitment.delivery, commitment.evidence] {
                answers.append(UInt8(ascii: ","))
                appendCell(text, to: &answers)
            }
            for (index, quantity) in commitment.quantities.enumerated() {
                let value = line?.values.map { index < $0.count ? DecimalText.plain($0[index].roundedToPence) : "" } ?? ""
                appendRow([
                    commitment.measure.rawValue, summary?.headline ?? "", summary?.theme ?? "", summary?.outcome ?? "",
                    summary?.unit.symbol ?? "", String(index + 1), DecimalText.plain(quantity),
                    line?.perUnit.map { DecimalText.plain($0.pounds) } ?? "unvalued", value.isEmpty ? "unvalued" : value,
                    line?.edition ?? "", document.valuation.illustrative ? "yes" : "no",
                ], to: &bytes, ending: false)
                bytes += answers
                bytes += [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
            }
        }
        return Data(bytes)
    }

    private static func appendRow(_ cells: [String], to bytes: inout [UInt8], ending: Bool = true) {
        CSVWriter.appendRow(cells, to: &bytes, ending: ending)
    }

    private static func appendCell(_ text: String, to bytes: inout [UInt8]) { CSVWriter.appendCell(text, to: &bytes) }
}
