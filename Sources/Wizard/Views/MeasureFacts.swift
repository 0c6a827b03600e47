import SocialValue

/// Everything known about one measure, written as Markdown: wording, place in the framework,
/// unit, what counts, definitions, counting rules, evidence, value and sources.
struct MeasureFacts {
    let measure: Measure
    let placement: Placement?
    let pack: ValuePack?

    var markdown: String {
        var parts: [String] = []
        let title = placement?.headline.name ?? measure.label
        parts.append("# \(measure.reference.spoken): \(title)")
        parts.append(measure.wording)
        parts.append(placementLines.joined(separator: "\n"))
        parts.append(section("What counts", measure.counts))
        parts.append(section("What does not count", measure.doesNotCount))
        if !measure.definitions.isEmpty {
            parts.append("## Definitions\n\n" + measure.definitions.map { definition in
                "- **\(definition.term)**: \(definition.meaning)" + (definition.source.map { " (\($0))" } ?? "")
            }.joined(separator: "\n"))
        }
        parts.append(section("How to count it", countingLines))
        parts.append(section("Evidence to keep", measure.evidence.isEmpty
            ? ["No public source we hold lists the evidence for this measure. Agree with the buyer what you will keep, and keep it from the start."]
            : measure.evidence))
        parts.append("## Value\n\n" + valueLines.joined(separator: "\n"))
        parts.append(section("Sources", measure.sources.map { source in source.url.map { "\(source.title), \($0)" } ?? source.title }))
        return parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    private var placementLines: [String] {
        var lines: [String] = []
        if let placement {
            lines.append("- **Council plan theme**: \(placement.theme.name)")
            lines.append("- **Social value outcome**: \(placement.outcome.name)")
            lines.append("- **Tender headline**: \(placement.headline.name)")
        }
        lines.append("- **Policy label**: \(measure.label)")
        let step = measure.input.isInteger ? "whole numbers" : "steps of \(DecimalText.plain(measure.input.step))"
        lines.append("- **Unit**: \(measure.unit.plainName), entered in \(step)")
        if let band = measure.ageBand { lines.append("- **Age band**: people \(band.phrase)") }
        if let weeks = measure.placementWeeks { lines.append("- **Placement length**: \(weeks.phrase) each") }
        return lines
    }

    private var countingLines: [String] {
        // The data's own rule text is preferred; the structured fields speak only when it is silent.
        guard measure.counting.rules.isEmpty else { return measure.counting.rules }
        var lines: [String] = []
        switch measure.counting.basis {
        case .eachYear: lines.append("Enter what will be delivered in each contract year.")
        case .firstYearOfEmployment: lines.append("A person counts only in their first year of employment with you.")
        }
        if let group = measure.counting.exclusiveGroup {
            lines.append("One person can be counted under only one \(group)-group measure.")
        }
        return lines
    }

    private var valueLines: [String] {
        guard let pack else { return ["No value pack is available, so this measure is unvalued: it is reported by quantity, not counted as £0."] }
        guard let value = pack.value(for: measure.reference) else {
            return ["Unvalued in the \(pack.name) pack: it is reported by its quantity and is not counted as £0. "
                + "A buyer's own value pack may value it (`svwizard values import`)."]
        }
        var lines = ["- **\(ValueText.perUnit(measure, in: pack))** in the \(pack.name) pack"]
        if pack.illustrative { lines.append("- This pack is **illustrative**: for training and demonstrations, not for real bids.") }
        lines.append("- **Edition**: \(value.edition)")
        lines.append("- **Source**: \(value.source)")
        lines.append("- **Date**: \(value.date)")
        if let note = value.note { lines.append("- **Note**: \(note)") }
        return lines
    }

    private func section(_ title: String, _ items: [String]) -> String {
        items.isEmpty ? "" : "## \(title)\n\n" + items.map { "- \($0)" }.joined(separator: "\n")
    }
}
