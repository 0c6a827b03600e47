import Foundation
import SocialValue

/// Builds the supplier's `TenderResponse` from the answers of the `supplier-response` flow.
/// Works on a draft at any stage: what is not answered yet is left empty or zero, so the
/// review can show progress and the checks can say what is missing.
public struct ResponseAssembler: Sendable {
    public let environment: FlowEnvironment

    public init(environment: FlowEnvironment) { self.environment = environment }

    public func response(from answers: AnswerSheet) -> TenderResponse {
        let context = PlaceholderContext(environment: environment, answers: answers)
        let commitments = context.chosenMeasures.map { commitment(for: $0, years: context.years, answers) }
        return TenderResponse(
            tender: tender(answers, context: context), supplier: supplier(answers), commitments: commitments,
            peopleCountedTwice: answers["peopleCountedTwice"].flatMap { Int($0) },
            deliveryDocument: answers["deliveryDocument"] ?? "")
    }

    func tender(_ answers: AnswerSheet, context: PlaceholderContext) -> TenderSpecification {
        if let tender = environment.tender { return tender }
        var tender = TenderSpecification(
            buyer: answers["tender.buyer"] ?? "", reference: answers["tender.reference"] ?? "", title: answers["tender.title"] ?? "",
            contractValue: answers["tender.value"].flatMap { Money(parsing: $0) } ?? .zero,
            startDate: answers["tender.startDate"] ?? "", years: context.years,
            adoptedMeasures: answers["tender.measures"] == nil ? context.chosenMeasures.map(\.reference)
                : context.adoptedMeasures.map(\.reference), valuePack: nil)
        tender.months = ContractLength.partMonths(answers["tender.years"])
        return tender
    }

    public func supplier(_ answers: AnswerSheet) -> Supplier {
        let postcode = answers["supplier.postcode"] ?? ""
        let isLocal: Bool
        switch environment.localArea.locality(of: postcode) {
        case .inside: isLocal = true
        case .partial: isLocal = answers["supplier.insideBoundary"] == "yes"
        case .outside, .none: isLocal = false
        }
        return Supplier(
            name: answers["supplier.name"] ?? "", postcode: postcode, isLocal: isLocal,
            size: answers["supplier.size"].flatMap(Supplier.Size.init(rawValue:)) ?? .micro,
            kind: answers["supplier.type"].flatMap(Supplier.Kind.init(rawValue:)) ?? .other,
            workforce: answers["supplier.workforce"].flatMap(DecimalText.parse) ?? 0,
            newHires: answers["supplier.newHires"].flatMap(DecimalText.parse) ?? 0,
            livingWage: answers["supplier.livingWage"].flatMap(Supplier.LivingWage.init(rawValue:)) ?? .none)
    }

    func commitment(for measure: Measure, years: Int, _ answers: AnswerSheet) -> Commitment {
        let base = "commitments.\(measure.reference.rawValue)."
        let quantities = (1...max(years, 1)).map { answers[base + "quantity.\($0)"].flatMap(DecimalText.parse) ?? 0 }
        return Commitment(
            measure: measure.reference, quantities: quantities,
            placements: answers[base + "placements"].flatMap { Int($0) },
            weeksEach: answers[base + "weeksEach"].flatMap(DecimalText.parse),
            people: answers[base + "people"].flatMap { Int($0) },
            ageBandConfirmed: answers[base + "ageBandConfirmed"].map { $0 == "yes" },
            delivery: answers[base + "delivery"] ?? "",
            partner: answers[base + "partner"].flatMap { $0.isEmpty ? nil : $0 },
            evidence: answers[base + "evidence"] ?? "")
    }
}
