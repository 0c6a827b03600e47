import BundledData
import Foundation
import SocialValue

/// Why a file from outside (a tender file, a draft, an answers file, a submission) was
/// refused before any of it was used. Its text names the file and the field.
public struct OutsideFileError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case missing, tooLarge, unreadable, invalid }

    public var kind: Kind
    public var description: String

    public init(_ description: String, kind: Kind = .invalid) {
        self.kind = kind
        self.description = description
    }
}

/// The published JSON Schemas (`Questionnaires/schemas/`), as built into svwizard. They are
/// the formats' contract, so they always come from the binary, never from `--data`.
public enum PublishedSchemas {
    /// The schemas, or the reason they cannot be used (a bug the tests catch).
    public static let loaded: Result<SchemaSet, SchemaDefinitionError> = {
        let prefix = "Questionnaires/schemas/"
        var texts: [String: String] = [:]
        for (path, text) in BundledFiles.all where path.hasPrefix(prefix) && path.hasSuffix(".schema.json") {
            texts[String(path.dropFirst(prefix.count))] = text
        }
        return Result { try SchemaSet(schemas: texts) }.mapError { $0 as? SchemaDefinitionError ?? SchemaDefinitionError(description: "\($0)") }
    }()

    /// The schemas, or an error that says svwizard itself is at fault.
    public static func set() throws -> SchemaSet {
        switch loaded {
        case let .success(set): return set
        case let .failure(error): throw OutsideFileError("svwizard's own published schemas cannot be used (\(error)); this is a bug in svwizard.")
        }
    }
}

/// Reads files that come from outside svwizard's own hands, checking before any work that
/// grows with what they say: their size before reading, then their shape and every limit of
/// their published schema (types, ranges, lengths, unknown fields) before decoding.
public enum OutsideFile {
    /// The largest file of each kind svwizard reads.
    public static let largestTender = 1_048_576
    public static let largestDraft = 4 * 1_048_576
    public static let largestAnswers = 1_048_576
    public static let largestValuePack = 1_048_576

    /// The file's bytes, refusing it first if it is larger than `limit` (by its size on disk,
    /// so a huge file is never read into memory).
    public static func contents(of url: URL, limit: Int, what: String) throws -> Data {
        let size = try checkedSize(url, limit: limit, what: what)
        guard let data = read(url.path, expected: size, limit: limit) else {
            throw OutsideFileError("The \(what) \(url.path) cannot be read. Check that you may read it.", kind: .unreadable)
        }
        guard data.count <= limit else {
            throw OutsideFileError("\(url.lastPathComponent) is larger than any \(what) (the limit is \(Self.size(limit))).", kind: .tooLarge)
        }
        return data
    }

    /// The size of the regular file at `url`, refusing it when there is none, it is not a regular
    /// file (a folder, a FIFO, a device) or it is larger than `limit`: before any of it is read.
    static func checkedSize(_ url: URL, limit: Int, what: String) throws -> Int {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            throw OutsideFileError("There is no \(what) at \(url.path). Check the file name.", kind: .missing)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw OutsideFileError("\(url.path) is not a file, so it cannot be the \(what).", kind: .unreadable)
        }
        guard Int(info.st_size) <= limit else {
            throw OutsideFileError("\(url.lastPathComponent) is \(Self.size(Int(info.st_size))), larger than any \(what) "
                + "(the limit is \(Self.size(limit))). Check that it is the right file.", kind: .tooLarge)
        }
        return Int(info.st_size)
    }

    /// Reads the file in pieces of `piece` bytes, handing each to `body`, after the same checks as
    /// `contents(of:limit:what:)` (a regular file, no larger than `limit`): memory holds one piece
    /// whatever the file's size.
    public static func pieces(of url: URL, limit: Int, what: String, piece: Int = 1_048_576,
                              _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        _ = try checkedSize(url, limit: limit, what: what)
        let file = open(url.path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else {
            throw OutsideFileError("The \(what) \(url.path) cannot be read. Check that you may read it.", kind: .unreadable)
        }
        defer { close(file) }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: piece, alignment: 8)
        defer { buffer.deallocate() }
        var total = 0
        while true {
            let got = Foundation.read(file, buffer, piece)
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else {
                throw OutsideFileError("The \(what) \(url.path) cannot be read. Check that you may read it.", kind: .unreadable)
            }
            if got == 0 { return }
            total += got
            guard total <= limit else {
                throw OutsideFileError("\(url.lastPathComponent) is larger than any \(what) (the limit is \(Self.size(limit))).", kind: .tooLarge)
            }
            try body(UnsafeRawBufferPointer(start: buffer, count: got))
        }
    }

    /// The file's bytes, read straight into one buffer of the size the file had when it was
    /// looked at (and one byte more, to notice a file that has grown since); at most
    /// `limit` + 1 bytes. Nil if it cannot be opened or read.
    private static func read(_ path: String, expected: Int, limit: Int) -> Data? {
        let file = open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var capacity = min(max(expected, 0), limit) + 1
        guard var buffer = malloc(capacity) else { return nil }
        var count = 0
        while true {
            if count == capacity {
                // Larger than when it was looked at: room for up to the limit and one byte more.
                guard capacity < limit + 1, let larger = realloc(buffer, limit + 1) else { break }
                buffer = larger
                capacity = limit + 1
            }
            let got = Foundation.read(file, buffer + count, capacity - count)
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else {
                free(buffer)
                return nil
            }
            if got == 0 { break }
            count += got
        }
        return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
    }

    /// Checks JSON `data` against the published schema `schema`; throws naming the file
    /// (`name`) and each field that breaks it (at most ten).
    public static func checkJSON(_ data: Data, schema: String, name: String, what: String) throws {
        let value: JSONValue
        do {
            value = try JSONValue.parse(data)
        } catch {
            throw OutsideFileError("\(name) is not a \(what) svwizard can read: it is not valid JSON (it may be damaged or cut short).")
        }
        try check(value, schema: schema, name: name, what: what)
    }

    /// Checks a parsed document against the published schema `schema`.
    public static func check(_ value: JSONValue, schema: String, name: String, what: String) throws {
        let violations = try PublishedSchemas.set().violations(of: value, against: schema, limit: 11)
        guard !violations.isEmpty else { return }
        let shown = violations.prefix(10).map { "  \($0)" }.joined(separator: "\n")
        let more = violations.count > 10 ? "\n  and more" : ""
        throw OutsideFileError("\(name) does not follow the \(what) format (Questionnaires/schemas/\(schema)), so it was not used:\n"
            + shown + more)
    }

    /// A size in plain words: bytes, KB, MB or GB.
    public static func size(_ bytes: Int) -> String {
        switch bytes {
        case ..<1024: "\(bytes) bytes"
        case ..<1_048_576: "\(bytes / 1024) KB"
        case ..<1_073_741_824: "\(bytes / 1_048_576) MB"
        default: "\(DecimalText.grouped(Decimal(bytes) / 1_073_741_824, places: 1)) GB"
        }
    }
}
