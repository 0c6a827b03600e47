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

    /// The array of `elements`, each as `stable` wrote it on its own, exactly as `stable` writes
    /// the whole array: each line indented two spaces (empty lines stay empty), ",\n" between.
    /// Lets elements be encoded on several threads and joined at the end.
    public static func stableArray(_ elements: [Data]) -> Data {
        var text: [UInt8] = Array("[\n".utf8)
        text.reserveCapacity(elements.reduce(0) { $0 + $1.count + $1.count / 8 } + 8)
        for (index, element) in elements.enumerated() {
            if index > 0 { text += Array(",\n".utf8) }
            element.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var lineStart = true
                for byte in bytes {
                    if lineStart && byte != UInt8(ascii: "\n") {
                        text.append(UInt8(ascii: " "))
                        text.append(UInt8(ascii: " "))
                    }
                    text.append(byte)
                    lineStart = byte == UInt8(ascii: "\n")
                }
            }
        }
        text += Array("\n]".utf8)
        return Data(text)
    }
}
