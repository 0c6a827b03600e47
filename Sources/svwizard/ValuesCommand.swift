import ArgumentParser
import Foundation
import Questionnaire
import SocialValue
import Wizard

struct ValuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "values",
        abstract: "Manage value packs: the £ value per unit of each measure.",
        discussion: HelpText.hang("""
            The official National TOMs values are licensed and change every year, so the buyer \
            supplies the values its tender uses. svwizard ships one pack, "workshop", holding only \
            values with a public source; it is for training and every figure from it is labelled \
            illustrative. A measure with no value in the pack is unvalued: shown by quantity, \
            never counted as £0.

            Examples:
              svwizard values list
              svwizard values show workshop
              svwizard values import toms-2024.csv --name toms-2024 --edition "National TOMs 2024" --source "Buyer's ITT pack"
              svwizard values use toms-2024
            """),
        subcommands: [List.self, Show.self, Import.self, Use.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the value packs; * marks the active one.")

        @Flag(name: .long, help: "Write JSON instead of text.") var json = false
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            if json {
                let active = context.library.active?.name
                let entries = context.library.all.map { PackSummary(pack: $0, active: $0.name == active) }
                context.console.writeData(try PackSummary.json(entries))
            } else {
                context.console.write(ValuePackView(library: context.library, data: context.data, style: context.console.style,
                                                    width: context.console.width).list())
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one pack: every value with its edition, source and date, and the measures it leaves unvalued.")

        @Argument(help: ArgumentHelp("The pack's name; the active pack if left out.", valueName: "name"), completion: Completions.packs) var name: String?
        @Flag(name: .long, help: "Write JSON instead of text.") var json = false
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            let pack = try CommandRunner.guarded { () throws -> ValuePack in
                if let name {
                    guard let pack = context.library.pack(named: name) else {
                        let names = context.library.all.map(\.name).joined(separator: ", ")
                        throw WizardError("There is no value pack \"\(name)\". The packs are: \(names).", status: .refused)
                    }
                    return pack
                }
                guard let pack = context.library.active else { throw WizardError("There are no value packs.", status: .refused) }
                return pack
            }
            if json {
                context.console.writeData(try PackSummary.json(pack))
            } else {
                context.console.write(ValuePackView(library: context.library, data: context.data, style: context.console.style,
                                                    width: context.console.width).show(pack))
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import a buyer's values from a CSV file (measure reference, £ per unit, optional note).",
            discussion: HelpText.hang("""
                The CSV has one row per measure: the measure reference, then the £ value per unit, \
                then an optional note. A header row is allowed. For example:

                  measure,value,note
                  TOM6,12769.68,
                  TOM31,245,per tonne CO2e

                If any row is wrong nothing is imported, each bad row is listed by number, and a \
                pack of the same name that you imported before is kept unchanged.
                """)
        )

        @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"), completion: Completions.csv) var file: String
        @Option(help: "A short name for the pack, such as toms-2024 (lower case, digits and hyphens).") var name: String
        @Option(help: "The framework edition the values belong to, such as \"National TOMs 2024\".") var edition: String
        @Option(help: "Where the values come from, such as \"Rotherham ITT pack, tender RMBC-123\".") var source: String
        @Option(help: "The date of the values (YYYY-MM-DD); today if left out.") var date: String?
        @Option(help: "A one-line description; the edition if left out.") var title: String?
        @OptionGroup var options: GlobalOptions

        func validate() throws {
            if edition.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--edition cannot be empty.") }
            if source.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--source cannot be empty.") }
            if let date, !Self.isDate(date) { throw ValidationError("--date must be written YYYY-MM-DD, for example 2024-04-01.") }
            if !ValuePackName.isValid(name) { throw ValidationError("--name \"\(name)\" cannot be used. \(ValuePackName.rule)") }
        }

        func run() throws {
            let context = try options.context()
            let details = ValuePackCSV.Details(name: name, title: title ?? edition, edition: edition, source: source,
                                               date: date ?? Self.today())
            let pack = try CommandRunner.guarded {
                try context.library.importCSV(at: URL(fileURLWithPath: file), details: details, catalogue: context.data.catalogue)
            }
            let total = context.data.frameworkMeasures.count
            context.console.say("Imported \(pack.values.count) value\(pack.values.count == 1 ? "" : "s") as the pack \(pack.name) "
                + "(\(total - pack.values.count) of the \(total) measures unvalued). Make it the active pack with: svwizard values use \(pack.name)")
        }

        static func isDate(_ text: String) -> Bool {
            let parts = text.split(separator: "-")
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
            return (1...12).contains(month) && (1...31).contains(day)
        }

        static func today() -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd"
            return formatter.string(from: Date())
        }
    }

    struct Use: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "use", abstract: "Make a pack the active one, used when a tender file brings no pack.")

        @Argument(help: ArgumentHelp("The pack's name.", valueName: "name"), completion: Completions.packs) var name: String
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let context = try options.context()
            try CommandRunner.guarded {
                guard let pack = context.library.pack(named: name) else {
                    let names = context.library.all.map(\.name).joined(separator: ", ")
                    throw WizardError("There is no value pack \"\(name)\". The packs are: \(names).", status: .refused)
                }
                try context.library.store.setActivePack(pack.name)
                context.console.say("The active value pack is now \(pack.name) (\(pack.edition)).")
            }
        }
    }
}

/// A value pack as JSON for scripts.
struct PackSummary: Encodable {
    let name: String
    let title: String
    let edition: String
    let source: String
    let date: String
    let illustrative: Bool
    let active: Bool
    let values: [ProxyValue]

    init(pack: ValuePack, active: Bool) {
        name = pack.name
        title = pack.title
        edition = pack.edition
        source = pack.source
        date = pack.date
        illustrative = pack.illustrative
        self.active = active
        values = pack.values
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        try JSONEncoder.stableText(value)
    }
}
