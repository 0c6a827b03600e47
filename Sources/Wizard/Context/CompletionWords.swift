import Foundation
import Questionnaire

/// The words the shell completes for svwizard's arguments that name things in the data:
/// guidance topics, measure references, workshop scenarios, value packs. Read from the data
/// in use (`SVWIZARD_DATA`, or the built-in data) when the shell asks, so a council's own
/// topics and measures complete too.
public enum CompletionWords {
    public enum Kind: Sendable {
        case topics, measures, scenarios, packs
    }

    /// The words of `kind` that start with `prefix` (any case); empty if the data cannot be read.
    public static func words(_ kind: Kind, prefix: String,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        guard let source = try? DataLocation.source(option: nil, environment: environment),
              let data = try? DataLocation.load(from: source) else { return [] }
        let all: [String]
        switch kind {
        case .topics: all = data.guidance.map(\.slug)
        case .measures: all = data.frameworkMeasures.map(\.reference.rawValue)
        case .scenarios: all = data.workshops.map(\.name)
        case .packs:
            let library = try? ValuePackLibrary(data: data, store: PackStore.forUser(environment: environment))
            all = library?.all.map(\.name) ?? data.valuePacks.map(\.name)
        }
        return all.filter { $0.lowercased().hasPrefix(prefix.lowercased()) }.sorted()
    }
}
