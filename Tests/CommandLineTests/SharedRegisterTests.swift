import Foundation
import Testing
import TestPostgres

/// svwizard on a shared register (PostgreSQL), run as a program: what a person sees when the
/// server is down, the password is wrong, the database is another program's or the login has no
/// rights; and an import killed part-way.
@Suite("A shared register, run as a program", .enabled(if: TestPostgres.runs))
struct SharedRegisterTests {
    let runner = BinaryRunner()
    var server: TestPostgres { TestPostgres.shared! }

    /// The database part of an address made by `TestPostgres.newDatabase`.
    func database(of address: String) -> String {
        String(address.components(separatedBy: "@/")[1].split(separator: "?").first!)
    }

    /// One sentence (wrapped at 80 columns), saying nothing was changed, and never a password.
    func expectOneSentence(_ result: BinaryRunner.Result, status: Int32, saying words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, "\(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
        let text = result.stderr.flattened
        #expect(text.contains(words), "\(text)", sourceLocation: sourceLocation)
        #expect(text.hasPrefix("svwizard: ") && text.components(separatedBy: ". ").count <= 5, "\(text)", sourceLocation: sourceLocation)
        #expect(!text.contains("secret") && !text.contains("PSQLError") && !text.contains("Error("), "\(text)", sourceLocation: sourceLocation)
    }

    @Test("a server that is down, a wrong password, a password in the address, a database of another program, a login without rights: one sentence each, nothing written")
    func badAddresses() throws {
        let register = try server.newDatabase()
        let name = database(of: register)
        // An empty database is not a register until something is recorded in it.
        expectOneSentence(try runner.run(["contract", "list", "--register", register]), status: 1, saying: "has no register in it yet")
        let first = try runner.run(["spend", "import", "spend.csv", "--register", register], directory: try spendFile(rows: 3, prefix: "F"))
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        try server.sql("CREATE ROLE clerk_\(name) LOGIN PASSWORD 'secret'; GRANT CONNECT ON DATABASE \(name) TO clerk_\(name)")
        let clerk = server.address(database: name, user: "clerk_\(name)")

        expectOneSentence(try runner.run(["contract", "list", "--register", "postgresql://svwizard@/\(name)?host=/nonexistent/socket"]), status: 5,
                          saying: "is not answering. Nothing was changed")
        expectOneSentence(try runner.run(["contract", "list", "--register", clerk], extraEnvironment: ["PGPASSWORD": "wrong"]), status: 5,
                          saying: "refused the login clerk_\(name)")
        expectOneSentence(try runner.run(["contract", "list", "--register", clerk], extraEnvironment: ["PGPASSFILE": "/nonexistent"]), status: 5,
                          saying: "asks for a password")
        expectOneSentence(try runner.run(["contract", "list", "--register", clerk.replacingOccurrences(of: "@", with: ":secret@")]), status: 1,
                          saying: "holds a password")
        expectOneSentence(try runner.run(["contract", "list", "--register", server.address(database: "no_such_database")]), status: 5,
                          saying: "has no database no_such_database")
        // Logged in, but with no rights on the register's tables: refused, and the register unchanged.
        let award = try runner.run(["spend", "import", "spend.csv", "--register", clerk], extraEnvironment: ["PGPASSWORD": "secret"],
                                   directory: try spendFile(rows: 3, prefix: "R"))
        expectOneSentence(award, status: 5, saying: "may not do this in the register")
        #expect(try server.sql("SELECT count(*) FROM spend_payment", database: name).trimmingCharacters(in: .whitespacesAndNewlines) == "3")

        // Another program's database is left exactly as it was.
        let other = try server.newDatabase()
        try server.sql("CREATE TABLE invoices (id integer)", database: database(of: other))
        expectOneSentence(try runner.run(["contract", "list", "--register", other]), status: 2, saying: "holds another program's tables")
        let tables = try server.sql("SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'", database: database(of: other))
        #expect(tables.trimmingCharacters(in: .whitespacesAndNewlines) == "invoices")
    }

    /// A folder holding spend.csv: `rows` payments whose references start with `prefix`.
    func spendFile(rows: Int, prefix: String) throws -> URL {
        let folder = runner.home.appendingPathComponent("spend-\(prefix)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var text = "Payment Date,Supplier Name,Expense Type,Amount,Transaction Number\n"
        for row in 0..<rows { text += "01/04/2025,Supplier \(row % 40) Ltd,Repairs,\(100 + row).00,\(prefix)\(row)\n" }
        try text.write(to: folder.appendingPathComponent("spend.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test("spend import killed with kill -9 twenty times part-way: each file is wholly in the register or wholly out")
    func killedImports() throws {
        let register = try server.newDatabase()
        let name = database(of: register)
        let rows = 2_000
        var expected = 0
        var whole = 0, none = 0
        for attempt in 0..<20 {
            let folder = try spendFile(rows: rows, prefix: "K\(attempt)-")
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = ["spend", "import", "spend.csv", "--register", register]
            process.currentDirectoryURL = folder
            process.environment = runner.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 100_000...1_800_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let count = Int(try server.sql("SELECT count(*) FROM spend_payment", database: name).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
            #expect(count == expected || count == expected + rows, "after kill \(attempt + 1): \(count) rows, expected \(expected) or \(expected + rows)")
            if count == expected + rows { whole += 1 } else { none += 1 }
            expected = count
        }
        // Both outcomes happened, so the kills really fell part-way through some imports.
        #expect(none > 0, "every import had finished before it was killed: \(whole) whole")
    }
}
