import Foundation
import SocialValue

/// What the flow depends on besides the answers: the data, and the tender when a tender file
/// was given.
public struct FlowEnvironment: Sendable {
    public var data: DataSet
    /// The tender from a tender file; nil when the tender's details are asked.
    public var tender: TenderSpecification?
    /// The value pack the response is valued with.
    public var pack: ValuePack?
    /// The value packs that can be chosen.
    public var packNames: [String]
    /// The names of the packs whose values are illustrative (for training only).
    public var illustrativePackNames: Set<String>

    public init(data: DataSet, tender: TenderSpecification?, pack: ValuePack?, packNames: [String] = [],
                illustrativePackNames: Set<String> = []) {
        self.data = data
        self.tender = tender
        self.pack = pack
        self.packNames = packNames
        self.illustrativePackNames = illustrativePackNames
    }

    /// Whether `answers` chose an illustrative pack by name.
    public func choseIllustrativePack(_ answers: AnswerSheet) -> Bool {
        answers["valuePack"].map { illustrativePackNames.contains($0.lowercased()) } ?? false
    }

    /// Who counts as local: the tender's own definition when its file has one, else the framework's.
    public var localArea: LocalArea { tender?.localArea ?? data.framework.localArea }
}

/// Turns a flow definition and the answers so far into the list of questions to ask, in
/// order: per-measure steps are repeated for each chosen measure and per-year questions for
/// each contract year; questions whose condition does not hold are left out.
public struct FlowPlanner: Sendable {
    public let flow: FlowDefinition
    public let environment: FlowEnvironment

    public init(flow: FlowDefinition, environment: FlowEnvironment) {
        self.flow = flow
        self.environment = environment
    }

    public func plan(_ answers: AnswerSheet) -> [PlannedQuestion] {
        let context = PlaceholderContext(environment: environment, answers: answers)
        // The steps that apply; "Step N of M" counts these, so it stays steady as answers arrive.
        let steps = flow.steps.filter { step in
            !(step.skipWhen.map { holds($0, measure: nil, answers, context) } ?? false) && (step.when.map { holds($0, measure: nil, answers, context) } ?? true)
        }
        let asked = steps.map { step -> [(QuestionDefinition, Measure?)] in
            let measures: [Measure?] = step.forEachMeasure == true ? context.chosenMeasures.map { $0 } : [nil]
            return measures.flatMap { measure in
                step.questions.filter { question in
                    if question.when == .alreadyAnswered {
                        return answers[measure.map { "commitments.\($0.reference.rawValue).\(question.key)" } ?? question.key] != nil
                    }
                    return question.when.map { holds($0, measure: measure, answers, context) } ?? true
                }.map { ($0, measure) }
            }
        }
        var planned: [PlannedQuestion] = []
        // The placeholders' values, worked out once for each measure and year.
        var values: [String: [String: String]] = [:]
        for (index, (step, questions)) in zip(steps, asked).enumerated() {
            for (question, measure) in questions {
                let base = measure.map { "commitments.\($0.reference.rawValue).\(question.key)" } ?? question.key
                let years: [Int?] = question.forEachYear == true ? (1...max(context.years, 1)).map { $0 } : [nil]
                for year in years {
                    let key = year.map { "\(base).\($0)" } ?? base
                    let valuesKey = "\(measure?.reference.rawValue ?? "")#\(year ?? 0)"
                    if values[valuesKey] == nil { values[valuesKey] = context.measureValues(measure, year: year) }
                    var question = context.plan(question, key: key, step: step, number: index + 1, of: steps.count, measure: measure,
                                                year: year, values: values[valuesKey])
                    if let year {
                        question.yearCount = years.count
                        if let measure, question.kind == .quantity,
                           let offer = context.placementDefault(measure: measure, year: year, years: years.count) {
                            question.defaultAnswer = offer.answer
                            question.defaultReason = offer.reason
                        }
                    }
                    planned.append(question)
                }
            }
        }
        return planned
    }

    private func holds(_ condition: FlowCondition, measure: Measure?, _ answers: AnswerSheet, _ context: PlaceholderContext) -> Bool {
        switch condition {
        case .tenderFile: return environment.tender != nil
        case .partialPostcode:
            guard let postcode = answers["supplier.postcode"],
                  case .partial = environment.localArea.locality(of: postcode) else { return false }
            return true
        case .placementMeasure: return measure?.placementWeeks != nil
        case .hiringMeasure: return measure?.counting.basis == .firstYearOfEmployment
        case .ageBandMeasure: return measure?.ageBand != nil
        case .anyMeasure: return !context.chosenMeasures.isEmpty
        case .quotationsRoute: return answers["route"] == "quotations"
        case .noLocalSupplier: return answers["quotes.localSupplier"]?.lowercased() == "none"
        case .livingWageInScope: return answers["livingWage.inScope"] == "yes"
        case .csvPack: return answers["valuePack"]?.lowercased().hasSuffix(".csv") == true
        case .alreadyAnswered: return false // a question's own answer; see plan(_:)
        case .targetMethod: return answers["scoring.method"] == "relativeToTarget"
        case .thresholdMethod: return answers["scoring.method"] == "passFail"
        case .bandsMethod: return answers["scoring.method"] == "bands"
        case .illustrativePack: return environment.choseIllustrativePack(answers)
        case .splitIntoLots: return answers["market.lots"] == "yes"
        case .socialValueWeighted:
            // Asked until the value is known; then only over the threshold.
            guard let value = answers["contract.value"].flatMap(Money.init(parsing:)) else { return true }
            return environment.data.framework.rules.requiresSocialValue(contractValue: value)
        case .sharedGroup:
            let groups = context.chosenMeasures.compactMap(\.counting.exclusiveGroup)
            return Set(groups).count < groups.count
        }
    }
}
