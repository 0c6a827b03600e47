import Foundation

extension JSONEncoder {
    /// The encoder for every JSON file and report svwizard writes: keys sorted and pretty-printed,
    /// so the same values always give the same bytes and a person can read the file.
    public static var stable: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Compact JSON with sorted keys, for records kept inside the register.
    public static var compact: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as stable JSON text ending in a newline.
    public static func stableText<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try stable.encode(value), as: UTF8.self) + "\n"
    }
}
