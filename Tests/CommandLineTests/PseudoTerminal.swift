import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the `svwizard` binary on a pseudo-terminal, so it sees a real terminal and uses
/// readline, and lets a test type keys and wait for text on the screen.
final class PseudoTerminal {
    private let master: Int32
    private var pid: pid_t = 0
    private(set) var transcript = ""

    enum Failure: Error, CustomStringConvertible {
        case cannotOpen(String)
        case timeout(waitingFor: String, transcript: String)

        var description: String {
            switch self {
            case let .cannotOpen(reason): "cannot open a pseudo-terminal: \(reason)"
            case let .timeout(text, transcript): "timed out waiting for \"\(text)\"; the screen so far:\n\(transcript)"
            }
        }
    }

    init(arguments: [String], environment: [String: String], columns: UInt16 = 80, directory: URL? = nil) throws {
        // Linux: open the multiplexer, unlock the pair and ask its number (what posix_openpt,
        // unlockpt and ptsname do; Glibc's Swift module does not export those).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_NONBLOCK)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, UInt(Self.setLock), &unlock) == 0, ioctl(master, UInt(Self.getNumber), &number) == 0 else {
            throw Failure.cannotOpen(String(cString: strerror(errno)))
        }
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slavePath = "/dev/pts/\(number)"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, slavePath, O_RDWR, 0)
        }
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session (so the terminal becomes the child's controlling terminal and Ctrl-C
        // sends SIGINT), with no signals blocked or ignored from the test runner.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &interrupt)
        posix_spawnattr_setflags(&attributes, Self.spawnNewSession | Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        // In another folder: through the shell, which changes folder and becomes the program (same process).
        let program = directory == nil ? BinaryRunner.binary.path : "/bin/sh"
        let line = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0.path, BinaryRunner.binary.path] } ?? [BinaryRunner.binary.path]
        let argv = (line + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let result = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard result == 0 else { throw Failure.cannotOpen(String(cString: strerror(result))) }
    }

    /// ioctl requests and the spawn flag from Linux's headers (TIOCSPTLCK, TIOCGPTN, POSIX_SPAWN_SETSID).
    private static let setLock: UInt32 = 0x4004_5431
    private static let getNumber: UInt32 = 0x8004_5430
    private static let spawnNewSession: Int16 = 0x80

    deinit {
        if pid > 0 { kill(pid, SIGKILL); var status: Int32 = 0; waitpid(pid, &status, 0) }
        close(master)
    }

    /// Types `text` (use "\t" for Tab, "\r" for Enter, "\u{3}" for Ctrl-C, "\u{4}" for Ctrl-D).
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        var written = 0
        // Write as the terminal takes it, reading the program's output meanwhile: a program
        // blocked on a full screen buffer stops reading keys, and both would wait for ever.
        let deadline = Date().addingTimeInterval(20)
        while written < bytes.count && Date() < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLOUT | POLLIN), revents: 0)
            guard poll(&descriptor, 1, 1_000) >= 0 else { return }
            if descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return }
            if descriptor.revents & Int16(POLLIN) != 0 { readAvailable(waitMilliseconds: 0) }
            if descriptor.revents & Int16(POLLOUT) != 0 {
                let count = bytes[written...].withUnsafeBufferPointer { write(master, $0.baseAddress, min($0.count, 256)) }
                if count > 0 { written += count } else if errno != EAGAIN && errno != EINTR { return }
            }
            if pid == 0 { return }
        }
    }

    /// Waits until the screen shows `text` (escape sequences removed), or fails after `timeout`.
    @discardableResult
    func waitFor(_ text: String, occurrences: Int = 1, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        func shown() -> Bool { Self.plain(transcript).components(separatedBy: text).count - 1 >= occurrences }
        while Date() < deadline {
            if shown() { return Self.plain(transcript) }
            readAvailable(waitMilliseconds: 100)
        }
        if shown() { return Self.plain(transcript) }
        throw Failure.timeout(waitingFor: text, transcript: Self.plain(transcript))
    }

    /// Types `text` once the program waits for a key, as a person would (keys typed while a
    /// terminal changes mode may be lost).
    func typeWhenReady(_ text: String) {
        waitUntilIdle(timeout: 5)
        type(text)
    }

    /// Waits until the screen shows `prompt` (the given number of times), then types `text` and Enter.
    func answer(_ prompt: String, _ text: String, occurrences: Int = 1) throws {
        try waitFor(prompt, occurrences: occurrences)
        // Type only once the program waits for a key, as a person would: keys typed while a
        // terminal changes mode may be lost.
        waitUntilIdle(timeout: 5)
        type(text + "\r")
    }

    /// Waits for the program to end and returns its exit status.
    func waitForExit(timeout: TimeInterval = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            readAvailable(waitMilliseconds: 50)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                pid = 0
                readAvailable(waitMilliseconds: 50)
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
        }
        throw Failure.timeout(waitingFor: "the program to end", transcript: Self.plain(transcript))
    }

    /// Reads whatever the program has written, waiting at most `milliseconds` for it, so the
    /// program never blocks on a full terminal while a test types quickly.
    func pump(milliseconds: Int32 = 0) { readAvailable(waitMilliseconds: milliseconds) }

    /// Whether the program has ended; if so, its exit status.
    func exitStatusIfEnded() -> Int32? {
        guard pid > 0 else { return nil }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        pid = 0
        readAvailable(waitMilliseconds: 50)
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// The program's resident memory in kilobytes, from /proc (nil once it has ended).
    func residentKilobytes() -> Int? {
        guard pid > 0, let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }

    /// Waits until the program has read everything typed and is waiting for a key (asleep in
    /// `poll`), reading its output meanwhile. False if it did not settle within `timeout`.
    @discardableResult
    func waitUntilIdle(timeout: TimeInterval = 20, settle: TimeInterval = 0) -> Bool {
        // Give the program a moment to wake up for keys just typed, so an earlier wait is not taken for this one.
        if settle > 0 { Thread.sleep(forTimeInterval: settle) }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            readAvailable(waitMilliseconds: 2)
            guard pid > 0 else { return true }
            if let wchan = try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8), wchan.contains("poll") {
                readAvailable(waitMilliseconds: 0)
                return true
            }
        }
        return false
    }

    /// Whether the program is still running (as far as the last check knows).
    var isRunning: Bool { pid > 0 }

    /// The running program's process number.
    var processID: pid_t { pid }

    /// Sends `signal` to the program.
    func send(signal: Int32) { if pid > 0 { kill(pid, signal) } }

    /// The terminal's settings as they are now (the pair shares one set).
    func settings() -> termios {
        var settings = termios()
        tcgetattr(master, &settings)
        return settings
    }

    /// Everything shown so far, without terminal escape sequences or carriage returns.
    var screen: String { Self.plain(transcript) }

    private func readAvailable(waitMilliseconds: Int32) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, waitMilliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 { transcript += String(decoding: buffer[0..<count], as: UTF8.self) }
    }

    static func plain(_ text: String) -> String {
        var output = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\u{1B}" {
                guard let next = iterator.next() else { break }
                if next == "[" {
                    while let c = iterator.next(), !(c.value >= 0x40 && c.value <= 0x7E) {}
                }
                continue
            }
            if scalar == "\r" || scalar == "\u{7}" { continue }
            output.unicodeScalars.append(scalar)
        }
        return output
    }
}
