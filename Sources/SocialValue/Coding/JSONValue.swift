import Foundation

/// A JSON (or YAML) document as plain values, so it can be checked against a schema before
/// any of it is trusted or decoded into the domain's types.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, kept as its text so that nothing is lost or rounded before it is checked.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The JSON type's name, as a schema's `type` keyword says it.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case let .number(text): Self.isInteger(text) ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    static func isInteger(_ text: String) -> Bool {
        // Digits alone (perhaps after a minus) are a whole number; anything else is worked out.
        var digits = 0
        for (offset, byte) in text.utf8.enumerated() {
            if byte == UInt8(ascii: "-") && offset == 0 { continue }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { digits = 0; break }
            digits += 1
        }
        if digits > 0 { return true }
        guard let value = Decimal(string: text) else { return false }
        var rounded = Decimal()
        var copy = value
        NSDecimalRound(&rounded, &copy, 0, .plain)
        return rounded == value
    }
}

extension JSONValue: Decodable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let number = try? container.decode(Decimal.self) {
            self = .number("\(number)")
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses JSON text (RFC 8259, UTF-8) in one pass. Throws when the text is not JSON (the
    /// caller says which file), including trailing commas and a key given twice in one object,
    /// which Foundation's decoder lets through. Numbers are kept as the text of their exact value, as decoding
    /// them would give; nesting deeper than 512 is refused, as Foundation's decoder does.
    public static func parse(_ data: Data) throws -> JSONValue {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self))
            parser.skipSpace()
            let value = try parser.value(depth: 0)
            parser.skipSpace()
            guard parser.index == parser.bytes.count else { throw JSONParser.Failure(offset: parser.index) }
            return value
        }
    }
}

/// A JSON reader over UTF-8 bytes, for `JSONValue.parse`.
private struct JSONParser {
    struct Failure: Error, CustomStringConvertible {
        let offset: Int
        var description: String { "not valid JSON at byte \(offset)" }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    func fail() -> Failure { Failure(offset: index) }

    mutating func value(depth: Int) throws -> JSONValue {
        guard depth < 512, index < bytes.count else { throw fail() }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw fail() }
        index += count
    }

    mutating func object(depth: Int) throws -> JSONValue {
        index += 1
        var members: [String: JSONValue] = [:]
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail() }
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail() }
            index += 1
            skipSpace()
            let keyAt = index
            // A key given twice could hide a value from whoever reads the file: refused.
            guard members.updateValue(try value(depth: depth + 1), forKey: key) == nil else { throw Failure(offset: keyAt) }
            skipSpace()
            guard index < bytes.count else { throw fail() }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            guard bytes[index] == UInt8(ascii: "}") else { throw fail() }
            index += 1
            return .object(members)
        }
    }

    mutating func array(depth: Int) throws -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard index < bytes.count else { throw fail() }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            guard bytes[index] == UInt8(ascii: "]") else { throw fail() }
            index += 1
            return .array(items)
        }
    }

    mutating func string() throws -> String {
        index += 1
        let start = index
        // The common case: no escapes, so the bytes are the string.
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            guard byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte >= 0x20 else { break }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        guard index < bytes.count else { throw fail() }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            let run = UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
            // ASCII (most keys and values) is valid UTF-8 as it stands; anything else is validated.
            if ascii { return String(decoding: run, as: UTF8.self) }
            guard let text = String(validating: run, as: UTF8.self) else { throw fail() }
            return text
        }
        var utf8 = Array(bytes[start..<index])
        while bytes[index] != UInt8(ascii: "\"") {
            let byte = bytes[index]
            guard byte >= 0x20 else { throw fail() } // control characters must be escaped
            if byte != UInt8(ascii: "\\") {
                utf8.append(byte)
                index += 1
            } else {
                index += 1
                guard index < bytes.count else { throw fail() }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { throw fail() }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw fail() }
                    utf8.append(contentsOf: String(Character(unicode)).utf8)
                default: throw fail()
                }
            }
            guard index < bytes.count else { throw fail() }
        }
        index += 1
        guard let text = String(validating: utf8, as: UTF8.self) else { throw fail() }
        return text
    }

    mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail()
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// A number as RFC 8259 writes it, kept as the text of its exact decimal value.
    mutating func number() throws -> JSONValue {
        let start = index
        func digits() -> Int {
            let first = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - first
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let whole = index
        guard digits() > 0, !(bytes[whole] == UInt8(ascii: "0") && index - whole > 1) else { throw fail() }
        let wholeDigits = index - whole
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw fail() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw fail() }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        // A whole number of up to 18 digits is its own exact text (JSON allows no leading zeros);
        // only minus zero is written otherwise.
        if index == whole + wholeDigits, wholeDigits <= 18 {
            return .number(text == "-0" ? "0" : text)
        }
        guard let decimal = Decimal(string: text, locale: Self.posix) else { throw fail() }
        return .number("\(decimal)")
    }

    private static let posix = Locale(identifier: "en_US_POSIX")
}
