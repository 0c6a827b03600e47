import ArgumentParser
import Foundation
import Terminal
import Wizard

@main
struct SVWizard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svwizard",
        abstract: "Social value for council tenders: plan it, commit to it, check it.",
        discussion: HelpText.hang("""
            svwizard helps suppliers write the social value part of a tender response and helps \
            commissioners plan what a tender should ask for, using the council's social value \
            framework and the national TOMs measures.

            Run it with no command at a terminal for a menu. Examples:
              svwizard respond               write the social value part of a tender response
              svwizard assess                plan a procurement's social value (commissioners)
              svwizard workshop              training scenarios for workshops
              svwizard measures              the framework's measures by theme
              svwizard measures TOM6         one measure in full
              svwizard guide double-counting  read a guidance topic

            Exit status:
            \(ExitStatus.table)
            """),
        subcommands: [RespondCommand.self, ExportCommand.self, ValidateCommand.self, AssessCommand.self, EvaluateCommand.self, ContractCommand.self, DeliverCommand.self, TrackCommand.self, ReportCommand.self, SpendCommand.self, RegisterCommand.self, WorkshopCommand.self, MeasuresCommand.self, GuideCommand.self, ValuesCommand.self]
    )

    /// Runs the command line. `svwizard help NAME` for a command that does not exist is a
    /// usage error (exit 64), not the general help with success.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--version"] {
            // The commonest check of an install, answered without building the command tree.
            do {
                let context = try CommandRunner.guarded { try AppContext.make(dataOption: nil, noColour: false) }
                context.console.writeData(context.versionText)
                Foundation.exit(ExitStatus.success.rawValue)
            } catch {
                exit(withError: error)
            }
        }
        if arguments.first == "help", arguments.count > 1, !isCommandPath(Array(arguments.dropFirst())) {
            let name = arguments.dropFirst().joined(separator: " ")
            FileHandle.standardError.write(Data("svwizard: there is no command \"\(name)\". The commands are: \(commandNames).\n".utf8))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        main(nil)
    }

    /// Whether `path` names a command and its subcommands, such as ["workshop", "start"].
    static func isCommandPath(_ path: [String]) -> Bool {
        var commands: [ParsableCommand.Type] = configuration.subcommands
        for name in path {
            guard let command = commands.first(where: { $0._commandName == name }) else { return false }
            commands = command.configuration.subcommands
        }
        return true
    }

    static var commandNames: String { configuration.subcommands.map { $0._commandName }.joined(separator: ", ") }

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Show the tool, framework and value pack versions.")
    var version = false

    func run() throws {
        let context = try options.context()
        if version {
            context.console.writeData(context.versionText)
            return
        }
        let terminal = TerminalInfo.current()
        guard terminal.inputIsTerminal && terminal.outputIsTerminal else {
            context.console.write(SVWizard.helpMessage() + "\n")
            return
        }
        let status = StartMenu(context: context).run()
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
