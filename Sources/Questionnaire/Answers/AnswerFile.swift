import Foundation
import SocialValue
import Yams

/// Reads a `--answers` file (YAML or JSON) into answer keys: nested sections become dotted
/// keys (`tender: {value: 450000}` is `tender.value`), and a list under a per-year question
/// gives one answer per year (`quantity: [52, 52]` is `quantity.1` and `quantity.2`).
/// A list under a list question (such as `measures`) is kept as one answer.
public enum AnswerFile {
    public static func read(_ url: URL) throws -> [String: String] {
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try OutsideFile.contents(of: url, limit: OutsideFile.largestAnswers, what: "answers file")
        } catch {
            throw AnswerProblem("\(error)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AnswerProblem("The answers file \(name) is not UTF-8 text. Save it as UTF-8 (plain text) and try again.")
        }
        if let answers = try previousDraft(data, name: name) { return answers }
        let node: Node
        do {
            node = try OutsideFile.yamlMapping(text, name: name, what: "answers file", start: "`tender: {value: 450000}`")
            try OutsideFile.check(Self.value(of: node), schema: "answers.schema.json", name: name, what: "answers file")
        } catch {
            throw AnswerProblem("\(error)")
        }
        var answers: [String: String] = [:]
        flatten(node, prefix: "", into: &answers)
        return answers
    }

    /// The document as plain values for the schema check; every scalar is text, as YAML
    /// leaves it until it is read as an answer.
    static func value(of node: Node) -> JSONValue {
        switch node {
        case let .scalar(scalar): return .string(scalar.string)
        case let .mapping(mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping { members[key.string ?? ""] = Self.value(of: value) }
            return .object(members)
        case let .sequence(sequence): return .array(sequence.map(Self.value(of:)))
        case .alias: return .null
        }
    }

    /// A draft used as an answers file (to start a new bid from an old one): its answers, after
    /// the draft is checked against its schema; nil when `data` is not a draft.
    static func previousDraft(_ data: Data, name: String) throws -> [String: String]? {
        struct Header: Decodable { var format: String? }
        guard data.first == UInt8(ascii: "{"), let header = try? JSONDecoder().decode(Header.self, from: data),
              header.format == Draft.format else { return nil }
        do {
            try OutsideFile.checkJSON(data, schema: "draft.schema.json", name: name, what: "draft")
            return try JSONDecoder().decode(Draft.self, from: data).answers.values
        } catch {
            throw AnswerProblem("\(error)")
        }
    }

    /// The keys whose lists are one answer, not one answer per item.
    static var listKeys: Set<String> { AnswerTree.listKeys }

    private static func flatten(_ node: Node, prefix: String, into answers: inout [String: String]) {
        switch node {
        case let .mapping(mapping):
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                flatten(value, prefix: prefix.isEmpty ? name : "\(prefix).\(name)", into: &answers)
            }
        case let .sequence(sequence):
            if listKeys.contains(prefix) {
                answers[prefix] = sequence.compactMap(\.string).joined(separator: ", ")
            } else {
                for (index, item) in sequence.enumerated() {
                    flatten(item, prefix: "\(prefix).\(index + 1)", into: &answers)
                }
            }
        case let .scalar(scalar):
            answers[prefix] = scalar.string
        case .alias:
            break
        }
    }
}
