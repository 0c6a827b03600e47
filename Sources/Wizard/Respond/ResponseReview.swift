import Foundation
import Questionnaire
import SocialValue
import Terminal

/// The review of a supplier's response: every commitment with its quantities, £ value and the
/// edition of its value; totals by theme and outcome; the total and its share of the contract
/// value; and every finding with its hint.
public struct ResponseReview: FlowReview {
    let environment: FlowEnvironment
    let style: Style
    let width: Int

    public init(environment: FlowEnvironment, style: Style, width: Int) {
        self.environment = environment
        self.style = style
        self.width = width
    }

    var data: DataSet { environment.data }

    public func response(_ answers: AnswerSheet) -> TenderResponse {
        ResponseAssembler(environment: environment).response(from: answers)
    }

    public func findings(_ answers: AnswerSheet) -> [Finding] {
        ResponseChecks(framework: data.framework, catalogue: data.catalogue, pack: environment.pack).findings(in: response(answers))
    }

    public func blockingProblems(_ answers: AnswerSheet) -> Int {
        findings(answers).filter { $0.severity == .error }.count
    }

    public var resumeCommand: String { "svwizard respond" }

    /// What makes the bundle, when the review offers to (set by the respond command).
    public var makeBundle: ((URL) throws -> Void)?

    public func blockingFindings(_ answers: AnswerSheet) -> [(field: String, text: String)] {
        findings(answers).filter { $0.severity == .error }.map { ($0.field, "\($0.code.rawValue) \($0.message) What to do: \($0.hint)") }
    }

    /// The checks of one measure that can run as soon as its quantities and placements are all
    /// answered: placement length (SV-E010), weeks that do not add up (SV-E011), quantities not
    /// given for each contract year (SV-E005). Each comes with the question to ask again.
    public func problemsAtQuestion(_ key: String, plan: [PlannedQuestion], answers: AnswerSheet) -> [(key: String, text: String)] {
        let parts = key.split(separator: ".").map(String.init)
        guard parts.count >= 3, parts[0] == "commitments" else { return [] }
        let prefix = "commitments.\(parts[1])."
        let counted = ["quantity", "placements", "weeksEach"]
        let relevant = plan.filter { $0.key.hasPrefix(prefix) && counted.contains(String($0.key.dropFirst(prefix.count).prefix { $0 != "." })) }
        // Checked once the last of them is answered (or the placements are changed), so a
        // correction that runs over several years is asked year by year before the check.
        let isPlacement = key.hasSuffix(".placements") || key.hasSuffix(".weeksEach")
        guard relevant.last?.key == key || (isPlacement && relevant.contains { $0.key == key }),
              relevant.allSatisfy({ answers[$0.key] != nil }) else { return [] }
        let codes: Set<FindingCode> = [.placementLength, .placementWeeksDoNotAddUp, .wrongNumberOfYears]
        return findings(answers).filter { codes.contains($0.code) && $0.field.hasPrefix(prefix) }.map { finding in
            let field = finding.field.hasSuffix(".quantities") ? String(finding.field.dropLast("quantities".count)) + "quantity" : finding.field
            let target = plan.first { $0.key == field || $0.key.hasPrefix(field + ".") }?.key ?? key
            return (target, "\(finding.code.rawValue) \(finding.message) \(finding.hint)")
        }
    }

    public var nextStep: (question: String, run: (URL) throws -> Void)? {
        makeBundle.map { ("Make the bundle to upload with your tender now?", $0) }
    }

    public func finish(draft: URL, answers: AnswerSheet) throws -> String {
        let errors = blockingProblems(answers)
        let next = "Next, make the bundle to upload with your tender:\n  svwizard export \(Self.shellQuoted(draft.path))"
        return errors == 0 ? "Your response is complete. \(next)"
            : "Your response is saved, but it has \(errors) error\(errors == 1 ? "" : "s") to fix before it can be exported:\n"
            + "  svwizard respond --resume \(Self.shellQuoted(draft.path))\nthen type review, and edit."
    }

    /// A path as it can be copied into a shell: quoted when it has spaces or special characters.
    static func shellQuoted(_ path: String) -> String {
        path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+:@".contains($0) } ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    public func render(_ answers: AnswerSheet) -> String {
        let response = self.response(answers)
        let valuation = Valuation(of: response, framework: data.framework, catalogue: data.catalogue, pack: environment.pack)
        var lines: [String] = []
        lines += summary(response, answers)
        lines.append("")
        lines += commitments(response, valuation)
        lines += totals(valuation, contract: response.tender.contractValue)
        lines.append("")
        lines += FindingsView(style: style, width: width).lines(findings(answers))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The tender and the supplier in a sentence each. A question not answered yet is shown as
    /// such, never as a made-up default ("micro other; 0 FTE").
    private func summary(_ response: TenderResponse, _ answers: AnswerSheet) -> [String] {
        let tender = response.tender
        let supplier = response.supplier
        let fromFile = environment.tender != nil
        func known(_ key: String, _ text: String) -> String { fromFile || answers[key] != nil ? text : "(not answered yet)" }
        func answered(_ key: String, _ text: String) -> String { answers[key] != nil ? text : "(not answered yet)" }
        let years = known("tender.years", Schedule.length(years: tender.years, months: tender.months))
        let tenderLine = "Tender: \(known("tender.reference", tender.reference)) \(known("tender.title", tender.title)), "
            + "for \(known("tender.buyer", tender.buyer)). \(known("tender.value", tender.contractValue.wholePounds)) over \(years) "
            + "from \(known("tender.startDate", DateText.long(tender.startDate)))."
        let supplierKeys = ["supplier.name", "supplier.postcode", "supplier.size", "supplier.type", "supplier.workforce", "supplier.newHires"]
        let supplierLine: String
        if supplierKeys.allSatisfy({ answers[$0] == nil }) {
            supplierLine = "Supplier: not answered yet."
        } else {
            let local = supplier.isLocal ? "local" : "not local"
            supplierLine = "Supplier: \(answered("supplier.name", supplier.name)), "
                + "\(answered("supplier.postcode", "\(supplier.postcode) (\(local))")), \(answered("supplier.size", supplier.size.rawValue)) "
                + "\(answered("supplier.type", supplier.kind.name)); \(answered("supplier.workforce", DecimalText.plain(supplier.workforce) + " FTE")) "
                + "on the contract and \(answered("supplier.newHires", DecimalText.plain(supplier.newHires) + " FTE")) of new hires."
        }
        return [TextWrapper.wrap(tenderLine, width: width, indent: "  "), TextWrapper.wrap(supplierLine, width: width, indent: "  ")]
    }

    private func commitments(_ response: TenderResponse, _ valuation: Valuation) -> [String] {
        guard !valuation.lines.isEmpty else { return ["No commitments yet."] }
        var lines = [style.bold("Commitments")]
        for line in valuation.lines {
            let headline = data.framework.placement(of: line.measure)?.headline.name ?? line.measure.rawValue
            lines.append("  " + style.cyan(line.measure.rawValue) + " \(headline) (\(line.unit.symbol))")
            let years = line.quantities.enumerated().map { "year \($0.offset + 1): \(line.unit.format($0.element.value))" }
            lines.append(TextWrapper.wrap("Total \(line.unit.format(line.totalQuantity.value)) (" + years.joined(separator: ", ") + ")",
                                          width: width, firstIndent: "    ", indent: "      "))
            if let total = line.total, let perUnit = line.perUnit {
                let marker = valuation.illustrative ? " (illustrative)" : ""
                lines.append(TextWrapper.wrap("Value: \(total)\(marker) at \(perUnit.unitPrice) per \(ValueText.singular(line.unit)), \(line.edition ?? "")",
                                              width: width, firstIndent: "    ", indent: "      "))
            } else {
                lines.append("    Value: unvalued in the \(valuation.packName ?? "current") pack (counted by quantity, not as £0)")
            }
        }
        return lines
    }

    private func totals(_ valuation: Valuation, contract: Money) -> [String] {
        func row(_ subtotal: Valuation.Subtotal) -> String {
            let amount = subtotal.valued ? subtotal.total.description : "unvalued"
            return TextWrapper.wrap("\(subtotal.name): \(amount)", width: width, firstIndent: "  ", indent: "    ")
        }
        var lines = ["", style.bold("Totals by theme")]
        lines += valuation.byTheme.map(row)
        lines += ["", style.bold("Totals by outcome")]
        lines += valuation.byOutcome.map(row)
        let share = valuation.shareOfContract.map { ", \($0) of the contract value of \(contract.wholePounds)" } ?? ""
        lines.append("")
        if valuation.lines.contains(where: { $0.total != nil }) {
            lines.append(style.bold("Total social value: \(valuation.total)") + share)
        } else if !valuation.lines.isEmpty {
            lines.append(TextWrapper.wrap(style.bold("Total social value: not valued") + ", because every measure here is unvalued in the "
                + "\(valuation.packName ?? "current") pack. The quantities above still count.", width: width))
        }
        if valuation.illustrative && valuation.lines.contains(where: { $0.total != nil }) {
            lines.append(style.yellow(TextWrapper.wrap("ILLUSTRATIVE: these £ figures use the \(valuation.packName ?? "") pack, for training only.", width: width)))
        }
        if !valuation.unvalued.isEmpty {
            let items = valuation.lines.filter { $0.perUnit == nil }.map { "\($0.measure.rawValue) \($0.unit.format($0.totalQuantity.value))" }
            lines.append(TextWrapper.wrap("Not in the £ total (unvalued, counted by quantity): " + items.joined(separator: "; "), width: width))
        }
        return lines
    }
}

/// Findings as people read them: a count, then each with its code, answer, message and fix.
struct FindingsView {
    let style: Style
    let width: Int
    var indent = ""

    func lines(_ findings: [Finding]) -> [String] {
        let counts = Finding.Severity.allCases.map { severity -> String in
            let count = findings.filter { $0.severity == severity }.count
            return "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }
        var lines = [indent + style.bold("Checks: ") + counts.joined(separator: ", ")]
        for finding in findings {
            let label: String
            switch finding.severity {
            case .error: label = style.red("ERROR")
            case .warning: label = style.yellow("WARNING")
            case .note: label = style.dim("NOTE")
            }
            lines.append(TextWrapper.wrap("\(label) \(finding.code.rawValue) (\(finding.field)): \(finding.message)", width: width,
                                          firstIndent: indent + "  ", indent: indent + "    "))
            lines.append(TextWrapper.wrap("What to do: \(finding.hint)", width: width, firstIndent: indent + "    ", indent: indent + "    "))
        }
        return lines
    }
}
