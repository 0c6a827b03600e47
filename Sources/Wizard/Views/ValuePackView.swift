import Questionnaire
import SocialValue
import Terminal

/// Value packs as people read them: the list, and one pack in full.
public struct ValuePackView {
    public let library: ValuePackLibrary
    public let data: DataSet
    public let style: Style
    public let width: Int

    public init(library: ValuePackLibrary, data: DataSet, style: Style, width: Int) {
        self.library = library
        self.data = data
        self.style = style
        self.width = width
    }

    public func list() -> String {
        let active = library.active?.name
        var lines = [style.bold("Value packs"), ""]
        for pack in library.all {
            let marker = pack.name == active ? style.green("* ") : "  "
            let origin = library.shipped.contains(pack) ? "shipped" : "imported"
            let kind = pack.illustrative ? ", ILLUSTRATIVE" : ""
            lines.append(marker + style.cyan(pack.name) + "  \(pack.values.count) of \(data.frameworkMeasures.count) measures valued (\(origin)\(kind))")
            lines.append(TextWrapper.wrap(pack.edition, width: width, firstIndent: "    ", indent: "    "))
        }
        lines += ["", "* is the active pack, used when a tender file does not bring its own.",
                  "See one: svwizard values show workshop. Import a buyer's pack: svwizard values import FILE.csv --name NAME --edition \"...\" --source \"...\""]
        return lines.joined(separator: "\n") + "\n"
    }

    public func show(_ pack: ValuePack) -> String {
        var lines = [style.bold("\(pack.name): \(pack.title)"), ""]
        lines.append(TextWrapper.wrap("Edition: \(pack.edition)", width: width, indent: "  "))
        lines.append(TextWrapper.wrap("Source: \(pack.source)", width: width, indent: "  "))
        lines.append("Date: \(pack.date)")
        if pack.illustrative {
            lines.append(style.yellow("ILLUSTRATIVE: every £ figure computed with this pack is for training and demonstration, not for real bids."))
        }
        lines.append("")
        for value in pack.values {
            let measure = data.catalogue.measure(value.measure)
            let perUnit = measure.map { ValueText.perUnit($0, in: pack) } ?? value.perUnit.unitPrice
            lines.append(style.cyan(value.measure.rawValue) + "  " + perUnit)
            lines.append(TextWrapper.wrap("Edition: \(value.edition)", width: width, firstIndent: "    ", indent: "      "))
            lines.append(TextWrapper.wrap("Source: \(value.source)", width: width, firstIndent: "    ", indent: "      "))
            lines.append("    Date: \(value.date)")
            if let note = value.note { lines.append(TextWrapper.wrap("Note: \(note)", width: width, firstIndent: "    ", indent: "      ")) }
        }
        let unvalued = data.frameworkMeasures.filter { pack.value(for: $0.reference) == nil }.map(\.reference.rawValue)
        if !unvalued.isEmpty {
            lines.append("")
            lines.append(TextWrapper.wrap("Unvalued in this pack (reported by quantity, never counted as £0): "
                + unvalued.joined(separator: ", "), width: width))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
