import Foundation
import Questionnaire
import SocialValue
import Submission

/// `svwizard deliver --contract REF.svcontract.json`: the supplier prepares a delivery return
/// offline. At a terminal it asks for the period, who is preparing it, and for each committed
/// measure the quantity delivered, the evidence, a short narrative and, below the profile, the
/// reason and recovery plan; the answers are saved after each one (`REF-PERIOD.svdelivery.yaml`),
/// so the same command carries on. With `--no-input` everything comes from the answers file.
/// The return is checked and written as `REF-PERIOD.svreturn.zip`.
public struct DeliverJob {
    let context: AppContext
    let contractPath: String
    let periodOption: String?
    let answersPath: String?
    let outputPath: String?
    let noInput: Bool

    public init(context: AppContext, contractPath: String, period: String?, answersPath: String?, outputPath: String?, noInput: Bool) {
        self.context = context
        self.contractPath = contractPath
        self.periodOption = period
        self.answersPath = answersPath
        self.outputPath = outputPath
        self.noInput = noInput
    }

    private var console: Console { context.console }

    public func run() throws -> ExitStatus {
        let contract = try Self.readPack(context.resolve(contractPath), name: contractPath).contract
        var answers = DeliveryAnswers()
        var answersURL = answersPath.map(context.resolve)
        if let url = answersURL {
            answers = try readAnswers(url, required: noInput)
        }
        let period = try choosePeriod(contract, given: periodOption ?? answers.period)
        answers.period = period.id
        if answersURL == nil {
            let url = context.resolve(DeliveryReturn.answersFileName(contract: contract.reference, period: period.id))
            answersURL = url
            if FileManager.default.fileExists(atPath: url.path) {
                answers = try readAnswers(url, required: true)
                answers.period = period.id
                if !noInput { console.say("Carrying on from \(url.path).") }
            }
        }
        guard let answersURL else { return .refused }
        var fromLast = false
        var document: DeliveryReturn
        while true {
            if !noInput {
                var wizard = DeliveryWizard(context: context, contract: contract, period: period, url: answersURL, answers: answers)
                if case let .left(how) = try wizard.run(fromLast: fromLast) { return how.status }
                answers = wizard.answers
            }
            let gaps = answers.gaps(contract: contract, period: period)
            guard gaps.isEmpty, let assembled = answers.assemble(contract: contract, period: period, toolVersion: ToolVersion.current) else {
                throw WizardError("The return for \(period.name) is not complete; \(answersURL.lastPathComponent) lacks:\n"
                    + gaps.prefix(20).map { "  \($0)" }.joined(separator: "\n") + (gaps.count > 20 ? "\n  and \(gaps.count - 20) more" : "")
                    + "\nRun svwizard deliver at a terminal to answer them, or add them to the answers file.", status: .refused)
            }
            document = assembled
            console.writeData(String(decoding: ReturnText.render(document, width: console.width), as: UTF8.self))
            // At a terminal the person reads the return before it is written, and can go back to change it.
            guard !noInput, console.reader.isInteractive else { break }
            switch confirmWriting(answersURL) {
            case .write: break
            case .change:
                fromLast = true
                continue
            case let .leave(how): return how.status
            }
            break
        }
        let dates = DeliveryChecks(contract: contract).dateFindings(period: document.period, preparedOn: document.preparedOn, lines: document.lines,
                                                                    marginDays: context.evidenceMarginDays, today: Day.today())
        let errors = (document.findings + dates).filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw WizardError("The return was not written: fix \(errors.count == 1 ? "this" : "these") first (your answers are kept in "
                + "\(answersURL.lastPathComponent)):\n" + errors.map { "  \($0.code.rawValue) \($0.message) \($0.hint)" }.joined(separator: "\n"),
                status: .refused)
        }
        let folder = context.resolve(outputPath ?? ".")
        let url = folder.appendingPathComponent(document.fileName)
        let data = try ReturnPackage.archive(document)
        if let existing = FileManager.default.contents(atPath: url.path), existing != data {
            throw WizardError("\(url.path) already exists and differs from this return; it was left as it is. Move it away (it may be the "
                + "return you sent), or give another folder with --output.", status: .refused)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try AtomicFile.write(data, to: url)
        } catch {
            throw WizardError("The return could not be written to \(url.path) (\(error.localizedDescription)).", status: .unreadable)
        }
        console.say("Wrote \(url.path). Send it to \(contract.contractManager) at \(contract.buyer).")
        return .success
    }

    private enum Confirmation { case write, change, leave(SlotRunner<DeliveryAnswers>.Leaving) }

    /// Asks whether to write the return shown: yes writes it; back (or edit, or no) returns to the
    /// questions from the last; quit leaves with every answer kept.
    private func confirmWriting(_ answersURL: URL) -> Confirmation {
        while true {
            switch console.readLine(prompt: "Write this return? Type yes to write it, back to change an answer, or quit to stop (your answers are kept): ",
                                    completions: ["yes", "back", "quit"]) {
            case let .line(text):
                switch text.trimmingCharacters(in: .whitespaces).lowercased() {
                case "y", "yes", "write": return .write
                case "back", "b", "edit", "no", "n", "change": return .change
                case "quit", "q", "exit", "stop":
                    console.say("Your answers are saved in \(answersURL.path). Carry on with the same svwizard deliver command.")
                    return .leave(.quit)
                case "?", "help":
                    console.say("yes writes the return file to send to the council; back takes you to the last question, and back again to the one before.")
                default:
                    console.complain("Type yes, back or quit.")
                }
            case let input:
                console.say("Your answers are saved in \(answersURL.path). Carry on with the same svwizard deliver command.")
                return .leave(input == .end ? .inputEnded : .interrupted)
            }
        }
    }

    /// The contract pack, checked against its schema and against the schedule its commitments make.
    static func readPack(_ url: URL, name: String) throws -> ContractPack {
        do {
            let data = try OutsideFile.contents(of: url, limit: ContractPack.largestFile, what: "contract pack")
            try OutsideFile.checkJSON(data, schema: "contract.schema.json", name: name, what: "contract pack")
            let pack = try JSONDecoder().decode(ContractPack.self, from: data)
            let terms = pack.contract
            let remade = ContractTerms(reference: terms.reference, tenderReference: terms.tenderReference, title: terms.title, buyer: terms.buyer,
                                       directorate: terms.directorate, contractManager: terms.contractManager, supplier: terms.supplier,
                                       contractValue: terms.contractValue, start: terms.start, years: terms.years, awarded: terms.awarded,
                                       calendar: terms.calendar, commitments: terms.commitments, packName: terms.packName,
                                       packEdition: terms.packEdition, illustrative: terms.illustrative,
                                       livingWageAssurance: terms.livingWageAssurance, bundleDigest: terms.bundleDigest)
            guard remade.schedule == terms.schedule else {
                throw WizardError("\(name) was changed after the council wrote it: its schedule does not follow from its commitments. "
                    + "Ask the contract manager for the contract pack again.", status: .refused)
            }
            return pack
        } catch let error as OutsideFileError {
            throw WizardError("\(error)\nAsk the contract manager for the .svcontract.json that svwizard contract pack made.",
                              status: error.kind == .missing ? .unreadable : .refused)
        } catch let error as DecodingError {
            throw WizardError("\(name) cannot be read as a contract pack (\(Self.reason(error))). Ask the contract manager for the "
                + ".svcontract.json that svwizard contract pack made.", status: .unreadable)
        }
    }

    /// A decoding error in words: what was wrong, without the decoder's internals.
    static func reason(_ error: DecodingError) -> String {
        switch error {
        case let .dataCorrupted(context), let .keyNotFound(_, context), let .typeMismatch(_, context), let .valueNotFound(_, context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : "\(path): ") + context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }

    private func readAnswers(_ url: URL, required: Bool) throws -> DeliveryAnswers {
        do {
            return try DeliveryAnswers.read(url)
        } catch let error as OutsideFileError where error.kind == .missing && !required {
            return DeliveryAnswers()
        } catch {
            throw WizardError("\(error)", status: (error as? OutsideFileError)?.kind == .missing ? .unreadable : .refused)
        }
    }

    /// The period given, or asked for at a terminal (the latest period that has ended is offered).
    private func choosePeriod(_ contract: ContractTerms, given: String?) throws -> ReportingPeriod {
        let periods = contract.periods
        let listing = periods.map(\.id).joined(separator: ", ")
        if let given {
            guard let period = contract.calendar.period(id: given.trimmingCharacters(in: .whitespaces)) else {
                throw WizardError("\(given) is not a reporting period. This contract's periods are: \(listing).", status: .usage)
            }
            return period
        }
        if noInput {
            throw WizardError("Give the period with --period (one of \(listing)), or in the answers file.", status: .usage)
        }
        let today = Day.today()
        // A return begun and not yet written is offered first, so carrying on needs no period typed.
        let folder = context.resolve(outputPath ?? ".")
        let unfinished = periods.last { period in
            FileManager.default.fileExists(atPath: context.resolve(DeliveryReturn.answersFileName(contract: contract.reference, period: period.id)).path)
                && !FileManager.default.fileExists(atPath: folder.appendingPathComponent(DeliveryReturn.fileName(contract: contract.reference,
                                                                                                                  period: period.id)).path)
        }
        if let unfinished {
            console.say("Your return for \(unfinished.name) is not finished yet; it is offered first (press Enter to carry on with it).")
        }
        let offered = unfinished ?? periods.last { $0.isDue(asOf: today) } ?? periods.first { $0.contains(today) } ?? periods[0]
        let definition = QuestionDefinition(key: "period", ask: "Which reporting period is this return for?",
                                            help: "The contract's periods: " + periods.map(\.spoken).joined(separator: "; ") + ".",
                                            example: offered.id, kind: .choice, default: offered.id,
                                            options: periods.map { ChoiceOption(value: $0.id, label: $0.spoken) })
        let question = PlannedQuestion(definition, stepTitle: "Delivery return for \(contract.reference)", stepNumber: 1, stepCount: 1)
        while true {
            switch QuestionPrompt(context: context, environment: FlowEnvironment(data: context.data, tender: nil, pack: nil), answers: AnswerSheet(),
                                  question: question, current: nil).ask() {
            case let .answer(value):
                guard let period = contract.calendar.period(id: value) else { throw WizardError("\(value) is not a reporting period.", status: .usage) }
                return period
            case .answers, .back, .review, .save, .saveAs:
                console.say("Choose the period first; your answers are saved from the next question on.")
            case .quit:
                throw WizardError("Nothing was written.", status: .success)
            case .inputEnded:
                throw WizardError("The input ended before a period was chosen. Nothing was written.", status: .refused)
            case .interrupted:
                throw WizardError("Nothing was written.", status: .interrupted)
            }
        }
    }
}
