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

@Suite("A contract's length as people say it")
struct ContractLengthTests {
    @Test("years and months", arguments: [("2 years", 2), ("1 year", 1), ("18 months", 2), ("12 months", 1), ("6 months", 1), ("25 months", 3),
                                          ("2", 2), ("2 years 6 months", 3), ("1 year and 6 months", 2),
                                          ("two years", 2), ("eighteen months", 2), ("three", 3)])
    func lengths(text: String, years: Int) {
        #expect(ContractLength.years(text) == years)
    }

    @Test("kept as whole years, or in months when it is not whole years", arguments: [
        ("2 years", "2"), ("24 months", "2"), ("18 months", "18 months"), ("2 years 6 months", "30 months"), ("1 year, 6 months", "18 months"),
    ])
    func canonical(text: String, kept: String) {
        #expect(ContractLength.canonical(text) == kept)
        #expect(ContractLength.partMonths(kept) == (kept.hasSuffix("months") ? ContractLength.months(kept) : nil))
    }

    @Test("not a length", arguments: ["a few years", "18 weeks", "-2 years", "years", "6 months 2 years", "0 months", "2 years 2 years"])
    func notLengths(text: String) {
        #expect(ContractLength.years(text) == nil)
    }

    @Test("months are said back with how the last year counts")
    func explanation() {
        #expect(ContractLength.explanation("18 months") == "18 months counts as 2 contract years; the last is a part year of 6 months. "
            + "Give each year's quantity for what you will deliver in it.")
        #expect(ContractLength.explanation("24 months") == "24 months is 2 contract years.")
        #expect(ContractLength.explanation("2 years") == nil)
    }
}
