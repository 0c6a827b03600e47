import Foundation
import SocialValue

/// Reads a buyer's value pack from CSV, as exported from its TOMs calculator or typed in a
/// spreadsheet: one row per measure, `measure reference, £ per unit`, with an optional third
/// column for a note. A header row is allowed. Every problem is reported with its row number.
public enum ValuePackCSV {
    /// The details that apply to every value in the file.
    public struct Details: Sendable {
        public var name: String
        public var title: String
        public var edition: String
        public var source: String
        public var date: String

        public init(name: String, title: String, edition: String, source: String, date: String) {
            self.name = name
            self.title = title
            self.edition = edition
            self.source = source
            self.date = date
        }
    }

    /// Parses `text` (the file at `file`) into a pack; throws `DataFileErrors` listing each bad row.
    public static func parse(_ text: String, file: String, details: Details, catalogue: Catalogue) throws -> ValuePack {
        var errors: [DataFileError] = []
        for (field, value) in [("name", details.name), ("title", details.title), ("edition", details.edition),
                               ("source", details.source), ("date", details.date)] {
            if let problem = AnswerLimits.problem(with: value, multiline: false) {
                errors.append(DataFileError(file: file, line: nil, field: field, message: problem.message, hint: "Give a short plain \(field)."))
            }
        }
        func fail(_ row: Int, _ message: String, _ hint: String) {
            errors.append(DataFileError(file: file, line: row, field: nil, message: "row \(row): " + message, hint: hint))
        }
        let rows = CSVReader.rows(in: text)
        var values: [ProxyValue] = []
        var firstRow: [MeasureReference: Int] = [:]
        for (index, cells) in rows.enumerated() {
            let row = index + 1
            let trimmed = cells.map { $0.trimmingCharacters(in: .whitespaces) }
            if trimmed.allSatisfy(\.isEmpty) { continue }
            if index == 0 && MeasureReference(trimmed[0]) == nil && trimmed.count > 1 && Money(parsing: trimmed[1]) == nil {
                continue // a header row such as "measure,value"
            }
            guard trimmed.count >= 2, trimmed.count <= 3 else {
                fail(row, "has \(trimmed.count) column\(trimmed.count == 1 ? "" : "s"), expected 2 or 3",
                     "Write the measure reference, then the £ per unit, then an optional note: TOM6,12769.68")
                continue
            }
            guard let reference = MeasureReference(trimmed[0]), catalogue.measure(reference) != nil else {
                fail(row, "\(Echo.quoted(trimmed[0])) is not a measure in the catalogue",
                     "Use a reference such as TOM1 or TOM4a; `svwizard measures` lists them.")
                continue
            }
            guard let perUnit = Money(parsing: trimmed[1]) else {
                fail(row, "\(Echo.quoted(trimmed[1])) is not an amount of pounds",
                     "Write a number of pounds per unit, such as 12769.68 (no negative values).")
                continue
            }
            if let earlier = firstRow[reference] {
                fail(row, "\(reference) already has a value on row \(earlier)", "Keep one row per measure.")
                continue
            }
            if let problem = AnswerLimits.problem(with: trimmed.count == 3 ? trimmed[2] : "", multiline: false) {
                fail(row, "its note: " + problem.message, "Keep the note to one short line of plain text.")
                continue
            }
            firstRow[reference] = row
            let note = trimmed.count == 3 && !trimmed[2].isEmpty ? trimmed[2] : nil
            values.append(ProxyValue(measure: reference, perUnit: perUnit, edition: details.edition,
                                     source: details.source, date: details.date, note: note))
        }
        if errors.isEmpty && values.isEmpty {
            errors.append(DataFileError(file: file, line: nil, field: nil, message: "has no values",
                                        hint: "Add one row per measure: TOM6,12769.68"))
        }
        guard errors.isEmpty else { throw DataFileErrors(errors) }
        return ValuePack(name: details.name, title: details.title, edition: details.edition, source: details.source,
                         date: details.date, illustrative: false, values: values.sorted { $0.measure < $1.measure })
    }
}

/// A small RFC 4180 CSV reader: quoted fields, doubled quotes, commas and newlines in quotes,
/// CRLF or LF line ends, and a UTF-8 byte order mark (as Excel writes).
enum CSVReader {
    static func rows(in text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var characters = text.hasPrefix("\u{FEFF}") ? Array(text.dropFirst()) : Array(text)
        characters = characters.filter { $0 != "\r" || inQuotes }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if inQuotes {
                if character == "\"" {
                    if index + 1 < characters.count && characters[index + 1] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                inQuotes = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
            index += 1
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
