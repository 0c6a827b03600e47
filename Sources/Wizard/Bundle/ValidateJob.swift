import Foundation
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
        let validator = BundleValidator(framework: context.data.framework, catalogue: context.data.catalogue, toolVersion: ToolVersion.current)
        let reports = paths.map { path -> BundleReport in
            let url = context.resolve(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return BundleReport(file: path, status: .unreadable, problems: ["Unreadable: there is no readable file \(url.path)."],
                                    findings: [], total: nil)
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
