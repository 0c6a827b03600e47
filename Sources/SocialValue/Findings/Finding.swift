/// Something the checks found in a response: a stable code, how serious it is, the answer it
/// concerns, a plain message and a hint on what to do.
public struct Finding: Sendable, Hashable, Codable {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
        /// Blocks export until fixed.
        case error
        /// Shown and recorded; an evaluator may question it.
        case warning
        /// Advice.
        case note

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    }

    public var code: FindingCode
    public var severity: Severity { code.severity }
    /// The answer the finding concerns, such as `commitments.TOM10` or `tender.value`.
    public var field: String
    public var message: String
    public var hint: String

    public init(_ code: FindingCode, field: String, message: String, hint: String) {
        self.code = code
        self.field = field
        self.message = message
        self.hint = hint
    }

    enum CodingKeys: String, CodingKey { case code, severity, field, message, hint }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(FindingCode.self, forKey: .code)
        field = try container.decode(String.self, forKey: .field)
        message = try container.decode(String.self, forKey: .message)
        hint = try container.decode(String.self, forKey: .hint)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(severity, forKey: .severity)
        try container.encode(field, forKey: .field)
        try container.encode(message, forKey: .message)
        try container.encode(hint, forKey: .hint)
    }
}
