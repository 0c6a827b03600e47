import Foundation
import SocialValue

/// The supplier's answers for one delivery return, kept in a small YAML file
/// (`REF-PERIOD.svdelivery.yaml`) that `svwizard deliver` saves after every answer and reads
/// back to carry on, or that a supplier writes by hand for `--no-input`. Checked against
/// `delivery-answers.schema.json` before any of it is used; `svwizard guide delivery-returns`
/// shows the layout.
public struct DeliveryAnswers: Sendable, Hashable {
    /// One measure's answers.
    public struct Measure: Sendable, Hashable {
        public var delivered: String?
        public var evidence: [Evidence] = []
        /// True once the supplier has said there is no more evidence to list.
        public var evidenceComplete = false
        public var narrative: String?
        public var shortfallReason: String?
        public var recoveryPlan: String?

        public init() {}
    }

    /// One piece of evidence, as typed.
    public struct Evidence: Sendable, Hashable {
        public var what: String
        public var reference: String?
        public var date: String?

        public init(what: String, reference: String? = nil, date: String? = nil) {
            self.what = what
            self.reference = reference
            self.date = date
        }
    }

    public var period: String?
    public var preparedBy: String?
    public var preparedOn: String?
    public var measures: [MeasureReference: Measure] = [:]

    public init() {}

    /// The largest answers file read.
    public static let largest = 1_048_576

    public static func read(_ url: URL) throws -> DeliveryAnswers {
        let value = try OutsideFile.yamlDocument(url, limit: largest, what: "delivery answers file", schema: "delivery-answers.schema.json",
                                                 start: "`version: 1`")
        var answers = DeliveryAnswers()
        let root = value.members
        answers.period = root["period"]?.text
        answers.preparedBy = root["preparedBy"]?.text
        answers.preparedOn = root["preparedOn"]?.text
        for (key, entry) in root["measures"]?.members ?? [:] {
            guard let reference = MeasureReference(key) else {
                throw OutsideFileError("\(url.lastPathComponent): \(key) under measures is not a measure reference such as TOM1.")
            }
            let fields = entry.members
            var measure = Measure()
            measure.delivered = fields["delivered"]?.text
            measure.evidence = (fields["evidence"]?.items ?? []).map { item in
                Evidence(what: item.members["what"]?.text ?? "", reference: item.members["reference"]?.text, date: item.members["date"]?.text)
            }
            measure.evidenceComplete = fields["evidenceComplete"]?.text == "true" || (fields["evidence"] != nil && fields["evidenceComplete"] == nil)
            measure.narrative = fields["narrative"]?.text
            measure.shortfallReason = fields["shortfallReason"]?.text
            measure.recoveryPlan = fields["recoveryPlan"]?.text
            answers.measures[reference] = measure
        }
        return answers
    }

    /// The answers as the file's YAML, measures in `order`.
    public func yaml(order: [MeasureReference]) -> String {
        let quoted = OutsideFile.quoted
        var lines = ["# Answers for a social value delivery return, saved by svwizard deliver (svwizard guide delivery-returns).", "version: 1"]
        if let period { lines.append("period: \(quoted(period))") }
        if let preparedBy { lines.append("preparedBy: \(quoted(preparedBy))") }
        if let preparedOn { lines.append("preparedOn: \(quoted(preparedOn))") }
        let listed = order.filter { measures[$0] != nil } + measures.keys.filter { !order.contains($0) }.sorted()
        if !listed.isEmpty { lines.append("measures:") }
        for reference in listed {
            guard let measure = measures[reference] else { continue }
            lines.append("  \(reference.rawValue):")
            if let delivered = measure.delivered { lines.append("    delivered: \(quoted(delivered))") }
            if !measure.evidence.isEmpty {
                lines.append("    evidence:")
                for item in measure.evidence {
                    var entry = "      - {what: \(quoted(item.what))"
                    if let reference = item.reference { entry += ", reference: \(quoted(reference))" }
                    if let date = item.date { entry += ", date: \(quoted(date))" }
                    lines.append(entry + "}")
                }
            }
            lines.append("    evidenceComplete: \(measure.evidenceComplete)")
            for (key, value) in [("narrative", measure.narrative), ("shortfallReason", measure.shortfallReason), ("recoveryPlan", measure.recoveryPlan)] {
                if let value { lines.append("    \(key): \(quoted(value))") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
