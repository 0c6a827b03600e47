#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes sure an internal fault never leaves a person at a frozen or garbled terminal.
///
/// Without it, a crash hands the terminal to the Swift runtime's crash reporter, which on a
/// terminal waits 30 seconds for a debugger before exiting, with readline's settings (no echo,
/// raw keys) still in force. With it, a fault puts the terminal back as it was when svwizard
/// started, prints one plain sentence to standard error and exits at once with status 70.
/// Everything the handler does is async-signal-safe (`tcsetattr`, `write`, `_exit`).
/// Set `SVWIZARD_BACKTRACE=1` to keep the runtime's crash report, for debugging.
public enum FaultGuard {
    /// The exit status after an internal fault (EX_SOFTWARE in sysexits.h).
    public static let exitStatus: Int32 = 70

    nonisolated(unsafe) private static var savedTerminal = termios()
    nonisolated(unsafe) private static var hasSavedTerminal = false
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var messageLength = 0

    /// The signals a fault raises: bad memory access, a Swift runtime trap, an abort.
    static let faultSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT]

    /// Installs the handler, remembering the terminal's settings as they are now.
    public static func install(environment: [String: String]) {
        guard environment["SVWIZARD_BACKTRACE"].map({ $0.isEmpty || $0 == "0" }) ?? true else { return }
        hasSavedTerminal = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &savedTerminal) == 0
        let text = "\nsvwizard stopped because of an internal fault (a bug, not something you did). "
            + "Answers saved before this are kept in your draft; resume it to carry on. "
            + "Please report what you were doing when it happened.\n"
        message = strdup(text)
        messageLength = text.utf8.count
        for signal in faultSignals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = FaultGuard.handle
            #else
            action.__sigaction_u.__sa_handler = FaultGuard.handle
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigaction(signal, &action, nil)
        }
    }

    private static let handle: @convention(c) (Int32) -> Void = { _ in
        if FaultGuard.hasSavedTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &FaultGuard.savedTerminal) }
        if let message = FaultGuard.message { _ = write(STDERR_FILENO, message, FaultGuard.messageLength) }
        _exit(FaultGuard.exitStatus)
    }
}
