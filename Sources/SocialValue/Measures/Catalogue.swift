import Foundation

/// The measure catalogue: every measure the council's framework may use.
public struct Catalogue: Sendable, Hashable {
    /// The measures in reference order.
    public let measures: [Measure]

    public init(measures: [Measure]) {
        self.measures = measures.sorted { $0.reference < $1.reference }
    }

    /// The measure with `reference`, if the catalogue has it.
    public func measure(_ reference: MeasureReference) -> Measure? {
        measures.first { $0.reference == reference }
    }

    /// The measure a person typed (`TOM 4a`, `tom4a`, `4a`), if the catalogue has it.
    public func measure(named text: String) -> Measure? {
        MeasureReference(text).flatMap(measure(_:))
    }

    /// The measures mentioning `word` anywhere in their wording, definitions or rules.
    public func search(_ word: String) -> [Measure] {
        measures.filter { $0.matches(word) }
    }
}
