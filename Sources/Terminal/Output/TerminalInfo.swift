import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What kind of terminal (if any) the program is talking to. Read once at start-up and passed
/// in, so tests can say "this is a terminal" or "this is a pipe".
public struct TerminalInfo: Sendable {
    /// Whether standard input is a terminal (a person typing).
    public var inputIsTerminal: Bool
    /// Whether standard output is a terminal (a person reading).
    public var outputIsTerminal: Bool
    /// The width text is wrapped to.
    public var width: Int
    /// Whether colour and other escape sequences are allowed: output is a terminal that is not
    /// `TERM=dumb`, and `NO_COLOR` is not set.
    public var colour: Bool

    public init(inputIsTerminal: Bool, outputIsTerminal: Bool, width: Int, colour: Bool) {
        self.inputIsTerminal = inputIsTerminal
        self.outputIsTerminal = outputIsTerminal
        self.width = width
        self.colour = colour
    }

    /// The narrowest and widest text is wrapped to: long lines are hard to read, and below 20
    /// columns nothing reads well anyway.
    public static let widthRange = 20...100

    /// Reads the real terminal: `isatty`, the window size (or `COLUMNS`), and `NO_COLOR`.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalInfo {
        let input = isatty(STDIN_FILENO) == 1
        let output = isatty(STDOUT_FILENO) == 1
        var columns = Int(environment["COLUMNS"] ?? "") ?? 80
        if output {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { columns = Int(size.ws_col) }
        }
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        let width = min(max(columns - 1, widthRange.lowerBound), widthRange.upperBound)
        return TerminalInfo(inputIsTerminal: input, outputIsTerminal: output, width: width, colour: output && !noColour && !dumb)
    }
}
