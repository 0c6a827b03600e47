import Foundation
import Testing

/// Every rendered output, from a commissioner's assessment through a supplier's bundle to
/// the council's check of it, compared with its golden file. Made through the real binary,
/// so what is compared is exactly what people get.
@Suite("Rendered outputs match their golden files", .serialized)
struct GoldenOutputTests {
    static let assessment = """
        contract:
          title: Thermal improvement works, Maltby
          reference: RMBC-2025-041
          directorate: Housing
          commissioner: A. Officer
          category: works
          value: 450000
          years: 2
          startDate: 01/04/2025
        route: tender
        fit: {people: 6, subcontracting: yes, apprenticeships: yes, schools: no, carbon: yes, vcse: no}
        measures: [TOM1, TOM10, TOM18, TOM31]
        market:
          lots: yes
          lotsNote: One lot per township
          localSuppliers: Maltby Joinery Ltd
          engagement: yes
          support: yes
          coDesign: no
          livedExperience: no
        principles: {keepItLocal: "2, 3", communityWealthBuilding: all, note: Lots sized for local firms.}
        livingWage: {inScope: yes, assurance: yes}
        scoring: {method: relativeToTarget, target: "0.25", scale: zeroToFive}
        valuePack: toms.csv
        valuePack.edition: Council values 2025
        valuePack.source: The council's TOMs calculator export
        """

    /// A response with a fractional quantity at a sub-penny value, and text that tries to
    /// become HTML, a link, an image, a heading and a table.
    static let response = """
        supplier:
          name: Maltby Joinery <Ltd> & Sons
          postcode: S60 1AE
          size: small
          type: company
          workforce: 6.5
          newHires: 1
          livingWage: some
        measures: [TOM1, TOM10, TOM18]
        commitments:
          TOM1:
            quantity: [0.1, 0.1]
            delivery: |
              # Not a heading
              <script>alert(1)</script> and <img src=x onerror=alert(2)>
              [a link](javascript:alert(3)) and ![an image](x.png)
              | a | fake | table |
            partner: Rotherham Jobcentre Plus
            evidence: Payroll records.
          TOM10:
            quantity: [52, 26]
            delivery: |
              One apprentice joiner from month 1.
                Indented line, kept as text.
              1. not a list
            partner: Rotherham College
            evidence: Timesheets.
          TOM18:
            quantity: [40000, 50000]
            delivery: Local merchants.
            evidence: Invoices.
        deliveryDocument: |
          Month 1: apprentice starts.
          Month 3: **progress** report.
        """

    @Test("the assessment record, the tender file, every file in the bundle, and the validate and measures transcripts")
    func outputs() throws {
        let runner = BinaryRunner()
        _ = try runner.file("assessment.yaml", Self.assessment)
        _ = try runner.file("toms.csv", "measure,value\nTOM1,0.735\nTOM10,250\n")
        _ = try runner.file("response.yaml", Self.response)
        let assess = try runner.run(["assess", "--answers", "assessment.yaml", "--no-input", "--draft", "assessment.svdraft.json"])
        #expect(assess.status == 0, "\(assess.stdout)\(assess.stderr)")
        for name in ["assessment.md", "assessment.html", "tender.json"] {
            GoldenFiles.check(name, try Data(contentsOf: runner.home.appendingPathComponent(name)))
        }
        let respond = try runner.run(["respond", "--tender", "tender.json", "--answers", "response.yaml", "--no-input", "--draft", "acme.svdraft.json"])
        #expect(respond.status == 0, "\(respond.stdout)\(respond.stderr)")
        let export = try runner.run(["export", "acme.svdraft.json", "-o", "acme.svbundle.zip"])
        #expect(export.status == 0, "\(export.stdout)\(export.stderr)")
        let bundle = try Data(contentsOf: runner.home.appendingPathComponent("acme.svbundle.zip"))
        for (name, data) in try BundleFiles.read(bundle) where name != "manifest.json" {
            GoldenFiles.check(name, data)
        }
        // The supplier's own pages say the checks in plain words: no codes, no field names.
        for page in ["response.html", "response.md", "response.txt"] {
            let text = String(decoding: try #require(try BundleFiles.read(bundle).first { $0.0 == page }).1, as: UTF8.self)
            #expect(!text.contains("SV-") && !text.contains("commitments."), "\(page)")
        }
        GoldenFiles.check("acme.checklist.txt", try Data(contentsOf: runner.home.appendingPathComponent("acme.checklist.txt")))
        let validate = try runner.run(["validate", "acme.svbundle.zip", "--tender", "tender.json"])
        #expect(validate.status == 0, "\(validate.stdout)")
        GoldenFiles.check("validate.txt", validate.stdout)
        let json = try runner.run(["validate", "acme.svbundle.zip", "--tender", "tender.json", "--json"])
        GoldenFiles.check("validate.json", json.stdout)
        GoldenFiles.check("measures.txt", try runner.run(["measures"]).stdout)
    }

    @Test("the printable pages are accessible: captions, header scopes, row headers, the chart's figures as a table, no literal checkboxes")
    func accessibleHTML() throws {
        let response = String(decoding: try Data(contentsOf: GoldenFiles.folder.appendingPathComponent("response.html")), as: UTF8.self)
        #expect(response.contains("<caption>What we commit to each contract year, and its social value</caption>"))
        #expect(response.contains("<th scope=\"col\">Measure</th>") && response.contains("<th scope=\"row\">TOM 10</th>"))
        #expect(response.contains("<table class=\"chart-figures\">"))
        #expect(!response.contains("<script") && !response.contains("<img") && !response.contains("What to do"))
        // The documents handed to the council carry the response, not the tool's advice to the supplier.
        for name in ["response.html", "response.md", "response.txt"] {
            let text = String(decoding: try Data(contentsOf: GoldenFiles.folder.appendingPathComponent(name)), as: UTF8.self)
            for advice in ["What to do", "svwizard values import", "Say so in your response", "you said", "`"] {
                #expect(!text.contains(advice), "\(name) carries advice: \(advice)")
            }
        }
        let assessment = String(decoding: try Data(contentsOf: GoldenFiles.folder.appendingPathComponent("assessment.html")), as: UTF8.self)
        #expect(!assessment.contains("[x]") && !assessment.contains("[ ]"))
        #expect(assessment.contains("<th scope=\"col\">Followed</th>"))
    }

    @Test("the bundle's CSV lines add up to its totals, with a sub-penny unit price shown exactly")
    func penceAddUp() throws {
        let csv = try #require(FileManager.default.contents(atPath: GoldenFiles.folder.appendingPathComponent("commitments.csv").path))
        let rows = String(decoding: csv.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        let tom1 = rows.filter { $0.hasPrefix("\"TOM1\"") }
        #expect(tom1.count == 2)
        #expect(tom1.allSatisfy { $0.contains("\"0.735\"") && $0.contains("\"0.07\"") }, "\(tom1)")
        let text = String(decoding: try #require(FileManager.default.contents(atPath: GoldenFiles.folder.appendingPathComponent("response.txt").path)),
                          as: UTF8.self)
        #expect(text.contains("£0.735 per FTE"))
    }
}

/// Reads a bundle's entries in order (test helper; the product's reader is stricter).
enum BundleFiles {
    static func read(_ data: Data) throws -> [(String, Data)] {
        let bytes = [UInt8](data)
        var offset = 0
        var files: [(String, Data)] = []
        func le16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func le32(_ at: Int) -> Int { le16(at) | le16(at + 2) << 16 }
        while offset + 30 <= bytes.count, le32(offset) == 0x0403_4B50 {
            let size = le32(offset + 18)
            let nameLength = le16(offset + 26)
            let extra = le16(offset + 28)
            let name = String(decoding: bytes[(offset + 30)..<(offset + 30 + nameLength)], as: UTF8.self)
            let start = offset + 30 + nameLength + extra
            files.append((name, Data(bytes[start..<(start + size)])))
            offset = start + size
        }
        return files
    }
}
