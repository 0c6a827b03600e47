import Foundation

/// The menu shown when svwizard is started with no command at a terminal.
public struct StartMenu {
    public let context: AppContext

    public init(context: AppContext) { self.context = context }

    static let options: [ChoicePrompt.Option] = [
        .init(key: "respond", label: "Respond to a tender as a supplier"),
        .init(key: "assess", label: "Assess an opportunity as a commissioner"),
        .init(key: "measures", label: "Browse the measures"),
        .init(key: "guide", label: "Read the guidance"),
        .init(key: "workshop", label: "Run a workshop scenario"),
        .init(key: "deliver", label: "Prepare a delivery return as a supplier"),
        .init(key: "track", label: "See a contract's delivery as a contract manager"),
    ]

    static let help = """
        svwizard helps with the social value part of council tenders. Suppliers use it to write \
        their social value response and, after award, each delivery return; commissioners use it \
        to plan what a tender should ask for; contract managers to follow delivery. \
        Type the number of what you want to do, or its name in brackets. Tab completes names.
        """

    /// Runs the menu until the person leaves; `.interrupted` when they left with Ctrl-C.
    public func run() -> ExitStatus {
        let console = context.console
        console.write(console.style.bold("svwizard: social value in \(context.data.framework.council) tenders") + "\n\n")
        let prompt = ChoicePrompt(question: "What would you like to do?", options: Self.options, help: Self.help)
        while true {
            let choice: String
            switch prompt.choose(on: console) {
            case let .chosen(key): choice = key
            case .left:
                console.say("Goodbye.")
                return .success
            case .interrupted:
                return .interrupted
            }
            switch choice {
            case "respond": startResponse()
            case "assess": startAssessment()
            case "workshop": startWorkshop()
            case "measures": MeasureBrowser(context: context).run()
            case "guide": GuideBrowser(context: context).run()
            case "deliver": startDelivery()
            case "track": showDelivery()
            default: break
            }
            console.write("\n")
        }
    }

    /// Starts a new response in the current folder, or carries on with the one there.
    private func startResponse() {
        let existing = context.directory.appendingPathComponent("response.svdraft.json")
        let resume = FileManager.default.fileExists(atPath: existing.path) ? existing.path : nil
        if resume != nil { context.console.say("Carrying on with your response in \(existing.path).") }
        do {
            _ = try RespondJob.job(context: context, options: .init(resume: resume, draft: nil, answersFile: nil, noInput: false)).run()
        } catch {
            context.console.complain("\(error)")
        }
    }

    /// Starts an assessment in the current folder, or carries on with the one there.
    private func startAssessment() {
        let existing = context.directory.appendingPathComponent("assessment.svdraft.json")
        let resume = FileManager.default.fileExists(atPath: existing.path) ? existing.path : nil
        if resume != nil { context.console.say("Carrying on with your assessment in \(existing.path).") }
        do {
            _ = try AssessJob.job(context: context, options: .init(resume: resume, draft: nil, answersFile: nil, noInput: false),
                                  outputFolder: nil).run()
        } catch {
            context.console.complain("\(error)")
        }
    }

    /// Prepares a delivery return with the contract pack in the current folder (or the one named).
    private func startDelivery() {
        let console = context.console
        let packs = ((try? FileManager.default.contentsOfDirectory(atPath: context.directory.path)) ?? []).filter { $0.hasSuffix(".svcontract.json") }.sorted()
        let path: String
        if packs.count == 1 {
            path = packs[0]
            console.say("Using the contract pack \(path).")
        } else {
            let pick = ChoicePrompt(question: "Which contract pack?", options: packs.map { .init(key: $0, label: $0) },
                                    help: "The .svcontract.json file the council sent you after award. Put it in this folder, or run "
                                        + "svwizard deliver --contract FILE.")
            guard !packs.isEmpty else {
                console.say("There is no contract pack (.svcontract.json) in \(context.directory.path). Put the file the council sent you here, "
                    + "or run svwizard deliver --contract FILE.")
                return
            }
            guard let chosen = pick.ask(on: console) else { return }
            path = chosen
        }
        do {
            _ = try DeliverJob(context: context, contractPath: path, period: nil, answersPath: nil, outputPath: nil, noInput: false).run()
        } catch {
            console.complain("\(error)")
        }
    }

    /// Shows one contract's delivery from the register.
    private func showDelivery() {
        let console = context.console
        do {
            let job = ContractJob(context: context, registerPath: nil)
            let register = try RegisterAccess.open(job.registerURL, create: false)
            let contracts = try RegisterAccess.translating { try register.contracts() }
            guard !contracts.isEmpty else {
                console.say("The register has no contracts yet. svwizard contract award records one.")
                return
            }
            let pick = ChoicePrompt(question: "Which contract?", options: contracts.prefix(50).map { .init(key: $0.reference, label: "\($0.reference) \($0.supplier)") },
                                    help: "The contracts in the register (svwizard contract list shows them all).")
            guard let reference = pick.ask(on: console) else { return }
            _ = try TrackJob(context: context, registerPath: nil).show(reference: reference, asOf: nil, json: false)
        } catch {
            console.complain("\(error)")
        }
    }

    /// Chooses a scenario and a part to practise, then opens it.
    private func startWorkshop() {
        let scenarios = context.data.workshops
        let pick = ChoicePrompt(question: "Which scenario?", options: scenarios.map { .init(key: $0.name, label: $0.title) },
                                help: "Each scenario is a realistic tender with a supplier persona. Values are illustrative.")
        guard let name = pick.ask(on: context.console) else { return }
        let role = ChoicePrompt(question: "Whose part will you practise?",
                                options: [.init(key: "supplier", label: "The supplier, responding to the tender"),
                                          .init(key: "commissioner", label: "The commissioner, planning the tender")],
                                help: "Suppliers write the social value response; commissioners plan what the tender asks for.")
        guard let part = role.ask(on: context.console) else { return }
        do {
            _ = try WorkshopJob(context: context, folder: nil).start(name, asCommissioner: part == "commissioner")
        } catch {
            context.console.complain("\(error)")
        }
    }
}
