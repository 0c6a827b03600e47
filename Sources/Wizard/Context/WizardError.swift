/// A failure that stops a command, with the exit status it maps to. Its text says what is
/// wrong and what to do.
public struct WizardError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var status: ExitStatus

    public init(_ message: String, status: ExitStatus) {
        self.message = message
        self.status = status
    }

    public var description: String { message }
}

/// svwizard's exit statuses, documented in `--help` and the README.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Done.
    case success = 0
    /// What was asked for was not found or was refused (an unknown measure, a rejected CSV).
    case refused = 1
    /// A file could not be read, or is damaged.
    case unreadable = 2
    /// The data files (framework, measures, value packs, guidance) have errors.
    case dataFiles = 3
    /// A bundle from another svwizard version is intact, but its readable files could not be
    /// confirmed against its submission.json (check it with the version that made it).
    case unconfirmed = 4
    /// A shared register's server could not be reached, or would not let this login in or do this.
    case unavailable = 5
    /// The command line is wrong.
    case usage = 64
    /// svwizard itself failed (a bug): the terminal is put back and saved answers are kept.
    case internalFault = 70
    /// Stopped with Ctrl-C.
    case interrupted = 130

    /// One line for the exit status table.
    public var meaning: String {
        switch self {
        case .success: "success"
        case .refused: "not found or refused (an unknown measure, a CSV with errors)"
        case .unreadable: "a file could not be read or is damaged"
        case .dataFiles: "the data files (framework, measures, packs, guidance) have errors"
        case .unavailable: "the shared register's server could not be reached, or refused the login or the change"
        case .unconfirmed: "a bundle made by another svwizard version could not be confirmed"
        case .usage: "the command line is wrong (an unknown option, a missing argument)"
        case .internalFault: "svwizard itself failed (a bug); the terminal is restored, saved answers are kept"
        case .interrupted: "stopped with Ctrl-C"
        }
    }

    /// The table for `--help` and the README.
    public static var table: String {
        allCases.map { "  \($0.rawValue)\(String(repeating: " ", count: 5 - String($0.rawValue).count))\($0.meaning)" }
            .joined(separator: "\n")
    }
}
