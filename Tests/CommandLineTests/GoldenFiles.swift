import Foundation
import Testing

/// Expected outputs kept as files under `Tests/CommandLineTests/Golden/` and compared byte for
/// byte. They are re-recorded only on purpose: run the tests with `RECORD_GOLDEN=1`, review
/// the changes like code, and run again without it (a run that records fails, so it can
/// never pass by accident).
enum GoldenFiles {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    static func check(_ name: String, _ data: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if recording {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? data.write(to: url)
            Issue.record("Recorded the golden file \(name); review it, then run the tests again without RECORD_GOLDEN.",
                         sourceLocation: sourceLocation)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("There is no golden file \(name); record it with RECORD_GOLDEN=1 swift test.", sourceLocation: sourceLocation)
            return
        }
        if expected != data {
            let got = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
            let want = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
            let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            Issue.record("""
                \(name) differs from its golden file at line \(line + 1):
                  expected: \(line < want.count ? want[line] : "(end of file)")
                  got:      \(line < got.count ? got[line] : "(end of file)")
                If the change is intended, re-record with RECORD_GOLDEN=1 swift test and review the diff.
                """, sourceLocation: sourceLocation)
        }
    }

    static func check(_ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        check(name, Data(text.utf8), sourceLocation: sourceLocation)
    }
}
