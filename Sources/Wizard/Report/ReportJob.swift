import Foundation
import Questionnaire
import Register
import SocialValue
import Submission
import Terminal

/// `svwizard report`: the annual (or mid-year) social value report from the register, to the
/// screen and, with `--output`, as report.html, report.md, report.csv and report.json.
public struct ReportJob {
    let context: AppContext
    let registerURL: URL

    public init(context: AppContext, registerPath: String?) {
        self.context = context
        self.registerURL = RegisterAccess.url(option: registerPath, context: context)
    }

    /// Which dates the report covers, as given on the command line.
    public struct Period {
        public var year: String?
        public var midYear: Bool
        public var from: String?
        public var to: String?

        public init(year: String?, midYear: Bool, from: String?, to: String?) {
            self.year = year
            self.midYear = midYear
            self.from = from
            self.to = to
        }
    }

    func range(_ period: Period, options: ContractManagementOptions, today: Day = Day.today()) throws -> ReportRange {
        let calendar = options.calendar
        if let year = period.year {
            guard period.from == nil, period.to == nil else {
                throw WizardError("Give either --year or --from and --to, not both.", status: .usage)
            }
            guard let range = ReportRange.year(year, calendar: calendar, midYear: period.midYear) else {
                let example = ReportRange.year("2025", calendar: calendar, midYear: false)!
                throw WizardError("\(year) is not a reporting year. Give the year it starts in, such as \(example.name) (\(example.from.long) to "
                    + "\(example.to.long)).", status: .usage)
            }
            guard range.from <= today else {
                throw WizardError("\(range.name) has not started yet: it runs from \(range.from.long) to \(range.to.long). Give a year that has begun.",
                                  status: .usage)
            }
            // A year still under way is reported so far: what is not yet due is not a shortfall.
            return range.soFar(today: today)
        }
        if period.from != nil || period.to != nil {
            guard let fromText = period.from, let toText = period.to else { throw WizardError("Give both --from and --to.", status: .usage) }
            let from = try Day.given(fromText, option: "--from"), to = try Day.given(toText, option: "--to")
            guard from <= to else { throw WizardError("--from (\(from.long)) is after --to (\(to.long)).", status: .usage) }
            return ReportRange(name: "\(from.long) to \(to.long)", from: from, to: to, basis: "dates given for this report")
        }
        // The latest reporting year that has ended; a mid-year report of the current year (so far,
        // while its first half is under way).
        let start = calendar.yearStart(containing: today)
        let year = period.midYear ? start.year : start.year - 1
        return ReportRange.year(String(year), calendar: calendar, midYear: period.midYear)!.soFar(today: today)
    }

    /// What the report says of the dates it chose itself, when none were given.
    static func defaultNote(_ period: Period, range: ReportRange) -> String? {
        guard period.year == nil, period.from == nil, period.to == nil else { return nil }
        let what = period.midYear ? "the first half of the current reporting year" : "the last complete reporting year"
        return "Reporting \(range.name), \(what) (\(range.from.long) to \(range.to.long)); --year chooses another."
    }

    public func run(_ period: Period, outputPath: String?, json: Bool) throws -> ExitStatus {
        let options = try context.contractManagement()
        let range = try range(period, options: options)
        let register = try RegisterAccess.open(registerURL, create: false)
        let output = outputPath.map(context.resolve)
        if let output { try OutputFolder.checkNew(output, what: "the report") }
        let report = try RegisterAccess.translating { try make(range, register: register, options: options) }
        if json {
            context.console.writeData(try JSONEncoder.stableText(report))
        } else {
            if let note = Self.defaultNote(period, range: range) { context.console.say(note) }
            let rows = ReportDocuments.headline(report)
            let widest = rows.map(\.0.count).max() ?? 0
            for (figure, value) in rows {
                context.console.write(TextWrapper.wrap(figure.padding(toLength: widest, withPad: " ", startingAt: 0) + "  " + value,
                                                       width: context.console.width, firstIndent: "  ", indent: "    ") + "\n")
            }
            context.console.say(ReportDocuments.summary(report).joined(separator: " "))
        }
        if let output {
            do {
                try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
                try OutputFolder.writeWhole(output, what: "the report") { folder in
                    try AtomicFile.write(ReportDocuments.html(report), to: folder.appendingPathComponent("report.html"))
                    try AtomicFile.write(ReportDocuments.markdown(report), to: folder.appendingPathComponent("report.md"))
                    try AtomicFile.write(Data(try JSONEncoder.stableText(report).utf8), to: folder.appendingPathComponent("report.json"))
                    try writeCSV(register, range: range, to: folder.appendingPathComponent("report.csv"))
                }
            } catch let error as WizardError {
                throw error
            } catch {
                throw WizardError("The report could not be written to \(output.path) (\(error.localizedDescription)).", status: .unreadable)
            }
            if !json {
                context.console.say("The report is in \(output.path): report.html to read and print, report.md, report.csv (one row per "
                    + "contract, measure and period) and report.json.")
            }
        }
        return .success
    }

    /// The report, from the register's sums and the framework's themes and outcomes.
    func make(_ range: ReportRange, register: RegisterStore, options: ContractManagementOptions) throws -> SocialValueReport {
        let framework = context.data.framework
        let calendar = options.calendar
        // A whole reporting year, or one of its halves, is read from the register's running totals.
        let span = [12, 6].first { months in
            calendar.spanStart(of: range.from, months: months) == range.from
                && range.from.adding(months: months).adding(days: -1) == range.to
        }
        let figures = try register.reportFigures(from: range.from, to: range.to, span: span, threshold: framework.rules.socialValueThreshold,
                                                 localSpendMeasure: options.report?.localSpendMeasure)
        let measures = figures.measures.map { m in
            let placement = framework.placement(of: m.measure)
            return SocialValueReport.MeasureRow(measure: m.measure, label: placement?.headline.name ?? m.label, unit: m.unit,
                                                theme: placement?.theme.name ?? "Other", outcome: placement?.outcome.name ?? "Other",
                                                inPeriod: m.inPeriod, cumulative: m.cumulative, money: m.valued ? m.money : nil)
        }
        func grouped(_ key: (SocialValueReport.MeasureRow) -> String, order: [String]) -> [SocialValueReport.GroupRow] {
            let names = order + measures.map(key).filter { !order.contains($0) }
            return names.compactMap { name in
                let rows = figures.measures.filter { m in measures.first { $0.measure == m.measure }.map(key) == name }
                guard !rows.isEmpty else { return nil }
                return SocialValueReport.GroupRow(name: name, stages: rows.map(\.money).reduce(Money.Stages.zero, +), contracts: nil,
                                                  valued: rows.contains(where: \.valued))
            }
        }
        let headlines = (options.report?.headlines ?? []).map { headline in
            let row = figures.measures.first { $0.measure == headline.measure }
            let unit = row?.unit ?? context.data.catalogue.measure(headline.measure)?.unit ?? .pounds
            return SocialValueReport.Headline(measure: headline.measure, label: headline.label, unit: unit,
                                              inPeriod: row?.inPeriod ?? .init(due: 0, reported: 0, validated: 0),
                                              cumulative: row?.cumulative ?? .init(due: 0, reported: 0, validated: 0))
        }
        var report = SocialValueReport(
            toolVersion: ToolVersion.current, council: framework.council, range: range, since: figures.since, inPeriod: figures.inPeriod,
            cumulative: figures.cumulative, headlines: headlines, measures: measures,
            themes: grouped(\.theme, order: framework.themes.map(\.name)),
            outcomes: grouped(\.outcome, order: framework.themes.flatMap { $0.outcomes.map(\.name) }),
            directorates: figures.directorates, supplierLocations: figures.supplierLocations, districts: figures.districts,
            suppliers: figures.suppliers, contracts: figures.contracts, threshold: figures.threshold, localSpendShare: figures.localSpend,
            spend: try register.spendYears(through: range.to, financialYearStartMonth: options.financialYearStartMonth),
            ragNote: options.rag.note)
        report.valuePacks = figures.valuePacks
        return report
    }

    /// report.csv, written a line at a time as the register gives them.
    func writeCSV(_ register: RegisterStore, range: ReportRange, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".report.csv.tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary.path) else {
            throw WizardError("report.csv could not be written in \(url.deletingLastPathComponent().path).", status: .unreadable)
        }
        var buffer = ReportCSV.headerRow
        func flush() throws {
            try handle.write(contentsOf: Data(buffer.utf8))
            buffer = ""
        }
        try register.reportLines(from: range.from, to: range.to) { line in
            let micros = ReportLine.plain(micros:), pence = { (value: Int64?) in value.map(ReportLine.plain(pence:)) ?? "" }
            buffer += ReportCSV.row(ReportCSVLine(fields: [
                line.contract, line.directorate, line.supplier, line.measure, line.unit, line.period, line.periodEnd, micros(line.dueMicros),
                pence(line.duePence), micros(line.reportedMicros), pence(line.reportedPence), micros(line.validatedMicros), pence(line.validatedPence),
                micros(line.awaitingMicros),
            ]))
            if buffer.utf8.count > 1 << 20 { try flush() }
        }
        try flush()
        try handle.synchronize()
        try handle.close()
        guard rename(temporary.path, url.path) == 0 else {
            throw WizardError("report.csv could not be written in \(url.deletingLastPathComponent().path).", status: .unreadable)
        }
    }
}

extension Money.Stages {
    static let zero = Money.Stages(committed: .zero, due: .zero, reported: .zero, validated: .zero, awaiting: .zero, rejected: .zero, shortfall: .zero,
                                   notYetDue: .zero)

    static func + (lhs: Money.Stages, rhs: Money.Stages) -> Money.Stages {
        Money.Stages(committed: lhs.committed + rhs.committed, due: lhs.due + rhs.due, reported: lhs.reported + rhs.reported,
                     validated: lhs.validated + rhs.validated, awaiting: lhs.awaiting + rhs.awaiting, rejected: lhs.rejected + rhs.rejected,
                     shortfall: lhs.shortfall + rhs.shortfall, notYetDue: lhs.notYetDue + rhs.notYetDue)
    }
}
