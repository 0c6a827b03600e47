import Foundation
import SocialValue

/// The sentences and figures the response's renderings share, worked out once per document:
/// the text, Markdown and HTML say the same thing in the same words, and a bundle's readable
/// files (made together when a bundle is written, and again each time one is checked) do not
/// each work them out.
struct ResponseWording {
    /// A commitment with how the document names its measure and what it commits, in words.
    struct CommitmentWording {
        let commitment: Commitment
        /// Nil when the document does not name the measure.
        let summary: MeasureSummary?
        /// "52 weeks over the contract (year 1: 26 weeks; year 2: 26 weeks)."; nil without a summary.
        let sentence: String?
        /// Placements and people, where the measure counts them.
        let facts: [String]
    }

    /// A valuation line's figures as every rendering shows them.
    struct LineWording {
        let line: Valuation.Line
        /// "TOM 4a".
        let spoken: String
        /// The framework's headline for the measure; empty when the document does not name it.
        let headline: String
        /// Each contract year's quantity with its unit.
        let quantities: [String]
        /// The quantity over the contract with its unit.
        let totalQuantity: String
        /// "£12,769.68"; nil when the measure is unvalued.
        let total: String?
    }

    let document: SubmissionDocument
    let commitments: [CommitmentWording]
    let lines: [LineWording]
    /// "Total social value: £52,000.00, 2.6% of the contract value."
    let totalSentence: String
    /// How the figures were valued, a paragraph each.
    let valuation: [String]

    init(_ document: SubmissionDocument) {
        self.document = document
        var summaries: [MeasureReference: MeasureSummary] = [:]
        for summary in document.measures where summaries[summary.reference] == nil { summaries[summary.reference] = summary }
        commitments = document.commitments.map { commitment in
            let summary = summaries[commitment.measure]
            return CommitmentWording(commitment: commitment, summary: summary,
                                     sentence: summary.map { Self.commitment(commitment, unit: $0.unit) }, facts: Self.facts(commitment))
        }
        lines = document.valuation.lines.map { line in
            LineWording(line: line, spoken: line.measure.spoken, headline: summaries[line.measure]?.headline ?? "",
                        quantities: line.quantities.map { line.unit.format($0.value) }, totalQuantity: line.unit.format(line.totalQuantity.value),
                        total: line.total?.description)
        }
        totalSentence = Self.totalSentence(document.valuation)
        valuation = Self.valuation(document, lines: lines)
    }

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

    private static func valuation(_ document: SubmissionDocument, lines: [LineWording]) -> [String] {
        guard let pack = document.valuePack else { return ["No value pack was used; every measure is stated by quantity."] }
        var paragraphs = ["Values per unit from the \(pack.name) pack (\(pack.edition); source: \(pack.source)).\(pack.illustrative ? " Illustrative." : "")"]
        for wording in lines {
            let line = wording.line
            if let perUnit = line.perUnit {
                paragraphs.append("\(wording.spoken): \(perUnit.unitPrice) per \(line.unit.singular)\(line.edition.map { " (\($0))" } ?? "").")
            }
        }
        paragraphs.append("Each year's value is rounded to the penny; every total is the sum of those yearly values.")
        let unvalued = document.valuation.unvalued.map(\.spoken)
        if !unvalued.isEmpty {
            paragraphs.append("\(unvalued.joined(separator: ", ")) \(unvalued.count == 1 ? "has" : "have") no value in this pack and "
                + "\(unvalued.count == 1 ? "is" : "are") stated by quantity, not counted as £0.")
        }
        return paragraphs
    }
}
