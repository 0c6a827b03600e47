import Foundation

/// A supplier's delivery return for one reporting period: per committed measure, the quantity
/// delivered, the evidence kept, a short narrative and, below the profile, why and how it will
/// be recovered. Valued with the contract's £ per unit, each line rounded to the penny.
public struct DeliveryReturn: Sendable, Hashable, Codable {
    public static let schemaName = "svwizard-return"
    public static let currentSchemaVersion = 1

    public var schema: String
    public var schemaVersion: Int
    public var toolVersion: String
    public var contract: ContractIdentity
    public var period: ReportingPeriod
    /// Who prepared the return, and on which day (as they gave it, so the file is the same
    /// whenever it is written).
    public var preparedBy: String
    public var preparedOn: Day
    public var lines: [DeliveryLine]
    /// The £ delivered in the period: the sum of the lines' values.
    public var total: Money
    public var findings: [Finding]

    public init(toolVersion: String, contract: ContractTerms, period: ReportingPeriod, preparedBy: String, preparedOn: Day,
                lines: [DeliveryLine]) {
        schema = Self.schemaName
        schemaVersion = Self.currentSchemaVersion
        self.toolVersion = toolVersion
        self.contract = ContractIdentity(contract)
        self.period = period
        self.preparedBy = preparedBy
        self.preparedOn = preparedOn
        self.lines = lines
        total = lines.compactMap(\.value).reduce(.zero, +)
        findings = DeliveryChecks(contract: contract).findings(period: period, lines: lines)
    }

    /// Whether this return replaces one for the same period prepared on `other`: a return counts
    /// over one prepared before it (on the same day, the one imported last), whatever order they
    /// were imported in, so an older corrected return never displaces a newer one.
    public func replaces(preparedOn other: Day) -> Bool { preparedOn >= other }

    /// The return's file name: `REF-PERIOD.svreturn.zip`, with the reference made safe for a file name.
    public var fileName: String { Self.fileName(contract: contract.reference, period: period.id) }

    public static func fileName(contract: String, period: String) -> String { "\(safeName(contract))-\(period).svreturn.zip" }

    /// The delivery answers file's name for the same return: `REF-PERIOD.svdelivery.yaml`.
    public static func answersFileName(contract: String, period: String) -> String { "\(safeName(contract))-\(period).svdelivery.yaml" }

    /// A contract reference made safe for a file name: letters, digits, `-` and `_` kept, anything else `-`.
    public static func safeName(_ reference: String) -> String {
        String(reference.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }
}

/// Which contract a return belongs to, as the contract pack gave it.
public struct ContractIdentity: Sendable, Hashable, Codable {
    public var reference: String
    public var title: String
    public var buyer: String
    public var supplier: String
    /// The winning bid's digest: a return for a contract of the same reference awarded from
    /// another bid is refused.
    public var bundleDigest: String
    /// The values the contract is valued with (absent in returns made before they were recorded).
    public var packName: String?
    public var packEdition: String?
    public var illustrative: Bool?

    public init(_ contract: ContractTerms) {
        reference = contract.reference
        title = contract.title
        buyer = contract.buyer
        supplier = contract.supplier.name
        bundleDigest = contract.bundleDigest
        packName = contract.packName
        packEdition = contract.packEdition
        illustrative = contract.illustrative ? true : nil
    }

    /// Which values the return's £ figures use, in a sentence.
    public var valuesUsed: String { ValuesUsed.sentence(pack: packName, edition: packEdition, illustrative: illustrative == true) }
}

/// What was delivered under one measure in the period.
public struct DeliveryLine: Sendable, Hashable, Codable {
    public var measure: MeasureReference
    public var label: String
    public var unit: MeasureUnit
    /// What the schedule has due in the period.
    public var due: Quantity
    public var delivered: Quantity
    public var perUnit: Money?
    /// The delivered quantity's £, rounded to the penny; nil when unvalued.
    public var value: Money?
    public var evidence: [EvidenceItem]
    public var narrative: String
    /// Below the profile: why, and how the shortfall will be made up.
    public var shortfallReason: String?
    public var recoveryPlan: String?

    public init(commitment: ContractCommitment, due: Decimal, delivered: Decimal, evidence: [EvidenceItem], narrative: String,
                shortfallReason: String? = nil, recoveryPlan: String? = nil) {
        measure = commitment.measure
        label = commitment.label
        unit = commitment.unit
        self.due = Quantity(due)
        self.delivered = Quantity(delivered)
        perUnit = commitment.perUnit
        value = commitment.perUnit.map { ($0 * delivered).roundedToPenny }
        self.evidence = evidence
        self.narrative = narrative
        self.shortfallReason = shortfallReason
        self.recoveryPlan = recoveryPlan
    }

    public var isBelowProfile: Bool { delivered.value < due.value }
}

/// One piece of evidence: what it is, the supplier's reference for it and its date.
public struct EvidenceItem: Sendable, Hashable, Codable {
    /// `TOM1-1`: the measure and the item's number, stable for the review.
    public var id: String
    public var what: String
    public var reference: String
    public var date: Day

    public init(id: String, what: String, reference: String, date: Day) {
        self.id = id
        self.what = what
        self.reference = reference
        self.date = date
    }
}
