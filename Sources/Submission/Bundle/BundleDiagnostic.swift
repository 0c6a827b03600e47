import Foundation

/// A problem with a bundle itself (as opposed to a finding about the response inside it): a
/// stable code scripts can act on, the file it concerns, what is wrong and what to do. The
/// bundle's status, and so the exit status, follows from the worst.
public struct BundleDiagnostic: Sendable, Hashable, Codable {
    /// The stable codes, documented in `svwizard guide file-formats`.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        case tooLarge = "SV-B001"
        case notAZip = "SV-B002"
        case unsafeEntry = "SV-B003"
        case zipBomb = "SV-B004"
        case zipMismatch = "SV-B005"
        case encrypted = "SV-B006"
        case checksum = "SV-B007"
        case noManifest = "SV-B010"
        case unknownVersion = "SV-B011"
        case notListed = "SV-B012"
        case fileMissing = "SV-B013"
        case fileChanged = "SV-B014"
        case fileAdded = "SV-B015"
        case notASubmission = "SV-B020"
        case breaksSchema = "SV-B021"
        case findingsDiffer = "SV-B022"
        case valuationDiffers = "SV-B023"
        case renderingChanged = "SV-B024"
        case renderingUnconfirmed = "SV-B025"
        case otherTender = "SV-B030"
        case contractDiffers = "SV-B031"
        case measureNotAdopted = "SV-B032"
        case packDiffers = "SV-B033"
        case valueDiffers = "SV-B034"

        /// What a bundle with this problem is.
        public var status: BundleReport.Status {
            switch self {
            case .findingsDiffer, .valuationDiffers, .otherTender, .contractDiffers, .measureNotAdopted, .packDiffers, .valueDiffers:
                .errors
            case .renderingUnconfirmed: .unconfirmed
            default: .unreadable
            }
        }

        /// A short title for the code's table in the guide.
        public var title: String {
            switch self {
            case .tooLarge: "The file is larger than any bundle"
            case .notAZip: "Not a zip file, or a damaged one"
            case .unsafeEntry: "An entry that is unsafe or not allowed in a bundle"
            case .zipBomb: "An entry that would expand beyond the size limits"
            case .zipMismatch: "An entry described differently in two places of the zip"
            case .encrypted: "An encrypted entry"
            case .checksum: "An entry that does not match its zip checksum or size"
            case .noManifest: "No svwizard manifest"
            case .unknownVersion: "Made by a newer svwizard"
            case .notListed: "A bundle file the manifest does not list"
            case .fileMissing: "A file the manifest lists is missing"
            case .fileChanged: "A file changed since export"
            case .fileAdded: "A file added after export"
            case .notASubmission: "No svwizard submission"
            case .breaksSchema: "submission.json breaks its published schema"
            case .findingsDiffer: "The findings claimed differ from a fresh check"
            case .valuationDiffers: "The valuation claimed differs from a fresh valuation"
            case .renderingChanged: "A readable file does not match submission.json"
            case .renderingUnconfirmed: "Made by another svwizard version; readable files or findings not confirmed"
            case .otherTender: "A response to another tender"
            case .contractDiffers: "The contract's value, length or start differs from the tender's"
            case .measureNotAdopted: "A commitment to a measure the tender did not adopt"
            case .packDiffers: "Not valued with the tender's value pack"
            case .valueDiffers: "A value per unit differs from the tender's"
            }
        }
    }

    public var code: Code
    /// The file inside the bundle concerned, when there is one.
    public var file: String?
    public var message: String
    /// What to do about it.
    public var action: String

    public init(_ code: Code, file: String? = nil, _ message: String, action: String) {
        self.code = code
        self.file = file
        self.message = message
        self.action = action
    }

    public var status: BundleReport.Status { code.status }

    enum CodingKeys: String, CodingKey { case code, file, message, action, status }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(file, forKey: .file)
        try container.encode(message, forKey: .message)
        try container.encode(action, forKey: .action)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(Code.self, forKey: .code)
        file = try container.decodeIfPresent(String.self, forKey: .file)
        message = try container.decode(String.self, forKey: .message)
        action = try container.decode(String.self, forKey: .action)
    }
}
