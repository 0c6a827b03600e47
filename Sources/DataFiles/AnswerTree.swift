import Foundation

/// Answers written as nested YAML (`supplier: {name: Acme}`, `quantity: [52, 52]`), read into
/// question keys (`supplier.name`, `quantity.1`, `quantity.2`), as answers files are. A list
/// under a list question (such as `measures`) stays one answer.
public struct AnswerTree: Sendable, Hashable, Codable {
    public var answers: [String: String]

    public init(_ answers: [String: String]) { self.answers = answers }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
    }

    public init(from decoder: Decoder) throws {
        answers = try Self.read(decoder, prefix: "")
    }

    private static func read(_ decoder: Decoder, prefix: String) throws -> [String: String] {
        if let keyed = try? decoder.container(keyedBy: Key.self) {
            var result: [String: String] = [:]
            for key in keyed.allKeys {
                let path = prefix.isEmpty ? key.stringValue : "\(prefix).\(key.stringValue)"
                result.merge(try read(keyed.superDecoder(forKey: key), prefix: path)) { $1 }
            }
            return result
        }
        if var list = try? decoder.unkeyedContainer() {
            var items: [String] = []
            var result: [String: String] = [:]
            var index = 1
            while !list.isAtEnd {
                let item = try read(try list.superDecoder(), prefix: "\(prefix).\(index)")
                result.merge(item) { $1 }
                if let value = item["\(prefix).\(index)"] { items.append(value) }
                index += 1
            }
            return Self.listKeys.contains(prefix) ? [prefix: items.joined(separator: ", ")] : result
        }
        return [prefix: try decoder.singleValueContainer().decode(String.self)]
    }

    /// The answers given as a list that are kept as one comma-separated answer.
    public static let listKeys: Set<String> = ["measures", "tender.measures"]

    /// Written back as nested sections, so a data file's keys can be checked against it.
    public func encode(to encoder: Encoder) throws {
        var root: [String: Any] = [:]
        for (key, value) in answers {
            var parts = key.split(separator: ".").map(String.init)
            let leaf = parts.removeLast()
            root = Self.insert(value, at: parts, leaf: leaf, into: root)
        }
        try Self.encode(root, to: encoder)
    }

    private static func insert(_ value: String, at path: [String], leaf: String, into node: [String: Any]) -> [String: Any] {
        var node = node
        guard let head = path.first else {
            node[leaf] = value
            return node
        }
        let child = node[head] as? [String: Any] ?? [:]
        node[head] = insert(value, at: Array(path.dropFirst()), leaf: leaf, into: child)
        return node
    }

    private static func encode(_ node: [String: Any], to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (key, value) in node {
            if let text = value as? String {
                try container.encode(text, forKey: Key(stringValue: key))
            } else if let child = value as? [String: Any] {
                try encode(child, to: container.superEncoder(forKey: Key(stringValue: key)))
            }
        }
    }
}
