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
        let count = Int(le16(bytes, end + 10))
        var offset = Int(le32(bytes, end + 16))
        var problems: [BundleDiagnostic] = []
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, le32(bytes, offset) == centralSignature else {
                return problems + [problem(.notAZip, nil, "its list of entries is damaged")]
            }
            let flags = le16(bytes, offset + 8)
            let method = le16(bytes, offset + 10)
            let nameLength = Int(le16(bytes, offset + 28))
            let extraLength = Int(le16(bytes, offset + 30))
            let commentLength = Int(le16(bytes, offset + 32))
            let local = Int(le32(bytes, offset + 42))
            guard offset + 46 + nameLength <= bytes.count else { return problems + [problem(.notAZip, nil, "its list of entries is damaged")] }
            let name = Array(bytes[(offset + 46)..<(offset + 46 + nameLength)])
            let shown = BundleReader.printable(String(decoding: name, as: UTF8.self))
            if let mismatch = localProblem(bytes, at: local, name: name, method: method, shown: shown) {
                problems.append(problem(.zipMismatch, shown, mismatch))
            } else if flags & 0x0001 != 0 || le16(bytes, local + 6) & 0x0001 != 0 {
                problems.append(problem(.encrypted, shown, "the entry \"\(shown)\" is encrypted; a bundle is never encrypted"))
            }
            offset += 46 + nameLength + extraLength + commentLength
        }
        return problems
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
            var offset = Int(le32(bytes, end + 16))
            for _ in 0..<Int(le16(bytes, end + 10)) {
                guard offset + 46 <= bytes.count, le32(bytes, offset) == centralSignature else { break }
                let method = le16(bytes, offset + 10)
                let compressed = le32(bytes, offset + 20)
                let uncompressed = le32(bytes, offset + 24)
                let nameLength = Int(le16(bytes, offset + 28))
                let extraLength = Int(le16(bytes, offset + 30))
                let commentLength = Int(le16(bytes, offset + 32))
                let local = Int(le32(bytes, offset + 42))
                guard offset + 46 + nameLength <= bytes.count else { break }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(offset + 46)..<(offset + 46 + nameLength)]), as: UTF8.self)
                if method == 0, compressed == uncompressed, compressed != 0xFFFF_FFFF, local + 30 <= bytes.count {
                    let start = local + 30 + Int(le16(bytes, local + 26)) + Int(le16(bytes, local + 28))
                    if start + Int(compressed) <= bytes.count { ranges[name] = start..<(start + Int(compressed)) }
                }
                offset += 46 + nameLength + extraLength + commentLength
            }
            return ranges
        }
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
