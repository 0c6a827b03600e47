import Foundation
import Testing
import TestPostgres
@testable import Register

/// The two stores every conformance test runs on: an SQLite file, and a database of the tests'
/// own PostgreSQL server (when one could be started; CI requires it).
enum Store: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { self == .sqlite ? "SQLite" : "PostgreSQL" }

    static var tested: [Store] {
        TestPostgres.runs ? allCases : [.sqlite]
    }

    /// A new, empty register's address: a file in `folder`, or a new database.
    func newAddress(in folder: URL, name: String = "register.sqlite") throws -> URL {
        switch self {
        case .sqlite: return folder.appendingPathComponent(name)
        case .postgres:
            guard let server = TestPostgres.shared else { throw TestPostgres.Failure("no PostgreSQL server for the tests") }
            return URL(string: try server.newDatabase())!
        }
    }

    /// A new register, as the commands open one.
    func open(in folder: URL) throws -> any SQLRegister {
        try Self.open(try newAddress(in: folder), create: true)
    }

    static func open(_ url: URL, create: Bool) throws -> any SQLRegister {
        try Registers.open(url, create: create) as! any SQLRegister
    }
}
