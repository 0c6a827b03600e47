import Foundation

/// Writes the Swift source the build tools generate: a dictionary of texts held in raw string
/// literals, so any text (Markdown, YAML, JSON) is kept exactly as it is.
public enum GeneratedSource {
    /// `extension TYPE { static let generated: [String: String] = [...] }` for `entries`, in order.
    public static func dictionary(extending type: String, madeBy tool: String, from source: String, entries: [(key: String, text: String)]) -> String {
        var swift = """
            // Generated at build time by \(tool) from \(source). Do not edit.

            extension \(type) {
                static let generated: [String: String] = [

            """
        for (key, text) in entries {
            let keyHashes = delimiter(for: key)
            let hashes = delimiter(for: text)
            swift += "        \(keyHashes)\"\(key)\"\(keyHashes): \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
        }
        return swift + "    ]\n}\n"
    }

    /// Writes `swift` to `url`, or ends the tool with the reason (the build then stops).
    public static func write(_ swift: String, to url: URL, tool: String) {
        do {
            try swift.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("\(tool): cannot write \(url.path): \(error)\n".utf8))
            exit(73)
        }
    }

    /// A raw string literal delimiter longer than any run of `#` in the text.
    static func delimiter(for text: String) -> String {
        var longest = 0
        var run = 0
        for byte in text.utf8 {
            run = byte == UInt8(ascii: "#") ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "#", count: longest + 1)
    }
}
