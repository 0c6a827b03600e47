import SocialValue

/// Consistency checks on the measure catalogue beyond its format.
enum CatalogueChecks {
    static func check(_ measures: [Measure], in file: YAMLFile) throws {
        var errors: [DataFileError] = []
        var seen: [MeasureReference: Int] = [:]
        for (index, measure) in measures.enumerated() {
            let at: (String) -> [PathComponent] = { [.key("measures"), .index(index), .key($0)] }
            if let first = seen[measure.reference] {
                errors.append(file.error(at: at("reference"), message: "\(measure.reference) is listed twice (first as measures[\(first)])",
                                         hint: "Give each measure once; merge the two entries."))
            }
            seen[measure.reference] = seen[measure.reference] ?? index
            if measure.wording.trimmingCharacters(in: .whitespaces).isEmpty {
                errors.append(file.error(at: at("wording"), message: "the wording is empty", hint: "Copy the measure's wording from the framework."))
            }
            if measure.input.minimum < 0 {
                errors.append(file.error(at: at("input"), message: "the minimum is below 0", hint: "Quantities cannot be negative; use 0."))
            }
            if let maximum = measure.input.maximum, maximum <= measure.input.minimum {
                errors.append(file.error(at: at("input"), message: "the maximum is not above the minimum", hint: "Raise the maximum or remove it."))
            }
            if let band = measure.ageBand, let maximum = band.maximum, maximum < band.minimum {
                errors.append(file.error(at: at("ageBand"), message: "the age band ends before it starts", hint: "Swap the minimum and maximum ages."))
            }
            if let weeks = measure.placementWeeks, let maximum = weeks.maximum, maximum < weeks.minimum {
                errors.append(file.error(at: at("placementWeeks"), message: "the placement length ends before it starts",
                                         hint: "Swap the minimum and maximum weeks."))
            }
        }
        if !errors.isEmpty { throw DataFileErrors(errors) }
    }
}
