import DataFiles
import Foundation
import Questionnaire
import SocialValue
import Testing

@Suite("Answers close to a valid one: read when unambiguous, suggested when not")
struct NearestAnswerTests {
    func question(_ kind: AnswerKind, options: [ChoiceOption]? = nil, key: String = "q") -> PlannedQuestion {
        PlannedQuestion(QuestionDefinition(key: key, ask: "?", help: "", example: "1", kind: kind, options: options),
                        stepTitle: "", stepNumber: 1, stepCount: 1)
    }

    func refusal(_ text: String, _ question: PlannedQuestion) -> String {
        if case let .failure(problem) = AnswerParser.parse(text, for: question) { return problem.message }
        return "taken"
    }

    @Test("numbers in words are read and said back", arguments: [("two", 2), ("Twelve", 12), ("twenty-five", 25), ("twenty five", 25),
                                                                  ("a dozen", 12), ("one hundred", 100), ("zero", 0)])
    func words(text: String, number: Int) throws {
        let whole = question(.integer)
        #expect(try AnswerParser.parse(text, for: whole).get() == String(number))
        #expect(AnswerParser.readBack(typed: text, value: String(number), for: whole) == "Read \"\(text)\" as \(number).")
        #expect(try AnswerParser.parse(text, for: question(.decimal)).get() == String(number))
        #expect(AnswerParser.readBack(typed: "12", value: "12", for: whole) == nil, "digits are not said back")
    }

    @Test("hedged and several numbers are refused with the figure suggested")
    func hedged() throws {
        #expect(refusal("about 12", question(.integer)).contains("did you mean 12?"))
        #expect(refusal("around 2.5", question(.decimal)).contains("did you mean 2.5?"))
        #expect(refusal("12ish", question(.integer)).contains("did you mean 12?"))
        #expect(refusal("3 and 4", question(.integer)).contains("give one: 3 or 4?"))
        #expect(refusal("three or four", question(.decimal)).contains("give one: 3 or 4?"))
        #expect(refusal("lots", question(.integer)) == "\"lots\" is not a whole number.")
    }

    @Test("a choice: an article, a number word or a typo; several numbers ask which")
    func choices() throws {
        let kinds = question(.choice, options: [ChoiceOption(value: "company", label: "Company"), ChoiceOption(value: "charity", label: "Charity"),
                                                ChoiceOption(value: "communityInterestCompany", label: "Community interest company")])
        #expect(try AnswerParser.parse("a charity", for: kinds).get() == "charity")
        #expect(AnswerParser.readBack(typed: "a charity", value: "charity", for: kinds) == "Taken as: Charity.")
        #expect(try AnswerParser.parse("We're a charity.", for: kinds).get() == "charity")
        #expect(try AnswerParser.parse("two", for: kinds).get() == "charity")
        #expect(refusal("charaty", kinds) == "Did you mean 2 Charity? Type its number.")
        #expect(refusal("interst", kinds) == "Did you mean 3 Community interest company? Type its number.")
        #expect(refusal("1 and 2", kinds).hasPrefix("Choose one: 1 or 2?"))
    }

    @Test("a score given by its label on the scale is read as its number; a misspelt label is suggested")
    func scaleLabels() throws {
        let score = question(.decimal, options: [ChoiceOption(value: "3", label: "Good"), ChoiceOption(value: "4", label: "Excellent")])
        #expect(try AnswerParser.parse("good", for: score).get() == "3")
        #expect(AnswerParser.readBack(typed: "good", value: "3", for: score) == "Read \"good\" as 3 (Good).")
        #expect(refusal("excelent", score).hasPrefix("Did you mean 4 (Excellent)?"))
    }

    @Test("a date without its year suggests the next one from today")
    func dateWithoutYear() {
        setenv("SVWIZARD_TODAY", "2026-12-06", 1)
        defer { unsetenv("SVWIZARD_TODAY") }
        #expect(refusal("31 July", question(.date)) == "\"31 July\" has no year. Did you mean 31 July 2027? Type the date with its year.")
        #expect(refusal("25 December", question(.date)).contains("Did you mean 25 December 2026?"))
    }

    @Test("a typo in a measure's name suggests the measure; words of its name choose it")
    func measureTypos() throws {
        let names = ["TOM10": "Apprenticeships", "TOM31": "Emissions", "TOM6": "Disabled adults", "TOM1": "Local jobs"]
        let candidates = ["TOM1", "TOM6", "TOM10", "TOM31"]
        func parse(_ text: String) -> Result<String, AnswerProblem> { MeasureChoice.parse(text, candidates: candidates, names: names, optional: false) }
        #expect(try parse("disabled").get() == "TOM6")
        if case let .failure(problem) = parse("emisions") {
            #expect(problem.message == "\"emisions\" is not a measure here. Did you mean TOM31 Emissions? Type its reference to choose it.")
        } else { Issue.record("emisions was taken") }
        if case let .failure(problem) = parse("apprentiships") { #expect(problem.message.contains("Did you mean TOM10 Apprenticeships?")) }
        else { Issue.record("apprentiships was taken") }
        if case let .failure(problem) = parse("local jbos") { #expect(problem.message.contains("Did you mean TOM1 Local jobs?")) }
        else { Issue.record("local jbos was taken") }
        if case let .failure(problem) = parse("zebra") { #expect(!problem.message.contains("Did you mean")) }
    }

    @Test("the edit distance counts a swap of neighbours as one, and stops past its limit")
    func distance() {
        #expect(NearestAnswer.nearest("emisions", among: ["emissions", "missions", "apprenticeships"]) == ["emissions"])
        #expect(NearestAnswer.nearest("teh", among: ["the", "tea"]) == ["the", "tea"])
        #expect(NearestAnswer.nearest("xyzzy", among: ["emissions"]).isEmpty)
        #expect(NearestAnswer.nearest("ab", among: ["abc"]).isEmpty, "two letters are too few to guess from")
    }
}
