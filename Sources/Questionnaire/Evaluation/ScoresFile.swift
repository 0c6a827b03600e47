import Foundation
import SocialValue
import Yams

/// The evaluation panel's record, from `svwizard evaluate --scores FILE` (YAML or JSON): checked
/// against `scores.schema.json` before any of it is used. `svwizard guide scores-file` shows the
/// layout.
public struct ScoresFile: Sendable {
    public var method: QuantitativeMethod?
    /// The id of a scale in `framework.yaml`, such as `zeroToFive`.
    public var scale: String?
    public var evaluators: [String]
    /// The panel's record for each bundle, by the bundle's file name.
    public var bids: [String: EvaluationCalculator.Panel]
    /// Clarifications still without a decision, by bundle file name: kept so nothing typed is
    /// lost, and listed as missing until decided.
    public var undecided: [String: [Evaluation.Clarification]] = [:]
    /// A method chosen at the terminal whose figure (target, threshold or bands) is not given
    /// yet; not saved.
    public var pendingMethod: String?

    public init(method: QuantitativeMethod?, scale: String?, evaluators: [String], bids: [String: EvaluationCalculator.Panel],
                undecided: [String: [Evaluation.Clarification]] = [:]) {
        self.method = method
        self.scale = scale
        self.evaluators = evaluators
        self.bids = bids
        self.undecided = undecided
    }

    /// The largest scores file read.
    public static let largest = 1_048_576

    public static func read(_ url: URL) throws -> ScoresFile {
        let value = try OutsideFile.yamlDocument(url, limit: largest, what: "scores file", schema: "scores.schema.json", start: "`version: 1`")
        return try ScoresFile(value, name: url.lastPathComponent)
    }

    init(_ value: JSONValue, name: String) throws {
        let root = value.members
        func decimal(_ value: JSONValue?) -> Decimal? { value?.text.flatMap(DecimalText.parse) }
        if let method = root["method"]?.members {
            switch method["method"]?.text {
            case "relativeToTarget"?:
                guard let target = decimal(method["targetPerPound"]) else {
                    throw OutsideFileError("\(name): method relativeToTarget needs targetPerPound, the target £ per £1 (such as 0.25).")
                }
                self.method = .relativeToTarget(perPound: target)
            case "passFail"?:
                guard let threshold = decimal(method["thresholdPerPound"]) else {
                    throw OutsideFileError("\(name): method passFail needs thresholdPerPound, the threshold £ per £1 (such as 0.1).")
                }
                self.method = .passFail(threshold: threshold)
            case "bands"?:
                let bands = (method["bands"]?.items ?? []).compactMap { band -> ScoreBand? in
                    guard let at = decimal(band.members["atLeastPerPound"]), let percent = decimal(band.members["percentOfMarks"]) else { return nil }
                    return ScoreBand(atLeastPerPound: at, percentOfMarks: percent)
                }
                guard !bands.isEmpty, bands.allSatisfy({ $0.percentOfMarks >= 0 && $0.percentOfMarks <= 100 }) else {
                    throw OutsideFileError("\(name): method bands needs bands, each with atLeastPerPound and a percentOfMarks from 0 to 100.")
                }
                self.method = .bands(bands)
            default:
                self.method = .relativeToHighest
            }
        }
        scale = root["scale"]?.text
        evaluators = (root["evaluators"]?.items ?? []).compactMap(\.text)
        var bids: [String: EvaluationCalculator.Panel] = [:]
        for bid in root["bids"]?.items ?? [] {
            let fields = bid.members
            let file = fields["file"]?.text ?? ""
            guard bids[file] == nil else { throw OutsideFileError("\(name): the bundle \(Echo.short(file)) is listed twice; give each bundle once.") }
            let scores = (fields["scores"]?.items ?? []).map { score in
                Evaluation.Score(evaluator: score.members["evaluator"]?.text ?? "", score: decimal(score.members["score"]) ?? 0,
                                 reason: score.members["reason"]?.text ?? "")
            }
            let agreed = fields["agreed"].map { agreed in
                Evaluation.Score(evaluator: "agreed", score: decimal(agreed.members["score"]) ?? 0, reason: agreed.members["reason"]?.text ?? "")
            }
            var clarifications: [Evaluation.Clarification] = []
            for item in fields["clarifications"]?.items ?? [] {
                let members = item.members
                let measure: MeasureReference? = members["measure"]?.text.flatMap { MeasureReference($0) }
                let decision = members["decision"]?.text.flatMap { Evaluation.Clarification.Decision(rawValue: $0) }
                let clarification = Evaluation.Clarification(
                    concern: "", measure: measure, question: members["question"]?.text ?? "", answer: members["answer"]?.text ?? "",
                    decision: decision ?? .accept, adjustedQuantity: decimal(members["adjustedQuantity"]), reason: members["reason"]?.text ?? "")
                if decision == nil {
                    undecided[file, default: []].append(clarification)
                } else {
                    clarifications.append(clarification)
                }
            }
            bids[file] = EvaluationCalculator.Panel(scores: scores, agreed: agreed, clarifications: clarifications)
        }
        self.bids = bids
    }
}

extension ScoresFile {
    /// The file as YAML, bundles in the order given: what the evaluation wizard saves after each
    /// answer. Every text is double-quoted, so nothing typed is read as YAML.
    public func yaml(bundles order: [String]) -> String {
        let quoted = OutsideFile.quoted
        func number(_ value: Decimal) -> String { quoted(DecimalText.plain(value)) }
        var lines = ["# The evaluation panel's record for svwizard evaluate (svwizard guide scores-file).", "version: 1"]
        if let method {
            switch method {
            case .relativeToHighest: lines.append("method: {method: relativeToHighest}")
            case let .relativeToTarget(target): lines.append("method: {method: relativeToTarget, targetPerPound: \(number(target))}")
            case let .passFail(threshold): lines.append("method: {method: passFail, thresholdPerPound: \(number(threshold))}")
            case let .bands(bands):
                lines.append("method:")
                lines.append("  method: bands")
                lines.append("  bands:")
                for band in bands {
                    lines.append("    - {atLeastPerPound: \(number(band.atLeastPerPound)), percentOfMarks: \(number(band.percentOfMarks))}")
                }
            }
        }
        if let scale { lines.append("scale: \(scale)") }
        lines.append("evaluators: [" + evaluators.map(quoted).joined(separator: ", ") + "]")
        lines.append("bids:")
        let files = order.filter { bids[$0] != nil || undecided[$0] != nil } + bids.keys.filter { !order.contains($0) }.sorted()
        for file in files {
            lines.append("  - file: \(quoted(file))")
            let panel = bids[file]
            if let scores = panel?.scores, !scores.isEmpty {
                lines.append("    scores:")
                for score in scores {
                    lines.append("      - {evaluator: \(quoted(score.evaluator)), score: \(number(score.score)), reason: \(quoted(score.reason))}")
                }
            }
            if let agreed = panel?.agreed {
                lines.append("    agreed: {score: \(number(agreed.score)), reason: \(quoted(agreed.reason))}")
            }
            let clarifications = (panel?.clarifications ?? []).map { ($0, true) } + (undecided[file] ?? []).map { ($0, false) }
            if !clarifications.isEmpty {
                lines.append("    clarifications:")
                for (clarification, decided) in clarifications {
                    lines.append("      - " + (clarification.measure.map { "measure: \($0.rawValue)\n        " } ?? "")
                        + "question: \(quoted(clarification.question))")
                    lines.append("        answer: \(quoted(clarification.answer))")
                    if decided { lines.append("        decision: \(clarification.decision.rawValue)") }
                    if let quantity = clarification.adjustedQuantity { lines.append("        adjustedQuantity: \(number(quantity))") }
                    lines.append("        reason: \(quoted(clarification.reason))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension JSONValue {
    public var members: [String: JSONValue] { if case let .object(members) = self { members } else { [:] } }
    public var items: [JSONValue] { if case let .array(items) = self { items } else { [] } }
    public var text: String? {
        switch self {
        case let .string(text), let .number(text): text
        default: nil
        }
    }
}
