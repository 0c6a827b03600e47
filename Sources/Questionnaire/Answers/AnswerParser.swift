import Foundation
import SocialValue

/// Why an answer was not accepted, with an example of one that would be.
public struct AnswerProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var example: String?

    public init(_ message: String, example: String? = nil) {
        self.message = message
        self.example = example
    }

    public var description: String { example.map { "\(message) For example: \($0)" } ?? message }
}

/// Reads a typed answer for a question and returns its canonical text, or the problem with
/// it. The prompts, `--answers` files and `--no-input` all go through here, so every route
/// applies the same checks.
public enum AnswerParser {
    public static func parse(_ raw: String, for question: PlannedQuestion) -> Result<String, AnswerProblem> {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = AnswerLimits.problem(with: text, multiline: question.kind == .multiline) { return .failure(problem) }
        if text.isEmpty {
            if let answer = question.defaultAnswer { return parse(answer, for: question.withoutDefault) }
            if question.isOptional { return .success("") }
            return .failure(AnswerProblem("This question needs an answer.", example: question.example))
        }
        let definition = question.definition
        switch question.kind {
        case .text:
            return .success(text)
        case .multiline:
            return .success(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        case .money:
            guard let money = Money(parsing: text) else {
                return .failure(AnswerProblem("\(Echo.quoted(text)) is not an amount of pounds.", example: question.example ?? "450000 or £450,000"))
            }
            if let problem = Limits.problem(amount: money) { return .failure(AnswerProblem(problem)) }
            return bounded(money.pounds, definition, question).map(DecimalText.plain)
        case .integer:
            if question.key.hasSuffix("years"), let years = ContractLength.years(text), let kept = ContractLength.canonical(text) {
                return bounded(Decimal(years), definition, question).map { _ in kept }
            }
            guard let number = Int(text.replacingOccurrences(of: ",", with: "")) ?? NearestAnswer.number(inWords: text) else {
                return .failure(notANumber(text, "a whole number", example: question.example ?? "3"))
            }
            return bounded(Decimal(number), definition, question).map { _ in String(number) }
        case .decimal:
            guard let number = DecimalText.parse(text) ?? NearestAnswer.number(inWords: text).map({ Decimal($0) }) else {
                if let options = definition.options, !options.isEmpty { return labelled(text, options, example: question.example) }
                return .failure(notANumber(text, "a number", example: question.example ?? "2.5"))
            }
            return bounded(number, definition, question).map(DecimalText.plain)
        case .quantity:
            return quantity(text, question)
        case .date:
            if let date = date(text) { return .success(date) }
            if let withYear = dateWithoutYear(text) {
                return .failure(AnswerProblem("\(Echo.quoted(text)) has no year. Did you mean \(DateText.long(withYear))? Type the date with its year.",
                                              example: DateText.long(withYear)))
            }
            return .failure(AnswerProblem("\(Echo.quoted(text)) is not a date. \(DateText.rule)"))
        case .yesNo:
            switch text.lowercased() {
            case "y", "yes": return .success("yes")
            case "n", "no": return .success("no")
            case "not sure", "unsure", "don't know", "dont know", "maybe":
                return .failure(AnswerProblem("That is fine to be unsure about. \(question.help) Then answer yes or no."))
            default: return .failure(AnswerProblem("Please answer yes or no.", example: "yes"))
            }
        case .choice:
            return choice(text, definition.options ?? [])
        case .postcode:
            guard let district = LocalArea.district(of: text) else {
                return .failure(AnswerProblem("\(Echo.quoted(text)) is not a UK postcode.", example: question.example ?? "S60 1AE"))
            }
            let compact = text.uppercased().filter { !$0.isWhitespace }
            return .success(compact.count > district.count ? district + " " + compact.dropFirst(district.count) : district)
        case .measures:
            return MeasureChoice.parse(text, candidates: question.completions, names: question.measureNames, optional: question.isOptional)
        case .checklist:
            return checklist(text, count: question.definition.options?.count ?? 0)
        case .valuePack:
            if text.lowercased().hasSuffix(".csv") { return .success(text) }
            if let name = question.completions.first(where: { $0 == text.lowercased() }) { return .success(name) }
            return .failure(AnswerProblem("There is no value pack \(Echo.quoted(text)). Type one of: \(question.completions.joined(separator: ", ")), "
                + "or the name of a CSV file of the buyer's values to import.", example: question.completions.first))
        }
    }

    /// The measure references in a canonical list answer such as `TOM10, TOM18`.
    public static func references(in text: String) -> [MeasureReference] {
        text.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { MeasureReference(String($0)) }
    }

    /// A date as `YYYY-MM-DD`, from `2025-04-01` or the UK's `01/04/2025`.
    static func date(_ text: String) -> String? { DateText.parse(text) }

    /// For a day and month typed without a year (`31 July`, `1/4`): its next date from today,
    /// to suggest, never to take.
    static func dateWithoutYear(_ text: String) -> String? {
        let today = Day.today()
        for year in [today.year, today.year + 1] {
            if let date = DateText.parse(text + " \(year)"), let day = Day(iso: date), day >= today { return date }
        }
        return nil
    }

    /// Why `text` is not a number, with the nearest number it could mean: `about 12` (12),
    /// `3 and 4` (3 or 4).
    static func notANumber(_ text: String, _ kind: String, example: String) -> AnswerProblem {
        if let figure = NearestAnswer.hedged(text) {
            return AnswerProblem("Give the figure itself: did you mean \(figure)? Say what it depends on in the description instead.", example: figure)
        }
        if let numbers = NearestAnswer.several(text) {
            return AnswerProblem("That gives \(numbers.count) numbers; give one: " + numbers.joined(separator: " or ") + "?", example: numbers[0])
        }
        return AnswerProblem("\(Echo.quoted(text)) is not \(kind).", example: example)
    }

    /// A number chosen by its label (`good` on a scoring scale).
    private static func labelled(_ text: String, _ options: [ChoiceOption], example: String?) -> Result<String, AnswerProblem> {
        let wanted = NearestAnswer.withoutArticle(text)
        if let option = options.first(where: { $0.label.lowercased() == wanted }) { return .success(option.value) }
        let list = options.map { "\($0.value) \($0.label)" }.joined(separator: ", ")
        let near = NearestAnswer.nearest(wanted, among: options.map(\.label))
        if near.count == 1, let option = options.first(where: { $0.label == near[0] }) {
            return .failure(AnswerProblem("Did you mean \(option.value) (\(option.label))? Type the number: \(list).", example: option.value))
        }
        return .failure(AnswerProblem("\(Echo.quoted(text)) is not one of: \(list). Type the number.", example: example))
    }

    /// What to say back when an answer was read from words rather than typed as it is kept
    /// ("Read "two" as 2."); nil when the answer is as typed.
    public static func readBack(typed: String, value: String, for question: PlannedQuestion) -> String? {
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        switch question.kind {
        case .integer, .decimal, .quantity:
            let number = question.measure.map { withoutUnit(text, $0.unit) } ?? text
            if NearestAnswer.number(inWords: number) != nil { return "Read \(Echo.quoted(text)) as \(value)." }
            if let option = question.definition.options?.first(where: { $0.value == value }), DecimalText.parse(text) == nil {
                return "Read \(Echo.quoted(text)) as \(value) (\(option.label))."
            }
            return nil
        case .choice:
            guard let option = question.definition.options?.first(where: { $0.value == value }) else { return nil }
            let lowered = text.lowercased()
            if lowered == option.value.lowercased() || lowered == option.label.lowercased() || Int(text) != nil { return nil }
            return "Taken as: \(option.label)."
        default:
            return nil
        }
    }
    private static func bounded(_ value: Decimal, _ definition: QuestionDefinition, _ question: PlannedQuestion) -> Result<Decimal, AnswerProblem> {
        if let minimum = definition.minimum.flatMap(DecimalText.parse), value < minimum {
            return .failure(AnswerProblem("That must be at least \(DecimalText.plain(minimum)).", example: question.example))
        }
        if let maximum = definition.maximum.flatMap(DecimalText.parse), value > maximum {
            return .failure(AnswerProblem("That must be no more than \(DecimalText.plain(maximum)).", example: question.example))
        }
        return .success(value)
    }

    /// `2.5 FTE`, `40 hours`, `2 weeks`, `3 tonnes`: the number, without the unit word people add.
    static func withoutUnit(_ text: String, _ unit: MeasureUnit) -> String {
        let words: [String]
        switch unit {
        case .fte: words = ["fte", "ftes", "full-time equivalents", "full-time equivalent", "jobs", "job", "people", "person"]
        case .weeks: words = ["weeks", "week", "wks", "wk"]
        case .hours: words = ["hours", "hour", "hrs", "hr", "h"]
        case .tonnesCO2e: words = ["tonnes co2e", "tonnes", "tonne", "tco2e", "t"]
        case .pounds: words = []
        }
        let lowered = text.lowercased().trimmingCharacters(in: .whitespaces)
        for word in words where lowered.hasSuffix(word) {
            let number = lowered.dropLast(word.count).trimmingCharacters(in: .whitespaces)
            if !number.isEmpty { return number }
        }
        return text
    }

    private static func quantity(_ text: String, _ question: PlannedQuestion) -> Result<String, AnswerProblem> {
        guard let measure = question.measure else { return .failure(AnswerProblem("This question has no measure.")) }
        let limits = measure.input
        let number = Self.withoutUnit(text, measure.unit)
        let cleaned = measure.unit == .pounds ? Money(parsing: text)?.pounds
            : DecimalText.parse(number.replacingOccurrences(of: ",", with: "")) ?? NearestAnswer.number(inWords: number).map({ Decimal($0) })
        let example = measure.unit == .pounds ? "25000" : (limits.isInteger ? "12" : "2.5")
        guard let value = cleaned else {
            if NearestAnswer.hedged(number) != nil || NearestAnswer.several(number) != nil {
                return .failure(notANumber(number, "", example: example))
            }
            return .failure(AnswerProblem("\(Echo.quoted(text)) is not a number of \(measure.unit.plainName). Type digits; use 0 for none.", example: example))
        }
        if value < limits.minimum {
            return .failure(AnswerProblem("The quantity cannot be below \(DecimalText.plain(limits.minimum)); use 0 for none.", example: example))
        }
        if let maximum = limits.maximum, value > maximum {
            return .failure(AnswerProblem("The quantity cannot be above \(DecimalText.plain(maximum)) in one year.", example: example))
        }
        if let problem = Limits.problem(quantity: value) { return .failure(AnswerProblem(problem, example: example)) }
        guard DecimalText.isMultiple(value, of: limits.step) else {
            let rule = limits.isInteger ? "a whole number" : "in steps of \(DecimalText.plain(limits.step))"
            return .failure(AnswerProblem("\(measure.reference.spoken) is counted \(rule).", example: example))
        }
        return .success(DecimalText.plain(value))
    }

    private static func choice(_ text: String, _ options: [ChoiceOption]) -> Result<String, AnswerProblem> {
        let lowered = NearestAnswer.withoutArticle(text)
        if let number = Int(text) ?? NearestAnswer.number(inWords: text), options.indices.contains(number - 1) {
            return .success(options[number - 1].value)
        }
        if let option = options.first(where: { $0.value.lowercased() == lowered || $0.label.lowercased() == lowered }) {
            return .success(option.value)
        }
        let matches = options.filter { $0.value.lowercased().hasPrefix(lowered) || $0.label.lowercased().hasPrefix(lowered) }
        if matches.count == 1 { return .success(matches[0].value) }
        let list = options.enumerated().map { "\($0.offset + 1) \($0.element.label)" }.joined(separator: ", ")
        if let several = NearestAnswer.several(text) {
            return .failure(AnswerProblem("Choose one: " + several.joined(separator: " or ") + "? The choices are \(list).", example: several[0]))
        }
        // A typo of a choice, or of a word in one: the nearest, suggested by its number.
        var near = NearestAnswer.nearest(lowered, among: options.map { $0.label.lowercased() })
        if near.isEmpty {
            let words = options.flatMap { $0.label.lowercased().split(separator: " ").map(String.init) }.filter { $0.count >= 4 }
            let nearWords = NearestAnswer.nearest(lowered, among: words)
            near = options.map { $0.label.lowercased() }.filter { label in nearWords.contains { label.split(separator: " ").map(String.init).contains($0) } }
        }
        let suggested = options.indices.filter { near.contains(options[$0].label.lowercased()) }
        if !suggested.isEmpty {
            let named = suggested.map { "\($0 + 1) \(options[$0].label)" }.joined(separator: " or ")
            return .failure(AnswerProblem("Did you mean \(named)? Type its number.", example: String(suggested[0] + 1)))
        }
        return .failure(AnswerProblem("\(Echo.quoted(text)) is not one of the choices: \(list).", example: options.first.map { "1 or \($0.value)" }))
    }

    private static func checklist(_ text: String, count: Int) -> Result<String, AnswerProblem> {
        switch text.lowercased() {
        case "all": return .success((1...max(count, 1)).map(String.init).joined(separator: ", "))
        case "none", "0": return .success("")
        default: break
        }
        var ticked: Set<Int> = []
        for item in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "&" }) where item.lowercased() != "and" {
            guard let number = Int(item), (1...count).contains(number) else {
                return .failure(AnswerProblem("\(Echo.quoted(String(item))) is not one of the numbers 1 to \(count).", example: "1, 3 or all or none"))
            }
            ticked.insert(number)
        }
        return .success(ticked.sorted().map(String.init).joined(separator: ", "))
    }
}

extension PlannedQuestion {
    var withoutDefault: PlannedQuestion {
        var copy = self
        copy.defaultAnswer = nil
        return copy
    }
}

/// A contract's length as people say it: `2`, `2 years`, `1 year`, `18 months`, `2 years 6
/// months`. Kept as whole years (`2`) or, when it is not a whole number of years, as months
/// (`18 months`): 18 months is 2 contract years, the last a part year of 6 months.
public enum ContractLength {
    /// The length in months, or nil when `text` is not a length.
    public static func months(_ text: String) -> Int? {
        let words = text.lowercased().replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init).filter { $0 != "and" }
        if words.count == 1, let years = Int(words[0]) ?? NearestAnswer.number(inWords: words[0]), years > 0, years <= 1000 { return years * 12 }
        guard !words.isEmpty, words.count % 2 == 0 else { return nil }
        var total = 0
        var seen: Set<String> = []
        for index in stride(from: 0, to: words.count, by: 2) {
            guard let number = Int(words[index]) ?? NearestAnswer.number(inWords: words[index]), number >= 0, number <= 10_000 else { return nil }
            switch words[index + 1] {
            case "year", "years", "yr", "yrs":
                guard seen.insert("years").inserted, seen.count == 1 else { return nil }
                total += number * 12
            case "month", "months", "mth", "mths":
                guard seen.insert("months").inserted else { return nil }
                total += number
            default: return nil
            }
        }
        return total > 0 ? total : nil
    }

    /// The number of contract years (a part year counts as one), or nil when `text` is not a length.
    public static func years(_ text: String) -> Int? { months(text).map(Schedule.contractYears) }

    /// How the answer is kept: whole years as a number (`2`), anything else in months (`18 months`).
    public static func canonical(_ text: String) -> String? {
        guard let months = months(text) else { return nil }
        return months % 12 == 0 ? String(months / 12) : "\(months) months"
    }

    /// The months of a kept answer when it is not a whole number of years; nil otherwise.
    public static func partMonths(_ text: String?) -> Int? {
        text.flatMap(months).flatMap { $0 % 12 == 0 ? nil : $0 }
    }

    /// How a length in months is counted, for saying back; nil for whole years.
    public static func explanation(_ text: String) -> String? {
        guard let months = months(text), text.lowercased().contains("month") else { return nil }
        let years = Schedule.contractYears(months: months)
        let last = months - (years - 1) * 12
        return last == 12 ? "\(months) months is \(years) contract year\(years == 1 ? "" : "s")."
            : "\(months) months counts as \(years) contract year\(years == 1 ? "" : "s"); the last is a part year of \(last) month\(last == 1 ? "" : "s"). "
                + "Give each year's quantity for what you will deliver in it."
    }
}
