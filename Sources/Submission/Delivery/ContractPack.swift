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
        String(contract.reference.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }) + ".svcontract.json"
    }

    /// The pack's bytes: pretty-printed, keys sorted.
    public func encoded() throws -> Data { try JSONEncoder.stable.encode(self) + Data("\n".utf8) }
}

/// Plain-text tables: columns padded to the longest entry, figures (a column whose every entry
/// starts with a digit, £ or a minus sign) aligned right and words left, separated by three spaces.
public enum TextTable {
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

    /// A heading underlined to its length (at most 72 characters).
    public static func heading(_ text: String, underline: Character) -> [String] {
        [text, String(repeating: underline, count: min(text.count, 72))]
    }
}
