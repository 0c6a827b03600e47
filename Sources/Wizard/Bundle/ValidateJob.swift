import Foundation
import Questionnaire
import SocialValue
import Submission
import Terminal

/// `svwizard validate BUNDLE...`: checks each bundle and reports, as text or JSON. The exit
/// status is the worst: 0 all valid, 1 a response has errors, 2 a bundle is unreadable or tampered.
public struct ValidateJob {
    let context: AppContext
    let paths: [String]
    let json: Bool

    public init(context: AppContext, paths: [String], json: Bool) {
        self.context = context
        self.paths = paths
        self.json = json
    }

    public func run() throws -> ExitStatus {
        let validator = try context.bundleValidator()
        let reports = paths.map { path -> BundleReport in
            let url = context.resolve(path)
            let data: Data
            do {
                // The size is checked before the file is read, so a huge file is never loaded.
                data = try OutsideFile.contents(of: url, limit: BundleReader.maximumBundleBytes, what: "bundle")
            } catch {
                return BundleReport(file: path, status: .unreadable, problems: ["Refused: \(error)"], findings: [], total: nil)
            }
            return validator.validate(data, file: path)
        }
        if json {
            context.console.write(try JSONEncoder.stableText(reports))
        } else {
            for report in reports { write(report) }
        }
        switch reports.map(\.status).max() ?? .valid {
        case .valid: return .success
        case .errors: return .refused
        case .unconfirmed: return .unconfirmed
        case .unreadable: return .unreadable
        }
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
        for problem in report.problems { console.write(TextWrapper.wrap(problem, width: console.width, firstIndent: "  ", indent: "    ") + "\n") }
        if let total = report.total {
            console.write("  Total social value: \(total)\n")
        }
        if !report.findings.isEmpty {
            for line in FindingsView(style: style, width: console.width, indent: "  ").lines(report.findings) { console.write(line + "\n") }
        }
    }
}
