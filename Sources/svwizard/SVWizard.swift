import ArgumentParser
import Foundation
import Terminal
import SocialValue
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
        if let refusal = controlCharacterRefusal(arguments) {
            FileHandle.standardError.write(Data(("svwizard: " + refusal + "\n").utf8))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        if arguments.first == "help", arguments.count > 1, !isCommandPath(Array(arguments.dropFirst())) {
            let name = arguments.dropFirst().joined(separator: " ")
            FileHandle.standardError.write(Data("svwizard: there is no command \"\(name)\". The commands are: \(commandNames).\n".utf8))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            finish(error)
        }
        Foundation.exit(ExitStatus.success.rawValue)
    }

    /// Ends the run as the argument parser would (help on standard output with success, an
    /// error and its usage on standard error), with the text laid out for the terminal.
    static func finish(_ error: Error) -> Never {
        let code = exitCode(for: error)
        let text = HelpText.layOut(fullMessage(for: error))
        if !text.isEmpty {
            if code == .success {
                print(text)
            } else {
                FileHandle.standardError.write(Data((text + "\n").utf8))
            }
        }
        Foundation.exit(code.rawValue)
    }

    /// Options are checked like answers: a control character (an escape sequence, a bell, a
    /// line break) in an argument would reach the register, the reports and other people's
    /// screens, so the command is refused before it runs, naming the option, with nothing written.
    static func controlCharacterRefusal(_ arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() where argument.unicodeScalars.contains(where: ShortText.isControl) {
            let option = index > 0 && arguments[index - 1].hasPrefix("--") ? arguments[index - 1] + " " : ""
            return "\(option)\"\(ShortText.shortened(argument, limit: 60))\" holds a control character (shown as ?), which svwizard "
                + "does not store or show. Type it again without it. Nothing was done."
        }
        return nil
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
