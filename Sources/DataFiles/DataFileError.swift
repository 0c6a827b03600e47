/// A problem in a data file: which file, which line, which field, what is wrong and how to
/// fix it. Its description reads `measures.yaml:42: measures[7].unit: ... Fix: ...`.
public struct DataFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path relative to the data folder.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The field, as a path such as `measures[7].unit`.
    public var field: String?
    /// What is wrong.
    public var message: String
    /// What to do about it.
    public var hint: String

    public init(file: String, line: Int?, field: String?, message: String, hint: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        let subject = field.map { "\(location): \($0): " } ?? "\(location): "
        return subject + message + ". Fix: " + hint
    }
}

/// Several data file problems found together; each is listed.
public struct DataFileErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [DataFileError]

    public init(_ errors: [DataFileError]) { self.errors = errors }

    /// The most problems listed; the rest are counted ("and 812 more").
    public static let mostListed = 20

    public var description: String {
        let listed = errors.prefix(Self.mostListed).map(\.description)
        let rest = errors.count - listed.count
        return (listed + (rest > 0 ? ["and \(rest.grouped) more problems like these"] : [])).joined(separator: "\n")
    }
}
