import ArgumentParser
import Foundation
import Terminal
import Wizard

@main
struct SVWizard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svwizard",
        abstract: "Social value for council tenders: plan it, commit to it, check it.",
        discussion: """
            svwizard helps suppliers write the social value part of a tender response and helps \
            commissioners plan what a tender should ask for, using the council's social value \
            framework and the national TOMs measures.

            Run it with no command at a terminal for a menu. Examples:
              svwizard respond               write the social value part of a tender response
              svwizard assess                plan a procurement's social value (commissioners)
              svwizard workshop              training scenarios for workshops
              svwizard measures              the framework's measures by theme
              svwizard measures TOM6         one measure in full
              svwizard guide double-counting read a guidance topic

            Exit status:
            \(ExitStatus.table)
            """,
        subcommands: [RespondCommand.self, ExportCommand.self, ValidateCommand.self, AssessCommand.self, WorkshopCommand.self, MeasuresCommand.self, GuideCommand.self, ValuesCommand.self]
    )

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Show the tool, framework and value pack versions.")
    var version = false

    func run() throws {
        let context = try options.context()
        if version {
            context.console.write(AppContext.versionText(toolVersion: ToolVersion.current, data: context.data, pack: context.library.active))
            return
        }
        let terminal = TerminalInfo.current()
        guard terminal.inputIsTerminal && terminal.outputIsTerminal else {
            context.console.write(SVWizard.helpMessage() + "\n")
            return
        }
        StartMenu(context: context).run()
    }
}
