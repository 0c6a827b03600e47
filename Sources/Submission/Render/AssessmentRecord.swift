import Foundation
import SocialValue

/// The opportunity assessment as a record for the procurement file: decisions and reasons,
/// recommendations, the adopted measures, the local market, the principles, and open actions.
/// Rendered as Markdown and as a self-contained printable HTML page.
public struct AssessmentRecord: Sendable {
    public var assessment: OpportunityAssessment
    public var decision: RouteDecision
    /// The ranked short list, and why the other measures were left out.
    public var shortList: MeasureRecommendations.ShortList
    public var recommendations: [MeasureRecommendations.Recommendation] { shortList.recommended }
    public var ambition: AmbitionRange?
    public var actions: [AssessmentActions.Action]
    /// How the framework names each measure: reference, headline, wording.
    public var measures: [MeasureSummary]
    public var principles: [PrincipleSet]
    public var pack: ValuePack?
    public var council: String
    /// The qualitative scale chosen, from the framework's scales.
    public var scale: QualitativeScale?

    public init(assessment: OpportunityAssessment, framework: Framework, catalogue: Catalogue, pack: ValuePack?) {
        self.assessment = assessment
        decision = RouteDecision(value: assessment.value, route: assessment.route, rules: framework.rules)
        shortList = MeasureRecommendations.shortList(
            for: assessment.fit, available: framework.measureReferences.compactMap(catalogue.measure(_:)), options: framework.assessment)
        ambition = AmbitionRange(value: assessment.value, category: assessment.category, benchmarks: framework.benchmarks)
        actions = AssessmentActions.actions(for: assessment, decision: decision, rules: framework.rules,
                                            packIsIllustrative: pack?.illustrative ?? true,
                                            unvalued: pack.map { pack in assessment.adoptedMeasures.filter { pack.value(for: $0) == nil } } ?? [])
        measures = framework.placements.compactMap { placement in
            catalogue.measure(placement.headline.measure).map {
                MeasureSummary(reference: $0.reference, label: $0.label, headline: placement.headline.name, theme: placement.theme.name,
                               outcome: placement.outcome.name, wording: $0.wording, unit: $0.unit)
            }
        }
        principles = framework.principles
        self.pack = pack
        scale = framework.evaluation?.scales.first { $0.id == assessment.scoringScale }
        council = framework.council
    }

    /// One section of the record: a heading with paragraphs, bullet points, or a checklist
    /// of items each followed or not.
    struct Section {
        var title: String
        var paragraphs: [String] = []
        var bullets: [String] = []
        var checklist: [(item: String, followed: Bool)] = []
        /// Bullets numbered in order (a ranking).
        var numbered: [String] = []
        /// Bullets after the numbered ones, under their own lead-in.
        var groups: [(lead: String, bullets: [String])] = []
        /// A table: its caption, column headings and rows.
        var table: (caption: String, header: [String], rows: [[String]])?

        init(_ title: String, _ paragraphs: [String], _ bullets: [String]) {
            self.title = title
            self.paragraphs = paragraphs
            self.bullets = bullets
        }
    }

    /// The record's sections, shared by both renderings.
    var sections: [Section] {
        let a = assessment
        var result: [Section] = []
        result.append(Section("The contract", [], [
            "Reference: \(a.reference)", "Directorate: \(a.directorate)", "Commissioner: \(a.commissioner)",
            "What is bought: \(a.category.rawValue)", "Estimated total value: \(a.value.wholePounds)",
            "Length: \(Schedule.length(years: a.years, months: a.months)) from \(a.startDate)",
            "Route: \(a.route == .tender ? "a tender" : "written quotations")",
        ]))
        var route = decision.requirements.map { "\($0.rule) Why: \($0.reason)" }
        if a.route == .quotations {
            route.append(a.localQuoteSupplier.map { "Local supplier invited to quote: \($0)." }
                ?? "No local supplier could be found to quote. Search recorded: \(a.noLocalSupplierReason ?? "")")
        }
        result.append(Section("Decisions and the policy's reasons", [], route))
        let adopted = Set(a.adoptedMeasures)
        var measures = Section("Measures", [recommendations.isEmpty ? "No measure was recommended from the answers about the contract."
                                                : "Recommended, best first. \(shortList.rule)"], [])
        measures.numbered = recommendations.map { recommendation in
            "\(recommendation.measure.spoken) \(headline(recommendation.measure)): recommended because \(recommendation.reason). "
                + (adopted.contains(recommendation.measure) ? "Adopted." : "Not adopted.")
        }
        let added = a.adoptedMeasures.filter { reference in !recommendations.contains { $0.measure == reference } }
        if !added.isEmpty {
            measures.groups.append(("Added by the commissioner:", added.map { "\($0.spoken) \(headline($0)). Adopted." }))
        }
        let alsoFit = shortList.alsoFit.filter { !adopted.contains($0.measure) }
        if !alsoFit.isEmpty {
            measures.groups.append(("These fit too, but were left off the short list, which keeps the best \(recommendations.count):",
                                    alsoFit.map { "\($0.measure.spoken) \(headline($0.measure)): \($0.reason)." }))
        }
        let notFit = shortList.notFit.filter { !adopted.contains($0.measure) }
        if !notFit.isEmpty {
            measures.groups.append(("Not recommended for this contract:", notFit.map { "\($0.measure.spoken) \(headline($0.measure)): \($0.reason)." }))
        }
        result.append(measures)
        var table = Section("The adopted measures", a.adoptedMeasures.isEmpty ? ["No measure is adopted yet."] : [], [])
        if !a.adoptedMeasures.isEmpty {
            table.table = ("The measures the tender adopts, with the unit each is counted in and its value per unit",
                           ["Measure", "Counted in", "Value per unit"],
                           a.adoptedMeasures.map { reference in
                               let summary = self.measures.first { $0.reference == reference }
                               let value = pack?.value(for: reference).map { "\($0.perUnit.unitPrice)" + (pack?.illustrative == true ? " (illustrative)" : "") }
                               return ["\(reference.spoken) \(summary?.headline ?? "")", summary?.unit.plainName ?? "", value ?? "not valued"]
                           })
        }
        result.append(table)
        result.append(Section("A realistic ambition", [ambition?.sentence ?? AmbitionRange.none(for: a.category)], []))
        let market = a.market
        result.append(Section("Local market and commissioning", [], [
            "Lots for local SMEs or VCSEs: \(market.canSplitIntoLots ? "yes" : "no")\(market.lotsNote.isEmpty ? "" : " (\(market.lotsNote))")",
            "Known local suppliers and voluntary organisations: \(market.knownLocalSuppliers.isEmpty ? "none recorded" : market.knownLocalSuppliers)",
            "Market engagement: \(market.marketEngagement ? "planned" : "not planned")",
            "One-to-one support for local bidders: \(market.oneToOneSupport ? "offered" : "not offered")",
            "Co-design: \(market.coDesign ? "yes" : "no"); people with lived experience involved: \(market.livedExperience ? "yes" : "no")",
            "Real living wage in scope: \(market.livingWageInScope ? "yes" : "no")"
                + (market.livingWageInScope ? "; annual assurance: \(market.livingWageAssurance ? "yes" : "no")" : ""),
        ]))
        for set in principles {
            let ticked = Set(market.principlesFollowed[set.id] ?? [])
            var section = Section(set.name, [], [])
            section.checklist = set.items.enumerated().map { ($0.element, ticked.contains($0.offset + 1)) }
            result.append(section)
        }
        if !market.principlesNote.isEmpty { result.append(Section("Notes on the principles", [market.principlesNote], [])) }
        let packLine = pack.map { "The tender uses the \($0.name) pack (\($0.edition)); \($0.values.count) measures valued." + ($0.illustrative ? " This pack is illustrative." : "")
            + (assessment.training ? " The tender is recorded as a training exercise." : "") }
            ?? "No value pack is chosen."
        let scoringLine: String
        if !decision.socialValueRequired {
            scoringLine = "No social value weighting applies: the contract's value is not over the policy's threshold, so the tender "
                + "scores no social value and its tender file carries no weighting."
        } else if let method = assessment.scoringMethod, let scale {
            scoringLine = "The quantitative offer: \(EvaluationRecord.methodName(method).lowercased()) "
                + "(\(EvaluationRecord.formula(method))). The written answer: the \(scale.name) scale, each evaluator's score "
                + "then an agreed, moderated score."
        } else {
            scoringLine = "Not chosen yet. Choose it before the tender is published, so every bid is scored the same way "
                + "(svwizard guide evaluation)."
        }
        result.append(Section("How bids will be scored", [scoringLine], []))
        result.append(Section("Value pack", [packLine], []))
        result.append(Section("Open actions", actions.isEmpty ? ["None."] : [], actions.map { "\($0.action) Why: \($0.reason)" }))
        var decision = Section("Decision", ["To be completed by the officer who approves this assessment for the procurement file."], [])
        decision.table = ("The decision: to be completed by the decision-maker", ["Detail", "To be completed"],
                          [["Decision-maker's name", ""], ["Role", ""], ["Date", ""], ["Signature", ""]])
        result.append(decision)
        return result
    }

    private func headline(_ reference: MeasureReference) -> String {
        measures.first { $0.reference == reference }?.headline ?? ""
    }

    public var markdown: Data {
        var lines = ["# Social value opportunity assessment: \(assessment.reference) \(assessment.title)", "",
                     "Stage 1 of \(council)'s social value lifecycle: the record for the procurement file."]
        for section in sections {
            lines += ["", "## \(section.title)", ""]
            lines += section.paragraphs.flatMap { [ResponseMarkdown.paragraphs($0), ""] }
            lines += section.bullets.map { "- \(ResponseMarkdown.text($0))" }
            lines += section.numbered.enumerated().map { "\($0.offset + 1). \(ResponseMarkdown.text($0.element))" }
            for group in section.groups {
                lines += ["", ResponseMarkdown.text(group.lead), ""]
                lines += group.bullets.map { "- \(ResponseMarkdown.text($0))" }
            }
            if let table = section.table {
                lines += ["| " + table.header.map(ResponseMarkdown.text).joined(separator: " | ") + " |",
                          "|" + String(repeating: " --- |", count: table.header.count)]
                lines += table.rows.map { "| " + $0.map { $0.isEmpty ? " " : ResponseMarkdown.text($0) }.joined(separator: " | ") + " |" }
            }
            if !section.checklist.isEmpty {
                lines += ["| Principle | Followed |", "| --- | --- |"]
                lines += section.checklist.map { "| \(ResponseMarkdown.text($0.item)) | \($0.followed ? "yes" : "no") |" }
            }
            if lines.last == "" { lines.removeLast() }
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    public var html: Data {
        var body = ["<h1>Social value opportunity assessment: \(ResponseHTML.escape(assessment.reference)) \(ResponseHTML.escape(assessment.title))</h1>",
                    "<p>Stage 1 of \(ResponseHTML.escape(council))'s social value lifecycle: the record for the procurement file.</p>"]
        for section in sections {
            body.append("<h2>\(ResponseHTML.escape(section.title))</h2>")
            body += section.paragraphs.map { "<p>\(ResponseHTML.escape($0).replacingOccurrences(of: "\n", with: "<br>\n"))</p>" }
            if !section.bullets.isEmpty {
                body.append("<ul>" + section.bullets.map { "<li>\(ResponseHTML.escape($0).replacingOccurrences(of: "\n", with: "<br>\n"))</li>" }.joined() + "</ul>")
            }
            if !section.numbered.isEmpty {
                body.append("<ol>" + section.numbered.map { "<li>\(ResponseHTML.escape($0))</li>" }.joined() + "</ol>")
            }
            for group in section.groups {
                body.append("<p>\(ResponseHTML.escape(group.lead))</p>")
                body.append("<ul>" + group.bullets.map { "<li>\(ResponseHTML.escape($0))</li>" }.joined() + "</ul>")
            }
            if let table = section.table {
                body.append("<table><caption>\(ResponseHTML.escape(table.caption))</caption>")
                body.append("<thead><tr>" + table.header.map { "<th scope=\"col\">\(ResponseHTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>")
                body += table.rows.map { row in
                    "<tr><th scope=\"row\">\(ResponseHTML.escape(row.first ?? ""))</th>"
                        + row.dropFirst().map { $0.isEmpty ? "<td class=\"blank\"></td>" : "<td>\(ResponseHTML.escape($0))</td>" }.joined() + "</tr>"
                }
                body.append("</tbody></table>")
            }
            if !section.checklist.isEmpty {
                body.append("<table><caption>\(ResponseHTML.escape(section.title)): which the commissioning follows</caption>")
                body.append("<thead><tr><th scope=\"col\">Principle</th><th scope=\"col\">Followed</th></tr></thead><tbody>")
                body += section.checklist.map { "<tr><th scope=\"row\">\(ResponseHTML.escape($0.item))</th><td>\($0.followed ? "Yes" : "No")</td></tr>" }
                body.append("</tbody></table>")
            }
        }
        return ResponseHTML.page(title: "Opportunity assessment: \(assessment.reference)", body: body)
    }

    /// The tender specification suppliers answer with `svwizard respond --tender`.
    public func tender(framework: Framework) -> TenderSpecification {
        var tender = TenderSpecification(buyer: council, reference: assessment.reference, title: assessment.title,
                                         contractValue: assessment.value, startDate: assessment.startDate, years: assessment.years,
                                         adoptedMeasures: assessment.adoptedMeasures, valuePack: pack)
        let rules = framework.rules
        // At or under the threshold the policy applies no social value weighting: nothing to score.
        if decision.socialValueRequired { tender.scoring = TenderScoring(weighting: rules.tenderWeighting, quantitativeShare: rules.quantitativeShare,
                                       qualitativeShare: rules.qualitativeShare,
                                       deliveryDocument: rules.deliveryDocument(contractValue: assessment.value),
                                       socialValueRequired: decision.socialValueRequired, method: assessment.scoringMethod,
                                       scale: framework.evaluation?.scales.first { $0.id == assessment.scoringScale }) }
        tender.localArea = framework.localArea
        if assessment.training { tender.training = true }
        tender.months = assessment.months
        if assessment.market.livingWageInScope && assessment.market.livingWageAssurance { tender.livingWageAssurance = true }
        tender.formatVersion = TenderSpecification.currentFormatVersion
        return tender
    }
}
