import SocialValue
import Submission

/// The supplier's own checklist, written beside the bundle and never inside it: what to do
/// with the bundle, and every finding with the advice on it. The documents handed to the
/// council hold the response only; the coaching stays with the supplier.
enum ExportChecklist {
    static func text(_ document: SubmissionDocument, bundle: String) -> String {
        var lines = ["Your checklist for \(document.tender.reference) \(document.tender.title)",
                     "(for you to keep; it is not part of the bundle you upload)", "",
                     "Before you submit:",
                     "  1. Upload \(bundle) with your tender, as the tender documents ask.",
                     "  2. Where the portal has a text box for social value, paste the text of response.txt (inside the bundle).",
                     "  3. Keep the draft: you will need it if the council asks you to clarify your offer."]
        if document.valuation.illustrative && document.tender.training == true {
            lines.append("  4. The £ figures use an illustrative pack: this tender is a training exercise, so the bid is practice.")
        } else if document.valuation.illustrative {
            lines.append("  4. The £ figures use the illustrative workshop pack. For a real bid, ask the buyer for their tender file "
                + "(tender.json) and start from it: svwizard respond --tender tender.json")
        }
        lines += ["", "What the checks found:"]
        if document.findings.isEmpty { lines.append("  Nothing: no errors, warnings or notes.") }
        for finding in document.findings {
            lines.append("  \(finding.code.rawValue) \(finding.severity.rawValue): \(finding.message)")
            lines.append("    What to do: " + finding.hint.replacingOccurrences(of: "`", with: ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
