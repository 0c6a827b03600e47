import ArgumentParser
import Wizard

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Make the submission bundle (a zip) to upload with your tender.",
        discussion: HelpText.hang("""
            Refuses while the response has errors or unanswered questions, listing each with \
            what to do. The bundle holds response.txt (to paste into the tender portal), \
            response.html (printable), response.md, commitments.csv, submission.json and \
            manifest.json (each file's SHA-256). It is named after the tender and the supplier. \
            The same draft always gives the same bytes.

            Examples:
              svwizard export RMBC-2025-041.svdraft.json
              svwizard export response.svdraft.json -o maltby-joinery.svbundle.zip

            Exit status: 0 exported; 1 the response has errors or missing answers; 2 the draft \
            cannot be read or the bundle cannot be written.
            """)
    )

    @Argument(help: ArgumentHelp("The draft made by svwizard respond.", valueName: "draft"), completion: Completions.drafts)
    var draft: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the bundle (default: beside the draft, named after the tender and the supplier, REFERENCE-Supplier-Name.svbundle.zip).", valueName: "file"))
    var output: String?

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context()
        let status = try CommandRunner.guarded { try ExportJob(context: context, draftPath: draft, outputPath: output).run() }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check submission bundles: intact, unchanged since export, and free of errors.",
        discussion: HelpText.hang("""
            For each bundle: refuses anything unsafe (paths with .., links, zip bombs, \
            duplicate or non-UTF-8 names) without writing it anywhere; checks every file \
            against the manifest; then runs every check on the response again and recomputes \
            its value, reporting any difference from what the bundle claims.

            With --tender, also checks that each bundle answers the buyer's own tender file: the \
            same tender and contract, only its adopted measures, and its value pack's very \
            values (the figures reported then use the tender's values).

            Examples:
              svwizard validate maltby-joinery.svbundle.zip
              svwizard validate bids/*.svbundle.zip --tender tender.json
              svwizard validate bids/*.svbundle.zip --json

            The readable files are always made again from submission.json and compared, \
            whatever the bundle says about itself. The fingerprints catch accidental damage and \
            careless edits, not a deliberate forgery by someone who recomputes them all: rely on \
            the bundle as uploaded to your own tender portal (see svwizard guide file-formats).

            Exit status: 0 every bundle valid; 1 a response has errors or differs from a fresh \
            check, or does not match the tender; 2 a bundle is unreadable, not a bundle, of an \
            unknown version, badly formed, or tampered; 4 a bundle from another svwizard version could not be confirmed.
            """)
    )

    @Argument(help: ArgumentHelp("One or more bundles.", valueName: "bundle"), completion: Completions.bundles)
    var bundles: [String]

    @Option(help: ArgumentHelp("The buyer's tender file: check that each bundle answers it, with its measures and its values.",
                               valueName: "tender.json"), completion: Completions.tenders)
    var tender: String?

    @Flag(help: "Write JSON instead of text.")
    var json = false

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if bundles.isEmpty { throw ValidationError("Name at least one bundle, for example: svwizard validate response.svbundle.zip") }
    }

    func run() throws {
        let context = try options.context()
        let status = try CommandRunner.guarded { try ValidateJob(context: context, paths: bundles, tenderPath: tender, json: json).run() }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
