import Foundation
import SocialValue

/// `response.md`: the written response, ready to paste into a tender portal. It answers the
/// tender's headlines in the framework's order: for each committed measure, what will be
/// delivered each year, how, with whom, and the evidence kept; then the delivery plan or
/// milestone tracker, and how the figures were valued.
public enum ResponseMarkdown {
    public static func render(_ document: SubmissionDocument) -> Data {
        var lines: [String] = []
        let tender = document.tender
        let supplier = document.supplier
        lines.append("# Social value response: \(tender.reference) \(tender.title)")
        lines.append("")
        lines.append("**Supplier:** \(supplier.name), \(supplier.postcode)\(supplier.isLocal ? " (a local supplier)" : ""), "
            + "a \(supplier.size.rawValue) \(supplier.kind.name).  ")
        lines.append("**Buyer:** \(tender.buyer). **Contract value:** \(tender.contractValue.wholePounds) over \(tender.years) "
            + "year\(tender.years == 1 ? "" : "s") from \(tender.startDate).")
        lines.append("")
        lines.append("## Summary")
        lines.append("")
        lines.append("| Measure | Headline | Over the contract | Value |")
        lines.append("| --- | --- | --- | --- |")
        for line in document.valuation.lines {
            let headline = document.summary(of: line.measure)?.headline ?? ""
            let value = line.total.map { $0.description + (document.valuation.illustrative ? " (illustrative)" : "") } ?? "unvalued"
            lines.append("| \(line.measure.spoken) | \(cell(headline)) | \(line.unit.format(line.totalQuantity.value)) | \(value) |")
        }
        lines.append("")
        lines.append(totalSentence(document))
        var theme = ""
        var outcome = ""
        for commitment in document.commitments {
            guard let summary = document.summary(of: commitment.measure) else { continue }
            if summary.theme != theme {
                theme = summary.theme
                lines += ["", "## \(theme)"]
            }
            if summary.outcome != outcome {
                outcome = summary.outcome
                lines += ["", "### \(outcome)"]
            }
            lines += ["", "#### \(summary.headline) (\(commitment.measure.spoken))", ""]
            lines += commitmentLines(commitment, summary: summary, document: document)
        }
        lines += ["", "## Our \(document.deliveryDocument.kind.name)", "", document.deliveryDocument.text]
        lines += ["", "## How the figures were valued", ""]
        lines += valuationLines(document)
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    private static func commitmentLines(_ commitment: Commitment, summary: MeasureSummary, document: SubmissionDocument) -> [String] {
        let years = commitment.quantities.enumerated().map { "year \($0.offset + 1): \(summary.unit.format($0.element))" }
        var lines = ["*\(summary.wording)*", "",
                     "**What we commit:** \(summary.unit.format(commitment.total)) over the contract (\(years.joined(separator: "; ")))."]
        if let placements = commitment.placements, let weeks = commitment.weeksEach {
            lines.append("\(placements) placement\(placements == 1 ? "" : "s") of \(DecimalText.plain(weeks)) weeks each.")
        }
        if let people = commitment.people {
            lines.append("\(people) \(people == 1 ? "person" : "people") hired, each counted in their first year of employment only.")
        }
        lines += ["", "**How we will deliver it:** \(commitment.delivery)"]
        if let partner = commitment.partner { lines += ["", "**Local partner:** \(partner)"] }
        lines += ["", "**Evidence we will keep:** \(commitment.evidence)"]
        return lines
    }

    private static func totalSentence(_ document: SubmissionDocument) -> String {
        let valuation = document.valuation
        guard valuation.lines.contains(where: { $0.total != nil }) else {
            return "No measure here has a value in the value pack used, so the commitments are stated by quantity."
        }
        let share = valuation.shareOfContract.map { ", \($0) of the contract value" } ?? ""
        let marker = valuation.illustrative ? " These are illustrative values for training, not for a real bid." : ""
        return "**Total social value:** \(valuation.total)\(share).\(marker)"
    }

    private static func valuationLines(_ document: SubmissionDocument) -> [String] {
        guard let pack = document.valuePack else { return ["No value pack was used; every measure is stated by quantity."] }
        var lines = ["Values per unit from the \(pack.name) pack (\(pack.edition); source: \(pack.source)).\(pack.illustrative ? " Illustrative." : "")"]
        let unvalued = document.valuation.unvalued.map(\.spoken)
        if !unvalued.isEmpty {
            lines += ["", "\(unvalued.joined(separator: ", ")) \(unvalued.count == 1 ? "has" : "have") no value in this pack and "
                + "\(unvalued.count == 1 ? "is" : "are") stated by quantity, not counted as £0."]
        }
        return lines
    }

    private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
