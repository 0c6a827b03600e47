import CReadline
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines with GNU readline: line editing, history (up arrow) and Tab completion from
/// the list the caller gives. Uses readline's callback interface so that Ctrl-C returns
/// `.interrupt` to the caller instead of killing the program.
public final class ReadlineLineReader: LineReader {
    public var isInteractive: Bool { true }

    public init() {
        svwizard_rl_configure(ReadlineState.attemptCompletion)
        ReadlineState.installInterruptHandler()
    }

    public func readLine(prompt: String, completions: [String]) -> LineInput {
        ReadlineState.candidates = completions
        ReadlineState.finished = false
        ReadlineState.result = nil
        ReadlineState.interrupted = 0
        rl_callback_handler_install(prompt, ReadlineState.lineHandler)
        defer {
            if !ReadlineState.finished { rl_callback_handler_remove() }
            // readline writes through stdio's buffer; svwizard writes to the descriptor. Flush so
            // readline's newline comes before whatever svwizard prints next.
            svwizard_rl_flush()
        }
        var descriptor = pollfd(fd: svwizard_rl_input_fd(), events: Int16(POLLIN), revents: 0)
        while !ReadlineState.finished {
            // A short timeout closes the race where Ctrl-C arrives just before poll() starts
            // waiting: the flag is looked at again at least five times a second.
            let ready = poll(&descriptor, 1, 200)
            if ReadlineState.interrupted != 0 {
                rl_free_line_state()
                rl_callback_sigcleanup()
                rl_crlf()
                return .interrupt
            }
            if ready < 0 {
                if errno == EINTR { continue }
                return .end
            }
            if ready > 0 && descriptor.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                rl_callback_read_char()
            }
        }
        guard let line = ReadlineState.result else { return .end }
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { add_history(line) }
        return .line(line)
    }
}

/// readline calls back through C function pointers, which cannot capture context, so its
/// state for the one line being read lives here. Only one prompt is ever open at a time.
enum ReadlineState {
    nonisolated(unsafe) static var candidates: [String] = []
    nonisolated(unsafe) static var finished = false
    nonisolated(unsafe) static var result: String?
    nonisolated(unsafe) static var interrupted: sig_atomic_t = 0
    nonisolated(unsafe) static var matchIndex = 0

    static let lineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { pointer in
        // Removing the handler here stops readline from showing the prompt again for a next line.
        rl_callback_handler_remove()
        ReadlineState.finished = true
        if let pointer {
            ReadlineState.result = String(cString: pointer)
            free(pointer)
        } else {
            ReadlineState.result = nil
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

    static func installInterruptHandler() {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in ReadlineState.interrupted = 1 }
        #else
        action.__sigaction_u.__sa_handler = { _ in ReadlineState.interrupted = 1 }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have started svwizard with SIGINT blocked; Ctrl-C must still reach us.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }
}

