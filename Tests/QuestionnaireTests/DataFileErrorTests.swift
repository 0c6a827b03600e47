import BundledData
import Foundation
import Testing
@testable import Questionnaire

/// The shipped files with one file changed, to see how a council's mistake is reported.
func dataSet(replacing path: String, with edit: (String) -> String) -> DataSource {
    var files = BundledFiles.all
    files[path] = edit(files[path] ?? "")
    return MemoryDataSource(origin: "test", files: files)
}

func loadErrors(_ source: DataSource) -> [DataFileError] {
    do {
        _ = try DataSetLoader.load(from: source)
        return []
    } catch let errors as DataFileErrors {
        return errors.errors
    } catch {
        return [DataFileError(file: "?", line: nil, field: nil, message: "\(error)", hint: "")]
    }
}

/// The 1-based line of the first line containing `text`.
func line(of text: String, in path: String) -> Int? {
    BundledFiles.all[path]?.split(separator: "\n", omittingEmptySubsequences: false)
        .firstIndex { $0.contains(text) }.map { $0 + 1 }
}

@Suite("Data file errors name file, line and what to fix")
struct DataFileErrorTests {
    let framework = DataSetLoader.frameworkPath
    let measures = DataSetLoader.measuresPath

    @Test("an unknown measure in the framework")
    func unknownMeasure() throws {
        let errors = loadErrors(dataSet(replacing: framework) { $0.replacingOccurrences(of: "measure: TOM9 }", with: "measure: TOM99 }") })
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.file == framework)
        #expect(error.line == line(of: "measure: TOM9 }", in: framework))
        #expect(error.description.contains("TOM99 is not a measure"))
        #expect(error.description.contains("Fix:"))
    }

    @Test("a measure without a unit")
    func missingUnit() throws {
        let errors = loadErrors(dataSet(replacing: measures) { $0.replacingOccurrences(of: "    unit: weeks\n", with: "") })
        let error = try #require(errors.first)
        #expect(error.file == measures)
        #expect(error.line != nil)
        #expect(error.description.contains("`unit` is missing"))
        #expect(error.hint.contains("fte, weeks, hours, pounds, tonnesCO2e"))
    }

    @Test("a unit that is not one of the units")
    func badUnit() throws {
        let errors = loadErrors(dataSet(replacing: measures) { $0.replacingOccurrences(of: "unit: tonnesCO2e", with: "unit: kilograms") })
        let error = try #require(errors.first)
        #expect(error.line == line(of: "unit: tonnesCO2e", in: measures))
        #expect(error.field == "measures[17].unit")
        #expect(error.description.contains("kilograms"))
    }

    @Test("a duplicate measure reference")
    func duplicateReference() throws {
        let errors = loadErrors(dataSet(replacing: measures) { $0.replacingOccurrences(of: "reference: TOM16", with: "reference: TOM15") })
        let error = try #require(errors.first { $0.message.contains("listed twice") })
        #expect(error.line == line(of: "reference: TOM16", in: measures))
    }

    @Test("a bad number")
    func badNumber() throws {
        let errors = loadErrors(dataSet(replacing: measures) { text in
            guard let range = text.range(of: "input: { step: 0.5, minimum: 0 }") else { return text }
            return text.replacingCharacters(in: range, with: "input: { step: half, minimum: 0 }")
        })
        let error = try #require(errors.first)
        #expect(error.description.contains("half"))
        #expect(error.field == "measures[7].input.step")
        #expect(error.line == line(of: "input: { step: 0.5, minimum: 0 }", in: measures))
    }

    @Test("an unknown key, such as a misspelt field")
    func unknownKey() throws {
        let errors = loadErrors(dataSet(replacing: measures) { $0.replacingOccurrences(of: "    wording: Number of weeks of apprenticeships", with: "    wordng: Number of weeks of apprenticeships") })
        #expect(errors.contains { $0.message.contains("`wording` is missing") || $0.message.contains("`wordng` is not a field") })
    }

    @Test("a stray key left by a comma in a one-line entry")
    func strayKey() throws {
        let errors = loadErrors(dataSet(replacing: framework) {
            $0.replacingOccurrences(of: #"{ name: "Not in employment, education or training (NEETs)", measure: TOM4 }"#,
                                    with: "{ name: Not in employment, education or training (NEETs), measure: TOM4 }")
        })
        let error = try #require(errors.first)
        #expect(error.message.contains("education or training (NEETs)"))
        #expect(error.line == line(of: "measure: TOM4 }", in: framework))
    }

    @Test("a YAML syntax error")
    func syntax() throws {
        let errors = loadErrors(dataSet(replacing: framework) { $0.replacingOccurrences(of: "council: Rotherham", with: "council: [Rotherham") })
        let error = try #require(errors.first)
        #expect(error.file == framework)
        #expect(error.line != nil)
        #expect(error.message.contains("not valid YAML"))
    }

    @Test("a file from a newer svwizard")
    func newerVersion() throws {
        let errors = loadErrors(dataSet(replacing: framework) { $0.replacingOccurrences(of: "\nversion: 1\n", with: "\nversion: 7\n") })
        let error = try #require(errors.first)
        #expect(error.message.contains("version 7"))
        #expect(error.line == line(of: "version: 1", in: framework))
    }

    @Test("weightings that do not add up, and a district that is not a postcode district")
    func rulesAndDistricts() throws {
        let errors = loadErrors(dataSet(replacing: framework) {
            $0.replacingOccurrences(of: #"qualitativeShare: "50""#, with: #"qualitativeShare: "40""#)
                .replacingOccurrences(of: "code: S61", with: "code: Rotherham")
        })
        #expect(errors.count == 2)
        #expect(errors.contains { $0.message.contains("add up to 90%") })
        #expect(errors.contains { $0.message.contains("\"Rotherham\" is not a postcode district") && $0.line == line(of: "code: S61", in: framework) })
    }

    @Test("a value pack valuing a measure that does not exist")
    func packUnknownMeasure() throws {
        let path = DataSetLoader.valuePacksFolder + "/workshop.yaml"
        let errors = loadErrors(dataSet(replacing: path) { $0.replacingOccurrences(of: "measure: TOM31", with: "measure: TOM77") })
        let error = try #require(errors.first)
        #expect(error.file == path)
        #expect(error.line == line(of: "measure: TOM31", in: path))
    }

    @Test("a missing file")
    func missingFile() {
        var files = BundledFiles.all
        files[DataSetLoader.measuresPath] = nil
        let errors = loadErrors(MemoryDataSource(origin: "test", files: files))
        #expect(errors.first?.description.contains("measures.yaml: is missing") == true)
    }
}
