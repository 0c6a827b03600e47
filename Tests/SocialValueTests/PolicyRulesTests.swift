import Foundation
import Testing
@testable import SocialValue

@Suite("Policy rules")
struct PolicyRulesTests {
    let rules = PolicyRules(
        socialValueThreshold: Money(100_000), tenderWeighting: 20, quantitativeShare: 50,
        qualitativeShare: 50, deliveryPlanThreshold: Money(250_000),
        writtenQuotations: QuotationRule(quotes: 3, localRequired: 1), source: Source(title: "policy"))

    @Test("social value is required only on contracts over £100,000", arguments: [
        ("99999.99", false), ("100000.00", false), ("100000.01", true), ("2500000", true),
    ])
    func socialValueThreshold(value: String, required: Bool) {
        #expect(rules.requiresSocialValue(contractValue: Money(Decimal(string: value)!)) == required)
    }

    @Test("a delivery plan over £250,000, a milestone tracker otherwise", arguments: [
        ("249999.99", DeliveryDocument.milestoneTracker), ("250000", .milestoneTracker), ("250000.01", .deliveryPlan),
    ])
    func deliveryDocument(value: String, expected: DeliveryDocument) {
        #expect(rules.deliveryDocument(contractValue: Money(Decimal(string: value)!)) == expected)
    }
}
