import Foundation
import SocialValue

/// The result of checking one bundle.
public struct BundleReport: Sendable, Hashable, Encodable {
    /// How a bundle stands: the exit status follows from the worst.
    public enum Status: String, Sendable, Hashable, Codable, Comparable {
        /// Intact, and the response has no errors.
        case valid
        /// Intact, but the response has errors, its claims differ from a fresh check, or it
        /// does not match the buyer's tender.
        case errors
        /// Intact by its manifest, but made by another svwizard version whose readable files
        /// this version renders differently, so they could not be confirmed against
        /// submission.json. Never reported as valid.
        case unconfirmed
        /// Unreadable, not a bundle, of an unknown version, or changed since export.
        case unreadable

        public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int {
            switch self {
            case .valid: 0
            case .errors: 1
            case .unconfirmed: 2
            case .unreadable: 3
            }
        }
    }

    /// A measure counted by quantity because it has no £ value.
    public struct Quantity: Sendable, Hashable, Encodable {
        public var measure: MeasureReference
        public var unit: MeasureUnit
        public var total: Decimal

        enum CodingKeys: String, CodingKey { case measure, unit, total }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(measure, forKey: .measure)
            try container.encode(unit, forKey: .unit)
            try container.encode(DecimalText.plain(total), forKey: .total)
        }
    }

    public var file: String
    public var status: Status
    /// Problems with the bundle itself, each with a stable code.
    public var diagnostics: [BundleDiagnostic]
    /// The findings of a fresh check of the response.
    public var findings: [Finding]
    /// The total social value found by a fresh valuation; nil when nothing in the bundle has
    /// a £ value ("not valued", never £0) or the bundle could not be read.
    public var total: Money?
    /// The measures with no £ value, by quantity.
    public var unvalued: [Quantity]
    /// Whether the values were checked against the buyer's own tender file (`--tender`).
    public var tenderChecked: Bool

    public init(file: String, status: Status = .unreadable, diagnostics: [BundleDiagnostic] = [], findings: [Finding] = [],
                total: Money? = nil, unvalued: [Quantity] = [], tenderChecked: Bool = false) {
        self.file = file
        self.status = status
        self.diagnostics = diagnostics
        self.findings = findings
        self.total = total
        self.unvalued = unvalued
        self.tenderChecked = tenderChecked
    }

    /// The diagnostics' messages, in order.
    public var problems: [String] { diagnostics.map(\.message) }

    /// Records `diagnostic` and lowers the status to match it.
    public mutating func add(_ diagnostic: BundleDiagnostic) {
        diagnostics.append(diagnostic)
        status = max(status, diagnostic.status)
    }

    enum CodingKeys: String, CodingKey { case file, status, diagnostics, findings, total, valued, unvalued, tenderChecked }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(status, forKey: .status)
        try container.encode(diagnostics, forKey: .diagnostics)
        try container.encode(findings, forKey: .findings)
        try container.encode(total, forKey: .total)
        try container.encode(total != nil, forKey: .valued)
        try container.encode(unvalued, forKey: .unvalued)
        try container.encode(tenderChecked, forKey: .tenderChecked)
    }
}
