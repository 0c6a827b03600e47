import Foundation
import Testing
@testable import Questionnaire
@testable import SocialValue

@Suite("Draft files")
struct DraftTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("drafts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a draft is written atomically, read back unchanged, and leaves no temporary file")
    func roundTrip() throws {
        let url = try folder().appendingPathComponent("a.svdraft.json")
        let draft = Draft(flow: "supplier-response", toolVersion: "0.1.0", tender: FlowFixture.tender,
                          answers: AnswerSheet(["supplier.name": "Acme", "commitments.TOM10.delivery": "Line one\nLine \"two\""]),
                          position: "supplier.postcode")
        try DraftFile.write(draft, to: url)
        #expect(try DraftFile.read(url, flow: "supplier-response") == draft)
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path) == ["a.svdraft.json"])
    }

    @Test("the same answers give byte-identical drafts")
    func deterministic() throws {
        let answers = AnswerSheet(Dictionary(uniqueKeysWithValues: (1...40).map { ("key.\($0)", "value \($0)") }))
        let first = try DraftFile.encode(Draft(flow: "f", toolVersion: "1", tender: nil, answers: answers))
        let second = try DraftFile.encode(Draft(flow: "f", toolVersion: "1", tender: nil, answers: AnswerSheet(answers.values)))
        #expect(first == second)
    }

    @Test("a damaged draft, a newer draft and another flow's draft are refused and left untouched", arguments: [
        ("{ not json", DraftError.Kind.notADraft), (#"{"format":"something-else"}"#, .notADraft),
        (#"{"format":"svwizard-draft","formatVersion":9,"flow":"supplier-response"}"#, .newerFormat),
        (#"{"format":"svwizard-draft","formatVersion":1,"flow":"opportunity-assessment"}"#, .wrongFlow),
        (#"{"format":"svwizard-draft","formatVersion":1,"flow":"supplier-response","answers":7}"#, .notADraft),
    ])
    func refused(text: String, kind: DraftError.Kind) throws {
        let url = try folder().appendingPathComponent("bad.svdraft.json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let error = try #require(throws: DraftError.self) { try DraftFile.read(url, flow: "supplier-response") }
        #expect(error.kind == kind)
        #expect(error.message.contains(url.path))
        #expect(try String(contentsOf: url, encoding: .utf8) == text)
    }

    @Test("a missing draft is reported")
    func missing() throws {
        let error = try #require(throws: DraftError.self) {
            try DraftFile.read(try folder().appendingPathComponent("none.svdraft.json"), flow: "supplier-response")
        }
        #expect(error.kind == .missing)
    }
}

@Suite("From answers to a response")
struct ResponseAssemblerTests {
    @Test("answers become the tender, the supplier and a commitment per chosen measure")
    func assembles() throws {
        let fixture = try FlowFixture()
        let assembler = ResponseAssembler(environment: fixture.planner.environment)
        let response = assembler.response(from: AnswerSheet([
            "tender.value": "450000", "tender.years": "2", "tender.measures": "TOM10, TOM12", "supplier.postcode": "S66 8AB",
            "supplier.insideBoundary": "yes", "supplier.type": "charity", "supplier.workforce": "6.5", "measures": "TOM12, TOM10",
            "commitments.TOM10.quantity.1": "52", "commitments.TOM12.placements": "4", "commitments.TOM12.weeksEach": "2",
            "commitments.TOM12.partner": "",
        ]))
        #expect(response.tender.contractValue == Money(450_000))
        #expect(response.tender.adoptedMeasures.map(\.rawValue) == ["TOM10", "TOM12"])
        #expect(response.supplier.isLocal)
        #expect(response.supplier.kind == .charity)
        #expect(response.supplier.workforce == Decimal(string: "6.5"))
        #expect(response.commitments.map(\.measure.rawValue) == ["TOM10", "TOM12"])
        #expect(response.commitments[0].quantities == [52, 0])
        #expect(response.commitments[1].placements == 4)
        #expect(response.commitments[1].partner == nil)
    }
}

@Suite("The validation rules document")
struct ValidationRulesDocumentTests {
    @Test("Guidance/validation-rules.md has a section for every code, titled as in the code, and no others")
    func inStep() throws {
        let page = try #require(try shippedData().topic("validation-rules"))
        let headings = page.markdown.split(separator: "\n").filter { $0.hasPrefix("## SV-") }.map(String.init)
        let expected = FindingCode.allCases.map { "## \($0.rawValue) \($0.title)" }
        #expect(headings == expected)
    }
}
