import Foundation

/// The record of a tender's social value evaluation: the method and scale used, and for every
/// bundle whether it was evaluated (or why not), its £ offer, the clarifications of offers that
/// looked unrealistic, each evaluator's score and the agreed one, the marks and the rank.
public struct Evaluation: Sendable, Hashable {
    public var tender: TenderSpecification
    public var method: QuantitativeMethod
    public var scale: QualitativeScale
    /// Marks for each half: the tender's social value weighting split by its shares.
    public var quantitativeWeight: Decimal
    public var qualitativeWeight: Decimal
    public var evaluators: [String]
    public var bids: [Bid]

    /// One bundle.
    public struct Bid: Sendable, Hashable {
        public var file: String
        public var supplier: String
        /// Nil when the bid was evaluated; otherwise why it was left out.
        public var exclusion: String?
        /// Each measure's line as evaluated, after any clarification.
        public var lines: [Line]
        public var clarifications: [Clarification]
        /// The £ offer (sum of the valued lines), nil when nothing in it has a £ value.
        public var socialValue: Money?
        public var perPound: Decimal?
        public var quantitativeMarks: Decimal
        public var quantitativeReason: String
        public var scores: [Score]
        public var agreed: Score?
        public var qualitativeMarks: Decimal
        public var totalMarks: Decimal
        /// 1 for the highest total; equal totals share a rank. Nil for an excluded bid.
        public var rank: Int?

        public var included: Bool { exclusion == nil }
    }

    /// One measure's commitment in a bid.
    public struct Line: Sendable, Hashable {
        public var measure: MeasureReference
        public var unit: MeasureUnit
        public var quantity: Decimal
        /// The tender pack's value of one unit, nil when the measure is unvalued.
        public var perUnit: Money?
        /// quantity × perUnit rounded to the penny, nil when unvalued or rejected.
        public var value: Money?
        /// Set when a clarification adjusted or rejected the line.
        public var note: String?

        public init(measure: MeasureReference, unit: MeasureUnit, quantity: Decimal, perUnit: Money?, value: Money?, note: String? = nil) {
            self.measure = measure
            self.unit = unit
            self.quantity = quantity
            self.perUnit = perUnit
            self.value = value
            self.note = note
        }
    }

    /// A question put to the supplier about an offer that looked unrealistic, and what the
    /// evaluators decided: as with abnormally low tenders, nothing is capped silently.
    public struct Clarification: Sendable, Hashable, Codable {
        public enum Decision: String, Sendable, Hashable, Codable { case accept, adjust, reject }
        /// Why the offer was questioned (the check's code and words).
        public var concern: String
        public var measure: MeasureReference?
        public var question: String
        public var answer: String
        public var decision: Decision
        /// For `adjust`: the total quantity the evidence supports.
        public var adjustedQuantity: Decimal?
        public var reason: String

        public init(concern: String, measure: MeasureReference?, question: String, answer: String, decision: Decision,
                    adjustedQuantity: Decimal?, reason: String) {
            self.concern = concern
            self.measure = measure
            self.question = question
            self.answer = answer
            self.decision = decision
            self.adjustedQuantity = adjustedQuantity
            self.reason = reason
        }
    }

    /// An evaluator's (or the panel's agreed) score with its reason.
    public struct Score: Sendable, Hashable {
        public var evaluator: String
        public var score: Decimal
        public var reason: String

        public init(evaluator: String, score: Decimal, reason: String) {
            self.evaluator = evaluator
            self.score = score
            self.reason = reason
        }
    }
}

/// Works out an evaluation from the bids' commitments, the method and the panel's scores.
public enum EvaluationCalculator {
    /// What is known of a bid before it is scored.
    public struct Submitted: Sendable, Hashable {
        public var file: String
        public var supplier: String
        public var exclusion: String?
        public var lines: [Evaluation.Line]
        /// The concerns that need a clarification before the bid is scored.
        public var concerns: [Concern]

        public init(file: String, supplier: String, exclusion: String?, lines: [Evaluation.Line], concerns: [Concern]) {
            self.file = file
            self.supplier = supplier
            self.exclusion = exclusion
            self.lines = lines
            self.concerns = concerns
        }
    }

    /// Why an offer looks unrealistic: a check's code and words, and the measure it is about
    /// (nil for the offer as a whole).
    public struct Concern: Sendable, Hashable {
        public var measure: MeasureReference?
        public var text: String

        public init(measure: MeasureReference?, text: String) {
            self.measure = measure
            self.text = text
        }

        /// Whether `clarification` answers this concern: one about the same measure, or, for a
        /// concern about the whole offer, any clarification.
        public func isAnswered(by clarification: Evaluation.Clarification) -> Bool {
            measure == nil || clarification.measure == measure
        }
    }

    /// The panel's record for one bid.
    public struct Panel: Sendable, Hashable {
        public var scores: [Evaluation.Score]
        public var agreed: Evaluation.Score?
        public var clarifications: [Evaluation.Clarification]

        public init(scores: [Evaluation.Score], agreed: Evaluation.Score?, clarifications: [Evaluation.Clarification]) {
            self.scores = scores
            self.agreed = agreed
            self.clarifications = clarifications
        }
    }

    public static func evaluate(tender: TenderSpecification, method: QuantitativeMethod, scale: QualitativeScale,
                                weighting: Decimal, quantitativeShare: Decimal, qualitativeShare: Decimal, evaluators: [String],
                                bids submitted: [Submitted], panels: [String: Panel]) -> Evaluation {
        let quantitativeWeight = weighting * quantitativeShare / 100
        let qualitativeWeight = weighting * qualitativeShare / 100
        var bids = submitted.map { bid -> Evaluation.Bid in
            let panel = panels[bid.file]
            let lines = bid.lines.map { line in clarified(line, by: panel?.clarifications ?? []) }
            let valued = lines.compactMap(\.value)
            return Evaluation.Bid(
                file: bid.file, supplier: bid.supplier, exclusion: bid.exclusion, lines: lines, clarifications: panel?.clarifications ?? [],
                socialValue: valued.isEmpty ? nil : valued.reduce(Money.zero, +), perPound: nil, quantitativeMarks: 0,
                quantitativeReason: bid.exclusion == nil ? "" : "Not evaluated.", scores: panel?.scores ?? [], agreed: panel?.agreed,
                qualitativeMarks: 0, totalMarks: 0, rank: nil)
        }
        let included = bids.indices.filter { bids[$0].included }
        let results = QuantitativeScoring.score(included.map { QuantitativeScoring.Offer(bid: bids[$0].file, socialValue: bids[$0].socialValue) },
                                                contractValue: tender.contractValue, weight: quantitativeWeight, method: method)
        // Each half's marks are rounded to the hundredth (half away from zero) and the total is
        // their sum, so every total is the sum of the marks shown, and bids that look equal rank equal.
        for (index, result) in zip(included, results) {
            bids[index].perPound = result.perPound
            bids[index].quantitativeMarks = DecimalText.rounded(result.marks, places: 2)
            bids[index].quantitativeReason = result.reason
            bids[index].qualitativeMarks = DecimalText.rounded(bids[index].agreed.map {
                QuantitativeScoring.qualitativeMarks($0.score, scale: scale, weight: qualitativeWeight)
            } ?? 0, places: 2)
            bids[index].totalMarks = bids[index].quantitativeMarks + bids[index].qualitativeMarks
        }
        for (index, rank) in zip(included, QuantitativeScoring.ranks(included.map { bids[$0].totalMarks })) { bids[index].rank = rank }
        return Evaluation(tender: tender, method: method, scale: scale, quantitativeWeight: quantitativeWeight,
                          qualitativeWeight: qualitativeWeight, evaluators: evaluators, bids: bids)
    }

    /// A line after the clarifications about its measure, or about the whole offer: adjusted to
    /// the evidenced quantity or rejected, each with its reason; accepted lines are unchanged.
    static func clarified(_ line: Evaluation.Line, by clarifications: [Evaluation.Clarification]) -> Evaluation.Line {
        var line = line
        // A clarification about the whole offer (no measure) that rejects it rejects every line.
        for clarification in clarifications where clarification.measure == line.measure || (clarification.measure == nil && clarification.decision == .reject) {
            switch clarification.decision {
            case .accept:
                continue
            case .adjust:
                guard let quantity = clarification.adjustedQuantity else { continue }
                line.note = "Adjusted from \(line.unit.format(line.quantity)) to \(line.unit.format(quantity)): \(clarification.reason)"
                line.quantity = quantity
                line.value = line.perUnit.map { Money(DecimalText.rounded($0.pounds * quantity, places: 2)) }
            case .reject:
                line.note = "Rejected: \(clarification.reason)"
                line.value = nil
            }
        }
        return line
    }
}
