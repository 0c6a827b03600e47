import Foundation

/// The menu shown when svwizard is started with no command at a terminal.
public struct StartMenu {
    public let context: AppContext

    public init(context: AppContext) { self.context = context }

    /// Every job, grouped by who does it; each can also be chosen by typing its command's name.
    static let options: [ChoicePrompt.Option] = [
        .init(key: "respond", label: "Respond to a tender", group: "Suppliers"),
        .init(key: "export", label: "Make the bundle to upload from a finished response", group: "Suppliers"),
        .init(key: "deliver", label: "Prepare a delivery return", group: "Suppliers"),
        .init(key: "assess", label: "Assess an opportunity before a tender", group: "Commissioners"),
        .init(key: "validate", label: "Check the bundles received", group: "Commissioners"),
        .init(key: "evaluate", label: "Score the bids", group: "Commissioners"),
        .init(key: "contract", label: "List the contracts in the register", group: "Contract managers"),
        .init(key: "track", label: "See a contract's delivery", group: "Contract managers"),
        .init(key: "report", label: "The social value report to Cabinet", group: "Councils"),
        .init(key: "measures", label: "Browse the measures", group: "Anyone"),
        .init(key: "guide", label: "Read the guidance", group: "Anyone"),
        .init(key: "workshop", label: "Run a workshop scenario", group: "Anyone"),
    ]

    static let help = """
        svwizard helps with the social value part of council tenders. Suppliers use it to write \
        their social value response and, after award, each delivery return; commissioners use it \
        to plan what a tender should ask for; contract managers to follow delivery. \
        Type the number of what you want to do, or its name in brackets (the command's own name, \
        such as report). Tab completes names.
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
            case "export": exportDraft()
            case "validate": validateBundles()
            case "evaluate": evaluateBids()
            case "contract": listContracts()
            case "report": showReport()
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

    /// The files in the current folder whose names end with `suffix`, sorted.
    private func files(endingWith suffix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: context.directory.path)) ?? []).filter { $0.hasSuffix(suffix) }.sorted()
    }

    /// Runs `body`, saying any error as a problem to fix rather than leaving the menu.
    private func attempt(_ body: () throws -> Void) {
        do { try body() } catch { context.console.complain("\(error)") }
    }

    /// Exports the finished response in this folder (or the one chosen).
    private func exportDraft() {
        let drafts = files(endingWith: ".svdraft.json").filter { !$0.hasPrefix("assessment") }
        guard !drafts.isEmpty else {
            context.console.say("There is no response draft (.svdraft.json) in \(context.directory.path). Respond to a tender first, or run "
                + "svwizard export DRAFT with the draft's name.")
            return
        }
        let draft = drafts.count == 1 ? drafts[0]
            : ChoicePrompt(question: "Which response?", options: drafts.map { .init(key: $0, label: $0) }, help: "The draft to make a bundle from.")
                .ask(on: context.console)
        guard let draft else { return }
        attempt { _ = try ExportJob(context: context, draftPath: draft, outputPath: nil).run() }
    }

    /// Checks every bundle in this folder, against tender.json when it is here.
    private func validateBundles() {
        let bundles = files(endingWith: ".svbundle.zip")
        guard !bundles.isEmpty else {
            context.console.say("There are no bundles (.svbundle.zip) in \(context.directory.path). Put the bundles received here, or run "
                + "svwizard validate BUNDLE... --tender tender.json.")
            return
        }
        let tender = FileManager.default.fileExists(atPath: context.directory.appendingPathComponent("tender.json").path) ? "tender.json" : nil
        attempt { _ = try ValidateJob(context: context, paths: bundles, tenderPath: tender, json: false).run() }
    }

    /// Scores the bids in this folder against tender.json, the panel's answers kept in scores.yaml.
    private func evaluateBids() {
        let bundles = files(endingWith: ".svbundle.zip")
        guard FileManager.default.fileExists(atPath: context.directory.appendingPathComponent("tender.json").path), !bundles.isEmpty else {
            context.console.say("Scoring needs the tender file (tender.json) and the bundles (.svbundle.zip) in \(context.directory.path). "
                + "Or run svwizard evaluate --tender tender.json BUNDLE... --scores scores.yaml --output evaluation.")
            return
        }
        context.console.say("Scoring \(bundles.count) bundle\(bundles.count == 1 ? "" : "s") against tender.json; the panel's answers are kept in "
            + "scores.yaml and the record is written to the folder evaluation.")
        attempt {
            _ = try EvaluateJob(context: context, tenderPath: "tender.json", bundlePaths: bundles, scoresPath: "scores.yaml", outputPath: "evaluation",
                                json: false, noInput: false).run()
        }
    }

    /// Lists the contracts in the register.
    private func listContracts() {
        attempt { _ = try ContractJob(context: context, registerPath: nil).list(json: false) }
    }

    /// The report for the last complete reporting year, on the screen.
    private func showReport() {
        attempt { _ = try ReportJob(context: context, registerPath: nil).run(.init(year: nil, midYear: false, from: nil, to: nil), outputPath: nil, json: false) }
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
