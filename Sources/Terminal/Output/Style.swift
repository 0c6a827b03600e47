/// Text styling with ANSI escapes, switched off when output is not a terminal or when
/// `NO_COLOR` is set, so pipes and files get plain text.
public struct Style: Sendable {
    /// Whether escapes are written at all.
    public let enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// No styling.
    public static let plain = Style(enabled: false)

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func underline(_ text: String) -> String { wrap(text, "4") }
    /// For errors.
    public func red(_ text: String) -> String { wrap(text, "31") }
    /// For success.
    public func green(_ text: String) -> String { wrap(text, "32") }
    /// For warnings.
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    /// For references and commands.
    public func cyan(_ text: String) -> String { wrap(text, "36") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The number of columns `text` takes on screen, ignoring escapes.
    public static func visibleWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                width += 1
            }
        }
        return width
    }
}
