import Foundation
import SocialValue

/// The delivery return's zip (`REF-PERIOD.svreturn.zip`): `return.json`, `return.txt`,
/// `return.html` and `manifest.json` with each file's SHA-256, in a fixed order with fixed
/// timestamps, so the same answers give the same bytes.
public enum ReturnPackage {
    public static let contentFiles = ["return.json", "return.txt", "return.html"]
    public static let manifestFile = "manifest.json"
    public static let manifestSchema = "svwizard-return-manifest"
    /// The largest return svwizard reads.
    public static let largestFile = 20 * 1_048_576

    public static func contents(of document: DeliveryReturn) throws -> [(name: String, data: Data)] {
        [("return.json", try JSONEncoder.stable.encode(document) + Data("\n".utf8)), ("return.txt", ReturnText.render(document)),
         ("return.html", ReturnHTML.render(document))]
    }

    public static func archive(_ document: DeliveryReturn) throws -> Data {
        let files = try contents(of: document)
        var manifest = Manifest(toolVersion: document.toolVersion, files: files)
        manifest.schema = manifestSchema
        manifest.submissionSchemaVersion = DeliveryReturn.currentSchemaVersion
        var writer = ZipWriter()
        for file in files { writer.add(name: file.name, data: file.data) }
        writer.add(name: manifestFile, data: try JSONEncoder.stable.encode(manifest) + Data("\n".utf8))
        return writer.archive()
    }

    /// Why a return was refused, in words.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var problems: [String]
        public init(_ problems: [String]) { self.problems = problems }
        public var description: String { problems.joined(separator: "\n") }
    }

    /// Reads a return's zip safely and checks it is intact: every file matches the manifest,
    /// nothing is missing or added, `return.json` keeps its published schema (checked by
    /// `checkSchema` before it is decoded), and the readable files are what svwizard makes from
    /// it. Returns the document and the SHA-256 of `return.json`.
    /// The readable files are compared whatever version of svwizard the return says made it: a
    /// return that cannot be confirmed that way (edited, or made by a version that words them
    /// differently) is refused with the reason, like a bundle, never imported unconfirmed.
    public static func read(_ data: Data, toolVersion: String, checkSchema: (Data) throws -> Void) throws -> (document: DeliveryReturn, digest: String) {
        let files: [String: Data]
        do {
            files = try BundleReader.files(in: data)
        } catch let error as BundleReadError {
            throw Refusal(error.diagnostics.map { diagnostic in
                let message = diagnostic.message.replacingOccurrences(of: "svwizard bundle", with: "svwizard delivery return")
                    .replacingOccurrences(of: "the bundle", with: "the return")
                return "It cannot be read safely: \(message). Ask the supplier to send the return again, exactly as svwizard deliver wrote it."
            })
        }
        guard let manifestData = files[manifestFile], let manifest = try? JSONDecoder().decode(Manifest.self, from: manifestData),
              manifest.schema == manifestSchema else {
            throw Refusal(["It is not an svwizard delivery return: there is no return manifest.json. Check that this is the .svreturn.zip svwizard deliver made."])
        }
        guard manifest.schemaVersion <= Manifest.currentSchemaVersion, manifest.submissionSchemaVersion <= DeliveryReturn.currentSchemaVersion else {
            throw Refusal(["It was made by a newer svwizard (\(BundleReader.printable(manifest.toolVersion))). Import it with that version or a later one."])
        }
        var problems: [String] = []
        let listed = Set(manifest.files.map(\.name))
        for name in contentFiles where !listed.contains(name) { problems.append("Tampered: manifest.json does not list \(name).") }
        for name in files.keys.sorted() where name != manifestFile && !listed.contains(name) {
            problems.append("Tampered: \(BundleReader.printable(name)) was added after the return was made.")
        }
        for entry in manifest.files {
            let name = BundleReader.printable(entry.name)
            guard let file = files[entry.name] else {
                problems.append("Tampered: \(name) is missing.")
                continue
            }
            if file.count != entry.size || Manifest.sha256(file) != entry.sha256 {
                problems.append("Tampered: \(name) was changed after the return was made (its SHA-256 does not match manifest.json).")
            }
        }
        guard problems.isEmpty, let json = files["return.json"] else { throw Refusal(problems + ["Ask the supplier to send the return again, exactly as svwizard deliver wrote it."]) }
        try checkSchema(json)
        let document: DeliveryReturn
        do {
            document = try JSONDecoder().decode(DeliveryReturn.self, from: json)
        } catch {
            throw Refusal(["return.json cannot be read as a delivery return (\(error))."])
        }
        guard document.schema == DeliveryReturn.schemaName else { throw Refusal(["return.json is not an svwizard delivery return."]) }
        let rendered = try contents(of: document)
        for file in rendered where file.name != "return.json" && files[file.name] != file.data {
            problems.append(document.toolVersion == toolVersion
                ? "\(file.name) does not say what return.json says: the return was edited by hand after it was made."
                : "\(file.name) does not say what return.json says, so it cannot be confirmed: it says it was made by svwizard "
                    + "\(BundleReader.printable(document.toolVersion)), which words it differently from this svwizard (\(toolVersion)), or it "
                    + "was edited after it was made. Ask the supplier to prepare the return again with svwizard \(toolVersion).")
        }
        guard problems.isEmpty else { throw Refusal(problems) }
        return (document, Manifest.sha256(json))
    }
}
