/// Checks on a question flow: unique keys, choices for choice questions, placeholders known.
enum FlowChecks {
    static let placeholders: Set<String> = [
        "council", "localArea", "years", "threshold", "deliveryPlanThreshold", "deliveryDocument", "district", "measure",
        "headline", "unit", "unitSymbol", "step", "ageBand", "placementLength", "group", "year", "sharedGroupMeasures",
        "exampleQuantity", "exampleDelivery", "exampleEvidence", "measureNumber", "measureCount",
        "recommended", "routeRules", "ambition", "activePack", "targetPerPound", "targetSource",
    ]

    static func check(_ flow: FlowDefinition, in file: YAMLFile) throws {
        var errors: [DataFileError] = []
        var keys: Set<String> = []
        for (s, step) in flow.steps.enumerated() {
            for (q, question) in step.questions.enumerated() {
                let path: [PathComponent] = [.key("steps"), .index(s), .key("questions"), .index(q)]
                let key = (step.forEachMeasure == true ? "commitments.*." : "") + question.key
                if !keys.insert(key).inserted {
                    errors.append(file.error(at: path + [.key("key")], message: "the key \(question.key) is used twice",
                                             hint: "Give each question its own key."))
                }
                if question.kind == .checklist && question.optionsFrom == nil {
                    errors.append(file.error(at: path + [.key("optionsFrom")], message: "a checklist question needs optionsFrom",
                                             hint: "Name one of the framework's principle lists, such as keep-it-local."))
                }
                if question.kind == .choice && (question.options ?? []).isEmpty {
                    errors.append(file.error(at: path + [.key("options")], message: "a choice question needs options",
                                             hint: "Add `options:` with a value and label for each choice."))
                }
                for text in [question.ask, question.help, question.example ?? "", question.default ?? ""] {
                    for name in names(in: text) where !placeholders.contains(name) {
                        errors.append(file.error(at: path, message: "{\(name)} is not a placeholder svwizard fills in",
                                                 hint: "Use one of: \(placeholders.sorted().joined(separator: ", "))."))
                    }
                }
            }
        }
        for key in AnswerKeys.read[flow.id] ?? [] where !keys.contains(key) {
            errors.append(file.error(at: [.key("steps")], message: "has no question with the key \(key), which svwizard reads",
                                     hint: "Keep that key on its question (the wording may change freely), or restore the question."))
        }
        if !errors.isEmpty { throw DataFileErrors(errors) }
    }

    private static func names(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
