import Foundation
import SocialValue

/// `commitments.csv`: one row per measure and contract year, for spreadsheets. UTF-8 with a
/// byte order mark and CRLF line ends (so Excel and LibreOffice open it cleanly), every field
/// quoted as RFC 4180 requires, and any cell that a spreadsheet could run as a formula
/// (starting `=`, `+`, `-`, `@`, tab or carriage return) neutralised with a leading apostrophe.
public enum CommitmentsCSV {
    public static let header = ["measure", "headline", "theme", "outcome", "unit", "year", "quantity", "value_per_unit_gbp",
                                "value_gbp", "value_edition", "illustrative", "local_partner", "delivery", "evidence"]

    public static func render(_ document: SubmissionDocument) -> Data {
        var rows = [header]
        for commitment in document.commitments {
            let summary = document.summary(of: commitment.measure)
            let line = document.valuation.lines.first { $0.measure == commitment.measure }
            for (index, quantity) in commitment.quantities.enumerated() {
                let value = line?.values.map { index < $0.count ? DecimalText.plain($0[index].roundedToPence) : "" } ?? ""
                rows.append([
                    commitment.measure.rawValue, summary?.headline ?? "", summary?.theme ?? "", summary?.outcome ?? "",
                    summary?.unit.symbol ?? "", String(index + 1), DecimalText.plain(quantity),
                    line?.perUnit.map { DecimalText.plain($0.pounds) } ?? "unvalued", value.isEmpty ? "unvalued" : value,
                    line?.edition ?? "", document.valuation.illustrative ? "yes" : "no",
                    commitment.partner ?? "", commitment.delivery, commitment.evidence,
                ])
            }
        }
        let text = rows.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    /// One field: neutralised if a spreadsheet could take it for a formula, then quoted.
    static func cell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        return "\"" + FastText.replacing(value, quotes) + "\""
    }

    private static let quotes = FastText.Replacements([UInt8(ascii: "\""): "\"\""])
}
