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
}
