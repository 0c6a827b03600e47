import Foundation

/// Where a shared register is: a PostgreSQL server and database, from a connection URL
/// (`postgresql://user@host:port/database`, a Unix socket folder as the host) and the usual
/// `PG*` environment variables, as PostgreSQL's own programs read them. A password is taken only
/// from `PGPASSWORD` or the password file (`PGPASSFILE`, else `~/.pgpass`), never from the URL,
/// and never shown.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public var user: String
    /// A host name, or a folder holding the server's Unix socket.
    public var host: String
    public var port: Int
    public var database: String
    var password: String?
    /// Whether the connection must be encrypted (`sslmode=require`); a socket never is.
    public var requireTLS: Bool

    /// Whether `text` is meant as a PostgreSQL address rather than a file.
    public static func isAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    public var isSocket: Bool { host.hasPrefix("/") }

    /// The setting an address that is not a URL at all is carried in, to be refused with its text (`address(unreadable:)`).
    static let unreadable = "svwizard-unreadable"

    /// A URL standing for `text`, which is not one, so that opening it says what was wrong.
    public static func address(unreadable text: String) -> URL {
        var components = URLComponents()
        components.scheme = "postgresql"
        components.host = ""
        components.queryItems = [URLQueryItem(name: unreadable, value: text)]
        return components.url ?? URL(string: "postgresql://")!
    }

    /// The socket file in the folder `host`.
    var socketPath: String { "\(host)/.s.PGSQL.\(port)" }

    /// The address without any password: for messages.
    public var description: String {
        guard isSocket else { return "postgresql://\(user)@\(host):\(port)/\(database)" }
        return "postgresql://\(user)@/\(database)?host=\(host)" + (port == 5432 ? "" : "&port=\(port)")
    }

    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let shown = Self.withoutPassword(text)
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "postgresql" || scheme == "postgres" else {
            throw Self.unreadableAddress(shown)
        }
        if components.password != nil {
            throw RegisterError(.refused, "The register's address holds a password, which others could read in the shell's history and the list of "
                + "running programs. Nothing was done. Give the address without it (\(shown)) and put the password in PGPASSWORD or ~/.pgpass.")
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
        if let original = query[Self.unreadable] {
            throw Self.unreadableAddress(Self.withoutPassword(original))
        }
        if query["password"] != nil {
            throw RegisterError(.refused, "Put the register's password in PGPASSWORD or ~/.pgpass, not in its address. Nothing was done.")
        }
        let known: Set = ["host", "port", "user", "dbname", "sslmode"]
        if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
            throw RegisterError(.refused, "The register's address has a setting svwizard does not know (\(unknown)). It reads host, port, user, "
                + "dbname and sslmode; nothing was done.")
        }
        let login = ProcessInfo.processInfo.userName
        user = Self.nonEmpty(components.percentEncodedUser?.removingPercentEncoding) ?? Self.nonEmpty(query["user"])
            ?? Self.nonEmpty(environment["PGUSER"]) ?? login
        let givenHost = Self.nonEmpty(components.percentEncodedHost?.removingPercentEncoding) ?? Self.nonEmpty(query["host"])
            ?? Self.nonEmpty(environment["PGHOST"])
        host = givenHost ?? "/var/run/postgresql"
        let portText = components.port.map(String.init) ?? Self.nonEmpty(query["port"]) ?? Self.nonEmpty(environment["PGPORT"]) ?? "5432"
        guard let port = Int(portText), (1...65_535).contains(port) else {
            throw RegisterError(.refused, "The register's port \(portText) is not a port number (1 to 65535). Nothing was done.")
        }
        self.port = port
        let path = components.percentEncodedPath.removingPercentEncoding ?? ""
        database = Self.nonEmpty(String(path.drop { $0 == "/" })) ?? Self.nonEmpty(query["dbname"]) ?? Self.nonEmpty(environment["PGDATABASE"]) ?? user
        let mode = query["sslmode"] ?? environment["PGSSLMODE"] ?? "prefer"
        guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(mode) else {
            throw RegisterError(.refused, "sslmode=\(mode) is not one PostgreSQL knows; use disable, prefer or require. Nothing was done.")
        }
        requireTLS = ["require", "verify-ca", "verify-full"].contains(mode)
        for (name, value) in [("user", user), ("database", database), ("host", host)] where value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw RegisterError(.refused, "The register's \(name) has a control character in it. Nothing was done; type the address again.")
        }
        password = Self.nonEmpty(environment["PGPASSWORD"]) ?? Self.passwordFile(environment: environment).flatMap { lookUp(in: $0) }
    }

    private static func unreadableAddress(_ shown: String) -> RegisterError {
        RegisterError(.refused, "\(shown) is not a PostgreSQL address svwizard can read. Write it as postgresql://USER@HOST:PORT/DATABASE, "
            + "such as postgresql://sam@dbserver:5432/svwizard, or give a register file.")
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// The address with anything between `://` and `@` after a colon left out.
    static func withoutPassword(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@") else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + String(text[at...])
    }

    /// The password file's lines, when it exists and only its owner can read it (as PostgreSQL's programs require).
    private static func passwordFile(environment: [String: String]) -> String? {
        let path = nonEmpty(environment["PGPASSFILE"]) ?? (nonEmpty(environment["HOME"]) ?? NSHomeDirectory()) + "/.pgpass"
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 == 0,
              (attributes[.size] as? Int ?? 0) <= 1_048_576,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The first line of a password file matching this address: `host:port:database:user:password`,
    /// `*` matching anything, `\:` and `\\` standing for themselves; `localhost` also matches a socket.
    func lookUp(in file: String) -> String? {
        for line in file.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = [""]
            var escaped = false
            for character in line {
                if escaped { fields[fields.count - 1].append(character); escaped = false; continue }
                if character == "\\" { escaped = true; continue }
                if character == ":" && fields.count < 5 { fields.append(""); continue }
                fields[fields.count - 1].append(character)
            }
            guard fields.count == 5 else { continue }
            let hostMatches = fields[0] == "*" || fields[0] == host || (isSocket && fields[0] == "localhost")
            if hostMatches, fields[1] == "*" || fields[1] == String(port), fields[2] == "*" || fields[2] == database, fields[3] == "*" || fields[3] == user {
                return fields[4]
            }
        }
        return nil
    }
}
