import Foundation
import Questionnaire
import Register
import SocialValue
import Submission

/// `svwizard contract award|list|show|pack`: records the winning bid as a contract with its
/// schedule, lists and shows contracts, and writes the contract pack the supplier reports with.
public struct ContractJob {
    let context: AppContext
    let registerURL: URL

    public init(context: AppContext, registerPath: String?) {
        self.context = context
        self.registerURL = RegisterAccess.url(option: registerPath, context: context)
    }

    /// What `award` is told on the command line; anything missing is asked at a terminal.
    public struct AwardDetails {
        public var reference: String?
        public var directorate: String?
        public var manager: String?
        public var awarded: String?
        /// Seek annual real living wage assurance even though the tender file does not say so.
        public var livingWageAssurance: Bool
        public var noInput: Bool

        public init(reference: String?, directorate: String?, manager: String?, awarded: String?, livingWageAssurance: Bool = false, noInput: Bool) {
            self.livingWageAssurance = livingWageAssurance
            self.reference = reference
            self.directorate = directorate
            self.manager = manager
            self.awarded = awarded
            self.noInput = noInput
        }
    }

    // MARK: award

    public func award(bundlePath: String, tenderPath: String, details: AwardDetails) throws -> ExitStatus {
        let tender = try TenderFile.read(context.resolve(tenderPath).path)
        let url = context.resolve(bundlePath)
        let file = url.lastPathComponent
        let report = ValidateJob.check(url, path: file, validator: try context.bundleValidator(), tender: tender)
        guard report.status == .valid else {
            let problems = (report.diagnostics.map { "  \($0.code.rawValue) \($0.message)" }
                + report.findings.filter { $0.severity == .error }.map { "  \($0.code.rawValue) \($0.message)" }).prefix(10)
            throw WizardError("\(file) cannot be awarded: it did not pass its checks against \(tenderPath).\n" + problems.joined(separator: "\n")
                + "\nsvwizard validate --tender \(tenderPath) \(bundlePath) shows every check.", status: .refused)
        }
        let bytes = try OutsideFile.contents(of: url, limit: BundleReader.maximumBundleBytes, what: "bundle")
        guard let json = try? BundleReader.files(in: bytes)["submission.json"],
              let document = try? JSONDecoder().decode(SubmissionDocument.self, from: json) else {
            throw WizardError("\(file) could not be read again after it was checked. Nothing was recorded.", status: .unreadable)
        }
        guard let start = Day(iso: tender.startDate) else {
            throw WizardError("The tender file's start date (\(tender.startDate)) is not a date. Nothing was recorded.", status: .refused)
        }
        if let problem = Day.problem(start) { throw WizardError("The tender file's start date: \(problem) Nothing was recorded.", status: .refused) }
        var answers = details
        if answers.reference == nil { answers.reference = tender.reference }
        // A contract entered after it began was awarded by its start at the latest: the award
        // date defaults to the earlier of the start and today, asked at a terminal, said back.
        let defaultAward = min(start, Day.today())
        let awardAsked = answers.awarded == nil && !details.noInput && context.console.reader.isInteractive
        try askMissing(&answers, supplier: document.supplier.name, awardDefault: awardAsked ? defaultAward : nil)
        let awarded = try answers.awarded.map { try Day.given($0, option: "--on") } ?? defaultAward
        if details.awarded == nil && !awardAsked {
            context.console.say("Award date: \(awarded.long) (" + (awarded == start ? "the contract's start" : "today")
                + "; --on gives another).")
        }
        let missing = [("--directorate", answers.directorate), ("--manager", answers.manager)].filter { FastText.isBlank($0.1 ?? "") }.map(\.0)
        guard missing.isEmpty else {
            throw WizardError("Give \(missing.joined(separator: " and ")) (the directorate that manages the contract and its contract manager). "
                + "Nothing was recorded.", status: .usage)
        }
        let management = try context.contractManagement()
        let pack = tender.valuePack ?? document.valuePack
        let commitments = document.commitments.map { commitment in
            let measure = context.data.catalogue.measure(commitment.measure)
            let label = context.data.framework.placement(of: commitment.measure)?.headline.name ?? measure?.label ?? commitment.measure.spoken
            return ContractCommitment(measure: commitment.measure, label: label, unit: measure?.unit ?? .pounds, step: measure?.input.step ?? 1,
                                      quantities: commitment.quantities, perUnit: pack?.value(for: commitment.measure)?.perUnit,
                                      delivery: commitment.delivery, evidencePromised: commitment.evidence, evidenceAsked: measure?.evidence ?? [])
        }
        let terms = ContractTerms(reference: answers.reference ?? tender.reference, tenderReference: tender.reference, title: tender.title,
                                  buyer: tender.buyer, directorate: answers.directorate ?? "", contractManager: answers.manager ?? "",
                                  supplier: document.supplier, contractValue: tender.contractValue, start: start, years: tender.years, months: tender.months,
                                  awarded: awarded, calendar: management.calendar, commitments: commitments, packName: pack?.name,
                                  packEdition: pack?.edition, illustrative: pack?.illustrative ?? false,
                                  livingWageAssurance: (tender.livingWageAssurance ?? false) || details.livingWageAssurance, bundleDigest: Manifest.sha256(json))
        let register = try RegisterAccess.open(registerURL, create: true)
        try RegisterAccess.translating { try register.award(terms) }
        let console = context.console
        console.say("Recorded contract \(terms.reference) with \(terms.supplier.name): \(terms.commitments.count) measure"
            + "\(terms.commitments.count == 1 ? "" : "s") committed, worth \(terms.committedValue) over \(terms.length) "
            + "from \(terms.start.long), in \(terms.periods.count) reporting periods (\(management.periodMonths)-month periods of the council's "
            + "reporting year). Register: \(registerURL.path).")
        console.say("Next: svwizard contract pack \(terms.reference) writes the file to send \(terms.supplier.name).")
        return .success
    }

    /// Asks, at a terminal, for the contract reference, directorate and contract manager not given.
    private func askMissing(_ details: inout AwardDetails, supplier: String, awardDefault: Day?) throws {
        guard !details.noInput else { return }
        let environment = FlowEnvironment(data: context.data, tender: nil, pack: nil)
        var questions: [(WritableKeyPath<AwardDetails, String?>, QuestionDefinition)] = [
            (\.directorate, QuestionDefinition(key: "directorate", ask: "Which directorate manages the contract?",
                                               help: "Contract management sits with the directorate that bought the service; reports are broken down by it.",
                                               example: "Regeneration and Environment", kind: .text)),
            (\.manager, QuestionDefinition(key: "manager", ask: "Who is the contract manager?",
                                           help: "The officer who checks the supplier's delivery returns each period.", example: "Sam Patel", kind: .text)),
        ]
        if let awardDefault {
            questions.append((\.awarded, QuestionDefinition(
                key: "awarded", ask: "When was the contract awarded?",
                help: "The date of the award decision. The annual report counts a contract's commitments in the year it was awarded; "
                    + "its delivery counts by the dates of its reporting periods, whatever day it is entered here.",
                example: awardDefault.long, kind: .date, default: awardDefault.iso)))
        }
        let asked = questions.filter { FastText.isBlank(details[keyPath: $0.0] ?? "") }
        var index = 0
        while index < asked.count {
            let (path, definition) = asked[index]
            let question = PlannedQuestion(definition, stepTitle: "Recording the contract with \(supplier)", stepNumber: 1, stepCount: 1)
            switch QuestionPrompt(context: context, environment: environment, answers: AnswerSheet(), question: question,
                                  current: details[keyPath: path]).ask() {
            case let .answer(value):
                details[keyPath: path] = value
                index += 1
            case let .answers(values):
                details[keyPath: path] = values.values.first
                index += 1
            case .back:
                if index == 0 { context.console.say("This is the first question.") } else { index -= 1 }
            case .review, .save, .saveAs:
                context.console.say("Nothing is recorded until these questions are answered; the contract is then recorded at once.")
            case .quit:
                throw WizardError("Nothing was recorded.", status: .success)
            case .inputEnded:
                throw WizardError("The input ended before every question was answered. Nothing was recorded.", status: .refused)
            case .interrupted:
                throw WizardError("Nothing was recorded.", status: .interrupted)
            }
        }
    }

    // MARK: record

    /// What `record` is told: a contract let without social value commitments (below the
    /// threshold, or exempt), so the annual report can count contracts over the threshold with
    /// and without them.
    public struct Record {
        public var reference: String, title: String, supplier: String, postcode: String, value: String, start: String, years: String
        public var directorate: String, manager: String, awarded: String?

        public init(reference: String, title: String, supplier: String, postcode: String, value: String, start: String, years: String,
                    directorate: String, manager: String, awarded: String?) {
            self.reference = reference
            self.title = title
            self.supplier = supplier
            self.postcode = postcode
            self.value = value
            self.start = start
            self.years = years
            self.directorate = directorate
            self.manager = manager
            self.awarded = awarded
        }
    }

    public func record(_ details: Record) throws -> ExitStatus {
        guard let value = Money(parsing: details.value) else {
            throw WizardError("--value \(details.value) is not an amount of money, such as 150000 or £1.2m.", status: .usage)
        }
        if let problem = Limits.problem(amount: value) { throw WizardError("--value: \(problem)", status: .usage) }
        let start = try Day.given(details.start, option: "--start")
        guard let months = ContractLength.months(details.years), let years = ContractLength.years(details.years), (1...15).contains(years) else {
            throw WizardError("--years \(details.years) is not a contract length svwizard can record: give 1 to 15 years (2), or months when it is "
                + "not whole years (18 months).", status: .usage)
        }
        let area = context.data.framework.localArea
        guard let locality = area.locality(of: details.postcode) else {
            throw WizardError("--postcode \(details.postcode) is not a UK postcode.", status: .usage)
        }
        var isLocal = false
        if case .inside = locality { isLocal = true }
        let management = try context.contractManagement()
        let terms = ContractTerms(reference: details.reference, tenderReference: details.reference, title: details.title,
                                  buyer: context.data.framework.council, directorate: details.directorate, contractManager: details.manager,
                                  supplier: Supplier(name: details.supplier, postcode: details.postcode, isLocal: isLocal, size: .small, kind: .company,
                                                     workforce: 0, newHires: 0, livingWage: .none),
                                  contractValue: value, start: start, years: years, months: months, awarded: try Day.given(details.awarded, option: "--on"),
                                  calendar: management.calendar, commitments: [], packName: nil, packEdition: nil, illustrative: false,
                                  livingWageAssurance: false, bundleDigest: "")
        let register = try RegisterAccess.open(registerURL, create: true)
        try RegisterAccess.translating { try register.award(terms) }
        let over = context.data.framework.rules.requiresSocialValue(contractValue: value)
        context.console.say("Recorded contract \(details.reference) with \(details.supplier), \(value.wholePounds), with no social value commitments"
            + (over ? ". It is over the \(context.data.framework.rules.socialValueThreshold.wholePounds) threshold, so the annual report lists it "
                + "among the contracts over the threshold without commitments." : "."))
        return .success
    }

    // MARK: list, show, pack

    public func list(json: Bool) throws -> ExitStatus {
        let register = try RegisterAccess.open(registerURL, create: false)
        let contracts = try RegisterAccess.translating { try register.contracts() }
        if json {
            context.console.writeData(String(decoding: try JSONEncoder.stable.encode(contracts), as: UTF8.self) + "\n")
            return .success
        }
        guard !contracts.isEmpty else {
            context.console.say("The register has no contracts yet. svwizard contract award records one.")
            return .success
        }
        let lines = TextTable.render(header: ["Contract", "Supplier", "Runs", "Committed", "Returns"], rows: contracts.map {
            [$0.reference, $0.supplier, "\($0.start.iso) to \($0.end.iso)", $0.committedValue.description, String($0.returns)]
        })
        context.console.writeData(lines.joined(separator: "\n") + "\n")
        return .success
    }

    public func show(reference: String, json: Bool) throws -> ExitStatus {
        let register = try RegisterAccess.open(registerURL, create: false)
        let terms = try RegisterAccess.translating { try register.contract(reference) }
        if json {
            context.console.writeData(String(decoding: try JSONEncoder.stable.encode(terms), as: UTF8.self) + "\n")
        } else {
            context.console.writeData(String(decoding: ContractText.render(terms, width: context.console.width), as: UTF8.self))
        }
        return .success
    }

    public func pack(reference: String, outputPath: String?) throws -> ExitStatus {
        let register = try RegisterAccess.open(registerURL, create: false)
        let terms = try RegisterAccess.translating { try register.contract(reference) }
        guard !terms.commitments.isEmpty else {
            throw WizardError("\(reference) has no social value commitments, so there is no contract pack to send.", status: .refused)
        }
        let pack = ContractPack(toolVersion: ToolVersion.current, contract: terms)
        let folder = context.resolve(outputPath ?? ".")
        let url = folder.appendingPathComponent(pack.fileName)
        let data = try pack.encoded()
        if let existing = FileManager.default.contents(atPath: url.path) {
            if existing == data {
                context.console.say("\(url.path) is already written and up to date.")
                return .success
            }
            throw WizardError("\(url.path) already exists and differs; it was left as it is. Move it away, or give another folder with --output.",
                              status: .refused)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try AtomicFile.write(data, to: url)
        } catch {
            throw WizardError("The contract pack could not be written to \(url.path) (\(error.localizedDescription)).", status: .unreadable)
        }
        context.console.say("Wrote \(url.path). Send it to \(terms.supplier.name): each period they run svwizard deliver --contract "
            + "\(pack.fileName) and send back the .svreturn.zip it makes.")
        return .success
    }
}
