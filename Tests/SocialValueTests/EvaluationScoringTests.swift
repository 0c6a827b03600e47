import Foundation
import Testing
@testable import SocialValue

/// Each scoring method on tables worked out by hand: both sides of every band and threshold,
/// ties and zeros.
@Suite("Scoring the quantitative half")
struct EvaluationScoringTests {
    func offers(_ values: [String?]) -> [QuantitativeScoring.Offer] {
        values.enumerated().map { QuantitativeScoring.Offer(bid: "bid \($0.offset + 1)", socialValue: $0.element.map { Money(Decimal(string: $0)!) }) }
    }

    func marks(_ values: [String?], contract: String = "100000", weight: Decimal = 10, _ method: QuantitativeMethod) -> [String] {
        QuantitativeScoring.score(offers(values), contractValue: Money(Decimal(string: contract)!), weight: weight, method: method)
            .map(\.marks.shown)
    }

    @Test("relative to the highest: £10,000, £5,000 and £2,500 with a 10% weight score 10.00, 5.00 and 2.50")
    func relativeToHighest() {
        #expect(marks(["10000", "5000", "2500"], .relativeToHighest) == ["10.00", "5.00", "2.50"])
        // A third of the highest: exact until shown.
        #expect(marks(["3000", "1000"], .relativeToHighest) == ["10.00", "3.33"])
        // An unvalued bid scores as £0 against the highest.
        #expect(marks(["4000", nil], .relativeToHighest) == ["10.00", "0.00"])
    }

    @Test("relative to the highest when the highest is £0 or every bid is unvalued: no division, every bid 0 with the reason")
    func highestIsZero() {
        for values: [String?] in [["0", "0"], [nil, nil], ["0", nil]] {
            let results = QuantitativeScoring.score(offers(values), contractValue: Money(100_000), weight: 10, method: .relativeToHighest)
            #expect(results.allSatisfy { $0.marks == 0 })
            #expect(results.allSatisfy { $0.reason.contains("No bid offers any valued social value") })
        }
    }

    @Test("relative to a target per £1, capped at full marks", arguments: [
        ("25000", "10.00"),  // £0.25 per £1: exactly the target
        ("12500", "5.00"),   // half the target
        ("50000", "10.00"),  // twice the target: capped
        ("24999.99", "10.00"), // just below the target: 9.9999996, shown rounded
        ("0", "0.00"),
    ])
    func relativeToTarget(offer: String, expected: String) {
        #expect(marks([offer], .relativeToTarget(perPound: Decimal(string: "0.25")!)) == [expected])
    }

    @Test("relative to a target with no contract value scores 0 with the reason")
    func targetWithoutContractValue() {
        let result = QuantitativeScoring.score(offers(["1000"]), contractValue: .zero, weight: 10, method: .relativeToTarget(perPound: 1))
        #expect(result.first?.marks == 0 && result.first?.perPound == nil)
        #expect(result.first?.reason.contains("contract value or the target is nothing") == true)
    }

    static let bands = QuantitativeMethod.bands([
        ScoreBand(atLeastPerPound: Decimal(string: "0.10")!, percentOfMarks: 50),
        ScoreBand(atLeastPerPound: Decimal(string: "0.20")!, percentOfMarks: 100),
        ScoreBand(atLeastPerPound: Decimal(string: "0.05")!, percentOfMarks: 25),
    ])

    @Test("bands: the highest band reached counts, on both sides of every threshold", arguments: [
        ("4999.99", "0.00"), ("5000", "2.50"), ("9999.99", "2.50"), ("10000", "5.00"), ("19999.99", "5.00"), ("20000", "10.00"),
        ("90000", "10.00"),
    ])
    func banded(offer: String, expected: String) {
        #expect(marks([offer], Self.bands) == [expected])
    }

    @Test("pass or fail at a threshold, on both sides", arguments: [("9999.99", "0.00"), ("10000", "10.00"), ("10000.01", "10.00")])
    func passFail(offer: String, expected: String) {
        #expect(marks([offer], .passFail(threshold: Decimal(string: "0.10")!)) == [expected])
    }

    @Test("ties share a rank and the next rank is skipped; a single bid is first")
    func ranks() {
        #expect(QuantitativeScoring.ranks([10, 5, 5, 2]) == [1, 2, 2, 4])
        #expect(QuantitativeScoring.ranks([3, 3, 3]) == [1, 1, 1])
        #expect(QuantitativeScoring.ranks([0]) == [1])
    }

    @Test("qualitative marks: weight × score ÷ the scale's highest score")
    func qualitative() {
        let scale = QualitativeScale(id: "s", name: "0 to 5", points: (0...5).map { .init(score: Decimal($0), label: "\($0)", descriptor: "") }, source: "")
        #expect(QuantitativeScoring.qualitativeMarks(4, scale: scale, weight: 10) == 8)
        #expect(QuantitativeScoring.qualitativeMarks(5, scale: scale, weight: 10) == 10)
        #expect(scale.allows(3) && !scale.allows(Decimal(string: "3.5")!))
    }

    @Test("a method is recorded in files by name with its figures, and read back")
    func coding() throws {
        for method in [QuantitativeMethod.relativeToHighest, .relativeToTarget(perPound: Decimal(string: "0.25")!), Self.bands,
                       .passFail(threshold: Decimal(string: "0.1")!)] {
            let data = try JSONEncoder().encode(method)
            #expect(try JSONDecoder().decode(QuantitativeMethod.self, from: data) == method)
        }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(QuantitativeMethod.self, from: Data(#"{"method": "lowestPrice"}"#.utf8)) }
    }
}

@Suite("Clarifications applied to a bid's lines")
struct ClarificationTests {
    static let line = Evaluation.Line(measure: MeasureReference("TOM10")!, unit: .weeks, quantity: 1000, perUnit: Money(250), value: Money(250_000))

    func clarification(_ measure: String?, _ decision: Evaluation.Clarification.Decision, quantity: Decimal? = nil) -> Evaluation.Clarification {
        Evaluation.Clarification(concern: "c", measure: measure.flatMap { MeasureReference($0) }, question: "q", answer: "a", decision: decision,
                                 adjustedQuantity: quantity, reason: "r")
    }

    @Test("adjust revalues the line at the evidenced quantity; reject removes its value; accept leaves it; another measure's does nothing")
    func lines() {
        #expect(EvaluationCalculator.clarified(Self.line, by: [clarification("TOM10", .adjust, quantity: 104)]).value == Money(26_000))
        #expect(EvaluationCalculator.clarified(Self.line, by: [clarification("TOM10", .reject)]).value == nil)
        #expect(EvaluationCalculator.clarified(Self.line, by: [clarification("TOM10", .accept)]) == Self.line)
        #expect(EvaluationCalculator.clarified(Self.line, by: [clarification("TOM1", .reject)]) == Self.line)
    }

    @Test("rejecting the whole offer rejects every line; accepting it changes nothing")
    func wholeOffer() {
        #expect(EvaluationCalculator.clarified(Self.line, by: [clarification(nil, .reject)]).value == nil)
        #expect(EvaluationCalculator.clarified(Self.line, by: [clarification(nil, .accept)]) == Self.line)
    }
}
