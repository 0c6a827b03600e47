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
