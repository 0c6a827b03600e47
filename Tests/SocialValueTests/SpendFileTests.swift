import Foundation
import Testing
@testable import SocialValue

/// Spending files as councils publish them, mess included.
@Suite("Spending files")
struct SpendFileTests {
    static let area = LocalArea(name: "Rotherham borough", source: Source(title: "ONS"), districts: [
        PostcodeDistrict(code: "S60", coverage: .whole, places: "Town Centre"),
        PostcodeDistrict(code: "S62", coverage: .whole, places: "Rawmarsh"),
        PostcodeDistrict(code: "S63", coverage: .partial, places: "ROTHERHAM post town"),
    ])

    /// A published spending file with every kind of mess (`Tests/Fixtures/spend-2024.csv`, also used by the command-line tests).
    static let file = String(decoding: FileManager.default.contents(atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/spend-2024.csv").path) ?? Data(), as: UTF8.self)

    func read() throws -> SpendFile {
        try SpendFile(text: Self.file, map: nil, postcodes: ["parkgate print": "S62 6JX"], localArea: Self.area)
    }

    @Test("the columns are found by their usual names")
    func columns() throws {
        let file = try read()
        #expect(file.map == SpendFile.ColumnMap(date: "Payment Date", amount: "Amount", supplier: "Supplier Name", category: "Expense Type",
                                                  postcode: "Supplier Postcode", reference: "Transaction Number"))
    }

    @Test("dates in several forms, amounts with £ and commas, credit notes by minus or brackets")
    func messyValues() throws {
        let payments = try read().payments
        #expect(payments.map(\.date.iso) == ["2024-04-01", "2024-04-02", "2024-04-03", "2024-04-03", "2024-04-04", "2024-04-04", "2024-04-05", "2025-03-31"])
        #expect(payments.map(\.amount) == [1250, Decimal(string: "640.5")!, -250, 1000, 2000, 2000, -120, 900].map(Money.init))
        #expect(payments[6].supplier == "Leeds Legal, LLP")
        #expect(SpendFile.amount(" £ 1 234.56 ") == Money(Decimal(string: "1234.56")!))
        #expect(SpendFile.amount("-£5") == Money(-5) && SpendFile.amount("£(5)") == nil && SpendFile.amount("") == nil && SpendFile.amount("1e5") == nil)
    }

    @Test("every row is placed or counted: local, a district partly local, outside, redacted, and a postcode from the council's list")
    func placed() throws {
        let payments = try read().payments
        #expect(payments.map(\.locality) == ["local", "outside", "local", "unplaced", "partial", "partial", "outside", "local"])
        #expect(payments[3].unplacedReason == "the supplier's name is redacted")
        #expect(payments[7].postcode == "S62 6JX" && payments[7].district == "S62")
    }

    @Test("rows that cannot be read are refused with their line numbers, never dropped silently")
    func refused() throws {
        let refused = try read().refused
        #expect(refused.map(\.line) == [10, 11])
        #expect(refused[0].reason.contains("not a date") && refused[1].reason.contains("not an amount"))
    }

    @Test("an unquoted amount with a comma (1,200.00) shifts the columns: the row is refused, not stored as £1.00 paid to \"200.00\"")
    func unquotedComma() throws {
        let text = "Date,Supplier,Amount,Category\n2025-05-01,Acme Ltd,1,200.00,Works\n2025-05-02,Acme Ltd,\"1,200.00\",Works\n"
        let file = try SpendFile(text: text, map: nil, postcodes: [:], localArea: Self.area)
        #expect(file.payments.map(\.amount) == [Money(1200)])
        #expect(file.refused.map(\.line) == [2])
        #expect(file.refused.first?.reason.contains("has 5 fields where the header has 4") == true)
    }

    @Test("a repeated row has the same fingerprint (the import keeps one); equal payments with other references do not")
    func duplicates() throws {
        let payments = try read().payments
        #expect(payments[4].fingerprint == payments[5].fingerprint)
        #expect(Set(payments.map(\.fingerprint)).count == 7)
    }

    @Test("columns it cannot find are named, with the file's own")
    func unknownColumns() {
        #expect(throws: SpendFileError.self) { try SpendFile(text: "When,How much,Who\n1/4/24,10,A\n", map: nil, postcodes: [:], localArea: Self.area) }
        let mapped = try? SpendFile(text: "When,How much,Who\n1/4/24,10,A\n", map: .init(date: "When", amount: "How much", supplier: "Who"),
                                    postcodes: [:], localArea: Self.area)
        #expect(mapped?.payments.count == 1 && mapped?.payments.first?.unplacedReason == "no postcode for the supplier")
    }

    @Test("quoted fields keep commas, quotes and line breaks; an unclosed quote is refused")
    func csv() throws {
        #expect(try CSVText.rows("a,\"b, \"\"c\"\"\nd\",e\r\nf,g", limit: 10) == [["a", "b, \"c\"\nd", "e"], ["f", "g"]])
        #expect(throws: SpendFileError.self) { try CSVText.rows("a,\"b", limit: 10) }
        #expect(throws: SpendFileError.self) { try CSVText.rows("a\nb\nc\n", limit: 2) }
    }

    @Test("financial years run April to March")
    func financialYear() {
        #expect(ReportRange.financialYear(of: Day(iso: "2025-03-31")!, startMonth: 4) == "2024/25")
        #expect(ReportRange.financialYear(of: Day(iso: "2025-04-01")!, startMonth: 4) == "2025/26")
    }
}

extension SpendFileTests {
    @Test("one bad byte in a UTF-8 file: that row is refused, the rest read as UTF-8; a Windows-1252 file is still recognised")
    func badByte() throws {
        var data = Data("Date,Supplier,Amount,Category\n2025-05-01,Café Rotherham,£100.00,Food\n2025-05-02,Acme,£50.00,Works\n".utf8)
        data.append(contentsOf: [0x32, 0x30, 0x32, 0x35, 0x2D, 0x30, 0x35, 0x2D, 0x30, 0x33, 0x2C, 0x42, 0xFF, 0x2C, 0x31, 0x2C, 0x57, 0x0A])
        #expect(String(data: data, encoding: .utf8) == nil && SpendFile.looksLikeUTF8(data))
        let file = try SpendFile(text: String(decoding: data, as: UTF8.self), map: nil, postcodes: [:], localArea: Self.area)
        #expect(file.payments.map(\.supplier) == ["Café Rotherham", "Acme"])
        #expect(file.refused.map(\.line) == [4] && file.refused.first?.reason.contains("not UTF-8") == true)
        let windows = Data([0x41, 0x2C, 0xA3, 0x31, 0x30, 0x0A])  // "A,£10" in Windows-1252
        #expect(!SpendFile.looksLikeUTF8(windows))
    }
}
