import Foundation
import Logging
import NIOPosix
import PostgresNIO
import SocialValue

/// The register in a PostgreSQL database, shared by everyone who may log in to it, through
/// postgres-nio. Every change is one transaction that first locks the row of the contract it
/// changes (`RegisterRows.lock`), so two contract managers importing or reviewing the same
/// contract take turns: the second waits for the first (a fraction of a second) and then sees
/// what it did, as each statement reads what is committed (READ COMMITTED). Row locks rather
/// than SERIALIZABLE with retries alone, because every change to a contract rewrites its running
/// totals: optimistic transactions on one busy contract clashed again and again (tried: eight
/// people on three contracts, one gave up after 30 tries). A transaction the server still undoes
/// (a deadlock, a serialisation failure) is run again, up to `PostgresRegister.attempts` times
/// after a short random pause. Changes to different contracts never wait for each other.
/// Reading is one REPEATABLE READ transaction: one consistent state for a whole report.
///
/// The schema (`PostgresSchema`) is the SQLite register's, with the same tables and columns,
/// so the rules in `SQLRegister` run on both and `register copy` moves every row between them.
public final class PostgresRegister: SQLRegister, @unchecked Sendable {
    public let location: PostgresLocation
    private let connection: PostgresConnection
    private let session: PostgresSession
    /// How many times a change that clashed with another is tried in all.
    static let attempts = 30

    /// Connects to the register at `location`. With `create`, an empty database becomes a
    /// register; without it, an empty one is `RegisterError.missing`. A database of another
    /// program, or a register made by a newer svwizard, is refused unchanged.
    public init(location: PostgresLocation, create: Bool) throws {
        self.location = location
        var logger = Logger(label: "svwizard.register", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical
        var configuration: PostgresConnection.Configuration
        if location.isSocket {
            configuration = .init(unixSocketPath: location.socketPath, username: location.user, password: location.password, database: location.database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            do {
                let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                tls = location.requireTLS ? .require(context) : .prefer(context)
            } catch {
                throw RegisterError(.unavailable, "An encrypted connection to \(location) could not be set up (\(error)). Nothing was changed.")
            }
            configuration = .init(host: location.host, port: location.port, username: location.user, password: location.password,
                                  database: location.database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.additionalStartupParameters = [("application_name", "svwizard")]
        do {
            connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1,
                                                        logger: logger).wait()
        } catch {
            throw Self.translate(error, location: location)
        }
        session = PostgresSession(connection: connection, logger: logger)
        do {
            try PostgresSchema.prepare(session, location: location, create: create)
        } catch {
            try? connection.close().wait()
            throw Self.translate(error, location: location)
        }
    }

    deinit {
        try? connection.close().wait()
    }

    // MARK: Transactions

    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL READ COMMITTED", retrying: true, body)
    }

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", retrying: false, body)
    }

    func scratch<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ", retrying: false, body)
    }

    private func transaction<T>(_ begin: String, retrying: Bool, _ body: (any SQLConnection) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                try session.execute(begin)
                let result = try body(session)
                try session.execute("COMMIT")
                return result
            } catch {
                _ = try? session.execute("ROLLBACK")
                if retrying, attempt < Self.attempts, Self.isClash(error) {
                    attempt += 1
                    usleep(UInt32.random(in: 5_000...(20_000 * UInt32(min(attempt, 10)))))
                    continue
                }
                throw Self.translate(error, location: location)
            }
        }
    }

    /// Whether the server undid a transaction because it clashed with another: worth trying again.
    static func isClash(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, error.code == .server, let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }

    // MARK: Backup

    /// A consistent copy of the whole shared register, as an SQLite register file at `url`
    /// (which a person can keep, open with svwizard, or copy back with `register copy`).
    public func backup(to url: URL) throws {
        if FileManager.default.fileExists(atPath: url.path) {
            throw RegisterError(.refused, "\(url.path) already exists; a backup never replaces a file. Give a new file name.")
        }
        do {
            let file = try SQLiteRegister(url: url, create: true)
            _ = try copy(into: file)
        } catch {
            SQLiteRegister.discard(url)
            throw error
        }
    }

    // MARK: Errors

    /// A problem from the server or the connection, in words for the person at the keyboard.
    static func translate(_ error: any Error, location: PostgresLocation) -> RegisterError {
        if let error = error as? RegisterError { return error }
        guard let error = error as? PSQLError else {
            return RegisterError(.unavailable, "The register at \(location) could not be reached (\(error)). Nothing was changed; check the "
                + "address and that its server is running.")
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = ShortText.inert(error.serverInfo?[.message] ?? "no reason given")
            switch state {
            case "28P01", "28000":
                return RegisterError(.unavailable, "The register's server \(location) refused the login \(location.user) (\(message)). Nothing was "
                    + "changed. Check the user name, and the password in PGPASSWORD or ~/.pgpass.")
            case "3D000":
                return RegisterError(.unavailable, "The server has no database \(location.database) (\(location)). Nothing was changed. Check the "
                    + "address; the council's IT team creates the database (README, \"Sharing the register\").")
            case "42501", "42000":
                return RegisterError(.unavailable, "The login \(location.user) may not do this in the register \(location) (\(message)). Nothing was "
                    + "changed; ask the register's administrator for the rights you need.")
            case "40001", "40P01", "55P03", "53300":
                return RegisterError(.busy, "The register \(location) is busy with other people's changes (\(message)). Nothing was changed; try again "
                    + "in a moment.")
            case "57P01", "57P02", "57P03":
                return RegisterError(.unavailable, "The register's server \(location) is shutting down or starting (\(message)). Nothing was changed; "
                    + "try again in a moment.")
            case let state where state.hasPrefix("23"):
                return RegisterError(.refused, "The register refused the change (\(message)). Nothing was changed.")
            default:
                return RegisterError(.refused, "The register \(location) refused the change (\(message)). Nothing was changed.")
            }
        case .authMechanismRequiresPassword:
            return RegisterError(.unavailable, "The register's server \(location) asks for a password for \(location.user). Nothing was changed. Put "
                + "it in PGPASSWORD or ~/.pgpass, never in the address.")
        case .sslUnsupported:
            return RegisterError(.unavailable, "The register's server \(location) does not offer an encrypted connection, and the address asks "
                + "for one (sslmode=require). Nothing was changed.")
        case .unsupportedAuthMechanism, .saslError:
            return RegisterError(.unavailable, "The register's server \(location) asks for a way of logging in svwizard does not support. Nothing "
                + "was changed; ask the council's IT team to allow password (scram-sha-256) logins.")
        default:
            return RegisterError(.unavailable, "The register's server \(location) is not answering. Nothing was changed; check that PostgreSQL is "
                + "running there and that the address is right.")
        }
    }
}

/// One PostgreSQL connection as an `SQLConnection`: statements one at a time over the extended
/// protocol, waited for on the calling thread.
final class PostgresSession: SQLConnection, @unchecked Sendable {
    let connection: PostgresConnection
    let logger: Logger
    private var cursors = 0

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    var dialect: SQLDialect { .postgres }

    private func query(_ statement: SQLStatements.Statement, _ arguments: SQLArguments) throws -> PostgresQuery {
        var bindings = PostgresBindings(capacity: statement.parameters.count)
        for parameter in statement.parameters {
            let value: SQLValue
            switch (parameter, arguments) {
            case (.position(let index), .positional(let values)) where index < values.count: value = values[index]
            case (.name(let name), .named(let values)): value = values[name] ?? .null
            default: value = .null
            }
            switch value {
            case .null: bindings.appendNull()
            case .integer(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            }
        }
        return PostgresQuery(unsafeSQL: statement.sql, binds: bindings)
    }

    private func run(_ statement: SQLStatements.Statement, _ arguments: SQLArguments) throws -> PostgresQueryResult {
        try connection.query(try query(statement, arguments), logger: logger).wait()
    }

    @discardableResult
    func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int {
        var changed = 0
        for statement in SQLStatements.split(sql) {
            changed = try run(statement, arguments).metadata.rows ?? 0
        }
        return changed
    }

    func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow] {
        guard let statement = SQLStatements.split(sql).first else { return [] }
        return try Self.rows(try run(statement, arguments).rows)
    }

    static func rows(_ result: [PostgresRow]) throws -> [SQLRow] {
        guard let first = result.first else { return [] }
        let columns = SQLRow.Columns(first.map(\.columnName))
        return try result.map { row in SQLRow(columns: columns, values: try row.map(Self.value)) }
    }

    /// Through a cursor, a thousand rows at a time (in the open transaction).
    func each(_ sql: String, _ arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        guard var statement = SQLStatements.split(sql).first else { return }
        cursors += 1
        let name = "svwizard_rows_\(cursors)"
        statement.sql = "DECLARE \(name) NO SCROLL CURSOR FOR " + statement.sql
        _ = try run(statement, arguments)
        while true {
            let batch = try Self.rows(try connection.query(PostgresQuery(unsafeSQL: "FETCH FORWARD 1000 FROM \(name)"), logger: logger).wait().rows)
            if batch.isEmpty { break }
            for row in batch { try body(row) }
        }
        try execute("CLOSE \(name)")
    }

    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8:
            return .integer(try cell.decode(Int64.self))
        case .bool:
            return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .numeric:
            let number = try cell.decode(Decimal.self)
            return .integer(NSDecimalNumber(decimal: number).int64Value)
        default:
            return .text(try cell.decode(String.self))
        }
    }
}
