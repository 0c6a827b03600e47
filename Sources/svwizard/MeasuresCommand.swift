import ArgumentParser
import Wizard

struct MeasuresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures",
        abstract: "Show the framework's measures by theme and outcome, or one measure in full.",
        discussion: HelpText.hang("""
            Each measure is shown with its unit and its £ value per unit from the active value \
            pack. A measure the pack does not value is shown as "unvalued": it is reported by \
            quantity, never counted as £0.

            Examples:
              svwizard measures                     all measures under their themes
              svwizard measures TOM4a               one measure: wording, definitions, rules, evidence, value
              svwizard measures --search apprentice  measures mentioning a word
              svwizard measures --json              everything, for scripts
            """)
    )

    @Argument(help: ArgumentHelp("A measure reference, such as TOM6 or TOM4a.", valueName: "reference"), completion: Completions.measures)
    var reference: String?

    @Option(name: .long, help: ArgumentHelp("Show the measures whose text mentions this word.", valueName: "word"))
    var search: String?

    @Flag(name: .long, help: "Write JSON instead of text.")
    var json = false

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if reference != nil && search != nil {
            throw ValidationError("Give a measure reference or --search, not both.")
        }
        if let search, search.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--search needs a word, for example --search apprentice.")
        }
    }

    func run() throws {
        let context = try options.context()
        let data = context.data
        let view = context.catalogueView
        var measures = data.frameworkMeasures
        if let reference {
            guard let measure = data.catalogue.measure(named: reference) else {
                let known = data.frameworkMeasures.map(\.reference.rawValue).joined(separator: ", ")
                try CommandRunner.guarded {
                    throw WizardError("There is no measure \"\(reference)\". The measures are: \(known).", status: .refused)
                }
                return
            }
            measures = [measure]
        } else if let search {
            measures = data.frameworkMeasures.filter { $0.matches(search) }
        }
        if json {
            context.console.writeData(try CatalogueJSON(data: data, pack: context.library.active, measures: measures).rendered())
        } else if let measure = measures.first, reference != nil {
            context.console.write(context.console.markdown.render(view.detailMarkdown(measure)))
        } else if let search {
            context.console.write(view.search(search))
        } else {
            context.console.write(view.tree())
        }
    }
}
