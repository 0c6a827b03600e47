import Foundation
import Testing
@testable import Questionnaire
@testable import SocialValue

@Suite("Importing a value pack from CSV")
struct ValuePackCSVTests {
    let details = ValuePackCSV.Details(name: "toms-test", title: "Test", edition: "Test edition", source: "Test source", date: "2024-04-01")

    func parse(_ text: String) throws -> ValuePack {
        try ValuePackCSV.parse(text, file: "values.csv", details: details, catalogue: try shippedData().catalogue)
    }

    func rowErrors(_ text: String) -> [DataFileError] {
        do {
            _ = try parse(text)
            return []
        } catch let errors as DataFileErrors {
            return errors.errors
        } catch {
            return []
        }
    }

    @Test("reads a header, quoted amounts with £ and commas, notes, CRLF line ends and a byte order mark")
    func readsSpreadsheetCSV() throws {
        let pack = try parse("\u{FEFF}measure,value,note\r\nTOM6,\"£12,769.68\",launch edition\r\ntom 31,245,\r\n")
        #expect(pack.values.count == 2)
        #expect(pack.value(for: MeasureReference("TOM6")!)?.perUnit == Money(Decimal(string: "12769.68")!))
        #expect(pack.value(for: MeasureReference("TOM6")!)?.note == "launch edition")
        #expect(pack.value(for: MeasureReference("TOM31")!)?.edition == "Test edition")
        #expect(!pack.illustrative)
    }

    @Test("each bad row is reported with its number")
    func rowNumbers() {
        let errors = rowErrors("measure,value\nTOM6,12769.68\nTOM99,5\nTOM31,lots\nTOM6,1\nTOM1\nTOM9,-3\n")
        #expect(errors.map(\.line) == [3, 4, 5, 6, 7])
        #expect(errors[0].message.contains("row 3") && errors[0].message.contains("TOM99"))
        #expect(errors[1].message.contains("\"lots\" is not an amount"))
        #expect(errors[2].message.contains("already has a value on row 2"))
        #expect(errors[3].message.contains("1 column"))
        #expect(errors[4].message.contains("\"-3\""))
    }

    @Test("an empty file is refused")
    func empty() {
        #expect(rowErrors("measure,value\n").first?.message == "has no values")
    }
}
