import ArgumentParser
import Wizard

struct RespondCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respond",
        abstract: "Write the social value part of a tender response, step by step.",
        discussion: HelpText.hang("""
            Asks about the tender, your organisation, the measures you will commit to, and for \
            each measure the quantity per contract year, how you will deliver it and the \
            evidence you will keep; then shows a review with the £ value and any problems. \
            Every answer is saved at once to a draft file, so you can stop and carry on later.

            At any question: ? for help, back, review, save, quit. Ctrl-C asks before leaving. \
            A new draft is named after the tender's reference (or response.svdraft.json) unless \
            --draft names it.

            Examples:
              svwizard respond                                 start a new response
              svwizard respond --tender tender.json            answer a tender the council sent
              svwizard respond --resume response.svdraft.json  carry on where you stopped
              svwizard respond --answers answers.yaml --no-input   fill it from a file, never ask

            Exit status: 0 finished with no errors (or saved to carry on later); 1 the response \
            has errors, or answers are missing with --no-input, or piped input ended early; \
            2 a file could not be read; 130 stopped with Ctrl-C (answers saved).
            """)
    )

    @Option(help: ArgumentHelp("The tender specification from the council (tender.json).", valueName: "file"), completion: Completions.tenders)
    var tender: String?

    @OptionGroup var questionnaire: QuestionnaireOptions

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context()
        let status = try CommandRunner.guarded {
            try RespondJob.job(context: context, options: questionnaire.jobOptions(tenderFile: tender)).run()
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
