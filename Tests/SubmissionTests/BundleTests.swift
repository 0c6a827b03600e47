import Foundation
import Testing
@testable import SocialValue
@testable import Submission
import Questionnaire

@Suite("Export and validate")
struct BundleRoundTripTests {
    @Test("an exported bundle holds the six files and validates with no problems")
    func roundTrip() throws {
        let bundle = try BundleWriter.bundle(Sample.document())
        #expect(try Sample.files(bundle).map(\.name) == ["submission.json", "commitments.csv", "response.txt", "response.md", "response.html", "manifest.json"])
        let report = Sample.validator.validate(bundle, file: "bid.svbundle.zip")
        #expect(report.status == .valid, "\(report.problems)")
        #expect(report.problems.isEmpty)
        // £12,769.68 for the disabled hire and 5.5 tonnes at £273.06 (£1,501.83).
        #expect(report.total == Money(Decimal(string: "14271.51")!))
    }

    @Test("the same response gives byte-identical bundles")
    func deterministic() throws {
        #expect(try BundleWriter.bundle(Sample.document()) == BundleWriter.bundle(Sample.document()))
    }

    @Test("the submission follows its published JSON Schema, as do the tender inside it and a draft")
    func schemas() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let submission = folder.appendingPathComponent("submission.json")
        try Sample.document().encoded().write(to: submission)
        let tender = folder.appendingPathComponent("tender.json")
        var spec = Sample.response().tender
        spec.valuePack = Sample.pack
        try JSONEncoder().encode(spec).write(to: tender)
        #expect(try SchemaCheck.run("submission.schema.json", submission) == "")
        #expect(try SchemaCheck.run("tender.schema.json", tender) == "")
        // And the check can fail: a submission with a float where a decimal string belongs.
        let text = try String(contentsOf: submission, encoding: .utf8).replacingOccurrences(of: "\"contractValue\" : \"450000\"", with: "\"contractValue\" : 450000.5")
        try text.write(to: submission, atomically: true, encoding: .utf8)
        #expect(try SchemaCheck.run("submission.schema.json", submission).contains("contractValue"))
    }
}

/// Runs the published schemas through Python's jsonschema (an independent validator).
enum SchemaCheck {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The validator's complaints, or "" when the file is valid.
    static func run(_ schema: String, _ file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Tests/SubmissionTests/validate_schema.py").path,
                             root.appendingPathComponent("Questionnaires/schemas").path, schema, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 && text.isEmpty { return "validator failed to run" }
        if text.contains("ModuleNotFoundError") { return "python3 needs the jsonschema package: \(text)" }
        return text
    }
}

@Suite("Tampering is detected")
struct TamperingTests {
    let original = try! Sample.files(try! BundleWriter.bundle(Sample.document()))

    func status(_ bundle: Data) -> (BundleReport.Status, String) {
        let report = Sample.validator.validate(bundle, file: "x")
        return (report.status, report.problems.joined(separator: "\n"))
    }

    @Test("a changed byte")
    func changedByte() throws {
        let edited = Sample.replacing("response.md", in: original) { data in
            var copy = data
            copy[copy.startIndex + 10] ^= 0x01
            return copy
        }
        let (status, problems) = status(try Sample.rezip(edited))
        #expect(status == .unreadable)
        #expect(problems.contains("Tampered: response.md has changed since export"))
    }

    @Test("a removed file")
    func removedFile() throws {
        let (status, problems) = status(try Sample.rezip(original.filter { $0.name != "commitments.csv" }))
        #expect(status == .unreadable)
        #expect(problems.contains("Tampered: commitments.csv is missing."))
    }

    @Test("an added file")
    func addedFile() throws {
        let (status, problems) = status(try Sample.rezip(original + [("extra.txt", Data("hello".utf8))]))
        #expect(status == .unreadable)
        #expect(problems.contains("Tampered: extra.txt was added"))
    }

    @Test("an edited manifest")
    func editedManifest() throws {
        let edited = Sample.replacing("manifest.json", in: original) { data in
            var text = String(decoding: data, as: UTF8.self)
            let hash = Manifest.sha256(original[0].data)
            text = text.replacingOccurrences(of: hash, with: String(hash.reversed()))
            return Data(text.utf8)
        }
        let (status, problems) = status(try Sample.rezip(edited))
        #expect(status == .unreadable)
        #expect(problems.contains("submission.json has changed since export"))
    }

    @Test("a rendered file edited and the manifest recomputed to match")
    func editedWithNewManifest() throws {
        let edited = Sample.replacing("response.html", in: original) { Data(String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "104 weeks", with: "520 weeks").utf8) }
        let (status, problems) = status(try Sample.rezip(edited, refreshManifest: true))
        #expect(status == .unreadable)
        #expect(problems.contains("Tampered: response.html was changed after export"))
    }

    @Test("the claims in submission.json changed and the manifest recomputed: the fresh check disagrees")
    func editedClaims() throws {
        let edited = Sample.replacing("submission.json", in: original) { data in
            Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"total\" : \"14271.51\"", with: "\"total\" : \"99999.99\"").utf8)
        }
        let report = Sample.validator.validate(try Sample.rezip(edited, refreshManifest: true), file: "x")
        #expect(report.status >= .errors)
        #expect(report.problems.contains { $0.contains("the total claimed is £99,999.99, a fresh valuation gives £14,271.51") })
    }

    @Test("a newer schema version")
    func newerVersion() throws {
        let edited = Sample.replacing("submission.json", in: original) { Data(String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 2").utf8) }
        let (status, problems) = status(try Sample.rezip(edited, refreshManifest: true))
        #expect(status == .unreadable)
        #expect(problems.contains("Unknown version: submission.json is schema version 2"))
    }

    @Test("a response with errors is reported as such, not as tampered")
    func errorsInResponse() throws {
        let bundle = try BundleWriter.bundle(Sample.document(Sample.response(delivery: "")))
        let report = Sample.validator.validate(bundle, file: "x")
        #expect(report.status == .errors)
        #expect(report.problems.isEmpty)
        #expect(report.findings.contains { $0.code == .emptyDelivery })
    }
}

@Suite("What people typed is safe in every file")
struct RenderingSafetyTests {
    @Test("CSV: a cell that starts like a formula is neutralised, and quotes and line breaks are quoted", arguments: [
        "=HYPERLINK(\"http://x\",\"click\")", "+44 1709 000000", "-2+3", "@SUM(A1)", "\tTab", "\rReturn",
    ])
    func formulaInjection(text: String) throws {
        let csv = String(decoding: CommitmentsCSV.render(Sample.document(Sample.response(delivery: text))), as: UTF8.self)
        let escaped = "\"'" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        #expect(csv.contains(escaped))
        #expect(!csv.contains(",\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""))
    }

    @Test("CSV: UTF-8 with a byte order mark and CRLF line ends; commas and quotes kept inside their cell")
    func csvShape() throws {
        let data = CommitmentsCSV.render(Sample.document(Sample.response(delivery: "Line one, \"quoted\"\nLine two")))
        #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("\"measure\",\"headline\""))
        #expect(text.contains("\"Line one, \"\"quoted\"\"\nLine two\""))
        #expect(text.components(separatedBy: "\r\n").count == 8) // header, 3 measures x 2 years, final empty
    }

    @Test("HTML: hostile text is escaped; the page has no script and no external reference")
    func htmlEscaping() throws {
        let hostile = "<script>alert('x')</script><img src=\"http://evil.example/x.png\" onerror=alert(1)>&"
        let html = String(decoding: ResponseHTML.render(Sample.document(Sample.response(delivery: hostile, name: hostile, partner: hostile,
                                                                                        evidence: hostile))), as: UTF8.self)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=&quot;http://evil.example/x.png&quot;"))
        for reference in ["src=\"", "href=\"", "@import", "url(", "<link", "<iframe", "<object"] {
            #expect(!html.lowercased().contains(reference), "page contains \(reference)")
        }
        #expect(!html.replacingOccurrences(of: "&quot;http://evil.example", with: "").contains("http"))
        #expect(html.contains("<svg") && html.contains("Social value by theme"))
    }

    @Test("Markdown answers the headlines in the framework's order and states unvalued measures by quantity")
    func markdownOrder() throws {
        let markdown = String(decoding: ResponseMarkdown.render(Sample.document()), as: UTF8.self)
        let apprenticeships = try #require(markdown.range(of: "#### Apprenticeships (TOM 10)"))
        let disabled = try #require(markdown.range(of: "#### Disabled adults (TOM 6)"))
        let emissions = try #require(markdown.range(of: "#### Emissions (TOM 31)"))
        #expect(apprenticeships.lowerBound < disabled.lowerBound && disabled.lowerBound < emissions.lowerBound)
        #expect(markdown.contains("TOM 10 has no value in this pack and is stated by quantity, not counted as £0."))
        #expect(markdown.contains("illustrative"))
    }
}

@Suite("The assessment's tender file")
struct AssessmentTenderSchemaTests {
    @Test("the tender file an assessment writes follows the published tender schema")
    func tenderSchema() throws {
        let assessment = OpportunityAssessment(
            title: "Works", reference: "R-1", directorate: "D", commissioner: "C", category: .works, value: Money(450_000), years: 2,
            startDate: "2025-04-01", route: .tender, localQuoteSupplier: nil, noLocalSupplierReason: nil,
            fit: ContractFit(peopleOnContract: 2, subcontracting: true, suitsApprenticesOrPlacements: true, contactWithSchools: false,
                             carbonIntensive: true, scopeForVCSESupport: false),
            adoptedMeasures: ["TOM10", "TOM18"].compactMap(MeasureReference.init),
            market: LocalMarket(canSplitIntoLots: false, lotsNote: "", knownLocalSuppliers: "", marketEngagement: true, oneToOneSupport: true,
                                coDesign: true, livedExperience: true, principlesFollowed: [:], principlesNote: "", livingWageInScope: false,
                                livingWageAssurance: false),
            valuePack: "workshop")
        let record = AssessmentRecord(assessment: assessment, framework: Sample.data.framework, catalogue: Sample.data.catalogue, pack: Sample.pack)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tender-\(UUID().uuidString).json")
        try JSONEncoder.stable.encode(record.tender(framework: Sample.data.framework)).write(to: url)
        #expect(try SchemaCheck.run("tender.schema.json", url) == "")
    }
}

@Suite("The draft's schema")
struct DraftSchemaTests {
    @Test("a draft as svwizard writes it follows the published draft schema; a damaged one does not")
    func draftSchema() throws {
        var tender = Sample.response().tender
        tender.valuePack = Sample.pack
        let draft = Draft(flow: "supplier-response", toolVersion: "0.1.0", tender: tender,
                          answers: AnswerSheet(["supplier.name": "Acme", "commitments.TOM10.quantity.1": "52"]),
                          position: "supplier.postcode")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("draft-\(UUID().uuidString).svdraft.json")
        try DraftFile.encode(draft).write(to: url)
        #expect(try SchemaCheck.run("draft.schema.json", url) == "")
        let damaged = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"52\"", with: "52")
        try damaged.write(to: url, atomically: true, encoding: .utf8)
        #expect(try SchemaCheck.run("draft.schema.json", url).contains("commitments.TOM10.quantity.1"))
    }
}
