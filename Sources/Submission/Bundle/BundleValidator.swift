import Foundation
import SocialValue

/// Checks a bundle: that it can be read safely and is a bundle; that every file matches the
/// manifest (so nothing was changed, removed or added since export); that its versions are
/// known and submission.json keeps its published schema; then runs every check on the
/// response again, recomputes the valuation and the readable files, and reports any
/// difference from what the bundle claims. Given the buyer's tender file, it also checks that
/// the bundle answers that tender, with its measures and its values.
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

    /// Checks the bundle `data` (named `file` in the report), against `tender` when given.
    public func validate(_ data: Data, file: String, tender: TenderSpecification? = nil) -> BundleReport {
        var report = BundleReport(file: file, tenderChecked: tender != nil)
        let files: [String: Data]
        do {
            files = try BundleReader.files(in: data)
        } catch let error as BundleReadError {
            for diagnostic in error.diagnostics {
                report.add(BundleDiagnostic(diagnostic.code, file: diagnostic.file, "Refused: \(diagnostic.message).", action: diagnostic.action))
            }
            return report
        } catch {
            report.add(BundleDiagnostic(.notAZip, "Refused: it cannot be read as a bundle.", action: BundleReadError.action))
            return report
        }
        guard let manifest = integrity(of: files, into: &report) else { return report }
        guard let document = submission(in: files, into: &report) else { return report }
        report.status = .valid
        recheck(document, tender: tender, into: &report)
        if let tender { compare(document, with: tender, into: &report) }
        compareRenderings(of: document, files: files, manifest: manifest, into: &report)
        return report
    }

    private static let exportAgain = "Ask the supplier for the bundle exactly as svwizard export made it."

    /// Checks the manifest against the files; nil (with diagnostics recorded) when the bundle is not intact.
    private func integrity(of files: [String: Data], into report: inout BundleReport) -> Manifest? {
        guard let manifestData = files[BundleWriter.manifestFile] else {
            report.add(BundleDiagnostic(.noManifest, file: BundleWriter.manifestFile, "Not a bundle: there is no manifest.json.",
                                        action: "Check that this is the .svbundle.zip made by svwizard export."))
            return nil
        }
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: manifestData), manifest.schema == Manifest.schemaName,
              manifest.files.count <= BundleReader.maximumEntries else {
            report.add(BundleDiagnostic(.noManifest, file: BundleWriter.manifestFile, "Not a bundle: manifest.json is not an svwizard manifest.",
                                        action: "Check that this is the .svbundle.zip made by svwizard export."))
            return nil
        }
        guard manifest.schemaVersion <= Manifest.currentSchemaVersion,
              manifest.submissionSchemaVersion <= SubmissionDocument.currentSchemaVersion else {
            report.add(BundleDiagnostic(.unknownVersion, file: BundleWriter.manifestFile,
                                        "Unknown version: the bundle was made by a newer svwizard (\(BundleReader.printable(manifest.toolVersion))).",
                                        action: "Check it with that version of svwizard, or a later one."))
            return nil
        }
        let before = report.diagnostics.count
        let listed = Set(manifest.files.map(\.name))
        for name in BundleWriter.contentFiles where !listed.contains(name) {
            report.add(BundleDiagnostic(.notListed, file: name, "Tampered: manifest.json does not list \(name).", action: Self.exportAgain))
        }
        for entry in manifest.files {
            let name = BundleReader.printable(entry.name)
            guard let data = files[entry.name] else {
                report.add(BundleDiagnostic(.fileMissing, file: name, "Tampered: \(name) is missing.", action: Self.exportAgain))
                continue
            }
            if data.count != entry.size {
                report.add(BundleDiagnostic(.fileChanged, file: name, "Tampered: \(name) is \(data.count) bytes, but the manifest says \(entry.size).",
                                            action: Self.exportAgain))
            } else if Manifest.sha256(data) != entry.sha256 {
                report.add(BundleDiagnostic(.fileChanged, file: name,
                                            "Tampered: \(name) has changed since export (its SHA-256 does not match the manifest).",
                                            action: Self.exportAgain))
            }
        }
        for name in files.keys.sorted() where name != BundleWriter.manifestFile && !listed.contains(name) {
            let shown = BundleReader.printable(name)
            report.add(BundleDiagnostic(.fileAdded, file: shown, "Tampered: \(shown) was added; it is not in the manifest.", action: Self.exportAgain))
        }
        return report.diagnostics.count == before ? manifest : nil
    }

    private func submission(in files: [String: Data], into report: inout BundleReport) -> SubmissionDocument? {
        let name = "submission.json"
        let parsed = files[name].flatMap { try? JSONValue.parse($0) }
        guard let data = files[name], let header = parsed.map(Header.init) ?? (try? JSONDecoder().decode(Header.self, from: data)),
              header.schema == SubmissionDocument.schemaName else {
            report.add(BundleDiagnostic(.notASubmission, file: name, "Not a bundle: submission.json is not an svwizard submission.",
                                        action: "Check that this is the .svbundle.zip made by svwizard export."))
            return nil
        }
        guard let version = header.schemaVersion, version <= SubmissionDocument.currentSchemaVersion else {
            report.add(BundleDiagnostic(.unknownVersion, file: name,
                                        "Unknown version: submission.json is schema version \(header.schemaVersion.map(String.init) ?? "?"); "
                                            + "this svwizard reads version \(SubmissionDocument.currentSchemaVersion).",
                                        action: "Check it with a newer svwizard."))
            return nil
        }
        let violations = parsed.map { schemas.violations(of: $0, against: "submission.schema.json", limit: 11) }
            ?? [SchemaViolation(path: "", message: "is not valid JSON")]
        if !violations.isEmpty {
            let listed = violations.prefix(10).map { "\($0)" }.joined(separator: "; ")
            report.add(BundleDiagnostic(.breaksSchema, file: name,
                                        "Unreadable: submission.json does not follow its schema (\(listed)\(violations.count > 10 ? "; and more" : "")).",
                                        action: Self.exportAgain))
            return nil
        }
        do {
            // The document parsed for the schema check is the one decoded: read once.
            guard let parsed else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not JSON")) }
            return try JSONValueDecoder().decode(SubmissionDocument.self, from: parsed)
        } catch {
            report.add(BundleDiagnostic(.breaksSchema, file: name, "Unreadable: submission.json cannot be read as a submission.",
                                        action: Self.exportAgain))
            return nil
        }
    }

    /// The two fields that say what a JSON file is, read as a decoder would read them: nil
    /// fields when absent, and no header at all when either has the wrong type.
    private struct Header: Decodable {
        var schema: String?
        var schemaVersion: Int?

        init?(_ value: JSONValue) {
            guard case let .object(members) = value else { return nil }
            switch members["schema"] {
            case nil, .null?: schema = nil
            case let .string(text)?: schema = text
            default: return nil
            }
            switch members["schemaVersion"] {
            case nil, .null?: schemaVersion = nil
            case let .number(text)?:
                guard let version = Int(text) else { return nil }
                schemaVersion = version
            default: return nil
            }
        }
    }

    /// Runs the checks and the valuation again (with the tender's pack when given) and
    /// records every difference from what submission.json claims.
    private func recheck(_ document: SubmissionDocument, tender: TenderSpecification?, into report: inout BundleReport) {
        let response = document.response
        let claimedPack = document.valuePack
        let valuation = Valuation(of: response, framework: framework, catalogue: catalogue, pack: claimedPack)
        let findings = ResponseChecks(framework: framework, catalogue: catalogue, pack: claimedPack).findings(in: response, valuation: valuation)
        report.findings = findings
        if findings != document.findings && document.toolVersion != toolVersion {
            // The checks change between versions; an older bundle's findings are history, not a claim to doubt.
            report.add(BundleDiagnostic(.renderingUnconfirmed, file: "submission.json",
                                        "Not confirmed: the bundle's findings come from svwizard \(BundleReader.printable(document.toolVersion)), "
                                            + "whose checks differ from this version's (\(count(document.findings)) claimed, \(count(findings)) now).",
                                        action: "Rely on the fresh check shown here."))
        } else if findings != document.findings {
            report.add(BundleDiagnostic(.findingsDiffer, file: "submission.json",
                                        "Different: the findings in submission.json are not what a fresh check finds "
                                            + "(\(count(document.findings)) claimed, \(count(findings)) now).",
                                        action: "Rely on the fresh check shown here, and ask the supplier why the bundle says otherwise."))
        }
        if valuation != document.valuation {
            report.add(BundleDiagnostic(.valuationDiffers, file: "submission.json",
                                        "Different: the valuation in submission.json is not what a fresh valuation of its commitments gives: "
                                            + ValuationDifference.describe(claimed: document.valuation, fresh: valuation) + ".",
                                        action: "Rely on the fresh valuation shown here, and ask the supplier why the bundle says otherwise."))
        }
        if findings.contains(where: { $0.severity == .error }) { report.status = max(report.status, .errors) }
        // With the buyer's tender, the figures reported are the tender's values, whatever the bundle carries.
        let reported = tender.map { Valuation(of: response, framework: framework, catalogue: catalogue, pack: $0.valuePack) } ?? valuation
        report.total = reported.lines.contains { $0.total != nil } ? reported.total : nil
        report.unvalued = reported.lines.filter { $0.total == nil }
            .map { BundleReport.Quantity(measure: $0.measure, unit: $0.unit, total: $0.totalQuantity.value) }
    }

    /// Checks that the bundle answers `tender`: the same tender and contract, only its
    /// adopted measures, and valued with its pack's very values.
    private func compare(_ document: SubmissionDocument, with tender: TenderSpecification, into report: inout BundleReport) {
        let claimed = document.tender
        let name = "submission.json"
        if claimed.reference != tender.reference || claimed.buyer != tender.buyer {
            report.add(BundleDiagnostic(.otherTender, file: name,
                                        "Other tender: the bundle answers \(claimed.reference) for \(claimed.buyer), not \(tender.reference) for \(tender.buyer).",
                                        action: "Check that this bid was meant for this tender."))
            return
        }
        var contract: [String] = []
        if claimed.contractValue != tender.contractValue { contract.append("contract value \(claimed.contractValue) (the tender's is \(tender.contractValue))") }
        if claimed.years != tender.years || claimed.months != tender.months {
            contract.append("\(Schedule.length(years: claimed.years, months: claimed.months)) (the tender's is \(Schedule.length(years: tender.years, months: tender.months)))")
        }
        if claimed.startDate != tender.startDate { contract.append("start \(claimed.startDate) (the tender's is \(tender.startDate))") }
        if !contract.isEmpty {
            report.add(BundleDiagnostic(.contractDiffers, file: name, "Different contract: the bundle gives " + contract.joined(separator: ", ") + ".",
                                        action: "Ask the supplier to answer from your tender file: svwizard respond --tender tender.json."))
        }
        let adopted = Set(tender.adoptedMeasures)
        for commitment in document.commitments where !adopted.contains(commitment.measure) {
            report.add(BundleDiagnostic(.measureNotAdopted, file: name,
                                        "Not adopted: the bundle commits to \(commitment.measure.spoken), which the tender did not adopt.",
                                        action: "Leave this commitment out of the evaluation, or ask the supplier to remove it."))
        }
        compareValues(document.valuePack, with: tender.valuePack, into: &report)
    }

    private func compareValues(_ claimed: ValuePack?, with buyers: ValuePack?, into report: inout BundleReport) {
        let name = "submission.json"
        guard let buyers else { return }
        guard let claimed, claimed.name == buyers.name, claimed.edition == buyers.edition else {
            let used = claimed.map { "the \($0.name) pack (\($0.edition))" } ?? "no value pack"
            report.add(BundleDiagnostic(.packDiffers, file: name,
                                        "Different values: the bundle uses \(used), not the tender's \(buyers.name) pack (\(buyers.edition)).",
                                        action: "The figures shown here use the tender's pack; ask the supplier to answer from your tender file."))
            return
        }
        for value in buyers.values {
            let theirs = claimed.value(for: value.measure)
            if theirs?.perUnit != value.perUnit {
                report.add(BundleDiagnostic(.valueDiffers, file: name,
                                            "Different value: the bundle values \(value.measure.spoken) at \(theirs?.perUnit.unitPrice ?? "nothing") per unit; "
                                                + "the tender's pack says \(value.perUnit.unitPrice).",
                                            action: "The figures shown here use the tender's value; ask the supplier why theirs differs."))
            }
        }
        for value in claimed.values where buyers.value(for: value.measure) == nil {
            report.add(BundleDiagnostic(.valueDiffers, file: name,
                                        "Different value: the bundle values \(value.measure.spoken) at \(value.perUnit.unitPrice) per unit; "
                                            + "the tender's pack has no value for it.",
                                        action: "The figures shown here leave it unvalued, as the tender's pack does."))
        }
    }

    /// Renders the readable files again from submission.json with this svwizard and compares
    /// them with the bundle's, whatever the bundle says about itself. Rendering is
    /// deterministic, so with the same version a file that differs was edited. A bundle that
    /// says it comes from another version, and whose files this version renders differently,
    /// cannot be confirmed: it is reported as such, never as valid.
    private func compareRenderings(of document: SubmissionDocument, files: [String: Data], manifest: Manifest,
                                   into report: inout BundleReport) {
        let readable = BundleWriter.readableContents(of: document)
        let differing = readable.filter { files[$0.name] != $0.data }.map(\.name)
        guard !differing.isEmpty else { return }
        let names = differing.joined(separator: ", ")
        if manifest.toolVersion == toolVersion && document.toolVersion == toolVersion {
            if differing.count == readable.count {
                report.add(BundleDiagnostic(.renderingChanged, file: "submission.json",
                                            "Tampered: submission.json was changed after export: none of the readable files (\(names)) "
                                                + "is what it gives.", action: Self.exportAgain))
            } else {
                for name in differing {
                    report.add(BundleDiagnostic(.renderingChanged, file: name,
                                                "Tampered: \(name) was changed after export: it is not what submission.json gives.",
                                                action: Self.exportAgain))
                }
            }
        } else {
            report.add(BundleDiagnostic(.renderingUnconfirmed, file: differing.first,
                                        "Not confirmed: the bundle says it was made by svwizard \(BundleReader.printable(manifest.toolVersion)), and this "
                                            + "svwizard (\(toolVersion)) makes \(names) differently from its submission.json, so "
                                            + "\(differing.count == 1 ? "that file" : "those files") could not be checked.",
                                        action: "Check the bundle with svwizard \(BundleReader.printable(manifest.toolVersion)), "
                                            + "or ask the supplier to export it again."))
        }
    }

    private func count(_ findings: [Finding]) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }
}

/// What differs between a claimed valuation and a fresh one, in words: the measures whose
/// quantities or £ values differ, then the totals if those differ.
enum ValuationDifference {
    static func describe(claimed: Valuation, fresh: Valuation) -> String {
        var parts: [String] = []
        let claimedLines = Dictionary(claimed.lines.map { ($0.measure, $0) }, uniquingKeysWith: { first, _ in first })
        for line in fresh.lines {
            guard let other = claimedLines[line.measure] else {
                parts.append("\(line.measure.spoken) is missing from it")
                continue
            }
            if other.quantities != line.quantities {
                parts.append("\(line.measure.spoken) claims \(line.unit.format(other.totalQuantity.value)), "
                    + "its commitment gives \(line.unit.format(line.totalQuantity.value))")
            } else if other.total != line.total || other.perUnit != line.perUnit || other.values != line.values {
                parts.append("\(line.measure.spoken) claims \(other.total?.description ?? "not valued"), "
                    + "a fresh valuation gives \(line.total?.description ?? "not valued")")
            }
        }
        for measure in claimedLines.keys.sorted() where !fresh.lines.contains(where: { $0.measure == measure }) {
            parts.append("\(measure.spoken) is claimed but not committed")
        }
        if claimed.total != fresh.total {
            parts.append("the total claimed is \(claimed.total), a fresh valuation gives \(fresh.total)")
        }
        if parts.isEmpty { parts.append("its subtotals or labels differ") }
        return parts.prefix(6).joined(separator: "; ") + (parts.count > 6 ? "; and \(parts.count - 6) more" : "")
    }
}
