import Questionnaire
import SocialValue
import Terminal

/// The list of measures to choose from, grouped by theme and outcome, each by its reference
/// with its unit and value (no position numbers, so a typed number can only mean a TOM
/// number), and the measures suggested for this supplier with the reason.
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
        for theme in data.framework.themes {
            let outcomes = theme.outcomes.filter { $0.headlines.contains { offered.contains($0.measure.rawValue) } }
            guard !outcomes.isEmpty else { continue }
            console.write(console.style.bold(theme.name) + "\n")
            for outcome in outcomes {
                for headline in outcome.headlines where offered.contains(headline.measure.rawValue) {
                    guard let measure = data.catalogue.measure(headline.measure) else { continue }
                    console.write("  \(console.style.cyan(measure.reference.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)))"
                        + "\(headline.name) (\(measure.unit.symbol), \(ValueText.perUnit(measure, in: pack)))\n")
                }
            }
        }
        let offeredMeasures = question.completions.compactMap { data.catalogue.measure(named: $0) }
        switch question.definition.suggestions {
        case .supplier:
            let supplier = ResponseAssembler(environment: environment).supplier(answers)
            let suggestions = MeasureSuggestions.suggest(for: supplier, adopted: offeredMeasures)
            show("Suggested for you", "(a starting point, not a requirement)", suggestions.prefix(6).map { ($0.measure, $0.reason) })
        case .contract:
            let fit = AssessmentAssembler.fit(answers)
            let list = MeasureRecommendations.shortList(for: fit, available: offeredMeasures, options: data.framework.assessment)
            show("Recommended for this contract, best first", "(from your answers; accept, drop or add)", list.recommended.map { ($0.measure, $0.reason) })
            if !list.alsoFit.isEmpty {
                console.write(TextWrapper.wrap("Also fit, left off the short list (at most \(list.recommended.count)): "
                    + list.alsoFit.map(\.measure.rawValue).joined(separator: ", ") + ". The assessment record says why.",
                    width: console.width, firstIndent: "  ", indent: "    ") + "\n")
            }
        case nil:
            break
        }
    }

    private func show(_ title: String, _ note: String, _ items: [(MeasureReference, String)]) {
        let console = context.console
        guard !items.isEmpty else { return }
        console.write("\n" + console.style.bold(title) + " \(note):\n")
        for (measure, reason) in items {
            console.write(TextWrapper.wrap("\(measure.rawValue): \(reason)", width: console.width, firstIndent: "  ", indent: "    ") + "\n")
        }
    }
}
