import Foundation
@testable import SocialValue
import Testing

/// The schema checker, on small schemas whose every answer is worked out by hand.
@Suite("Checking documents against a JSON Schema")
struct JSONSchemaTests {
    static let common = """
        {"$id": "common.schema.json", "$defs": {
          "line": {"type": "string", "maxLength": 5, "pattern": "^[^\\\\u0000-\\\\u001F]*$"},
          "count": {"type": "integer", "minimum": 1, "maximum": 15}}}
        """
    static let main = """
        {"type": "object", "required": ["name", "years"], "additionalProperties": false,
         "properties": {
           "name": {"$ref": "common.schema.json#/$defs/line"},
           "years": {"$ref": "common.schema.json#/$defs/count"},
           "flag": {"type": "boolean"},
           "kind": {"enum": ["a", "b"]},
           "list": {"type": "array", "maxItems": 2, "items": {"$ref": "#/$defs/item"}},
           "pack": {"oneOf": [{"type": "null"}, {"type": "object"}]},
           "map": {"type": "object", "maxProperties": 2, "propertyNames": {"maxLength": 3}, "additionalProperties": {"type": "string"}}
         },
         "$defs": {"item": {"type": "string"}}}
        """

    static let schemas = try! SchemaSet(schemas: ["common.schema.json": common, "main.schema.json": main])

    static func violations(_ json: String) throws -> [String] {
        schemas.violations(of: try JSONValue.parse(Data(json.utf8)), against: "main.schema.json").map(\.description)
    }

    @Test("documents that keep every rule pass", arguments: [
        #"{"name": "Acme", "years": 1}"#,
        #"{"name": "", "years": 15, "flag": true, "kind": "b", "list": ["x", "y"], "pack": null, "map": {"abc": "v"}}"#,
        #"{"name": "Acme", "years": 2, "pack": {"any": 1}}"#,
    ])
    func passes(json: String) throws {
        #expect(try Self.violations(json) == [])
    }

    @Test("each broken rule is named with its field", arguments: [
        (#"{"years": 1}"#, "`name` is missing"),
        (#"{"name": "Acme", "years": 0}"#, "years: must be at least 1, found 0"),
        (#"{"name": "Acme", "years": 16}"#, "years: must be at most 15, found 16"),
        (#"{"name": "Acme", "years": 100000000}"#, "years: must be at most 15, found 100000000"),
        (#"{"name": "Acme", "years": 2.5}"#, "years: must be a whole number, found 2.5"),
        (#"{"name": "Acme", "years": "2"}"#, "years: must be a whole number, found \"2\""),
        (#"{"name": "Acme Ltd", "years": 1}"#, "name: is 8 characters long; the limit is 5"),
        (#"{"name": "A\u001bB", "years": 1}"#, "name: has a control character in it"),
        (#"{"name": "Acme", "years": 1, "extra": 1}"#, "has an unknown field `extra`"),
        (#"{"name": "Acme", "years": 1, "flag": "yes"}"#, "flag: must be true or false"),
        (#"{"name": "Acme", "years": 1, "kind": "c"}"#, "kind: must be one of \"a\", \"b\", found \"c\""),
        (#"{"name": "Acme", "years": 1, "list": ["x", "y", "z"]}"#, "list: has 3 items; the limit is 2"),
        (#"{"name": "Acme", "years": 1, "list": [1]}"#, "list[0]: must be text, found 1"),
        (#"{"name": "Acme", "years": 1, "pack": 3}"#, "pack: does not have the form this field takes"),
        (#"{"name": "Acme", "years": 1, "map": {"a": "1", "b": "2", "c": "3"}}"#, "map: has 3 entries; the limit is 2"),
        (#"{"name": "Acme", "years": 1, "map": {"long": "1"}}"#, "map.long: is 4 characters long; the limit is 3"),
    ])
    func refused(json: String, expected: String) throws {
        let found = try Self.violations(json)
        #expect(found.contains { $0.contains(expected) }, "\(found)")
    }

    @Test("a huge value is reported by its length, not echoed")
    func hugeValue() throws {
        let found = try Self.violations(#"{"name": ""# + String(repeating: "x", count: 100_000) + #"", "years": 1}"#)
        #expect(found == ["name: is 100,000 characters long; the limit is 5"])
    }

    @Test("many unknown fields are counted, not all listed")
    func manyUnknownFields() throws {
        let fields = (0..<500).map { "\"f\($0)\": 1" }.joined(separator: ", ")
        let found = try Self.violations(#"{"name": "A", "years": 1, "# + fields + "}")
        #expect(found.count == 1)
        #expect(found[0].contains("and 495 more"))
    }

    @Test("a schema using a keyword the checker does not implement is refused, so no limit is silently ignored")
    func unknownKeyword() {
        #expect(throws: SchemaDefinitionError.self) {
            try SchemaSet(schemas: ["x.schema.json": #"{"type": "string", "format": "email"}"#])
        }
    }
}

@Suite("Simple patterns matched byte by byte")
struct AnchoredPatternTests {
    static let patterns = [
        "^[A-Za-z0-9_.-]+$", "^[0-9a-f]{64}$", "^TOM[0-9]{1,3}[a-z]?$", "^[a-z][a-z0-9-]{0,39}$", "^[A-Za-z][A-Za-z0-9]{0,39}$",
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "^TOM[0-9]{1,3}[a-z]?-[0-9]{1,3}$", "^SV-[EWN][0-9]{3}$", "^-?[0-9]*\\.?[0-9]+$",
        "^a*b+c?$", "^[ab]{2,}x$", "^x{0}y$",
    ]

    @Test("each pattern svwizard's schemas use answers as NSRegularExpression does, on thousands of texts")
    func sameAsRegularExpression() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("TOM0123456789abcfzAZ-._ EWNSVx\u{00E9}\n")
        for pattern in Self.patterns {
            let simple = try #require(AnchoredPattern(pattern), "\(pattern) is not taken as simple")
            let regex = try NSRegularExpression(pattern: pattern)
            var texts = ["", "TOM6", "TOM6a", "TOM123b-45", "TOM1234", "SV-E001", "2026-04-01", "12.5", "-0.5", ".5", "5.", "abc\n", "TOM6\n",
                         String(repeating: "a", count: 64), String(repeating: "f", count: 65), "x", "y", "abbc", "abx", "ababx"]
            for _ in 0..<3_000 {
                texts.append(String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
            }
            for text in texts {
                let expected = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                if let matched = simple.matches(text) {
                    #expect(matched == expected, "\(pattern) on \(text.debugDescription)")
                }
            }
        }
    }

    @Test("what it does not handle is left to NSRegularExpression", arguments: [
        "^[0-9]{4}(-[0-9]{2})?-[MQHYP][0-9]{1,2}$", "^a|b$", "^\\d+$", "^[^a]$", "^a+?$", "abc", "^[a\\-z]$", "^.$",
    ])
    func declined(pattern: String) {
        #expect(AnchoredPattern(pattern) == nil)
    }
}
