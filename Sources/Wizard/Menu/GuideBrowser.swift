import Questionnaire
/// Reading guidance at a prompt: the topic list, then topic names typed (Tab completes them)
/// until the person presses Enter on an empty line.
public struct GuideBrowser {
    public let context: AppContext

    public init(context: AppContext) { self.context = context }

    public func run() {
        let console = context.console
        let view = context.guideView
        console.write(view.list())
        while true {
            let prompt = console.style.bold("Topic to read") + " (Tab completes, Enter to go back): "
            guard case let .line(raw) = console.readLine(prompt: prompt, completions: view.topicNames) else {
                console.write("\n")
                return
            }
            let name = raw.trimmingWhitespace
            if name.isEmpty || ["q", "quit", "back"].contains(name.lowercased()) { return }
            if name == "?" || name.lowercased() == "list" {
                console.write(view.list())
                continue
            }
            if let page = view.render(name) {
                console.write("\n" + page + "\n")
            } else {
                let near = view.suggestions(for: name)
                let hint = near.isEmpty ? "Type ? to see the topics." : "Did you mean: \(near.prefix(5).joined(separator: ", "))?"
                console.complain("There is no topic \"\(name)\". \(hint)")
            }
        }
    }
}

/// Browsing measures at a prompt: the tree, then references typed (Tab completes them) to
/// read a measure in full, until the person presses Enter on an empty line.
public struct MeasureBrowser {
    public let context: AppContext

    public init(context: AppContext) { self.context = context }

    public func run() {
        let console = context.console
        let view = context.catalogueView
        console.write(view.tree())
        let references = context.data.frameworkMeasures.map(\.reference.rawValue)
        while true {
            let prompt = console.style.bold("Measure to read") + " (for example TOM6; Enter to go back): "
            guard case let .line(raw) = console.readLine(prompt: prompt, completions: references) else {
                console.write("\n")
                return
            }
            let name = raw.trimmingWhitespace
            if name.isEmpty || ["q", "quit", "back"].contains(name.lowercased()) { return }
            if name == "?" {
                console.write(view.tree())
            } else if let measure = context.data.catalogue.measure(named: name) {
                console.write("\n" + console.markdown.render(view.detailMarkdown(measure)) + "\n")
            } else {
                console.complain("\(Echo.quoted(name)) is not a measure reference. Type one such as TOM6 or TOM4a; Tab completes them.")
            }
        }
    }
}
