import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a draft to one svwizard at a time: an advisory lock (`flock`) on a small lock file
/// beside the draft (`.NAME.lock`, holding the process number), held for the whole run and
/// released when the process ends, however it ends. The lock is on a file of its own because
/// saving replaces the draft's file (write and rename), which would drop a lock held on it.
public final class DraftLock {
    /// The draft this lock guards.
    public let draft: URL
    private let lockFile: URL
    private var descriptor: Int32

    private init(draft: URL, lockFile: URL, descriptor: Int32) {
        self.draft = draft
        self.lockFile = lockFile
        self.descriptor = descriptor
    }

    deinit { release() }

    /// The file a draft's name stands for, so the lock and every save follow the file, not the
    /// name: a symbolic link is followed to its target (which saves replace, leaving the link in
    /// place). A file with a second name (a hard link) is refused, because saving replaces the
    /// file under one name only and the two would silently part.
    public static func target(of draft: URL) throws -> URL {
        let resolved = draft.resolvingSymlinksInPath()
        var info = stat()
        if stat(resolved.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink > 1 {
            throw DraftError(kind: .locked, message: "\(draft.path) has \(info.st_nlink) names on this disk (hard links). svwizard saves a draft by "
                + "replacing its file, which would leave the other names with the old answers. Copy it to a file of its own and open that: "
                + "cp \(draft.lastPathComponent) my-\(draft.lastPathComponent)")
        }
        return resolved
    }

    /// The lock file's place for `draft`.
    public static func lockFile(for draft: URL) -> URL {
        draft.deletingLastPathComponent().appendingPathComponent(".\(draft.lastPathComponent).lock")
    }

    /// Takes the lock on `draft`, or throws a `DraftError` saying which process holds it.
    /// Where the folder cannot be written, no lock can be taken: the draft opens without one
    /// (the first save will say that the folder cannot be written).
    public static func acquire(_ draft: URL) throws -> DraftLock? {
        let lockFile = Self.lockFile(for: draft)
        for _ in 0..<5 {
            let descriptor = open(lockFile.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return nil }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let holder = Self.holder(descriptor)
                close(descriptor)
                let process = holder.map { " (process \($0))" } ?? ""
                throw DraftError(kind: .locked, message: "This draft is open in another svwizard\(process): \(draft.path). "
                    + "Close that one first, then carry on here.")
            }
            // Another run may have removed the lock file between our open and our lock: make
            // sure the locked file is still the one at the path, or try again.
            var opened = stat()
            var current = stat()
            guard fstat(descriptor, &opened) == 0, stat(lockFile.path, &current) == 0,
                  opened.st_ino == current.st_ino, opened.st_dev == current.st_dev else {
                close(descriptor)
                continue
            }
            let pid = Array("\(getpid())\n".utf8)
            _ = ftruncate(descriptor, 0)
            _ = pid.withUnsafeBufferPointer { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            return DraftLock(draft: draft, lockFile: lockFile, descriptor: descriptor)
        }
        return nil
    }

    /// Removes the lock file and releases the lock.
    public func release() {
        guard descriptor >= 0 else { return }
        unlink(lockFile.path)
        close(descriptor)
        descriptor = -1
    }

    private static func holder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// What identifies one version of a file on disk, to notice when something else changed it.
public struct FileIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var modifiedNanoseconds: Int64

    /// The identity of the file at `url` now, or nil when there is none.
    public static func of(_ url: URL) -> FileIdentity? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                            modified: Int64(info.st_mtim.tv_sec), modifiedNanoseconds: Int64(info.st_mtim.tv_nsec))
    }
}

extension AtomicFile {
    /// Removes temporary files that an earlier save left beside `url` when it was killed
    /// mid-write (`.NAME.tmp-PID`), unless that process is still running. Returns how many.
    @discardableResult
    public static func removeStaleTemporaries(beside url: URL) -> Int {
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent).tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)) else { continue }
            if pid != getpid() && kill(pid, 0) == 0 { continue }   // a save in progress in a live process
            if unlink(folder.appendingPathComponent(name).path) == 0 { removed += 1 }
        }
        return removed
    }
}
