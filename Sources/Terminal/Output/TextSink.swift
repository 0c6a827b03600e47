import Foundation

/// Somewhere text goes: standard output, standard error, or a string in tests.
public protocol TextSink: AnyObject {
    func write(_ text: String)
    func flush()
}

/// Writes to a file descriptor (standard output or standard error), unbuffered.
public final class FileDescriptorSink: TextSink, @unchecked Sendable {
    private let handle: FileHandle

    public init(_ handle: FileHandle) { self.handle = handle }

    /// Standard output.
    public static let standardOutput = FileDescriptorSink(.standardOutput)
    /// Standard error.
    public static let standardError = FileDescriptorSink(.standardError)

    public func write(_ text: String) {
        handle.write(Data(text.utf8))
    }

    public func flush() {}
}

/// Collects text in memory, for tests.
public final class StringSink: TextSink {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) { self.text += text }
    public func flush() {}
}

/// Throws away what is written: for work done on the person's behalf whose own messages would
/// only repeat what the command says (the workshop's exercise bids).
public final class DiscardingSink: TextSink, @unchecked Sendable {
    public init() {}
    public func write(_ text: String) {}
    public func flush() {}
}
