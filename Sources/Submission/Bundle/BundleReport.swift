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

    /// The report as `JSONEncoder.stable` writes it, written directly: `validate --json`
    /// writes one for every bundle (a test compares the two byte for byte).
    public func stableJSON() -> Data {
        var writer = StableJSONWriter()
        writer.beginObject()
        writer.key("diagnostics")
        writer.beginArray()
        for diagnostic in diagnostics {
            writer.beginObject()
            writer.field("action", diagnostic.action)
            writer.field("code", diagnostic.code.rawValue)
            if let file = diagnostic.file { writer.field("file", file) }
            writer.field("message", diagnostic.message)
            writer.field("status", diagnostic.status.rawValue)
            writer.endObject()
        }
        writer.endArray()
        writer.field("file", file)
        writer.key("findings")
        writer.beginArray()
        for finding in findings {
            writer.beginObject()
            writer.field("code", finding.code.rawValue)
            writer.field("field", finding.field)
            writer.field("hint", finding.hint)
            writer.field("message", finding.message)
            writer.field("severity", finding.severity.rawValue)
            writer.endObject()
        }
        writer.endArray()
        writer.field("status", status.rawValue)
        writer.key("tenderChecked")
        writer.bool(tenderChecked)
        writer.key("total")
        if let total { writer.string(DecimalText.plain(total.pounds)) } else { writer.null() }
        writer.key("unvalued")
        writer.beginArray()
        for quantity in unvalued {
            writer.beginObject()
            writer.field("measure", quantity.measure.rawValue)
            writer.field("total", DecimalText.plain(quantity.total))
            writer.field("unit", quantity.unit.rawValue)
            writer.endObject()
        }
        writer.endArray()
        writer.key("valued")
        writer.bool(total != nil)
        writer.endObject()
        return writer.data
    }
}
