import Foundation
import Testing
@testable import Questionnaire

/// The table of answer keys the code reads is complete: every key written in the code that
/// turns answers into a response or an assessment is in it, so the load-time check covers it.
@Suite("The answer keys the code reads")
struct AnswerKeysTests {
    static let sources = ["Sources/Questionnaire/Answers/ResponseAssembler.swift", "Sources/Questionnaire/Answers/AssessmentAssembler.swift",
                          "Sources/Questionnaire/Flow/PlaceholderContext.swift", "Sources/Questionnaire/Flow/FlowPlanner.swift",
                          "Sources/Wizard/Assess/AssessmentReview.swift", "Sources/Wizard/Respond/ResponseReview.swift"]

    @Test("every answers[\"...\"], ticks(\"...\") and per-measure key in the code is in AnswerKeys.read")
    func tableIsComplete() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let known = Set(AnswerKeys.read.values.flatMap { $0 })
        var found: Set<String> = []
        for path in Self.sources {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            for pattern in [#"answers\["([a-zA-Z.]+)"\]"#, #"ticks\("([a-zA-Z.]+)"\)"#] {
                let regex = try NSRegularExpression(pattern: pattern)
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    found.insert(String(text[Range(match.range(at: 1), in: text)!]))
                }
            }
            let perMeasure = try NSRegularExpression(pattern: #"base \+ "([a-zA-Z]+)"#)
            for match in perMeasure.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.insert("commitments.*." + String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        #expect(found.count > 40, "the scan found the keys (\(found.count))")
        let missing = found.subtracting(known).sorted()
        #expect(missing.isEmpty, "keys the code reads but the table does not list: \(missing)")
    }
}
