import Foundation
import Testing
@testable import Questionnaire
@testable import SocialValue
@testable import Wizard

@Suite("Reading the measures")
struct CatalogueViewTests {
    @Test("the tree shows every measure under its theme and outcome, in the framework's order")
    func tree() throws {
        let harness = try TestHarness()
        let tree = harness.context.catalogueView.tree()
        var position = tree.startIndex
        for placement in harness.context.data.framework.placements {
            let row = try #require(tree.range(of: placement.headline.measure.rawValue + " ", range: position..<tree.endIndex),
                                   "\(placement.headline.measure) missing or out of order")
            position = row.upperBound
        }
        for theme in harness.context.data.framework.themes { #expect(tree.contains(theme.name)) }
    }

    @Test("a measure the pack does not value is shown as unvalued, never as £0")
    func unvalued() throws {
        let tree = try TestHarness().context.catalogueView.tree()
        let localSpend = try #require(tree.split(separator: "\n").first { $0.contains("TOM18") })
        #expect(localSpend.hasSuffix("unvalued"))
        #expect(!tree.contains("£0.00"))
        // At 80 columns the row is too wide for the columns side by side, so its value is stacked under it.
        let lines = tree.split(separator: "\n").map(String.init)
        let disabled = try #require(lines.firstIndex { $0.contains("TOM6 ") })
        #expect(lines[disabled + 1].contains("£12,769.68 per FTE (illustrative)"))
    }

    @Test("one measure in full has its wording, unit, definitions, counting rules, evidence, value and sources")
    func detail() throws {
        let harness = try TestHarness()
        let measure = try #require(harness.context.data.catalogue.measure(named: "tom3"))
        let text = harness.context.console.markdown.render(harness.context.catalogueView.detailMarkdown(measure))
        for expected in ["TOM 3: Long term unemployed", "long term unemployed", "Unit: full-time equivalent people (FTE)",
                         "long-term unemployed: Unemployed for a year or longer", "first year", "Evidence to keep",
                         "recruitment programme", "Unvalued in the workshop pack", "Sources", "lancashire.gov.uk"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }

    @Test("an illustrative value is labelled, with its edition, source and date")
    func illustrativeValue() throws {
        let harness = try TestHarness()
        let measure = try #require(harness.context.data.catalogue.measure(named: "TOM31"))
        let text = harness.context.console.markdown.render(harness.context.catalogueView.detailMarkdown(measure))
        #expect(text.contains("£273.06 per tonne CO2e (illustrative)"))
        #expect(text.contains("Edition: HM Government carbon values"))
        #expect(text.contains("Date: 2023-11"))
    }

    @Test("searching finds measures by a word in their text")
    func search() throws {
        let view = try TestHarness().context.catalogueView
        let result = view.search("apprentice")
        #expect(result.contains("TOM10"))
        #expect(!result.contains("TOM31"))
        #expect(view.search("zebra").contains("No measure mentions \"zebra\""))
    }

    @Test("the JSON has every measure, with null for an unvalued measure's value")
    func json() throws {
        let harness = try TestHarness()
        let data = harness.context.data
        let text = try CatalogueJSON(data: data, pack: harness.context.library.active, measures: data.frameworkMeasures).rendered()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let measures = try #require(object["measures"] as? [[String: Any]])
        #expect(measures.count == 18)
        let localSpend = try #require(measures.first { $0["reference"] as? String == "TOM18" })
        #expect(localSpend["valued"] as? Bool == false)
        #expect(localSpend["value"] is NSNull)
        let disabled = try #require(measures.first { $0["reference"] as? String == "TOM6" })
        #expect((disabled["value"] as? [String: Any])?["perUnit"] as? String == "12769.68")
        #expect(disabled["illustrative"] as? Bool == true)
    }
}

@Suite("Guidance")
struct GuideViewTests {
    @Test("every page renders wrapped to the width with no Markdown punctuation left")
    func everyPageRendersCleanly() throws {
        let harness = try TestHarness(width: 72)
        let view = harness.context.guideView
        for topic in harness.context.data.guidance {
            let page = try #require(view.render(topic.slug))
            for noise in ["**", "## ", "](", "`"] { #expect(!page.contains(noise), "\(topic.slug) shows \(noise)") }
            for line in page.split(separator: "\n") where !line.contains("http") {
                #expect(line.count <= 72, "\(topic.slug): \(line)")
            }
        }
    }

    @Test("a measure's page ends with the catalogue's facts; a reference finds the page")
    func measurePage() throws {
        let view = try TestHarness().context.guideView
        let page = try #require(view.render("TOM 4a"))
        #expect(page.contains("TOM 4a: Care leavers"))
        #expect(page.contains("The measure in the catalogue"))
        #expect(page.contains("Age band: people aged 16 to 25"))
    }

    @Test("the list names every topic; near misses are suggested")
    func listAndSuggestions() throws {
        let harness = try TestHarness()
        let view = harness.context.guideView
        let list = view.list()
        for topic in harness.context.data.guidance { #expect(list.contains(topic.slug)) }
        #expect(view.suggestions(for: "double").contains("double-counting"))
    }
}
