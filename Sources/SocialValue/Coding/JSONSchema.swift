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
///
/// Each schema is read once, when the set is made, into a tree of `SchemaNode`s with its
/// keywords typed and its references followed, so checking a document does no lookups by
/// keyword, no casts and no reference resolving.
public struct SchemaSet: @unchecked Sendable {
    private let roots: [String: SchemaNode]

    /// The keywords understood; anything else in a schema is an error.
    static let keywords: Set<String> = [
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "enum", "const", "pattern", "minimum",
        "maximum", "minLength", "maxLength", "maxItems", "maxProperties", "required", "properties",
        "additionalProperties", "propertyNames", "items", "oneOf",
    ]

    /// `schemas` maps each schema's file name (`tender.schema.json`) to its text.
    public init(schemas: [String: String]) throws {
        var documents: [String: [String: Any]] = [:]
        for (name, text) in schemas {
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                throw SchemaDefinitionError(description: "\(name) is not a JSON object")
            }
            try Self.checkKeywords(object, in: name)
            documents[name] = object
        }
        var compiler = SchemaCompiler(documents: documents)
        var roots: [String: SchemaNode] = [:]
        for name in documents.keys.sorted() {
            roots[name] = try compiler.node(documents[name]!, file: name, key: name + "#")
        }
        self.roots = roots
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

    private static func checkKeywords(_ schema: [String: Any], in file: String) throws {
        for (key, value) in schema {
            if key == "properties" || key == "$defs" {
                for case let (_, child as [String: Any]) in value as? [String: Any] ?? [:] {
                    try checkKeywords(child, in: file)
                }
                continue
            }
            guard keywords.contains(key) else {
                throw SchemaDefinitionError(description: "\(file) uses the keyword \(key), which svwizard's checker does not implement")
            }
            if let child = value as? [String: Any] { try checkKeywords(child, in: file) }
            for case let child as [String: Any] in value as? [Any] ?? [] { try checkKeywords(child, in: file) }
        }
    }

    /// The violations of `value` against the schema in file `name`, at most `limit` of them.
    public func violations(of value: JSONValue, against name: String, limit: Int = 20) -> [SchemaViolation] {
        guard let root = roots[name] else {
            return [SchemaViolation(path: "", message: "there is no schema \(name)")]
        }
        // Most documents keep their schema: a first pass takes each object's fields as they
        // come. Only when something is wrong is the check made again in the order reported
        // (fields by name), so the same document always gives the same violations.
        var quick = Checker(limit: limit, ordered: false)
        quick.check(value, root)
        guard !quick.found.isEmpty else { return [] }
        var checker = Checker(limit: limit)
        checker.check(value, root)
        return checker.found
    }
}

/// One schema, or a part of one, with its keywords read and typed and its `$ref` followed.
private final class SchemaNode {
    var reference: String?
    /// What `reference` leads to; nil (with `reference` set) when it leads nowhere.
    var target: SchemaNode?
    var constant: Any?
    var options: [Any]?
    var oneOf: [SchemaNode]?
    var types: [String]?
    var maxLength: Int?
    var minLength: Int?
    var pattern: String?
    var excluded: ExcludedScalars?
    var regex: NSRegularExpression?
    /// The same pattern, when it is simple enough to match byte by byte (see `AnchoredPattern`).
    var simple: AnchoredPattern?
    var minimum: Decimal?
    var maximum: Decimal?
    var maxItems: Int?
    var items: SchemaNode?
    var maxProperties: Int?
    var required: [String] = []
    var properties: [String: SchemaNode] = [:]
    var additional: Additional = .allowed
    var propertyNames: SchemaNode?

    enum Additional {
        case allowed
        case forbidden
        case checked(SchemaNode)
    }
}

/// A `^[^\\uXXXX-\\uXXXX...]*$` pattern, checked scalar by scalar without a regular
/// expression (every long text in a file has one), ASCII by a table.
private struct ExcludedScalars {
    let ranges: [ClosedRange<UInt32>]
    let asciiExcluded: [Bool]

    init(_ ranges: [ClosedRange<UInt32>]) {
        self.ranges = ranges
        asciiExcluded = (0..<128).map { value in ranges.contains { $0.contains(UInt32(value)) } }
    }

    /// Whether `text` has none of the excluded characters.
    func allows(_ text: String) -> Bool {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes in
            asciiExcluded.withUnsafeBufferPointer { excluded -> Bool? in
                for byte in bytes {
                    guard byte < 0x80 else { return nil }
                    if excluded[Int(byte)] { return false }
                }
                return true
            }
        } ?? nil
        if let ascii { return ascii }
        return !text.unicodeScalars.contains { scalar in
            scalar.value < 0x80 ? asciiExcluded[Int(scalar.value)] : ranges.contains { $0.contains(scalar.value) }
        }
    }
}

/// A pattern anchored at both ends (`^...$`) made of ASCII characters and bracketed classes,
/// each perhaps with `?`, `*`, `+` or `{m,n}`, such as `^TOM[0-9]{1,3}[a-z]?$`: matched over the
/// text's bytes, as NSRegularExpression would match it, without bridging the text to UTF-16.
/// Any other pattern (groups, alternatives, escapes such as `\d`) is left to
/// NSRegularExpression, and so is a text ending in a line break or a non-ASCII character,
/// where ICU's `$` has rules of its own.
struct AnchoredPattern: Sendable {
    struct Atom: Sendable {
        var allowed: [Bool]
        var minimum = 1
        var maximum = 1
    }

    let atoms: [Atom]

    init?(_ pattern: String) {
        var characters = Array(pattern.unicodeScalars)
        guard characters.count >= 2, characters.first == "^", characters.last == "$", characters.allSatisfy(\.isASCII) else { return nil }
        characters = Array(characters.dropFirst().dropLast())
        if characters.last == "\\" { return nil }
        var atoms: [Atom] = []
        var index = 0
        func number() -> Int? {
            var digits = ""
            while index < characters.count, ("0"..."9").contains(characters[index]) {
                digits.unicodeScalars.append(characters[index])
                index += 1
            }
            return Int(digits)
        }
        while index < characters.count {
            let character = characters[index]
            index += 1
            var allowed = [Bool](repeating: false, count: 128)
            switch character {
            case "[":
                guard index < characters.count, characters[index] != "^" else { return nil }
                var members: [Unicode.Scalar] = []
                while index < characters.count, characters[index] != "]" {
                    // Escapes, nested classes and set operations are left to NSRegularExpression.
                    if characters[index] == "\\" || characters[index] == "[" || characters[index] == "&" { return nil }
                    members.append(characters[index])
                    index += 1
                }
                guard index < characters.count else { return nil }
                index += 1
                var position = 0
                while position < members.count {
                    if position + 2 < members.count, members[position + 1] == "-" {
                        guard members[position].value <= members[position + 2].value else { return nil }
                        for value in members[position].value...members[position + 2].value { allowed[Int(value)] = true }
                        position += 3
                    } else {
                        allowed[Int(members[position].value)] = true
                        position += 1
                    }
                }
            case "\\":
                guard index < characters.count, Self.isPunctuation(characters[index]) else { return nil }
                allowed[Int(characters[index].value)] = true
                index += 1
            case ".", "(", ")", "|", "*", "+", "?", "{", "}", "]", "^", "$":
                return nil
            default:
                allowed[Int(character.value)] = true
            }
            var atom = Atom(allowed: allowed)
            if index < characters.count {
                switch characters[index] {
                case "?": atom.minimum = 0; index += 1
                case "*": atom.minimum = 0; atom.maximum = .max; index += 1
                case "+": atom.maximum = .max; index += 1
                case "{":
                    index += 1
                    guard let low = number() else { return nil }
                    var high = low
                    if index < characters.count, characters[index] == "," {
                        index += 1
                        high = number() ?? .max
                    }
                    guard index < characters.count, characters[index] == "}", low <= high else { return nil }
                    index += 1
                    atom.minimum = low
                    atom.maximum = high
                default: break
                }
                // A lazy or possessive quantifier (`+?`, `*+`) is not handled here.
                if index < characters.count, ["?", "+", "*", "{"].contains(characters[index]), index > 0,
                   ["?", "+", "*", "}"].contains(characters[index - 1]) {
                    return nil
                }
            }
            atoms.append(atom)
        }
        self.atoms = atoms
    }

    private static func isPunctuation(_ character: Unicode.Scalar) -> Bool {
        character.isASCII && !character.properties.isAlphabetic && !("0"..."9").contains(character) && character != " "
    }

    /// Whether `text` matches; nil when NSRegularExpression must decide.
    func matches(_ text: String) -> Bool? {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            if let last = bytes.last, last == 0x0A || last == 0x0B || last == 0x0C || last == 0x0D || last >= 0x80 { return nil }
            return match(bytes, atom: 0, at: 0)
        } ?? nil
    }

    private func match(_ bytes: UnsafeBufferPointer<UInt8>, atom index: Int, at position: Int) -> Bool {
        guard index < atoms.count else { return position == bytes.count }
        let atom = atoms[index]
        var count = 0
        while count < atom.maximum, position + count < bytes.count, bytes[position + count] < 0x80, atom.allowed[Int(bytes[position + count])] {
            count += 1
        }
        guard count >= atom.minimum else { return false }
        // Greedy, giving back one at a time, as a backtracking matcher does.
        while true {
            if match(bytes, atom: index + 1, at: position + count) { return true }
            if count == atom.minimum { return false }
            count -= 1
        }
    }
}

/// Reads the schema documents into `SchemaNode`s, each `$ref` target made once.
private struct SchemaCompiler {
    let documents: [String: [String: Any]]
    /// Nodes by `file#fragment`, so references to the same definition share one node (and a
    /// definition that refers to itself is no endless loop).
    var made: [String: SchemaNode] = [:]
    var patterns: [String: NSRegularExpression] = [:]

    init(documents: [String: [String: Any]]) { self.documents = documents }

    mutating func node(_ schema: [String: Any], file: String, key: String? = nil) throws -> SchemaNode {
        if let key, let known = made[key] { return known }
        let node = SchemaNode()
        if let key { made[key] = node }
        if let reference = schema["$ref"] as? String {
            node.reference = reference
            node.target = try resolve(reference, from: file)
        }
        node.constant = schema["const"]
        node.options = schema["enum"] as? [Any]
        if let options = schema["oneOf"] as? [[String: Any]] { node.oneOf = try options.map { try self.node($0, file: file) } }
        node.types = Checker.types(schema["type"])
        node.maxLength = schema["maxLength"] as? Int
        node.minLength = schema["minLength"] as? Int
        if let pattern = schema["pattern"] as? String {
            node.pattern = pattern
            if let ranges = SchemaSet.excludedRanges(pattern) {
                node.excluded = ExcludedScalars(ranges)
            } else {
                if patterns[pattern] == nil { patterns[pattern] = try NSRegularExpression(pattern: pattern) }
                node.regex = patterns[pattern]
                node.simple = AnchoredPattern(pattern)
            }
        }
        node.minimum = Checker.decimal(schema["minimum"])
        node.maximum = Checker.decimal(schema["maximum"])
        node.maxItems = schema["maxItems"] as? Int
        if let items = schema["items"] as? [String: Any] { node.items = try self.node(items, file: file) }
        node.maxProperties = schema["maxProperties"] as? Int
        node.required = schema["required"] as? [String] ?? []
        for case let (name, property as [String: Any]) in schema["properties"] as? [String: Any] ?? [:] {
            node.properties[name] = try self.node(property, file: file)
        }
        if let additional = schema["additionalProperties"] as? [String: Any] {
            node.additional = .checked(try self.node(additional, file: file))
        } else if (schema["additionalProperties"] as? Bool) == false {
            node.additional = .forbidden
        }
        if let names = schema["propertyNames"] as? [String: Any] { node.propertyNames = try self.node(names, file: file) }
        return node
    }

    /// The node `reference` (`file#/$defs/name`, or `#/...` within `file`) leads to, or nil.
    mutating func resolve(_ reference: String, from file: String) throws -> SchemaNode? {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let target = parts[0].isEmpty ? file : String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : ""
        let key = target + "#" + fragment
        if let known = made[key] { return known }
        guard var found: Any = documents[target] else { return nil }
        for component in fragment.split(separator: "/") {
            guard let next = (found as? [String: Any])?[String(component)] else { return nil }
            found = next
        }
        guard let schema = found as? [String: Any] else { return nil }
        return try node(schema, file: target, key: key)
    }
}

private struct Checker {
    let limit: Int
    /// Whether each object's fields are checked in order of their names (as reported).
    let ordered: Bool
    var found: [SchemaViolation] = []
    var full: Bool { found.count >= limit }
    /// Where the checker is in the document, made into text only when a violation is reported.
    var trail: [Step] = []

    enum Step {
        case key(String)
        case index(Int)
    }

    init(limit: Int, ordered: Bool = true, trail: [Step] = []) {
        self.limit = limit
        self.ordered = ordered
        self.trail = trail
    }

    /// The place in the document as dotted keys and [indexes], as reported.
    var path: String {
        var text = ""
        for step in trail {
            switch step {
            case let .key(key): text += text.isEmpty ? key : ".\(key)"
            case let .index(index): text += "[\(index)]"
            }
        }
        return text
    }

    mutating func report(_ message: String) {
        if !full { found.append(SchemaViolation(path: path, message: message)) }
    }

    // swiftlint:disable:next cyclomatic_complexity
    mutating func check(_ value: JSONValue, _ node: SchemaNode) {
        guard !full else { return }
        if let reference = node.reference {
            guard let target = node.target else {
                report("the schema's reference \(reference) cannot be resolved")
                return
            }
            check(value, target)
        }
        if let expected = node.constant {
            if !Self.equal(value, expected) { report("must be \(Self.describe(expected)), found \(Self.show(value))") }
            return
        }
        if let options = node.options {
            if !options.contains(where: { Self.equal(value, $0) }) {
                report("must be one of \(options.map(Self.describe).joined(separator: ", ")), found \(Self.show(value))")
            }
            return
        }
        if let options = node.oneOf {
            let matching = options.filter { option in
                var trial = Checker(limit: 1, ordered: false, trail: trail)
                trial.check(value, option)
                return trial.found.isEmpty
            }
            if matching.count != 1 { report("does not have the form this field takes, found \(Self.show(value))") }
        }
        if let types = node.types {
            let name = value.typeName
            if !types.contains(name), !(name == "integer" && types.contains("number")) {
                report("must be \(Self.article(types)), found \(Self.show(value))")
                return
            }
        }
        switch value {
        case let .string(text): checkString(text, node)
        case let .number(text): checkNumber(text, node)
        case let .array(items): checkArray(items, node)
        case let .object(members): checkObject(members, node)
        case .null, .bool: break
        }
    }

    mutating func checkString(_ text: String, _ node: SchemaNode) {
        // Count only as far as the limit needs, so a huge string costs no more than the limit.
        if let maximum = node.maxLength, text.utf8.count > maximum, text.unicodeScalars.count > maximum {
            let length = text.count
            if length > maximum {
                report("is \(Self.count(length)) characters long; the limit is \(Self.count(maximum))")
                return
            }
        }
        if let minimum = node.minLength, text.utf8.count < 4 * minimum, text.count < minimum {
            report("must have at least \(minimum) character\(minimum == 1 ? "" : "s")")
        }
        if let pattern = node.pattern {
            if let excluded = node.excluded {
                if !excluded.allows(text) { report(Self.patternMessage(pattern, text)) }
            } else if let matched = node.simple?.matches(text) {
                if !matched { report(Self.patternMessage(pattern, text)) }
            } else if let regex = node.regex, regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                report(Self.patternMessage(pattern, text))
            }
        }
    }

    mutating func checkNumber(_ text: String, _ node: SchemaNode) {
        guard node.minimum != nil || node.maximum != nil, let number = DecimalText.parse(text) ?? Decimal(string: text) else { return }
        if let minimum = node.minimum, number < minimum {
            report("must be at least \(minimum), found \(text)")
        }
        if let maximum = node.maximum, number > maximum {
            report("must be at most \(maximum), found \(Self.short(text))")
        }
    }

    mutating func checkArray(_ items: [JSONValue], _ node: SchemaNode) {
        if let maximum = node.maxItems, items.count > maximum {
            report("has \(Self.count(items.count)) items; the limit is \(Self.count(maximum))")
            return
        }
        guard let itemNode = node.items else { return }
        for (index, item) in items.enumerated() where !full {
            trail.append(.index(index))
            check(item, itemNode)
            trail.removeLast()
        }
    }

    mutating func checkObject(_ members: [String: JSONValue], _ node: SchemaNode) {
        if let maximum = node.maxProperties, members.count > maximum {
            report("has \(Self.count(members.count)) entries; the limit is \(Self.count(maximum))")
            return
        }
        for key in node.required where members[key] == nil {
            report("`\(key)` is missing")
        }
        var unknown: [String] = []
        func visit(_ key: String, _ member: JSONValue) {
            trail.append(.key(key))
            defer { trail.removeLast() }
            if let names = node.propertyNames {
                let before = found.count
                check(.string(key), names)
                if found.count > before { return }
            }
            if let property = node.properties[key] {
                check(member, property)
            } else {
                switch node.additional {
                case let .checked(additional): check(member, additional)
                case .forbidden: unknown.append(key)
                case .allowed: break
                }
            }
        }
        if ordered {
            for (key, member) in members.sorted(by: { $0.key < $1.key }) where !full { visit(key, member) }
        } else {
            for (key, member) in members where !full { visit(key, member) }
        }
        if !unknown.isEmpty {
            let names = unknown.prefix(5).map { "`\(Self.short($0))`" }.joined(separator: ", ")
            let more = unknown.count > 5 ? " and \(unknown.count - 5) more" : ""
            report("has \(unknown.count == 1 ? "an unknown field" : "unknown fields") \(names)\(more)")
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
