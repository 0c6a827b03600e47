import Foundation
import Questionnaire
import Register
import SocialValue
import Submission

/// `svwizard track import|review|show|assure` and `svwizard register backup|export`: the
/// contract manager's side of delivery.
public struct TrackJob {
    let context: AppContext
    let registerURL: URL

    public init(context: AppContext, registerPath: String?) {
        self.context = context
        self.registerURL = RegisterAccess.url(option: registerPath, context: context)
    }

    private var console: Console { context.console }

    // MARK: import

    /// Imports each return: checked to be intact, this register's contract, one of its periods,
    /// made with its contract pack, and free of errors.
    public func importReturns(_ paths: [String], on: String?, json: Bool = false) throws -> ExitStatus {
        let day = try Day.given(on, option: "--on")
        let register = try RegisterAccess.open(registerURL, create: false)
        var worst = ExitStatus.success
        var results: [ImportResult] = []
        for path in paths {
            let file = URL(fileURLWithPath: path).lastPathComponent
            do {
                let result = try importReturn(path, register: register, day: day)
                results.append(result)
                guard !json else { continue }
                let message = result.message.components(separatedBy: "\n")
                console.say(message[0])
                for line in message.dropFirst() { console.write(line + "\n") }
            } catch let error as WizardError {
                results.append(ImportResult(file: file, outcome: "refused", contract: nil, period: nil, message: error.message))
                console.refuse("svwizard: \(file) was not imported: \(error.message)")
                if worst == .success || error.status == .unreadable { worst = error.status }
            }
        }
        if json { console.writeData(String(decoding: try JSONEncoder.stable.encode(results), as: UTF8.self) + "\n") }
        return worst
    }

    /// What happened to one return, for `--json`.
    struct ImportResult: Encodable {
        var file: String
        /// `added`, `unchanged`, `superseded` or `refused`.
        var outcome: String
        var contract: String?
        var period: String?
        var message: String
    }

    private func importReturn(_ path: String, register: RegisterStore, day: Day) throws -> ImportResult {
        let url = context.resolve(path)
        let data: Data
        do {
            data = try OutsideFile.contents(of: url, limit: ReturnPackage.largestFile, what: "delivery return")
        } catch let error as OutsideFileError {
            throw WizardError("\(error)", status: .unreadable)
        }
        let read: (document: DeliveryReturn, digest: String)
        do {
            read = try ReturnPackage.read(data, toolVersion: ToolVersion.current) { json in
                try OutsideFile.checkJSON(json, schema: "return.schema.json", name: "return.json", what: "delivery return")
            }
        } catch let refusal as ReturnPackage.Refusal {
            throw WizardError(refusal.description, status: .unreadable)
        } catch let error as OutsideFileError {
            throw WizardError("\(error)", status: .unreadable)
        }
        let document = read.document
        let terms = try RegisterAccess.translating { try register.contract(document.contract.reference) }
        guard document.contract.bundleDigest == terms.bundleDigest else {
            throw WizardError("it is for a contract \(terms.reference) awarded from another bid than the one in this register.", status: .refused)
        }
        // Checked again with the register's own contract, not the pack the supplier used.
        let rebuilt = document.lines.compactMap { line -> DeliveryLine? in
            guard let commitment = terms.commitment(line.measure) else { return nil }
            return DeliveryLine(commitment: commitment, due: terms.schedule.due(in: document.period)[line.measure] ?? 0, delivered: line.delivered.value,
                                evidence: line.evidence, narrative: line.narrative, shortfallReason: line.shortfallReason, recoveryPlan: line.recoveryPlan)
        }
        // The return's own account of the contract and its total must be the register's.
        let identity = ContractIdentity(terms)
        guard document.contract.title == identity.title, document.contract.buyer == identity.buyer, document.contract.supplier == identity.supplier else {
            throw WizardError("it names the contract, buyer or supplier differently from contract \(terms.reference) in the register "
                + "(supplier: \(ShortText.shortened(document.contract.supplier, limit: 80))): it was changed after it was made. Ask the supplier "
                + "for the return again.", status: .refused)
        }
        guard document.total == Money.sum(rebuilt.compactMap(\.value)) else {
            throw WizardError("its total, \(document.total), is not the sum of its lines: it was changed after it was made. Ask the supplier "
                + "for the return again.", status: .refused)
        }
        guard rebuilt == document.lines else {
            throw WizardError("its figures (what was due, or the £ per unit) differ from contract \(terms.reference) in the register: it was made "
                + "with another contract pack. Send the supplier svwizard contract pack \(terms.reference) and ask for the return again.", status: .refused)
        }
        // Checked with what the register already holds for other periods (delivery beyond the commitment).
        var checks = DeliveryChecks(contract: terms)
        let stored = try RegisterAccess.translating { try register.returns(of: terms.reference) }
        let others = stored.filter { $0.isCurrent && $0.document.period.id != document.period.id }
        for other in others {
            for line in other.document.lines { checks.priorDelivered[line.measure, default: 0] += line.delivered.value }
        }
        // Dates a return must keep (checked whatever version made it), and for the reviewer, a preparer
        // the contract's earlier returns do not name.
        let findings = checks.findings(period: document.period, lines: rebuilt)
            + checks.dateFindings(period: document.period, preparedOn: document.preparedOn, lines: rebuilt,
                                  marginDays: context.evidenceMarginDays, today: Day.today())
            + DeliveryChecks.preparerFindings(preparedBy: document.preparedBy, earlier: stored.map(\.document.preparedBy))
        let errors = findings.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw WizardError("it has errors:\n" + errors.map { "  \($0.code.rawValue) \($0.message)" }.joined(separator: "\n"), status: .refused)
        }
        let warnings = findings.filter { $0.severity == .warning }.map { "\n  \($0.code.rawValue) \($0.message)" }.joined()
        let outcome = try RegisterAccess.translating { try register.importReturn(document, digest: read.digest, on: day) }
        let name = url.lastPathComponent
        let result = { (outcome: String, message: String) in
            ImportResult(file: name, outcome: outcome, contract: terms.reference, period: document.period.id, message: message)
        }
        switch outcome {
        case .added:
            let unvalued = document.lines.filter { $0.value == nil && $0.delivered.value > 0 }.count
            let counted = unvalued == 0 ? "" : " (and \(unvalued) measure\(unvalued == 1 ? "" : "s") counted by quantity only)"
            return result("added", "Imported \(name): \(terms.reference), \(document.period.spoken), \(document.total) reported\(counted). Review its evidence with "
                + "svwizard track review \(terms.reference) --period \(document.period.id)." + (warnings.isEmpty ? "" : " To look at:" + warnings))
        case .unchanged:
            return result("unchanged", "\(name) was imported before; nothing changed.")
        case let .older(current):
            return result("older", "Imported \(name) into the history only: it was prepared on \(document.preparedOn.long), before the return "
                + "that counts for \(terms.reference) \(document.period.name) (prepared on \(current.long)), so that one still counts.")
        case let .superseded(previous):
            return result("superseded", "Imported \(name): a corrected return for \(terms.reference) \(document.period.name). It replaces the one prepared on "
                + "\(previous.long), which is kept in the history. Review its evidence with svwizard track review \(terms.reference) --period \(document.period.id)."
                + (warnings.isEmpty ? "" : " To look at:" + warnings))
        }
    }

    // MARK: show

    public func show(reference: String, asOf: String?, json: Bool) throws -> ExitStatus {
        let report = try trackingReport(reference: reference, asOf: try Day.given(asOf, option: "--as-of"))
        if json {
            console.writeData(String(decoding: try JSONEncoder.stable.encode(report), as: UTF8.self) + "\n")
        } else {
            console.writeData(String(decoding: TrackingText.render(report, width: console.width), as: UTF8.self))
        }
        return .success
    }

    func trackingReport(reference: String, asOf: Day) throws -> TrackingReport {
        let options = try context.contractManagement()
        let register = try RegisterAccess.open(registerURL, create: false)
        return try RegisterAccess.translating {
            let terms = try register.contract(reference)
            let tracking = try register.tracking(of: reference, asOf: asOf, rag: options.rag)
            let livingWage = LivingWageStatus(inScope: terms.livingWageAssurance, start: terms.start, assurances: try register.assurances(of: reference),
                                              months: options.livingWageAssuranceMonths, asOf: asOf)
            let returns = try register.returns(of: reference).map { stored in
                TrackingReport.ReturnEntry(period: stored.document.period.id, preparedBy: stored.document.preparedBy,
                                           preparedOn: stored.document.preparedOn, importedOn: stored.importedOn, current: stored.isCurrent,
                                           evidence: Dictionary(grouping: stored.evidence, by: \.status.rawValue).mapValues(\.count))
            }
            let actions = try register.actions(of: reference)
            let due = ReturnsDue(periods: terms.periods, received: Set(returns.map(\.period)), actions: actions, days: options.returnDue?.days ?? 0,
                                 asOf: asOf)
            return TrackingReport(contract: terms, tracking: tracking, livingWage: livingWage, actions: actions, returns: returns, due: due)
        }
    }

    // MARK: assure

    public func assure(reference: String, on: String?, by: String?, outcome: String?, evidence: String?) throws -> ExitStatus {
        var missing: [String] = []
        if FastText.isBlank(by ?? "") { missing.append("--by (who gave the assurance)") }
        if outcome == nil { missing.append("--outcome (compliant or not-compliant)") }
        if FastText.isBlank(evidence ?? "") { missing.append("--evidence (what it rests on, such as the supplier's signed statement)") }
        guard missing.isEmpty, let by, let outcome, let evidence else {
            throw WizardError("Give " + missing.joined(separator: ", ") + ". Nothing was recorded.", status: .usage)
        }
        guard ["compliant", "not-compliant"].contains(outcome) else {
            throw WizardError("--outcome is compliant or not-compliant, not \(outcome). Nothing was recorded.", status: .usage)
        }
        let day = try Day.given(on, option: "--on")
        let register = try RegisterAccess.open(registerURL, create: false)
        let terms = try RegisterAccess.translating { try register.contract(reference) }
        if !terms.livingWageAssurance {
            console.say("Note: the tender for \(reference) did not ask for annual real living wage assurance; it is recorded all the same.")
        }
        try RegisterAccess.translating {
            try register.addAssurance(.init(givenOn: day, givenBy: by, compliant: outcome == "compliant", evidence: evidence), contract: reference)
        }
        console.say("Recorded the real living wage assurance for \(reference) on \(day.long): \(outcome == "compliant" ? "compliant" : "not compliant").")
        return .success
    }

    // MARK: register

    public func backup(to path: String) throws -> ExitStatus {
        let register = try RegisterAccess.open(registerURL, create: false)
        let url = context.resolve(path)
        try RegisterAccess.translating { try register.backup(to: url) }
        console.say("Backed up the register to \(url.path). Keep it somewhere safe; to restore it, use it with --register or copy it back.")
        return .success
    }

    /// `register copy FROM TO`: every row into a new file or an empty shared register.
    public func copy(from: String, to: String) throws -> ExitStatus {
        let source = RegisterAccess.address(from, context: context), target = RegisterAccess.address(to, context: context)
        if !Registers.isShared(target), FileManager.default.fileExists(atPath: target.path) {
            throw WizardError("\(target.path) already exists; a copy never replaces a file. Give a new file name.", status: .refused)
        }
        if !Registers.isShared(source), !FileManager.default.fileExists(atPath: source.path) {
            throw WizardError("There is no register at \(source.path). Give the register to copy first, then the new one.", status: .refused)
        }
        let counts: [String: Int]
        do {
            counts = try RegisterAccess.translating { try Registers.copy(from: source, to: target) }
        } catch {
            // Nothing half made: a new file that was being filled is removed (a database keeps nothing of a failed copy).
            if !Registers.isShared(target) { SQLiteRegister.discard(target) }
            throw error
        }
        let count = { (table: String, one: String, many: String) -> String in
            let number = counts[table] ?? 0
            return "\(number) \(number == 1 ? one : many)"
        }
        console.say("Copied the register \(Registers.name(of: source)) to \(Registers.name(of: target)): "
            + "\(count("contract", "contract", "contracts")), \(count("delivery_return", "return", "returns")) (corrected ones included), "
            + "\(count("corrective_action", "corrective action", "corrective actions")), "
            + "\(count("living_wage_assurance", "living wage assurance", "living wage assurances")) and \(count("spend_payment", "payment", "payments")).")
        return .success
    }

    public func export() throws -> ExitStatus {
        let register = try RegisterAccess.open(registerURL, create: false)
        let export = try RegisterAccess.translating { try register.export() }
        console.writeData(String(decoding: try JSONEncoder.stable.encode(export), as: UTF8.self) + "\n")
        return .success
    }
}
