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
        try ValueDecoding.decode(T.self, in: Frame(value, parent: nil, key: nil))
    }
}

/// A value being decoded and where it is in the document: a chain of keys back to the top,
/// made into `[CodingKey]` only when something asks (an error, or a type that reads
/// `codingPath`). One object per nested value decoded by its own `init(from:)`; the decoder
/// and containers over it are a reference to it, small enough to need no allocation of
/// their own when handed out as `Decoder` or `SingleValueDecodingContainer`. Strings,
/// numbers and the other values read directly get no frame at all.
private final class Frame {
    let value: JSONValue
    let parent: Frame?
    let key: CodingKey?

    init(_ value: JSONValue, parent: Frame?, key: CodingKey?) {
        self.value = value
        self.parent = parent
        self.key = key
    }

    var codingPath: [CodingKey] {
        var keys: [CodingKey] = []
        var frame: Frame? = self
        while let current = frame {
            if let key = current.key { keys.append(key) }
            frame = current.parent
        }
        return keys.reversed()
    }
}

/// The decoding shared by the decoder and its containers.
private enum ValueDecoding {
    /// Decodes the value at `key` inside `parent`; a frame is made only for a type that
    /// decodes itself.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, parent: Frame, key: CodingKey) throws -> T {
        if let direct = try directly(T.self, value, path: parent.codingPath + [key]) { return direct }
        return try T(from: ValueDecoder(frame: Frame(value, parent: parent, key: key)))
    }

    /// Decodes `frame`'s own value.
    static func decode<T: Decodable>(_ type: T.Type, in frame: Frame) throws -> T {
        if let direct = try directly(T.self, frame.value, path: frame.codingPath) { return direct }
        return try T(from: ValueDecoder(frame: frame))
    }

    /// The types JSONDecoder reads in its own way rather than by their Decodable conformance;
    /// nil for any other type.
    private static func directly<T>(_ type: T.Type, _ value: JSONValue, path: @autoclosure () -> [CodingKey]) throws -> T? {
        if T.self == Decimal.self { return try decimal(value, path: path()) as? T }
        if T.self == String.self { return try string(value, path: path()) as? T }
        if T.self == Date.self { return Date(timeIntervalSinceReferenceDate: try double(value, path: path())) as? T }
        if T.self == URL.self {
            guard let url = URL(string: try string(value, path: path())) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "Invalid URL string."))
            }
            return url as? T
        }
        if T.self == Data.self {
            guard let data = Data(base64Encoded: try string(value, path: path())) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "Encountered Data is not valid Base64."))
            }
            return data as? T
        }
        return nil
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
    let frame: Frame

    var value: JSONValue { frame.value }
    var codingPath: [CodingKey] { frame.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .object(members) = value else { throw ValueDecoding.mismatch([String: Any].self, value, codingPath) }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, frame: frame))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case let .array(items) = value else { throw ValueDecoding.mismatch([Any].self, value, codingPath) }
        return UnkeyedContainer(items: items, frame: frame)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleContainer(frame: frame) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let frame: Frame

    var codingPath: [CodingKey] { frame.codingPath }

    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    private func member(_ key: Key) throws -> JSONValue {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return value
    }

    private func path(_ key: Key) -> [CodingKey] { codingPath + [key] }

    private func child(_ key: Key) throws -> ValueDecoder { ValueDecoder(frame: Frame(try member(key), parent: frame, key: key)) }

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
        try ValueDecoding.decode(T.self, from: member(key), parent: frame, key: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder {
        ValueDecoder(frame: Frame(members["super"] ?? .null, parent: frame, key: SuperKey()))
    }

    func superDecoder(forKey key: Key) throws -> Decoder {
        ValueDecoder(frame: Frame(members[key.stringValue] ?? .null, parent: frame, key: key))
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
    let frame: Frame
    var currentIndex = 0

    init(items: [JSONValue], frame: Frame) {
        self.items = items
        self.frame = frame
    }

    var codingPath: [CodingKey] { frame.codingPath }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private var path: [CodingKey] { codingPath + [IndexKey(currentIndex)] }

    /// Reads the next item; its path is made only if something needs it (an error).
    private mutating func next<T>(_ type: T.Type, _ read: (JSONValue, () -> [CodingKey]) throws -> T) throws -> T {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(T.self, .init(codingPath: path, debugDescription: "Unkeyed container is at end."))
        }
        let value = try read(items[currentIndex]) { path }
        currentIndex += 1
        return value
    }

    /// A decoder over the next item, for what nests inside it.
    private mutating func nextDecoder() throws -> ValueDecoder {
        let (frame, index) = (frame, currentIndex)
        return try next(ValueDecoder.self) { value, _ in ValueDecoder(frame: Frame(value, parent: frame, key: IndexKey(index))) }
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

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) { try ValueDecoding.bool($0, path: $1()) } }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) { try ValueDecoding.string($0, path: $1()) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) { try ValueDecoding.double($0, path: $1()) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) { Float(try ValueDecoding.double($0, path: $1())) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) { try ValueDecoding.integer(type, $0, path: $1()) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) { try ValueDecoding.integer(type, $0, path: $1()) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) { try ValueDecoding.integer(type, $0, path: $1()) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) { try ValueDecoding.integer(type, $0, path: $1()) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) { try ValueDecoding.integer(type, $0, path: $1()) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) { try ValueDecoding.integer(type, $0, path: $1()) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) { try ValueDecoding.integer(type, $0, path: $1()) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) { try ValueDecoding.integer(type, $0, path: $1()) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) { try ValueDecoding.integer(type, $0, path: $1()) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) { try ValueDecoding.integer(type, $0, path: $1()) } }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (frame, index) = (frame, currentIndex)
        return try next(type) { value, _ in try ValueDecoding.decode(T.self, from: value, parent: frame, key: IndexKey(index)) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try nextDecoder().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try nextDecoder().unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder {
        try nextDecoder()
    }
}

private struct SingleContainer: SingleValueDecodingContainer {
    let frame: Frame

    var value: JSONValue { frame.value }
    var codingPath: [CodingKey] { frame.codingPath }

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

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try ValueDecoding.decode(T.self, in: frame) }
}
