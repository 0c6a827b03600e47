import SocialValue

/// Reads which measures a person chose, in one unambiguous way: by reference (`TOM10`,
/// `tom 10`, `TOM 4a`, or the bare number `10`, which always means TOM10 and never a place in
/// the list on screen) or by words of the measure's headline (`apprenticeships`, `local jobs`).
/// `all` and `none` work too. Items are separated by commas or semicolons; references may also
/// be separated by spaces (`TOM1 TOM10`).
public enum MeasureChoice {
    /// The chosen references in the offered order, as one canonical answer (`TOM1, TOM10`).
    public static func parse(_ text: String, candidates: [String], names: [String: String], optional: Bool) -> Result<String, AnswerProblem> {
        var chosen: Set<String> = []
        let items = text.split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for item in items {
            switch item.lowercased() {
            case "all": chosen.formUnion(candidates); continue
            case "none": continue
            default: break
            }
            switch match(item, candidates: candidates, names: names) {
            case let .success(references): chosen.formUnion(references)
            case let .failure(problem): return .failure(problem)
            }
        }
        if chosen.isEmpty && !optional {
            return .failure(AnswerProblem("Choose at least one measure.", example: example(candidates)))
        }
        return .success(candidates.filter { chosen.contains($0) }.joined(separator: ", "))
    }

    /// "3 measures: TOM1 Local jobs, TOM10 Apprenticeships and TOM18 Local spend".
    public static func described(_ answer: String, names: [String: String]) -> String {
        let chosen = answer.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !chosen.isEmpty else { return "no measures" }
        let items = chosen.map { reference in names[reference].map { "\(reference) \($0)" } ?? reference }
        let list = items.count == 1 ? items[0] : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        return "\(chosen.count) measure\(chosen.count == 1 ? "" : "s"): \(list)"
    }

    private static func match(_ item: String, candidates: [String], names: [String: String]) -> Result<[String], AnswerProblem> {
        if let reference = MeasureReference(item) {
            guard candidates.contains(reference.rawValue) else { return .failure(notOffered(item, reference, candidates)) }
            return .success([reference.rawValue])
        }
        let lowered = item.lowercased()
        let exact = candidates.filter { names[$0]?.lowercased() == lowered }
        if exact.count == 1 { return .success(exact) }
        let partial = candidates.filter { names[$0]?.lowercased().contains(lowered) ?? false }
        if partial.count == 1 { return .success(partial) }
        if partial.count > 1 {
            let list = partial.map { "\($0) \(names[$0] ?? "")" }.joined(separator: ", ")
            return .failure(AnswerProblem("\(Echo.quoted(item)) could mean several measures: \(list). Type the reference of the one you mean.",
                                          example: partial.prefix(1).joined()))
        }
        // References separated by spaces: "TOM1 TOM10".
        let tokens = item.split(separator: " ").map(String.init)
        if tokens.count > 1, tokens.allSatisfy({ MeasureReference($0) != nil }) {
            var references: [String] = []
            for token in tokens {
                guard let reference = MeasureReference(token) else { break }
                guard candidates.contains(reference.rawValue) else { return .failure(notOffered(token, reference, candidates)) }
                references.append(reference.rawValue)
            }
            if references.count == tokens.count { return .success(references) }
        }
        if let near = nearest(item, candidates: candidates, names: names) { return .failure(near) }
        return .failure(AnswerProblem("\(Echo.quoted(item)) is not a measure here. Type references such as \(example(candidates)), "
            + "or words of a measure's name; the measures here are \(candidates.joined(separator: ", ")).", example: example(candidates)))
    }

    /// "Did you mean TOM31 Emissions?" for a word of a measure's name typed with a typo
    /// (`emisions`, `apprentiships`); nil when no name has a word close to it.
    static func nearest(_ item: String, candidates: [String], names: [String: String]) -> AnswerProblem? {
        let typed = item.lowercased().split(separator: " ").map(String.init).filter { $0.count >= 4 }
        guard !typed.isEmpty else { return nil }
        func words(_ reference: String) -> [String] {
            (names[reference] ?? "").lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count >= 4 }
        }
        let everyWord = Set(candidates.flatMap(words)).sorted()
        // Each typed word corrected to its nearest; the measures whose names have them all.
        var corrected: [[String]] = []
        for word in typed {
            let near = everyWord.contains(word) ? [word] : NearestAnswer.nearest(word, among: everyWord)
            guard !near.isEmpty else { return nil }
            corrected.append(near)
        }
        let matches = candidates.filter { reference in corrected.allSatisfy { options in options.contains { words(reference).contains($0) } } }
        guard !matches.isEmpty else { return nil }
        let named = matches.prefix(4).map { "\($0) \(names[$0] ?? "")" }
        let list = named.count == 1 ? named[0] : named.dropLast().joined(separator: ", ") + " or " + named[named.count - 1]
        return AnswerProblem("\(Echo.quoted(item)) is not a measure here. Did you mean \(list)? Type its reference to choose it.",
                             example: matches.prefix(1).joined())
    }

    private static func notOffered(_ item: String, _ reference: MeasureReference, _ candidates: [String]) -> AnswerProblem {
        let number = item.allSatisfy { $0.isNumber } ? " A number is read as a TOM number (\(item) means \(reference.rawValue)), not a place in the list." : ""
        return AnswerProblem("\(reference.rawValue) is not one of the measures here (\(candidates.joined(separator: ", "))).\(number)",
                             example: example(candidates))
    }

    private static func example(_ candidates: [String]) -> String { candidates.prefix(2).joined(separator: ", ") }
}
