import Foundation
import SocialValue

/// `REF.svcontract.json`: what the council sends the supplier after award, so the supplier can
/// prepare each delivery return offline: the contract's commitments, their schedule by reporting
/// period and the evidence each measure asks for. Published schema: `contract.schema.json`.
public struct ContractPack: Sendable, Hashable, Codable {
    public static let schemaName = "svwizard-contract"
    public static let currentSchemaVersion = 1
    /// The largest pack svwizard reads.
    public static let largestFile = 8 * 1_048_576

    public var schema: String
    public var schemaVersion: Int
    public var toolVersion: String
    public var contract: ContractTerms

    public init(toolVersion: String, contract: ContractTerms) {
        schema = Self.schemaName
        schemaVersion = Self.currentSchemaVersion
        self.toolVersion = toolVersion
        self.contract = contract
    }

    /// The pack's file name: `REF.svcontract.json`, the reference made safe for a file name.
    public var fileName: String {
        DeliveryReturn.safeName(contract.reference) + ".svcontract.json"
    }

    /// The pack's bytes: pretty-printed, keys sorted.
    public func encoded() throws -> Data { try JSONEncoder.stable.encode(self) + Data("\n".utf8) }
}

/// Plain-text tables: columns padded to the longest entry, figures (a column whose every entry
/// starts with a digit, £ or a minus sign) aligned right and words left, separated by three spaces.
public enum TextTable {
    /// The table, or where it would be wider than `width`, each row as a block: its first cell,
    /// then each other cell under its heading (so a narrow screen shows it without wrapping).
    public static func render(width: Int = 80, header: [String], rows: [[String]]) -> [String] {
        let table = render(header: header, rows: rows)
        guard table.contains(where: { $0.count > width }) else { return table }
        return rows.flatMap { row in
            [row[0]] + zip(header, row).dropFirst().map { "  \($0.0): \($0.1)" }
        }
    }

    public static func render(header: [String], rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        let figures = header.indices.map { column in
            column > 0 && rows.allSatisfy { $0[column].first.map { $0.isNumber || $0 == "£" || $0 == "-" } ?? true }
        }
        return all.map { row in
            let cells = row.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                return figures[column] ? padding + row[column] : row[column] + padding
            }
            var line = cells.joined(separator: "   ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// A paragraph broken at spaces into lines of at most `width` characters, continuation
    /// lines indented by two spaces (a word longer than the width stays whole).
    /// `text` wrapped for a screen `width` wide: the files' 78 columns on any usual terminal, less on a narrow one.
    public static func wrap(width: Int, _ text: String) -> [String] { wrap(text, width: width >= 79 ? 78 : width - 2) }

    public static func wrap(_ text: String, width: Int = 78) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let indent = lines.isEmpty ? "" : "  "
            if !line.isEmpty && indent.count + line.count + 1 + word.count > width {
                lines.append(indent + line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        if !line.isEmpty { lines.append((lines.isEmpty ? "" : "  ") + line) }
        return lines
    }

    /// A heading wrapped to `width`, underlined to its longest line.
    public static func heading(width: Int, _ text: String, underline: Character) -> [String] {
        guard text.count > width, width < 79 else { return heading(text, underline: underline) }
        let lines = wrap(text, width: width).map { $0.trimmingCharacters(in: .whitespaces) }
        return lines + [String(repeating: underline, count: min(lines.map(\.count).max() ?? 0, 72))]
    }

    /// A heading underlined to its length (at most 72 characters).
    public static func heading(_ text: String, underline: Character) -> [String] {
        [text, String(repeating: underline, count: min(text.count, 72))]
    }
}
