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
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
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
        for (index, text) in cells.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendCell(text, to: &bytes)
        }
        if ending { bytes += [UInt8(ascii: "\r"), UInt8(ascii: "\n")] }
    }

    /// One field: neutralised if a spreadsheet could take it for a formula, then quoted.
    static func cell(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendCell(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one field, as `cell` makes it. Each character that starts a formula is ASCII, so
    /// the first byte tells.
    static func appendCell(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        if let first = text.utf8.first, formulaStarts.contains(first) { bytes.append(UInt8(ascii: "'")) }
        FastText.append(text, replacing: quotes, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    private static let formulaStarts: Set<UInt8> = Set("=+-@\t\r".utf8)

    private static let quotes = FastText.Replacements([UInt8(ascii: "\""): "\"\""])
}
