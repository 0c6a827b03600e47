import Foundation
import SocialValue

/// `response.html`: a printable page, self-contained (no scripts, no external files or
/// links), with the commitments table, the totals, an inline SVG chart of social value by
/// theme, each commitment's delivery and evidence, the delivery plan and the checks. Every
/// piece of text from the response is escaped.
public enum ResponseHTML {
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
        // The page is written straight into one buffer: the long answers are escaped into it once.
        var html = TextBuffer(capacity: 8_192 + answers + answers / 8 + document.commitments.count * 512)
        html.append(pageStart(title: "Social value response: \(tender.reference)"))
        html.line("<h1>Social value response: \(escape(tender.reference)) \(escape(tender.title))</h1>")
        html.line("<p><strong>Supplier:</strong> \(escape(supplier.name)), \(escape(supplier.postcode))"
            + "\(supplier.isLocal ? " (a local supplier)" : ""), a \(escape(supplier.size.rawValue)) \(escape(supplier.kind.name)).<br>"
            + "<strong>Buyer:</strong> \(escape(tender.buyer)). <strong>Contract value:</strong> \(escape(tender.contractValue.wholePounds)) "
            + "over \(Schedule.length(years: tender.years, months: tender.months)) from \(escape(tender.startDate)).</p>")
        if document.valuation.illustrative {
            html.line("<p class=\"illustrative\">Illustrative values: the £ figures use the \(escape(document.valuePack?.name ?? "")) pack, "
                + "for training and demonstration only.</p>")
        }
        for part in commitmentsTable(wording) + chart(document.valuation) { html.line(part) }
        details(wording.commitments, into: &html)
        html.line("<h2>Our \(escape(document.deliveryDocument.kind.name))</h2>")
        html.append("<p>")
        html.append(document.deliveryDocument.text, replacing: lineEscapes)
        html.line("</p>")
        for part in findings(document.findings) { html.line(part) }
        html.line("<footer>Made with svwizard \(escape(document.toolVersion)) for \(escape(document.framework.council)), "
            + "\(escape(document.framework.policy)).</footer>")
        html.append(pageEnd)
        return html.data
    }

    /// A self-contained, printable page: the shared style inline, no scripts, no external files.
    static func page(title: String, body: [String]) -> Data {
        var html = TextBuffer()
        html.append(pageStart(title: title))
        for part in body { html.line(part) }
        html.append(pageEnd)
        return html.data
    }

    /// A page up to its body's first line.
    private static func pageStart(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>

        """
    }

    /// What follows a page's body.
    private static let pageEnd = "</body>\n</html>\n"

    /// Escapes text for HTML content and attribute values.
    public static func escape(_ text: String) -> String {
        FastText.replacing(ShortText.inert(text), escapes)
    }

    /// The escapes with each line break kept as a `<br>`.
    private static let lineEscapes = FastText.Replacements(escapeTable.merging([UInt8(ascii: "\n"): "<br>\n"]) { $1 })

    private static let escapes = FastText.Replacements(escapeTable)

    private static let escapeTable: [UInt8: String] = [
        UInt8(ascii: "&"): "&amp;", UInt8(ascii: "<"): "&lt;", UInt8(ascii: ">"): "&gt;", UInt8(ascii: "\""): "&quot;",
        UInt8(ascii: "'"): "&#39;",
    ]

    /// Escapes text whose line breaks are kept, each as a `<br>`.
    static func paragraphs(_ text: String) -> String {
        FastText.replacing(ShortText.inert(text), lineEscapes)
    }

    private static func commitmentsTable(_ wording: ResponseWording) -> [String] {
        let document = wording.document
        let years = document.tender.years
        var rows = ["<h2>Commitments</h2>", "<table>",
                    "<caption>What we commit to each contract year, and its social value</caption>",
                    "<thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Headline</th>"
            + (1...max(years, 1)).map { "<th scope=\"col\" class=\"number\">Year \($0)</th>" }.joined()
            + "<th scope=\"col\" class=\"number\">Total</th><th scope=\"col\" class=\"number\">Value</th></tr></thead>", "<tbody>"]
        for line in wording.lines {
            let cells = line.quantities.map { "<td class=\"number\">\(escape($0))</td>" }.joined()
            let value = line.total.map(escape) ?? "not valued"
            rows.append("<tr><th scope=\"row\">\(escape(line.spoken))</th><td>\(escape(line.headline))</td>\(cells)"
                + "<td class=\"number\">\(escape(line.totalQuantity))</td><td class=\"number\">\(value)</td></tr>")
        }
        rows.append("</tbody>")
        let valuation = document.valuation
        if valuation.lines.contains(where: { $0.total != nil }) {
            let share = valuation.shareOfContract.map { " (\(escape($0.description)) of the contract value)" } ?? ""
            rows.append("<tfoot><tr><th scope=\"row\" colspan=\"\(years + 3)\">Total social value\(share)</th>"
                + "<th class=\"number\">\(escape(valuation.total.description))</th></tr></tfoot>")
        }
        rows.append("</table>")
        if !valuation.unvalued.isEmpty {
            rows.append("<p>Unvalued in the value pack used, so stated by quantity and not counted as £0: "
                + escape(valuation.unvalued.map(\.spoken).joined(separator: ", ")) + ".</p>")
        }
        return rows
    }

    /// A horizontal bar for each theme with a valued total.
    private static func chart(_ valuation: Valuation) -> [String] {
        let themes = valuation.byTheme.filter(\.valued)
        guard let largest = themes.map(\.total.pounds).max(), largest > 0 else {
            return ["<h2>Social value by theme</h2>", "<p>No measure has a £ value in the value pack used, so there is no chart.</p>"]
        }
        let barHeight = 28
        let labelWidth = 330
        let barSpace = 300
        var parts = ["<h2>Social value by theme</h2>",
                     "<svg role=\"img\" aria-label=\"Social value by theme, as in the table below\" width=\"\(labelWidth + barSpace + 130)\" "
                        + "height=\(quoted(themes.count * (barHeight + 10) + 10))>"]
        for (index, theme) in themes.enumerated() {
            let y = 10 + index * (barHeight + 10)
            let ratio = NSDecimalNumber(decimal: DecimalText.rounded(theme.total.pounds / largest * Decimal(barSpace), places: 0)).intValue
            let width = max(ratio, 1)
            parts.append("<text x=\"0\" y=\(quoted(y + 19)) font-size=\"13\">\(escape(theme.name))</text>")
            parts.append("<rect x=\(quoted(labelWidth)) y=\(quoted(y)) width=\(quoted(width)) height=\(quoted(barHeight)) fill=\"#2b6f77\"></rect>")
            parts.append("<text x=\(quoted(labelWidth + width + 6)) y=\(quoted(y + 19)) font-size=\"13\">\(escape(theme.total.description))</text>")
        }
        parts.append("</svg>")
        parts.append("<table class=\"chart-figures\">")
        parts.append("<caption>The figures in the chart: social value by theme</caption>")
        parts.append("<thead><tr><th scope=\"col\">Theme</th><th scope=\"col\" class=\"number\">Social value</th></tr></thead><tbody>")
        for theme in valuation.byTheme {
            parts.append("<tr><th scope=\"row\">\(escape(theme.name))</th><td class=\"number\">"
                + "\(theme.valued ? escape(theme.total.description) : "not valued")</td></tr>")
        }
        parts.append("</tbody></table>")
        return parts
    }

    private static func quoted(_ number: Int) -> String { "\"\(number)\"" }

    private static func details(_ commitments: [ResponseWording.CommitmentWording], into html: inout TextBuffer) {
        html.line("<h2>How we will deliver each commitment</h2>")
        for item in commitments {
            let commitment = item.commitment
            let summary = item.summary
            html.line("<section>")
            html.line("<h3>\(escape(summary?.headline ?? "")) (\(escape(commitment.measure.spoken)))</h3>")
            if let summary { html.line("<p class=\"wording\">\(escape(summary.wording))</p>") }
            html.append("<p><strong>How we will deliver it:</strong><br>")
            html.append(commitment.delivery, replacing: lineEscapes)
            html.line("</p>")
            if let partner = commitment.partner { html.line("<p><strong>Local partner:</strong> \(escape(partner))</p>") }
            html.append("<p><strong>Evidence we will keep:</strong><br>")
            html.append(commitment.evidence, replacing: lineEscapes)
            html.line("</p>")
            html.line("</section>")
        }
    }

    /// The checks recorded when the bundle was made, in plain words for the supplier and the
    /// evaluator: what each found, and for which measure; no codes or field names (those are in
    /// submission.json for the council's systems; the advice to the supplier stays in the wizard).
    private static func findings(_ findings: [Finding]) -> [String] {
        let heading = "<h2>Checks made when the bundle was made</h2>"
        guard !findings.isEmpty else { return [heading, "<p>Nothing to report.</p>"] }
        var parts = [heading, "<ul class=\"findings\">"]
        for finding in findings {
            let kind = switch finding.severity {
            case .error: "Must be fixed"
            case .warning: "Worth a question"
            case .note: "Note"
            }
            let measure = finding.field.split(separator: ".").dropFirst().first.flatMap { MeasureReference(String($0)) }
                .map(\.spoken).flatMap { finding.message.contains($0) ? nil : "\($0): " } ?? ""
            parts.append("<li class=\"\(finding.severity.rawValue)\"><strong>\(kind).</strong> \(escape(measure + finding.message))</li>")
        }
        parts.append("</ul>")
        return parts
    }

    static let style = """
        body { font-family: Georgia, "Times New Roman", serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.45; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.05rem; }
        table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
        th, td { border: 1px solid #bbb; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
        td.number, th.number { text-align: right; white-space: nowrap; }
        thead th, tfoot th { background: #eef3f4; }
        .illustrative { border: 2px solid #b7791f; background: #fffaf0; padding: 0.5rem; }
        .wording { font-style: italic; color: #444; }
        .findings li.error { color: #9b1c1c; } .findings li.warning { color: #8a5a00; }
        footer { margin-top: 3rem; font-size: 0.85rem; color: #555; }
        caption { text-align: left; font-style: italic; padding: 0.3rem 0; }
        td.blank { height: 2.2rem; width: 60%; }
        table.chart-figures { width: auto; margin-top: 0.5rem; }
        table.glance { width: auto; min-width: 60%; }
        @page { size: A4; margin: 16mm 15mm; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10.5pt; line-height: 1.35; }
          h1, h2, h3, caption { break-after: avoid; page-break-after: avoid; }
          section, tr, li, svg, footer { break-inside: avoid; page-break-inside: avoid; }
          p { orphans: 3; widows: 3; }
          footer { break-before: avoid; page-break-before: avoid; }
        }
        """
}
