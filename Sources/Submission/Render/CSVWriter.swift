import SocialValue

/// The one way svwizard writes CSV (commitments.csv, evaluation.csv, report.csv): UTF-8 with a
/// byte order mark and CRLF line ends (so Excel and LibreOffice open it cleanly), every field
/// quoted as RFC 4180 requires, and any cell that a spreadsheet could run as a formula
/// (starting `=`, `+`, `-`, `@`, tab or carriage return) neutralised with a leading apostrophe,
/// as OWASP advises against CSV injection.
public enum CSVWriter {
    /// The byte order mark every file starts with.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// One row, its cells neutralised and quoted, ended with CRLF.
    public static func row(_ cells: [String]) -> String {
        var bytes: [UInt8] = []
        appendRow(cells, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one row; `ending: false` leaves it open for more cells.
    public static func appendRow(_ cells: [String], to bytes: inout [UInt8], ending: Bool = true) {
        for (index, text) in cells.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendCell(text, to: &bytes)
        }
        if ending { bytes += [UInt8(ascii: "\r"), UInt8(ascii: "\n")] }
    }

    /// One field: neutralised if a spreadsheet could take it for a formula, then quoted.
    public static func cell(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendCell(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one field, as `cell` makes it. Each character that starts a formula is ASCII, so
    /// the first byte tells.
    public static func appendCell(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        if let first = text.utf8.first, formulaStarts.contains(first) { bytes.append(UInt8(ascii: "'")) }
        FastText.append(text, replacing: quotes, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    private static let formulaStarts: Set<UInt8> = Set("=+-@\t\r".utf8)

    private static let quotes = FastText.Replacements([UInt8(ascii: "\""): "\"\""])
}
