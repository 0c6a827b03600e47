import SocialValue

/// A guidance page: a Markdown file in `Guidance/`, named by its slug.
public struct GuidanceTopic: Sendable, Hashable {
    /// The file name without `.md`, such as `double-counting` or `tom4a`.
    public var slug: String
    /// The page's first heading.
    public var title: String
    /// The Markdown text.
    public var markdown: String
    /// The measure the page explains, for measure pages.
    public var measure: MeasureReference?
    /// The file's path relative to the data folder.
    public var path: String
    /// Whether the page is a workshop facilitator's guide.
    public var isWorkshopGuide: Bool { path.contains("/workshops/") }

    /// Reads a page; its first line must be a `# Heading`.
    public init(path: String, markdown: String, isMeasurePage: Bool) throws {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        self.slug = String(name.dropLast(3)).lowercased()
        self.path = path
        self.markdown = markdown
        let firstLine = markdown.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        guard firstLine.hasPrefix("# ") else {
            throw DataFileError(file: path, line: 1, field: nil, message: "does not start with a `# Title` heading",
                                hint: "Make the first line `# ` followed by the page's title.")
        }
        self.title = String(firstLine.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        if isMeasurePage {
            guard let reference = MeasureReference(slug) else {
                throw DataFileError(file: path, line: nil, field: nil, message: "is in the measures folder but is not named after a measure",
                                    hint: "Name measure pages after their reference, such as tom4a.md.")
            }
            self.measure = reference
        }
    }
}
