import Foundation
import Testing
@testable import Questionnaire
@testable import SocialValue

@Suite("Measures recommended for a contract")
struct RecommendationTests {
    func recommended(_ fit: ContractFit) throws -> Set<String> {
        Set(MeasureRecommendations.recommend(for: fit, available: try shippedData().frameworkMeasures).map(\.measure.rawValue))
    }

    func fit(people: Decimal = 0, subcontracting: Bool = false, apprenticeships: Bool = false, schools: Bool = false,
             carbon: Bool = false, vcse: Bool = false) -> ContractFit {
        ContractFit(peopleOnContract: people, subcontracting: subcontracting, suitsApprenticesOrPlacements: apprenticeships,
                    contactWithSchools: schools, carbonIntensive: carbon, scopeForVCSESupport: vcse)
    }

    @Test("no people on the contract: no hiring or jobs measures at all")
    func noPeople() throws {
        let measures = try recommended(fit(subcontracting: true, apprenticeships: true, schools: true, carbon: true, vcse: true))
        for hiring in ["TOM1", "TOM3", "TOM6", "TOM4", "TOM4a", "TOM5a", "TOM58"] { #expect(!measures.contains(hiring), "\(hiring)") }
        #expect(measures.isSuperset(of: ["TOM18", "TOM10", "TOM8", "TOM31", "TOM15"]))
    }

    @Test("each answer brings its measures, and only then", arguments: [
        ("subcontracting", "TOM18"), ("carbon", "TOM31"), ("schools", "TOM8"), ("vcse", "TOM28"), ("apprenticeships", "TOM10"),
    ])
    func eachAnswer(answer: String, measure: String) throws {
        let yes = fit(subcontracting: answer == "subcontracting", apprenticeships: answer == "apprenticeships",
                      schools: answer == "schools", carbon: answer == "carbon", vcse: answer == "vcse")
        #expect(try recommended(yes).contains(measure))
        #expect(try !recommended(fit()).contains(measure))
    }

    @Test("young people's hiring measures need people and work that suits young people")
    func youngPeople() throws {
        #expect(try !recommended(fit(people: 5)).contains("TOM4a"))
        #expect(try recommended(fit(people: 5, apprenticeships: true)).contains("TOM4a"))
        let reasons = MeasureRecommendations.recommend(for: fit(people: 5, schools: true), available: try shippedData().frameworkMeasures)
        #expect(reasons.first { $0.measure.rawValue == "TOM5a" }?.reason
                == "people will work on the contract and the work suits young people starting out")
    }

    func shortList(_ fit: ContractFit) throws -> MeasureRecommendations.ShortList {
        let data = try shippedData()
        return MeasureRecommendations.shortList(for: fit, available: data.frameworkMeasures, options: data.framework.assessment)
    }

    @Test("every answer yes: a ranked short list of six, those fitting this contract in particular first, the rest left out with why")
    func shortListEverythingYes() throws {
        let list = try shortList(fit(people: 8, subcontracting: true, apprenticeships: true, schools: true, carbon: true, vcse: true))
        #expect(list.recommended.count == 6)
        let all = try recommended(fit(people: 8, subcontracting: true, apprenticeships: true, schools: true, carbon: true, vcse: true))
        #expect(list.recommended.count + list.alsoFit.count == all.count, "every fitting measure is either listed or left off with a reason")
        let data = try shippedData()
        let generic = Set(data.frameworkMeasures.filter { $0.recommendWhen == [.people] }.map(\.reference))
        #expect(list.recommended.allSatisfy { !generic.contains($0.measure) }, "measures that fit any contract with staff rank last")
        #expect(list.alsoFit.contains { generic.contains($0.measure) && $0.reason.hasSuffix("(so it fits any contract with staff)") })
        #expect(list.rule.contains("At most 6 measures, at least 1 on jobs or skills") && list.rule.contains("bradford.gov.uk"))
    }

    @Test("the short list keeps one on jobs or skills when one fits, even if it ranks lower")
    func shortListJobs() throws {
        // People, schools, the supply chain, carbon and voluntary groups: more particular measures fit than the list keeps.
        let list = try shortList(fit(people: 8, subcontracting: true, schools: true, carbon: true, vcse: true))
        let data = try shippedData()
        let jobs = Set(data.frameworkMeasures.filter { $0.recommendWhen.contains(.people) || $0.recommendWhen.contains(.apprenticeships) }.map(\.reference))
        #expect(list.recommended.count <= 6)
        #expect(list.recommended.contains { jobs.contains($0.measure) })
        // No people and no apprentices: nothing on jobs fits, and none is forced in.
        let none = try shortList(fit(subcontracting: true, carbon: true))
        #expect(!none.recommended.contains { jobs.contains($0.measure) })
        #expect(none.notFit.contains { $0.measure.rawValue == "TOM1" && $0.reason == "no one will work on the contract" })
    }
}
