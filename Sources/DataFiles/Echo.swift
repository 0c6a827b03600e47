import Foundation
import SocialValue

/// Text taken from a person or a file and quoted back in a message: never more than a line,
/// never with control characters, always saying how long it really was.
public enum Echo {
    /// The most characters of a value quoted in a message.
    public static let longestQuote = 60

    /// `text` in quotation marks, shortened (saying its real length) and with control
    /// characters shown as `?`.
    public static func quoted(_ text: String) -> String {
        let shortened = short(text)
        return shortened.hasSuffix("...") ? "\"\(shortened)\" (\(text.count.grouped) characters)" : "\"\(shortened)\""
    }

    /// `text` shortened to `longestQuote` characters (ending in "..." when cut), with control
    /// characters shown as `?`: for names and keys inside a message.
    public static func short(_ text: String) -> String { ShortText.shortened(text, limit: longestQuote) }

    /// A list of names, at most `limit` of them, then "and N more".
    public static func list(_ items: [String], limit: Int = 10) -> String {
        guard items.count > limit else { return items.joined(separator: ", ") }
        return items.prefix(limit).joined(separator: ", ") + " and \((items.count - limit).grouped) more"
    }

    /// A control character's plain name.
    public static func controlName(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: "Escape"
        case 0x0A: "a line break"
        case 0x0D: "a carriage return"
        case 0x00: "a zero byte"
        case 0x07: "a bell"
        case 0x08: "a backspace"
        case 0x01...0x1A: "Ctrl-" + String(UnicodeScalar(UInt8(scalar.value) + 0x40))
        default: String(format: "character %02X", scalar.value)
        }
    }
}

extension Int {
    /// The number with thousands separated by commas (`5,000,000`), the same in every locale.
    public var grouped: String { DecimalText.grouped(Decimal(self), places: 0) }
}
