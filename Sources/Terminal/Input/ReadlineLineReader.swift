import CReadline
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines with GNU readline: line editing, history (up arrow) and Tab completion from
/// the list the caller gives.
///
/// It calls plain `readline()`, not readline's callback interface: some key sequences (such as
/// Ctrl-] Esc Ctrl-P, or Ctrl-R Ctrl-X after a very long line) crash readline 8.2 in callback
/// mode. Ctrl-C still returns `.interrupt` instead of killing the program: readline reads
/// each key through `ReadlineState.readKey`, which waits with `poll()` and, once Ctrl-C has
/// been pressed, answers end-of-input until readline gives the line up.
public final class ReadlineLineReader: LineReader {
    public var isInteractive: Bool { true }

    /// Lines longer than this are not kept in the history (readline's history search
    /// misbehaves on very long lines, and nobody recalls a pasted essay with the up arrow).
    public static let longestLineInHistory = 1_000

    public init(bracketedPaste: Bool = true) {
        svwizard_rl_configure(ReadlineState.attemptCompletion, ReadlineState.readKey)
        svwizard_rl_bracketed_paste(bracketedPaste ? 1 : 0)
        ReadlineState.installInterruptHandler()
        ReadlineState.turnOffFlowControl()
    }

    public func readLine(prompt: String, completions: [String]) -> LineInput {
        ReadlineState.candidates = completions
        // A Ctrl-C pressed while svwizard was busy (before this prompt) is not forgotten: the
        // key reader sees the flag and readline returns at once.
        let pointer = readline(prompt)
        // readline writes through stdio's buffer; svwizard writes to the descriptor. Flush so
        // readline's output comes before whatever svwizard prints next.
        defer { svwizard_rl_flush() }
        if ReadlineState.interrupted != 0 {
            ReadlineState.interrupted = 0
            // What was typed, as the key reader saw it when Ctrl-C came (readline itself drops
            // a line that meets end-of-input at a terminal); it is not kept in the history.
            let typed = ReadlineState.typedAtInterrupt ?? pointer.map { String(cString: $0) } ?? ""
            ReadlineState.typedAtInterrupt = nil
            free(pointer)
            rl_crlf()
            return .interrupt(typed: typed)
        }
        guard let pointer else { return .end }
        let line = String(cString: pointer)
        free(pointer)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty && line.utf8.count <= Self.longestLineInHistory {
            add_history(line)
        }
        return .line(line)
    }

    public func offer(_ text: String) {
        guard !text.isEmpty, !text.contains("\n") else { return }
        svwizard_rl_prefill(text)
    }
}

/// readline calls back through C function pointers, which cannot capture context, so its
/// state for the one line being read lives here. Only one prompt is ever open at a time.
enum ReadlineState {
    nonisolated(unsafe) static var candidates: [String] = []
    nonisolated(unsafe) static var interrupted: sig_atomic_t = 0
    nonisolated(unsafe) static var matchIndex = 0
    /// The line as it was when the key reader first saw Ctrl-C.
    nonisolated(unsafe) static var typedAtInterrupt: String?

    /// Reads one key for readline. Waits with `poll()` so that Ctrl-C (which interrupts the
    /// wait) is noticed at once; after Ctrl-C it answers end-of-input, which ends any key
    /// sequence, search or question readline is in the middle of and makes it return.
    static let readKey: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { _ in
        let descriptor = svwizard_rl_input_fd()
        while true {
            if ReadlineState.interrupted != 0 {
                if ReadlineState.typedAtInterrupt == nil {
                    let copy = svwizard_rl_line_copy()
                    ReadlineState.typedAtInterrupt = copy.map { String(cString: $0) } ?? ""
                    free(copy)
                }
                return EOF
            }
            var wait = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            // A timeout closes the race where Ctrl-C arrives just before poll() starts waiting.
            let ready = poll(&wait, 1, 200)
            if ready < 0 {
                if errno == EINTR { rl_check_signals(); continue }
                return EOF
            }
            if ready == 0 { continue }
            var byte: UInt8 = 0
            let count = read(descriptor, &byte, 1)
            if count == 1 { return Int32(byte) }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            return EOF
        }
    }

    static let attemptCompletion: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, _ in
        svwizard_rl_completion_over()
        return rl_completion_matches(text, ReadlineState.generateMatch)
    }

    static let generateMatch: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { text, state in
        if state == 0 { ReadlineState.matchIndex = 0 }
        let prefix = text.map { String(cString: $0) }?.lowercased() ?? ""
        while ReadlineState.matchIndex < ReadlineState.candidates.count {
            let candidate = ReadlineState.candidates[ReadlineState.matchIndex]
            ReadlineState.matchIndex += 1
            if candidate.lowercased().hasPrefix(prefix) { return strdup(candidate) }
        }
        return nil
    }

    nonisolated(unsafe) static var originalSettings = termios()
    nonisolated(unsafe) static var changedSettings = false

    /// Turns off the terminal's XON/XOFF flow control while svwizard runs, and puts it back
    /// when svwizard exits. With it on, Ctrl-S (which people press to save) freezes all
    /// output until Ctrl-Q, which looks to a person like a hung program.
    static func turnOffFlowControl() {
        let descriptor = svwizard_rl_input_fd()
        var settings = termios()
        guard !changedSettings, tcgetattr(descriptor, &settings) == 0, settings.c_iflag & tcflag_t(IXON) != 0 else { return }
        originalSettings = settings
        settings.c_iflag &= ~tcflag_t(IXON)
        guard tcsetattr(descriptor, TCSANOW, &settings) == 0 else { return }
        changedSettings = true
        atexit {
            var original = ReadlineState.originalSettings
            var now = termios()
            let descriptor = svwizard_rl_input_fd()
            guard tcgetattr(descriptor, &now) == 0 else { return }
            now.c_iflag |= original.c_iflag & tcflag_t(IXON)
            _ = withUnsafeMutablePointer(to: &original) { _ in tcsetattr(descriptor, TCSANOW, &now) }
        }
    }

    static func installInterruptHandler() {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in ReadlineState.interrupted = 1 }
        #else
        action.__sigaction_u.__sa_handler = { _ in ReadlineState.interrupted = 1 }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0   // no SA_RESTART: Ctrl-C interrupts poll() at once
        sigaction(SIGINT, &action, nil)
        // A parent may have started svwizard with SIGINT blocked; Ctrl-C must still reach us.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }
}
