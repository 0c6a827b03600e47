/// The answers given so far, keyed by question key, each in its canonical text form (`450000`,
/// `2.5`, `yes`, `TOM10, TOM18`, `2025-04-01`). Plain strings keep drafts readable and exact.
public struct AnswerSheet: Sendable, Hashable, Codable {
    public private(set) var values: [String: String]

    public init(_ values: [String: String] = [:]) { self.values = values }

    public subscript(key: String) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }

    public var isEmpty: Bool { values.isEmpty }

    public init(from decoder: Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: String].self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}
