import BundledData
import CompiledData
import Foundation
import Testing
@testable import Questionnaire
import SocialValue

/// The data built into the binary as JSON is the YAML, read and checked: the same framework,
/// catalogue, packs, flows and scenarios, part by part.
@Suite("The compiled built-in data equals its YAML")
struct CompiledDataTests {
    @Test("every part decodes to exactly what loading the YAML gives")
    func sameAsYAML() throws {
        let yaml = try shippedData()
        let compiled = CompiledDataSet.dataSet(origin: "built-in data", parts: CompiledData.parts,
                                               guidance: MemoryDataSource(origin: "built-in data", files: BundledFiles.all))
        #expect(compiled.framework == yaml.framework)
        #expect(compiled.catalogue == yaml.catalogue)
        #expect(compiled.valuePacks == yaml.valuePacks)
        #expect(compiled.flows == yaml.flows)
        #expect(compiled.workshops == yaml.workshops)
        #expect(compiled.guidance == yaml.guidance)
        #expect(compiled.frameworkMeasures == yaml.frameworkMeasures)
        #expect(compiled.summary == yaml.summary && compiled.summary.measureCount == 18 && !compiled.summary.packs.isEmpty)
        #expect(CompiledData.parts.keys.sorted() == CompiledDataSet.partNames.sorted())
    }

    @Test("compiling is deterministic: the same data gives the same texts")
    func deterministic() throws {
        let data = try shippedData()
        #expect(try CompiledDataSet.compile(data) == CompiledDataSet.compile(data))
        #expect(try CompiledDataSet.compile(data) == CompiledData.parts)
    }
}

@Suite("The framework's scoring options")
struct EvaluationOptionsTests {
    @Test("four methods, a cited target to start from and two scales, each score described")
    func shipped() throws {
        let options = try #require(try shippedData().framework.evaluation)
        #expect(options.methods.map(\.id) == ["relativeToHighest", "relativeToTarget", "bands", "passFail"])
        #expect(options.methods.allSatisfy { !$0.formula.isEmpty && !$0.source.isEmpty })
        #expect(options.targetPerPound.value.value == Decimal(string: "0.25"))
        #expect(options.targetPerPound.source.contains("Essex"))
        #expect(options.scales.map(\.id) == ["zeroToFive", "percentBands"])
        #expect(options.scales.map(\.highest) == [5, 100])
        #expect(options.scales.allSatisfy { $0.points.allSatisfy { !$0.descriptor.isEmpty } })
    }
}
