import Foundation
import SocialValue
import Testing

/// Decoding from a parsed JSONValue reads what JSONDecoder reads from the same text.
@Suite("Decoding from a parsed JSON value")
struct JSONValueDecoderTests {
    struct Sample: Codable, Equatable {
        enum Kind: String, Codable { case small, large }
        var name: String
        var count: Int
        var share: Decimal
        var ratio: Double
        var flag: Bool
        var kind: Kind
        var note: String?
        var tags: [String]
        var nested: [String: [Int]]
        var optionalList: [Int?]
    }

    static func both<T: Decodable & Equatable>(_ type: T.Type, _ json: String) throws -> T {
        let foundation = try JSONDecoder().decode(T.self, from: Data(json.utf8))
        let parsed = try JSONValueDecoder().decode(T.self, from: JSONValue.parse(Data(json.utf8)))
        #expect(parsed == foundation)
        return parsed
    }

    @Test("every kind of field decodes as JSONDecoder decodes it")
    func sameAsFoundation() throws {
        let json = #"""
            {"name": "Acme \u00e9", "count": 3, "share": 12769.68, "ratio": 0.25, "flag": true, "kind": "large", "note": null,
             "tags": ["a", "b"], "nested": {"x": [1, 2], "y": []}, "optionalList": [1, null, 3], "ignored": {"any": [1]}}
            """#
        let sample = try Self.both(Sample.self, json)
        #expect(sample.share == Decimal(string: "12769.68"))
        #expect(sample.note == nil && sample.optionalList == [1, nil, 3])
    }

    @Test("a whole number written with a point or an exponent is still a whole number")
    func wholeNumbers() throws {
        #expect(try Self.both([Int].self, "[3.0, 3e0, -0, 120]") == [3, 3, 0, 120])
    }

    @Test("what JSONDecoder refuses is refused", arguments: [
        #"{"count": 2.5}"#, #"{"count": "2"}"#, #"{"count": 99999999999999999999}"#, #"{"count": null}"#, #"{}"#, #"[]"#,
    ])
    func refused(json: String) throws {
        struct Counted: Codable { var count: Int }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Counted.self, from: Data(json.utf8)) }
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Counted.self, from: JSONValue.parse(Data(json.utf8))) }
    }

    @Test("a small integer type takes only what fits")
    func ranges() throws {
        #expect(try JSONValueDecoder().decode(UInt8.self, from: .number("255")) == 255)
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(UInt8.self, from: .number("256")) }
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(UInt8.self, from: .number("-1")) }
    }

    @Test("a missing field is named in the error")
    func missingField() throws {
        struct Named: Codable { var name: String }
        do {
            _ = try JSONValueDecoder().decode(Named.self, from: JSONValue.parse(Data("{}".utf8)))
            Issue.record("decoded without its field")
        } catch let DecodingError.keyNotFound(key, _) {
            #expect(key.stringValue == "name")
        }
    }

    @Test("an error deep inside names the same path as JSONDecoder's", arguments: [
        #"{"items": [{"count": 1}, {"count": "x"}]}"#, #"{"items": [{"count": 1}, {}]}"#, #"{"items": [{"count": 1}, {"count": 2, "sizes": {"a": [1, "b"]}}]}"#,
        #"{"items": [[]]}"#, #"{"items": {}}"#, #"{"items": [{"count": 1, "sizes": {"a": [null]}}]}"#,
    ])
    func errorPaths(json: String) throws {
        struct Item: Codable { var count: Int; var sizes: [String: [Int]]? }
        struct Items: Codable { var items: [Item] }
        func path(_ attempt: () throws -> Items) -> [String]? {
            guard case let .failure(error) = Result(catching: attempt) else { return nil }
            switch error as? DecodingError {
            case let .typeMismatch(_, context), let .dataCorrupted(context), let .valueNotFound(_, context):
                return context.codingPath.map(\.stringValue)
            case let .keyNotFound(key, context):
                return context.codingPath.map(\.stringValue) + [key.stringValue]
            default:
                return ["other: \(error)"]
            }
        }
        let foundation = path { try JSONDecoder().decode(Items.self, from: Data(json.utf8)) }
        let parsed = path { try JSONValueDecoder().decode(Items.self, from: JSONValue.parse(Data(json.utf8))) }
        #expect(foundation != nil)
        #expect(parsed == foundation)
    }

    @Test("a number is kept as the text of its exact value, whatever way it was written")
    func numberText() throws {
        let written = ["0", "-0", "12", "-7", "123456789012345678", "1234567890123456789012", "2.50", "1e2", "-0.0", "0.125"]
        let parsed = try JSONValue.parse(Data(("[" + written.joined(separator: ",") + "]").utf8))
        let expected = written.map { JSONValue.number("\(Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX"))!)") }
        #expect(parsed == .array(expected))
        #expect(expected[0] == .number("0") && expected[1] == .number("0") && expected[6] == .number("2.5") && expected[7] == .number("100"))
    }
}

@Suite("Joining separately encoded elements into one array")
struct StableArrayTests {
    struct Item: Codable {
        var name: String
        var list: [String]
        var map: [String: Int]
        var nested: [[Int]]
    }

    @Test("the joined array is byte for byte what the encoder writes for the whole array", arguments: [0, 1, 3])
    func sameBytes(count: Int) throws {
        let items = (0..<count).map {
            Item(name: "item \($0) \"quoted\" / slash\nline", list: $0 == 0 ? [] : ["a", "b"], map: $0 == 1 ? [:] : ["x": $0, "y": 2],
                 nested: [[], [$0]])
        }
        let joined = JSONEncoder.stableArray(try items.map { try JSONEncoder.stable.encode($0) })
        #expect(joined == (try JSONEncoder.stable.encode(items)))
    }
}
