import Foundation
import Questionnaire
import SocialValue
import Submission

/// `svwizard export DRAFT`: turns a finished response into the bundle to upload. Refuses
/// while answers are missing or the checks find errors, listing each with what to do.
public struct ExportJob {
    let context: AppContext
    let draftPath: String
    let outputPath: String?

    public init(context: AppContext, draftPath: String, outputPath: String?) {
        self.context = context
        self.draftPath = draftPath
        self.outputPath = outputPath
    }

    public func run() throws -> ExitStatus {
        let draftURL = context.resolve(draftPath)
        let draft: Draft
        do {
            draft = try DraftFile.read(draftURL, flow: RespondJob.flowID)
        } catch let error as DraftError {
            throw WizardError(error.message, status: .unreadable)
        }
        guard let flow = context.data.flows[RespondJob.flowID] else {
            throw WizardError("The data has no \(RespondJob.flowID) questionnaire.", status: .dataFiles)
        }
        let pack = draft.tender?.valuePack ?? context.library.active
        let environment = FlowEnvironment(data: context.data, tender: draft.tender, pack: pack)
        let console = context.console
        let missing = FlowPlanner(flow: flow, environment: environment).plan(draft.answers)
            .filter { draft.answers[$0.key] == nil && !$0.isOptional }
        if !missing.isEmpty {
            console.refuse("Not exported: \(missing.count) question\(missing.count == 1 ? " is" : "s are") not answered yet:")
            for question in missing.prefix(20) { console.refuseLine("  \(question.text)") }
            console.refuse("Answer them with: svwizard respond --resume \(draftURL.path)")
            return .refused
        }
        let response = ResponseAssembler(environment: environment).response(from: draft.answers)
        let document = SubmissionDocument(toolVersion: ToolVersion.current, framework: context.data.framework, response: response,
                                          pack: pack, catalogue: context.data.catalogue)
        let errors = document.findings.filter { $0.severity == .error }
        if !errors.isEmpty {
            console.refuse("Not exported: the response has \(errors.count) error\(errors.count == 1 ? "" : "s") to fix first.")
            for line in FindingsView(style: .plain, width: console.width).lines(errors).dropFirst() { console.refuseLine(line) }
            console.refuse("Fix them with: svwizard respond --resume \(draftURL.path) (then type review, and edit).")
            return .refused
        }
        let output = context.resolve(outputPath ?? Self.defaultBundleName(for: draftURL, response: response))
        do {
            try AtomicFile.write(try BundleWriter.bundle(document), to: output)
        } catch {
            throw WizardError("Cannot write the bundle to \(output.path) (\(error.localizedDescription)).", status: .unreadable)
        }
        let checklist = output.deletingLastPathComponent().appendingPathComponent(Self.checklistName(for: output))
        try? AtomicFile.write(Data(ExportChecklist.text(document, bundle: output.lastPathComponent).utf8), to: checklist)
        let warnings = document.findings.filter { $0.severity == .warning }.count
        console.write("Exported \(output.path)\n")
        console.list([
            ("response.txt", "the written response: paste this into the tender portal's text box"),
            ("response.html", "a printable page with the table and chart (open it in a web browser)"),
            ("response.md", "the same response in Markdown, if you keep documents in it"),
            ("commitments.csv", "one row per measure and year, for spreadsheets"),
            ("submission.json", "the response, for the council's systems"),
            ("manifest.json", "each file's size and SHA-256, so changes can be detected"),
        ])
        console.say("Upload the whole bundle with your tender. Your own checklist (not part of the bundle) is in \(checklist.path).")
        if warnings > 0 { console.say("It carries \(warnings) warning\(warnings == 1 ? "" : "s") an evaluator may question; see the checklist.") }
        console.write("Check it at any time with: svwizard validate \(output.path)\n")
        return .success
    }

    /// `NAME.checklist.txt` beside the bundle `NAME.svbundle.zip`.
    static func checklistName(for bundle: URL) -> String {
        var name = bundle.lastPathComponent
        for suffix in [".svbundle.zip", ".zip"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        return name + ".checklist.txt"
    }

    /// `REF-Supplier-Name.svbundle.zip` beside the draft, so a panel receiving many bundles need
    /// not rename them: the tender's reference and the supplier's name, in letters, digits and
    /// hyphens only (accents dropped), so the name survives any portal, e-mail or file system.
    /// The draft's own name when the response names neither.
    static func defaultBundleName(for draft: URL, response: TenderResponse) -> String {
        let parts = [response.tender.reference, response.supplier.name].map(fileNamePart).filter { !$0.isEmpty }
        var name = parts.joined(separator: "-")
        if name.isEmpty {
            name = draft.lastPathComponent
            for suffix in [".svdraft.json", ".json"] where name.hasSuffix(suffix) {
                name.removeLast(suffix.count)
                break
            }
        }
        return draft.deletingLastPathComponent().appendingPathComponent(name + ".svbundle.zip").path
    }

    /// `text` as part of a file name: ASCII letters and digits, every other run of characters
    /// one hyphen, at most 60 characters.
    static func fileNamePart(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var part = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                part.unicodeScalars.append(scalar)
            } else if !part.isEmpty, part.last != "-" {
                part.append("-")
            }
        }
        while part.last == "-" { part.removeLast() }
        if part.count > 60 {
            part = String(part.prefix(60))
            while part.last == "-" { part.removeLast() }
        }
        return part
    }
}
