import Foundation
import SocialValue

/// The files of an evaluation record: `evaluation.json` (for other tools, with a published
/// schema), `evaluation.csv` (one row per bundle), `evaluation.md` and `evaluation.html` (for
/// the procurement file: the method and its formula, the comparison of every bid measure by
/// measure, clarifications, exclusions, every score, a chart), and `manifest.json` with each
/// file's SHA-256. The same evaluation gives the same bytes.
public enum EvaluationRecord {
    public static let schemaName = "svwizard-evaluation"
    public static let schemaVersion = 1

    /// Every file, in the order written; the manifest last.
    public static func files(_ evaluation: Evaluation, toolVersion: String) throws -> [(name: String, data: Data)] {
        var files: [(name: String, data: Data)] = [
            ("evaluation.json", try json(evaluation, toolVersion: toolVersion)),
            ("evaluation.csv", csv(evaluation)),
            ("evaluation.md", Data(markdown(evaluation).utf8)),
            ("evaluation.html", Data(html(evaluation).utf8)),
        ]
        let manifest = EvaluationManifest(toolVersion: toolVersion,
                                          files: files.map { Manifest.File(name: $0.name, size: $0.data.count, sha256: Manifest.sha256($0.data)) })
        files.append(("manifest.json", try JSONEncoder.stable.encode(manifest) + Data("\n".utf8)))
        return files
    }

    struct EvaluationManifest: Encodable {
        let schema = "svwizard-evaluation-manifest"
        let schemaVersion = 1
        let toolVersion: String
        let files: [Manifest.File]
    }

    // MARK: - Words shared by the renderings

    public static func methodName(_ method: QuantitativeMethod) -> String {
        switch method {
        case .relativeToHighest: "Relative to the highest offer"
        case let .relativeToTarget(target): "Relative to a target of \(perPound(target))"
        case .bands: "Bands of social value per £1"
        case let .passFail(threshold): "Pass or fail at \(perPound(threshold))"
        }
    }

    static func formula(_ method: QuantitativeMethod) -> String {
        switch method {
        case .relativeToHighest: "marks = weight × offer ÷ highest offer"
        case .relativeToTarget: "marks = weight × min(1, (offer ÷ contract value) ÷ target)"
        case let .bands(bands):
            "marks = weight × (share of the highest band reached) ÷ 100; bands: "
                + bands.sorted { $0.atLeastPerPound < $1.atLeastPerPound }
                    .map { "from \(perPound($0.atLeastPerPound)), \(DecimalText.plain($0.percentOfMarks))%" }.joined(separator: "; ")
        case .passFail: "marks = weight if offer ÷ contract value ≥ threshold, else 0"
        }
    }

    static func perPound(_ value: Decimal) -> String { "£\(DecimalText.grouped(value, places: 2)) per £1" }

    static func marks(_ value: Decimal) -> String { DecimalText.grouped(value, places: 2) }

    static func score(_ value: Decimal) -> String { DecimalText.plain(value) }

    static func offer(_ bid: Evaluation.Bid) -> String { bid.socialValue?.description ?? "not valued" }

    static func rank(_ bid: Evaluation.Bid, in evaluation: Evaluation) -> String {
        guard let rank = bid.rank else { return "excluded" }
        let shared = evaluation.bids.filter { $0.rank == rank }.count > 1
        return shared ? "\(rank)= (tied)" : "\(rank)"
    }

    /// The bids evaluated, best first (ties in the order given), then those left out.
    static func ordered(_ evaluation: Evaluation) -> [Evaluation.Bid] {
        let included = evaluation.bids.enumerated().filter { $0.element.included }
            .sorted { ($0.element.rank ?? 0, $0.offset) < ($1.element.rank ?? 0, $1.offset) }.map(\.element)
        return included + evaluation.bids.filter { !$0.included }
    }

    /// Every measure any evaluated bid commits to, in the order first met.
    static func measures(_ evaluation: Evaluation) -> [MeasureReference] {
        var seen: [MeasureReference] = []
        for bid in ordered(evaluation) where bid.included {
            for line in bid.lines where !seen.contains(line.measure) { seen.append(line.measure) }
        }
        return seen
    }

    static func cell(_ bid: Evaluation.Bid, _ measure: MeasureReference) -> String {
        guard let line = bid.lines.first(where: { $0.measure == measure }) else { return "–" }
        let value = line.value?.description ?? (line.note?.hasPrefix("Rejected") == true ? "rejected" : "unvalued")
        return "\(line.unit.format(line.quantity)), \(value)"
    }

    // MARK: - evaluation.json

    static func json(_ evaluation: Evaluation, toolVersion: String) throws -> Data {
        try JSONEncoder.stable.encode(JSONRecord(evaluation: evaluation, toolVersion: toolVersion)) + Data("\n".utf8)
    }

    struct JSONRecord: Encodable {
        let evaluation: Evaluation
        let toolVersion: String

        enum Keys: String, CodingKey {
            case schema, schemaVersion, toolVersion, tender, method, scale, weights, evaluators, bids
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(EvaluationRecord.schemaName, forKey: .schema)
            try container.encode(EvaluationRecord.schemaVersion, forKey: .schemaVersion)
            try container.encode(toolVersion, forKey: .toolVersion)
            var tender = evaluation.tender
            tender.valuePack = nil
            try container.encode(tender, forKey: .tender)
            try container.encode(evaluation.method, forKey: .method)
            try container.encode(evaluation.scale, forKey: .scale)
            try container.encode(["quantitative": DecimalText.plain(evaluation.quantitativeWeight),
                                  "qualitative": DecimalText.plain(evaluation.qualitativeWeight)], forKey: .weights)
            try container.encode(evaluation.evaluators, forKey: .evaluators)
            try container.encode(evaluation.bids.map(BidRecord.init), forKey: .bids)
        }
    }

    struct BidRecord: Encodable {
        let bid: Evaluation.Bid

        enum Keys: String, CodingKey {
            case file, supplier, included, exclusion, lines, clarifications, socialValue, perPound, quantitativeMarks, quantitativeReason
            case scores, agreed, qualitativeMarks, totalMarks, rank
        }

        enum LineKeys: String, CodingKey { case measure, unit, quantity, perUnit, value, note }
        enum ScoreKeys: String, CodingKey { case evaluator, score, reason }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(bid.file, forKey: .file)
            try container.encode(bid.supplier, forKey: .supplier)
            try container.encode(bid.included, forKey: .included)
            try container.encodeIfPresent(bid.exclusion, forKey: .exclusion)
            var lines = container.nestedUnkeyedContainer(forKey: .lines)
            for line in bid.lines {
                var item = lines.nestedContainer(keyedBy: LineKeys.self)
                try item.encode(line.measure, forKey: .measure)
                try item.encode(line.unit, forKey: .unit)
                try item.encode(DecimalText.plain(line.quantity), forKey: .quantity)
                try item.encode(line.perUnit, forKey: .perUnit)
                try item.encode(line.value, forKey: .value)
                try item.encodeIfPresent(line.note, forKey: .note)
            }
            try container.encode(bid.clarifications.map(ClarificationRecord.init), forKey: .clarifications)
            try container.encode(bid.socialValue, forKey: .socialValue)
            try container.encode(bid.perPound.map { DecimalText.plain(DecimalText.rounded($0, places: 4)) }, forKey: .perPound)
            try container.encode(EvaluationRecord.marks(bid.quantitativeMarks), forKey: .quantitativeMarks)
            try container.encode(bid.quantitativeReason, forKey: .quantitativeReason)
            var scores = container.nestedUnkeyedContainer(forKey: .scores)
            for score in bid.scores {
                var item = scores.nestedContainer(keyedBy: ScoreKeys.self)
                try item.encode(score.evaluator, forKey: .evaluator)
                try item.encode(DecimalText.plain(score.score), forKey: .score)
                try item.encode(score.reason, forKey: .reason)
            }
            if let agreed = bid.agreed {
                var item = container.nestedContainer(keyedBy: ScoreKeys.self, forKey: .agreed)
                try item.encode(DecimalText.plain(agreed.score), forKey: .score)
                try item.encode(agreed.reason, forKey: .reason)
            }
            try container.encode(EvaluationRecord.marks(bid.qualitativeMarks), forKey: .qualitativeMarks)
            try container.encode(EvaluationRecord.marks(bid.totalMarks), forKey: .totalMarks)
            try container.encode(bid.rank, forKey: .rank)
        }
    }

    struct ClarificationRecord: Encodable {
        let clarification: Evaluation.Clarification

        enum Keys: String, CodingKey { case concern, measure, question, answer, decision, adjustedQuantity, reason }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(clarification.concern, forKey: .concern)
            try container.encodeIfPresent(clarification.measure, forKey: .measure)
            try container.encode(clarification.question, forKey: .question)
            try container.encode(clarification.answer, forKey: .answer)
            try container.encode(clarification.decision, forKey: .decision)
            try container.encodeIfPresent(clarification.adjustedQuantity.map(DecimalText.plain), forKey: .adjustedQuantity)
            try container.encode(clarification.reason, forKey: .reason)
        }
    }

    // MARK: - evaluation.csv

    static let csvHeader = ["supplier", "bundle_file", "included", "exclusion_reason", "social_value_gbp", "gbp_per_gbp1",
                            "quantitative_marks", "qualitative_marks", "social_value_score", "out_of", "rank"]

    static func csv(_ evaluation: Evaluation) -> Data {
        var rows = [csvHeader]
        let outOf = marks(evaluation.quantitativeWeight + evaluation.qualitativeWeight)
        for bid in evaluation.bids {
            rows.append([
                bid.supplier, bid.file, bid.included ? "yes" : "no", bid.exclusion ?? "",
                bid.included ? (bid.socialValue.map { DecimalText.plain($0.pounds) } ?? "not valued") : "",
                bid.included ? (bid.perPound.map { DecimalText.plain(DecimalText.rounded($0, places: 4)) } ?? "") : "",
                bid.included ? marks(bid.quantitativeMarks) : "", bid.included ? marks(bid.qualitativeMarks) : "",
                bid.included ? marks(bid.totalMarks) : "", outOf, bid.rank.map(String.init) ?? "",
            ])
        }
        var bytes = CSVWriter.byteOrderMark
        for row in rows { CSVWriter.appendRow(row, to: &bytes) }
        return Data(bytes)
    }

    // MARK: - evaluation.md

    static func markdown(_ evaluation: Evaluation) -> String {
        let tender = evaluation.tender
        let text = ResponseMarkdown.text
        var lines = ["# Social value evaluation: \(text(tender.reference)) \(text(tender.title))", ""]
        lines.append("\(text(tender.buyer)). Contract value \(tender.contractValue.wholePounds) over \(Schedule.length(years: tender.years, months: tender.months)). "
            + text(ValuesUsed.sentence(pack: tender.valuePack?.name, edition: tender.valuePack?.edition, illustrative: tender.valuePack?.illustrative ?? false)))
        lines += ["", "## The method", ""]
        lines.append("Social value is worth \(marks(evaluation.quantitativeWeight + evaluation.qualitativeWeight)) marks: "
            + "\(marks(evaluation.quantitativeWeight)) for the quantitative offer and \(marks(evaluation.qualitativeWeight)) for the qualitative answer.")
        lines += ["", "- Quantitative: \(methodName(evaluation.method)): `\(formula(evaluation.method))`.",
                  "- Qualitative: the \(text(evaluation.scale.name)) scale: `marks = weight × agreed score ÷ \(score(evaluation.scale.highest))`.",
                  "- Evaluators: \(evaluation.evaluators.map(text).joined(separator: ", ")).", ""]
        lines += ["## Results", "", "| Rank | Supplier | Social value | Per £1 | Quantitative | Qualitative | Total |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        for bid in ordered(evaluation) where bid.included {
            lines.append("| \(rank(bid, in: evaluation)) | \(text(bid.supplier)) | \(offer(bid)) | \(bid.perPound.map(perPound) ?? "–") | "
                + "\(marks(bid.quantitativeMarks)) | \(marks(bid.qualitativeMarks)) | \(marks(bid.totalMarks)) |")
        }
        let measures = measures(evaluation)
        if !measures.isEmpty {
            let included = ordered(evaluation).filter(\.included)
            lines += ["", "## Measure by measure", "", "| Measure | " + included.map { text($0.supplier) }.joined(separator: " | ") + " |",
                      "| --- |" + String(repeating: " --- |", count: included.count)]
            for measure in measures {
                lines.append("| \(measure.spoken) | " + included.map { cell($0, measure) }.joined(separator: " | ") + " |")
            }
        }
        lines += ["", "## Each bid", ""]
        for bid in ordered(evaluation) {
            lines.append("### \(text(bid.supplier)) (\(text(bid.file)))")
            lines.append("")
            if let exclusion = bid.exclusion {
                lines += ["Excluded: \(text(exclusion))", ""]
                continue
            }
            // The reason is svwizard's own wording of figures, not the supplier's text.
            lines.append("Quantitative: \(marks(bid.quantitativeMarks)) marks (\(bid.quantitativeReason)).")
            let notes = bid.lines.filter { $0.note != nil }
            if !notes.isEmpty { lines.append("") }
            for line in notes {
                lines.append("- \(line.measure.spoken): \(text(line.note ?? ""))")
            }
            for clarification in bid.clarifications {
                lines += ["", "Clarification\(clarification.measure.map { " about \($0.spoken)" } ?? ""): \(text(clarification.concern))",
                          "", "- Question: \(ResponseMarkdown.paragraphs(clarification.question))",
                          "- Answer: \(ResponseMarkdown.paragraphs(clarification.answer))",
                          "- Decision: \(clarification.decision.rawValue): \(ResponseMarkdown.paragraphs(clarification.reason))"]
            }
            lines.append("")
            for item in bid.scores {
                lines.append("- \(text(item.evaluator)): \(score(item.score)). \(ResponseMarkdown.paragraphs(item.reason))")
            }
            if let agreed = bid.agreed {
                lines.append("- Agreed: \(score(agreed.score)) out of \(score(evaluation.scale.highest)), \(marks(bid.qualitativeMarks)) marks. "
                    + ResponseMarkdown.paragraphs(agreed.reason))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }

    // MARK: - evaluation.html

    static func html(_ evaluation: Evaluation) -> String {
        let tender = evaluation.tender
        let escape = ResponseHTML.escape
        var body = "<h1>Social value evaluation: \(escape(tender.reference)) \(escape(tender.title))</h1>\n"
        body += "<p>\(escape(tender.buyer)). Contract value \(escape(tender.contractValue.wholePounds)) over \(Schedule.length(years: tender.years, months: tender.months)). "
            + escape(ValuesUsed.sentence(pack: tender.valuePack?.name, edition: tender.valuePack?.edition, illustrative: tender.valuePack?.illustrative ?? false))
            + "</p>\n"
        body += "<h2>The method</h2>\n<p>Social value is worth \(marks(evaluation.quantitativeWeight + evaluation.qualitativeWeight)) marks: "
            + "\(marks(evaluation.quantitativeWeight)) for the quantitative offer and \(marks(evaluation.qualitativeWeight)) for the qualitative answer.</p>\n"
        body += "<ul><li>Quantitative: \(escape(methodName(evaluation.method))): <code>\(escape(formula(evaluation.method)))</code></li>"
            + "<li>Qualitative: the \(escape(evaluation.scale.name)) scale: <code>marks = weight × agreed score ÷ \(score(evaluation.scale.highest))</code></li>"
            + "<li>Evaluators: \(escape(evaluation.evaluators.joined(separator: ", ")))</li></ul>\n"
        let included = ordered(evaluation).filter(\.included)
        body += "<h2>Results</h2>\n" + chart(included, outOf: evaluation.quantitativeWeight + evaluation.qualitativeWeight)
        body += "<table><caption>Marks by bid</caption><thead><tr><th scope=\"col\">Rank</th><th scope=\"col\">Supplier</th>"
            + "<th scope=\"col\">Social value</th><th scope=\"col\">Per £1</th><th scope=\"col\">Quantitative</th>"
            + "<th scope=\"col\">Qualitative</th><th scope=\"col\">Total</th></tr></thead><tbody>\n"
        for bid in included {
            body += "<tr><td>\(escape(rank(bid, in: evaluation)))</td><th scope=\"row\">\(escape(bid.supplier))</th><td>\(escape(offer(bid)))</td>"
                + "<td>\(escape(bid.perPound.map(perPound) ?? "–"))</td><td>\(marks(bid.quantitativeMarks))</td>"
                + "<td>\(marks(bid.qualitativeMarks))</td><td>\(marks(bid.totalMarks))</td></tr>\n"
        }
        body += "</tbody></table>\n"
        let measures = measures(evaluation)
        if !measures.isEmpty {
            body += "<h2>Measure by measure</h2>\n<table><caption>Each bid's commitment and its value</caption><thead><tr><th scope=\"col\">Measure</th>"
                + included.map { "<th scope=\"col\">\(escape($0.supplier))</th>" }.joined() + "</tr></thead><tbody>\n"
            for measure in measures {
                body += "<tr><th scope=\"row\">\(escape(measure.spoken))</th>" + included.map { "<td>\(escape(cell($0, measure)))</td>" }.joined() + "</tr>\n"
            }
            body += "</tbody></table>\n"
        }
        body += "<h2>Each bid</h2>\n"
        for bid in ordered(evaluation) {
            body += "<section><h3>" + escape(bid.supplier) + " <small>(" + escape(bid.file) + ")</small></h3>\n"
            if let exclusion = bid.exclusion {
                body += "<p><strong>Excluded:</strong> " + escape(exclusion) + "</p></section>\n"
                continue
            }
            body += "<p>Quantitative: \(marks(bid.quantitativeMarks)) marks (\(escape(bid.quantitativeReason))).</p>\n"
            let notes = bid.lines.filter { $0.note != nil }
            if !notes.isEmpty { body += "<ul>" + notes.map { "<li>\(escape($0.measure.spoken)): \(escape($0.note ?? ""))</li>" }.joined() + "</ul>\n" }
            for clarification in bid.clarifications {
                body += "<h4>Clarification\(clarification.measure.map { " about \(escape($0.spoken))" } ?? "")</h4><p>\(escape(clarification.concern))</p>"
                    + "<dl><dt>Question</dt><dd>\(ResponseHTML.paragraphs(clarification.question))</dd><dt>Answer</dt><dd>\(ResponseHTML.paragraphs(clarification.answer))</dd>"
                    + "<dt>Decision</dt><dd>\(escape(clarification.decision.rawValue)): \(ResponseHTML.paragraphs(clarification.reason))</dd></dl>\n"
            }
            if !bid.scores.isEmpty || bid.agreed != nil {
                body += "<ul>" + bid.scores.map { "<li>\(escape($0.evaluator)): \(score($0.score)). \(ResponseHTML.paragraphs($0.reason))</li>" }.joined()
                if let agreed = bid.agreed {
                    body += "<li><strong>Agreed: \(score(agreed.score)) out of \(score(evaluation.scale.highest))</strong>, \(marks(bid.qualitativeMarks)) marks. "
                        + "\(ResponseHTML.paragraphs(agreed.reason))</li>"
                }
                body += "</ul>\n"
            }
            body += "</section>\n"
        }
        return String(decoding: ResponseHTML.page(title: "Social value evaluation: \(tender.reference)", body: [body]), as: UTF8.self)
    }

    /// A bar for each bid's total marks, with the figures also in the table that follows.
    static func chart(_ bids: [Evaluation.Bid], outOf: Decimal) -> String {
        guard !bids.isEmpty, outOf > 0 else { return "" }
        let rowHeight = 28, labelWidth = 220, barWidth = 400
        var svg = "<figure><svg role=\"img\" aria-labelledby=\"chart-title\" width=\"\(labelWidth + barWidth + 80)\" height=\"\(bids.count * rowHeight + 10)\" "
            + "viewBox=\"0 0 \(labelWidth + barWidth + 80) \(bids.count * rowHeight + 10)\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"chart-title\">Total social value marks out of \(marks(outOf)) by bid</title>"
        for (index, bid) in bids.enumerated() {
            let y = index * rowHeight + 5
            let share = NSDecimalNumber(decimal: bid.totalMarks / outOf).doubleValue
            let width = Int((Double(barWidth) * max(0, min(1, share))).rounded())
            svg += "<text x=\"0\" y=\"\(y + 17)\" font-size=\"13\">\(ResponseHTML.escape(ShortText.shortened(bid.supplier, limit: 30)))</text>"
                + "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(width)\" height=\"20\" fill=\"#1d70b8\"/>"
                + "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\" font-size=\"13\">\(marks(bid.totalMarks))</text>"
        }
        return svg + "</svg><figcaption>Total social value marks out of \(marks(outOf)); the figures are in the table below.</figcaption></figure>\n"
    }
}
