import Foundation

/// A throwaway PostgreSQL server for the tests: `initdb` in a temporary folder, listening on a
/// Unix socket there and on no TCP port, stopped when the test process ends. PostgreSQL will not
/// run as root, so under root (CI) the server runs as the `postgres` user (Debian's package
/// makes it), else as `nobody`. Each test asks for its own database (`newDatabase`).
///
/// On a machine without PostgreSQL the server is nil and the PostgreSQL half of the tests is
/// not run (one line says so); with `SVWIZARD_TEST_POSTGRES=required` (CI sets it) it must run.
public final class TestPostgres: @unchecked Sendable {
    /// The superuser the tests log in as, without a password (trusted on the socket).
    public static let superuser = "svwizard"

    public let folder: URL
    public let socketFolder: String
    private let binaries: URL
    private let lock = NSLock()
    private var databases = 0

    public static let shared: TestPostgres? = {
        do {
            let server = try TestPostgres()
            atexit { TestPostgres.shared?.stop() }
            return server
        } catch {
            let required = ProcessInfo.processInfo.environment["SVWIZARD_TEST_POSTGRES"] == "required"
            let line = "The PostgreSQL half of the register tests was not run: \(error). Install PostgreSQL (Debian: apt install postgresql) "
                + "and run swift test again; CI always runs it."
            FileHandle.standardError.write(Data((line + "\n").utf8))
            if required { fatalError("SVWIZARD_TEST_POSTGRES=required, but " + line) }
            return nil
        }
    }()

    /// Whether the PostgreSQL half of the tests runs: when a server could be started, and always
    /// where it is required (there a missing server fails the run).
    public static var runs: Bool { ProcessInfo.processInfo.environment["SVWIZARD_TEST_POSTGRES"] == "required" || shared != nil }

    init() throws {
        guard let binaries = Self.findBinaries() else {
            throw Failure("no PostgreSQL server programs (initdb, pg_ctl) were found")
        }
        self.binaries = binaries
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("svwizard-pg-\(UUID().uuidString.prefix(8))")
        socketFolder = folder.appendingPathComponent("socket").path
        try FileManager.default.createDirectory(atPath: socketFolder, withIntermediateDirectories: true)
        let owner = Self.serverUser()
        if let owner {
            _ = try Self.run("/bin/chown", ["-R", "\(owner):", folder.path])
        }
        let data = folder.appendingPathComponent("data").path
        try runAsServer(owner, "initdb", ["-D", data, "-U", Self.superuser, "--auth-local=trust", "--auth-host=reject", "-E", "UTF8",
                                          "--locale=C", "--no-sync"])
        // The tests' superuser is trusted on the socket; every other login needs its password.
        let hba = "local all \(Self.superuser) trust\nlocal all all scram-sha-256\n"
        try hba.write(toFile: data + "/pg_hba.conf", atomically: true, encoding: .utf8)
        if let owner { _ = try Self.run("/bin/chown", ["\(owner):", data + "/pg_hba.conf"]) }
        try runAsServer(owner, "pg_ctl", ["-D", data, "-l", folder.appendingPathComponent("server.log").path, "-w", "-t", "60", "-o",
                                          "-k \(socketFolder) -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                                          + "-c max_connections=100 -c unix_socket_permissions=0777", "start"])
    }

    public func stop() {
        _ = try? runAsServer(Self.serverUser(), "pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: folder)
    }

    /// A new, empty database's address, for one test.
    public func newDatabase() throws -> String {
        let name = lock.withLock { () -> String in
            databases += 1
            return "t\(databases)_\(UUID().uuidString.prefix(8).lowercased())"
        }
        try sql("CREATE DATABASE \(name)")
        return address(database: name)
    }

    /// The address of `database` for `user` (the superuser when none is given).
    public func address(database: String, user: String = TestPostgres.superuser) -> String {
        "postgresql://\(user)@/\(database)?host=\(socketFolder)"
    }

    /// Runs SQL with psql, as the superuser (or `user`, with `password`), in `database`; what it printed.
    @discardableResult
    public func sql(_ statements: String, database: String = "postgres", user: String = TestPostgres.superuser, password: String? = nil) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = password
        return try Self.run("/usr/bin/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", socketFolder, "-U", user, "-d", database,
                                              "-c", statements], environment: environment)
    }

    private func runAsServer(_ owner: String?, _ program: String, _ arguments: [String]) throws {
        let path = binaries.appendingPathComponent(program).path
        if let owner {
            _ = try Self.run("/usr/sbin/runuser", ["-u", owner, "--", path] + arguments)
        } else {
            _ = try Self.run(path, arguments)
        }
    }

    /// Under root, the user the server runs as.
    private static func serverUser() -> String? {
        guard getuid() == 0 else { return nil }
        return getpwnam("postgres") != nil ? "postgres" : "nobody"
    }

    private static func findBinaries() -> URL? {
        var candidates: [String] = []
        if let versions = try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql") {
            candidates += versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        }
        candidates += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") && FileManager.default.isExecutableFile(atPath: $0 + "/pg_ctl") }
            .map { URL(fileURLWithPath: $0) }
    }

    /// Runs `program` and waits for it (posix_spawn and waitpid: Foundation's Process waits on a
    /// run loop, which does not always run while a test process starts or ends).
    @discardableResult
    static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil) throws -> String {
        // Files, not pipes: the server pg_ctl starts would hold a pipe open for as long as it runs.
        let base = NSTemporaryDirectory() + "svwizard-pg-run-\(UUID().uuidString)"
        defer {
            unlink(base + ".out")
            unlink(base + ".err")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, base + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, base + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { variables.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, variables)
        guard spawned == 0 else { throw Failure("\(program) could not be started (error \(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let printed = FileManager.default.contents(atPath: base + ".out") ?? Data()
        let complaint = FileManager.default.contents(atPath: base + ".err") ?? Data()
        // Exited normally with status 0 (WIFEXITED and WEXITSTATUS, by hand: they are C macros).
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw Failure("\(URL(fileURLWithPath: program).lastPathComponent) failed: \(String(decoding: complaint, as: UTF8.self).prefix(600))")
        }
        return String(decoding: printed, as: UTF8.self)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }
}
