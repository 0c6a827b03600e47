import Crypto
import Foundation

/// `manifest.json`: each file in the bundle with its size and SHA-256, and the versions of the
/// formats and the tool. A file changed, added or removed after export no longer matches it.
public struct Manifest: Sendable, Hashable, Codable {
    public static let schemaName = "svwizard-bundle-manifest"
    public static let currentSchemaVersion = 1

    public struct File: Sendable, Hashable, Codable {
        public var name: String
        public var size: Int
        public var sha256: String
    }

    public var schema: String
    public var schemaVersion: Int
    /// The version of `submission.json`'s schema.
    public var submissionSchemaVersion: Int
    public var toolVersion: String
    public var files: [File]

    public init(toolVersion: String, files: [(name: String, data: Data)]) {
        schema = Self.schemaName
        schemaVersion = Self.currentSchemaVersion
        submissionSchemaVersion = SubmissionDocument.currentSchemaVersion
        self.toolVersion = toolVersion
        self.files = files.map { File(name: $0.name, size: $0.data.count, sha256: Self.sha256($0.data)) }
    }

    /// The lower-case hexadecimal SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

/// Makes the bundle: renders every file from the submission, lists them in the manifest and
/// zips them in a fixed order with fixed timestamps, so the same draft gives the same bytes.
public enum BundleWriter {
    /// The files every bundle holds, in the order they are written.
    public static let contentFiles = ["submission.json", "commitments.csv", "response.txt", "response.md", "response.html"]
    public static let manifestFile = "manifest.json"

    /// The rendered content files for `document`.
    public static func contents(of document: SubmissionDocument) throws -> [(name: String, data: Data)] {
        [("submission.json", try document.encoded())] + readableContents(of: document)
    }

    /// The readable files made from `document` (every content file but submission.json), which
    /// `validate` makes again to compare.
    public static func readableContents(of document: SubmissionDocument) -> [(name: String, data: Data)] {
        // The sentences and figures the three written forms share are worked out once.
        let wording = ResponseWording(document)
        return [("commitments.csv", CommitmentsCSV.render(document)), ("response.txt", ResponseText.render(wording)),
                ("response.md", ResponseMarkdown.render(wording)), ("response.html", ResponseHTML.render(wording))]
    }

    /// The bundle's bytes.
    public static func bundle(_ document: SubmissionDocument) throws -> Data {
        let files = try contents(of: document)
        let manifest = Manifest(toolVersion: document.toolVersion, files: files)
        var writer = ZipWriter()
        for file in files { writer.add(name: file.name, data: file.data) }
        writer.add(name: manifestFile, data: try JSONEncoder.stable.encode(manifest) + Data("\n".utf8))
        return writer.archive()
    }
}
