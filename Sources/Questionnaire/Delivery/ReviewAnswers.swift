import Foundation
import SocialValue

/// A contract manager's decisions on one return, from a small YAML file for `svwizard track
/// review --answers` (checked against `review-answers.schema.json` before any of it is used).
/// The same questions the review asks at a terminal, answered in advance; what the file leaves
/// out is asked, or with `--no-input` listed.
public struct ReviewAnswers: Sendable, Hashable {
    public struct Decision: Sendable, Hashable {
        public var status: String
        public var reason: String
    }

    public struct Action: Sendable, Hashable {
        public var action: String
        public var due: String?
    }

    public var reviewer: String?
    /// By evidence item id (`TOM1-1`).
    public var decisions: [String: Decision] = [:]
    public var accepted: [MeasureReference: String] = [:]
    /// An empty action means none was agreed.
    public var actions: [MeasureReference: Action] = [:]

    public init() {}

    /// The largest answers file read.
    public static let largest = 1_048_576

    public static func read(_ url: URL) throws -> ReviewAnswers {
        let value = try OutsideFile.yamlDocument(url, limit: largest, what: "review answers file", schema: "review-answers.schema.json",
                                                 start: "`version: 1`")
        var answers = ReviewAnswers()
        let root = value.members
        answers.reviewer = root["reviewer"]?.text
        for (id, entry) in root["decisions"]?.members ?? [:] {
            answers.decisions[id] = Decision(status: entry.members["status"]?.text ?? "", reason: entry.members["reason"]?.text ?? "")
        }
        for (key, entry) in root["accepted"]?.members ?? [:] {
            guard let measure = MeasureReference(key) else { continue }
            answers.accepted[measure] = entry.text
        }
        for (key, entry) in root["actions"]?.members ?? [:] {
            guard let measure = MeasureReference(key) else { continue }
            answers.actions[measure] = Action(action: entry.members["action"]?.text ?? "", due: entry.members["due"]?.text)
        }
        return answers
    }
}
