import Foundation

/// Scores the quantitative half: each bid's £ of social value turned into marks out of the
/// quantitative weight by the recorded method. Exact decimals throughout; marks are rounded to
/// the hundredth only when shown. Every result says how it was reached.
public enum QuantitativeScoring {
    /// One bid's offer: its £ of social value, or nil when none of its measures is valued.
    public struct Offer: Sendable, Hashable {
        public var bid: String
        public var socialValue: Money?

        public init(bid: String, socialValue: Money?) {
            self.bid = bid
            self.socialValue = socialValue
        }
    }

    public struct Result: Sendable, Hashable {
        public var bid: String
        /// Social value per £1 of contract value, nil when the contract value is nothing.
        public var perPound: Decimal?
        public var marks: Decimal
        /// How the marks were reached, in words.
        public var reason: String
    }

    /// The marks of every offer out of `weight`, in the order given.
    public static func score(_ offers: [Offer], contractValue: Money, weight: Decimal, method: QuantitativeMethod) -> [Result] {
        let contract = contractValue.pounds
        func perPound(_ offer: Offer) -> Decimal? {
            contract > 0 ? (offer.socialValue?.pounds ?? 0) / contract : nil
        }
        switch method {
        case .relativeToHighest:
            let highest = offers.compactMap { $0.socialValue?.pounds }.max() ?? 0
            return offers.map { offer in
                let value = offer.socialValue?.pounds ?? 0
                guard highest > 0 else {
                    return Result(bid: offer.bid, perPound: perPound(offer), marks: 0,
                                  reason: "No bid offers any valued social value, so none can be scored against the highest offer: every bid has 0 marks.")
                }
                let marks = weight * value / highest
                return Result(bid: offer.bid, perPound: perPound(offer), marks: marks,
                              reason: "\(weight.shown) × \(Money(value).description) ÷ \(Money(highest).description) (the highest offer)")
            }
        case let .relativeToTarget(target):
            return offers.map { offer in
                guard let ratio = perPound(offer), target > 0 else {
                    return Result(bid: offer.bid, perPound: nil, marks: 0,
                                  reason: "The contract value or the target is nothing, so no bid can be scored against the target: 0 marks.")
                }
                let marks = weight * min(1, ratio / target)
                return Result(bid: offer.bid, perPound: ratio, marks: marks,
                              reason: "\(weight.shown) × min(1, \(ratio.perPoundShown) ÷ \(target.perPoundShown) target)")
            }
        case let .bands(bands):
            let ordered = bands.sorted { $0.atLeastPerPound > $1.atLeastPerPound }
            return offers.map { offer in
                let ratio = perPound(offer) ?? 0
                guard let band = ordered.first(where: { ratio >= $0.atLeastPerPound }) else {
                    return Result(bid: offer.bid, perPound: perPound(offer), marks: 0,
                                  reason: "\(ratio.perPoundShown) is below every band: 0 marks.")
                }
                return Result(bid: offer.bid, perPound: perPound(offer), marks: weight * band.percentOfMarks / 100,
                              reason: "\(ratio.perPoundShown) reaches the band from \(band.atLeastPerPound.perPoundShown): \(band.percentOfMarks.shown)% of \(weight.shown)")
            }
        case let .passFail(threshold):
            return offers.map { offer in
                let ratio = perPound(offer) ?? 0
                let passes = ratio >= threshold
                return Result(bid: offer.bid, perPound: perPound(offer), marks: passes ? weight : 0,
                              reason: "\(ratio.perPoundShown) is \(passes ? "at or above" : "below") the threshold of \(threshold.perPoundShown): "
                                  + (passes ? "full marks" : "0 marks"))
            }
        }
    }

    /// Marks out of `weight` for a qualitative `score` on `scale`.
    public static func qualitativeMarks(_ score: Decimal, scale: QualitativeScale, weight: Decimal) -> Decimal {
        scale.highest > 0 ? weight * score / scale.highest : 0
    }

    /// Ranks by total marks, highest first; equal totals share a rank (1, 2, 2, 4).
    public static func ranks(_ totals: [Decimal]) -> [Int] {
        totals.map { total in 1 + totals.filter { $0 > total }.count }
    }
}

extension Decimal {
    /// Marks or a percentage shown to the hundredth, rounded half away from zero: `10.00`.
    public var shown: String { DecimalText.grouped(self, places: 2) }

    /// Social value per £1 of contract value, shown in pence to the hundredth: `£0.25 per £1`.
    var perPoundShown: String { "£\(DecimalText.grouped(self, places: 2)) per £1" }
}
