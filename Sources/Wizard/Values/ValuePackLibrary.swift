import Foundation
import Questionnaire
import SocialValue

/// All value packs a person can use: those shipped with the data and those imported, with
/// the active one picked out.
public struct ValuePackLibrary: Sendable {
    private let data: DataSet
    public let imported: [ValuePack]
    public let store: PackStore

    public init(data: DataSet, store: PackStore) throws {
        self.data = data
        self.imported = try store.importedPacks()
        self.store = store
    }

    /// The packs shipped with the data (decoded when first needed).
    public var shipped: [ValuePack] { data.valuePacks }

    /// Every pack, shipped ones first.
    public var all: [ValuePack] { shipped + imported }

    /// The pack named `name`.
    public func pack(named name: String) -> ValuePack? {
        all.first { $0.name == name.lowercased() }
    }

    /// The active pack; falls back to the default if the chosen pack has gone.
    public var active: ValuePack? {
        pack(named: store.activePackName()) ?? pack(named: PackStore.defaultPackName) ?? all.first
    }

    /// Imports the CSV at `url` as a pack. On any error nothing is saved and the pack of the
    /// same name (if any) is kept as it was.
    public func importCSV(at url: URL, details: ValuePackCSV.Details, catalogue: Catalogue) throws -> ValuePack {
        guard ValuePackName.isValid(details.name) else {
            throw WizardError("\"\(details.name)\" cannot be a pack name. \(ValuePackName.rule)", status: .usage)
        }
        if shipped.contains(where: { $0.name == details.name }) {
            throw WizardError("\(details.name) is a pack shipped with svwizard and cannot be replaced. Choose another --name.",
                              status: .refused)
        }
        let text: String
        do {
            let data = try OutsideFile.contents(of: url, limit: OutsideFile.largestValuePack, what: "value pack")
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw WizardError("\(url.path) is not UTF-8 text. Save it from your spreadsheet as \"CSV UTF-8\".", status: .unreadable)
            }
            text = decoded
        } catch let error as WizardError {
            throw error
        } catch {
            throw WizardError("\(error)", status: .unreadable)
        }
        let imported: ValuePack
        do {
            imported = try ValuePackCSV.parse(text, file: url.lastPathComponent, details: details, catalogue: catalogue)
        } catch let errors as DataFileErrors {
            let kept = pack(named: details.name) != nil ? " The pack \(details.name) you had before is unchanged." : ""
            throw WizardError("Nothing was imported: \(url.lastPathComponent) has \(errors.errors.count) problem"
                + "\(errors.errors.count == 1 ? "" : "s").\(kept)\n" + errors.errors.map { "  " + $0.description }.joined(separator: "\n"),
                status: .refused)
        }
        try store.save(imported)
        return imported
    }
}
