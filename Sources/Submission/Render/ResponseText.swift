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
        let answers = document.commitments.reduce(document.deliveryDocument.text.utf8.count) {
            $0 + $1.delivery.utf8.count + $1.evidence.utf8.count
        }
        // Written straight into one buffer, as the Markdown and HTML are.
        var text = TextBuffer(capacity: 4_096 + answers + document.commitments.count * 512)
        heading("Social value response: \(tender.reference) \(tender.title)", underline: "=", into: &text)
        text.line("Supplier: \(supplier.name), \(supplier.postcode)\(supplier.isLocal ? " (a local supplier)" : ""), "
            + "a \(supplier.size.rawValue) \(supplier.kind.name).")
        text.line("Buyer: \(tender.buyer). Contract value: \(tender.contractValue.wholePounds) over "
            + "\(Schedule.length(years: tender.years, months: tender.months)) from \(tender.startDate).")
        text.line()
        heading("Summary of our commitments", underline: "-", into: &text)
        for row in table(wording.lines) { text.line(row) }
        text.line()
        text.line(wording.totalSentence)
        for item in wording.commitments {
            guard let summary = item.summary, let sentence = item.sentence else { continue }
            let commitment = item.commitment
            text.line()
            heading("\(summary.headline) (\(commitment.measure.spoken))", underline: "-", into: &text)
            text.line("Theme: \(summary.theme). Outcome: \(summary.outcome).")
            text.line()
            text.line("What we commit: " + sentence)
            for fact in item.facts { text.line(fact) }
            text.line()
            text.line("How we will deliver it:")
            // Each answer keeps its own line breaks.
            text.line(commitment.delivery)
            if let partner = commitment.partner {
                text.line()
                text.line("Local partner: \(partner)")
            }
            text.line()
            text.line("Evidence we will keep:")
            text.line(commitment.evidence)
        }
        text.line()
        heading("Our \(document.deliveryDocument.kind.name)", underline: "-", into: &text)
        text.line(document.deliveryDocument.text)
        text.line()
        heading("How the figures were valued", underline: "-", into: &text)
        for paragraph in wording.valuation { text.line(paragraph) }
        return text.data
    }

    private static func heading(_ heading: String, underline: String, into text: inout TextBuffer) {
        text.line(heading)
        text.line(String(repeating: underline, count: min(FastText.characterCount(heading), 72)))
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
