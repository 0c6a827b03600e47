import Foundation

/// Text operations in one pass over UTF-8, for the renderings and checks that run on every
/// bundle: the characters they look for are all ASCII, so working on bytes gives the same text
/// as working on characters, without Foundation's bridging.
public enum FastText {
    /// Whether `text` is empty or only white space and line breaks (Unicode's White_Space).
    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    /// Whether `text` is empty or only what `trimmingCharacters(in: .whitespaces)` removes.
    /// ASCII is decided byte by byte (only spaces and tabs are blank); text with other
    /// characters is left to Foundation, whose set of blanks is its own.
    public static func isBlankLine(_ text: String) -> Bool {
        for byte in text.utf8 {
            guard byte < 0x80 else { return text.trimmingCharacters(in: .whitespaces).isEmpty }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { return false }
        }
        return true
    }

    /// Whether `text` might begin or end with what `trimmingCharacters(in: .whitespaces)`
    /// removes: its first or last byte is a space, a tab or part of a non-ASCII character.
    /// When not, trimming would change nothing and can be skipped.
    public static func mayHaveBlankEnds(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        func maybe(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte >= 0x80 }
        return maybe(first) || maybe(last)
    }

    /// The number of characters in `text`, as `text.count` gives it: counted by bytes when
    /// every byte is ASCII and none is a carriage return (which makes one character with a
    /// line feed after it); counted by Swift otherwise.
    public static func characterCount(_ text: String) -> Int {
        text.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") } ? text.utf8.count : text.count
    }

    /// A table of replacements for ASCII bytes, looked up by the byte's value.
    public struct Replacements: Sendable {
        fileprivate let table: [[UInt8]?]
        /// Whether each byte is replaced: looked up for every byte, so a plain flag.
        fileprivate let replaced: [Bool]

        /// The byte replaced, when it is the only one (CSV's quote): found with `memchr`.
        fileprivate let only: UInt8?

        public init(_ replacements: [UInt8: String]) {
            table = (0..<256).map { replacements[UInt8($0)].map { Array($0.utf8) } }
            replaced = (0..<256).map { replacements[UInt8($0)] != nil }
            only = replacements.count == 1 ? replacements.keys.first : nil
        }
    }

    /// `text` with every ASCII byte in `replacements` replaced by its text; other bytes kept.
    /// Runs of bytes with nothing to replace are copied whole.
    public static func replacing(_ text: String, _ replacements: Replacements) -> String {
        // Most texts have nothing to replace: they are returned as they are, with nothing copied.
        let untouched = text.utf8.withContiguousStorageIfAvailable { source in
            replacements.replaced.withUnsafeBufferPointer { replaced in !source.contains { replaced[Int($0)] } }
        }
        if untouched == true { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 64)
        append(text, replacing: replacements, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text`'s UTF-8 to `bytes` with every ASCII byte in `replacements` replaced.
    public static func append(_ text: String, replacing replacements: Replacements, to bytes: inout [UInt8]) {
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { source in
            if let only = replacements.only, let base = source.baseAddress {
                let replacement = replacements.table[Int(only)]!
                var runStart = 0
                while runStart < source.count,
                      let found = memchr(base + runStart, Int32(only), source.count - runStart) {
                    let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                    bytes.append(contentsOf: replacement)
                    runStart = index + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
                return
            }
            replacements.replaced.withUnsafeBufferPointer { replaced in
                var runStart = 0
                for index in 0..<source.count where replaced[Int(source[index])] {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                    bytes.append(contentsOf: replacements.table[Int(source[index])]!)
                    runStart = index + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
            }
        }
    }

    /// The lines of `text`, split at each line feed (as Foundation's `components(separatedBy:)`
    /// does; a Swift `Character` may hold "\r\n", so splitting by characters would not).
    public static func lines(_ text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `text` with each occurrence of `pattern` (left to right, not overlapping) replaced by
    /// `replacement`, as Foundation's `replacingOccurrences(of:with:)` does.
    public static func replacing(_ text: String, _ pattern: String, with replacement: String) -> String {
        let source = Array(text.utf8)
        let needle = Array(pattern.utf8)
        guard !needle.isEmpty, source.count >= needle.count else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if source[index] == needle[0], index + needle.count <= source.count, source[index..<(index + needle.count)].elementsEqual(needle) {
                bytes.append(contentsOf: replacement.utf8)
                index += needle.count
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
