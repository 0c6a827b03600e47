import Questionnaire
import SocialValue
import Terminal

/// The list of measures to choose from: numbered, grouped by theme and outcome, each with its
/// unit and value, and the measures suggested for this supplier with the reason.
struct MeasureMenu {
    let context: AppContext
    let environment: FlowEnvironment
    let answers: AnswerSheet
    let question: PlannedQuestion

    func show() {
        let console = context.console
        let data = context.data
        let offered = Set(question.completions)
        let pack = environment.pack
        var number = 0
        for theme in data.framework.themes {
            let outcomes = theme.outcomes.filter { $0.headlines.contains { offered.contains($0.measure.rawValue) } }
            guard !outcomes.isEmpty else { continue }
            console.write(console.style.bold(theme.name) + "\n")
            for outcome in outcomes {
                for headline in outcome.headlines where offered.contains(headline.measure.rawValue) {
                    guard let measure = data.catalogue.measure(headline.measure) else { continue }
                    number = (question.completions.firstIndex(of: headline.measure.rawValue) ?? 0) + 1
                    let label = "\(number).".padding(toLength: 4, withPad: " ", startingAt: 0)
                    console.write("  \(label)\(console.style.cyan(measure.reference.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)))"
                        + "\(headline.name) (\(measure.unit.symbol), \(ValueText.perUnit(measure, in: pack)))\n")
                }
            }
        }
        guard question.key == "measures" else { return }
        let supplier = ResponseAssembler(environment: environment).supplier(answers)
        let adopted = question.completions.compactMap { data.catalogue.measure(named: $0) }
        let suggestions = MeasureSuggestions.suggest(for: supplier, adopted: adopted)
        if !suggestions.isEmpty {
            console.write("\n" + console.style.bold("Suggested for you") + " (a starting point, not a requirement):\n")
            for suggestion in suggestions.prefix(6) {
                console.write(TextWrapper.wrap("\(suggestion.measure.rawValue): \(suggestion.reason)", width: console.width,
                                               firstIndent: "  ", indent: "    ") + "\n")
            }
        }
    }
}
