import Foundation
import Testing
import BundledData
import SocialValue
@testable import Submission

/// Bundles that try to talk their way past the checks: a manifest claiming another version,
/// zip structures that differ from what they say, and a submission.json that breaks its schema.
@Suite("Bundles cannot switch off their own checks")
struct BundleHardeningTests {
    let original = try! Sample.files(try! BundleWriter.bundle(Sample.document()))

    func report(_ bundle: Data) -> BundleReport { Sample.validator.validate(bundle, file: "x") }

    /// A bundle whose rendered file was edited, with the manifest recomputed and its tool version set to `version`.
    func editedBundle(claiming version: String) throws -> Data {
        var files = Sample.replacing("response.md", in: original) {
            Data(String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "104", with: "1040").utf8)
        }.filter { $0.name != "manifest.json" }
        let manifest = Manifest(toolVersion: version, files: files)
        files.append(("manifest.json", try JSONEncoder.stable.encode(manifest)))
        var writer = ZipWriter()
        for file in files { writer.add(name: file.name, data: file.data) }
        return writer.archive()
    }

    @Test("an edited file with a recomputed manifest claiming another svwizard version is 'not confirmed', never valid")
    func toolVersionTrick() throws {
        let result = report(try editedBundle(claiming: "9.9.9"))
        #expect(result.status == .unconfirmed)
        #expect(result.problems.joined().contains("Not confirmed: the bundle says it was made by svwizard 9.9.9"))
        #expect(result.problems.joined().contains("response.md"))
        // The same edit claiming this version is plain tampering.
        let same = report(try editedBundle(claiming: "0.1.0"))
        #expect(same.status == .unreadable)
        #expect(same.problems.joined().contains("Tampered: response.md was changed after export"))
    }

    @Test("an untouched bundle from another version whose files this version renders the same is valid")
    func otherVersionUnchanged() throws {
        var files = original.filter { $0.name != "manifest.json" }
        files.append(("manifest.json", try JSONEncoder.stable.encode(Manifest(toolVersion: "0.0.9", files: files))))
        var writer = ZipWriter()
        for file in files { writer.add(name: file.name, data: file.data) }
        #expect(report(writer.archive()).status == .valid)
    }

    @Test("findings that differ from this version's checks are 'not confirmed' in a bundle from another version, and an error in one from this version")
    func findingsFromAnotherVersion() throws {
        for (version, expected) in [("0.0.9", BundleReport.Status.unconfirmed), ("0.1.0", .errors)] {
            var document = Sample.document()
            document.toolVersion = version
            document.findings.removeAll()
            let result = report(try BundleWriter.bundle(document))
            #expect(result.status == expected, "\(version): \(result.problems)")
            let problems = result.problems.joined()
            #expect(version == "0.0.9" ? problems.contains("whose checks differ from this version's") : problems.contains("Different: the findings"))
        }
    }

    /// The bundle's bytes with `edit` applied.
    func patched(_ edit: (inout [UInt8]) -> Void) throws -> Data {
        var bytes = [UInt8](try BundleWriter.bundle(Sample.document()))
        edit(&bytes)
        return Data(bytes)
    }

    /// Offsets of every occurrence of a 4-byte little-endian signature.
    static func offsets(of signature: UInt32, in bytes: [UInt8]) -> [Int] {
        let pattern = withUnsafeBytes(of: signature.littleEndian) { Array($0) }
        return (0...(bytes.count - 4)).filter { Array(bytes[$0..<($0 + 4)]) == pattern }
    }

    @Test("a local header whose name differs from the zip's directory is refused, naming the entry")
    func localNameDiffers() throws {
        let bundle = try patched { bytes in
            let local = Self.offsets(of: 0x0403_4B50, in: bytes)[0]
            bytes[local + 30] = UInt8(ascii: "S")   // "submission.json" becomes "Submission.json" in the local header only
        }
        let result = report(bundle)
        #expect(result.status == .unreadable)
        #expect(result.problems.joined().contains("is named \"Submission.json\" in its local header"))
    }

    @Test("an entry whose CRC-32 does not match its content is refused")
    func wrongChecksum() throws {
        let bundle = try patched { bytes in
            for header in Self.offsets(of: 0x0201_4B50, in: bytes).prefix(1) { bytes[header + 16] ^= 0xFF }
            for header in Self.offsets(of: 0x0403_4B50, in: bytes).prefix(1) { bytes[header + 14] ^= 0xFF }
        }
        let result = report(bundle)
        #expect(result.status == .unreadable)
        #expect(result.problems.joined().contains("does not match its zip checksum (CRC-32)"))
    }

    @Test("an encrypted entry is refused as encrypted, not as a missing manifest")
    func encrypted() throws {
        let bundle = try patched { bytes in
            for header in Self.offsets(of: 0x0201_4B50, in: bytes) { bytes[header + 8] |= 0x01 }
            for header in Self.offsets(of: 0x0403_4B50, in: bytes) { bytes[header + 6] |= 0x01 }
        }
        let result = report(bundle)
        #expect(result.status == .unreadable)
        #expect(result.problems.joined().contains("is encrypted"))
        #expect(!result.problems.joined().contains("there is no manifest"))
    }

    /// A bundle with submission.json edited by `edit` and the manifest recomputed.
    func withSubmission(_ edit: @escaping (String) -> String) throws -> BundleReport {
        let files = Sample.replacing("submission.json", in: original) { Data(edit(String(decoding: $0, as: UTF8.self)).utf8) }
        return report(try Sample.rezip(files, refreshManifest: true))
    }

    @Test("submission.json with an unknown top-level field is refused, naming the field")
    func unknownField() throws {
        let result = try withSubmission { $0.replacingOccurrences(of: "{\n", with: "{\n  \"extra\" : 1,\n", options: [], range: $0.range(of: "{\n")) }
        #expect(result.status == .unreadable)
        #expect(result.problems.joined().contains("unknown field `extra`"))
    }

    @Test("quantities given as JSON numbers instead of strings are refused, naming the field")
    func numbersForStrings() throws {
        let result = try withSubmission { $0.replacingOccurrences(of: "\"quantities\" : [\n        \"52\"", with: "\"quantities\" : [\n        52") }
        #expect(result.status == .unreadable)
        #expect(result.problems.joined().contains("commitments[0].quantities[0]: must be text, found 52"))
    }

    @Test("a tender inside the submission with years out of range is refused before any work by year")
    func yearsOutOfRange() throws {
        let started = Date()
        let result = try withSubmission { $0.replacingOccurrences(of: "\"years\" : 2", with: "\"years\" : 100000000") }
        #expect(result.status == .unreadable)
        #expect(result.problems.joined().contains("tender.years: must be at most 15, found 100000000"))
        #expect(Date().timeIntervalSince(started) < 5)
        let negative = try withSubmission { $0.replacingOccurrences(of: "\"years\" : 2", with: "\"years\" : -3") }
        #expect(negative.problems.joined().contains("tender.years: must be at least 1, found -3"))
    }
}

@Suite("The bundle problem codes are documented")
struct BundleCodeDocumentationTests {
    @Test("every code and its title is in the file-formats guide's table, so the guide stays in step")
    func guideListsEveryCode() throws {
        let guide = try #require(BundledFiles.all["Guidance/file-formats.md"])
        for code in BundleDiagnostic.Code.allCases {
            #expect(guide.contains("| \(code.rawValue) | \(code.title) |"), "\(code.rawValue) is missing from Guidance/file-formats.md")
        }
    }
}

@Suite("Markdown injection is inert")
struct MarkdownInjectionTests {
    @Test("hostile text in an answer comes out as typed, never as markup", arguments: [
        "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[click](javascript:alert(3))", "![pic](http://x/y.png)",
        "# Fake heading", "| a | b |\n| --- | --- |", "*bold* and _em_ and `code`", "&amp; &lt;", "> a quote", "- a list",
        "1. numbered", "==========", "<http://example.com>", "~~struck~~",
    ])
    func inert(text: String) {
        let escaped = ResponseMarkdown.paragraphs(text)
        // Every character Markdown could act on is preceded by a backslash.
        let scalars = Array(escaped.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where "<>[]!|#*_`&~".unicodeScalars.contains(scalar) {
            #expect(index > 0 && scalars[index - 1] == "\\", "\(scalar) is not escaped in \(escaped)")
        }
        for line in escaped.split(separator: "\n") {
            #expect(!(line.first.map { "-+=>".contains($0) } ?? false), "a line starts a block: \(line)")
            #expect(line.range(of: #"^[0-9]+[.)]"#, options: .regularExpression) == nil, "a line starts a numbered list: \(line)")
        }
    }
}

@Suite("Answers in Markdown keep their lines")
struct MarkdownParagraphTests {
    @Test("each line is trimmed of blanks and escaped; a blank line is a paragraph break, other breaks are kept", arguments: [
        ("  first line  \nsecond", "first line\\\nsecond"),
        ("a\n\nb", "a\n\nb"),
        ("a\n\n\nb", "a\n\n\\\nb"),
        ("\u{00A0}indented\u{3000}", "indented"),
        ("\t \u{00E9}t\u{00E9}\t", "\u{00E9}t\u{00E9}"),
        ("line\r\nnext", "line\r\\\nnext"),
        ("", ""),
        ("   ", ""),
        (" - item", "\\- item"),
    ])
    func paragraphs(text: String, expected: String) {
        #expect(ResponseMarkdown.paragraphs(text) == expected)
    }

    @Test("a short text is escaped where it must be and left as it is where it need not be", arguments: [
        ("Acme Builders Ltd", "Acme Builders Ltd"), ("Rotherham College", "Rotherham College"), ("1. item", "1\\. item"),
        (" - x", " \\- x"), ("a*b", "a\\*b"), ("12 weeks", "12 weeks"), ("=SUM(A1)", "\\=SUM(A1)"), ("", ""), ("é <b>", "é \\<b\\>"),
    ])
    func text(text: String, expected: String) {
        #expect(ResponseMarkdown.text(text) == expected)
    }
}

@Suite("validate --tender catches each mismatch with its code")
struct TenderMismatchTests {
    static var tender: TenderSpecification {
        var tender = Sample.response().tender
        tender.valuePack = Sample.pack
        return tender
    }

    func report(_ edit: (inout TenderResponse) -> Void = { _ in }, pack: ValuePack? = Sample.pack) throws -> BundleReport {
        var response = Sample.response()
        response.tender.valuePack = pack
        edit(&response)
        let document = SubmissionDocument(toolVersion: "0.1.0", framework: Sample.data.framework, response: response, pack: pack,
                                          catalogue: Sample.data.catalogue)
        return Sample.validator.validate(try BundleWriter.bundle(document), file: "x", tender: Self.tender)
    }

    func codes(_ report: BundleReport) -> Set<String> { Set(report.diagnostics.map(\.code.rawValue)) }

    @Test("the bundle that answers the tender with its values is valid")
    func matching() throws {
        let result = try report()
        #expect(result.diagnostics.isEmpty, "\(result.problems)")
        #expect(result.tenderChecked)
    }

    @Test("each kind of mismatch is caught, with its code", arguments: [
        ("reference", "SV-B030"), ("buyer", "SV-B030"), ("value", "SV-B031"), ("years", "SV-B031"), ("start", "SV-B031"), ("measure", "SV-B032"),
    ])
    func mismatch(kind: String, code: String) throws {
        let result = try report { response in
            switch kind {
            case "reference": response.tender.reference = "OTHER-1"
            case "buyer": response.tender.buyer = "Another Council"
            case "value": response.tender.contractValue = Money(900_000)
            case "years": response.tender.years = 1; response.commitments = response.commitments.map { var c = $0; c.quantities = [c.quantities[0]]; return c }
            case "start": response.tender.startDate = "2026-01-01"
            default: response.commitments.append(Commitment(measure: MeasureReference("TOM99")!, quantities: [1, 1], delivery: "d", evidence: "e"))
            }
        }
        #expect(codes(result).contains(code), "\(result.problems)")
        #expect(result.status >= .errors)
    }

    @Test("a pack value raised in the supplier's copy is caught, and the reported total uses the tender's value")
    func editedPackValue() throws {
        var raised = Sample.pack
        raised.values = raised.values.map { var value = $0; if value.measure.rawValue == "TOM6" { value.perUnit = Money(99_999) }; return value }
        let result = try report(pack: raised)
        #expect(codes(result) == ["SV-B034"], "\(result.problems)")
        #expect(result.problems.joined().contains("TOM 6 at £99,999.00 per unit; the tender's pack says £12,769.68"))
        let honest = try report()
        #expect(result.total == honest.total)
    }

    @Test("a bundle valued with another pack, or none, is caught")
    func otherPack() throws {
        var other = Sample.pack
        other.edition = "Another edition"
        #expect(codes(try report(pack: other)).contains("SV-B033"))
        #expect(codes(try report(pack: nil)).contains("SV-B033"))
    }

    @Test("with nothing valued, the report says not valued (no total), with the quantities")
    func notValued() throws {
        var response = Sample.response()
        response.tender.valuePack = nil
        let document = SubmissionDocument(toolVersion: "0.1.0", framework: Sample.data.framework, response: response, pack: nil,
                                          catalogue: Sample.data.catalogue)
        let result = Sample.validator.validate(try BundleWriter.bundle(document), file: "x")
        #expect(result.total == nil)
        #expect(result.unvalued.map(\.measure.rawValue) == ["TOM10", "TOM6", "TOM31"])
        let json = String(decoding: try JSONEncoder.stable.encode(result), as: UTF8.self)
        #expect(json.contains("\"total\" : null") && json.contains("\"valued\" : false"), "\(json)")
    }
}

@Suite("A submission read from its parsed JSON")
struct SubmissionDecodingTests {
    @Test("decoding the parsed submission.json gives the document exported, as JSONDecoder does")
    func sameDocument() throws {
        let document = Sample.document()
        let data = try document.encoded()
        let parsed = try JSONValueDecoder().decode(SubmissionDocument.self, from: JSONValue.parse(data))
        #expect(parsed == document)
        #expect(parsed == (try JSONDecoder().decode(SubmissionDocument.self, from: data)))
    }
}

@Suite("The zip checksum")
struct CRC32Tests {
    /// The checksum a bit at a time, as the zip format defines it.
    static func reference(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    @Test("the standard check value, nothing, and data of every length up to 40 bytes agree with the definition")
    func agreesWithDefinition() {
        #expect(CRC32.checksum(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Data()) == 0)
        var generator = SystemRandomNumberGenerator()
        for length in 0...40 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(CRC32.checksum(Data(bytes)) == Self.reference(bytes))
        }
        let large = (0..<100_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        #expect(CRC32.checksum(Data(large)) == Self.reference(large))
    }
}
