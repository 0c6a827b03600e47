import Foundation
import SocialValue
import ZIPFoundation

/// Why a bundle could not be read safely. Nothing from such a bundle is trusted or written.
public struct BundleReadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostics: [BundleDiagnostic]

    public init(_ diagnostics: [BundleDiagnostic]) { self.diagnostics = diagnostics }

    init(_ code: BundleDiagnostic.Code, file: String? = nil, _ message: String) {
        self.init([BundleDiagnostic(code, file: file, message, action: Self.action)])
    }

    /// What to do about any bundle that cannot be read safely.
    static let action = "Ask the supplier for the bundle as svwizard export made it; do not open this one with other tools."

    public var description: String { diagnostics.map(\.message).joined(separator: "\n") }
}

/// Reads a bundle's files into memory, refusing anything hostile or odd before it is used:
/// entries whose names climb out (`..`), are absolute, are not UTF-8 or repeat; links and
/// folders; too many entries; entries too large, or compressed so hard they would expand into
/// far more than they take (zip bombs). Sizes are enforced while reading, not only as declared.
public enum BundleReader {
    public static let maximumBundleBytes = 50 * 1024 * 1024
    public static let maximumEntries = 16
    public static let maximumEntryBytes = 20 * 1024 * 1024
    public static let maximumTotalBytes = 40 * 1024 * 1024
    public static let maximumCompressionRatio: UInt64 = 100

    /// The files in `data`, by name.
    public static func files(in data: Data) throws -> [String: Data] {
        guard data.count <= maximumBundleBytes else {
            throw BundleReadError(.tooLarge, "it is \(data.count / 1_048_576) MB, larger than any bundle svwizard makes (limit \(maximumBundleBytes / 1_048_576) MB)")
        }
        guard data.count >= 22, data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]) || data.prefix(4) == Data([0x50, 0x4B, 0x05, 0x06]) else {
            throw BundleReadError(.notAZip, "it is not a zip file, so it is not an svwizard bundle")
        }
        let structural = ZipStructure.problems(in: data)
        guard structural.isEmpty else { throw BundleReadError(structural) }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw BundleReadError(.notAZip, "it is not a readable zip file (it may be damaged or cut short)")
        }
        let entries = Array(archive)
        guard entries.count <= maximumEntries else {
            throw BundleReadError(.unsafeEntry, "it holds \(entries.count) entries; a bundle has \(BundleWriter.contentFiles.count + 1)")
        }
        var problems: [BundleDiagnostic] = []
        var names: Set<String> = []
        for entry in entries {
            if let (code, message) = problem(with: entry) {
                problems.append(BundleDiagnostic(code, file: printable(entry.path(using: .utf8)), message, action: BundleReadError.action))
            }
            if !names.insert(entry.path(using: .utf8)).inserted {
                problems.append(BundleDiagnostic(.unsafeEntry, file: printable(entry.path(using: .utf8)),
                                                 "the name \"\(printable(entry.path(using: .utf8)))\" appears twice", action: BundleReadError.action))
            }
        }
        guard problems.isEmpty else { throw BundleReadError(problems) }
        var files: [String: Data] = [:]
        var total = 0
        // Stored entries (all of a bundle svwizard made) are taken straight from the zip's bytes,
        // as slices of them: nothing is copied.
        let stored = ZipStructure.storedRanges(in: data)
        for entry in entries {
            let name = entry.path(using: .utf8)
            let content: Data
            let checksum: UInt32
            if !entry.isCompressed, let range = stored[name], UInt64(range.count) == entry.uncompressedSize {
                total += range.count
                guard range.count <= maximumEntryBytes, total <= maximumTotalBytes else { throw bomb(name) }
                content = data[(data.startIndex + range.lowerBound)..<(data.startIndex + range.upperBound)]
            } else {
                content = try extract(entry, named: name, from: archive, total: &total)
            }
            checksum = CRC32.checksum(content)
            guard UInt64(content.count) == entry.uncompressedSize else {
                throw BundleReadError(.checksum, file: name, "\(name) is not the size its zip header declares")
            }
            guard checksum == entry.checksum else {
                throw BundleReadError(.checksum, file: name, "\(name) does not match its zip checksum (CRC-32): the bundle is damaged")
            }
            files[name] = content
        }
        return files
    }

    private struct LimitExceeded: Error {}

    private static func bomb(_ name: String) -> BundleReadError {
        BundleReadError(.zipBomb, file: name, "\(name) expands beyond the size limit (it may be a zip bomb)")
    }

    /// An entry read through ZIPFoundation (a compressed one, or one the zip's own records do
    /// not place plainly), its size limited as it is read.
    private static func extract(_ entry: Entry, named name: String, from archive: Archive, total: inout Int) throws -> Data {
        var content = Data()
        var count = total
        do {
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                content.append(chunk)
                count += chunk.count
                if content.count > maximumEntryBytes || count > maximumTotalBytes { throw LimitExceeded() }
            }
        } catch is LimitExceeded {
            throw bomb(name)
        } catch {
            throw BundleReadError(.notAZip, file: name, "\(name) cannot be read (the bundle is damaged)")
        }
        total = count
        return content
    }

    /// What is wrong with an entry before any of it is read, or nil.
    static func problem(with entry: Entry) -> (BundleDiagnostic.Code, String)? {
        let utf8 = entry.path(using: .utf8)
        let name = printable(utf8)
        // ZIPFoundation gives an empty name when the bytes are not valid UTF-8.
        if utf8.isEmpty || utf8.contains("\u{FFFD}") {
            return (.unsafeEntry, "an entry's name is empty or not valid UTF-8")
        }
        if utf8.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return (.unsafeEntry, "the entry \"\(name)\" has control characters in its name")
        }
        if utf8.hasPrefix("/") || utf8.hasPrefix("\\") || (utf8.count > 1 && utf8.dropFirst().hasPrefix(":")) {
            return (.unsafeEntry, "the entry \"\(name)\" has an absolute path")
        }
        if utf8.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") {
            return (.unsafeEntry, "the entry \"\(name)\" climbs out of the bundle with \"..\"")
        }
        switch entry.type {
        case .symlink: return (.unsafeEntry, "the entry \"\(name)\" is a link")
        case .directory: return (.unsafeEntry, "the entry \"\(name)\" is a folder; a bundle holds only files")
        case .file: break
        }
        if entry.uncompressedSize > UInt64(maximumEntryBytes) {
            return (.zipBomb, "the entry \"\(name)\" is \(entry.uncompressedSize) bytes, over the \(maximumEntryBytes / 1_048_576) MB limit")
        }
        if entry.isCompressed && entry.uncompressedSize > 1_048_576
            && entry.uncompressedSize / max(entry.compressedSize, 1) > maximumCompressionRatio {
            return (.zipBomb, "the entry \"\(name)\" is compressed more than \(maximumCompressionRatio) to 1 (a zip bomb)")
        }
        return nil
    }

    /// A name made safe to print: control characters shown as `?`, long names shortened.
    static func printable(_ name: String) -> String { ShortText.shortened(name, limit: 77) }
}
