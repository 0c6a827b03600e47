import Foundation
import Register
import SocialValue

/// Where the register is: `--register FILE`, else `SVWIZARD_REGISTER`, else `register.sqlite` in
/// svwizard's folder for this user (`SVWIZARD_HOME`, else `$XDG_DATA_HOME/svwizard`, else
/// `~/.local/share/svwizard`, as for value packs). Register problems become plain messages with
/// exit statuses.
public enum RegisterAccess {
    public static func url(option: String?, context: AppContext, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let option, !option.isEmpty { return address(option, context: context) }
        if let path = environment["SVWIZARD_REGISTER"], !path.isEmpty { return address(path, context: context) }
        return PackStore.forUser(environment: environment).directory.appendingPathComponent("register.sqlite")
    }

    /// A register file's path, or a shared register's `postgresql://` address, as a URL.
    static func address(_ text: String, context: AppContext) -> URL {
        guard PostgresLocation.isAddress(text) else { return context.resolve(text) }
        guard let url = URL(string: text), URLComponents(string: text) != nil else { return PostgresLocation.address(unreadable: text) }
        return url
    }

    /// Opens the register (an SQLite file or a shared PostgreSQL register, `Registers.open`
    /// chooses); `create` makes a new one where there is none.
    static func open(_ url: URL, create: Bool) throws -> RegisterStore {
        try translating { try Registers.open(url, create: create) }
    }

    /// Runs `body`, turning a register problem into a `WizardError`.
    static func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RegisterError {
            let status: ExitStatus = switch error.kind {
            case .notARegister, .damaged, .newer, .unwritable: .unreadable
            case .missing, .busy, .unknownContract, .duplicate, .refused: .refused
            case .unavailable: .unavailable
            }
            throw WizardError(error.description, status: status)
        }
    }
}

extension Day {
    /// A date typed on the command line (`--on 1 March 2026`, `2026-03-01`), or today when none was given.
    static func given(_ text: String?, option: String) throws -> Day {
        guard let text else { return today() }
        guard let iso = DateText.parse(text), let day = Day(iso: iso) else {
            throw WizardError("\(option) \(text) is not a date svwizard understands. \(DateText.rule)", status: .usage)
        }
        return day
    }
}

extension AppContext {
    /// The framework's contract management options (reporting year, periods, RAG, living wage),
    /// or an error naming what framework.yaml lacks.
    func contractManagement() throws -> ContractManagementOptions {
        guard let options = data.framework.contractManagement else {
            throw WizardError("The framework has no contractManagement section (the reporting year, period length and RAG thresholds), "
                + "so contracts cannot be scheduled. Add it to framework.yaml; svwizard's own framework.yaml shows it.", status: .dataFiles)
        }
        return options
    }
}

extension AppContext {
    /// How far outside a contract's dates evidence may be dated: the council's choice in
    /// framework.yaml (contractManagement.evidenceMargin), none when it sets none.
    var evidenceMarginDays: Int { data.framework.contractManagement?.evidenceMargin?.days ?? 0 }
}
