import Foundation
import Testing
import ZIPFoundation
@testable import Submission

/// A corpus of hostile or broken archives, one per way a zip can be bad. Each is refused with
/// a clear reason; nothing is written anywhere.
@Suite("Hostile bundles are refused")
struct MaliciousZipTests {
    static func zip(_ build: (inout ZipWriter) -> Void) -> Data {
        var writer = ZipWriter()
        build(&writer)
        return writer.archive()
    }

    static let corpus: [(name: String, data: Data, reason: String)] = [
        ("path climbing out", zip { $0.add(name: "../../etc/cron.d/evil", data: Data("x".utf8)) }, "climbs out of the bundle"),
        ("absolute path", zip { $0.add(name: "/etc/passwd", data: Data("x".utf8)) }, "absolute path"),
        ("windows absolute path", zip { $0.add(name: "C:\\evil.txt", data: Data("x".utf8)) }, "absolute path"),
        ("duplicate names", zip { $0.add(name: "manifest.json", data: Data("{}".utf8)); $0.add(name: "manifest.json", data: Data("{}".utf8)) },
         "appears twice"),
        ("symbolic link", zip { $0.add(name: "submission.json", data: Data("/etc/passwd".utf8), externalAttributes: 0o120777 << 16) }, "is a link"),
        ("non-UTF-8 name", zip { $0.add(nameBytes: Data([0x66, 0xFF, 0xFE, 0x2E, 0x6A]), data: Data("x".utf8), utf8Flag: true) }, "not valid UTF-8"),
        ("control characters", zip { $0.add(name: "report\u{1B}[31m.md", data: Data("x".utf8)) }, "control characters"),
        ("oversized entry", zip { $0.add(nameBytes: Data("submission.json".utf8), data: Data("x".utf8), utf8Flag: true, declaredSize: 900_000_000) },
         "over the 20 MB limit"),
        ("too many entries", zip { writer in for index in 0..<40 { writer.add(name: "f\(index)", data: Data()) } }, "holds 40 entries"),
        ("not a zip", Data("just some text, not a zip archive at all".utf8), "not a zip file"),
        ("empty file", Data(), "not a zip file"),
        ("cut short", zip { $0.add(name: "submission.json", data: Data(repeating: 65, count: 5000)) }.prefix(3000), "damaged or cut short"),
    ]

    @Test("each kind of hostile archive is refused with its reason", arguments: corpus.indices)
    func refused(index: Int) {
        let sample = Self.corpus[index]
        let report = Sample.validator.validate(sample.data, file: sample.name)
        #expect(report.status == .unreadable, "\(sample.name)")
        #expect(report.problems.joined().contains(sample.reason), "\(sample.name): \(report.problems)")
        let expected = Self.codes[sample.name] ?? "?"
        #expect(report.diagnostics.map(\.code.rawValue).contains(expected), "\(sample.name): \(report.diagnostics.map(\.code.rawValue))")
    }

    /// The stable code each hostile archive is refused with.
    static let codes = [
        "path climbing out": "SV-B003", "absolute path": "SV-B003", "windows absolute path": "SV-B003", "duplicate names": "SV-B003",
        "symbolic link": "SV-B003", "non-UTF-8 name": "SV-B003", "control characters": "SV-B003", "oversized entry": "SV-B004",
        "too many entries": "SV-B003", "not a zip": "SV-B002", "empty file": "SV-B002", "cut short": "SV-B002",
    ]

    @Test("a zip bomb (an entry compressed far beyond any real file) is refused before it is expanded")
    func zipBomb() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        let size = 30 * 1024 * 1024
        try archive.addEntry(with: "submission.json", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate) { _, chunk in
            Data(count: chunk)
        }
        let bomb = try #require(archive.data)
        #expect(bomb.count < 200_000)
        let started = Date()
        let report = Sample.validator.validate(bomb, file: "bomb.zip")
        #expect(report.status == .unreadable)
        #expect(report.problems.joined().contains("over the 20 MB limit") || report.problems.joined().contains("zip bomb"))
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("a bomb that lies about its size is stopped while reading")
    func lyingBomb() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        try archive.addEntry(with: "submission.json", type: .file, uncompressedSize: Int64(25 * 1024 * 1024), compressionMethod: .deflate) { _, chunk in
            Data(count: chunk)
        }
        var data = try #require(archive.data)
        // Rewrite the declared sizes (local and central headers) to look tiny.
        let declared = withUnsafeBytes(of: UInt32(25 * 1024 * 1024).littleEndian) { Data($0) }
        let tiny = withUnsafeBytes(of: UInt32(1000).littleEndian) { Data($0) }
        while let range = data.range(of: declared) { data.replaceSubrange(range, with: tiny) }
        let report = Sample.validator.validate(data, file: "liar.zip")
        #expect(report.status == .unreadable)
    }

    @Test("refusing writes nothing to disk")
    func nothingWritten() throws {
        let before = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.currentDirectoryPath)
        for sample in Self.corpus { _ = Sample.validator.validate(sample.data, file: sample.name) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: FileManager.default.currentDirectoryPath) == before)
        #expect(!FileManager.default.fileExists(atPath: "/etc/cron.d/evil"))
    }
}
