import Foundation
import Questionnaire
import SocialValue
import Submission
import Terminal

/// `svwizard workshop`: offline training with worked scenarios, in a practice folder.
public struct WorkshopJob {
    /// The file that marks a folder as a practice folder, so `reset` never deletes anything else.
    public static let marker = ".svwizard-practice"
    public static let defaultFolder = "svwizard-practice"

    let context: AppContext
    let folder: URL

    public init(context: AppContext, folder: String?) {
        self.context = context
        self.folder = context.resolve(folder ?? Self.defaultFolder)
    }

    private var console: Console { context.console }

    /// The scenarios with their goals.
    public func list() {
        console.write(console.style.bold("Workshop scenarios") + "\n\n")
        for scenario in context.data.workshops {
            console.write(console.style.cyan(scenario.name) + "  " + console.style.bold(scenario.title) + "\n")
            console.write(TextWrapper.wrap(scenario.summary, width: console.width, firstIndent: "    ", indent: "    ") + "\n")
        }
        console.write("\nStart one: svwizard workshop start thermal-works --as supplier   (or --as commissioner)\n")
        console.write("Facilitator's guide for each: svwizard guide NAME (for example svwizard guide thermal-works)\n")
    }

    /// The scenario named `name`, or a failure listing the names.
    public func scenario(_ name: String) throws -> WorkshopScenario {
        guard let scenario = context.data.workshop(name) else {
            throw WizardError("There is no workshop scenario \"\(name)\". The scenarios are: "
                + context.data.workshops.map(\.name).joined(separator: ", ") + ".", status: .refused)
        }
        return scenario
    }

    /// The scenario's tender, carrying the illustrative workshop pack.
    func tender(_ scenario: WorkshopScenario) -> TenderSpecification {
        var tender = scenario.tender
        tender.valuePack = context.data.valuePacks.first { $0.name == PackStore.defaultPackName }
        tender.training = true
        return tender
    }

    /// The scenario's own folder inside the practice folder, created with the marker.
    func scenarioFolder(_ scenario: WorkshopScenario) throws -> URL {
        let url = folder.appendingPathComponent(scenario.name)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data("svwizard practice folder: svwizard workshop reset removes it.\n".utf8)
                .write(to: folder.appendingPathComponent(Self.marker))
        } catch {
            throw WizardError("Cannot create the practice folder \(url.path) (\(error.localizedDescription)).", status: .unreadable)
        }
        return url
    }

    /// Opens the scenario in the supplier's or the commissioner's wizard.
    public func start(_ name: String, asCommissioner: Bool) throws -> ExitStatus {
        let scenario = try scenario(name)
        let place = try scenarioFolder(scenario)
        introduce(scenario)
        if asCommissioner {
            let draft = place.appendingPathComponent("assessment.svdraft.json")
            let exists = FileManager.default.fileExists(atPath: draft.path)
            return try AssessJob.job(context: context, options: .init(
                resume: exists ? draft.path : nil, draft: exists ? nil : draft.path, answersFile: nil, noInput: false,
                // A workshop is a training exercise: its illustrative values are expected there.
                prefill: scenario.commissioner.answers.merging(["valuePack": PackStore.defaultPackName, "training": "yes"]) { current, _ in current }, notes: scenario.notes),
                outputFolder: place.path).run()
        }
        let tenderFile = place.appendingPathComponent("tender.json")
        try AtomicFile.write(try JSONEncoder.stable.encode(tender(scenario)) + Data("\n".utf8), to: tenderFile)
        let draft = place.appendingPathComponent("response.svdraft.json")
        let exists = FileManager.default.fileExists(atPath: draft.path)
        return try RespondJob.job(context: context, options: .init(
            resume: exists ? draft.path : nil, draft: exists ? nil : draft.path, answersFile: nil, noInput: false,
            prefill: scenario.persona.answers, notes: scenario.notes, tender: exists ? nil : tender(scenario))).run()
    }

    private func introduce(_ scenario: WorkshopScenario) {
        console.write(console.style.bold("Workshop: \(scenario.title)") + "\n")
        console.say(scenario.summary)
        console.write("\nBy the end you should be able to:\n")
        for goal in scenario.learningGoals { console.write(TextWrapper.wrap(goal, width: console.width, firstIndent: "  - ", indent: "    ") + "\n") }
        console.write(console.style.yellow("All £ figures use the workshop pack and are illustrative.") + "\n")
        console.say("Your practice files are in \(folder.appendingPathComponent(scenario.name).path).")
    }

    /// Writes the model answer (a finished draft and its bundle) or the weak answer (a draft with
    /// planted mistakes) into the practice folder.
    public func example(_ name: String, weak: Bool) throws -> ExitStatus {
        let scenario = try scenario(name)
        let place = try scenarioFolder(scenario)
        let draft = WorkshopAnswers.draft(for: scenario, weak: weak, tender: tender(scenario), data: context.data, pack: tender(scenario).valuePack)
        let draftURL = place.appendingPathComponent(weak ? "weak.svdraft.json" : "model.svdraft.json")
        try AtomicFile.write(try DraftFile.encode(draft), to: draftURL)
        console.write("Wrote \(draftURL.path)\n")
        if weak {
            console.say("This answer has mistakes planted in it. Find them with: svwizard workshop check \(draftURL.path)")
            return .success
        }
        return try ExportJob(context: context, draftPath: draftURL.path,
                             outputPath: place.appendingPathComponent("model.svbundle.zip").path).run()
    }

    /// The commissioner's exercise: the scenario's tender, recording how bids are scored, and its
    /// bids (the model answer, an inflated one and a thin one) as bundles in the practice folder,
    /// ready for `svwizard evaluate`.
    public func bids(_ name: String) throws -> ExitStatus {
        let scenario = try scenario(name)
        guard let exercise = scenario.evaluationExercise, let method = exercise.quantitativeMethod,
              let scale = context.data.framework.evaluation?.scales.first(where: { $0.id == exercise.scale }) else {
            throw WizardError("The scenario \(scenario.name) has no bids to evaluate. Scenarios with an evaluation exercise: "
                + context.data.workshops.filter { $0.evaluationExercise != nil }.map(\.name).joined(separator: ", ") + ".", status: .refused)
        }
        let place = try scenarioFolder(scenario)
        let rules = context.data.framework.rules
        var tender = tender(scenario)
        tender.scoring = TenderScoring(weighting: rules.tenderWeighting, quantitativeShare: rules.quantitativeShare,
                                       qualitativeShare: rules.qualitativeShare, deliveryDocument: rules.deliveryDocument(contractValue: tender.contractValue),
                                       socialValueRequired: rules.requiresSocialValue(contractValue: tender.contractValue), method: method, scale: scale)
        tender.formatVersion = TenderSpecification.currentFormatVersion
        let tenderFile = place.appendingPathComponent("tender.json")
        try AtomicFile.write(try JSONEncoder.stable.encode(tender) + Data("\n".utf8), to: tenderFile)
        let folder = place.appendingPathComponent("bids")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let drafts = place.appendingPathComponent("bid-drafts")
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        let quiet = AppContext(data: context.data, library: context.library,
                               console: Console(output: DiscardingSink(), errorOutput: DiscardingSink(), style: Style(enabled: false), width: 80,
                                                reader: ScriptedLineReader([])),
                               directory: context.directory)
        for (file, changes) in [(exercise.modelBid, AnswerTree([:]))] + exercise.bids.map({ ($0.file, $0.changes) }) {
            var draft = WorkshopAnswers.draft(for: scenario, weak: false, tender: tender, data: context.data, pack: tender.valuePack,
                                              changes: changes.answers)
            draft.finished = true
            let draftURL = drafts.appendingPathComponent("\(file).svdraft.json")
            try AtomicFile.write(try DraftFile.encode(draft), to: draftURL)
            let status = try ExportJob(context: quiet, draftPath: draftURL.path,
                                       outputPath: folder.appendingPathComponent("\(file).svbundle.zip").path).run()
            guard status == .success else {
                throw WizardError("The exercise's bid \(file) could not be made (a mistake in the scenario's data).", status: .internalFault)
            }
        }
        console.say("Three bids for \(scenario.title) are in \(folder.path), with the tender in \(tenderFile.path). It scores the "
            + "quantitative offer \(EvaluationRecord.methodName(method).lowercased()) and the written answer on the \(scale.name) scale.")
        console.say("Evaluate them as the panel would, in the scenario's folder (svwizard asks each question):")
        // Each command on one line, to copy.
        console.writeData("  cd \(place.path)\n  svwizard evaluate --tender tender.json bids/*.zip --scores panel.yaml -o evaluation\n")
        console.say("The facilitator's answer is in svwizard guide \(scenario.name).")
        return .success
    }

    /// Removes the practice folder, only if it is one.
    /// Clears the practice folder after asking (`yes` skips the question, for scripts). With
    /// no one to ask (input is not a person) and no `yes`, nothing is deleted.
    public func reset(yes: Bool = false) throws -> ExitStatus {
        guard FileManager.default.fileExists(atPath: folder.path) else {
            console.say("There is no practice folder at \(folder.path); nothing to clear.")
            return .success
        }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(Self.marker).path) else {
            throw WizardError("\(folder.path) is not a svwizard practice folder (it has no \(Self.marker) file), so it was left alone.",
                              status: .refused)
        }
        let files = Self.files(in: folder)
        if !yes {
            let question = "Delete \(files.count) file\(files.count == 1 ? "" : "s") in \(folder.lastPathComponent)?"
            guard YesNoPrompt(question: question, defaultAnswer: .no, help: "Yes deletes the practice folder and everything trainees saved in it.")
                .ask(on: console) == .yes else {
                console.say("Nothing was deleted.")
                return .refused
            }
        }
        do {
            try FileManager.default.removeItem(at: folder)
        } catch {
            throw WizardError("Cannot remove \(folder.path) (\(error.localizedDescription)).", status: .unreadable)
        }
        console.say("Removed \(files.count) file\(files.count == 1 ? "" : "s") and the practice folder \(folder.path).")
        return .success
    }

    /// The files under `folder`, the practice marker left out.
    static func files(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var names: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true, url.lastPathComponent != marker {
                names.append(url.lastPathComponent)
            }
        }
        return names
    }
}

/// A scenario's model or weak answer as a draft.
enum WorkshopAnswers {
    static func draft(for scenario: WorkshopScenario, weak: Bool, tender: TenderSpecification, data: DataSet, pack: ValuePack?,
                      changes: [String: String] = [:]) -> Draft {
        var answers = scenario.persona.answers
        answers.merge((weak ? scenario.weakAnswer : scenario.modelAnswer).answers) { $1 }
        answers.merge(changes) { $1 }
        var sheet = AnswerSheet()
        if let flow = data.flows[RespondJob.flowID], !weak {
            // The model answer goes through the same parser as typed answers, so it is canonical.
            let planner = FlowPlanner(flow: flow, environment: FlowEnvironment(data: data, tender: tender, pack: pack))
            sheet = AnswerPrefill.apply(answers, source: scenario.name, to: AnswerSheet(), planner: planner).answers
        } else {
            // The weak answer keeps its mistakes, even those the prompts would refuse.
            sheet = AnswerSheet(answers)
        }
        return Draft(flow: RespondJob.flowID, toolVersion: ToolVersion.current, tender: tender, answers: sheet,
                     position: "review", finished: !weak)
    }
}
