import Questionnaire
import SocialValue
import Terminal

/// The guidance topics: a list, and one topic rendered for the terminal. A measure's page is
/// followed by the catalogue's facts about the measure, so the two never disagree.
public struct GuideView {
    public let data: DataSet
    public let pack: ValuePack?
    public let renderer: MarkdownRenderer

    public init(data: DataSet, pack: ValuePack?, renderer: MarkdownRenderer) {
        self.data = data
        self.pack = pack
        self.renderer = renderer
    }

    /// General topics first, then one page per measure, each with its slug.
    public func list() -> String {
        let general = data.guidance.filter { $0.measure == nil && !$0.isWorkshopGuide }.sorted { $0.slug < $1.slug }
        let workshops = data.guidance.filter(\.isWorkshopGuide).sorted { $0.slug < $1.slug }
        let measures = data.guidance.filter { $0.measure != nil }.sorted { ($0.measure!, $0.slug) < ($1.measure!, $1.slug) }
        let slugWidth = (data.guidance.map(\.slug.count).max() ?? 10) + 2
        // A title too long for the line continues under itself, so the columns stay aligned.
        // On a narrow screen each title goes under its name instead.
        let titleWidth = renderer.width - slugWidth - 2
        func line(_ topic: GuidanceTopic) -> String {
            if titleWidth < 24 {
                return "  " + renderer.style.cyan(topic.slug) + "\n" + TextWrapper.wrap(topic.title, width: renderer.width, firstIndent: "    ", indent: "    ")
            }
            let title = TextWrapper.wrap(topic.title, width: titleWidth, firstIndent: "", indent: String(repeating: " ", count: slugWidth + 2))
            return "  " + renderer.style.cyan(topic.slug) + String(repeating: " ", count: slugWidth - topic.slug.count) + title
        }
        var lines = [renderer.style.bold("Guidance topics"), ""]
        lines += general.map(line)
        lines += ["", renderer.style.bold("Measures"), ""]
        lines += measures.map(line)
        if !workshops.isEmpty {
            lines += ["", renderer.style.bold("Workshop facilitator's guides"), ""]
            lines += workshops.map(line)
        }
        lines += ["", "Read one: svwizard guide double-counting   (a measure: svwizard guide tom6)"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The names Tab completes at the guide prompt.
    public var topicNames: [String] { data.guidance.map(\.slug).sorted() }

    /// One topic rendered, or nil if there is no such topic.
    public func render(_ name: String) -> String? {
        guard let topic = data.topic(name) else { return nil }
        var markdown = topic.markdown
        if let reference = topic.measure, let measure = data.catalogue.measure(reference) {
            let facts = CatalogueView(data: data, pack: pack, style: renderer.style, width: renderer.width).detailMarkdown(measure)
            markdown += "\n\n---\n\n" + facts.replacingFirstHeading(with: "## The measure in the catalogue")
        }
        return renderer.render(markdown)
    }

    /// Topic names close to `name`, for "did you mean".
    public func suggestions(for name: String) -> [String] {
        let wanted = name.lowercased()
        return topicNames.filter { $0.contains(wanted) || wanted.contains($0) || $0.hasPrefix(String(wanted.prefix(4))) }
    }
}

private extension String {
    func replacingFirstHeading(with heading: String) -> String {
        guard let end = firstIndex(of: "\n"), hasPrefix("# ") else { return self }
        return heading + self[end...]
    }
}
