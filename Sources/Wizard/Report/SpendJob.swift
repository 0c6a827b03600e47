import Foundation
import Questionnaire
import Register
import SocialValue

/// `svwizard spend import FILE.csv`: the council's published payments into the register, each
/// placed inside or outside the local area by its supplier's postcode district.
public struct SpendJob {
    let context: AppContext
    let registerURL: URL

    public init(context: AppContext, registerPath: String?) {
        self.context = context
        self.registerURL = RegisterAccess.url(option: registerPath, context: context)
    }

    public func importFile(_ path: String, mapPath: String?, postcodesPath: String?, json: Bool) throws -> ExitStatus {
        let url = context.resolve(path)
        let options = try context.contractManagement()
        let text = try Self.text(url, what: "spending file")
        let map = try mapPath.map { try Self.map(context.resolve($0)) }
        let postcodes = try postcodesPath.map { try Self.postcodes(context.resolve($0)) } ?? [:]
        let file: SpendFile
        do {
            file = try SpendFile(text: text, map: map, postcodes: postcodes, localArea: context.data.framework.localArea)
        } catch let error as SpendFileError {
            throw WizardError("\(url.lastPathComponent) was not imported: \(error.description)", status: .refused)
        }
        let register = try RegisterAccess.open(registerURL, create: true)
        let result = try RegisterAccess.translating {
            try register.importSpend(file.payments, file: url.lastPathComponent, financialYearStartMonth: options.financialYearStartMonth)
        }
        let unplaced = file.payments.filter { $0.locality == "unplaced" }
        if json {
            struct Outcome: Encodable {
                var file: String, imported: Int, duplicates: Int, total: Money
                var refused: [Line], unplaced: [Line]
                struct Line: Encodable { var line: Int; var reason: String }
            }
            context.console.writeData(try JSONEncoder.stableText(Outcome(
                file: url.lastPathComponent, imported: result.imported, duplicates: result.duplicates, total: result.total,
                refused: file.refused.map { .init(line: $0.line, reason: $0.reason) },
                unplaced: unplaced.map { .init(line: $0.line, reason: "\($0.supplier): \($0.unplacedReason ?? "")") })))
        } else {
            context.console.say("Imported \(result.imported) payment\(result.imported == 1 ? "" : "s") from \(url.lastPathComponent), "
                + "\(result.total) in all (columns: date \"\(file.map.date)\", amount \"\(file.map.amount)\", supplier \"\(file.map.supplier)\""
                + (file.map.category.map { ", category \"\($0)\"" } ?? "") + (file.map.postcode.map { ", postcode \"\($0)\"" } ?? "") + ").")
            if result.duplicates > 0 {
                context.console.say("\(result.duplicates) row\(result.duplicates == 1 ? " was" : "s were") left out as already imported (the same "
                    + "date, supplier, amount, category and reference).")
            }
            if !unplaced.isEmpty {
                context.console.say("\(unplaced.count) payment\(unplaced.count == 1 ? "" : "s") could not be placed inside or outside the area; "
                    + "they are counted in the report as not placed:")
                for payment in unplaced.prefix(50) {
                    context.console.write("  line \(payment.line): \(payment.supplier), \(payment.amount): \(payment.unplacedReason ?? "")\n")
                }
                if unplaced.count > 50 { context.console.write("  and \(unplaced.count - 50) more (--json lists them all)\n") }
            }
        }
        if !file.refused.isEmpty {
            context.console.refuse("\(file.refused.count) row\(file.refused.count == 1 ? " was" : "s were") not imported:")
            for row in file.refused.prefix(50) { context.console.refuseLine("  line \(row.line): \(row.reason)") }
            return .refused
        }
        return .success
    }

    static func text(_ url: URL, what: String) throws -> String {
        do {
            let data = try OutsideFile.contents(of: url, limit: SpendFile.largestFile, what: what)
            if let text = String(data: data, encoding: .utf8) { return text }
            // A UTF-8 file with a few bad bytes stays UTF-8: the bad bytes become U+FFFD and their rows
            // are refused one by one (SpendFile), rather than the whole file read as another encoding.
            if SpendFile.looksLikeUTF8(data) { return String(decoding: data, as: UTF8.self) }
            // Older spreadsheets save as Windows-1252, where £ is byte 0xA3.
            if let text = String(data: data, encoding: .windowsCP1252) { return text }
            throw WizardError("\(url.lastPathComponent) is not text svwizard can read. Save it as CSV (UTF-8).", status: .unreadable)
        } catch let error as OutsideFileError {
            throw WizardError("\(error)", status: .unreadable)
        }
    }

    /// A column map: `date: Payment Date` lines, in YAML.
    static func map(_ url: URL) throws -> SpendFile.ColumnMap {
        let value: JSONValue
        do {
            value = try OutsideFile.yamlDocument(url, limit: 65_536, what: "column map", schema: "spend-map.schema.json", start: "`date: Payment Date`")
        } catch {
            throw WizardError("\(error)", status: .refused)
        }
        let fields = value.members.compactMapValues(\.text)
        return SpendFile.ColumnMap(date: fields["date"] ?? "", amount: fields["amount"] ?? "", supplier: fields["supplier"] ?? "",
                                   category: fields["category"], postcode: fields["postcode"], reference: fields["reference"])
    }

    /// The council's list of suppliers' postcodes: a CSV of supplier name and postcode.
    static func postcodes(_ url: URL) throws -> [String: String] {
        let text = try text(url, what: "supplier postcode list")
        let rows: [[String]]
        do {
            rows = try CSVText.rows(text, limit: 1_000_000)
        } catch let error as SpendFileError {
            throw WizardError("\(url.lastPathComponent): \(error.description)", status: .refused)
        }
        var postcodes: [String: String] = [:]
        for row in rows.dropFirst() where row.count >= 2 && !row[0].isEmpty { postcodes[row[0]] = row[1] }
        return postcodes
    }
}
