import Foundation
import Questionnaire

/// Applies a `--answers` file: each answer goes through the same parser as a typed one.
/// Answers that pass are kept; those that do not are reported and asked again (or listed,
/// with `--no-input`). A key that is no question in the flow is reported, so a misspelling is
/// not silently ignored.
enum AnswerPrefill {
    struct Outcome {
        var answers: AnswerSheet
        var problems: [String]
        /// Answers that would be lost (a quantity for a year the contract does not have): with
        /// `--no-input` these make the run fail rather than drop them silently.
        var errors = 0
    }

    /// The most problems listed one by one; the rest are counted.
    static let mostProblemsListed = 20

    static func apply(file url: URL, to existing: AnswerSheet, planner: FlowPlanner) throws -> Outcome {
        do {
            return apply(try AnswerFile.read(url), source: url.lastPathComponent, to: existing, planner: planner)
        } catch let problem as AnswerProblem {
            throw WizardError(problem.message, status: .unreadable)
        }
    }

    /// Applies answers from `source` (a file's name, or "the scenario").
    static func apply(_ raw: [String: String], source file: String, to existing: AnswerSheet, planner: FlowPlanner) -> Outcome {
        var answers = existing
        var problems: [String: String] = [:]
        var applied: Set<String> = []
        // The plan grows as answers arrive (choosing measures adds their questions), so repeat.
        var changed = true
        while changed {
            changed = false
            for question in planner.plan(answers) where raw[question.key] != nil && !applied.contains(question.key) {
                applied.insert(question.key)
                changed = true
                switch AnswerParser.parse(raw[question.key] ?? "", for: question) {
                case let .success(value): answers[question.key] = value
                case let .failure(problem): problems[question.key] = "\(file): \(question.key): \(problem.description)"
                }
            }
        }
        let explainer = UnusedAnswer(planner: planner, answers: answers, refused: Set(problems.keys))
        var errors = 0
        for key in raw.keys.sorted() where !applied.contains(key) {
            let (reason, isError) = explainer.reason(for: key)
            problems[key] = "\(file): \(Echo.short(key)) \(reason)."
            if isError { errors += 1 }
        }
        var listed = problems.keys.sorted().prefix(Self.mostProblemsListed).compactMap { problems[$0] }
        if problems.count > listed.count {
            listed.append("\(file): and \((problems.count - listed.count).grouped) more answers like these were not used.")
        }
        return Outcome(answers: answers, problems: listed, errors: errors)
    }
}
