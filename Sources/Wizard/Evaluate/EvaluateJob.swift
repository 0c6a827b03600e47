import Foundation
import Questionnaire
import SocialValue
import Submission

/// `svwizard evaluate --tender tender.json BUNDLE... --scores scores.yaml --output DIR`: checks
/// every bundle against the tender (a bundle that fails is left out, with the reason), values
/// each bid with the tender's pack, applies the panel's clarifications and scores, works out
/// the marks by the recorded method, and writes the evaluation record.
public struct EvaluateJob {
    let context: AppContext
    let tenderPath: String
    let bundlePaths: [String]
    let scoresPath: String
    let outputPath: String
    let json: Bool
    /// Never ask: what the scores file leaves out is listed and nothing is written.
    let noInput: Bool

    public init(context: AppContext, tenderPath: String, bundlePaths: [String], scoresPath: String, outputPath: String, json: Bool,
                noInput: Bool = false) {
        self.noInput = noInput
        self.context = context
        self.tenderPath = tenderPath
        self.bundlePaths = bundlePaths
        self.scoresPath = scoresPath
        self.outputPath = outputPath
        self.json = json
    }

    /// The checks whose findings make an offer look unrealistic: it must be clarified with the
    /// supplier, and the decision recorded, before the bid is scored.
    static let concernCodes: Set<FindingCode> = [.implausibleTotal, .jobsAboveWorkforce, .hiresAboveNewHires, .localSpendAboveContract,
                                                 .weeksAboveWorkforce, .groupAboveWorkforce]

    public func run() throws -> ExitStatus {
        let tender = try TenderFile.read(context.resolve(tenderPath).path)
        guard let pack = tender.valuePack else {
            throw WizardError("The tender file \(tenderPath) carries no value pack, so the bids cannot all be valued with the same "
                + "values. Make the tender file with the buyer's pack (svwizard assess, after svwizard values import).", status: .refused)
        }
        var scores: ScoresFile
        let scoresURL = context.resolve(scoresPath)
        do {
            scores = try ScoresFile.read(scoresURL)
        } catch let error as OutsideFileError where error.kind == .missing && !noInput {
            // A new evaluation: the panel answers at the terminal, saved to this file as it goes.
            scores = ScoresFile(method: nil, scale: nil, evaluators: [], bids: [:])
        } catch {
            throw WizardError("\(error)", status: (error as? OutsideFileError)?.kind == .missing ? .unreadable : .refused)
        }
        let output = context.resolve(outputPath)
        try checkOutputFolder(output)

        let submitted = try submittedBids(tender: tender, pack: pack)
        if !noInput {
            try checkRecorded(scores, tender: tender)
            var wizard = ScoringWizard(
                context: context, environment: FlowEnvironment(data: context.data, tender: tender, pack: pack),
                tenderMethod: tender.scoring?.method, tenderScale: tender.scoring?.scale,
                bids: submitted.filter { $0.bid.exclusion == nil }.map { checked in
                    let valued = checked.bid.lines.compactMap(\.value)
                    let offer = valued.isEmpty ? "no valued social value" : "\(valued.reduce(Money.zero, +).description) of social value"
                    return ScoringWizard.Bid(file: checked.file, supplier: checked.bid.supplier, concerns: checked.concerns, summary: offer,
                                             measures: checked.bid.lines.map(\.measure), writtenAnswer: checked.writtenAnswer)
                },
                order: submitted.map(\.file), url: scoresURL, scores: scores)
            for excluded in submitted where excluded.bid.exclusion != nil {
                context.console.say("Left out: \(excluded.file): \(excluded.bid.exclusion ?? "")")
            }
            if case let .left(how) = try wizard.run() { return how.status }
            scores = wizard.scores
        }
        let method = try method(scores, tender: tender)
        let scale = try scale(scores, tender: tender)
        var problems = panelProblems(submitted, scores: scores, scale: scale)
        let unknown = scores.bids.keys.filter { file in !submitted.contains { $0.file == file } }.sorted()
        problems += unknown.map { "The scores file has scores for \(Echo.short($0)), which is not one of the bundles given." }
        guard problems.isEmpty else {
            context.console.refuse("The evaluation is not complete, so nothing was written:")
            for problem in problems.prefix(40) { context.console.refuseLine("  " + problem) }
            if problems.count > 40 { context.console.refuseLine("  and \(problems.count - 40) more") }
            context.console.refuse("Add what is missing to \(scoresPath) (svwizard guide scores-file shows the layout) and run it again.")
            return .refused
        }
        var panels = scores.bids
        for bid in submitted {
            // Each clarification is recorded with the concern it answers.
            guard var panel = panels[bid.file] else { continue }
            panel.clarifications = panel.clarifications.map { clarification in
                var clarification = clarification
                clarification.concern = bid.concerns.first { $0.measure == clarification.measure }?.text
                    ?? bid.concerns.first { $0.measure == nil }?.text ?? "Asked by the panel."
                return clarification
            }
            panels[bid.file] = panel
        }
        let rules = tender.scoring
        let evaluation = EvaluationCalculator.evaluate(
            tender: tender, method: method, scale: scale,
            weighting: (rules?.weighting ?? context.data.framework.rules.tenderWeighting).percent,
            quantitativeShare: (rules?.quantitativeShare ?? context.data.framework.rules.quantitativeShare).percent,
            qualitativeShare: (rules?.qualitativeShare ?? context.data.framework.rules.qualitativeShare).percent,
            evaluators: scores.evaluators, bids: submitted.map(\.bid), panels: panels)
        let files = try EvaluationRecord.files(evaluation, toolVersion: ToolVersion.current)
        do {
            try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            try OutputFolder.writeWhole(output, what: "the evaluation") { folder in
                for file in files { try AtomicFile.write(file.data, to: folder.appendingPathComponent(file.name)) }
            }
        } catch let error as WizardError {
            throw error
        } catch {
            throw WizardError("The evaluation could not be written to \(output.path) (\(error.localizedDescription)).", status: .unreadable)
        }
        if json {
            context.console.writeData(String(decoding: files[0].data, as: UTF8.self))
        } else {
            summarise(evaluation, output: output)
        }
        return .success
    }

    /// Refuses a scores file that changes what the tender records, before anything is asked.
    private func checkRecorded(_ scores: ScoresFile, tender: TenderSpecification) throws {
        _ = try tender.scoring?.method.map { _ in try method(scores, tender: tender) }
        _ = try tender.scoring?.scale.map { _ in try scale(scores, tender: tender) }
    }

    /// The method the tender records, else the scores file's; it must be someone's explicit
    /// choice, and once the tender records it, it cannot change.
    private func method(_ scores: ScoresFile, tender: TenderSpecification) throws -> QuantitativeMethod {
        if let recorded = tender.scoring?.method {
            if let other = scores.method, other != recorded {
                throw WizardError("The tender file records the method \(EvaluationRecord.methodName(recorded).lowercased()), but \(scoresPath) "
                    + "says \(EvaluationRecord.methodName(other).lowercased()). Bids are scored by the method published with the tender: "
                    + "remove `method:` from the scores file.", status: .refused)
            }
            return recorded
        }
        guard let method = scores.method else {
            throw WizardError("Neither the tender file nor \(scoresPath) says how the quantitative half is scored. Add a method to the "
                + "scores file, for example `method: {method: relativeToHighest}` (svwizard guide evaluation explains each).", status: .refused)
        }
        return method
    }

    private func scale(_ scores: ScoresFile, tender: TenderSpecification) throws -> QualitativeScale {
        if let recorded = tender.scoring?.scale {
            if let other = scores.scale, other != recorded.id {
                throw WizardError("The tender file records the \(recorded.name) scale, but \(scoresPath) names \(Echo.short(other)). "
                    + "Remove `scale:` from the scores file.", status: .refused)
            }
            return recorded
        }
        let scales = context.data.framework.evaluation?.scales ?? []
        guard let id = scores.scale, let scale = scales.first(where: { $0.id == id }) else {
            throw WizardError("\(scoresPath) must name the qualitative scale: `scale:` and one of "
                + scales.map(\.id).joined(separator: ", ") + " (svwizard guide evaluation lists them).", status: .refused)
        }
        return scale
    }

    /// The output folder must be new or empty: an earlier evaluation is never overwritten.
    private func checkOutputFolder(_ folder: URL) throws { try OutputFolder.checkNew(folder, what: "the evaluation") }

    /// The parts of a response the panel scores, as lines: each commitment's plan, partner and
    /// evidence, then the delivery plan or milestone tracker.
    static func writtenAnswer(_ document: SubmissionDocument) -> [String] {
        var lines: [String] = []
        for commitment in document.commitments {
            lines.append("\(commitment.measure.spoken) \(document.summary(of: commitment.measure)?.headline ?? "")")
            lines += "How: \(commitment.delivery)".split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            if let partner = commitment.partner, !partner.isEmpty { lines.append("  Local partner: \(partner)") }
            lines += "Evidence: \(commitment.evidence)".split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        lines.append("Delivery plan:")
        lines += document.response.deliveryDocument.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        return lines
    }

    private struct Checked {
        var file: String
        var bid: EvaluationCalculator.Submitted
        var writtenAnswer: [String] = []
        var concerns: [EvaluationCalculator.Concern] { bid.concerns }
    }

    /// Each bundle checked against the tender and valued with the tender's pack; the ones that
    /// fail, repeat or compete with another bundle from the same supplier are left out, with why.
    private func submittedBids(tender: TenderSpecification, pack: ValuePack) throws -> [Checked] {
        let validator = try context.bundleValidator()
        let data = context.data
        var checked: [Checked] = []
        var digests: [String: String] = [:]
        for path in bundlePaths {
            let file = URL(fileURLWithPath: path).lastPathComponent
            let url = context.resolve(path)
            let report = ValidateJob.check(url, path: file, validator: validator, tender: tender)
            var exclusion: String?
            var supplier = "unknown (the bundle failed its checks)"
            var lines: [Evaluation.Line] = []
            var concerns: [EvaluationCalculator.Concern] = []
            let bytes = try? OutsideFile.contents(of: url, limit: BundleReader.maximumBundleBytes, what: "bundle")
            let document = bytes.flatMap { try? BundleReader.files(in: $0) }?["submission.json"]
                .flatMap { try? JSONDecoder().decode(SubmissionDocument.self, from: $0) }
            // The name is shown even for a bundle left out, when it can be read, to say whose it is.
            if let document { supplier = document.supplier.name }
            if let problem = report.diagnostics.first {
                exclusion = "\(problem.code.rawValue) \(problem.message)"
            } else if let bytes, let document {
                let valuation = Valuation(of: document.response, framework: data.framework, catalogue: data.catalogue, pack: pack)
                lines = valuation.lines.map { Evaluation.Line(measure: $0.measure, unit: $0.unit, quantity: $0.totalQuantity.value,
                                                              perUnit: $0.perUnit, value: $0.total) }
                concerns = report.findings.filter { Self.concernCodes.contains($0.code) }.map { finding in
                    let parts = finding.field.split(separator: ".")
                    let measure = parts.count > 1 && parts[0] == "commitments" ? MeasureReference(String(parts[1])) : nil
                    return .init(measure: measure, text: "\(finding.code.rawValue) \(finding.message)")
                }
                concerns += Self.localSpendConcerns(lines, tender: tender, data: data)
                let digest = Manifest.sha256(bytes)
                if let first = digests[digest] {
                    exclusion = "The same bundle as \(first), which is evaluated; a bid is counted once."
                } else {
                    digests[digest] = file
                }
            } else {
                exclusion = "The bundle could not be read again after it was checked."
            }
            checked.append(Checked(file: file, bid: .init(file: file, supplier: supplier, exclusion: exclusion, lines: lines, concerns: concerns),
                                   writtenAnswer: document.map(Self.writtenAnswer) ?? []))
        }
        // Two different bundles from one supplier: the panel must find out which is the bid.
        let bySupplier = Dictionary(grouping: checked.indices.filter { checked[$0].bid.exclusion == nil }) { checked[$0].bid.supplier.lowercased() }
        for indices in bySupplier.values where indices.count > 1 {
            let names = indices.map { checked[$0].file }.joined(separator: ", ")
            for index in indices {
                checked[index].bid.exclusion = "\(checked[index].bid.supplier) sent more than one different bundle (\(names)). Ask the supplier "
                    + "which is its bid, then evaluate again with that one."
            }
        }
        return checked
    }

    /// Local spend at or above the share of the contract's value the council questions
    /// (`evaluation.questionLocalSpendFrom` in framework.yaml; nothing when it sets none).
    static func localSpendConcerns(_ lines: [Evaluation.Line], tender: TenderSpecification, data: DataSet) -> [EvaluationCalculator.Concern] {
        guard let share = data.framework.evaluation?.questionLocalSpendFrom?.value, tender.contractValue.pounds > 0 else { return [] }
        return lines.compactMap { line in
            guard data.catalogue.measure(line.measure)?.counting.atMostContractValue == true, line.unit == .pounds else { return nil }
            let percent = line.quantity / tender.contractValue.pounds * 100
            guard percent >= share else { return nil }
            return .init(measure: line.measure, text: "Local spend of \(Money(line.quantity).wholePounds) is \(DecimalText.grouped(percent, places: 1))% "
                + "of the contract's value, at or above the \(DecimalText.plain(share))% the council questions.")
        }
    }

    /// What the scores file must still say: every evaluator's score and an agreed score on the
    /// scale for each bid evaluated, and a clarification for each offer that looked unrealistic.
    private func panelProblems(_ bids: [Checked], scores: ScoresFile, scale: QualitativeScale) -> [String] {
        var problems: [String] = []
        if scores.evaluators.isEmpty { problems.append("Name the evaluators under `evaluators:`.") }
        let allowed = scale.points.map { DecimalText.plain($0.score) }.joined(separator: ", ")
        for bid in bids where bid.bid.exclusion == nil {
            let name = Echo.short(bid.file)
            guard let panel = scores.bids[bid.file] else {
                problems.append("\(name): no scores. Give each evaluator's score and the agreed score.")
                continue
            }
            for evaluator in scores.evaluators where !panel.scores.contains(where: { $0.evaluator == evaluator }) {
                problems.append("\(name): no score from \(Echo.short(evaluator)).")
            }
            for score in panel.scores where !scores.evaluators.contains(score.evaluator) {
                problems.append("\(name): \(Echo.short(score.evaluator)) is not one of the evaluators named under `evaluators:`.")
            }
            for score in panel.scores + [panel.agreed].compactMap({ $0 }) where !scale.allows(score.score) {
                problems.append("\(name): the score \(DecimalText.plain(score.score)) is not on the \(scale.name) scale (\(allowed)).")
            }
            for clarification in panel.clarifications where clarification.decision == .adjust
                && (clarification.measure == nil || clarification.adjustedQuantity == nil) {
                problems.append("\(name): a clarification that adjusts a line needs the measure and adjustedQuantity (the quantity the "
                    + "evidence supports).")
            }
            for clarification in panel.clarifications {
                guard let measure = clarification.measure else { continue }
                guard let line = bid.bid.lines.first(where: { $0.measure == measure }) else {
                    problems.append("\(name): the clarification is about \(measure.rawValue), which the bid does not commit to (it commits to "
                        + bid.bid.lines.map(\.measure.rawValue).joined(separator: ", ") + ").")
                    continue
                }
                if let quantity = clarification.adjustedQuantity, quantity < 0 || quantity > line.quantity {
                    problems.append("\(name): \(measure.rawValue) is adjusted to \(DecimalText.plain(quantity)); an adjustment can only lower a line, "
                        + "to between 0 and the \(line.unit.format(line.quantity)) the bid committed.")
                }
            }
            for clarification in scores.undecided[bid.file] ?? [] {
                problems.append("\(name): the clarification\(clarification.measure.map { " about \($0.rawValue)" } ?? "") has no decision yet "
                    + "(accept, adjust or reject).")
            }
            if panel.agreed == nil { problems.append("\(name): no agreed score. Record the moderated score and its rationale under `agreed:`.") }
            for concern in bid.concerns where !panel.clarifications.contains(where: concern.isAnswered) {
                let about = concern.measure.map { " about \($0.rawValue)" } ?? ""
                problems.append("\(name): the offer needs a clarification\(about) before it is scored: \(concern.text) Record the question, "
                    + "the answer and the decision (accept, adjust or reject) under `clarifications:`.")
            }
        }
        return problems
    }

    private func summarise(_ evaluation: Evaluation, output: URL) {
        let console = context.console
        let included = evaluation.bids.filter(\.included).sorted { ($0.rank ?? 0) < ($1.rank ?? 0) }
        console.say("Evaluated \(included.count) of \(evaluation.bids.count) bundle\(evaluation.bids.count == 1 ? "" : "s") for "
            + "\(evaluation.tender.reference) by \(EvaluationRecord.methodName(evaluation.method).lowercased()), marks out of "
            + "\(DecimalText.grouped(evaluation.quantitativeWeight + evaluation.qualitativeWeight, places: 2)):")
        for bid in included {
            console.write("  \(bid.rank.map(String.init) ?? "-"). \(bid.supplier): \(DecimalText.grouped(bid.totalMarks, places: 2)) "
                + "(\(bid.socialValue?.description ?? "not valued"))\n")
        }
        for bid in evaluation.bids where !bid.included {
            console.say("  Excluded \(bid.file): \(bid.exclusion ?? "")")
        }
        console.say("The record is in \(output.path): evaluation.html to read and print, evaluation.md, evaluation.csv, "
            + "evaluation.json and manifest.json.")
    }
}
