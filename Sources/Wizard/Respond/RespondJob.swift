import Foundation
import Questionnaire
import SocialValue

/// The `svwizard respond` job: a supplier's social value response, started fresh, from a
/// tender file, from an answers file, or resumed from a draft.
public enum RespondJob {
    public static let flowID = "supplier-response"

    /// The supplier response as a questionnaire.
    public static var kind: QuestionnaireKind { QuestionnaireKind(
        flowID: flowID, takesTenderFile: true, defaultDraftName: defaultDraftName,
        review: { environment, context in
            var review = ResponseReview(environment: environment, style: context.console.style, width: context.console.width)
            review.makeBundle = { draft in _ = try ExportJob(context: context, draftPath: draft.path, outputPath: nil).run() }
            return review
        }) }

    public static func job(context: AppContext, options: QuestionnaireJob.Options) -> QuestionnaireJob {
        QuestionnaireJob(context: context, kind: kind, options: options)
    }

    /// `REFERENCE.svdraft.json` from the tender's reference, or `response.svdraft.json`.
    static func defaultDraftName(tender: TenderSpecification?) -> String {
        let reference = tender?.reference.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" } ?? []
        let stem = String(reference).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return (stem.isEmpty ? "response" : stem) + ".svdraft.json"
    }
}
