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
        let map = try mapPath.map { try Self.map(context.resolve($0)) }
        let postcodes = try postcodesPath.map { try Self.postcodes(context.resolve($0)) } ?? [:]
        let localArea = context.data.framework.localArea
        // Read twice, a piece at a time, so memory stays the same whatever the file's size: once
        // to tell its encoding, then to import it row by row in one transaction.
        let encoding = try Self.encoding(url, what: "spending file")
        let register = try RegisterAccess.open(registerURL, create: true)
        var reader: SpendFile.Reader?
        var refused: [SpendFile.Refused] = [], refusedCount = 0
        var unplaced: [SpendFile.Payment] = [], unplacedCount = 0
        // Lists kept for the message: all of them for --json, the first 50 otherwise.
        let kept = json ? Int.max : 50
        let result: SpendImport
        do {
            result = try RegisterAccess.translating {
                try register.importSpend(file: url.lastPathComponent, financialYearStartMonth: options.financialYearStartMonth) { insert in
                    // From the start each time: a shared register runs the import again when it clashed with another person's change.
                    (reader, refused, refusedCount, unplaced, unplacedCount) = (nil, [], 0, [], 0)
                    var stream = CSVStream(encoding: encoding)
                    var line = 1
                    func handle(_ row: [String]) throws {
                        defer { line += 1 }
                        guard let current = reader else {
                            reader = try SpendFile.Reader(header: row, map: map, postcodes: postcodes, localArea: localArea)
                            return
                        }
                        guard line <= SpendFile.mostRows + 1 else {
                            throw SpendFileError("The file has more than \(SpendFile.mostRows) rows; split it by month or year and import each part.")
                        }
                        switch current.read(row, line: line) {
                        case let .payment(payment)?:
                            try insert(payment)
                            if payment.locality == "unplaced" {
                                unplacedCount += 1
                                if unplaced.count < kept { unplaced.append(payment) }
                            }
                        case let .refused(refusal)?:
                            refusedCount += 1
                            if refused.count < kept { refused.append(refusal) }
                        case nil:
                            break
                        }
                    }
                    try OutsideFile.pieces(of: url, limit: SpendFile.largestFile, what: "spending file") { piece in
                        try stream.feed(piece, handle)
                    }
                    try stream.finish(handle)
                    if reader == nil { throw SpendFileError("The file is empty.") }
                }
            }
        } catch let error as SpendFileError {
            throw WizardError("\(url.lastPathComponent) was not imported: \(error.description)", status: .refused)
        } catch let error as OutsideFileError {
            throw WizardError("\(error)", status: .unreadable)
        }
        guard let map = reader?.map else { return .refused }
        if json {
            struct Outcome: Encodable {
                var file: String, imported: Int, duplicates: Int, total: Money
                var refused: [Line], unplaced: [Line]
                struct Line: Encodable { var line: Int; var reason: String }
            }
            context.console.writeData(try JSONEncoder.stableText(Outcome(
                file: url.lastPathComponent, imported: result.imported, duplicates: result.duplicates, total: result.total,
                refused: refused.map { .init(line: $0.line, reason: $0.reason) },
                unplaced: unplaced.map { .init(line: $0.line, reason: "\($0.supplier): \($0.unplacedReason ?? "")") })))
        } else {
            context.console.say("Imported \(result.imported) payment\(result.imported == 1 ? "" : "s") from \(url.lastPathComponent), "
                + "\(result.total) in all (columns: date \"\(map.date)\", amount \"\(map.amount)\", supplier \"\(map.supplier)\""
                + (map.category.map { ", category \"\($0)\"" } ?? "") + (map.postcode.map { ", postcode \"\($0)\"" } ?? "") + ").")
            if result.duplicates > 0 {
                context.console.say("\(result.duplicates) row\(result.duplicates == 1 ? " was" : "s were") left out as already imported (the same "
                    + "date, supplier, amount, category and reference).")
            }
            if unplacedCount > 0 {
                context.console.say("\(unplacedCount) payment\(unplacedCount == 1 ? "" : "s") could not be placed inside or outside the area; "
                    + "they are counted in the report as not placed:")
                for payment in unplaced.prefix(50) {
                    context.console.write("  line \(payment.line): \(payment.supplier), \(payment.amount): \(payment.unplacedReason ?? "")\n")
                }
                if unplacedCount > 50 { context.console.write("  and \(unplacedCount - 50) more (--json lists them all)\n") }
            }
        }
        if refusedCount > 0 {
            context.console.refuse("\(refusedCount) row\(refusedCount == 1 ? " was" : "s were") not imported:")
            for row in refused.prefix(50) { context.console.refuseLine("  line \(row.line): \(row.reason)") }
            if refusedCount > 50 { context.console.refuseLine("  and \(refusedCount - 50) more (--json lists them all)") }
            return .refused
        }
        return .success
    }

    /// The encoding of the file at `url`, read a piece at a time.
    static func encoding(_ url: URL, what: String) throws -> CSVStream.Encoding {
        var scan = EncodingScan()
        do {
            try OutsideFile.pieces(of: url, limit: SpendFile.largestFile, what: what) { scan.feed($0) }
        } catch let error as OutsideFileError {
            throw WizardError("\(error)", status: .unreadable)
        }
        return scan.encoding
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

    /// The council's list of suppliers' postcodes: a CSV of supplier name and postcode, read a
    /// row at a time.
    static func postcodes(_ url: URL) throws -> [String: String] {
        let encoding = try encoding(url, what: "supplier postcode list")
        var postcodes: [String: String] = [:]
        var stream = CSVStream(encoding: encoding)
        var first = true
        func handle(_ row: [String]) throws {
            defer { first = false }
            guard !first, row.count >= 2, !row[0].isEmpty else { return }
            guard postcodes.count < 1_000_000 else {
                throw SpendFileError("it lists more than 1,000,000 suppliers; it is probably not the council's list of suppliers and postcodes.")
            }
            postcodes[row[0]] = row[1]
        }
        do {
            try OutsideFile.pieces(of: url, limit: SpendFile.largestFile, what: "supplier postcode list") { try stream.feed($0, handle) }
            try stream.finish(handle)
        } catch let error as SpendFileError {
            throw WizardError("\(url.lastPathComponent) cannot be read as a list of suppliers' postcodes: \(error.description) " + Self.postcodeListShape,
                              status: .refused)
        } catch let error as OutsideFileError {
            throw WizardError("\(error)", status: .unreadable)
        }
        // A list where no second column is a postcode is the wrong file (or not a CSV at all).
        if !postcodes.isEmpty, !postcodes.values.contains(where: { LocalArea.district(of: $0) != nil }) {
            throw WizardError("\(url.lastPathComponent) has no postcodes in its second column, so it is not a list of suppliers' postcodes. "
                + Self.postcodeListShape, status: .refused)
        }
        return postcodes
    }

    static let postcodeListShape = "It should be a CSV of each supplier's name, then their postcode, with a header line, such as: "
        + "Supplier,Postcode then Maltby Joinery Ltd,S66 8AB."
}
