import Foundation
import SocialValue

/// A questionnaire in progress: every answer given so far, where the person was, and the
/// tender it answers when that came from a tender file. Saved after every answer.
public struct Draft: Sendable, Hashable, Codable {
    /// The format's name, so other JSON files are not mistaken for drafts.
    public static let format = "svwizard-draft"
    /// The format version this build writes and reads.
    public static let currentVersion = 1

    public var format: String
    public var formatVersion: Int
    /// Which flow the answers belong to, such as `supplier-response`.
    public var flow: String
    /// The svwizard version that last saved the draft.
    public var toolVersion: String
    /// The tender from a tender file, carried in the draft so resuming needs no other file.
    public var tender: TenderSpecification?
    public var answers: AnswerSheet
    /// The key of the question to ask next, or `review`.
    public var position: String?
    /// Whether the person reached the end and finished.
    public var finished: Bool
    /// What the person had typed at a question, not yet entered, when they pressed Ctrl-C:
    /// put back on the line when that question is asked again.
    public var typed: TypedText?

    /// Text typed at a question but not entered.
    public struct TypedText: Sendable, Hashable, Codable {
        /// The question's key.
        public var question: String
        public var text: String

        public init(question: String, text: String) {
            self.question = question
            self.text = text
        }
    }

    public init(flow: String, toolVersion: String, tender: TenderSpecification?, answers: AnswerSheet = AnswerSheet(),
                position: String? = nil, finished: Bool = false) {
        self.format = Self.format
        self.formatVersion = Self.currentVersion
        self.flow = flow
        self.toolVersion = toolVersion
        self.tender = tender
        self.answers = answers
        self.position = position
        self.finished = finished
    }
}

/// Why a draft could not be opened. The file is never changed when this happens.
public struct DraftError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case missing, unreadable, notADraft, newerFormat, wrongFlow, locked, tooLarge }

    public var kind: Kind
    public var message: String

    public var description: String { message }
}

/// Reads and writes draft files. Writing is atomic (a temporary file is written, flushed to
/// disk and renamed over the draft), so a crash or `kill -9` never leaves half a draft.
public enum DraftFile {
    public static func read(_ url: URL, flow: String) throws -> Draft {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw DraftError(kind: .missing, message: "There is no draft at \(path). Check the file name, or start a new response without --resume.")
        }
        let data: Data
        do {
            data = try OutsideFile.contents(of: url, limit: OutsideFile.largestDraft, what: "draft")
        } catch {
            throw DraftError(kind: .tooLarge, message: "\(error) It has been left as it is.")
        }
        struct Header: Decodable { var format: String?; var formatVersion: Int?; var flow: String? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), header.format == Draft.format else {
            throw DraftError(kind: .notADraft, message: "\(path) is not an svwizard draft (it may be damaged). It has been left as it is; "
                + "if you have a backup copy, resume from that.")
        }
        if let version = header.formatVersion, version > Draft.currentVersion {
            throw DraftError(kind: .newerFormat, message: "\(path) was saved by a newer svwizard (draft format \(version); this one reads \(Draft.currentVersion)). "
                + "It has been left as it is: open it with the newer svwizard.")
        }
        if let other = header.flow, other != flow {
            throw DraftError(kind: .wrongFlow, message: "\(path) is a draft of \(other), not \(flow). Open it with the matching command.")
        }
        do {
            try OutsideFile.checkJSON(data, schema: "draft.schema.json", name: path, what: "draft")
        } catch {
            throw DraftError(kind: .notADraft, message: "\(error)\nThe draft has been left as it is; if you have a backup copy, resume from that.")
        }
        do {
            return try JSONDecoder().decode(Draft.self, from: data)
        } catch {
            throw DraftError(kind: .notADraft, message: "The draft \(path) is damaged (\(Self.describe(error))). It has been left as it is.")
        }
    }

    /// The draft as JSON: sorted keys, so the same answers always give the same bytes.
    public static func encode(_ draft: Draft) throws -> Data {
        try JSONEncoder.stable.encode(draft) + Data("\n".utf8)
    }

    public static func write(_ draft: Draft, to url: URL) throws {
        try AtomicFile.write(try encode(draft), to: url)
    }

    private static func describe(_ error: Error) -> String {
        if case let DecodingError.dataCorrupted(context) = error { return context.debugDescription }
        if case let DecodingError.keyNotFound(key, _) = error { return "\(key.stringValue) is missing" }
        if case let DecodingError.typeMismatch(_, context) = error { return "wrong kind of value at \(context.codingPath.map(\.stringValue).joined(separator: "."))" }
        return "\(error)"
    }
}

/// Writes a file so that it is either the old version or the new one, never half of each:
/// write a temporary file beside it, flush it to disk, rename it over the target, flush the folder.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create \(temporary.path)") }
        var written = 0
        let ok = data.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result <= 0 { return false }
                written += result
            }
            return true
        }
        guard ok, fsync(descriptor) == 0 else {
            close(descriptor)
            unlink(temporary.path)
            throw failure("cannot write \(url.path)")
        }
        close(descriptor)
        guard rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw failure("cannot save \(url.path)")
        }
        let folderDescriptor = open(folder.path, O_RDONLY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    private static func failure(_ what: String) -> NSError {
        NSError(domain: "svwizard", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(errno)))"])
    }
}
