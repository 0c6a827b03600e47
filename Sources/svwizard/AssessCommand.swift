import ArgumentParser
import Wizard

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Plan a procurement's social value: the opportunity assessment and the tender file.",
        discussion: HelpText.hang("""
            For commissioners, before a procurement starts. Asks about the contract and how it \
            will be bought, states the policy's rules that follow (with the policy's reasons), \
            recommends measures from short questions about the contract, and records the local \
            market, the Keep It Local principles, community wealth building and the real living \
            wage. Finishing writes assessment.md and assessment.html (the record for the \
            procurement file) and tender.json, which suppliers answer with \
            svwizard respond --tender tender.json.

            At any question: ? for help, back, review, save, quit. Every answer is saved at once, \
            to assessment.svdraft.json unless --draft names another file.

            Examples:
              svwizard assess
              svwizard assess --output tenders/RMBC-2025-041
              svwizard assess --resume assessment.svdraft.json
              svwizard assess --answers assessment.yaml --no-input

            Exit status: 0 finished (or saved to carry on later); 1 required answers missing with \
            --no-input, no measure adopted where social value is required, or piped input ended \
            early; 2 a file could not be read or written; 130 stopped with Ctrl-C (answers saved).
            """)
    )

    @OptionGroup var questionnaire: QuestionnaireOptions

    @Option(help: ArgumentHelp("The folder for assessment.md, assessment.html and tender.json (default: beside the draft).", valueName: "folder"))
    var output: String?

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context()
        let status = try CommandRunner.guarded {
            try AssessJob.job(context: context, options: questionnaire.jobOptions(), outputFolder: output).run()
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
