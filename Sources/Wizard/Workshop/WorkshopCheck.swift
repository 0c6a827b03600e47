import Foundation
import Questionnaire
import SocialValue
import Submission
import Terminal

extension WorkshopJob {
    /// Feedback on a trainee's draft or bundle.
    public func check(_ path: String, json: Bool = false) throws -> ExitStatus {
        let url = context.resolve(path)
        let response: TenderResponse
        let pack: ValuePack?
        var unanswered: [String] = []
        if url.pathExtension == "zip" {
            let data: Data
            do {
                data = try OutsideFile.contents(of: url, limit: BundleReader.maximumBundleBytes, what: "bundle")
            } catch {
                throw WizardError("\(error)", status: .unreadable)
            }
            let report = try context.bundleValidator().validate(data, file: path)
            guard report.status != .unreadable, let files = try? BundleReader.files(in: data), let json = files["submission.json"],
                  let document = try? JSONDecoder().decode(SubmissionDocument.self, from: json) else {
                throw WizardError("\(path) cannot be checked: " + report.problems.joined(separator: " "), status: .unreadable)
            }
            response = document.response
            pack = document.valuePack
        } else {
            let draft: Draft
            do {
                draft = try DraftFile.read(url, flow: RespondJob.flowID)
            } catch let error as DraftError {
                throw WizardError(error.message, status: .unreadable)
            }
            pack = draft.tender?.valuePack ?? context.library.active
            let environment = FlowEnvironment(data: context.data, tender: draft.tender, pack: pack)
            response = ResponseAssembler(environment: environment).response(from: draft.answers)
            if let flow = context.data.flows[RespondJob.flowID] {
                unanswered = FlowPlanner(flow: flow, environment: environment).plan(draft.answers)
                    .filter { draft.answers[$0.key] == nil && !$0.isOptional }.map(\.text)
            }
        }
        let framework = context.data.framework
        let findings = ResponseChecks(framework: framework, catalogue: context.data.catalogue, pack: pack).findings(in: response)
        let valuation = Valuation(of: response, framework: framework, catalogue: context.data.catalogue, pack: pack)
        let feedback = WorkshopFeedback(response: response, findings: findings, valuation: valuation, framework: framework,
                                        unanswered: unanswered)
        if json {
            context.console.writeData(try JSONEncoder.stableText(CheckReport(file: path, strengths: feedback.strengths,
                                                                         questions: feedback.questions, missing: feedback.missing)))
        } else {
            show(feedback, file: path)
        }
        return feedback.missing.isEmpty ? .success : .refused
    }

    private func show(_ feedback: WorkshopFeedback, file: String) {
        let console = context.console
        console.write(console.style.bold("Feedback on \(file)") + "\n")
        section("What is strong", feedback.strengths, mark: "+", empty: "Nothing stands out yet: add specific commitments with partners and evidence.")
        section("What an evaluator would question", feedback.questions, mark: "?", empty: "Nothing an evaluator is likely to question.")
        section("What is missing or wrong", feedback.missing, mark: "x", empty: "Nothing: no errors.")
        if !feedback.missing.isEmpty {
            console.write("\nFix it with: svwizard respond --resume \(file)  (type review, then edit)\n")
        }
    }

    private func section(_ title: String, _ items: [WorkshopFeedback.Item], mark: String, empty: String) {
        let console = context.console
        console.write("\n" + console.style.bold(title) + "\n")
        if items.isEmpty { console.write(TextWrapper.wrap(empty, width: console.width, firstIndent: "  ", indent: "  ") + "\n") }
        for item in items {
            let link = item.topic.map { " (read: svwizard guide \($0))" } ?? ""
            console.write(TextWrapper.wrap("\(mark) \(item.text)\(link)", width: console.width, firstIndent: "  ", indent: "    ") + "\n")
        }
    }
}

/// `workshop check --json`: the feedback's three lists, each item with its text and the
/// guidance topic that explains it.
struct CheckReport: Encodable {
    var file: String
    var strengths: [WorkshopFeedback.Item]
    var questions: [WorkshopFeedback.Item]
    var missing: [WorkshopFeedback.Item]
}
