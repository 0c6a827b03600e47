import ArgumentParser
import Wizard

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The annual (or mid-year) social value report for Cabinet, from the register (councils).",
        discussion: HelpText.hang("""
            Adds up the register: social value committed, due, reported and validated in the \
            period and since the first contract, with value not yet due kept apart from \
            under-delivery; the headline figures the policy reports; every measure; and \
            breakdowns by theme, outcome, directorate, supplier location, postcode district, \
            supplier and contract. With spending data imported (svwizard spend import), it adds \
            the council's spend with local suppliers by financial year.

            Examples:
              svwizard report --year 2025/26 --output report-2025-26
              svwizard report --year 2025/26 --mid-year
              svwizard report --from "1 April 2025" --to "31 March 2026" --json

            The year is the council's social value reporting year (Rotherham's runs December to \
            November, as framework.yaml says); without --year or dates, the last year that has ended. \
            A reporting period counts when its last day falls in the report's dates.
            """)
    )

    @Option(help: ArgumentHelp("The reporting year, such as 2025/26.", valueName: "year")) var year: String?
    @Flag(help: "The first half of the year (the mid-year report to the scrutiny board).") var midYear = false
    @Option(help: ArgumentHelp("The first day, instead of --year.", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("The last day, instead of --year.", valueName: "date")) var to: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("A new folder for report.html, report.md, report.csv and report.json.", valueName: "folder"))
    var output: String?
    @Flag(name: .long, help: "Write report.json to standard output.") var json = false
    @OptionGroup var register: RegisterOption
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context()
        let status = try CommandRunner.guarded {
            try ReportJob(context: context, registerPath: register.register).run(.init(year: year, midYear: midYear, from: from, to: to),
                                                                                 outputPath: output, json: json)
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

extension RegisterCommand {
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample", abstract: "Make a register of made-up contracts, for trying reports at scale.",
            discussion: "Every contract has every measure of the framework, a three-year term starting between December 2022 and December 2023, "
                + "and a return for each period that ended before --through. The same arguments always make the same register.")
        @Argument(help: ArgumentHelp("The new register file.", valueName: "file")) var file: String
        @Option(help: ArgumentHelp("How many contracts.", valueName: "count")) var contracts = 100
        @Option(help: ArgumentHelp("Returns for periods ending before this date (default 30 November 2026).", valueName: "date")) var through: String?
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            _ = try CommandRunner.guarded { try SampleJob(context: context).run(path: file, contracts: contracts, through: through) }
        }
    }
}

struct SpendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spend",
        abstract: "Import the council's published spending, for the report's local spend analysis.",
        discussion: HelpText.hang("""
            Reads a "spending over £500" file (CSV) as councils publish it. Its columns are found by \
            their usual names (payment date, amount, supplier name, expense type, postcode); give \
            --map when they are named otherwise. Suppliers' postcodes come from the file or from \
            --postcodes, a CSV of supplier name and postcode. svwizard guide spend-analysis explains.

            Examples:
              svwizard spend import spend-2025-04.csv
              svwizard spend import spend-2025-04.csv --map columns.yaml --postcodes suppliers.csv
            """),
        subcommands: [Import.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Add a spending file's payments to the register.",
            discussion: "A payment already imported (the same date, supplier, amount, category and reference) is left out. Rows that cannot be "
                + "read are listed with their line numbers (exit status 1); the rest are imported.")
        @Argument(help: ArgumentHelp("The spending file (CSV).", valueName: "file")) var file: String
        @Option(help: ArgumentHelp("Which column holds each field (YAML).", valueName: "map.yaml")) var map: String?
        @Option(help: ArgumentHelp("Suppliers' postcodes (CSV: supplier, postcode).", valueName: "suppliers.csv")) var postcodes: String?
        @Flag(name: .long, help: "Write what was imported as JSON.") var json = false
        @OptionGroup var register: RegisterOption
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            let status = try CommandRunner.guarded {
                try SpendJob(context: context, registerPath: register.register).importFile(file, mapPath: map, postcodesPath: postcodes, json: json)
            }
            if status != .success { throw ExitCode(status.rawValue) }
        }
    }
}
