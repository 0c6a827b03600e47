import Foundation
import SocialValue

/// `response.txt`: the written response as plain text, to paste into a tender portal's text
/// box. No markup: headings in words, underlined; the commitments as aligned columns; each
/// answer's own line breaks kept. UTF-8 with LF line ends.
public enum ResponseText {
    public static func render(_ document: SubmissionDocument) -> Data {
        render(ResponseWording(document))
    }

    static func render(_ wording: ResponseWording) -> Data {
        let document = wording.document
        let tender = document.tender
        let supplier = document.supplier
        var lines = heading("Social value response: \(tender.reference) \(tender.title)", underline: "=")
        lines.append("Supplier: \(supplier.name), \(supplier.postcode)\(supplier.isLocal ? " (a local supplier)" : ""), "
            + "a \(supplier.size.rawValue) \(supplier.kind.name).")
        lines.append("Buyer: \(tender.buyer). Contract value: \(tender.contractValue.wholePounds) over \(tender.years) "
            + "year\(tender.years == 1 ? "" : "s") from \(tender.startDate).")
        lines.append("")
        lines += heading("Summary of our commitments", underline: "-")
        lines += table(wording.lines)
        lines.append("")
        lines.append(wording.totalSentence)
        for item in wording.commitments {
            guard let summary = item.summary, let sentence = item.sentence else { continue }
            let commitment = item.commitment
            lines.append("")
            lines += heading("\(summary.headline) (\(commitment.measure.spoken))", underline: "-")
            lines.append("Theme: \(summary.theme). Outcome: \(summary.outcome).")
            lines.append("")
            lines.append("What we commit: " + sentence)
            lines += item.facts
            lines += ["", "How we will deliver it:", commitment.delivery]
            if let partner = commitment.partner { lines += ["", "Local partner: \(partner)"] }
            lines += ["", "Evidence we will keep:", commitment.evidence]
        }
        lines.append("")
        lines += heading("Our \(document.deliveryDocument.kind.name)", underline: "-")
        // Each answer keeps its own line breaks (the lines are joined with line feeds).
        lines.append(document.deliveryDocument.text)
        lines.append("")
        lines += heading("How the figures were valued", underline: "-")
        lines += wording.valuation
        return FastText.data(lines: lines)
    }

    private static func heading(_ text: String, underline: String) -> [String] {
        [text, String(repeating: underline, count: min(FastText.characterCount(text), 72))]
    }

    /// The commitments as columns padded to the longest entry, numbers aligned right.
    private static func table(_ lines: [ResponseWording.LineWording]) -> [String] {
        let header = ["Measure", "Over the contract", "Value"]
        let rows = lines.map { line in [line.spoken, line.totalQuantity, line.total ?? "not valued"] }
        let counts = ([header] + rows).map { $0.map(FastText.characterCount) }
        let widths = (0..<header.count).map { column in counts.map { $0[column] }.max() ?? 0 }
        func format(_ row: [String], _ count: [Int]) -> String {
            let first = row[0] + String(repeating: " ", count: max(0, widths[0] - count[0]))
            let others = row.indices.dropFirst().map { String(repeating: " ", count: widths[$0] - count[$0]) + row[$0] }
            return ([first] + others).joined(separator: "   ")
        }
        return zip([header] + rows, counts).map(format)
    }
}
