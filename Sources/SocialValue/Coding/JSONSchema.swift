import Foundation

/// One way a document breaks its schema: where (`tender.years`) and what is wrong.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// The place in the document, as dotted keys and [indexes] (empty for the whole document).
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Why a schema itself cannot be used (a bug in the published schemas, caught by the tests).
public struct SchemaDefinitionError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }
}

/// The published JSON Schemas (draft 2020-12), able to check a document against one of them.
///
/// It implements the keywords svwizard's schemas use (`type`, `enum`, `const`, `pattern`,
/// `minimum`, `maximum`, `minLength`, `maxLength`, `maxItems`, `maxProperties`, `required`,
/// `properties`, `additionalProperties`, `propertyNames`, `items`, `oneOf`, `$ref` within and
/// across files) and refuses a schema with any other keyword, so a limit can never be
/// written into a schema and silently not enforced. Checking stops after `limit`
/// violations, and its work is bounded by the document's size, never by a number in it.
public struct SchemaSet: @unchecked Sendable {
    private let documents: [String: [String: Any]]
    private let patterns: [String: NSRegularExpression]
    /// Patterns of the form `^[^\\uXXXX-\\uXXXX...]*$` (no character in these ranges), checked
    /// scalar by scalar without a regular expression: every long text in a file has one.
    private let excluded: [String: [ClosedRange<UInt32>]]

    /// The keywords understood; anything else in a schema is an error.
    static let keywords: Set<String> = [
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "enum", "const", "pattern", "minimum",
        "maximum", "minLength", "maxLength", "maxItems", "maxProperties", "required", "properties",
        "additionalProperties", "propertyNames", "items", "oneOf",
    ]

    /// `schemas` maps each schema's file name (`tender.schema.json`) to its text.
    public init(schemas: [String: String]) throws {
        var documents: [String: [String: Any]] = [:]
        var patterns: [String: NSRegularExpression] = [:]
        for (name, text) in schemas {
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                throw SchemaDefinitionError(description: "\(name) is not a JSON object")
            }
            try Self.collect(object, in: name, patterns: &patterns)
            documents[name] = object
        }
        self.documents = documents
        self.patterns = patterns
        excluded = patterns.keys.reduce(into: [:]) { result, pattern in result[pattern] = Self.excludedRanges(pattern) }
    }

    /// The ranges of a `^[^\\uXXXX-\\uXXXX...]*$` pattern, or nil for any other pattern.
    static func excludedRanges(_ pattern: String) -> [ClosedRange<UInt32>]? {
        guard pattern.hasPrefix("^[^"), pattern.hasSuffix("]*$") else { return nil }
        let body = pattern.dropFirst(3).dropLast(3)
        var ranges: [ClosedRange<UInt32>] = []
        var rest = Substring(body)
        func scalar() -> UInt32? {
            guard rest.hasPrefix("\\u"), rest.count >= 6, let value = UInt32(rest.dropFirst(2).prefix(4), radix: 16) else { return nil }
            rest = rest.dropFirst(6)
            return value
        }
        while !rest.isEmpty {
            guard let low = scalar() else { return nil }
            var high = low
            if rest.hasPrefix("-") {
                rest = rest.dropFirst()
                guard let value = scalar() else { return nil }
                high = value
            }
            guard low <= high else { return nil }
            ranges.append(low...high)
        }
        return ranges.isEmpty ? nil : ranges
    }

    /// Whether `text` matches `pattern` when it is a pattern of excluded ranges; nil otherwise.
    fileprivate func matchesExcluded(_ pattern: String, _ text: String) -> Bool? {
        guard let ranges = excluded[pattern] else { return nil }
        return !text.unicodeScalars.contains { scalar in ranges.contains { $0.contains(scalar.value) } }
    }

    private static func collect(_ schema: [String: Any], in file: String, patterns: inout [String: NSRegularExpression]) throws {
        for (key, value) in schema {
            if key == "properties" || key == "$defs" {
                for case let (_, child as [String: Any]) in value as? [String: Any] ?? [:] {
                    try collect(child, in: file, patterns: &patterns)
                }
                continue
            }
            guard keywords.contains(key) else {
                throw SchemaDefinitionError(description: "\(file) uses the keyword \(key), which svwizard's checker does not implement")
            }
            if key == "pattern", let pattern = value as? String, patterns[pattern] == nil {
                patterns[pattern] = try NSRegularExpression(pattern: pattern)
            }
            if let child = value as? [String: Any] { try collect(child, in: file, patterns: &patterns) }
            for case let child as [String: Any] in value as? [Any] ?? [] { try collect(child, in: file, patterns: &patterns) }
        }
    }

    /// The violations of `value` against the schema in file `name`, at most `limit` of them.
    public func violations(of value: JSONValue, against name: String, limit: Int = 20) -> [SchemaViolation] {
        guard let schema = documents[name] else {
            return [SchemaViolation(path: "", message: "there is no schema \(name)")]
        }
        var checker = Checker(set: self, limit: limit)
        checker.check(value, schema, file: name, path: "")
        return checker.found
    }

    fileprivate func resolve(_ reference: String, from file: String) -> (schema: [String: Any], file: String)? {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let target = parts[0].isEmpty ? file : String(parts[0])
        guard var node: Any = documents[target] else { return nil }
        if parts.count > 1 {
            for component in parts[1].split(separator: "/") {
                guard let next = (node as? [String: Any])?[String(component)] else { return nil }
                node = next
            }
        }
        return (node as? [String: Any]).map { ($0, target) }
    }

    fileprivate func regex(_ pattern: String) -> NSRegularExpression? { patterns[pattern] }
}

private struct Checker {
    let set: SchemaSet
    let limit: Int
    var found: [SchemaViolation] = []
    var full: Bool { found.count >= limit }

    init(set: SchemaSet, limit: Int) {
        self.set = set
        self.limit = limit
    }

    mutating func report(_ path: String, _ message: String) {
        if !full { found.append(SchemaViolation(path: path, message: message)) }
    }

    /// References already followed in this check: a file refers to the same few definitions
    /// thousands of times.
    private var resolved: [String: (schema: [String: Any], file: String)] = [:]

    private mutating func resolve(_ reference: String, from file: String) -> (schema: [String: Any], file: String)? {
        let key = file + "#" + reference
        if let known = resolved[key] { return known }
        let found = set.resolve(reference, from: file)
        resolved[key] = found
        return found
    }

    // swiftlint:disable:next cyclomatic_complexity
    mutating func check(_ value: JSONValue, _ schema: [String: Any], file: String, path: String) {
        guard !full else { return }
        if let reference = schema["$ref"] as? String {
            guard let (target, targetFile) = resolve(reference, from: file) else {
                report(path, "the schema's reference \(reference) cannot be resolved")
                return
            }
            check(value, target, file: targetFile, path: path)
        }
        if let expected = schema["const"] {
            if !Self.equal(value, expected) { report(path, "must be \(Self.describe(expected)), found \(Self.show(value))") }
            return
        }
        if let options = schema["enum"] as? [Any] {
            if !options.contains(where: { Self.equal(value, $0) }) {
                report(path, "must be one of \(options.map(Self.describe).joined(separator: ", ")), found \(Self.show(value))")
            }
            return
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let matching = options.filter { option in
                var trial = Checker(set: set, limit: 1)
                trial.check(value, option, file: file, path: path)
                return trial.found.isEmpty
            }
            if matching.count != 1 { report(path, "does not have the form this field takes, found \(Self.show(value))") }
        }
        if let types = Self.types(schema["type"]), !types.contains(value.typeName),
           !(value.typeName == "integer" && types.contains("number")) {
            report(path, "must be \(Self.article(types)), found \(Self.show(value))")
            return
        }
        switch value {
        case let .string(text): checkString(text, schema, path: path)
        case let .number(text): checkNumber(text, schema, path: path)
        case let .array(items): checkArray(items, schema, file: file, path: path)
        case let .object(members): checkObject(members, schema, file: file, path: path)
        case .null, .bool: break
        }
    }

    mutating func checkString(_ text: String, _ schema: [String: Any], path: String) {
        // Count only as far as the limit needs, so a huge string costs no more than the limit.
        if let maximum = schema["maxLength"] as? Int, text.utf8.count > maximum, text.unicodeScalars.count > maximum {
            let length = text.count
            if length > maximum {
                report(path, "is \(Self.count(length)) characters long; the limit is \(Self.count(maximum))")
                return
            }
        }
        if let minimum = schema["minLength"] as? Int, text.utf8.count < 4 * minimum, text.count < minimum {
            report(path, "must have at least \(minimum) character\(minimum == 1 ? "" : "s")")
        }
        if let pattern = schema["pattern"] as? String {
            if let matches = set.matchesExcluded(pattern, text) {
                if !matches { report(path, Self.patternMessage(pattern, text)) }
            } else if let regex = set.regex(pattern), regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                report(path, Self.patternMessage(pattern, text))
            }
        }
    }

    mutating func checkNumber(_ text: String, _ schema: [String: Any], path: String) {
        guard let number = Decimal(string: text) else { return }
        if let minimum = Self.decimal(schema["minimum"]), number < minimum {
            report(path, "must be at least \(minimum), found \(text)")
        }
        if let maximum = Self.decimal(schema["maximum"]), number > maximum {
            report(path, "must be at most \(maximum), found \(Self.short(text))")
        }
    }

    mutating func checkArray(_ items: [JSONValue], _ schema: [String: Any], file: String, path: String) {
        if let maximum = schema["maxItems"] as? Int, items.count > maximum {
            report(path, "has \(Self.count(items.count)) items; the limit is \(Self.count(maximum))")
            return
        }
        guard let itemSchema = schema["items"] as? [String: Any] else { return }
        for (index, item) in items.enumerated() where !full {
            check(item, itemSchema, file: file, path: "\(path)[\(index)]")
        }
    }

    mutating func checkObject(_ members: [String: JSONValue], _ schema: [String: Any], file: String, path: String) {
        if let maximum = schema["maxProperties"] as? Int, members.count > maximum {
            report(path, "has \(Self.count(members.count)) entries; the limit is \(Self.count(maximum))")
            return
        }
        for key in schema["required"] as? [String] ?? [] where members[key] == nil {
            report(path, "`\(key)` is missing")
        }
        let properties = schema["properties"] as? [String: Any] ?? [:]
        let additional = schema["additionalProperties"]
        var unknown: [String] = []
        for key in members.keys.sorted() where !full {
            let place = path.isEmpty ? key : "\(path).\(key)"
            if let names = schema["propertyNames"] as? [String: Any] {
                let before = found.count
                check(.string(key), names, file: file, path: place)
                if found.count > before { continue }
            }
            if let property = properties[key] as? [String: Any] {
                check(members[key]!, property, file: file, path: place)
            } else if let additionalSchema = additional as? [String: Any] {
                check(members[key]!, additionalSchema, file: file, path: place)
            } else if (additional as? Bool) == false {
                unknown.append(key)
            }
        }
        if !unknown.isEmpty {
            let names = unknown.prefix(5).map { "`\(Self.short($0))`" }.joined(separator: ", ")
            let more = unknown.count > 5 ? " and \(unknown.count - 5) more" : ""
            report(path, "has \(unknown.count == 1 ? "an unknown field" : "unknown fields") \(names)\(more)")
        }
    }

    static func count(_ number: Int) -> String { DecimalText.grouped(Decimal(number), places: 0) }

    static func types(_ value: Any?) -> [String]? {
        if let one = value as? String { return [one] }
        return value as? [String]
    }

    static func decimal(_ value: Any?) -> Decimal? {
        switch value {
        case let int as Int: Decimal(int)
        case let double as Double: Decimal(double)
        default: nil
        }
    }

    static func equal(_ value: JSONValue, _ expected: Any) -> Bool {
        switch (value, expected) {
        case let (.string(text), expected as String): text == expected
        case let (.bool(flag), expected as Bool): flag == expected
        case let (.number(text), expected as Int): Decimal(string: text) == Decimal(expected)
        case (.null, is NSNull): true
        default: false
        }
    }

    static func describe(_ expected: Any) -> String {
        if let text = expected as? String { return "\"\(text)\"" }
        return "\(expected)"
    }

    static func article(_ types: [String]) -> String {
        let names = types.map { ["integer": "a whole number", "number": "a number", "string": "text", "boolean": "true or false",
                                 "array": "a list", "object": "a set of fields", "null": "null"][$0] ?? $0 }
        return names.joined(separator: " or ")
    }

    /// A value, as a message shows it: short, and without control characters.
    static func show(_ value: JSONValue) -> String {
        switch value {
        case let .string(text): "\"\(short(text))\"" + (text.count > 40 ? " (\(text.count) characters)" : "")
        case let .number(text): short(text)
        case let .bool(flag): "\(flag)"
        case .null: "null"
        case let .array(items): "a list of \(items.count)"
        case .object: "a set of fields"
        }
    }

    static func short(_ text: String) -> String { ShortText.shortened(text, limit: 40) }

    static func patternMessage(_ pattern: String, _ text: String) -> String {
        if pattern.hasPrefix("^[^\\u0000") { return "has a control character in it (such as Escape); remove it" }
        return "does not have the form this field takes (\(pattern)), found \"\(short(text))\""
    }
}
