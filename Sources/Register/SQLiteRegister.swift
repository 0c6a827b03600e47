import Foundation
import GRDB
import SocialValue

/// The register in one SQLite file, through GRDB: write-ahead logging, every change in one
/// immediate transaction, versioned migrations (`RegisterSchema`). A file that is not an
/// svwizard register, is damaged, or was made by a newer svwizard is refused and never written to.
public final class SQLiteRegister: SQLRegister {
    public let url: URL
    private let pool: DatabasePool
    /// Registers up to this size are checked in full when opened.
    static let fullCheckLimit = 64 * 1_048_576

    /// Opens the register at `url`. With `create`, a missing file (or an empty one) becomes a
    /// new register; without it, a missing register is `RegisterError.missing`.
    public init(url: URL, create: Bool) throws {
        self.url = url
        let path = url.path
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw RegisterError(.notARegister, "\(path) is a folder, not a register. Give the register's file, such as \(path)/register.sqlite.")
        }
        if manager.fileExists(atPath: path) {
            try Self.checkExisting(url)
        } else if create {
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw RegisterError(.unwritable, "The register's folder \(url.deletingLastPathComponent().path) could not be made "
                    + "(\(error.localizedDescription)). Choose another place with --register or SVWIZARD_REGISTER.")
            }
        } else {
            throw RegisterError(.missing, "There is no register at \(path) yet. Record a contract first with svwizard contract award, "
                + "or point at the council's register with --register FILE or SVWIZARD_REGISTER.")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(15)
        configuration.foreignKeysEnabled = true
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.write { db in
                if try Int32.fetchOne(db, sql: "PRAGMA application_id") != RegisterSchema.applicationID {
                    try db.execute(sql: "PRAGMA application_id = \(RegisterSchema.applicationID)")
                }
            }
            try RegisterSchema.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    /// What a file that is not a regular file is, in words.
    private static func describe(_ type: FileAttributeType) -> String {
        switch type {
        case .typeCharacterSpecial, .typeBlockSpecial: "a device"
        case .typeSocket: "a socket"
        case .typeDirectory: "a folder"
        default: "a named pipe or another special file"
        }
    }

    /// Refuses a file that is not a register of this svwizard, before anything is written to it.
    private static func checkExisting(_ url: URL) throws {
        let path = url.path
        // A named pipe, a device or a socket would hang SQLite or be written beside (/dev/null-journal):
        // refused at once, before it is opened.
        let type = (try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)[.type]) as? FileAttributeType
        if let type, type != .typeRegular {
            throw RegisterError(.notARegister, "\(path) is not a file but \(Self.describe(type)), so it cannot be a register. Nothing was "
                + "read or written; give the register's file with --register, such as register.sqlite.")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RegisterError(.unwritable, "The register \(path) cannot be read. Check its permissions.")
        }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if header.isEmpty { return } // an empty file: nothing to lose; it becomes a register
        guard header == Data("SQLite format 3\0".utf8) else {
            throw RegisterError(.notARegister, "\(path) is not an svwizard register (it is not an SQLite database). It was left as it is; "
                + "give another file with --register, or move this one away.")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(15)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                if id != RegisterSchema.applicationID && !(id == 0 && tables == 0) {
                    throw RegisterError(.notARegister, "\(path) is an SQLite database of another program, not an svwizard register. It was "
                        + "left as it is; give another file with --register.")
                }
                // The whole file is checked when it is of a size a council's register has (a sample of
                // thousands of contracts is not checked page by page at every start; SQLite still
                // refuses any damaged page it reads).
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                let check = size <= SQLiteRegister.fullCheckLimit ? try String.fetchAll(db, sql: "PRAGMA quick_check") : ["ok"]
                if check != ["ok"] {
                    throw RegisterError(.damaged, "The register \(path) is damaged (\(check.prefix(3).joined(separator: "; "))). Nothing was "
                        + "changed. Restore it from a backup (svwizard register backup makes one).")
                }
                if tables > 0, try RegisterSchema.migrator.hasBeenSuperseded(db) {
                    throw RegisterError(.newer, "The register \(path) was made by a newer svwizard. Nothing was changed; use that version.")
                }
            }
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
    }

    static func translate(_ error: DatabaseError, path: String) -> RegisterError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return RegisterError(.busy, "The register \(path) is busy with another svwizard. Nothing was changed; try again in a moment.")
        case .SQLITE_NOTADB:
            return RegisterError(.notARegister, "\(path) is not an svwizard register (not a database). It was left as it is.")
        case .SQLITE_CORRUPT:
            return RegisterError(.damaged, "The register \(path) is damaged. Nothing was changed. Restore it from a backup.")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_FULL, .SQLITE_IOERR:
            return RegisterError(.unwritable, "The register \(path) cannot be written (\(error.message ?? "\(error.resultCode)")). Nothing was changed.")
        default:
            return RegisterError(.refused, "The register \(path) refused the change (\(error.message ?? "\(error.resultCode)")). Nothing was changed.")
        }
    }

    /// Runs `body` in one immediate transaction on the writing connection.
    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        do {
            return try pool.write { db in try body(GRDBConnection(db: db)) }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: url.path)
        }
    }

    /// Runs `body` on a reading connection, in a transaction that sees one state of the file.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        do {
            return try pool.read { db in try body(GRDBConnection(db: db)) }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: url.path)
        }
    }

    /// Runs `body` on the writing connection in a deferred transaction: temporary tables are
    /// the connection's own, and nothing else is written.
    func scratch<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try body(GRDBConnection(db: db))
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: url.path)
        }
    }

    /// Removes a register file that was being made and its companions (write-ahead log, shared
    /// memory, journal), so a failed backup or copy leaves nothing behind.
    public static func discard(_ url: URL) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
    }

    // MARK: Backup and export

    public func backup(to destination: URL) throws {
        if FileManager.default.fileExists(atPath: destination.path) {
            throw RegisterError(.refused, "\(destination.path) already exists; a backup never replaces a file. Give a new file name.")
        }
        do {
            let target = try DatabaseQueue(path: destination.path)
            try pool.backup(to: target)
            try target.close()
        } catch let error as DatabaseError {
            Self.discard(destination)
            throw Self.translate(error, path: destination.path)
        }
    }
}

/// The register's units: pence and millionths, exact.
public enum Units {
    static func pence(_ money: Money) -> Int64 { micros(money.roundedToPence * 100) / 1_000_000 }

    static func micros(_ value: Decimal) -> Int64 {
        NSDecimalNumber(decimal: DecimalText.rounded(value * 1_000_000, places: 0)).int64Value
    }

    /// Millionths as a decimal, built from its digits and exponent (no division, which is slow
    /// for Decimal and would be done millions of times in a report).
    public static func decimal(micros: Int64) -> Decimal {
        Decimal(sign: micros < 0 ? .minus : .plus, exponent: -6, significand: Decimal(micros.magnitude))
    }

    public static func money(pence: Int64) -> Money {
        Money(Decimal(sign: pence < 0 ? .minus : .plus, exponent: -2, significand: Decimal(pence.magnitude)))
    }

    static func measure(_ text: String) throws -> MeasureReference {
        guard let measure = MeasureReference(text) else { throw RegisterError(.damaged, "The register holds a measure it cannot read (\(text)). Restore it from a backup.") }
        return measure
    }

    static func day(_ text: String) throws -> Day {
        guard let day = Day(iso: text) else { throw RegisterError(.damaged, "The register holds a date it cannot read (\(text)). Restore it from a backup.") }
        return day
    }
}

/// An SQLite connection through GRDB, in whatever transaction GRDB opened.
struct GRDBConnection: SQLConnection {
    let db: Database

    var dialect: SQLDialect { .sqlite }

    private func arguments(_ arguments: SQLArguments) -> StatementArguments {
        switch arguments {
        case .positional(let values): StatementArguments(values.map(Self.databaseValue))
        case .named(let values): StatementArguments(values.mapValues(Self.databaseValue))
        }
    }

    private static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .text(let text): text.databaseValue
        }
    }

    private static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .string(let text): .text(text)
        case .double(let number): .integer(Int64(number))
        case .blob(let data): .text(String(decoding: data, as: UTF8.self))
        }
    }

    /// A statement prepared once per connection, or several run in turn.
    @discardableResult
    func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int {
        if case .positional(let values) = arguments, !values.isEmpty {
            try db.cachedStatement(sql: sql).execute(arguments: self.arguments(arguments))
        } else {
            try db.execute(sql: sql, arguments: self.arguments(arguments))
        }
        return db.changesCount
    }

    func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try each(sql, arguments) { rows.append($0) }
        return rows
    }

    func each(_ sql: String, _ arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        let columns = SQLRow.Columns(statement.columnNames)
        let cursor = try Row.fetchCursor(statement, arguments: self.arguments(arguments))
        while let row = try cursor.next() {
            try body(SQLRow(columns: columns, values: row.databaseValues.map(Self.value)))
        }
    }
}
