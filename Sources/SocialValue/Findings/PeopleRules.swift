import Foundation

/// People: jobs within the workforce, hires within the stated new hires, first year only, age
/// bands confirmed, and nobody counted under two measures of one group.
enum PeopleRules {
    static func findings(_ context: CommitmentContext) -> [Finding] {
        var findings: [Finding] = []
        let commitment = context.commitment
        let measure = context.measure
        let supplier = context.response.supplier
        if measure.unit == .fte {
            let limit = supplier.workforce + supplier.newHires
            for (index, quantity) in commitment.quantities.enumerated() where quantity > limit {
                findings.append(Finding(.jobsAboveWorkforce, field: context.field + ".quantities.\(index + 1)",
                                        message: "\(context.name) year \(index + 1) counts \(DecimalText.plain(quantity)) FTE, more than the \(DecimalText.plain(limit)) FTE you said will work on the contract (workforce plus new hires).",
                                        hint: "Lower the figure, or correct your workforce and new hires."))
            }
        }
        if measure.unit == .weeks {
            // 52 weeks is one person's year: a year's weeks above (workforce + new hires) x 52 would
            // need more people than the supplier said will work on the contract.
            let people = supplier.workforce + supplier.newHires
            for (index, weeks) in commitment.quantities.enumerated() where weeks > people * weeksInAYear {
                findings.append(Finding(.weeksAboveWorkforce, field: context.field + ".quantities.\(index + 1)",
                                        message: "\(context.name) year \(index + 1) counts \(DecimalText.plain(weeks)) weeks, about \(personYears(weeks)) "
                                            + "people for the whole year, more than the \(DecimalText.plain(people)) FTE you said will work on the contract "
                                            + "(workforce plus new hires); 52 weeks is one person's year.",
                                        hint: "Check the weeks are for this contract and can be supervised by the people working on it, or correct "
                                            + "your workforce and new hires. The evaluators will ask how it will be delivered."))
            }
        }
        if let band = measure.ageBand, commitment.ageBandConfirmed != true {
            findings.append(Finding(.ageBandNotConfirmed, field: context.field + ".ageBandConfirmed",
                                    message: "\(context.name) counts only people \(band.phrase), and that is not confirmed.",
                                    hint: "Confirm that everyone counted is \(band.phrase), or move them to a measure that fits."))
        }
        if measure.counting.basis == .firstYearOfEmployment {
            guard let people = commitment.people else {
                findings.append(Finding(.missingFacts, field: context.field + ".people",
                                        message: "\(context.name) needs the number of different people hired.",
                                        hint: "Give how many people the FTE figures cover."))
                return findings
            }
            if commitment.total > Decimal(people) {
                findings.append(Finding(.hiresBeyondFirstYear, field: context.field + ".quantities",
                                        message: "\(context.name) counts \(DecimalText.plain(commitment.total)) FTE over the contract for \(people) \(people == 1 ? "person" : "people"); each person counts only in their first year of employment.",
                                        hint: "Count each hire once, in the year they start, at their FTE."))
            }
        }
        return findings
    }

    /// The weeks in one person's year of work.
    static let weeksInAYear: Decimal = 52

    /// `weeks` as people for a whole year, to one decimal place: `1040` weeks is `20`.
    static func personYears(_ weeks: Decimal) -> String { DecimalText.plain(DecimalText.rounded(weeks / weeksInAYear, places: 1)) }

    /// Rules across commitments: hires within new hires, nobody in two measures of a group, and
    /// a group's FTE within the workforce.
    static func groupFindings(_ response: TenderResponse, catalogue: Catalogue) -> [Finding] {
        var findings: [Finding] = []
        let people = response.supplier.workforce + response.supplier.newHires
        let fteGroups = Dictionary(grouping: response.commitments.filter {
            catalogue.measure($0.measure)?.unit == .fte && catalogue.measure($0.measure)?.counting.exclusiveGroup != nil
        }, by: { catalogue.measure($0.measure)?.counting.exclusiveGroup ?? "" })
        for (group, members) in fteGroups.sorted(by: { $0.key < $1.key }) where members.count > 1 {
            let years = members.map(\.quantities.count).max() ?? 0
            for year in 0..<years {
                let total = members.map { year < $0.quantities.count ? $0.quantities[year] : 0 }.reduce(0, +)
                guard total > people else { continue }
                findings.append(Finding(.groupAboveWorkforce, field: "commitments",
                                        message: "Year \(year + 1) counts \(DecimalText.plain(total)) FTE of people from the \(group) group "
                                            + "(\(members.map(\.measure.spoken).joined(separator: ", "))), more than the \(DecimalText.plain(people)) FTE "
                                            + "you said will work on the contract (workforce plus new hires).",
                                        hint: "Each person counts once, under one measure of the group: lower the figures, or correct your workforce "
                                            + "and new hires. The evaluators will ask how it will be delivered."))
            }
        }
        let hires = response.commitments.filter { catalogue.measure($0.measure)?.counting.basis == .firstYearOfEmployment }
        let hired = hires.map(\.total).reduce(0, +)
        if !hires.isEmpty && hired > response.supplier.newHires {
            findings.append(Finding(.hiresAboveNewHires, field: "supplier.newHires",
                                    message: "The hiring measures (\(hires.map(\.measure.spoken).joined(separator: ", "))) count \(DecimalText.plain(hired)) FTE of new hires, but you said you will hire \(DecimalText.plain(response.supplier.newHires)) FTE for the contract.",
                                    hint: "These measures count people hired for the contract: raise your new hires, or lower the commitments."))
        }
        let groups = Dictionary(grouping: response.commitments.compactMap { commitment -> (String, MeasureReference)? in
            catalogue.measure(commitment.measure)?.counting.exclusiveGroup.map { ($0, commitment.measure) }
        }, by: \.0)
        for (group, members) in groups.sorted(by: { $0.key < $1.key }) where members.count > 1 {
            if let twice = response.peopleCountedTwice, twice > 0 {
                findings.append(Finding(.peopleCountedTwice, field: "peopleCountedTwice",
                                        message: "\(twice) \(twice == 1 ? "person is" : "people are") counted under more than one \(group)-group measure (\(members.map(\.1.spoken).joined(separator: ", "))).",
                                        hint: "Count each person under one \(group)-group measure only; they may also count as a local job (TOM 1)."))
            } else if response.peopleCountedTwice == nil {
                findings.append(Finding(.missingFacts, field: "peopleCountedTwice",
                                        message: "You chose more than one \(group)-group measure, and have not said whether anyone is counted under two of them.",
                                        hint: "Answer how many people are counted under more than one of them (0 if nobody)."))
            }
        }
        return findings
    }
}
