import Foundation
import Yams

/// Reads a `--answers` file (YAML or JSON) into answer keys: nested sections become dotted
/// keys (`tender: {value: 450000}` is `tender.value`), and a list under a per-year question
/// gives one answer per year (`quantity: [52, 52]` is `quantity.1` and `quantity.2`).
/// A list under a list question (such as `measures`) is kept as one answer.
public enum AnswerFile {
    public static func read(_ url: URL) throws -> [String: String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw AnswerProblem("The answers file \(url.path) cannot be read. Check the file name.")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw AnswerProblem("The answers file \(url.lastPathComponent) is not valid YAML or JSON (\(error)).")
        }
        guard let node, case .mapping = node else {
            throw AnswerProblem("The answers file \(url.lastPathComponent) must hold `key: value` answers, such as `tender: {value: 450000}`.")
        }
        var answers: [String: String] = [:]
        flatten(node, prefix: "", into: &answers)
        return answers
    }

    /// The keys whose lists are one answer, not one answer per item.
    static let listKeys: Set<String> = ["measures", "tender.measures"]

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
