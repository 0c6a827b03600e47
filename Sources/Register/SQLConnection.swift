import Foundation

/// What the register's rules ask of a database: run a statement, read its rows. The register
/// keeps only whole numbers (pence, millionths of a unit, flags) and text, so that is all a value
/// can be; SQLite (`SQLiteRegister`) and PostgreSQL (`PostgresRegister`) each answer it, and
/// `SQLRegister` holds everything the register does, written once against it.
///
/// Statements take `?` (arguments in order) or `:name` (arguments by name, which may be used
/// more than once and across the statements of one `execute`).
protocol SQLConnection {
    var dialect: SQLDialect { get }
    /// Runs one statement, or several separated by semicolons; the rows changed by the last.
    @discardableResult
    func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int
    /// The rows of one query, all of them.
    func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow]
    /// The rows of one query, one at a time, without holding them all.
    func each(_ sql: String, _ arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws
}

extension SQLConnection {
    @discardableResult
    func execute(_ sql: String) throws -> Int { try execute(sql, []) }

    func rows(_ sql: String) throws -> [SQLRow] { try rows(sql, []) }

    func row(_ sql: String, _ arguments: SQLArguments = []) throws -> SQLRow? { try rows(sql, arguments).first }

    /// The first column of every row.
    func column<T: SQLReadable>(_ sql: String, _ arguments: SQLArguments = [], as: T.Type = T.self) throws -> [T] {
        try rows(sql, arguments).map { $0[0] }
    }

    /// The first column of the first row, or nil when there is no row (or it is NULL).
    func value<T: SQLReadable>(_ sql: String, _ arguments: SQLArguments = [], as: T.Type = T.self) throws -> T? {
        try rows(sql, arguments).first.flatMap { $0[0] as T? }
    }
}

/// Where the two databases' SQL differs, in one place.
enum SQLDialect: Sendable {
    case sqlite, postgres

    /// The larger of two values (SQLite's two-argument `max`, PostgreSQL's `greatest`).
    func greatest(_ a: String, _ b: String) -> String {
        self == .sqlite ? "max(\(a), \(b))" : "greatest(\(a), \(b))"
    }

    func least(_ a: String, _ b: String) -> String {
        self == .sqlite ? "min(\(a), \(b))" : "least(\(a), \(b))"
    }

    /// Whole days from the date `from` to the date `to` (both `YYYY-MM-DD` text).
    func days(from: String, to: String) -> String {
        self == .sqlite ? "CAST(julianday(\(to)) - julianday(\(from)) AS INTEGER)" : "(CAST(\(to) AS date) - CAST(\(from) AS date))"
    }

    /// A temporary table's qualified name.
    func temporary(_ name: String) -> String {
        self == .sqlite ? "temp.\(name)" : "pg_temp.\(name)"
    }

    /// Foreign keys checked when the transaction ends, not row by row (rows copied in key order
    /// may refer to later ones).
    var deferForeignKeys: String {
        self == .sqlite ? "PRAGMA defer_foreign_keys = ON" : "SET CONSTRAINTS ALL DEFERRED"
    }

    /// Locks one contract's row until the transaction ends, so changes to the same contract are made
    /// one after another (PostgreSQL); nil for SQLite, where every change already has the whole file.
    var lockContract: String? {
        self == .sqlite ? nil : "SELECT reference FROM contract WHERE reference = ? FOR UPDATE"
    }

}

/// A value given to or read from the database.
enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
}

/// What can be given to a statement.
protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension Int64: SQLBindable { var sqlValue: SQLValue { .integer(self) } }
extension Int: SQLBindable { var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Bool: SQLBindable { var sqlValue: SQLValue { .integer(self ? 1 : 0) } }
extension String: SQLBindable { var sqlValue: SQLValue { .text(self) } }
extension SQLValue: SQLBindable { var sqlValue: SQLValue { self } }

/// A statement's arguments: in order, or by name.
enum SQLArguments: ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case positional([SQLValue])
    case named([String: SQLValue])

    init(arrayLiteral elements: (any SQLBindable)?...) {
        self = .positional(elements.map { $0?.sqlValue ?? .null })
    }

    init(dictionaryLiteral elements: (String, (any SQLBindable)?)...) {
        self = .named(Dictionary(elements.map { ($0.0, $0.1?.sqlValue ?? .null) }, uniquingKeysWith: { _, last in last }))
    }
}

/// What can be read from a column. A NULL read as a value that cannot be absent is 0 or empty
/// text (the schema's NOT NULL constraints keep that from happening).
protocol SQLReadable {
    static func read(_ value: SQLValue) -> Self?
}

extension Int64: SQLReadable {
    static func read(_ value: SQLValue) -> Int64? {
        switch value {
        case .integer(let number): number
        case .text(let text): Int64(text)
        case .null: nil
        }
    }
}

extension Int: SQLReadable {
    static func read(_ value: SQLValue) -> Int? { Int64.read(value).map { Int(truncatingIfNeeded: $0) } }
}

extension Bool: SQLReadable {
    static func read(_ value: SQLValue) -> Bool? { Int64.read(value).map { $0 != 0 } }
}

extension String: SQLReadable {
    static func read(_ value: SQLValue) -> String? {
        switch value {
        case .text(let text): text
        case .integer(let number): String(number)
        case .null: nil
        }
    }
}

/// One row of a query's result.
struct SQLRow {
    /// The columns' names, shared by every row of a result.
    final class Columns {
        let names: [String]
        let index: [String: Int]
        init(_ names: [String]) {
            self.names = names
            index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    let columns: Columns
    let values: [SQLValue]

    func value(_ name: String) -> SQLValue {
        guard let position = columns.index[name] else { return .null }
        return values[position]
    }

    subscript<T: SQLReadable>(_ name: String) -> T {
        T.read(value(name)) ?? T.read(.integer(0)) ?? T.read(.text(""))!
    }

    subscript<T: SQLReadable>(_ name: String) -> T? {
        T.read(value(name))
    }

    subscript<T: SQLReadable>(_ position: Int) -> T {
        T.read(values[position]) ?? T.read(.integer(0)) ?? T.read(.text(""))!
    }

    subscript<T: SQLReadable>(_ position: Int) -> T? {
        T.read(values[position])
    }
}

/// SQL text with `:name` arguments rewritten to PostgreSQL's `$1`, `$2`..., and `?` to the same,
/// each statement on its own (PostgreSQL's extended protocol takes one at a time). Quoted text,
/// quoted names, comments and `::` casts are left as they are.
struct SQLStatements {
    struct Statement {
        var sql: String
        /// For each `$n`, the name (or the position, for `?`) of its argument.
        var parameters: [Parameter]
    }

    enum Parameter: Hashable {
        case name(String)
        case position(Int)
    }

    static func split(_ sql: String) -> [Statement] {
        var statements: [Statement] = []
        var current = ""
        var parameters: [Parameter] = []
        var numbers: [Parameter: Int] = [:]
        var nextPosition = 0
        let characters = Array(sql.unicodeScalars)
        var index = 0
        func finish() {
            if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                statements.append(Statement(sql: current, parameters: parameters))
            }
            current = ""
            parameters = []
            numbers = [:]
        }
        func number(for parameter: Parameter) -> Int {
            if let existing = numbers[parameter] { return existing }
            parameters.append(parameter)
            numbers[parameter] = parameters.count
            return parameters.count
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "'", "\"":
                // Quoted text or a quoted name, to its closing quote (a doubled quote stays inside).
                var end = index + 1
                while end < characters.count {
                    if characters[end] == character {
                        if end + 1 < characters.count, characters[end + 1] == character { end += 2; continue }
                        break
                    }
                    end += 1
                }
                current.unicodeScalars.append(contentsOf: characters[index...min(end, characters.count - 1)])
                index = end + 1
            case "-" where index + 1 < characters.count && characters[index + 1] == "-":
                // A comment, to the end of its line.
                while index < characters.count, characters[index] != "\n" { index += 1 }
            case ";":
                finish()
                index += 1
            case "?":
                current += "$\(number(for: .position(nextPosition)))"
                nextPosition += 1
                index += 1
            case ":":
                if index + 1 < characters.count, characters[index + 1] == ":" {
                    current += "::"
                    index += 2
                } else if index + 1 < characters.count, characters[index + 1].properties.isAlphabetic || characters[index + 1] == "_" {
                    var end = index + 1
                    while end < characters.count, characters[end].properties.isAlphabetic || characters[end] == "_"
                        || ("0"..."9").contains(characters[end]) { end += 1 }
                    let name = String(String.UnicodeScalarView(characters[(index + 1)..<end]))
                    current += "$\(number(for: .name(name)))"
                    index = end
                } else {
                    current += ":"
                    index += 1
                }
            default:
                current.unicodeScalars.append(character)
                index += 1
            }
        }
        finish()
        return statements
    }
}
