import Foundation
import Testing
@testable import SocialValue

/// The one-pass JSON reader gives what Foundation's decoder gives, and refuses what it refuses.
@Suite("Reading JSON in one pass")
struct JSONParserTests {
    static let valid = [
        #"{"a": 1, "b": [true, false, null], "c": {"d": "e"}}"#,
        #"[]"#, #"{}"#, #"  [ 1 , 2.50 , -0.5, 1e3, 2E-2, 0 ]  "#, #""plain""#, #"12345678901234567890"#,
        #"{"text": "line\nbreak \"quoted\" back\\slash \/ tab\t \u00e9 \ud83d\ude00 £"}"#,
"{\"unicode\": \"Rotherham – café ✓\"}", #"[[[[[]]]]]"#,
    ]

    static let invalid = [
        "", "{", "{\"a\" 1}", "01", "1.", "-", "tru", "nul", "\"open", "\"bad \\x escape\"",
        "\"\\ud83d alone\"", "[1] [2]", "\"raw\u{1}control\"", "{1: 2}", "+1", ".5",
    ]

    @Test("valid JSON gives the same values as Foundation's decoder", arguments: valid)
    func same(text: String) throws {
        let data = Data(text.utf8)
        #expect(try JSONValue.parse(data) == JSONDecoder().decode(JSONValue.self, from: data))
    }

    @Test("invalid JSON is refused, as Foundation's decoder refuses it", arguments: invalid)
    func refused(text: String) {
        let data = Data(text.utf8)
        #expect(throws: (any Error).self) { try JSONValue.parse(data) }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(JSONValue.self, from: data) }
    }

    @Test("stricter than Foundation: trailing commas and a key given twice are refused", arguments: ["[1,]", #"{"a": 1,}"#, #"{"same": 1, "same": 2}"#])
    func stricter(text: String) {
        #expect(throws: (any Error).self) { try JSONValue.parse(Data(text.utf8)) }
    }

    @Test("invalid UTF-8 and nesting deeper than 512 are refused")
    func limits() {
        #expect(throws: (any Error).self) { try JSONValue.parse(Data([0x22, 0xFF, 0xFE, 0x22])) }
        #expect(throws: (any Error).self) { try JSONValue.parse(Data((String(repeating: "[", count: 600) + String(repeating: "]", count: 600)).utf8)) }
        #expect((try? JSONValue.parse(Data((String(repeating: "[", count: 500) + String(repeating: "]", count: 500)).utf8))) != nil)
    }
}
