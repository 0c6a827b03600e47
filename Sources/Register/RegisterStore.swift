import Foundation
import SocialValue

/// Where contracts, their schedules, delivery returns and reviews are kept. The commands use
/// only this protocol, and `Registers.open` picks the store from the register's address: an
/// SQLite file (`SQLiteRegister`) for one person, a PostgreSQL database (`PostgresRegister`)
/// shared by a council's contract managers or an anchor network.
public protocol RegisterStore: Sendable {
    /// Records an awarded contract with its commitments and schedule; refuses a reference already used.
    func award(_ terms: ContractTerms) throws
    func contracts() throws -> [ContractSummary]
    /// The contract, or `RegisterError.unknownContract`.
    func contract(_ reference: String) throws -> ContractTerms
    /// Imports a checked return: the same return again changes nothing; another return for the
    /// same period supersedes the current one, which is kept as history.
    func importReturn(_ document: DeliveryReturn, digest: String, on day: Day) throws -> ImportOutcome
    /// Every return of the contract, superseded ones included, by period and then import order.
    func returns(of contract: String) throws -> [StoredReturn]
    /// Records the contract manager's decisions on a return's evidence, the lines they settle,
    /// and any corrective actions agreed, in one transaction.
    func recordReview(_ review: ReturnReview) throws
    func addAssurance(_ assurance: LivingWageStatus.Assurance, contract: String) throws
    func assurances(of contract: String) throws -> [LivingWageStatus.Assurance]
    func actions(of contract: String) throws -> [CorrectiveAction]
    /// Committed, reported and validated by measure and period, aggregated by the store.
    func tracking(of contract: String, asOf: Day, rag: RAGThresholds) throws -> Tracking
    /// The report's sums for `from` to `to` (`span`: 12 or 6 when the dates are exactly one
    /// reporting year or half year, read from its running totals).
    func reportFigures(from: Day, to: Day, span: Int?, threshold: Money, localSpendMeasure: MeasureReference?) throws -> ReportFigures
    /// Each contract's measure in each period ending between `from` and `to`, one at a time.
    func reportLines(from: Day, to: Day, _ body: (ReportLine) throws -> Void) throws
    /// The council's spending by financial year, for each year that ended by `through`.
    func spendYears(through: Day, financialYearStartMonth: Int) throws -> [SocialValueReport.SpendYear]
    /// Adds published payments, leaving out any already in the register.
    func importSpend(_ payments: [SpendFile.Payment], file: String, financialYearStartMonth: Int) throws -> SpendImport
    /// Imports payments handed over one at a time as a file is read, in one transaction.
    func importSpend(file: String, financialYearStartMonth: Int,
                     produce: (_ insert: (SpendFile.Payment) throws -> Void) throws -> Void) throws -> SpendImport
    /// A consistent copy of the whole register at `url`, which must not exist.
    func backup(to url: URL) throws
    /// Everything in the register, for `register export --json`.
    func export() throws -> RegisterExport
}

/// What a spending import did.
public struct SpendImport: Sendable, Hashable {
    public var imported: Int
    public var duplicates: Int
    public var total: Money
}

/// A line of `contract list`.
public struct ContractSummary: Sendable, Hashable, Codable {
    public var reference: String
    public var title: String
    public var supplier: String
    public var directorate: String
    public var contractManager: String
    public var start: Day
    public var end: Day
    public var committedValue: Money
    /// Current (not superseded) returns imported.
    public var returns: Int
}

/// What an import did.
public enum ImportOutcome: Sendable, Hashable {
    /// A return for a period with none before.
    case added
    /// This very return was imported before: nothing changed.
    case unchanged
    /// A corrected return: the earlier one for the period, prepared on that day, is kept as history.
    case superseded(previousPreparedOn: Day)
    /// A return prepared before the one that counts for its period: kept in the history only.
    case older(currentPreparedOn: Day)
}

/// One evidence item of a stored return, with its review.
public struct ReviewedEvidence: Sendable, Hashable, Codable {
    public var measure: MeasureReference
    public var item: EvidenceItem
    public var status: EvidenceStatus
    public var reason: String?
    public var reviewedBy: String?
    public var reviewedOn: Day?
}

/// A return as the register keeps it.
public struct StoredReturn: Sendable, Hashable, Codable {
    public var id: Int64
    public var document: DeliveryReturn
    public var digest: String
    public var importedOn: Day
    /// Set when a corrected return replaced this one.
    public var supersededBy: Int64?
    public var evidence: [ReviewedEvidence]
    /// The validated quantity of each settled line.
    public var settled: [SettledLine]

    public var isCurrent: Bool { supersededBy == nil }
}

/// A line of a return the review has settled, with the quantity validated.
public struct SettledLine: Sendable, Hashable, Codable {
    public var measure: MeasureReference
    public var validated: Quantity
}

/// The whole register as JSON.
public struct RegisterExport: Sendable, Hashable, Codable {
    public struct ContractRecord: Sendable, Hashable, Codable {
        public var contract: ContractTerms
        public var returns: [StoredReturn]
        public var actions: [CorrectiveAction]
        public var assurances: [LivingWageStatus.Assurance]
    }

    public var schema = "svwizard-register-export"
    public var schemaVersion = 1
    public var contracts: [ContractRecord]
}

/// Why the register could not be used, in words for the person at the keyboard.
public struct RegisterError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case missing, notARegister, damaged, newer, busy, unknownContract, duplicate, refused, unwritable
        /// A shared register's server could not be reached, or would not let this login in or do this.
        case unavailable
    }

    public var kind: Kind
    public var description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}

/// The one place a store is chosen: a `postgresql://` address is a shared register on a
/// PostgreSQL server; anything else is an SQLite file.
public enum Registers {
    public static func open(_ url: URL, create: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> any RegisterStore {
        if isShared(url) {
            return try PostgresRegister(location: try PostgresLocation(url.absoluteString, environment: environment), create: create)
        }
        return try SQLiteRegister(url: url, create: create)
    }

    public static func isShared(_ url: URL) -> Bool { !url.isFileURL && PostgresLocation.isAddress(url.absoluteString) }

    /// The register's address for messages: a file's path, or the server's address without any password.
    public static func name(of url: URL) -> String {
        isShared(url) ? PostgresLocation.withoutPassword(url.absoluteString) : url.path
    }

    /// Copies every row of the register at `from` into the new or empty register at `to`
    /// (SQLite to PostgreSQL, or back): contracts, returns with their history and reviews,
    /// actions, assurance and spending. Returns the rows copied, by table.
    public static func copy(from: URL, to: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [String: Int] {
        guard let source = try open(from, create: false, environment: environment) as? any SQLRegister,
              let target = try open(to, create: true, environment: environment) as? any SQLRegister else {
            throw RegisterError(.refused, "These registers cannot be copied. Nothing was copied.")
        }
        return try source.copy(into: target)
    }
}
