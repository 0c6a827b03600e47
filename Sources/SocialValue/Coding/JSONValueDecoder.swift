import Foundation

/// Decodes a `Decodable` value from a `JSONValue` already parsed (and perhaps already checked
/// against its schema), so a document is read once, not once to check and again to decode.
///
/// It reads what `JSONDecoder` reads with its default strategies: keys as they are, numbers
/// into any integer type only when whole and in range, `Decimal` from a number's exact text,
/// `Date` as seconds since 2001, `Data` as Base64 text and `URL` as text; unknown keys are
/// ignored. Decoding the same text both ways gives equal values (the tests check this for the
/// built-in data and for submissions).
public struct JSONValueDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try ValueDecoding.decode(T.self, from: value, at: nil)
    }
}

/// Where a value is in the document: a chain of keys back to the top, made into
/// `[CodingKey]` only when something asks (an error, or a type that reads `codingPath`).
private final class CodingPath {
    let parent: CodingPath?
    let key: CodingKey

    init(_ parent: CodingPath?, _ key: CodingKey) {
        self.parent = parent
        self.key = key
    }

    static func keys(_ path: CodingPath?) -> [CodingKey] {
        var keys: [CodingKey] = []
        var node = path
        while let current = node {
            keys.append(current.key)
            node = current.parent
        }
        return keys.reversed()
    }
}

/// The decoding shared by the decoder and its containers.
private enum ValueDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, at node: CodingPath?) throws -> T {
        let path = { CodingPath.keys(node) }
        // The types JSONDecoder reads in its own way rather than by their Decodable conformance.
        if T.self == Decimal.self { return try decimal(value, path: path()) as! T }
        if T.self == String.self { return try string(value, path: path()) as! T }
        if T.self == Date.self { return Date(timeIntervalSinceReferenceDate: try double(value, path: path())) as! T }
        if T.self == URL.self {
            guard let url = URL(string: try string(value, path: path())) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "Invalid URL string."))
            }
            return url as! T
        }
        if T.self == Data.self {
            guard let data = Data(base64Encoded: try string(value, path: path())) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "Encountered Data is not valid Base64."))
            }
            return data as! T
        }
        return try T(from: ValueDecoder(value: value, node: node))
    }

    static func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: @autoclosure () -> [CodingKey]) -> DecodingError {
        DecodingError.typeMismatch(type, .init(codingPath: path(), debugDescription: "Expected \(type) but found \(value.typeName) instead."))
    }

    static func string(_ value: JSONValue, path: @autoclosure () -> [CodingKey]) throws -> String {
        guard case let .string(text) = value else { throw mismatch(String.self, value, path()) }
        return text
    }

    static func bool(_ value: JSONValue, path: @autoclosure () -> [CodingKey]) throws -> Bool {
        guard case let .bool(flag) = value else { throw mismatch(Bool.self, value, path()) }
        return flag
    }

    static func decimal(_ value: JSONValue, path: @autoclosure () -> [CodingKey]) throws -> Decimal {
        guard case let .number(text) = value, let number = DecimalText.parse(text) ?? Decimal(string: text) else {
            throw mismatch(Decimal.self, value, path())
        }
        return number
    }

    static func double(_ value: JSONValue, path: @autoclosure () -> [CodingKey]) throws -> Double {
        guard case let .number(text) = value, let number = Double(text) else { throw mismatch(Double.self, value, path()) }
        return number
    }

    /// A whole number in `T`'s range: `3`, or `3.0` and `3e0`, as JSONDecoder takes them.
    static func integer<T: FixedWidthInteger>(_ type: T.Type, _ value: JSONValue, path: @autoclosure () -> [CodingKey]) throws -> T {
        guard case let .number(text) = value else { throw mismatch(T.self, value, path()) }
        if let number = T(text) { return number }
        guard let exact = Decimal(string: text), exact == DecimalText.rounded(exact, places: 0),
              let number = T(exactly: NSDecimalNumber(decimal: exact).doubleValue), Decimal(string: String(number)) == exact else {
            throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "Number \(text) is not representable in Swift as \(T.self)."))
        }
        return number
    }
}

/// The decoder handed to a type's `init(from:)`, over one value.
private struct ValueDecoder: Decoder {
    let value: JSONValue
    let node: CodingPath?

    init(value: JSONValue, node: CodingPath?) {
        self.value = value
        self.node = node
    }

    var codingPath: [CodingKey] { CodingPath.keys(node) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .object(members) = value else { throw ValueDecoding.mismatch([String: Any].self, value, codingPath) }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, node: node))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case let .array(items) = value else { throw ValueDecoding.mismatch([Any].self, value, codingPath) }
        return UnkeyedContainer(items: items, node: node)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleContainer(value: value, node: node) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let node: CodingPath?

    var codingPath: [CodingKey] { CodingPath.keys(node) }

    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    private func member(_ key: Key) throws -> JSONValue {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return value
    }

    private func path(_ key: Key) -> [CodingKey] { codingPath + [key] }

    private func child(_ key: Key) -> CodingPath { CodingPath(node, key) }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try member(key) { return true }
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try ValueDecoding.bool(member(key), path: path(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try ValueDecoding.string(member(key), path: path(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try ValueDecoding.double(member(key), path: path(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try ValueDecoding.double(member(key), path: path(key))) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try ValueDecoding.integer(type, member(key), path: path(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try ValueDecoding.integer(type, member(key), path: path(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try ValueDecoding.integer(type, member(key), path: path(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try ValueDecoding.integer(type, member(key), path: path(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try ValueDecoding.integer(type, member(key), path: path(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try ValueDecoding.integer(type, member(key), path: path(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try ValueDecoding.integer(type, member(key), path: path(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try ValueDecoding.integer(type, member(key), path: path(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try ValueDecoding.integer(type, member(key), path: path(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try ValueDecoding.integer(type, member(key), path: path(key)) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try ValueDecoding.decode(T.self, from: member(key), at: child(key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: member(key), node: child(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try ValueDecoder(value: member(key), node: child(key)).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder {
        ValueDecoder(value: members["super"] ?? .null, node: CodingPath(node, SuperKey()))
    }

    func superDecoder(forKey key: Key) throws -> Decoder {
        ValueDecoder(value: members[key.stringValue] ?? .null, node: child(key))
    }
}

private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

private struct IndexKey: CodingKey {
    let index: Int
    var stringValue: String { "Index \(index)" }
    var intValue: Int? { index }
    init(_ index: Int) { self.index = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { index = intValue }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let node: CodingPath?
    var currentIndex = 0

    init(items: [JSONValue], node: CodingPath?) {
        self.items = items
        self.node = node
    }

    var codingPath: [CodingKey] { CodingPath.keys(node) }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private var path: [CodingKey] { codingPath + [IndexKey(currentIndex)] }

    private var child: CodingPath { CodingPath(node, IndexKey(currentIndex)) }

    /// Reads the next item; its path is made only if something needs it (an error, a nested value).
    private mutating func next<T>(_ type: T.Type, _ read: (JSONValue, () -> CodingPath) throws -> T) throws -> T {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(T.self, .init(codingPath: path, debugDescription: "Unkeyed container is at end."))
        }
        let value = try read(items[currentIndex]) { child }
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any?.self, .init(codingPath: path, debugDescription: "Unkeyed container is at end."))
        }
        if case .null = items[currentIndex] {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) { try ValueDecoding.bool($0, path: CodingPath.keys($1())) } }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) { try ValueDecoding.string($0, path: CodingPath.keys($1())) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) { try ValueDecoding.double($0, path: CodingPath.keys($1())) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) { Float(try ValueDecoding.double($0, path: CodingPath.keys($1()))) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) { try ValueDecoding.integer(type, $0, path: CodingPath.keys($1())) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) { try ValueDecoding.integer(type, $0, path: CodingPath.keys($1())) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) { try ValueDecoding.integer(type, $0, path: CodingPath.keys($1())) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) { try ValueDecoding.integer(type, $0, path: CodingPath.keys($1())) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) { try ValueDecoding.integer(type, $0, path: CodingPath.keys($1())) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) { try ValueDecoding.integer(type, $0, path: CodingPath.keys($1())) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) { try ValueDecoding.integer(type, $0, path: CodingPath.keys($1())) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) { try ValueDecoding.integer(type, $0, path: CodingPath.keys($1())) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) { try ValueDecoding.integer(type, $0, path: CodingPath.keys($1())) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) { try ValueDecoding.integer(type, $0, path: CodingPath.keys($1())) } }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next(type) { try ValueDecoding.decode(T.self, from: $0, at: $1()) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next(KeyedDecodingContainer<NestedKey>.self) { try ValueDecoder(value: $0, node: $1()).container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try next(UnkeyedDecodingContainer.self) { try ValueDecoder(value: $0, node: $1()).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> Decoder {
        try next(Decoder.self) { ValueDecoder(value: $0, node: $1()) }
    }
}

private struct SingleContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let node: CodingPath?

    var codingPath: [CodingKey] { CodingPath.keys(node) }

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try ValueDecoding.bool(value, path: codingPath) }
    func decode(_ type: String.Type) throws -> String { try ValueDecoding.string(value, path: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try ValueDecoding.double(value, path: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { Float(try ValueDecoding.double(value, path: codingPath)) }
    func decode(_ type: Int.Type) throws -> Int { try ValueDecoding.integer(type, value, path: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try ValueDecoding.integer(type, value, path: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try ValueDecoding.integer(type, value, path: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try ValueDecoding.integer(type, value, path: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try ValueDecoding.integer(type, value, path: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try ValueDecoding.integer(type, value, path: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try ValueDecoding.integer(type, value, path: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try ValueDecoding.integer(type, value, path: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try ValueDecoding.integer(type, value, path: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try ValueDecoding.integer(type, value, path: codingPath) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try ValueDecoding.decode(T.self, from: value, at: node) }
}
