import BundledData
import Foundation
import Questionnaire
import SocialValue
import Submission
import ZIPFoundation

/// A response to bundle, built on the shipped data, with text the tests can make hostile.
enum Sample {
    static let data: DataSet = try! DataSetLoader.load(from: MemoryDataSource(origin: "built-in data", files: BundledFiles.all))
    static var pack: ValuePack { data.valuePacks.first { $0.name == "workshop" }! }

    static func response(delivery: String = "One apprentice joiner from month 1.", name: String = "Maltby Joinery Ltd",
                         partner: String? = "Rotherham College", evidence: String = "Timesheets.") -> TenderResponse {
        let reference = { (text: String) in MeasureReference(text)! }
        return TenderResponse(
            tender: TenderSpecification(buyer: "Rotherham MBC", reference: "RMBC-2025-041", title: "Thermal works", contractValue: Money(450_000),
                                        startDate: "2025-04-01", years: 2, adoptedMeasures: data.framework.measureReferences),
            supplier: Supplier(name: name, postcode: "S60 1AE", isLocal: true, size: .small, kind: .company, workforce: 5, newHires: 1,
                               livingWage: .some),
            commitments: [
                Commitment(measure: reference("TOM10"), quantities: [52, 52], delivery: delivery, partner: partner, evidence: evidence),
                Commitment(measure: reference("TOM6"), quantities: [1, 0], people: 1, delivery: "Recruit with a local service.",
                           partner: "Local disability service", evidence: "Recruitment records."),
                Commitment(measure: reference("TOM31"), quantities: [Decimal(string: "2.5")!, 3], delivery: "Electric vans.",
                           partner: "Local garage", evidence: "Mileage logs."),
            ],
            peopleCountedTwice: nil, deliveryDocument: "Month 1: apprentice starts.")
    }

    static func document(_ response: TenderResponse = response()) -> SubmissionDocument {
        SubmissionDocument(toolVersion: "0.1.0", framework: data.framework, response: response, pack: pack, catalogue: data.catalogue)
    }

    static var validator: BundleValidator {
        BundleValidator(framework: data.framework, catalogue: data.catalogue, toolVersion: "0.1.0", schemas: try! PublishedSchemas.set())
    }

    /// The files of a bundle, by name, in bundle order.
    static func files(_ bundle: Data) throws -> [(name: String, data: Data)] {
        let archive = try Archive(data: bundle, accessMode: .read)
        return try archive.map { entry in
            var content = Data()
            _ = try archive.extract(entry) { content.append($0) }
            return (entry.path, content)
        }
    }

    /// A bundle rebuilt from `files`, optionally with a fresh manifest for them.
    static func rezip(_ files: [(name: String, data: Data)], refreshManifest: Bool = false) throws -> Data {
        var writer = ZipWriter()
        var contents = files.filter { $0.name != "manifest.json" || !refreshManifest }
        if refreshManifest {
            let manifest = Manifest(toolVersion: "0.1.0", files: contents)
            contents.append(("manifest.json", try JSONEncoder.stable.encode(manifest)))
        }
        for file in contents { writer.add(name: file.name, data: file.data) }
        return writer.archive()
    }

    static func replacing(_ name: String, in files: [(name: String, data: Data)], with edit: (Data) -> Data) -> [(name: String, data: Data)] {
        files.map { $0.name == name ? ($0.name, edit($0.data)) : $0 }
    }
}
