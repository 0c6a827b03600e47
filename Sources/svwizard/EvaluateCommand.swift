import ArgumentParser
import Wizard

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score the social value part of every bid by the recorded method (commissioners).",
        discussion: HelpText.hang("""
            Checks every bundle against the tender file (a bundle that is damaged, tampered, \
            answers another tender or uses other values is left out, with the reason), values \
            each bid with the tender's value pack, and scores it: the quantitative half by the \
            method the panel recorded (relative to the highest offer, to a target per £1, in \
            bands, or pass or fail), the qualitative half by the agreed score on the scale. \
            Offers that look unrealistic must be clarified first: the scores file records the \
            question, the answer and the decision (accept, adjust a line to the evidenced \
            quantity, or reject it). Nothing is capped silently.

            At a terminal, svwizard asks the panel for whatever the scores file does not record \
            yet (the evaluators, each clarification, each evaluator's score and reason, the \
            agreed score and rationale) and saves the file after every answer, so the panel can \
            stop and carry on later with the same command. With --no-input it never asks. The \
            file can also be written by hand (svwizard guide scores-file shows the layout). The \
            record is written to a new folder: \
            evaluation.html (to read and print), evaluation.md, evaluation.csv (one row per \
            bundle), evaluation.json and manifest.json. The same inputs give the same bytes.

            Examples:
              svwizard evaluate --tender tender.json bids/*.svbundle.zip --scores scores.yaml --output evaluation
              svwizard guide evaluation      how each method works out the marks

            Exit status: 0 written; 1 the scores file is incomplete or wrong (each gap is listed) \
            or the output folder is not new; 2 a file cannot be read.
            """)
    )

    @Option(help: ArgumentHelp("The tender file the bids answer, with the buyer's value pack.", valueName: "tender.json"),
            completion: Completions.tenders)
    var tender: String

    @Argument(help: ArgumentHelp("The bids' bundles.", valueName: "bundle"), completion: Completions.bundles)
    var bundles: [String]

    @Option(help: ArgumentHelp("The panel's scores file (YAML).", valueName: "scores.yaml"), completion: Completions.answers)
    var scores: String

    @Option(name: .shortAndLong, help: ArgumentHelp("A new folder for the evaluation record.", valueName: "folder"))
    var output: String

    @Flag(help: "Also write evaluation.json to standard output.")
    var json = false

    @Flag(help: "Never ask: list what the scores file leaves out and write nothing.")
    var noInput = false

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context()
        let status = try CommandRunner.guarded {
            try EvaluateJob(context: context, tenderPath: tender, bundlePaths: bundles, scoresPath: scores, outputPath: output, json: json,
                            noInput: noInput).run()
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
