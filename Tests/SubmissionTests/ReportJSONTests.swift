import Foundation
import SocialValue
@testable import Submission
import Testing

/// `validate --json` writes each report directly; what it writes is what the encoder writes.
@Suite("Bundle reports as JSON")
struct ReportJSONTests {
    /// Text with everything the encoder escapes, and some it does not.
    static let awkward = "quote \" backslash \\ slash / line\nreturn\r tab\t bell \u{7} \u{8}\u{C}\u{1F}\u{7F} £ é \u{2028} 😀"

    static var reports: [BundleReport] {
        var empty = BundleReport(file: "bid.svbundle.zip")
        empty.status = .valid
        var full = BundleReport(file: "folder/" + awkward, tenderChecked: true)
        full.add(BundleDiagnostic(.notAZip, "Refused: \(awkward)", action: "Check the file name."))
        full.add(BundleDiagnostic(.renderingUnconfirmed, file: "response.md", "differs", action: awkward))
        full.findings = [Finding(.nothingCommitted, field: "commitments", message: awkward, hint: "Add one."),
                         Finding(.measureNotAdopted, field: "", message: "", hint: "")]
        full.total = Money(Decimal(string: "12769.68")!)
        full.unvalued = [BundleReport.Quantity(measure: MeasureReference("TOM4a")!, unit: .weeks, total: Decimal(string: "2.50")!),
                         BundleReport.Quantity(measure: MeasureReference("TOM12")!, unit: .pounds, total: 0)]
        var unvalued = BundleReport(file: "x.zip")
        unvalued.total = nil
        unvalued.unvalued = [BundleReport.Quantity(measure: MeasureReference("TOM1")!, unit: .fte, total: 3)]
        return [empty, full, unvalued]
    }

    @Test("each report is byte for byte what JSONEncoder.stable writes")
    func sameAsEncoder() throws {
        for report in Self.reports {
            let expected = try JSONEncoder.stable.encode(report)
            #expect(report.stableJSON() == expected, "\(String(decoding: report.stableJSON(), as: UTF8.self))")
        }
    }

    @Test("every control character is escaped as the encoder escapes it")
    func controlCharacters() throws {
        for scalar in (0..<0x80).compactMap(Unicode.Scalar.init) {
            let report = BundleReport(file: "a\(Character(scalar))b")
            #expect(report.stableJSON() == (try JSONEncoder.stable.encode(report)), "U+\(String(scalar.value, radix: 16))")
        }
    }
}
