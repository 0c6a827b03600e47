import SocialValue

/// Consistency checks on the framework: every measure exists and appears once, every outcome
/// is one of the listed outcomes, the weightings add up, the districts are well formed.
enum FrameworkChecks {
    static func check(_ framework: Framework, catalogue: Catalogue?, in file: YAMLFile) throws {
        var errors = measureErrors(framework, catalogue: catalogue, in: file)
        errors += outcomeErrors(framework, in: file)
        errors += ruleErrors(framework.rules, in: file)
        errors += districtErrors(framework.localArea, in: file)
        if let evaluation = framework.evaluation { errors += evaluationErrors(evaluation, in: file) }
        if let management = framework.contractManagement { errors += managementErrors(management, measures: Set(framework.measureReferences), in: file) }
        if let assessment = framework.assessment {
            if assessment.shortList < 1 || assessment.shortList > 100 {
                errors.append(file.error(at: [.key("assessment"), .key("shortList")], message: "must be from 1 to 100 measures, not \(assessment.shortList)",
                                         hint: "Give how many measures an assessment recommends at most, such as 6."))
            }
            if assessment.jobsAndSkillsAtLeast < 0 || assessment.jobsAndSkillsAtLeast > assessment.shortList {
                errors.append(file.error(at: [.key("assessment"), .key("jobsAndSkillsAtLeast")],
                                         message: "must be from 0 to shortList (\(assessment.shortList)), not \(assessment.jobsAndSkillsAtLeast)",
                                         hint: "Give how many of the recommended measures at least are on jobs or skills, such as 1."))
            }
        }
        if !errors.isEmpty { throw DataFileErrors(errors) }
    }

    /// The contract management options: real months, a period length that divides the year,
    /// green above amber.
    private static func managementErrors(_ management: ContractManagementOptions, measures: Set<MeasureReference>, in file: YAMLFile) -> [DataFileError] {
        var errors: [DataFileError] = []
        let at = { (key: String) -> [PathComponent] in [.key("contractManagement"), .key(key)] }
        for (key, month) in [("reportingYearStartMonth", management.reportingYearStartMonth), ("financialYearStartMonth", management.financialYearStartMonth)]
        where !(1...12).contains(month) {
            errors.append(file.error(at: at(key), message: "\(month) is not a month", hint: "Give the month's number, 1 for January to 12 for December."))
        }
        if !ContractManagementOptions.periodLengths.contains(management.periodMonths) {
            errors.append(file.error(at: at("periodMonths"), message: "a reporting period of \(management.periodMonths) months does not divide the year",
                                     hint: "Use 1, 2, 3, 4, 6 or 12 months (3 for quarters)."))
        }
        if !(1...60).contains(management.livingWageAssuranceMonths) {
            errors.append(file.error(at: at("livingWageAssuranceMonths"), message: "assurance every \(management.livingWageAssuranceMonths) months is not a sensible interval",
                                     hint: "Use 12 for an annual assurance."))
        }
        if let margin = management.evidenceMargin, !(0...366).contains(margin.days) {
            errors.append(file.error(at: at("evidenceMargin"), message: "a margin of \(margin.days) days is not between 0 and 366",
                                     hint: "Give how many days before a contract's start or after its end evidence may be dated, such as 90."))
        }
        if let due = management.returnDue, !(0...120).contains(due.days) {
            errors.append(file.error(at: at("returnDue"), message: "a return due \(due.days) days after its period is not a sensible interval",
                                     hint: "Give 0 to 120 days, such as 30."))
        }
        if let report = management.report {
            for (index, headline) in report.headlines.enumerated() where !measures.contains(headline.measure) {
                errors.append(file.error(at: [.key("contractManagement"), .key("report"), .key("headlines"), .index(index), .key("measure")],
                                         message: "\(headline.measure.spoken) is not one of the framework's measures", hint: "Use a measure from the themes above."))
            }
            if let local = report.localSpendMeasure, !measures.contains(local) {
                errors.append(file.error(at: [.key("contractManagement"), .key("report"), .key("localSpendMeasure")],
                                         message: "\(local.spoken) is not one of the framework's measures", hint: "Use the framework's local spend measure, such as TOM18."))
            }
        }
        let rag = management.rag
        if !(rag.amber.percent > 0 && rag.amber < rag.green && rag.green.percent <= 100) {
            errors.append(file.error(at: [.key("contractManagement"), .key("rag")], message: "amber (\(rag.amber)) must be more than 0% and below green (\(rag.green)), and green at most 100%",
                                     hint: "For example green: \"90\" and amber: \"70\"."))
        }
        return errors
    }

    /// The scoring options: known methods, a positive target, scales with distinct scores.
    private static func evaluationErrors(_ evaluation: EvaluationOptions, in file: YAMLFile) -> [DataFileError] {
        var errors: [DataFileError] = []
        let known = ["relativeToHighest", "relativeToTarget", "bands", "passFail"]
        for (index, method) in evaluation.methods.enumerated() where !known.contains(method.id) {
            errors.append(file.error(at: [.key("evaluation"), .key("methods"), .index(index), .key("id")],
                                     message: "\(method.id) is not a scoring method svwizard knows", hint: "Use one of \(known.joined(separator: ", "))."))
        }
        if evaluation.targetPerPound.value.value <= 0 {
            errors.append(file.error(at: [.key("evaluation"), .key("targetPerPound"), .key("value")],
                                     message: "the target must be more than £0 per £1", hint: "Write the target in pounds, such as \"0.25\"."))
        }
        for (index, scale) in evaluation.scales.enumerated() {
            let scores = scale.points.map(\.score)
            if scores.count < 2 || Set(scores).count != scores.count || scale.highest <= 0 {
                errors.append(file.error(at: [.key("evaluation"), .key("scales"), .index(index), .key("points")],
                                         message: "the scale \(scale.id) needs at least two different scores, the highest more than 0",
                                         hint: "Give each score once, for example 0 to 5."))
            }
        }
        return errors
    }

    private static func measureErrors(_ framework: Framework, catalogue: Catalogue?, in file: YAMLFile) -> [DataFileError] {
        var errors: [DataFileError] = []
        var seen: Set<MeasureReference> = []
        for (t, theme) in framework.themes.enumerated() {
            for (o, outcome) in theme.outcomes.enumerated() {
                for (h, headline) in outcome.headlines.enumerated() {
                    let path: [PathComponent] = [.key("themes"), .index(t), .key("outcomes"), .index(o),
                                                 .key("headlines"), .index(h), .key("measure")]
                    if let catalogue, catalogue.measure(headline.measure) == nil {
                        let known = catalogue.measures.map(\.reference.rawValue).joined(separator: ", ")
                        errors.append(file.error(at: path, message: "\(headline.measure) is not a measure in \(DataSetLoader.measuresPath)",
                                                 hint: "Use one of \(known), or add the measure to the catalogue."))
                    }
                    if !seen.insert(headline.measure).inserted {
                        errors.append(file.error(at: path, message: "\(headline.measure) is used by more than one headline",
                                                 hint: "Each measure belongs to one headline; remove the repeat."))
                    }
                }
            }
        }
        return errors
    }

    private static func outcomeErrors(_ framework: Framework, in file: YAMLFile) -> [DataFileError] {
        var errors: [DataFileError] = []
        let ids = framework.outcomes.map(\.id)
        for (index, id) in ids.enumerated() where ids.firstIndex(of: id) != index {
            errors.append(file.error(at: [.key("outcomes"), .index(index), .key("id")], message: "the outcome id \(id) is used twice",
                                     hint: "Give each outcome its own id."))
        }
        for (t, theme) in framework.themes.enumerated() {
            for (o, outcome) in theme.outcomes.enumerated() where !ids.contains(outcome.outcome) {
                errors.append(file.error(at: [.key("themes"), .index(t), .key("outcomes"), .index(o), .key("outcome")],
                                         message: "\(outcome.outcome) is not one of the outcomes listed under `outcomes`",
                                         hint: "Use one of: \(ids.joined(separator: ", "))."))
            }
        }
        return errors
    }

    private static func ruleErrors(_ rules: PolicyRules, in file: YAMLFile) -> [DataFileError] {
        var errors: [DataFileError] = []
        if rules.tenderWeighting.percent <= 0 || rules.tenderWeighting.percent > 100 {
            errors.append(file.error(at: [.key("rules"), .key("tenderWeighting")], message: "the weighting must be between 0 and 100",
                                     hint: "Write the share of the tender score, such as 20."))
        }
        if rules.quantitativeShare.percent + rules.qualitativeShare.percent != 100 {
            errors.append(file.error(at: [.key("rules"), .key("quantitativeShare")],
                                     message: "the quantitative and qualitative shares add up to \(rules.quantitativeShare.percent + rules.qualitativeShare.percent)%, not 100%",
                                     hint: "Make the two shares add up to 100, such as 50 and 50."))
        }
        let quotes = rules.writtenQuotations
        if quotes.quotes < 1 || quotes.localRequired < 0 || quotes.localRequired > quotes.quotes {
            errors.append(file.error(at: [.key("rules"), .key("writtenQuotations")],
                                     message: "the local quotations required must be between 0 and the number of quotes",
                                     hint: "For example `{ quotes: 3, localRequired: 1 }`."))
        }
        return errors
    }

    private static func districtErrors(_ area: LocalArea, in file: YAMLFile) -> [DataFileError] {
        var errors: [DataFileError] = []
        var seen: Set<String> = []
        for (index, district) in area.districts.enumerated() {
            let path: [PathComponent] = [.key("localArea"), .key("districts"), .index(index), .key("code")]
            if LocalArea.district(of: district.code) != district.code {
                errors.append(file.error(at: path, message: "\"\(district.code)\" is not a postcode district",
                                         hint: "Write the outward code in capitals, such as S60."))
            }
            if !seen.insert(district.code).inserted {
                errors.append(file.error(at: path, message: "\(district.code) is listed twice", hint: "List each district once."))
            }
        }
        return errors
    }
}
