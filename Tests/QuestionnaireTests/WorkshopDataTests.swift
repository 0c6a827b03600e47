import Foundation
import Testing
@testable import Questionnaire
@testable import SocialValue

@Suite("Workshop scenarios as data")
struct WorkshopDataTests {
    @Test("at least four scenarios load, each complete, with a facilitator's guide")
    func scenariosLoad() throws {
        let data = try shippedData()
        #expect(data.workshops.count >= 4)
        #expect(Set(data.workshops.map(\.name)).isSuperset(of: ["thermal-works", "home-care", "school-catering", "it-support-quote"]))
        for scenario in data.workshops {
            #expect(!scenario.learningGoals.isEmpty, "\(scenario.name)")
            #expect(!scenario.plantedMistakes.isEmpty, "\(scenario.name)")
            #expect(scenario.tender.adoptedMeasures.allSatisfy { data.catalogue.measure($0) != nil })
            #expect(data.guidance.contains { $0.slug == scenario.name && $0.isWorkshopGuide }, "no guide for \(scenario.name)")
        }
    }

    @Test("teaching notes name steps of the flows, and persona answers are questions of the supplier's flow")
    func notesAndPersonas() throws {
        let data = try shippedData()
        let steps = Set(data.flows.values.flatMap { $0.steps.map(\.id) } + ["review"])
        for scenario in data.workshops {
            for step in scenario.notes.keys { #expect(steps.contains(step), "\(scenario.name): no step \(step)") }
            let flow = try #require(data.flows["supplier-response"])
            let planner = FlowPlanner(flow: flow, environment: FlowEnvironment(data: data, tender: scenario.tender, pack: nil))
            let keys = Set(planner.plan(AnswerSheet(scenario.persona.answers)).map(\.key))
            for key in scenario.persona.answers.keys { #expect(keys.contains(key), "\(scenario.name): \(key) is not a question") }
        }
    }

    @Test("the scenarios span the policy's thresholds: below £100,000 by quotation, a milestone tracker, a delivery plan")
    func thresholds() throws {
        let data = try shippedData()
        let values = data.workshops.map(\.tender.contractValue)
        #expect(values.contains { !data.framework.rules.requiresSocialValue(contractValue: $0) })
        #expect(values.contains { data.framework.rules.requiresSocialValue(contractValue: $0)
            && data.framework.rules.deliveryDocument(contractValue: $0) == .milestoneTracker })
        #expect(values.contains { data.framework.rules.deliveryDocument(contractValue: $0) == .deliveryPlan })
        #expect(data.workshop("it-support-quote")?.commissioner.answers["route"] == "quotations")
    }
}
