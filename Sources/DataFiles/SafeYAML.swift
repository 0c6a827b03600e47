import Foundation
import Yams

/// Why YAML text was refused before it was used: where, and what is wrong.
public struct SafeYAMLError: Error, Sendable {
    /// The line of the problem, when known.
    public var line: Int?
    public var message: String
}

/// Parses YAML from outside (answers files, a council's data files) without letting the text
/// decide how much work it makes. Anchors and aliases (`&name`, `*name`) are refused: nested
/// aliases ("billion laughs") expand a few hundred bytes into gigabytes, and no svwizard file
/// needs them. Nesting is limited, so a file of ten thousand `[` cannot exhaust the stack.
public enum SafeYAML {
    /// The deepest nesting of lists and sections accepted.
    public static let deepestNesting = 64

    /// The document's root node, or nil for an empty document.
    public static func compose(_ text: String) throws -> Node? {
        if let line = lineExceedingFlowNesting(text) {
            throw SafeYAMLError(line: line, message: "is nested more than \(deepestNesting) deep in [ ] or { }")
        }
        let parser = try Parser(yaml: text)
        let root = try parser.singleRoot()
        // Anchors are held weakly by the nodes and strongly by the parser: look while it lives.
        try withExtendedLifetime(parser) {
            if let root { try refuseAnchors(in: root, depth: 0) }
        }
        return root
    }

    /// The line on which `[` and `{` first nest deeper than the limit, counting naively (a
    /// bracket inside quotes counts too, which only matters for text no one writes).
    static func lineExceedingFlowNesting(_ text: String) -> Int? {
        var depth = 0
        var line = 1
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"): line += 1
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > deepestNesting { return line }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    /// Walks the document in order and stops at the first anchor. An alias can only name an
    /// anchor that comes before it, so a document with no anchor has no alias, and the walk
    /// never follows one: its work is the document's own size.
    private static func refuseAnchors(in node: Node, depth: Int) throws {
        guard depth <= deepestNesting else {
            throw SafeYAMLError(line: node.mark?.line, message: "is nested more than \(deepestNesting) deep")
        }
        switch node {
        case let .scalar(scalar):
            if let anchor = scalar.anchor { throw anchorError(anchor, node) }
        case let .mapping(mapping):
            if let anchor = mapping.anchor { throw anchorError(anchor, node) }
            for (key, value) in mapping {
                try refuseAnchors(in: key, depth: depth + 1)
                try refuseAnchors(in: value, depth: depth + 1)
            }
        case let .sequence(sequence):
            if let anchor = sequence.anchor { throw anchorError(anchor, node) }
            for item in sequence { try refuseAnchors(in: item, depth: depth + 1) }
        case .alias:
            throw SafeYAMLError(line: node.mark?.line, message: "uses an alias (*name)")
        }
    }

    private static func anchorError(_ anchor: Anchor, _ node: Node) -> SafeYAMLError {
        SafeYAMLError(line: node.mark?.line, message: "uses an anchor (&\(String(anchor.rawValue.prefix(40)))); "
            + "anchors and aliases are not allowed: write each value out in full")
    }
}

extension SafeYAMLError {
    /// A YAML syntax error in a few plain words, with its line: never the offending line
    /// itself, which may be many kilobytes long.
    public init(_ error: Error) {
        guard let error = error as? YamlError else {
            if let safe = error as? SafeYAMLError { self = safe; return }
            self.init(line: nil, message: "is not valid YAML")
            return
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.map { Echo.short($0) }.joined(separator: ": ")
            self.init(line: mark.line, message: "is not valid YAML (\(detail))")
        case let .duplicatedKeysInMapping(duplicates, context):
            self.init(line: context.mark.line, message: "repeats the key \(Echo.list(duplicates.map { Echo.short($0) }, limit: 5))")
        case .dataCouldNotBeDecoded:
            self.init(line: nil, message: "is not UTF-8 text")
        default:
            self.init(line: nil, message: "is not valid YAML")
        }
    }
}
