import Foundation
import SocialValue

/// The report's files: `report.md`, `report.html` (for Cabinet: a summary in plain words, charts
/// drawn from the figures with the figures also as tables, no scripts, printable), `report.json`
/// and `report.csv` (written line by line from the register by `ReportCSV`). Long breakdowns
/// (contracts, suppliers) show their largest entries; report.json and report.csv hold them all.
public enum ReportDocuments {
    /// How many contracts and suppliers the readable files list.
    public static let longestList = 20

    /// The report's opening table for Cabinet: five or six figures, each with what it is.
    public static func headline(_ report: SocialValueReport) -> [(String, String)] {
        let c = report.cumulative, p = report.inPeriod, year = report.range.name
        var rows: [(String, String)] = [
            ("Committed since the first contract" + (report.since.map { " began (\($0.long))" } ?? ""), c.committed.description),
            ("Due in \(year)", p.due.description),
            ("Validated as delivered in \(year)", p.validated.description),
        ]
        if p.awaiting.pounds > 0 { rows.append(("Reported, awaiting validation", p.awaiting.description)) }
        rows.append(("Short of what was due in \(year)", p.shortfall.description))
        if let spend = report.spend.last, let share = spend.localShare {
            rows.append(("Council spending with local suppliers, \(spend.financialYear)", "\(share) (\(spend.local) of \(spend.total))"))
        }
        return rows
    }

    /// The summary under the table: at most four short sentences, built from the figures.
    public static func summary(_ report: SocialValueReport) -> [String] {
        let c = report.cumulative, p = report.inPeriod
        guard report.since != nil else {
            return ["The register holds no contracts yet, so there is nothing committed or delivered to report."]
        }
        var sentences = ["In \(report.range.name), \(p.due) of social value was due and \(p.validated) of it has been validated as delivered"
            + (p.awaiting.pounds > 0 ? "; \(p.awaiting) more is reported and awaiting validation." : ".")]
        sentences.append((p.shortfall.pounds > 0 ? "Delivery is \(p.shortfall) short of what was due." : "Nothing that was due is short.")
            + (c.notYetDue.pounds > 0 ? " A further \(c.notYetDue) falls in later periods, so it is not counted as short." : ""))
        let quantities = report.headlines.filter { $0.cumulative.validated.value > 0 }.map {
            "\($0.label.lowercasedFirst), \(quantity($0.cumulative.validated.value, $0.unit))"
        }
        if !quantities.isEmpty {
            sentences.append("Validated since the first contract: " + quantities.joined(separator: "; ") + ".")
        }
        if let year = report.spend.last, let share = year.localShare {
            sentences.append("The council paid \(share) of its spending with third-party suppliers in \(year.financialYear) to local suppliers.")
        }
        return sentences
    }

    /// A quantity for people: thousands grouped, with its unit (£ as money).
    public static func quantity(_ value: Decimal, _ unit: MeasureUnit) -> String {
        if unit == .pounds { return Money(value).description }
        let plain = DecimalText.plain(value)
        let places = plain.split(separator: ".").dropFirst().first.map(\.count) ?? 0
        return DecimalText.grouped(value, places: places) + " " + unit.symbol
    }

    static func stageRows(_ s: Money.Stages) -> [(String, Money)] {
        [("Committed on contracts awarded", s.committed), ("Due", s.due), ("Reported by suppliers", s.reported), ("Validated as delivered", s.validated),
         ("Awaiting validation", s.awaiting), ("Rejected at review", s.rejected), ("Shortfall against what was due", s.shortfall),
         ("Not yet due (later periods)", s.notYetDue)]
    }

    // MARK: Markdown

    public static func markdown(_ report: SocialValueReport) -> Data {
        let e = ResponseMarkdown.text
        var lines = ["# Social value report \(e(report.range.name)): \(e(report.council))", ""]
        lines.append("The period runs from \(report.range.from.long) to \(report.range.to.long), \(e(report.range.basis)). A reporting period counts "
            + "when its last day falls in it." + report.valuePacks.map { " " + e($0.sentence) }.joined())
        lines += ["", "## At a glance", "", "| Figure | Amount |", "| --- | ---: |"]
        lines += headline(report).map { "| \(e($0.0)) | \(e($0.1)) |" }
        lines.append("")
        lines.append(summary(report).map(e).joined(separator: " "))
        lines += ["", "## Social value in £", "", "| Stage | \(e(report.range.name)) | Since the first contract |", "| --- | ---: | ---: |"]
        for ((name, period), (_, cumulative)) in zip(stageRows(report.inPeriod), stageRows(report.cumulative)) {
            lines.append("| \(name) | \(period) | \(cumulative) |")
        }
        lines += ["", "## Headline figures", "", "| Measure | Due in the period | Reported | Validated | Validated since the first contract |",
                  "| --- | ---: | ---: | ---: | ---: |"]
        for h in report.headlines {
            lines.append("| \(e(h.label)) (\(h.measure.spoken)) | \(quantity(h.inPeriod.due.value, h.unit)) | \(quantity(h.inPeriod.reported.value, h.unit)) | "
                + "\(quantity(h.inPeriod.validated.value, h.unit)) | \(quantity(h.cumulative.validated.value, h.unit)) |")
        }
        if let share = report.localSpendShare {
            lines += ["", "Validated local supply-chain spend (\(share.measure.spoken)) in the period: \(share.validated), against contracts worth "
                + "\(share.contractValue) in the period (each contract's value pro rata to its days in the period)"
                + (share.share.map { ": \($0)." } ?? ".")]
        }
        lines += ["", "## Every measure", "", "| Measure | Theme | Due | Reported | Validated | £ validated |", "| --- | --- | ---: | ---: | ---: | ---: |"]
        for m in report.measures {
            lines.append("| \(e(m.label)) (\(m.measure.spoken)) | \(e(m.theme)) | \(quantity(m.inPeriod.due.value, m.unit)) | \(quantity(m.inPeriod.reported.value, m.unit)) | "
                + "\(quantity(m.inPeriod.validated.value, m.unit)) | \(m.money.map { $0.validated.description } ?? "not valued") |")
        }
        for (title, rows, limit) in groupSections(report) {
            lines += ["", "## \(title)", "", "| \(title.hasPrefix("By ") ? String(title.dropFirst(3)).capitalizedFirst : title) | Due | Reported | Validated | Shortfall | Contracts |",
                      "| --- | ---: | ---: | ---: | ---: | ---: |"]
            for row in rows.prefix(limit) {
                lines.append("| \(e(row.name)) | \(row.shown(row.stages.due)) | \(row.shown(row.stages.reported)) | \(row.shown(row.stages.validated)) | "
                    + "\(row.shown(row.stages.shortfall)) | \(row.contracts.map(String.init) ?? "") |")
            }
            if rows.count > limit { lines += ["", "\(rows.count - limit) more in report.json and report.csv."] }
        }
        lines += ["", "## Contracts over \(report.threshold.threshold.wholePounds)", "",
                  "Awarded in the period: \(report.threshold.inPeriodWith) with social value commitments, \(report.threshold.inPeriodWithout) without"
                    + (report.threshold.without.isEmpty ? "." : " (\(report.threshold.without.map(e).joined(separator: ", "))).")
                    + " Since the first contract: \(report.threshold.cumulativeWith) with, \(report.threshold.cumulativeWithout) without."]
        lines += spendMarkdown(report)
        lines += ["", "## How the figures are worked out", ""] + method(report).map(e)
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    static func groupSections(_ report: SocialValueReport) -> [(String, [SocialValueReport.GroupRow], Int)] {
        [("By council plan theme", report.themes, Int.max), ("By outcome", report.outcomes, Int.max), ("By directorate", report.directorates, Int.max),
         ("By supplier location", report.supplierLocations, Int.max), ("By supplier's postcode district", report.districts, Int.max),
         ("By supplier (largest validated first)", report.suppliers, longestList), ("By contract", report.contracts, longestList)]
    }

    static func spendMarkdown(_ report: SocialValueReport) -> [String] {
        let e = ResponseMarkdown.text
        var lines = ["", "## The council's spending with local suppliers", ""]
        guard !report.spend.isEmpty else {
            return lines + ["No spending data has been imported (svwizard spend import reads the council's published \"spending over £500\" files)."]
        }
        lines += ["| Financial year | Total | Local | Local share | Partly local districts | Outside | Not placed |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for y in report.spend {
            lines.append("| \(y.financialYear) | \(y.total) | \(y.local) | \(y.localShare?.description ?? "–") | \(y.partial) | \(y.outside) | "
                + "\(y.unplaced) (\(y.unplacedPayments) payment\(y.unplacedPayments == 1 ? "" : "s")) |")
        }
        for y in report.spend {
            lines += ["", "### \(y.financialYear): largest suppliers", "", "| Supplier | Location | Paid |", "| --- | --- | ---: |"]
            lines += y.largestSuppliers.map { "| \(e($0.name)) | \(location($0.location)) | \($0.amount) |" }
            lines += ["", "### \(y.financialYear): by postcode district", "", "| District | Paid |", "| --- | ---: |"]
            lines += y.districts.map { "| \(e($0.name)) | \($0.amount) |" }
            lines += ["", "### \(y.financialYear): by category", "", "| Category | Paid |", "| --- | ---: |"]
            lines += y.categories.map { "| \(e($0.name)) | \($0.amount) |" }
        }
        return lines
    }

    /// Where a supplier is, in words.
    static func location(_ code: String?) -> String {
        switch code {
        case "local": "local"
        case "partial": "district partly local"
        case "outside": "outside the area"
        case "unplaced": "not placed"
        default: code ?? ""
        }
    }

    static func method(_ report: SocialValueReport) -> [String] {
        ["Committed: the whole-life social value of contracts awarded (in the period, or since the first contract). Due: each contract's schedule, "
            + "which shares each year's commitment over the reporting periods. Reported: what suppliers' current returns say (a corrected return "
            + "replaces the one before). Validated: what the contract manager has accepted on the evidence; awaiting: reported but not yet "
            + "checked; rejected: reported but not accepted. Shortfall: for each contract and measure, what was due but is not validated. Not yet "
            + "due: what is committed for periods after the report's end, which is not under-delivery.",
         "Money is counted in pence: each line (a measure in a period) is rounded to the penny and every total is the sum of its lines. "
            + "Measures without a £ value are counted by quantity only.",
         "Spending with local suppliers is by financial year, for each year that ended by the report's last day: a payment is local when "
            + "its supplier's postcode district lies wholly in the local area, and counted apart when the district straddles the boundary or "
            + "the payment cannot be placed (a redacted supplier, no postcode). Credit notes reduce the totals."]
    }

    // MARK: HTML

    public static func html(_ report: SocialValueReport) -> Data {
        let e = ResponseHTML.escape
        var body: [String] = []
        body.append("<h1>Social value report \(e(report.range.name))</h1>")
        body.append("<p class=\"lead\">\(e(report.council)). \(e(report.range.from.long)) to \(e(report.range.to.long)), \(e(report.range.basis)).</p>")
        for pack in report.valuePacks { body.append("<p\(pack.illustrative ? " class=\"illustrative\"" : "")>\(e(pack.sentence))</p>") }
        body.append("<h2>At a glance</h2>")
        body.append("<table class=\"glance\"><caption>The year's figures for Cabinet</caption><tbody>")
        body += headline(report).map { "<tr><th scope=\"row\">\(e($0.0))</th><td class=\"number\">\(e($0.1))</td></tr>" }
        body.append("</tbody></table>")
        body.append("<p>" + summary(report).map(e).joined(separator: " ") + "</p>")
        body.append("<h2>Social value in £</h2>")
        body += chart(stageRows(report.inPeriod).filter { ["Due", "Reported by suppliers", "Validated as delivered"].contains($0.0) },
                      title: "Social value due, reported and validated in \(report.range.name)")
        body.append("<table><caption>Social value at each stage</caption><thead><tr><th scope=\"col\">Stage</th><th scope=\"col\" class=\"number\">"
            + "\(e(report.range.name))</th><th scope=\"col\" class=\"number\">Since the first contract</th></tr></thead><tbody>")
        for ((name, period), (_, cumulative)) in zip(stageRows(report.inPeriod), stageRows(report.cumulative)) {
            body.append("<tr><th scope=\"row\">\(e(name))</th><td class=\"number\">\(e(period.description))</td><td class=\"number\">\(e(cumulative.description))</td></tr>")
        }
        body.append("</tbody></table>")
        body.append("<h2>Headline figures</h2>")
        body.append("<table><caption>The figures the policy reports</caption><thead><tr><th scope=\"col\">Measure</th><th scope=\"col\" class=\"number\">Due</th>"
            + "<th scope=\"col\" class=\"number\">Reported</th><th scope=\"col\" class=\"number\">Validated</th><th scope=\"col\" class=\"number\">Validated since the first contract</th></tr></thead><tbody>")
        for h in report.headlines {
            body.append("<tr><th scope=\"row\">\(e(h.label)) (\(e(h.measure.spoken)))</th><td class=\"number\">\(e(quantity(h.inPeriod.due.value, h.unit)))</td>"
                + "<td class=\"number\">\(e(quantity(h.inPeriod.reported.value, h.unit)))</td><td class=\"number\">\(e(quantity(h.inPeriod.validated.value, h.unit)))</td>"
                + "<td class=\"number\">\(e(quantity(h.cumulative.validated.value, h.unit)))</td></tr>")
        }
        body.append("</tbody></table>")
        body.append("<h2>Every measure</h2>")
        body.append("<table><caption>Every measure in \(e(report.range.name))</caption><thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Theme</th>"
            + "<th scope=\"col\" class=\"number\">Due</th><th scope=\"col\" class=\"number\">Reported</th><th scope=\"col\" class=\"number\">Validated</th>"
            + "<th scope=\"col\" class=\"number\">£ validated</th></tr></thead><tbody>")
        for m in report.measures {
            body.append("<tr><th scope=\"row\">\(e(m.label)) (\(e(m.measure.spoken)))</th><td>\(e(m.theme))</td><td class=\"number\">\(e(quantity(m.inPeriod.due.value, m.unit)))</td>"
                + "<td class=\"number\">\(e(quantity(m.inPeriod.reported.value, m.unit)))</td><td class=\"number\">\(e(quantity(m.inPeriod.validated.value, m.unit)))</td>"
                + "<td class=\"number\">\(e(m.money.map { $0.validated.description } ?? "not valued"))</td></tr>")
        }
        body.append("</tbody></table>")
        for (title, rows, limit) in groupSections(report) {
            body.append("<h2>\(e(title))</h2>")
            if title == "By directorate" || title == "By council plan theme" {
                body += chart(rows.map { ($0.name, $0.stages.validated) }, title: "Validated social value \(title.lowercased())")
            }
            body.append("<table><caption>Social value in \(e(report.range.name)) \(e(title.lowercasedFirst)): due, reported, validated and short</caption><thead><tr><th scope=\"col\">Name</th><th scope=\"col\" class=\"number\">Due</th>"
                + "<th scope=\"col\" class=\"number\">Reported</th><th scope=\"col\" class=\"number\">Validated</th><th scope=\"col\" class=\"number\">Shortfall</th>"
                + "<th scope=\"col\" class=\"number\">Contracts</th></tr></thead><tbody>")
            for row in rows.prefix(limit) {
                body.append("<tr><th scope=\"row\">\(e(row.name))</th><td class=\"number\">\(e(row.shown(row.stages.due)))</td>"
                    + "<td class=\"number\">\(e(row.shown(row.stages.reported)))</td>"
                    + "<td class=\"number\">\(e(row.shown(row.stages.validated)))</td><td class=\"number\">\(e(row.shown(row.stages.shortfall)))</td>"
                    + "<td class=\"number\">\(row.contracts.map(String.init) ?? "")</td></tr>")
            }
            body.append("</tbody></table>")
            if rows.count > limit { body.append("<p>\(rows.count - limit) more in report.json and report.csv.</p>") }
        }
        let t = report.threshold
        body.append("<h2>Contracts over \(e(t.threshold.wholePounds))</h2>")
        body.append("<p>Awarded in the period: \(t.inPeriodWith) with social value commitments, \(t.inPeriodWithout) without"
            + (t.without.isEmpty ? "." : " (\(e(t.without.joined(separator: ", ")))).") + " Since the first contract: \(t.cumulativeWith) with, \(t.cumulativeWithout) without.</p>")
        body.append("<h2>The council's spending with local suppliers</h2>")
        if report.spend.isEmpty {
            body.append("<p>No spending data has been imported.</p>")
        } else {
            body += chart(report.spend.map { ($0.financialYear, $0.local) }, title: "Spend with local suppliers by financial year")
            body.append("<table><caption>Spend with third-party suppliers by financial year</caption><thead><tr><th scope=\"col\">Financial year</th>"
                + "<th scope=\"col\" class=\"number\">Total</th><th scope=\"col\" class=\"number\">Local</th><th scope=\"col\" class=\"number\">Local share</th>"
                + "<th scope=\"col\" class=\"number\">Partly local districts</th><th scope=\"col\" class=\"number\">Outside</th><th scope=\"col\" class=\"number\">Not placed</th></tr></thead><tbody>")
            for y in report.spend {
                body.append("<tr><th scope=\"row\">\(e(y.financialYear))</th><td class=\"number\">\(e(y.total.description))</td><td class=\"number\">\(e(y.local.description))</td>"
                    + "<td class=\"number\">\(e(y.localShare?.description ?? "–"))</td><td class=\"number\">\(e(y.partial.description))</td>"
                    + "<td class=\"number\">\(e(y.outside.description))</td><td class=\"number\">\(e(y.unplaced.description))</td></tr>")
            }
            body.append("</tbody></table>")
            for y in report.spend {
                body.append("<table><caption>\(e(y.financialYear)): largest suppliers</caption><thead><tr><th scope=\"col\">Supplier</th><th scope=\"col\">Location</th>"
                    + "<th scope=\"col\" class=\"number\">Paid</th></tr></thead><tbody>")
                body += y.largestSuppliers.map { "<tr><th scope=\"row\">\(e($0.name))</th><td>\(e(location($0.location)))</td><td class=\"number\">\(e($0.amount.description))</td></tr>" }
                body.append("</tbody></table>")
            }
        }
        body.append("<h2>How the figures are worked out</h2>")
        body += method(report).map { "<p>\(e($0))</p>" }
        return ResponseHTML.page(title: "Social value report \(report.range.name)", body: body)
    }

    /// A horizontal bar chart drawn in SVG, with the figures beside the bars (and as a table nearby).
    /// Nothing for fewer than two bars: one bar compares nothing, and its figure is in the table.
    static func chart(_ bars: [(String, Money)], title: String) -> [String] {
        guard bars.count >= 2 else { return [] }
        let largest = bars.map(\.1.pounds).max() ?? 0
        let height = 28 * bars.count + 10
        var svg = ["<svg class=\"chart\" role=\"img\" aria-label=\"\(ResponseHTML.escape(title))\" viewBox=\"0 0 640 \(height)\" width=\"640\" height=\"\(height)\">"]
        for (index, bar) in bars.enumerated() {
            let width = largest > 0 ? NSDecimalNumber(decimal: bar.1.pounds / largest * 300).intValue : 0
            let y = 28 * index + 5
            svg.append("<text x=\"0\" y=\"\(y + 16)\" font-size=\"12\">\(ResponseHTML.escape(String(bar.0.prefix(40))))</text>")
            svg.append("<rect x=\"250\" y=\"\(y + 4)\" width=\"\(max(width, 0))\" height=\"16\" fill=\"#1d70b8\"></rect>")
            svg.append("<text x=\"\(255 + max(width, 0))\" y=\"\(y + 16)\" font-size=\"12\">\(ResponseHTML.escape(bar.1.description))</text>")
        }
        svg.append("</svg>")
        return ["<figure>", svg.joined(), "<figcaption>\(ResponseHTML.escape(title))</figcaption>", "</figure>"]
    }
}

/// `report.csv`: one row per contract, measure and reporting period in the report, for the
/// council's own spreadsheets. UTF-8 with a byte order mark (for Excel), CRLF line ends, every
/// field quoted.
public enum ReportCSV {
    public static let header = ["contract", "directorate", "supplier", "measure", "unit", "period", "period_end", "due", "due_value", "reported",
                                "reported_value", "validated", "validated_value", "awaiting"]

    /// One line of report.csv, every cell through `CSVWriter` (a supplier's name or a directorate
    /// that starts like a formula is neutralised).
    public static func row(_ line: ReportCSVLine) -> String { CSVWriter.row(line.fields) }

    public static var headerRow: String { String(decoding: CSVWriter.byteOrderMark, as: UTF8.self) + CSVWriter.row(header) }
}

/// The fields of one CSV row, in the header's order.
public struct ReportCSVLine: Sendable {
    public var fields: [String]
    public init(fields: [String]) { self.fields = fields }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    /// "Apprenticeship weeks" as "apprenticeship weeks"; "CO2e" and "TOM" stay as they are.
    var lowercasedFirst: String {
        guard let first = first, first.isUppercase, dropFirst().first?.isUppercase != true else { return self }
        return first.lowercased() + dropFirst()
    }
}
