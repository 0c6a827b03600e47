import Foundation

/// A council's published spending file ("spending over £500", under the Local Government
/// Transparency Code), read into payments: each row's date, supplier, amount, category and
/// postcode, placed inside or outside the local area by the supplier's postcode district.
/// Real files are messy, so dates are read in several forms, amounts with £ signs, commas and
/// credit notes (a minus sign or brackets), and a row that cannot be read is refused with its
/// line number, never silently dropped.
public struct SpendFile: Sendable {
    /// Which of the file's columns holds each field.
    public struct ColumnMap: Sendable, Hashable, Codable {
        public var date: String
        public var amount: String
        public var supplier: String
        public var category: String?
        public var postcode: String?
        /// A transaction number, when the file has one: it tells two equal payments apart.
        public var reference: String?

        public init(date: String, amount: String, supplier: String, category: String? = nil, postcode: String? = nil, reference: String? = nil) {
            self.date = date
            self.amount = amount
            self.supplier = supplier
            self.category = category
            self.postcode = postcode
            self.reference = reference
        }

        /// The names councils commonly use for each field, lower case.
        static let synonyms: [(field: String, names: [String])] = [
            ("date", ["payment date", "date paid", "transaction date", "date", "invoice date", "paid date"]),
            ("amount", ["amount", "net amount", "amount (£)", "amount £", "value", "total", "amount paid", "net value"]),
            ("supplier", ["supplier name", "supplier", "beneficiary", "vendor name", "vendor", "payee", "merchant name"]),
            ("category", ["expense type", "expenditure category", "category", "service", "expense area", "service area", "purpose", "cost centre description"]),
            ("postcode", ["supplier postcode", "postcode", "post code", "vendor postcode"]),
            ("reference", ["transaction number", "transaction no", "transaction id", "reference", "payment reference", "invoice number"]),
        ]

        /// The map found from a header row, or a description of what is missing.
        public static func detect(_ header: [String]) -> Result<ColumnMap, SpendFileError> {
            let lowered = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            var found: [String: String] = [:]
            for (field, names) in synonyms {
                if let name = names.first(where: { lowered.contains($0) }), let index = lowered.firstIndex(of: name) {
                    found[field] = header[index].trimmingCharacters(in: .whitespaces)
                }
            }
            let missing = ["date", "amount", "supplier"].filter { found[$0] == nil }
            guard missing.isEmpty else {
                return .failure(SpendFileError("The file's columns are " + header.map { "\"\($0)\"" }.joined(separator: ", ") + "; svwizard could not tell "
                    + "which holds the " + missing.joined(separator: " and ") + ". Give a column map with --map (svwizard guide spend-analysis shows one)."))
            }
            return .success(ColumnMap(date: found["date"]!, amount: found["amount"]!, supplier: found["supplier"]!, category: found["category"],
                                      postcode: found["postcode"], reference: found["reference"]))
        }
    }

    /// One payment, read and placed.
    public struct Payment: Sendable, Hashable {
        public var line: Int
        public var date: Day
        public var supplier: String
        public var amount: Money
        public var category: String
        public var postcode: String?
        public var district: String?
        public var locality: String
        /// Why it could not be placed, for `unplaced`.
        public var unplacedReason: String?
        public var reference: String?

        /// What makes two rows the same payment.
        public var fingerprint: String {
            [date.iso, supplier.lowercased(), DecimalText.plain(amount.roundedToPence), category.lowercased(), reference ?? ""].joined(separator: "\u{1F}")
        }
    }

    /// A row that could not be read.
    public struct Refused: Sendable, Hashable {
        public var line: Int
        public var reason: String
    }

    public var map: ColumnMap
    public var payments: [Payment]
    public var refused: [Refused]

    /// The largest file read, and the most rows.
    public static let largestFile = 200 * 1_048_576
    public static let mostRows = 2_000_000

    /// Reads `text` (the file's contents) with `map`, or the map detected from its header;
    /// `postcodes` gives a postcode for each supplier (by name, any case) when the file has none.
    public init(text: String, map given: ColumnMap?, postcodes: [String: String], localArea: LocalArea) throws {
        var rows = try CSVText.rows(text, limit: Self.mostRows + 1)
        guard !rows.isEmpty else { throw SpendFileError("The file is empty.") }
        let reader = try Reader(header: rows.removeFirst(), map: given, postcodes: postcodes, localArea: localArea)
        var payments: [Payment] = []
        var refused: [Refused] = []
        for (offset, row) in rows.enumerated() {
            switch reader.read(row, line: offset + 2) {
            case let .payment(payment)?: payments.append(payment)
            case let .refused(refusal)?: refused.append(refusal)
            case nil: break
            }
        }
        if payments.count + refused.count > Self.mostRows {
            throw SpendFileError("The file has more than \(Self.mostRows) rows; split it by month or year and import each part.")
        }
        self.map = reader.map
        self.payments = payments
        self.refused = refused
    }

    /// Reads a spending file's rows one at a time, so a file of any length is read in the same
    /// memory: the header decides the columns, then each row is a payment or a refusal.
    public struct Reader: Sendable {
        public let map: ColumnMap
        let header: [String]
        let dateColumn: Int, amountColumn: Int, supplierColumn: Int
        let categoryColumn: Int?, postcodeColumn: Int?, referenceColumn: Int?
        let byName: [String: String]
        let localArea: LocalArea

        public init(header: [String], map given: ColumnMap?, postcodes: [String: String], localArea: LocalArea) throws {
            let map: ColumnMap
            switch given.map(Result.success) ?? ColumnMap.detect(header) {
            case let .success(found): map = found
            case let .failure(error): throw error
            }
            let lowered = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            func column(_ name: String?) throws -> Int? {
                guard let name else { return nil }
                guard let index = lowered.firstIndex(of: name.lowercased()) else {
                    throw SpendFileError("The file has no column \"\(name)\"; its columns are " + header.prefix(40).map { "\"\($0)\"" }.joined(separator: ", ") + ".")
                }
                return index
            }
            self.map = map
            self.header = header
            dateColumn = try column(map.date)!
            amountColumn = try column(map.amount)!
            supplierColumn = try column(map.supplier)!
            categoryColumn = try column(map.category)
            postcodeColumn = try column(map.postcode)
            referenceColumn = try column(map.reference)
            byName = Dictionary(postcodes.map { ($0.key.lowercased().trimmingCharacters(in: .whitespaces), $0.value) }) { first, _ in first }
            self.localArea = localArea
        }

        /// What a row is.
        public enum Row: Sendable {
            case payment(Payment)
            case refused(Refused)
        }

        /// The payment on file line `line`, or why it is refused; nil for an empty row.
        public func read(_ row: [String], line: Int) -> Row? {
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return nil }
            if row.contains(where: { $0.unicodeScalars.contains("\u{FFFD}") }) {
                return .refused(Refused(line: line, reason: "it has bytes that are not UTF-8 text (the rest of the file is UTF-8); check the row "
                    + "and save the file as CSV (UTF-8)"))
            }
            // More fields than the header: usually an amount such as 1,200.00 written without quotes,
            // whose comma splits it and shifts every column after it. Never guessed at.
            if row.count > header.count {
                return .refused(Refused(line: line, reason: "it has \(row.count) fields where the header has \(header.count): a value with a comma "
                    + "(such as 1,200.00) is probably not in quotes, which shifts the columns after it. Put such values in double quotes"))
            }
            func field(_ index: Int?) -> String {
                guard let index, index < row.count else { return "" }
                return row[index].trimmingCharacters(in: .whitespaces)
            }
            guard let iso = DateText.parse(field(dateColumn)), let date = Day(iso: iso) else {
                return .refused(Refused(line: line, reason: "the date \"\(ShortText.shortened(field(dateColumn), limit: 60))\" is not a date"))
            }
            guard let amount = SpendFile.amount(field(amountColumn)) else {
                return .refused(Refused(line: line, reason: "the amount \"\(ShortText.shortened(field(amountColumn), limit: 60))\" is not an amount of money"))
            }
            if let problem = Limits.problem(amount: amount) {
                return .refused(Refused(line: line, reason: "the amount: \(problem)"))
            }
            let supplier = field(supplierColumn)
            var payment = Payment(line: line, date: date, supplier: supplier.isEmpty ? "(no name)" : supplier, amount: amount,
                                  category: field(categoryColumn).isEmpty ? "Not given" : field(categoryColumn), postcode: nil, district: nil,
                                  locality: "unplaced", unplacedReason: nil, reference: referenceColumn == nil ? nil : field(referenceColumn))
            let postcode = postcodeColumn.map { _ in field(postcodeColumn) }.flatMap { $0.isEmpty ? nil : $0 } ?? byName[supplier.lowercased()]
            if SpendFile.isRedacted(supplier) {
                payment.unplacedReason = "the supplier's name is redacted"
            } else if let postcode {
                payment.postcode = postcode
                switch localArea.locality(of: postcode) {
                case let .inside(district)?:
                    payment.locality = "local"
                    payment.district = district.code
                case let .partial(district)?:
                    payment.locality = "partial"
                    payment.district = district.code
                case let .outside(district)?:
                    payment.locality = "outside"
                    payment.district = district
                case nil:
                    payment.unplacedReason = "\"\(ShortText.shortened(postcode, limit: 40))\" is not a postcode"
                }
            } else {
                payment.unplacedReason = "no postcode for the supplier"
            }
            return .payment(payment)
        }
    }

    /// Whether `data`, which is not valid UTF-8 throughout, is still UTF-8 with a few bad bytes:
    /// it holds well-formed multi-byte sequences (a £ as C2 A3), and bad bytes are rarer than them.
    /// A Windows-1252 file has no such sequences (its £ is the single byte A3). The rule is
    /// `EncodingScan`'s, which reads a file in pieces.
    public static func looksLikeUTF8(_ data: Data) -> Bool {
        var scan = EncodingScan()
        data.withUnsafeBytes { scan.feed($0) }
        return scan.encoding == .utf8
    }

    /// An amount as spending files write it: `1234.56`, `£1,234.56`, `-250`, `(250.00)` (a credit
    /// note), `£-250.00`, ` 1 234.56 `. Nil when it is not one.
    public static func amount(_ text: String) -> Money? {
        var cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: "")
        var negative = false
        if cleaned.hasPrefix("(") && cleaned.hasSuffix(")") {
            negative = true
            cleaned = String(cleaned.dropFirst().dropLast())
        }
        if cleaned.hasPrefix("-") { negative.toggle(); cleaned.removeFirst() }
        if cleaned.hasPrefix("£") { cleaned.removeFirst() }
        if cleaned.hasPrefix("-") { negative.toggle(); cleaned.removeFirst() }
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isNumber || $0 == "." }), let value = DecimalText.parse(cleaned) else { return nil }
        return Money(negative ? -value : value)
    }

    /// Whether a supplier's name is withheld (councils redact payments to individuals).
    public static func isRedacted(_ name: String) -> Bool {
        let lowered = name.lowercased().trimmingCharacters(in: .whitespaces)
        return lowered.isEmpty || lowered.contains("redacted") || lowered.contains("personal data") || lowered.contains("withheld")
            || lowered.allSatisfy { $0 == "*" || $0 == "x" }
    }
}

/// Why a spending file could not be read.
public struct SpendFileError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// CSV as spreadsheets write it (RFC 4180): fields in double quotes may hold commas, line breaks
/// and doubled quotes; a byte order mark and CRLF line ends are allowed.
public enum CSVText {
    /// Every row of `text`, read by the same parser as a file streamed from disk (`CSVStream`).
    public static func rows(_ text: String, limit: Int) throws -> [[String]] {
        var rows: [[String]] = []
        var stream = CSVStream(encoding: .utf8)
        func keep(_ row: [String]) throws {
            rows.append(row)
            if rows.count > limit { throw SpendFileError("The file has more than \(limit - 1) rows; split it and import each part.") }
        }
        var bytes = Array(text.utf8)
        try bytes.withUnsafeMutableBytes { try stream.feed(UnsafeRawBufferPointer($0), keep) }
        try stream.finish(keep)
        return rows
    }
}

/// CSV read as it arrives, in pieces of any size, with the same rules as `CSVText`: memory
/// holds one row at a time, whatever the file's length. Fields are decoded from bytes with the
/// file's encoding (UTF-8, its bad bytes shown as U+FFFD, or Windows-1252); the bytes that
/// shape CSV (quote, comma, line ends) are the same in both.
public struct CSVStream {
    public enum Encoding: Sendable { case utf8, windows1252 }

    let encoding: Encoding
    var row: [String] = []
    var field: [UInt8] = []
    var quoted = false
    var afterQuote = false
    /// A quote seen at the end of a piece inside a quoted field: its meaning waits for the next byte.
    var pendingQuote = false
    /// A carriage return seen at the end of a piece: a following line feed belongs to it.
    var pendingReturn = false
    var started = false
    /// The file's line of the row being read (a row's line breaks inside quotes count).
    public private(set) var rowsEmitted = 0
    /// The longest field kept; a longer one is an error (a file that is not CSV, or a quote never closed).
    public static let longestField = 1_048_576

    public init(encoding: Encoding) { self.encoding = encoding }

    private func decode(_ bytes: [UInt8]) -> String {
        switch encoding {
        case .utf8: String(decoding: bytes, as: UTF8.self)
        case .windows1252: String(bytes: bytes, encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
        }
    }

    private mutating func endField() {
        row.append(decode(field))
        field.removeAll(keepingCapacity: true)
        afterQuote = false
    }

    private mutating func endRow(_ emit: ([String]) throws -> Void) rethrows {
        endField()
        let finished = row
        row = []
        rowsEmitted += 1
        try emit(finished)
    }

    /// Reads `bytes`, handing each complete row to `emit`.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer, _ emit: ([String]) throws -> Void) throws {
        var index = 0
        if !started {
            started = true
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if pendingReturn {
                pendingReturn = false
                if byte == UInt8(ascii: "\n") { continue }
            }
            if pendingQuote {
                pendingQuote = false
                if byte == UInt8(ascii: "\"") {
                    field.append(byte)
                    continue
                }
                quoted = false
                afterQuote = true
            }
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    pendingQuote = true
                } else {
                    field.append(byte)
                    if field.count > Self.longestField { throw SpendFileError(Self.fieldTooLong(rowsEmitted + 1)) }
                }
            } else if byte == UInt8(ascii: "\"") && field.isEmpty && !afterQuote {
                quoted = true
            } else if byte == UInt8(ascii: ",") {
                endField()
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r") { pendingReturn = true }
                try endRow(emit)
            } else {
                field.append(byte)
                if field.count > Self.longestField { throw SpendFileError(Self.fieldTooLong(rowsEmitted + 1)) }
            }
        }
    }

    /// Ends the file: the last row, if it has no line end, and a check that no quote is left open.
    public mutating func finish(_ emit: ([String]) throws -> Void) throws {
        if pendingQuote {
            pendingQuote = false
            quoted = false
            afterQuote = true
        }
        if quoted { throw SpendFileError("A quoted field is not closed: the file may be cut short.") }
        if !field.isEmpty || !row.isEmpty { try endRow(emit) }
    }

    static func fieldTooLong(_ row: Int) -> String {
        "Row \(row) has a field longer than \(longestField / 1_048_576) MB: this is not a spending file in CSV, or a quote is never closed."
    }
}

/// Decides a file's encoding from its bytes, read in pieces: UTF-8 when it is (or is UTF-8
/// with a few bad bytes, as `SpendFile.looksLikeUTF8` says), else Windows-1252.
public struct EncodingScan {
    var good = 0, bad = 0, ascii = 0
    /// The start of a multi-byte sequence cut at the end of a piece.
    var carry: [UInt8] = []

    public init() {}

    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        var data = carry
        carry = []
        data.reserveCapacity(data.count + bytes.count)
        data.append(contentsOf: bytes)
        var index = 0
        while index < data.count {
            let byte = data[index]
            let length = byte < 0x80 ? 1 : byte >= 0xC2 && byte <= 0xDF ? 2 : byte >= 0xE0 && byte <= 0xEF ? 3 : byte >= 0xF0 && byte <= 0xF4 ? 4 : 0
            if length == 1 {
                index += 1
                continue
            }
            if length > 1 && data.count - index < length {
                carry = Array(data[index...])
                return
            }
            if length > 1, data[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                good += 1
                index += length
            } else {
                bad += 1
                index += 1
            }
        }
    }

    /// The encoding, once every piece is fed.
    public var encoding: CSVStream.Encoding {
        let bad = self.bad + (carry.isEmpty ? 0 : 1)
        return bad == 0 || good > bad ? .utf8 : .windows1252
    }
}