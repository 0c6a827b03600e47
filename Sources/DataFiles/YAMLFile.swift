import Foundation
import Yams

/// A YAML data file parsed once, so values can be decoded from it and any problem reported
/// with the line it is on. Files are schemas, not dictionaries: a `version:` is checked first
/// and unknown keys are refused.
public struct YAMLFile {
    /// The file's path relative to the data folder.
    public let path: String
    let root: Node

    /// The highest file format version this build reads.
    public static let supportedVersion = 1

    /// Parses `text`; throws a `DataFileError` naming the line of a syntax error.
    public init(path: String, text: String) throws {
        self.path = path
        let parsed: Node?
        do {
            parsed = try SafeYAML.compose(text)
        } catch {
            let problem = SafeYAMLError(error)
            throw DataFileError(file: path, line: problem.line, field: nil, message: problem.message,
                                hint: problem.message.contains("anchor") || problem.message.contains("alias")
                                    ? "Write each value out in full." : "Check the indentation and punctuation on this line and the one before it.")
        }
        guard let root = parsed, case .mapping = root else {
            throw DataFileError(file: path, line: 1, field: nil, message: "is empty or is not a set of `key: value` entries",
                                hint: "Start the file with `version: 1` and the entries its format needs.")
        }
        self.root = root
        try checkVersion()
    }

    /// Decodes the whole file (apart from `version`) as `T`, refusing unknown keys.
    public func decode<T: Codable>(_ type: T.Type) throws -> T {
        let value: T
        do {
            value = try YAMLDecoder().decode(T.self, from: root)
        } catch let error as DecodingError {
            throw describe(error)
        }
        try refuseUnknownKeys(in: value)
        return value
    }

    /// An error about the value at `path` (such as `["measures", 3, "reference"]`), with its line.
    public func error(at path: [PathComponent], message: String, hint: String) -> DataFileError {
        DataFileError(file: self.path, line: line(at: path), field: Self.fieldName(path), message: message, hint: hint)
    }

    /// The line of the node at `path`, or of its nearest existing parent.
    public func line(at path: [PathComponent]) -> Int? {
        var node = root
        for component in path {
            switch (component, node) {
            case let (.index(index), .sequence(sequence)) where index < sequence.count:
                node = sequence[index]
            case let (.key(key), .mapping(mapping)):
                guard let child = mapping[key] else { return node.mark?.line }
                node = child
            default:
                return node.mark?.line
            }
        }
        return node.mark?.line
    }

    private func checkVersion() throws {
        guard case let .mapping(mapping) = root, let versionNode = mapping["version"] else {
            throw DataFileError(file: path, line: 1, field: "version", message: "has no `version:`",
                                hint: "Add `version: \(Self.supportedVersion)` as the first line.")
        }
        guard let version = versionNode.int else {
            throw error(at: [.key("version")], message: "`version` must be a whole number",
                        hint: "Write `version: \(Self.supportedVersion)`.")
        }
        guard version <= Self.supportedVersion, version >= 1 else {
            throw error(at: [.key("version")], message: "is format version \(version), but this svwizard reads version \(Self.supportedVersion)",
                        hint: "Use a newer svwizard for this file, or write the file in version \(Self.supportedVersion) format.")
        }
    }

    private func describe(_ error: DecodingError) -> DataFileError {
        switch error {
        case let .keyNotFound(key, context):
            let path = PathComponent.path(context.codingPath)
            return self.error(at: path, message: "`\(key.stringValue)` is missing" + Self.atField(path),
                              hint: "Add `\(key.stringValue):` here. \(Self.expectation(for: key.stringValue))")
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            let path = PathComponent.path(context.codingPath)
            let last = path.last.flatMap { if case let .key(key) = $0 { key } else { nil } } ?? ""
            let found = scalarText(at: path).map { ", found \(Echo.quoted($0))" } ?? ""
            let reason = Self.plainReason(context.debugDescription, field: last)
            return self.error(at: path, message: reason + found, hint: Self.expectation(for: last))
        @unknown default:
            return DataFileError(file: path, line: nil, field: nil, message: "cannot be read", hint: "Check the file's format.")
        }
    }

    private func scalarText(at path: [PathComponent]) -> String? {
        var node = root
        for component in path {
            switch (component, node) {
            case let (.index(index), .sequence(sequence)) where index < sequence.count: node = sequence[index]
            case let (.key(key), .mapping(mapping)):
                guard let child = mapping[key] else { return nil }
                node = child
            default: return nil
            }
        }
        if case let .scalar(scalar) = node { return scalar.string }
        return nil
    }

    private func refuseUnknownKeys<T: Encodable>(in value: T) throws {
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value), options: [.fragmentsAllowed])
        var unknown: [DataFileError] = []
        collectUnknownKeys(node: root, known: encoded, path: [], into: &unknown, topLevel: true)
        if let first = unknown.first {
            throw unknown.count == 1 ? first as Error : DataFileErrors(unknown) as Error
        }
    }

    private func collectUnknownKeys(node: Node, known: Any, path: [PathComponent], into errors: inout [DataFileError], topLevel: Bool) {
        switch node {
        case let .mapping(mapping):
            let knownMapping = known as? [String: Any] ?? [:]
            for (keyNode, child) in mapping {
                guard let key = keyNode.string else { continue }
                if topLevel && key == "version" { continue }
                if let knownChild = knownMapping[key] {
                    collectUnknownKeys(node: child, known: knownChild, path: path + [.key(key)], into: &errors, topLevel: false)
                } else if !child.isNull || !Self.optionalKeys.contains(key) {
                    let expected = knownMapping.keys.sorted().joined(separator: ", ")
                    errors.append(DataFileError(
                        file: self.path, line: keyNode.mark?.line, field: Self.fieldName(path + [.key(key)]),
                        message: "`\(key)` is not a field this file format knows",
                        hint: expected.isEmpty ? "Remove it or check its spelling." : "Remove it or check its spelling; fields here include: \(expected)."))
                }
            }
        case let .sequence(sequence):
            let knownArray = known as? [Any] ?? []
            for (index, child) in sequence.enumerated() where index < knownArray.count {
                collectUnknownKeys(node: child, known: knownArray[index], path: path + [.index(index)], into: &errors, topLevel: false)
            }
        default:
            break
        }
    }

    /// Optional fields of the file formats: these may be written with an empty value (which
    /// leaves them out of the decoded value) without being mistaken for unknown keys.
    static let optionalKeys: Set<String> = [
        "note", "url", "source", "maximum", "minimum", "ageBand", "placementWeeks", "exclusiveGroup",
        "counts", "doesNotCount", "definitions", "evidence", "counting", "rules", "sources", "basis",
        "atMostContractValue", "livingWageRaise", "examples", "quantity", "delivery", "optional", "when", "default",
        "intro", "skipWhen", "forEachMeasure", "forEachYear", "options", "example", "recommendWhen",
    ]

    static func fieldName(_ path: [PathComponent]) -> String? {
        guard !path.isEmpty else { return nil }
        var text = ""
        for component in path {
            switch component {
            case let .key(key): text += text.isEmpty ? key : ".\(key)"
            case let .index(index): text += "[\(index)]"
            }
        }
        return text
    }

    private static func atField(_ path: [PathComponent]) -> String {
        fieldName(path).map { " in `\($0)`" } ?? ""
    }

    private static func plainReason(_ debugDescription: String, field: String) -> String {
        if debugDescription.hasPrefix("Cannot initialize") || debugDescription.hasPrefix("Expected to decode") {
            return "`\(field)` has a value of the wrong kind"
        }
        return debugDescription
    }

    /// What a field expects, for the hint.
    static func expectation(for field: String) -> String {
        switch field {
        case "unit": return "Use one of: " + MeasureUnitNames.all + "."
        case "coverage": return "Use `whole` or `partial`."
        case "basis": return "Use `eachYear` or `firstYearOfEmployment`."
        case "reference", "measure": return "Write a measure reference such as TOM1 or TOM4a."
        case "step", "minimum", "maximum", "perUnit": return "Write a plain number such as 0.5 or 12769.68."
        case "illustrative": return "Write true or false."
        default: return "Check this entry against the file's format described at the top of the file."
        }
    }
}

import SocialValue

enum MeasureUnitNames {
    static let all = MeasureUnit.allCases.map(\.rawValue).joined(separator: ", ")
}

/// One step of a path into a data file: a key in a mapping or an index in a list.
public enum PathComponent: Sendable, Hashable {
    case key(String)
    case index(Int)

    static func path(_ codingPath: [CodingKey]) -> [PathComponent] {
        codingPath.map { key in key.intValue.map(PathComponent.index) ?? .key(key.stringValue) }
    }
}

private extension Node {
    var isNull: Bool {
        if case let .scalar(scalar) = self { return scalar.string == "null" || scalar.string == "~" || scalar.string.isEmpty }
        return false
    }
}
