/// Text from a person or a file, made safe to quote in a message: control characters (which
/// a terminal would act on) shown as `?`, and cut short with "..." past a limit, so a 5 MB
/// value or a hostile name never floods or drives the screen.
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
}
