import DataFiles
import Foundation
import SocialValue
import Yams

extension OutsideFile {
    /// A YAML (or JSON) file a person keeps, such as a scores file or a delivery answers file:
    /// read within `limit`, parsed safely, and checked against the published schema `schema`
    /// before any of it is used. `what` names the kind of file in messages; `start` says how it begins.
    public static func yamlDocument(_ url: URL, limit: Int, what: String, schema: String, start: String) throws -> JSONValue {
        let name = url.lastPathComponent
        let data = try contents(of: url, limit: limit, what: what)
        guard let text = String(data: data, encoding: .utf8) else {
            throw OutsideFileError("The \(what) \(name) is not UTF-8 text. Save it as UTF-8 (plain text) and try again.")
        }
        let value = AnswerFile.value(of: try yamlMapping(text, name: name, what: what, start: start))
        try check(value, schema: schema, name: name, what: what)
        return value
    }

    /// The YAML document `text` (from the file `name`), parsed safely; it must be a mapping.
    static func yamlMapping(_ text: String, name: String, what: String, start: String) throws -> Node {
        let node: Node?
        do {
            node = try SafeYAML.compose(text)
        } catch {
            let problem = SafeYAMLError(error)
            throw OutsideFileError("The \(what) \(name)\(problem.line.map { ":\($0)" } ?? "") \(problem.message).")
        }
        guard let node, case .mapping = node else {
            throw OutsideFileError("The \(what) \(name) must hold `key: value` entries, such as \(start).")
        }
        return node
    }

    /// `text` as a double-quoted YAML (and JSON) string.
    public static func quoted(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }
}
