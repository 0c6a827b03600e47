import Foundation

/// Writes JSON byte for byte as `JSONEncoder.stable` writes it (two-space indents,
/// `"key" : value`, an empty list or object as a blank line, the same escapes), without
/// going through `Encodable`: for reports written by the thousand, such as `validate --json`.
/// The caller writes each object's keys in sorted order (by their UTF-8 bytes, as the encoder
/// sorts them); the tests compare every use with the encoder.
public struct StableJSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the list or object being written has nothing in it yet.
    private var empty = true
    /// Whether a key has just been written, so the value follows on its line.
    private var afterKey = false

    public init() {}

    public var data: Data { Data(bytes) }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func key(_ name: String) {
        newElement()
        quoted(name)
        bytes += [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")]
        afterKey = true
    }

    public mutating func string(_ text: String) {
        valuePrefix()
        quoted(text)
    }

    /// A number already written as JSON (`12`, `2.5`).
    public mutating func number(_ text: String) {
        valuePrefix()
        bytes += text.utf8
    }

    public mutating func number(_ value: Int) { number(String(value)) }

    public mutating func bool(_ value: Bool) {
        valuePrefix()
        bytes += (value ? "true" : "false").utf8
    }

    public mutating func null() {
        valuePrefix()
        bytes += "null".utf8
    }

    /// `key` and its value in one call.
    public mutating func field(_ name: String, _ text: String) {
        key(name)
        string(text)
    }

    private mutating func open(_ bracket: UInt8) {
        valuePrefix()
        bytes.append(bracket)
        depth += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        bytes.append(UInt8(ascii: "\n"))
        if empty { bytes.append(UInt8(ascii: "\n")) }
        indent()
        bytes.append(bracket)
        // The list or object around it now holds this one.
        empty = false
    }

    private mutating func valuePrefix() {
        if afterKey {
            afterKey = false
        } else if depth > 0 {
            newElement()
        }
    }

    private mutating func newElement() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\n"))
        indent()
        empty = false
    }

    private mutating func indent() {
        for _ in 0..<(depth * 2) { bytes.append(UInt8(ascii: " ")) }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// The text in quotes: quote, backslash and control characters escaped as the encoder
    /// escapes them; everything else, slashes included, as it is.
    private mutating func quoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20:
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                          Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0F)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
