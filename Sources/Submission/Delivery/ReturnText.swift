import Foundation
import SocialValue

/// `return.txt`: the delivery return as plain text, for the supplier's records or to paste into
/// an email: the period, a table of due against delivered, then each measure's evidence,
/// narrative and, below the profile, the reason and recovery plan.
public enum ReturnText {
    /// The supplier's text, each of its lines wrapped at a space to `width` (a blank line kept).
    static func paragraphs(_ text: String, width: Int) -> [String] {
        FastText.lines(text).flatMap { line in FastText.isBlank(line) ? [""] : TextTable.wrap(width: width, line) }
    }

    public static func render(_ document: DeliveryReturn, width: Int = 80) -> Data {
        var lines = TextTable.heading(width: width, "Social value delivery return: \(document.contract.reference), \(document.period.name)", underline: "=")
        lines += TextTable.wrap(width: width, "Contract: \(document.contract.title), for \(document.contract.buyer).")
        lines += TextTable.wrap(width: width, "Supplier: \(document.contract.supplier).")
        lines += TextTable.wrap(width: width, "Period: \(document.period.spoken).")
        lines += TextTable.wrap(width: width, "Prepared by \(document.preparedBy) on \(document.preparedOn.long).")
        lines += TextTable.wrap(width: width, document.contract.valuesUsed)
        lines.append("")
        lines += TextTable.heading(width: width, "Delivered in the period", underline: "-")
        lines += TextTable.render(width: width, header: ["Measure", "Due", "Delivered", "Value"], rows: document.lines.map { line in
            [line.measure.spoken, line.unit.format(line.due.value), line.unit.format(line.delivered.value), line.value?.description ?? "not valued"]
        })
        lines.append("")
        lines += TextTable.wrap(width: width, "Value delivered in the period: \(document.total), valued at the contract's £ per unit, each line rounded to the penny.")
        for line in document.lines {
            lines.append("")
            lines += TextTable.heading(width: width, "\(line.label) (\(line.measure.spoken))", underline: "-")
            lines += TextTable.wrap(width: width, "Delivered: \(line.unit.format(line.delivered.value)) against \(line.unit.format(line.due.value)) due.")
            if line.evidence.isEmpty {
                lines.append("Evidence: none listed.")
            } else {
                lines.append("Evidence:")
                for item in line.evidence {
                    lines += TextTable.wrap(width: width - 2, "\(item.id): \(item.what), \(item.reference.isEmpty ? "no reference" : "reference \(item.reference)"), "
                        + "dated \(item.date.long)").map { "  " + $0 }
                }
            }
            if !FastText.isBlank(line.narrative) { lines += ["", "What was done:"] + paragraphs(line.narrative, width: width) }
            if let reason = line.shortfallReason, !FastText.isBlank(reason) {
                lines += ["", "Why delivery is below the profile:"] + paragraphs(reason, width: width)
            }
            if let plan = line.recoveryPlan, !FastText.isBlank(plan) { lines += ["", "How the shortfall will be made up:"] + paragraphs(plan, width: width) }
        }
        lines.append("")
        lines += TextTable.heading(width: width, "Checks", underline: "-")
        if document.findings.isEmpty {
            lines.append("No problems found.")
        } else {
            lines += document.findings.map { "\($0.code.rawValue) (\($0.severity.rawValue)): \($0.message)" }
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }
}

/// `return.html`: the delivery return as a printable page, with the same content as the text.
public enum ReturnHTML {
    public static func render(_ document: DeliveryReturn) -> Data {
        let e = ResponseHTML.escape
        var body: [String] = []
        body.append("<h1>Social value delivery return: \(e(document.contract.reference)), \(e(document.period.name))</h1>")
        body.append("<p>Contract: \(e(document.contract.title)), for \(e(document.contract.buyer)). Supplier: \(e(document.contract.supplier)).</p>")
        body.append("<p>Period: \(e(document.period.spoken)). Prepared by \(e(document.preparedBy)) on \(e(document.preparedOn.long)).</p>")
        body.append("<p\(document.contract.illustrative == true ? " class=\"illustrative\"" : "")>\(e(document.contract.valuesUsed))</p>")
        body.append("<table><caption>Delivered in the period</caption>")
        body.append("<thead><tr><th scope=\"col\">Measure</th><th scope=\"col\" class=\"number\">Due</th><th scope=\"col\" class=\"number\">Delivered</th>"
            + "<th scope=\"col\" class=\"number\">Value</th></tr></thead><tbody>")
        for line in document.lines {
            body.append("<tr><th scope=\"row\">\(e(line.label)) (\(e(line.measure.spoken)))</th><td class=\"number\">\(e(line.unit.format(line.due.value)))</td>"
                + "<td class=\"number\">\(e(line.unit.format(line.delivered.value)))</td><td class=\"number\">\(e(line.value?.description ?? "not valued"))</td></tr>")
        }
        body.append("</tbody><tfoot><tr><th scope=\"row\">Value delivered in the period</th><td></td><td></td><td class=\"number\">\(e(document.total.description))</td></tr></tfoot></table>")
        for line in document.lines {
            body.append("<h2>\(e(line.label)) (\(e(line.measure.spoken)))</h2>")
            body.append("<p>Delivered: \(e(line.unit.format(line.delivered.value))) against \(e(line.unit.format(line.due.value))) due.</p>")
            if line.evidence.isEmpty {
                body.append("<p>Evidence: none listed.</p>")
            } else {
                body.append("<h3>Evidence</h3><ul>" + line.evidence.map {
                    "<li>\(e($0.id)): \(e($0.what)), \(e($0.reference.isEmpty ? "no reference" : "reference \($0.reference)")), dated \(e($0.date.long))</li>"
                }.joined() + "</ul>")
            }
            if !FastText.isBlank(line.narrative) { body.append("<h3>What was done</h3>" + "<p>" + ResponseHTML.paragraphs(line.narrative) + "</p>") }
            if let reason = line.shortfallReason, !FastText.isBlank(reason) { body.append("<h3>Why delivery is below the profile</h3>" + "<p>" + ResponseHTML.paragraphs(reason) + "</p>") }
            if let plan = line.recoveryPlan, !FastText.isBlank(plan) { body.append("<h3>How the shortfall will be made up</h3>" + "<p>" + ResponseHTML.paragraphs(plan) + "</p>") }
        }
        body.append("<h2>Checks</h2>")
        body.append(document.findings.isEmpty ? "<p>No problems found.</p>"
            : "<ul>" + document.findings.map { "<li>\(e($0.code.rawValue)) (\(e($0.severity.rawValue))): \(e($0.message))</li>" }.joined() + "</ul>")
        return ResponseHTML.page(title: "Delivery return \(document.contract.reference) \(document.period.name)", body: body)
    }
}
