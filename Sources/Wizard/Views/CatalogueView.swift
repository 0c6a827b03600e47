import Questionnaire
import SocialValue
import Terminal

/// The measure catalogue as people read it: a tree by theme and outcome, one measure in full,
/// or the measures matching a word.
public struct CatalogueView {
    public let data: DataSet
    public let pack: ValuePack?
    public let style: Style
    public let width: Int

    public init(data: DataSet, pack: ValuePack?, style: Style, width: Int) {
        self.data = data
        self.pack = pack
        self.style = style
        self.width = width
    }

    /// Every framework measure under its theme and outcome, with unit and value.
    public func tree() -> String {
        let framework = data.framework
        let headlineWidth = headlineWidth
        var lines = [style.bold("\(framework.council): social value framework, \(data.frameworkMeasures.count) measures"),
                     TextWrapper.wrap(ValueText.packLine(pack), width: width), ""]
        for theme in framework.themes {
            lines.append(style.bold(theme.name))
            for outcome in theme.outcomes {
                lines.append(TextWrapper.wrap(outcome.name, width: width, firstIndent: "  ", indent: "  "))
                for headline in outcome.headlines {
                    guard let measure = data.catalogue.measure(headline.measure) else { continue }
                    lines.append(row(measure, headline: headline.name, headlineWidth: headlineWidth))
                }
            }
            lines.append("")
        }
        lines.append("See one measure in full: svwizard measures TOM6. Search: svwizard measures --search apprentice")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The measures whose text mentions `word`.
    public func search(_ word: String) -> String {
        let found = data.frameworkMeasures.filter { $0.matches(word) }
        guard !found.isEmpty else {
            return "No measure mentions \"\(word)\". Try a shorter word, or run `svwizard measures` to see them all.\n"
        }
        var lines = ["\(found.count) measure\(found.count == 1 ? "" : "s") mention \"\(word)\":", ""]
        let headlineWidth = headlineWidth
        for measure in found {
            let headline = data.framework.placement(of: measure.reference)?.headline.name ?? measure.label
            lines.append(row(measure, headline: headline, headlineWidth: headlineWidth))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ measure: Measure, headline: String, headlineWidth: Int) -> String {
        let value = ValueText.perUnit(measure, in: pack)
        // Too narrow for the columns side by side: stack them, the unit and value under the headline.
        if 4 + 7 + headlineWidth + 12 + value.count > width {
            let first = "    " + style.cyan(pad(measure.reference.rawValue, 7))
            let head = TextWrapper.wrap(headline, width: width, firstIndent: first, indent: String(repeating: " ", count: 11))
            let facts = TextWrapper.wrap("\(measure.unit.symbol); \(value)", width: width, firstIndent: String(repeating: " ", count: 11),
                                         indent: String(repeating: " ", count: 13))
            return head + "\n" + facts
        }
        // A headline too long for its column wraps within the column.
        let headlineLines = TextWrapper.wrap(headline, width: headlineWidth - 2).split(separator: "\n").map(String.init)
        let reference = style.cyan(pad(measure.reference.rawValue, 7))
        let unit = pad(measure.unit.symbol, 12)
        var lines = ["    \(reference)\(pad(headlineLines[0], headlineWidth))\(unit)\(value)"]
        lines += headlineLines.dropFirst().map { "    " + String(repeating: " ", count: 7) + $0 }
        return lines.joined(separator: "\n")
    }

    /// The headline column's width: the longest headline's, at most 30, and a gap.
    private var headlineWidth: Int {
        let longest = data.framework.themes.flatMap { $0.outcomes.flatMap { $0.headlines.map(\.name.count) } }.max()
        return min(longest ?? 20, 30) + 2
    }

    private func pad(_ text: String, _ length: Int) -> String {
        text.count >= length ? text + " " : text + String(repeating: " ", count: length - text.count)
    }

    /// One measure in full, as Markdown (rendered by the caller).
    public func detailMarkdown(_ measure: Measure) -> String {
        MeasureFacts(measure: measure, placement: data.framework.placement(of: measure.reference), pack: pack).markdown
    }
}
