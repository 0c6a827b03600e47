import ArgumentParser
import Wizard

struct TrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Import delivery returns, review their evidence, and see delivery against commitments (contract managers).",
        discussion: HelpText.hang("""
            A return is imported only when it is intact, for a contract in the register, for one \
            of its periods and made with its contract pack. Importing the same return again \
            changes nothing; a corrected return for the same period replaces the earlier one, \
            which is kept in the history. Delivery counts as validated only when its evidence is.

            Examples:
              svwizard track import RMBC-2026-017-2026-27-Q1.svreturn.zip
              svwizard track review RMBC-2026-017
              svwizard track show RMBC-2026-017
              svwizard track assure RMBC-2026-017 --by "Sam Patel" --outcome compliant --evidence "Supplier's signed statement"
            """),
        subcommands: [Import.self, Review.self, Show.self, Assure.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Import suppliers' delivery returns into the register.",
            discussion: "Exit status: 0 every return imported (or already there); 1 one was refused; 2 one cannot be read.")
        @Argument(help: ArgumentHelp("The returns (.svreturn.zip).", valueName: "return")) var returns: [String]
        @Option(help: ArgumentHelp("The date of import; today if left out.", valueName: "date")) var on: String?
        @Flag(name: .long, help: "Write each return's outcome as JSON.") var json = false
        @OptionGroup var register: RegisterOption
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            let status = try CommandRunner.guarded {
                try TrackJob(context: context, registerPath: register.register).importReturns(returns, on: on, json: json)
            }
            if status != .success { throw ExitCode(status.rawValue) }
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review", abstract: "Decide each piece of evidence in a return: validated, rejected or queried.",
            discussion: "Each answer is recorded in the register straight away, a decision with its reason; stop at any time and carry on "
                + "with the same command. With --answers, the decisions come from a file and only what it leaves out is asked; with "
                + "--answers and --no-input they are recorded at once, or nothing is when the file leaves something out (exit 1). "
                + "With --no-input alone, lists the evidence waiting for a decision (exit 1 when there is some).")
        @Argument(help: ArgumentHelp("The contract's reference.", valueName: "reference")) var reference: String
        @Option(help: ArgumentHelp("The period's return; the first with evidence to decide if left out.", valueName: "period")) var period: String?
        @Option(help: ArgumentHelp("Your name, recorded with each decision; asked if left out.", valueName: "name")) var reviewer: String?
        @Option(help: ArgumentHelp("The date of the review; today if left out.", valueName: "date")) var on: String?
        @Option(help: ArgumentHelp("Decisions given in advance (svwizard guide delivery-returns shows the layout); what it leaves out is asked.",
                                   valueName: "review.yaml")) var answers: String?
        @Flag(help: "Never ask: with --answers, record them (every decision needed); without, list the evidence waiting for a decision.")
        var noInput = false
        @Flag(name: .long, help: "With --no-input, write the list as JSON.") var json = false
        @OptionGroup var register: RegisterOption
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            let status = try CommandRunner.guarded {
                try ReviewJob(context: context, registerPath: register.register, reference: reference, period: period, reviewer: reviewer, on: on,
                              noInput: noInput, json: json, answersPath: answers).run()
            }
            if status != .success { throw ExitCode(status.rawValue) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Committed, reported and validated delivery by measure and period, with RAG status.")
        @Argument(help: ArgumentHelp("The contract's reference.", valueName: "reference")) var reference: String
        @Option(help: ArgumentHelp("The date to measure what is due by; today if left out.", valueName: "date")) var asOf: String?
        @Flag(name: .long, help: "Write JSON instead of text.") var json = false
        @OptionGroup var register: RegisterOption
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            _ = try CommandRunner.guarded { try TrackJob(context: context, registerPath: register.register).show(reference: reference, asOf: asOf, json: json) }
        }
    }

    struct Assure: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assure", abstract: "Record this year's real living wage assurance for a contract.")
        @Argument(help: ArgumentHelp("The contract's reference.", valueName: "reference")) var reference: String
        @Option(help: ArgumentHelp("The date it was given; today if left out.", valueName: "date")) var on: String?
        @Option(help: ArgumentHelp("Who gave it.", valueName: "name")) var by: String?
        @Option(help: ArgumentHelp("compliant or not-compliant.", valueName: "outcome")) var outcome: String?
        @Option(help: ArgumentHelp("What it rests on.", valueName: "text")) var evidence: String?
        @OptionGroup var register: RegisterOption
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            _ = try CommandRunner.guarded {
                try TrackJob(context: context, registerPath: register.register).assure(reference: reference, on: on, by: by, outcome: outcome, evidence: evidence)
            }
        }
    }
}

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Back up, export or copy the contract register.",
        discussion: HelpText.hang("""
            The register is a file on this computer (register.sqlite), or a register shared by a council's contract managers on a \
            PostgreSQL server: give its address with --register or SVWIZARD_REGISTER, such as \
            postgresql://sam@dbserver/svwizard. The password comes from PGPASSWORD or ~/.pgpass, never from the address.

            Examples:
              svwizard register backup register-2026-03-31.sqlite
              svwizard register export --json > register.json
              svwizard register copy register-2026-03-31.sqlite register-copy.sqlite
              svwizard register copy register-2026-03-31.sqlite postgresql://sam@dbserver/svwizard
            """),
        subcommands: [Backup.self, Export.self, Copy.self, Sample.self]
    )

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy", abstract: "Copy every row of a register, history included, into a new or empty one: a file to a shared register, or back.",
            discussion: "Exit status: 0 copied; 1 refused (the new register is not empty, or a file is already there); 2 a register cannot be read; "
                + "5 a shared register's server cannot be reached or refused the login.")
        @Argument(help: ArgumentHelp("The register to copy: a file, or a postgresql:// address.", valueName: "from")) var from: String
        @Argument(help: ArgumentHelp("The new register: a file not there yet, or an empty PostgreSQL database.", valueName: "to")) var to: String
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            _ = try CommandRunner.guarded { try TrackJob(context: context, registerPath: nil).copy(from: from, to: to) }
        }
    }

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup", abstract: "Copy the register, consistently, to a new file (even while others use it).")
        @Argument(help: ArgumentHelp("The new file.", valueName: "file")) var file: String
        @OptionGroup var register: RegisterOption
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            _ = try CommandRunner.guarded { try TrackJob(context: context, registerPath: register.register).backup(to: file) }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write everything in the register as JSON.")
        @Flag(name: .long, help: "Write JSON (the only format).") var json = false
        @OptionGroup var register: RegisterOption
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            _ = try CommandRunner.guarded { try TrackJob(context: context, registerPath: register.register).export() }
        }
    }
}
