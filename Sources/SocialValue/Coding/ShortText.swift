/// Text from a person or a file, made safe to show: the one sanitiser for every place outside
/// text reaches a terminal, an HTML page or a Markdown file. Control characters (which a
/// terminal would act on: escape sequences, bells, cursor moves) are shown as `?`; a message
/// can also cut a long text short with "...", so a 5 MB value or a hostile name never floods or
/// drives the screen.
public enum ShortText {
    /// Whether `scalar` is a control character (C0, DEL or C1).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// `text` with control characters as `?`, at most `limit` characters then "...".
    public static func shortened(_ text: String, limit: Int) -> String {
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit + 1).map { isControl($0) ? "?" : $0 }))
        return cleaned.count > limit ? String(cleaned.prefix(limit)) + "..." : cleaned
    }

    /// `text` made inert: every control character but line breaks and tabs shown as `?` (a
    /// carriage return before a line break dropped). With `keepingStyle`, svwizard's own colour
    /// codes (`ESC [ digits ; digits m`, which only change colour) are kept; nothing else is.
    /// Text with no control character (almost all) is returned as it is.
    public static func inert(_ text: String, keepingStyle: Bool = false) -> String {
        guard needsCleaning(text) else { return text }
        var scalars = String.UnicodeScalarView()
        let input = Array(text.unicodeScalars)
        var index = 0
        while index < input.count {
            let scalar = input[index]
            if keepingStyle, scalar == "\u{1B}", let end = styleEnd(input, from: index) {
                scalars.append(contentsOf: input[index...end])
                index = end + 1
                continue
            }
            if scalar == "\r", index + 1 < input.count, input[index + 1] == "\n" {
                // A Windows line end: the line break is kept.
            } else if scalar == "\n" || scalar == "\t" || !isControl(scalar) {
                scalars.append(scalar)
            } else {
                scalars.append("?")
            }
            index += 1
        }
        return String(scalars)
    }

    /// Whether `text` holds a control character other than a line break or tab, byte by byte:
    /// C0 and DEL are single bytes, C1 is 0xC2 followed by 0x80 to 0x9F.
    static func needsCleaning(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte)) {
                return true
            }
            previous = byte
        }
        return false
    }

    /// The index of the `m` that ends a colour code starting at `start`, if it is one.
    private static func styleEnd(_ input: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < input.count, input[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < input.count, index - start < 16 {
            let scalar = input[index]
            if scalar == "m" { return index }
            guard ("0"..."9").contains(scalar) || scalar == ";" else { return nil }
            index += 1
        }
        return nil
    }
}
