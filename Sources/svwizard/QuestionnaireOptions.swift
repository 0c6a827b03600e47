import ArgumentParser
import Wizard

/// Options every questionnaire command takes: resuming, naming the draft, answers files.
struct QuestionnaireOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Carry on with a saved draft.", valueName: "draft"), completion: Completions.drafts)
    var resume: String?

    @Option(help: ArgumentHelp("Where to save a new draft.", valueName: "file"))
    var draft: String?

    @Option(help: ArgumentHelp("Fill in answers from a YAML or JSON file; only what is missing is asked.", valueName: "file"), completion: Completions.answers)
    var answers: String?

    @Flag(help: "Never ask: with --answers, fail listing every missing or invalid answer.")
    var noInput = false

    func validate() throws {
        if noInput && answers == nil && resume == nil {
            throw ValidationError("--no-input needs --answers FILE (or --resume DRAFT) to take the answers from.")
        }
        if resume != nil && draft != nil {
            throw ValidationError("--resume saves to the draft it opens; leave out --draft.")
        }
    }

    /// The job's options, with a tender file for `respond`.
    func jobOptions(tenderFile: String? = nil) -> QuestionnaireJob.Options {
        .init(tenderFile: tenderFile, resume: resume, draft: draft, answersFile: answers, noInput: noInput)
    }
}
