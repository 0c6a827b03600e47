import ArgumentParser
import Wizard

struct WorkshopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshop",
        abstract: "Training scenarios for workshops: offline, no accounts, illustrative values.",
        discussion: HelpText.hang("""
            Each scenario has a tender, a supplier persona, learning goals and teaching notes at \
            the key steps. Trainees work in a practice folder (svwizard-practice unless --folder \
            says otherwise); facilitators have a guide for each scenario (svwizard guide NAME).

            Examples:
              svwizard workshop                                      list the scenarios
              svwizard workshop start thermal-works --as supplier    open it in the supplier's wizard
              svwizard workshop check svwizard-practice/thermal-works/response.svdraft.json
              svwizard workshop example thermal-works                the model answer and its bundle
              svwizard workshop reset                                clear the practice folder
            """),
        subcommands: [List.self, Start.self, Check.self, Example.self, Bids.self, Reset.self],
        defaultSubcommand: List.self
    )

    struct Folder: ParsableArguments {
        @Option(help: ArgumentHelp("The practice folder (default: svwizard-practice in this folder).", valueName: "folder"))
        var folder: String?
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the scenarios.")
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            WorkshopJob(context: context, folder: nil).list()
        }
    }

    enum Role: String, ExpressibleByArgument, CaseIterable {
        case supplier, commissioner
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Open a scenario in the supplier's or the commissioner's wizard, pre-loaded, in the practice folder.",
            discussion: "Running it again carries on where the trainee stopped.")

        @Argument(help: ArgumentHelp("The scenario, as listed by svwizard workshop.", valueName: "scenario"), completion: Completions.scenarios) var name: String
        @Option(name: .customLong("as"), help: "Whose part to practise: supplier or commissioner.") var role: Role = .supplier
        @OptionGroup var folder: Folder
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            let status = try CommandRunner.guarded {
                try WorkshopJob(context: context, folder: folder.folder).start(name, asCommissioner: role == .commissioner)
            }
            if status != .success { throw ExitCode(status.rawValue) }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Feedback on a draft or bundle: what is strong, what an evaluator would question, what is missing.",
            discussion: "Exit status: 0 nothing missing or wrong; 1 there are errors to fix; 2 the file cannot be read.")

        @Argument(help: ArgumentHelp("A draft (.svdraft.json) or a bundle (.svbundle.zip).", valueName: "file"), completion: Completions.draftsAndBundles) var file: String
        @Flag(help: "Write JSON instead of text: {file, strengths, questions, missing}, each item with its text and guidance topic.")
        var json = false
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            let status = try CommandRunner.guarded { try WorkshopJob(context: context, folder: nil).check(file, json: json) }
            if status != .success { throw ExitCode(status.rawValue) }
        }
    }

    struct Example: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "example",
            abstract: "Write a scenario's model answer (a draft and its bundle), or its weak answer with planted mistakes.")

        @Argument(help: ArgumentHelp("The scenario.", valueName: "scenario"), completion: Completions.scenarios) var name: String
        @Flag(help: "Write the weak answer instead, for practising svwizard workshop check.") var weak = false
        @OptionGroup var folder: Folder
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            let status = try CommandRunner.guarded { try WorkshopJob(context: context, folder: folder.folder).example(name, weak: weak) }
            if status != .success { throw ExitCode(status.rawValue) }
        }
    }

    struct Bids: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bids",
            abstract: "For commissioners: write a scenario's tender and three bids (strong, inflated, thin) to evaluate.")

        @Argument(help: ArgumentHelp("The scenario.", valueName: "scenario"), completion: Completions.scenarios) var name: String
        @OptionGroup var folder: Folder
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            let status = try CommandRunner.guarded { try WorkshopJob(context: context, folder: folder.folder).bids(name) }
            if status != .success { throw ExitCode(status.rawValue) }
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset",
            abstract: "Clear the practice folder (only a folder svwizard made for practice), after asking.",
            discussion: "Exit status: 0 cleared (or nothing to clear); 1 not confirmed, or not a practice folder.")

        @OptionGroup var folder: Folder
        @Flag(name: .long, help: "Delete without asking (for scripts).") var yes = false
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            let status = try CommandRunner.guarded { try WorkshopJob(context: context, folder: folder.folder).reset(yes: yes) }
            if status != .success { throw ExitCode(status.rawValue) }
        }
    }
}
