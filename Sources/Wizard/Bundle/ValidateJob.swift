import CPlatform
import Foundation
import Questionnaire
import SocialValue
import Submission
import Terminal

/// `svwizard validate BUNDLE... [--tender tender.json]`: checks each bundle and reports, as
/// text or JSON. The exit status is the worst: 0 all valid, 1 a response has errors (or does
/// not match the tender), 2 a bundle is unreadable or tampered, 4 a bundle could not be confirmed.
public struct ValidateJob {
    let context: AppContext
    let paths: [String]
    let tenderPath: String?
    let json: Bool

    public init(context: AppContext, paths: [String], tenderPath: String? = nil, json: Bool) {
        self.context = context
        self.paths = paths
        self.tenderPath = tenderPath
        self.json = json
    }

    public func run() throws -> ExitStatus {
        let tender = try tenderPath.map { try TenderFile.read(context.resolve($0).path) }
        let validator = try context.bundleValidator()
        let files = paths.map { ($0, context.resolve($0)) }
        // Each bundle is checked on its own, so the machine's cores share the work; the reports
        // keep the order the bundles were given in.
        // Each bundle's buffers are freed before the next is read: keep the memory for reuse.
        if files.count > 1 { _ = svwizard_keep_freed_memory() }
        let results = Results(count: files.count)
        let json = json
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let (path, url) = files[index]
            let report = Self.check(url, path: path, validator: validator, tender: tender)
            // For --json, each report is written out on the thread that made it too.
            results.set(index, report, json: json ? report.stableJSON() : nil)
        }
        let reports = results.reports
        if json {
            if let encoded = results.encoded {
                context.console.writeData(String(decoding: JSONEncoder.stableArray(encoded), as: UTF8.self) + "\n")
            } else {
                context.console.writeData(try JSONEncoder.stableText(reports))
            }
        } else {
            for report in reports { write(report) }
            if reports.count > 1 { context.console.write(Self.summary(reports) + "\n") }
            if tender == nil {
                context.console.say("The values were not checked against the buyer's tender. To check them, add --tender tender.json "
                    + "(the tender file made by svwizard assess).")
            }
        }
        switch reports.map(\.status).max() ?? BundleReport.Status.valid {
        case .valid: return .success
        case .errors: return .refused
        case .unconfirmed: return .unconfirmed
        case .unreadable: return .unreadable
        }
    }

    /// One bundle's report; a file that cannot be read (or is too large to be a bundle) is refused.
    static func check(_ url: URL, path: String, validator: BundleValidator, tender: TenderSpecification?) -> BundleReport {
        let data: Data
        do {
            // The size is checked before the file is read, so a huge file is never loaded.
            data = try OutsideFile.contents(of: url, limit: BundleReader.maximumBundleBytes, what: "bundle")
        } catch {
            var report = BundleReport(file: path, tenderChecked: tender != nil)
            let code: BundleDiagnostic.Code = (error as? OutsideFileError)?.kind == .tooLarge ? .tooLarge : .notAZip
            report.add(BundleDiagnostic(code, "Refused: \(error)", action: "Check the file name."))
            return report
        }
        return validator.validate(data, file: path, tender: tender)
    }

    /// The reports as they arrive from the threads checking bundles.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [BundleReport?]
        private var texts: [Data?]

        init(count: Int) {
            items = Array(repeating: nil, count: count)
            texts = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, _ report: BundleReport, json: Data?) {
            lock.lock()
            items[index] = report
            texts[index] = json
            lock.unlock()
        }

        var reports: [BundleReport] { items.compactMap { $0 } }

        /// Each report as JSON, when every one was encoded.
        var encoded: [Data]? {
            let texts = texts.compactMap { $0 }
            return texts.count == items.count ? texts : nil
        }
    }

    /// "41 bundles: 39 valid, 1 with errors, 1 damaged".
    static func summary(_ reports: [BundleReport]) -> String {
        let counts = [(BundleReport.Status.valid, "valid"), (.errors, "with errors"), (.unconfirmed, "not confirmed"), (.unreadable, "damaged or tampered")]
            .compactMap { status, name -> String? in
                let count = reports.filter { $0.status == status }.count
                return count > 0 ? "\(count) \(name)" : nil
            }
        return "\(reports.count) bundles: " + counts.joined(separator: ", ")
    }

    private func write(_ report: BundleReport) {
        let console = context.console
        let style = console.style
        let verdict: String
        switch report.status {
        case .valid: verdict = style.green("valid")
        case .errors: verdict = style.red("has errors")
        case .unconfirmed: verdict = style.yellow("could not be confirmed")
        case .unreadable: verdict = style.red("cannot be trusted")
        }
        console.write(style.bold(report.file) + ": " + verdict + "\n")
        for diagnostic in report.diagnostics {
            console.write(TextWrapper.wrap("\(diagnostic.code.rawValue) \(diagnostic.message) \(diagnostic.action)", width: console.width,
                                           firstIndent: "  ", indent: "    ") + "\n")
        }
        guard report.status != .unreadable || !report.findings.isEmpty else { return }
        let quantities = report.unvalued.map { "\($0.measure.rawValue) \($0.unit.format($0.total))" }.joined(separator: "; ")
        if let total = report.total {
            console.write("  Total social value: \(total)\n")
            if !quantities.isEmpty {
                console.write(TextWrapper.wrap("Not valued, counted by quantity: \(quantities)", width: console.width,
                                               firstIndent: "  ", indent: "    ") + "\n")
            }
        } else if !report.unvalued.isEmpty {
            console.write(TextWrapper.wrap("Total social value: not valued (no measure has a value in the pack); by quantity: \(quantities)",
                                           width: console.width, firstIndent: "  ", indent: "    ") + "\n")
        }
        if !report.findings.isEmpty {
            for line in FindingsView(style: style, width: console.width, indent: "  ").lines(report.findings) { console.write(line + "\n") }
        }
    }
}
