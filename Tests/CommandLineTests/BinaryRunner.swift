import Foundation

/// Runs the built `svwizard` binary as a person or script would, with arguments, standard
/// input and environment, and returns what it printed and its exit status.
struct BinaryRunner {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The `svwizard` binary built beside this test bundle.
    static var binary: URL {
        let testExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testExecutable.deletingLastPathComponent()
        // On Linux the tests run from `.build/debug/svwizardPackageTests.xctest`; on macOS from inside a bundle.
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("svwizard")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/svwizard")
    }

    /// A private pack store so tests never touch the real one, and no colour.
    let home: URL

    /// The register every command uses (`SVWIZARD_REGISTER`): a shared register's address, or
    /// nil for the file in the test's own home.
    let register: String?

    init(register: String? = nil) {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("svwizard-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        self.register = register
    }

    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["SVWIZARD_HOME"] = home.path
        environment["SVWIZARD_DATA"] = nil
        // Never a register or a "today" from the test process's own environment (another test may have set one).
        environment["SVWIZARD_REGISTER"] = register
        environment["SVWIZARD_TODAY"] = nil
        environment["NO_COLOR"] = "1"
        environment["COLUMNS"] = "80"
        return environment
    }

    /// The environment for a program run on a pseudo-terminal.
    var terminalEnvironment: [String: String] {
        var environment = self.environment
        environment["TERM"] = "xterm"
        return environment
    }

    func run(_ arguments: [String], input: String = "", extraEnvironment: [String: String] = [:], directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environment.merging(extraEnvironment) { $1 }
        process.currentDirectoryURL = directory ?? home
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                      status: process.terminationStatus)
    }

    /// Runs like `run`, but stops the program after `seconds` and reports it as hung (nil).
    func run(_ arguments: [String], timeout seconds: TimeInterval) throws -> Result? {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = home
        let output = home.appendingPathComponent("out-\(UUID().uuidString).txt")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close(); try? FileManager.default.removeItem(at: output) }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return nil
        }
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        return Result(stdout: text, stderr: "", status: process.terminationStatus)
    }

    /// Writes `text` to a new file in the test's folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let url = home.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

extension String {
    /// The text with its line breaks and runs of spaces as single spaces, so a check of what a
    /// person reads does not depend on where the terminal wrapped it.
    var flattened: String { split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}

extension BinaryRunner {
    /// Every command and subcommand, read from the help's lists of subcommands (at most three deep).
    func commandPaths(_ path: [String] = []) throws -> [[String]] {
        let help = try run(path + ["--help"], extraEnvironment: ["COLUMNS": "200"]).stdout
        guard let list = help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first, path.count < 3 else { return [path] }
        // A command's line is indented two spaces; its description's continuation, four.
        let names = list.split(separator: "\n").prefix { $0.hasPrefix("  ") }.filter { $0.dropFirst(2).first != " " }.compactMap { line in
            line.split(separator: " ").first.map(String.init).flatMap { $0 == "help" || $0 == "See" ? nil : $0 }
        }
        return try [path] + names.flatMap { try commandPaths(path + [$0]) }
    }
}
