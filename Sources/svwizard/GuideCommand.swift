import ArgumentParser
import Terminal
import Wizard

struct GuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Read plain-English guidance on social value, the policy and each measure.",
        discussion: HelpText.hang("""
            With no topic, lists the topics; at a terminal it then asks which to read, and Tab \
            completes topic names.

            Examples:
              svwizard guide                    list the topics
              svwizard guide what-is-social-value
              svwizard guide tom10              the page for a measure
            """)
    )

    @Argument(help: ArgumentHelp("The topic to read, as listed by `svwizard guide`.", valueName: "topic"), completion: Completions.topics)
    var topic: String?

    @Flag(name: .long, help: "Only list the topics, even at a terminal.")
    var list = false

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context()
        let view = context.guideView
        guard let topic else {
            let terminal = TerminalInfo.current()
            if terminal.inputIsTerminal && terminal.outputIsTerminal && !list {
                GuideBrowser(context: context).run()
            } else {
                context.console.write(view.list())
            }
            return
        }
        guard let page = view.render(topic) else {
            let near = view.suggestions(for: topic)
            let hint = near.isEmpty ? "Run `svwizard guide` to list the topics." : "Did you mean: \(near.prefix(5).joined(separator: ", "))?"
            try CommandRunner.guarded { throw WizardError("There is no guidance topic \"\(topic)\". \(hint)", status: .refused) }
            return
        }
        context.console.write(page)
    }
}
