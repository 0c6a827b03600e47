import Foundation

/// Checks a zip's own structure before any entry is read: every central directory entry has
/// a local header where it says, with the same name, the same compression method, and no
/// encryption. Python's zipfile refuses a name that differs between the two and `unzip` warns;
/// a reader that trusted only one of them could be shown one file and check another.
enum ZipStructure {
    private static let endSignature: UInt32 = 0x0605_4B50
    private static let centralSignature: UInt32 = 0x0201_4B50
    private static let localSignature: UInt32 = 0x0403_4B50

    /// The problems found, each naming the entry; empty when the structure is sound.
    static func problems(in data: Data) -> [BundleDiagnostic] {
        // Read in place: a bundle is up to 50 MB, and only its headers are looked at.
        data.withUnsafeBytes { raw in problems(in: raw.bindMemory(to: UInt8.self)) }
    }

    private static func problems(in bytes: UnsafeBufferPointer<UInt8>) -> [BundleDiagnostic] {
        func problem(_ code: BundleDiagnostic.Code, _ file: String?, _ message: String) -> BundleDiagnostic {
            BundleDiagnostic(code, file: file, message, action: BundleReadError.action)
        }
        guard let end = endRecord(bytes) else { return [problem(.notAZip, nil, "its end record is missing (the file is damaged or cut short)")] }
        var problems: [BundleDiagnostic] = []
        let intact = walkDirectory(bytes, end: end) { record in
            let name = Array(record.name)
            let shown = BundleReader.printable(String(decoding: name, as: UTF8.self))
            if let mismatch = localProblem(bytes, at: record.local, name: name, method: record.method, shown: shown) {
                problems.append(problem(.zipMismatch, shown, mismatch))
            } else if record.flags & 0x0001 != 0 || le16(bytes, record.local + 6) & 0x0001 != 0 {
                problems.append(problem(.encrypted, shown, "the entry \"\(shown)\" is encrypted; a bundle is never encrypted"))
            }
        }
        return intact ? problems : problems + [problem(.notAZip, nil, "its list of entries is damaged")]
    }

    /// Where each stored (uncompressed) entry's bytes are in `data`, by name, as its central
    /// directory and local header say. Entries that are compressed, too large for the classic
    /// zip fields, or whose bytes would run past the end are left out (they are read the
    /// ordinary way, which reports any damage). Call only after `problems(in:)` found none.
    static func storedRanges(in data: Data) -> [String: Range<Int>] {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var ranges: [String: Range<Int>] = [:]
            guard let end = endRecord(bytes) else { return ranges }
            _ = walkDirectory(bytes, end: end) { record in
                let local = record.local
                guard record.method == 0, record.compressedSize == record.uncompressedSize, record.compressedSize != 0xFFFF_FFFF,
                      local + 30 <= bytes.count else { return }
                let start = local + 30 + Int(le16(bytes, local + 26)) + Int(le16(bytes, local + 28))
                let count = Int(record.compressedSize)
                if start + count <= bytes.count { ranges[String(decoding: record.name, as: UTF8.self)] = start..<(start + count) }
            }
            return ranges
        }
    }

    /// One entry of the central directory: what it says of the entry, its name's bytes.
    private struct DirectoryRecord {
        var flags: UInt16
        var method: UInt16
        var compressedSize: UInt32
        var uncompressedSize: UInt32
        var name: UnsafeBufferPointer<UInt8>
        /// Where the entry's local header is.
        var local: Int
    }

    /// Gives `visit` each central directory record in order; false when the directory is
    /// damaged (a record cut short or without its signature), after the records before it.
    private static func walkDirectory(_ bytes: UnsafeBufferPointer<UInt8>, end: Int, _ visit: (DirectoryRecord) -> Void) -> Bool {
        var offset = Int(le32(bytes, end + 16))
        for _ in 0..<Int(le16(bytes, end + 10)) {
            guard offset + 46 <= bytes.count, le32(bytes, offset) == centralSignature else { return false }
            let nameLength = Int(le16(bytes, offset + 28))
            guard offset + 46 + nameLength <= bytes.count else { return false }
            visit(DirectoryRecord(flags: le16(bytes, offset + 8), method: le16(bytes, offset + 10), compressedSize: le32(bytes, offset + 20),
                                  uncompressedSize: le32(bytes, offset + 24),
                                  name: UnsafeBufferPointer(rebasing: bytes[(offset + 46)..<(offset + 46 + nameLength)]),
                                  local: Int(le32(bytes, offset + 42))))
            offset += 46 + nameLength + Int(le16(bytes, offset + 30)) + Int(le16(bytes, offset + 32))
        }
        return true
    }

    private static func localProblem(_ bytes: UnsafeBufferPointer<UInt8>, at local: Int, name: [UInt8], method: UInt16, shown: String) -> String? {
        guard local + 30 <= bytes.count, le32(bytes, local) == localSignature else {
            return "the entry \"\(shown)\" has no local header where the zip's directory says"
        }
        let localNameLength = Int(le16(bytes, local + 26))
        guard local + 30 + localNameLength <= bytes.count else {
            return "the entry \"\(shown)\" has a damaged local header"
        }
        if Array(bytes[(local + 30)..<(local + 30 + localNameLength)]) != name {
            let other = BundleReader.printable(String(decoding: bytes[(local + 30)..<(local + 30 + localNameLength)], as: UTF8.self))
            return "the entry \"\(shown)\" is named \"\(other)\" in its local header; the two names must be the same"
        }
        if le16(bytes, local + 8) != method {
            return "the entry \"\(shown)\" gives two different compression methods"
        }
        return nil
    }

    /// The offset of the end-of-central-directory record, searched for from the end (a zip
    /// comment of up to 65,535 bytes may follow it).
    private static func endRecord(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 65_535)
        var offset = bytes.count - 22
        while offset >= lowest {
            if le32(bytes, offset) == endSignature { return offset }
            offset -= 1
        }
        return nil
    }

    private static func le16(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt16 {
        guard offset >= 0, offset + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func le32(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
