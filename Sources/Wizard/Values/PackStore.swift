import Foundation
import Questionnaire
import SocialValue

/// The value packs a person has imported and which pack is active, kept in svwizard's own
/// folder: `SVWIZARD_HOME`, else `$XDG_DATA_HOME/svwizard`, else `~/.local/share/svwizard`.
/// Files are written atomically, so a failed import never leaves a half-written pack.
public struct PackStore: Sendable {
    public let directory: URL
    /// The pack used when none has been chosen.
    public static let defaultPackName = "workshop"

    public init(directory: URL) { self.directory = directory }

    /// The store for this user, from the environment.
    public static func forUser(environment: [String: String]) -> PackStore {
        if let home = environment["SVWIZARD_HOME"], !home.isEmpty {
            return PackStore(directory: URL(fileURLWithPath: home))
        }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return PackStore(directory: URL(fileURLWithPath: data).appendingPathComponent("svwizard"))
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return PackStore(directory: home.appendingPathComponent(".local/share/svwizard"))
    }

    private var packsFolder: URL { directory.appendingPathComponent("value-packs") }
    private var settingsFile: URL { directory.appendingPathComponent("settings.json") }

    /// The imported packs, by name.
    public func importedPacks() throws -> [ValuePack] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: packsFolder.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            let url = packsFolder.appendingPathComponent(name)
            do {
                return try JSONDecoder().decode(ValuePack.self, from: Data(contentsOf: url))
            } catch {
                throw WizardError("The imported value pack \(url.path) cannot be read (\(error.localizedDescription)). "
                    + "Import it again with `svwizard values import`, or delete the file.", status: .unreadable)
            }
        }
    }

    /// Saves `pack`, replacing any imported pack of the same name.
    public func save(_ pack: ValuePack) throws {
        try writeAtomically(JSONEncoder.stable.encode(pack), to: packsFolder.appendingPathComponent(pack.name + ".json"))
    }

    /// The name of the active pack.
    public func activePackName() -> String {
        guard let data = try? Data(contentsOf: settingsFile),
              let settings = try? JSONDecoder().decode(Settings.self, from: data) else { return Self.defaultPackName }
        return settings.activePack
    }

    /// Makes `name` the active pack.
    public func setActivePack(_ name: String) throws {
        try writeAtomically(JSONEncoder.stable.encode(Settings(activePack: name)), to: settingsFile)
    }

    private func writeAtomically(_ data: Data, to url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw WizardError("Cannot write \(url.path) (\(error.localizedDescription)). "
                + "Check that the folder can be written, or set SVWIZARD_HOME to another folder.", status: .unreadable)
        }
    }

    private struct Settings: Codable {
        var activePack: String
    }
}
