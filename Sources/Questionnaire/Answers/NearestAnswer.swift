import Foundation

/// Answers as people type them, close to one the wizard takes: numbers in words ("two",
/// "twenty-five"), hedged numbers ("about 12"), words with a typo ("emisions"). Numbers in
/// words are read (and said back); the others are refused with the nearest answer suggested,
/// never guessed.
public enum NearestAnswer {
    private static let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    private static let tens = ["twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                               "ninety": 90]

    /// The whole number written in words, from zero to ninety-nine and "a hundred" / "one
    /// hundred" (`two`, `Twelve`, `twenty-five`, `twenty five`, `a dozen`); nil for anything else.
    public static func number(inWords text: String) -> Int? {
        let words = text.lowercased().replacingOccurrences(of: "-", with: " ").split(separator: " ").map(String.init)
        switch words.count {
        case 1:
            if let unit = units.firstIndex(of: words[0]) { return unit }
            return tens[words[0]]
        case 2:
            if words == ["a", "dozen"] { return 12 }
            if ["a", "one"].contains(words[0]), words[1] == "hundred" { return 100 }
            guard let ten = tens[words[0]], let unit = units.firstIndex(of: words[1]), (1...9).contains(unit) else { return nil }
            return ten + unit
        default:
            return nil
        }
    }

    /// The number in a hedged answer (`about 12`, `around 12`, `roughly 12`, `approx. 12`,
    /// `up to 12`, `at least 12`, `12 or so`, `12ish`, `~12`), as typed; nil when the answer is
    /// not hedged. A commitment is a figure, so these are refused with the figure suggested.
    public static func hedged(_ text: String) -> String? {
        let lowered = text.lowercased().trimmingCharacters(in: .whitespaces)
        let before = ["about ", "around ", "roughly ", "approx. ", "approx ", "approximately ", "circa ", "c. ", "up to ", "at least ",
                      "at most ", "maybe ", "perhaps ", "nearly ", "almost ", "over ", "under ", "~"]
        let after = [" or so", "ish", " approx", " approx.", " roughly", " or more", " or less", " max", " min", "+"]
        var number = lowered
        for prefix in before where number.hasPrefix(prefix) {
            number = String(number.dropFirst(prefix.count))
            break
        }
        for suffix in after where number.hasSuffix(suffix) {
            number = String(number.dropLast(suffix.count))
            break
        }
        number = number.trimmingCharacters(in: .whitespaces)
        guard number != lowered, !number.isEmpty else { return nil }
        if let words = Self.number(inWords: number) { return String(words) }
        return number.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," || $0 == "£" }) && number.contains(where: \.isNumber) ? number : nil
    }

    /// The numbers in an answer that gives more than one (`3 and 4`, `3 or 4`, `3-4`), or nil.
    public static func several(_ text: String) -> [String]? {
        let parts = text.lowercased().replacingOccurrences(of: " to ", with: " ").split(whereSeparator: { " ,;/-".contains($0) })
            .map(String.init).filter { !["and", "or", "&"].contains($0) }
        let numbers = parts.filter { part in Decimal(string: part) != nil || number(inWords: part) != nil }
        guard numbers.count >= 2, numbers.count == parts.count else { return nil }
        return numbers.map { part in number(inWords: part).map(String.init) ?? part }
    }

    /// `text` without a leading article or "we are a" (`a charity`, `We're a CIC`), lowercased.
    public static func withoutArticle(_ text: String) -> String {
        var lowered = text.lowercased().trimmingCharacters(in: .whitespaces)
        for prefix in ["we are an ", "we are a ", "we're an ", "we're a ", "we are ", "we're ", "it is an ", "it is a ", "it's an ", "it's a ",
                       "an ", "a ", "the "] where lowered.hasPrefix(prefix) {
            lowered = String(lowered.dropFirst(prefix.count))
            break
        }
        return lowered.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".!")))
    }

    /// The candidates nearest to `typed` by spelling (letters swapped, missed, doubled or
    /// wrong), when close enough to be a typo: one edit in a word of up to four letters, two up
    /// to eight, three beyond. Every candidate at the smallest distance; empty when none is close.
    public static func nearest(_ typed: String, among candidates: [String]) -> [String] {
        let word = typed.lowercased()
        guard word.count >= 3 else { return [] }
        let allowed = word.count <= 4 ? 1 : word.count <= 8 ? 2 : 3
        var best = allowed + 1
        var found: [String] = []
        for candidate in candidates {
            let distance = Self.distance(word, candidate.lowercased(), limit: allowed)
            if distance < best {
                best = distance
                found = [candidate]
            } else if distance == best, !found.contains(candidate) {
                found.append(candidate)
            }
        }
        return best <= allowed ? found : []
    }

    /// The edit distance between `a` and `b` (insertions, deletions, substitutions and swaps of
    /// neighbours), or `limit + 1` as soon as it must exceed `limit`.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var smallest = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
                current[j] = value
                smallest = min(smallest, value)
            }
            if smallest > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
