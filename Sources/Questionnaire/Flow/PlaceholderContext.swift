import Foundation
import SocialValue

/// Fills `{placeholders}` in question text and works out the values a flow depends on: the
/// tender's years and measures (from the tender file or the answers), the chosen measures.
/// Everything that depends only on the answers is worked out once, when the context is made
/// for a plan; what depends on a measure, once per measure.
struct PlaceholderContext {
    let environment: FlowEnvironment
    let answers: AnswerSheet
    /// The contract's length in years.
    let years: Int
    /// The measures the tender adopts.
    let adoptedMeasures: [Measure]
    /// The measures the supplier chose, in the framework's order.
    let chosenMeasures: [Measure]
    let contractValue: Money?
    /// The values of the placeholders that do not depend on a measure or a year.
    private var common: [String: String] = [:]

    var data: DataSet { environment.data }

    init(environment: FlowEnvironment, answers: AnswerSheet) {
        self.environment = environment
        self.answers = answers
        let data = environment.data
        years = environment.tender?.years ?? answers["tender.years"].flatMap(ContractLength.years) ?? 1
        if let tender = environment.tender {
            // In the framework's order, then any others the tender adopts from the catalogue.
            let adopted = Set(tender.adoptedMeasures)
            let inFramework = data.frameworkMeasures.filter { adopted.contains($0.reference) }
            let others = tender.adoptedMeasures.filter { reference in !inFramework.contains { $0.reference == reference } }
            adoptedMeasures = inFramework + others.compactMap(data.catalogue.measure(_:))
        } else if let text = answers["tender.measures"] {
            let chosen = Set(AnswerParser.references(in: text))
            adoptedMeasures = data.frameworkMeasures.filter { chosen.contains($0.reference) }
        } else {
            adoptedMeasures = data.frameworkMeasures
        }
        if let text = answers["measures"] {
            let chosen = Set(AnswerParser.references(in: text))
            chosenMeasures = data.frameworkMeasures.filter { chosen.contains($0.reference) }
        } else {
            chosenMeasures = []
        }
        contractValue = environment.tender?.contractValue ?? (answers["tender.value"] ?? answers["contract.value"]).flatMap { Money(parsing: $0) }
        common = commonValues()
    }

    /// The measures an assessment's answers so far recommend.
    var recommended: [MeasureRecommendations.Recommendation] {
        MeasureRecommendations.shortList(for: AssessmentAssembler.fit(answers), available: data.frameworkMeasures,
                                         options: data.framework.assessment).recommended
    }

    func plan(_ question: QuestionDefinition, key: String, step: StepDefinition, number: Int, of count: Int,
              measure: Measure?, year: Int?, values: [String: String]? = nil) -> PlannedQuestion {
        let values = values ?? measureValues(measure, year: year)
        let fill = { (text: String) in Self.fill(text, values) }
        var completions: [String] = []
        switch question.kind {
        case .measures:
            completions = (key == "measures" ? adoptedMeasures : data.frameworkMeasures).map(\.reference.rawValue)
        case .choice: completions = question.options?.map(\.value) ?? []
        case .checklist: completions = ["all", "none"]
        case .valuePack: completions = environment.packNames
        case .yesNo: completions = ["yes", "no"]
        default: break
        }
        var defaultAnswer = question.default.map(fill)
        var definition = question
        if question.kind == .checklist, let set = question.optionsFrom,
           let principles = data.framework.principles.first(where: { $0.id == set }) {
            definition.options = principles.items.enumerated().map { ChoiceOption(value: String($0.offset + 1), label: $0.element) }
        }
        if question.kind == .measures && question.default == "all" {
            defaultAnswer = (key == "measures" ? adoptedMeasures : data.frameworkMeasures).map(\.reference.rawValue).joined(separator: ", ")
        }
        var example = question.example.map(fill)
        var names: [String: String] = [:]
        if question.kind == .measures {
            // The example comes from the measures on screen, never from ones that are not offered.
            example = completions.prefix(2).joined(separator: ", ")
            for reference in completions {
                names[reference] = MeasureReference(reference).flatMap { data.framework.placement(of: $0)?.headline.name } ?? reference
            }
        }
        var planned = PlannedQuestion(
            key: key, definition: definition, stepNumber: number, stepCount: count, stepTitle: fill(step.title), stepID: step.id,
            stepIntro: step.intro.map(fill), text: fill(question.ask), help: fill(question.help), example: example,
            defaultAnswer: defaultAnswer, measure: measure, year: year, completions: completions)
        planned.measureNames = names
        return planned
    }

    /// For a placement measure whose placements and weeks are answered, the quantity that
    /// follows from them (placements times weeks each), offered as the default: in a one-year
    /// contract the whole; at the first of several years one figure a year, split as evenly as
    /// the measure's steps allow (earlier years take any remainder); at the last year what is
    /// left once the earlier years are answered. Nil when nothing follows.
    func placementDefault(measure: Measure, year: Int, years: Int) -> (answer: String, reason: String)? {
        let base = "commitments.\(measure.reference.rawValue)."
        guard measure.placementWeeks != nil, let placements = answers[base + "placements"].flatMap({ Int($0) }),
              let weeks = answers[base + "weeksEach"].flatMap(DecimalText.parse), placements > 0, weeks > 0 else { return nil }
        let total = Decimal(placements) * weeks
        let whole = "\(placements) placement\(placements == 1 ? "" : "s") of \(DecimalText.plain(weeks)) week\(weeks == 1 ? "" : "s") is "
            + "\(measure.unit.format(total)) in all"
        if years == 1 {
            return (DecimalText.plain(total), whole + ".")
        }
        if year == 1 {
            let step = measure.input.step > 0 ? measure.input.step : 1
            let units = total / step
            guard units == DecimalText.rounded(units, places: 0), units <= 1_000_000 else { return nil }
            let count = NSDecimalNumber(decimal: units).intValue
            let shares = (0..<years).map { index in Decimal(count / years + (index < count % years ? 1 : 0)) * step }
            let line = shares.map(DecimalText.plain).joined(separator: ", ")
            return (line, whole + ", split over the \(years) years as \(line). Press Enter to use that, or give your own.")
        }
        guard year == years else { return nil }
        let earlier = (1..<years).map { answers[base + "quantity.\($0)"].flatMap(DecimalText.parse) }
        guard earlier.allSatisfy({ $0 != nil }) else { return nil }
        let left = total - earlier.reduce(Decimal(0)) { $0 + $1! }
        guard left >= 0 else { return nil }
        return (DecimalText.plain(left), whole + "; the earlier years have \(measure.unit.format(total - left)), "
            + "which leaves \(measure.unit.format(left)).")
    }

    /// `text` with its placeholders filled in for `measure` and `year`.
    func fill(_ text: String, measure: Measure?, year: Int?) -> String {
        Self.fill(text, measureValues(measure, year: year))
    }

    /// The placeholders' values for a question about `measure` in `year`: the common ones and
    /// those of the measure and year.
    func measureValues(_ measure: Measure?, year: Int?) -> [String: String] {
        var values = common
        if let measure {
            values["measure"] = measure.reference.spoken
            values["headline"] = data.framework.placement(of: measure.reference)?.headline.name ?? measure.label
            values["unit"] = measure.unit.plainName
            values["unitSymbol"] = measure.unit.symbol
            values["step"] = DecimalText.plain(measure.input.step)
            values["ageBand"] = measure.ageBand?.phrase ?? ""
            values["placementLength"] = measure.placementWeeks?.phrase ?? ""
            values["group"] = measure.counting.exclusiveGroup ?? ""
            values["exampleQuantity"] = measure.examples?.quantity ?? (measure.input.isInteger ? "12" : "2.5")
            values["exampleDelivery"] = measure.examples?.delivery ?? "Who will do it, with which local partner, and when."
            values["exampleEvidence"] = measure.examples?.evidence ?? "Timesheets, invoices or attendance lists."
            values["measureNumber"] = String((chosenMeasures.firstIndex { $0.reference == measure.reference } ?? 0) + 1)
            values["measureCount"] = String(chosenMeasures.count)
        }
        if let year { values["year"] = String(year) }
        return values
    }

    private func commonValues() -> [String: String] {
        var values: [String: String] = [
            "council": data.framework.council,
            "localArea": environment.localArea.name,
            "years": String(years),
        ]
        let rules = data.framework.rules
        values["threshold"] = rules.socialValueThreshold.wholePounds
        values["deliveryPlanThreshold"] = rules.deliveryPlanThreshold.wholePounds
        values["deliveryDocument"] = contractValue.map { rules.deliveryDocument(contractValue: $0).name } ?? "delivery plan"
        if let postcode = answers["supplier.postcode"], let district = LocalArea.district(of: postcode) { values["district"] = district }
        values["recommended"] = recommended.map(\.measure.rawValue).joined(separator: ", ")
        if let value = contractValue {
            let route = answers["route"].flatMap(OpportunityAssessment.Route.init(rawValue:)) ?? .tender
            values["routeRules"] = RouteDecision(value: value, route: route, rules: rules).requirements
                .map { "\($0.rule) (\($0.reason))" }.joined(separator: " ")
            let category = answers["contract.category"].flatMap(OpportunityAssessment.Category.init(rawValue:)) ?? .services
            values["ambition"] = AmbitionRange(value: value, category: category, benchmarks: data.framework.benchmarks)
                .map { "A realistic ambition for this contract: " + $0.sentence } ?? AmbitionRange.none(for: category)
        }
        // An illustrative pack is offered as the default only in training: a real tender needs the buyer's values.
        values["activePack"] = environment.pack.flatMap { $0.illustrative && answers["training"] != "yes" ? nil : $0.name } ?? ""
        if let target = data.framework.evaluation?.targetPerPound {
            values["targetPerPound"] = DecimalText.plain(target.value.value)
            values["targetSource"] = "A starting point: " + target.source
        }
        let groups = Dictionary(grouping: chosenMeasures.filter { $0.counting.exclusiveGroup != nil }, by: { $0.counting.exclusiveGroup! })
        values["sharedGroupMeasures"] = groups.keys.sorted().compactMap { groups[$0] }.filter { $0.count > 1 }.flatMap { $0 }
            .map(\.reference.spoken).joined(separator: ", ")
        return values
    }

    /// `text` with each `{name}` that has a value replaced by it, in one pass over its UTF-8;
    /// other braces stay as they are.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        guard text.utf8.contains(open) else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == open, let end = bytes[(index + 1)...].firstIndex(of: close),
                  let value = values[String(decoding: bytes[(index + 1)..<end], as: UTF8.self)] else {
                result.append(bytes[index])
                index += 1
                continue
            }
            result.append(contentsOf: value.utf8)
            index = end + 1
        }
        return String(decoding: result, as: UTF8.self)
    }
}
