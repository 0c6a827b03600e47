import Foundation
import Testing

/// The printable pages in a real headless browser (Debian's chromium; `.ci/run` installs it
/// with poppler-utils): they render to a picture, and print without a stray last page.
@Suite("The printable pages in a real browser", .serialized)
struct BrowserTests {
    static func tool(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("response.html, assessment.html, evaluation.html, return.html and report.html render and print cleanly on A4", arguments: [
        ("response.html", "RMBC-2025-041", 2), ("assessment.html", "RMBC-2025-041", 4), ("evaluation.html", "RMBC-2025-041", 2),
        ("return.html", "RMBC-TW-01", 2), ("report.html", "2024/25", 4),
    ])
    func renders(page: String, reference: String, pageCount: Int) throws {
        guard let chromium = Self.tool("chromium"), let pdftotext = Self.tool("pdftotext") else {
            Issue.record("This test needs chromium and pdftotext: apt-get install chromium poppler-utils (.ci/run does).")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svwizard-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent(page)
        try FileManager.default.copyItem(at: GoldenFiles.folder.appendingPathComponent(page), to: html)
        let picture = folder.appendingPathComponent("page.png")
        let pdf = folder.appendingPathComponent("page.pdf")
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.path)/profile"]
        _ = try Self.run(chromium, common + ["--screenshot=\(picture.path)", "--window-size=1000,1600", html.absoluteString])
        let png = try #require(FileManager.default.contents(atPath: picture.path), "chromium made no screenshot")
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(png.count > 30_000, "the screenshot is nearly empty (\(png.count) bytes)")
        _ = try Self.run(chromium, common + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", html.absoluteString])
        let text = try Self.run(pdftotext, ["-layout", pdf.path, "-"])
        let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(pages.count == pageCount, "\(page) prints on \(pages.count) A4 pages, not \(pageCount)")
        #expect(text.contains(reference))
        let lastLines = pages.last?.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? []
        #expect(lastLines.count >= 3, "the last printed page holds only \(lastLines.count) line(s): \(lastLines)")
        #expect(!(lastLines.first ?? "").hasPrefix("Made with svwizard"), "the footer is alone on the last page")
    }
}
