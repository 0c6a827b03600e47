import Foundation
import SocialValue

/// The result of checking one bundle.
public struct BundleReport: Sendable, Hashable, Codable {
    /// How a bundle stands: the exit status follows from the worst.
    public enum Status: String, Sendable, Hashable, Codable, Comparable {
        /// Intact, and the response has no errors.
        case valid
        /// Intact, but the response has errors, or its claims differ from a fresh check.
        case errors
        /// Intact by its manifest, but made by another svwizard version whose readable files
        /// this version renders differently, so they could not be confirmed against
        /// submission.json. Never reported as valid.
        case unconfirmed
        /// Unreadable, not a bundle, of an unknown version, or changed since export.
        case unreadable

        public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int {
            switch self {
            case .valid: 0
            case .errors: 1
            case .unconfirmed: 2
            case .unreadable: 3
            }
        }
    }

    public var file: String
    public var status: Status
    /// Problems with the bundle itself (reading, integrity, differences), in plain words.
    public var problems: [String]
    /// The findings of a fresh check of the response.
    public var findings: [Finding]
    /// The total social value found by a fresh valuation.
    public var total: Money?

    public init(file: String, status: Status, problems: [String], findings: [Finding], total: Money?) {
        self.file = file
        self.status = status
        self.problems = problems
        self.findings = findings
        self.total = total
    }
}

/// Checks a bundle: that it can be read safely and is a bundle; that every file matches the
/// manifest (so nothing was changed, removed or added since export); that its versions are
/// known; then runs every check on the response again and recomputes the valuation and the
/// rendered files, reporting any difference from what the bundle claims.
public struct BundleValidator: Sendable {
    public let framework: Framework
    public let catalogue: Catalogue
    public let toolVersion: String
    /// The published schemas; submission.json is checked against its schema before it is decoded.
    public let schemas: SchemaSet

    public init(framework: Framework, catalogue: Catalogue, toolVersion: String, schemas: SchemaSet) {
        self.framework = framework
        self.catalogue = catalogue
        self.toolVersion = toolVersion
        self.schemas = schemas
    }

    public func validate(_ data: Data, file: String) -> BundleReport {
        var report = BundleReport(file: file, status: .unreadable, problems: [], findings: [], total: nil)
        let files: [String: Data]
        do {
            files = try BundleReader.files(in: data)
        } catch let error as BundleReadError {
            report.problems = error.messages.map { "Refused: \($0)." }
            return report
        } catch {
            report.problems = ["Refused: \(error)."]
            return report
        }
        guard let manifest = integrity(of: files, into: &report) else { return report }
        guard let document = submission(in: files, into: &report) else { return report }
        report.status = .valid
        recheck(document, files: files, manifest: manifest, into: &report)
        return report
    }

    /// Checks the manifest against the files; nil (with problems recorded) when the bundle is not intact.
    private func integrity(of files: [String: Data], into report: inout BundleReport) -> Manifest? {
        guard let manifestData = files[BundleWriter.manifestFile] else {
            report.problems.append("Not a bundle: there is no manifest.json.")
            return nil
        }
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: manifestData), manifest.schema == Manifest.schemaName else {
            report.problems.append("Not a bundle: manifest.json is not an svwizard manifest.")
            return nil
        }
        guard manifest.schemaVersion <= Manifest.currentSchemaVersion,
              manifest.submissionSchemaVersion <= SubmissionDocument.currentSchemaVersion else {
            report.problems.append("Unknown version: the bundle was made by a newer svwizard (\(manifest.toolVersion)); "
                + "check it with that version.")
            return nil
        }
        var problems: [String] = []
        let listed = Set(manifest.files.map(\.name))
        for name in BundleWriter.contentFiles where !listed.contains(name) {
            problems.append("Tampered: manifest.json does not list \(name).")
        }
        for entry in manifest.files {
            guard let data = files[entry.name] else {
                problems.append("Tampered: \(entry.name) is missing.")
                continue
            }
            if data.count != entry.size {
                problems.append("Tampered: \(entry.name) is \(data.count) bytes, but the manifest says \(entry.size).")
            } else if Manifest.sha256(data) != entry.sha256 {
                problems.append("Tampered: \(entry.name) has changed since export (its SHA-256 does not match the manifest).")
            }
        }
        for name in files.keys.sorted() where name != BundleWriter.manifestFile && !listed.contains(name) {
            problems.append("Tampered: \(BundleReader.printable(name)) was added; it is not in the manifest.")
        }
        report.problems += problems
        return problems.isEmpty ? manifest : nil
    }

    private func submission(in files: [String: Data], into report: inout BundleReport) -> SubmissionDocument? {
        struct Header: Decodable { var schema: String?; var schemaVersion: Int? }
        guard let data = files["submission.json"], let header = try? JSONDecoder().decode(Header.self, from: data),
              header.schema == SubmissionDocument.schemaName else {
            report.problems.append("Not a bundle: submission.json is not an svwizard submission.")
            return nil
        }
        guard let version = header.schemaVersion, version <= SubmissionDocument.currentSchemaVersion else {
            report.problems.append("Unknown version: submission.json is schema version \(header.schemaVersion.map(String.init) ?? "?"); "
                + "this svwizard reads version \(SubmissionDocument.currentSchemaVersion).")
            return nil
        }
        guard let value = try? JSONValue.parse(data) else {
            report.problems.append("Unreadable: submission.json is not valid JSON.")
            return nil
        }
        let violations = schemas.violations(of: value, against: "submission.schema.json", limit: 11)
        if !violations.isEmpty {
            let listed = violations.prefix(10).map { "\($0)" }.joined(separator: "; ")
            report.problems.append("Unreadable: submission.json does not follow its schema (\(listed)\(violations.count > 10 ? "; and more" : "")).")
            return nil
        }
        do {
            return try JSONDecoder().decode(SubmissionDocument.self, from: data)
        } catch {
            report.problems.append("Unreadable: submission.json does not follow its schema (\(error.localizedDescription)).")
            return nil
        }
    }

    /// Runs the checks and the valuation again and re-renders the files; records every difference.
    private func recheck(_ document: SubmissionDocument, files: [String: Data], manifest: Manifest, into report: inout BundleReport) {
        let response = document.response
        let findings = ResponseChecks(framework: framework, catalogue: catalogue, pack: document.valuePack).findings(in: response)
        let valuation = Valuation(of: response, framework: framework, catalogue: catalogue, pack: document.valuePack)
        report.findings = findings
        report.total = valuation.total
        if findings != document.findings {
            report.problems.append("Different: the findings in submission.json are not what a fresh check finds "
                + "(\(count(document.findings)) claimed, \(count(findings)) now).")
        }
        if valuation != document.valuation {
            report.problems.append("Different: the valuation in submission.json (\(document.valuation.total)) is not what a fresh "
                + "valuation gives (\(valuation.total)).")
        }
        if !report.problems.isEmpty || findings.contains(where: { $0.severity == .error }) {
            report.status = .errors
        }
        compareRenderings(of: document, files: files, manifest: manifest, into: &report)
    }

    /// Renders the readable files again from submission.json with this svwizard and compares
    /// them with the bundle's, whatever the bundle says about itself. Rendering is
    /// deterministic, so with the same version a file that differs was edited. A bundle that
    /// says it comes from another version, and whose files this version renders differently,
    /// cannot be confirmed: it is reported as such, never as valid.
    private func compareRenderings(of document: SubmissionDocument, files: [String: Data], manifest: Manifest,
                                   into report: inout BundleReport) {
        guard let rendered = try? BundleWriter.contents(of: document) else {
            report.problems.append("Unreadable: the readable files cannot be made again from submission.json.")
            report.status = .unreadable
            return
        }
        let differing = rendered.filter { $0.name != "submission.json" && files[$0.name] != $0.data }.map(\.name)
        guard !differing.isEmpty else { return }
        let names = differing.joined(separator: ", ")
        if manifest.toolVersion == toolVersion && document.toolVersion == toolVersion {
            report.problems.append("Tampered: \(names) \(differing.count == 1 ? "does" : "do") not match submission.json; "
                + "one or the other was changed after export.")
            report.status = .unreadable
        } else {
            report.problems.append("Not confirmed: the bundle says it was made by svwizard \(manifest.toolVersion), and this svwizard "
                + "(\(toolVersion)) makes \(names) differently from its submission.json, so \(differing.count == 1 ? "that file" : "those files") "
                + "could not be checked. Check the bundle with svwizard \(manifest.toolVersion), or ask the supplier to export it again.")
            report.status = max(report.status, .unconfirmed)
        }
    }

    private func count(_ findings: [Finding]) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }
}
