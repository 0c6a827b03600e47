import ArgumentParser
import Wizard

/// The register's location, shared by the contract manager's commands.
struct RegisterOption: ParsableArguments {
    @Option(help: ArgumentHelp("The contract register (SQLite). Default: SVWIZARD_REGISTER, else $XDG_DATA_HOME/svwizard/register.sqlite.",
                               valueName: "register.sqlite"))
    var register: String?
}

struct ContractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "Record awarded contracts and send suppliers their contract pack (commissioners, contract managers).",
        discussion: HelpText.hang("""
            At award, the winning bid's commitments become a contract in the council's register, \
            with a schedule: each measure's quantity for each contract year shared out over the \
            council's reporting periods (quarters of a year that runs December to November, as \
            framework.yaml sets), with a part period at each end when the contract starts \
            mid-period. The contract pack is the file the supplier prepares its delivery returns with.

            Examples:
              svwizard contract award winner.svbundle.zip --tender tender.json --directorate "Regeneration and Environment" --manager "Sam Patel"
              svwizard contract list
              svwizard contract show RMBC-2026-017
              svwizard contract pack RMBC-2026-017 --output to-supplier
            """),
        subcommands: [Award.self, Record.self, List.self, Show.self, Pack.self]
    )

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record", abstract: "Record a contract let without social value commitments (for the annual report's counts).",
            discussion: "The annual report counts contracts over the social value threshold with and without commitments; record here those "
                + "let without any (exempt, or under the threshold), so the count is complete.")
        @Argument(help: ArgumentHelp("The contract's reference.", valueName: "reference")) var reference: String
        @Option(help: ArgumentHelp("The contract's title.", valueName: "title")) var title: String
        @Option(help: ArgumentHelp("The supplier's name.", valueName: "name")) var supplier: String
        @Option(help: ArgumentHelp("The supplier's postcode.", valueName: "postcode")) var postcode: String
        @Option(help: ArgumentHelp("The contract's value, such as 150000.", valueName: "amount")) var value: String
        @Option(help: ArgumentHelp("The start date.", valueName: "date")) var start: String
        @Option(help: ArgumentHelp("Its length: whole years (2), or months when it is not whole years (18 months).", valueName: "length"))
        var years: String
        @Option(help: ArgumentHelp("The directorate.", valueName: "name")) var directorate: String
        @Option(help: ArgumentHelp("The contract manager.", valueName: "name")) var manager: String
        @Option(help: ArgumentHelp("The date of award; today if left out.", valueName: "date")) var on: String?
        @OptionGroup var register: RegisterOption
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            _ = try CommandRunner.guarded {
                try ContractJob(context: context, registerPath: register.register).record(.init(
                    reference: reference, title: title, supplier: supplier, postcode: postcode, value: value, start: start, years: years,
                    directorate: directorate, manager: manager, awarded: on))
            }
        }
    }

    struct Award: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "award", abstract: "Record the winning bid as a contract with its schedule.",
            discussion: HelpText.hang("""
                The bundle is checked against the tender file first; one that fails is not recorded. \
                The contract reference is the tender's unless --reference gives another. At a \
                terminal, svwizard asks for the directorate and contract manager when not given. \
                Exit status: 0 recorded; 1 refused (the bundle failed its checks, or the reference is \
                taken); 2 a file or the register cannot be read.
                """))

        @Argument(help: ArgumentHelp("The winning bid's bundle.", valueName: "bundle"), completion: Completions.bundles) var bundle: String
        @Option(help: ArgumentHelp("The tender file the bid answered.", valueName: "tender.json"), completion: Completions.tenders) var tender: String
        @Option(help: ArgumentHelp("The contract's reference; the tender's if left out.", valueName: "reference")) var reference: String?
        @Option(help: ArgumentHelp("The directorate that manages the contract.", valueName: "name")) var directorate: String?
        @Option(help: ArgumentHelp("The contract manager.", valueName: "name")) var manager: String?
        @Option(help: ArgumentHelp("The date of award; today if left out.", valueName: "date")) var on: String?
        @Flag(help: "Seek real living wage assurance each year (a tender made by svwizard assess records this itself).")
        var livingWageAssurance = false
        @Flag(help: "Never ask; what is missing is an error.") var noInput = false
        @OptionGroup var register: RegisterOption
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            let status = try CommandRunner.guarded {
                try ContractJob(context: context, registerPath: register.register).award(
                    bundlePath: bundle, tenderPath: tender,
                    details: .init(reference: reference, directorate: directorate, manager: manager, awarded: on,
                                   livingWageAssurance: livingWageAssurance, noInput: noInput))
            }
            if status != .success { throw ExitCode(status.rawValue) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the contracts in the register.")
        @Flag(name: .long, help: "Write JSON instead of text.") var json = false
        @OptionGroup var register: RegisterOption
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            _ = try CommandRunner.guarded { try ContractJob(context: context, registerPath: register.register).list(json: json) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a contract: its commitments and schedule by period.")
        @Argument(help: ArgumentHelp("The contract's reference.", valueName: "reference")) var reference: String
        @Flag(name: .long, help: "Write JSON instead of text.") var json = false
        @OptionGroup var register: RegisterOption
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            _ = try CommandRunner.guarded { try ContractJob(context: context, registerPath: register.register).show(reference: reference, json: json) }
        }
    }

    struct Pack: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pack", abstract: "Write REF.svcontract.json, the file the supplier prepares delivery returns with.")
        @Argument(help: ArgumentHelp("The contract's reference.", valueName: "reference")) var reference: String
        @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write it in; the current folder if left out.", valueName: "folder")) var output: String?
        @OptionGroup var register: RegisterOption
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            _ = try CommandRunner.guarded { try ContractJob(context: context, registerPath: register.register).pack(reference: reference, outputPath: output) }
        }
    }
}

struct DeliverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Prepare a delivery return for a reporting period, offline (suppliers).",
        discussion: HelpText.hang("""
            For each committed measure, svwizard shows what is due in the period and asks what \
            was delivered, the evidence you keep (what, its reference, its date), a short account \
            and, when delivery is below the profile, why and how it will be made up. Your answers \
            are saved after each one in REF-PERIOD.svdelivery.yaml, so you can stop at any time \
            and carry on with the same command. The return is checked, then written as \
            REF-PERIOD.svreturn.zip to send to your contract manager.

            Examples:
              svwizard deliver --contract RMBC-2026-017.svcontract.json
              svwizard deliver --contract RMBC-2026-017.svcontract.json --period 2026-27-Q1
              svwizard deliver --contract RMBC-2026-017.svcontract.json --answers q1.yaml --no-input

            Exit status: 0 written; 1 incomplete or with errors (each is listed; your answers are kept); \
            2 a file cannot be read; 64 a wrong period.
            """)
    )

    @Option(help: ArgumentHelp("The contract pack from the council.", valueName: "REF.svcontract.json")) var contract: String
    @Option(help: ArgumentHelp("The reporting period, such as 2026-27-Q1; asked if left out.", valueName: "period")) var period: String?
    @Option(help: ArgumentHelp("The answers file (YAML); REF-PERIOD.svdelivery.yaml if left out.", valueName: "answers.yaml"),
            completion: Completions.answers) var answers: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write the return in; the current folder if left out.", valueName: "folder")) var output: String?
    @Flag(help: "Never ask: take every answer from the answers file, list what it lacks.") var noInput = false
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context()
        let status = try CommandRunner.guarded {
            try DeliverJob(context: context, contractPath: contract, period: period, answersPath: answers, outputPath: output, noInput: noInput).run()
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
