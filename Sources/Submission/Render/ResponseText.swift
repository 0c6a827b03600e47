import Foundation
import SocialValue

/// `response.txt`: the written response as plain text, to paste into a tender portal's text
/// box. No markup: headings in words, underlined; the commitments as aligned columns; each
/// answer's own line breaks kept. UTF-8 with LF line ends.
public enum ResponseText {
    public static func render(_ document: SubmissionDocument) -> Data {
        let tender = document.tender
        let supplier = document.supplier
        var lines = heading("Social value response: \(tender.reference) \(tender.title)", underline: "=")
        lines.append("Supplier: \(supplier.name), \(supplier.postcode)\(supplier.isLocal ? " (a local supplier)" : ""), "
            + "a \(supplier.size.rawValue) \(supplier.kind.name).")
        lines.append("Buyer: \(tender.buyer). Contract value: \(tender.contractValue.wholePounds) over \(tender.years) "
            + "year\(tender.years == 1 ? "" : "s") from \(tender.startDate).")
        lines.append("")
        lines += heading("Summary of our commitments", underline: "-")
        lines += table(document)
        lines.append("")
        lines.append(ResponseWording.totalSentence(document.valuation))
        for commitment in document.commitments {
            guard let summary = document.summary(of: commitment.measure) else { continue }
            lines.append("")
            lines += heading("\(summary.headline) (\(commitment.measure.spoken))", underline: "-")
            lines.append("Theme: \(summary.theme). Outcome: \(summary.outcome).")
            lines.append("")
            lines.append("What we commit: " + ResponseWording.commitment(commitment, unit: summary.unit))
            lines += ResponseWording.facts(commitment)
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
        lines += ResponseWording.valuation(document)
        return FastText.data(lines: lines)
    }

    private static func heading(_ text: String, underline: Character) -> [String] {
        [text, String(repeating: underline, count: min(text.count, 72))]
    }

    /// The commitments as columns padded to the longest entry, numbers aligned right.
    private static func table(_ document: SubmissionDocument) -> [String] {
        let header = ["Measure", "Over the contract", "Value"]
        let rows = document.valuation.lines.map { line in
            [line.measure.spoken, line.unit.format(line.totalQuantity.value), line.total.map(\.description) ?? "not valued"]
        }
        let widths = (0..<header.count).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func format(_ row: [String]) -> String {
            let first = row[0] + String(repeating: " ", count: max(0, widths[0] - row[0].count))
            let others = row.indices.dropFirst().map { String(repeating: " ", count: widths[$0] - row[$0].count) + row[$0] }
            return ([first] + others).joined(separator: "   ")
        }
        return [format(header)] + rows.map(format)
    }
}

/// The sentences the response's renderings share, so the text, Markdown and HTML say the
/// same thing in the same words.
enum ResponseWording {
    /// "52 weeks over the contract (year 1: 26 weeks; year 2: 26 weeks)."
    static func commitment(_ commitment: Commitment, unit: MeasureUnit) -> String {
        let years = commitment.quantities.enumerated().map { "year \($0.offset + 1): \(unit.format($0.element))" }
        return "\(unit.format(commitment.total)) over the contract (\(years.joined(separator: "; ")))."
    }

    /// Placements and people, where the measure counts them.
    static func facts(_ commitment: Commitment) -> [String] {
        var lines: [String] = []
        if let placements = commitment.placements, let weeks = commitment.weeksEach {
            lines.append("\(placements) placement\(placements == 1 ? "" : "s") of \(DecimalText.plain(weeks)) weeks each.")
        }
        if let people = commitment.people {
            lines.append("\(people) \(people == 1 ? "person" : "people") hired, each counted in their first year of employment only.")
        }
        return lines
    }

    static func totalSentence(_ valuation: Valuation) -> String {
        guard valuation.lines.contains(where: { $0.total != nil }) else {
            return "Total social value: not valued. No measure here has a value in the value pack used, so the commitments are "
                + "stated by quantity."
        }
        let share = valuation.shareOfContract.map { ", \($0) of the contract value" } ?? ""
        let marker = valuation.illustrative ? " These are illustrative values for training, not for a real bid." : ""
        return "Total social value: \(valuation.total)\(share).\(marker)"
    }

    static func valuation(_ document: SubmissionDocument) -> [String] {
        guard let pack = document.valuePack else { return ["No value pack was used; every measure is stated by quantity."] }
        var lines = ["Values per unit from the \(pack.name) pack (\(pack.edition); source: \(pack.source)).\(pack.illustrative ? " Illustrative." : "")"]
        for line in document.valuation.lines {
            if let perUnit = line.perUnit {
                lines.append("\(line.measure.spoken): \(perUnit.unitPrice) per \(line.unit.singular)\(line.edition.map { " (\($0))" } ?? "").")
            }
        }
        lines.append("Each year's value is rounded to the penny; every total is the sum of those yearly values.")
        let unvalued = document.valuation.unvalued.map(\.spoken)
        if !unvalued.isEmpty {
            lines.append("\(unvalued.joined(separator: ", ")) \(unvalued.count == 1 ? "has" : "have") no value in this pack and "
                + "\(unvalued.count == 1 ? "is" : "are") stated by quantity, not counted as £0.")
        }
        return lines
    }
}
