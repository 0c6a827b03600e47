import Foundation

/// A rendering's UTF-8 built in one growing buffer: each piece is appended where it ends up,
/// and a supplier's long answers are escaped straight into it, rather than made into strings
/// that are then joined into lines and the lines into a page.
public struct TextBuffer {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    public var data: Data { Data(bytes) }

    public mutating func append(_ text: String) {
        bytes += text.utf8
    }

    /// `text` and a line feed.
    public mutating func line(_ text: String) {
        bytes += text.utf8
        bytes.append(UInt8(ascii: "\n"))
    }

    /// An empty line.
    public mutating func line() {
        bytes.append(UInt8(ascii: "\n"))
    }

    /// `text` with every ASCII byte in `replacements` replaced (escaped, quoted).
    public mutating func append(_ text: String, replacing replacements: FastText.Replacements) {
        FastText.append(text, replacing: replacements, to: &bytes)
    }

    /// Appends through a function that writes into the bytes themselves.
    public mutating func write(_ body: (inout [UInt8]) -> Void) {
        body(&bytes)
    }
}
