import SocialValue

/// Checks on value packs: a usable name, known measures, one value per measure, no negatives.
enum ValuePackChecks {
    static func check(_ pack: ValuePack, catalogue: Catalogue?, in file: YAMLFile) throws {
        var errors: [DataFileError] = []
        if !ValuePackName.isValid(pack.name) {
            errors.append(file.error(at: [.key("name")], message: "\"\(pack.name)\" is not a usable pack name", hint: ValuePackName.rule))
        }
        var seen: Set<MeasureReference> = []
        for (index, value) in pack.values.enumerated() {
            let path: [PathComponent] = [.key("values"), .index(index), .key("measure")]
            if let catalogue, catalogue.measure(value.measure) == nil {
                errors.append(file.error(at: path, message: "\(value.measure) is not a measure in \(DataSetLoader.measuresPath)",
                                         hint: "Use a reference from the catalogue, such as TOM1."))
            }
            if !seen.insert(value.measure).inserted {
                errors.append(file.error(at: path, message: "\(value.measure) has more than one value", hint: "Keep one value per measure."))
            }
        }
        if !errors.isEmpty { throw DataFileErrors(errors) }
    }

    static func duplicateNames(_ packs: [ValuePack], folder: String) -> [DataFileError] {
        var seen: Set<String> = []
        return packs.compactMap { pack in
            seen.insert(pack.name).inserted ? nil : DataFileError(
                file: folder, line: nil, field: "name", message: "two packs are both named \(pack.name)", hint: "Rename one of them.")
        }
    }
}

/// The rule for value pack names: short, lower case, typeable.
public enum ValuePackName {
    public static let rule = "Use lower-case letters, digits and hyphens, starting with a letter, such as toms-2024."

    public static func isValid(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter, name.count <= 40 else { return false }
        return name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}
