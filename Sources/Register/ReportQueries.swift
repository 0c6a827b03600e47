import Foundation
import SocialValue

/// What the register adds up for a report, all of it in SQL: the schedule and the current
/// returns are first summed by contract and measure (two passes over the big tables, using their
/// indexes), then every breakdown is a small GROUP BY over those sums. Memory does not grow with
/// the number of delivery rows.
public struct ReportFigures: Sendable, Hashable {
    public struct MeasureFigures: Sendable, Hashable {
        public var measure: MeasureReference
        public var label: String
        public var unit: MeasureUnit
        public var valued: Bool
        public var inPeriod: SocialValueReport.Quantities
        public var cumulative: SocialValueReport.Quantities
        public var money: Money.Stages
    }

    public var since: Day?
    public var inPeriod: Money.Stages
    public var cumulative: Money.Stages
    public var measures: [MeasureFigures]
    public var directorates: [SocialValueReport.GroupRow]
    public var supplierLocations: [SocialValueReport.GroupRow]
    public var districts: [SocialValueReport.GroupRow]
    public var suppliers: [SocialValueReport.GroupRow]
    public var contracts: [SocialValueReport.GroupRow]
    public var threshold: SocialValueReport.ThresholdCount
    public var localSpend: SocialValueReport.LocalSpendShare?
    public var valuePacks: [SocialValueReport.PackUse] = []
}

/// One line of `report.csv`: a contract's measure in one reporting period, in the register's
/// exact units (millionths of the measure's unit, pence), so it can be written without arithmetic.
public struct ReportLine: Sendable, Hashable {
    public var contract: String
    public var directorate: String
    public var supplier: String
    public var measure: String
    public var unit: String
    public var period: String
    public var periodEnd: String
    public var dueMicros: Int64
    /// nil when the measure is unvalued.
    public var duePence: Int64?
    public var reportedMicros: Int64
    public var reportedPence: Int64?
    public var validatedMicros: Int64
    public var validatedPence: Int64?
    public var awaitingMicros: Int64

    public var dueValue: Money? { duePence.map(Units.money(pence:)) }
    public var validatedValue: Money? { validatedPence.map(Units.money(pence:)) }

    /// `1234567` millionths as `1.234567`, `2000000` as `2`: exact, with no trailing zeros.
    public static func plain(micros: Int64) -> String { fixed(micros, places: 6) }

    /// `12345` pence as `123.45`, `12300` as `123`.
    public static func plain(pence: Int64) -> String { fixed(pence, places: 2) }

    static func fixed(_ value: Int64, places: Int) -> String {
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let magnitude = value.magnitude
        let whole = magnitude / UInt64(scale)
        var fraction = magnitude % UInt64(scale)
        var text = (value < 0 ? "-" : "") + String(whole)
        guard fraction != 0 else { return text }
        var digits = places
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        return text
    }
}

extension SQLDialect {
    /// SQL for a shortfall in whole pence, by `Shortfall`'s rule: none once the quantity due has
    /// been delivered (`dueQ`, `deliveredQ`, millionths of the unit), else what was due less what
    /// was delivered (`dueV`, `deliveredV`, pence), never below nothing.
    func shortfallPence(dueQ: String, deliveredQ: String, dueV: String, deliveredV: String) -> String {
        "CASE WHEN \(dueQ) <= \(deliveredQ) THEN 0 ELSE \(greatest("0", "\(dueV) - \(deliveredV)")) END"
    }
}

extension SQLRegister {

    /// SQL for which contracts a report to `:to` counts (alias `c`): those awarded or started by
    /// then, so a contract entered after it began counts by the dates of its periods.
    static var counted: String { "(c.awarded_on <= :to OR c.start_date <= :to)" }

    /// `span`: the months of a reporting year (12) or half year (6) when the report covers exactly
    /// one, from `from`: its running totals are then read instead of every period.
    public func reportFigures(from: Day, to: Day, span: Int?, threshold: Money, localSpendMeasure: MeasureReference?) throws -> ReportFigures {
        try scratch { db in
            let dialect = db.dialect
            let temporary = { (name: String) in dialect.temporary(name) }
            let arguments: SQLArguments = ["from": from.iso, "to": to.iso]
            if let span {
                // An annual report: the year's rows of every contract and measure running then,
                // the last rows of those that ended before, the first of those still to start.
                try db.execute("""
                    DROP TABLE IF EXISTS \(temporary("r_pm"));
                    CREATE TEMP TABLE r_pm AS
                    SELECT contract, measure, tdue_pence AS call_v, due_micros AS due_q, due_pence AS due_v, reported_micros AS rep_q,
                        reported_pence AS rep_v, validated_micros AS val_q, validated_pence AS val_v, awaiting_pence AS pend_v,
                        cdue_micros AS cdue_q, cdue_pence AS cdue_v, creported_micros AS crep_q, creported_pence AS crep_v,
                        cvalidated_micros AS cval_q, cvalidated_pence AS cval_v, cawaiting_pence AS cpend_v, tdue_pence - cdue_pence AS later_v
                    FROM delivery_year WHERE span_months = :span AND year_start = :year
                    UNION ALL
                    SELECT contract, measure, tdue_pence, 0, 0, 0, 0, 0, 0, 0, cdue_micros, cdue_pence, creported_micros, creported_pence,
                        cvalidated_micros, cvalidated_pence, cawaiting_pence, tdue_pence - cdue_pence
                    FROM delivery_year WHERE span_months = :span AND is_last = 1 AND year_start < :year
                    UNION ALL
                    SELECT contract, measure, tdue_pence, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, tdue_pence
                    FROM delivery_year WHERE span_months = :span AND is_first = 1 AND year_start > :year;
                    """, ["year": from.iso, "span": span])
            } else {
                // One pass over the positions, in key order, summed by contract and measure.
                try db.execute("""
                    DROP TABLE IF EXISTS \(temporary("r_pm"));
                    CREATE TEMP TABLE r_pm AS
                    SELECT contract, measure, sum(due_pence) AS call_v,
                        sum(CASE WHEN period_end BETWEEN :from AND :to THEN due_micros ELSE 0 END) AS due_q,
                        sum(CASE WHEN period_end BETWEEN :from AND :to THEN due_pence ELSE 0 END) AS due_v,
                        sum(CASE WHEN period_end BETWEEN :from AND :to THEN reported_micros ELSE 0 END) AS rep_q,
                        sum(CASE WHEN period_end BETWEEN :from AND :to THEN reported_pence ELSE 0 END) AS rep_v,
                        sum(CASE WHEN period_end BETWEEN :from AND :to THEN validated_micros ELSE 0 END) AS val_q,
                        sum(CASE WHEN period_end BETWEEN :from AND :to THEN validated_pence ELSE 0 END) AS val_v,
                        sum(CASE WHEN period_end BETWEEN :from AND :to THEN awaiting_pence ELSE 0 END) AS pend_v,
                        sum(CASE WHEN period_end <= :to THEN due_micros ELSE 0 END) AS cdue_q,
                        sum(CASE WHEN period_end <= :to THEN due_pence ELSE 0 END) AS cdue_v,
                        sum(CASE WHEN period_end <= :to THEN reported_micros ELSE 0 END) AS crep_q,
                        sum(CASE WHEN period_end <= :to THEN reported_pence ELSE 0 END) AS crep_v,
                        sum(CASE WHEN period_end <= :to THEN validated_micros ELSE 0 END) AS cval_q,
                        sum(CASE WHEN period_end <= :to THEN validated_pence ELSE 0 END) AS cval_v,
                        sum(CASE WHEN period_end <= :to THEN awaiting_pence ELSE 0 END) AS cpend_v,
                        sum(CASE WHEN period_end > :to THEN due_pence ELSE 0 END) AS later_v
                    FROM delivery_position GROUP BY contract, measure;
                    """, arguments)
            }
            // A line for each contract, its shortfall worked out measure by measure; then the
            // contract's details joined to those lines (contracts awarded after the report's end left out).
            try db.execute("""
                DROP TABLE IF EXISTS \(temporary("r_cs")); DROP TABLE IF EXISTS \(temporary("r_c"));
                CREATE TEMP TABLE r_cs AS
                SELECT contract, sum(due_v) AS due_v, sum(rep_v) AS rep_v, sum(val_v) AS val_v, sum(pend_v) AS pend_v,
                    sum(\(dialect.shortfallPence(dueQ: "due_q", deliveredQ: "val_q", dueV: "due_v", deliveredV: "val_v"))) AS short_v, sum(later_v) AS later_v, sum(call_v) AS call_v,
                    sum(cdue_v) AS cdue_v, sum(crep_v) AS crep_v, sum(cval_v) AS cval_v, sum(cpend_v) AS cpend_v,
                    sum(\(dialect.shortfallPence(dueQ: "cdue_q", deliveredQ: "cval_q", dueV: "cdue_v", deliveredV: "cval_v"))) AS cshort_v
                FROM r_pm GROUP BY contract;
                CREATE TEMP TABLE r_c AS
                SELECT s.*, c.directorate, c.supplier_name, c.supplier_local, coalesce(c.supplier_district, 'unknown') AS district,
                    CASE WHEN c.awarded_on BETWEEN :from AND :to THEN s.call_v ELSE 0 END AS award_v
                FROM r_cs s JOIN contract c ON c.reference = s.contract WHERE \(Self.counted);
                """, arguments)
            let sums = """
                sum(award_v) AS award_v, sum(due_v) AS due_v, sum(rep_v) AS rep_v, sum(val_v) AS val_v, sum(pend_v) AS pend_v,
                sum(short_v) AS short_v, sum(later_v) AS later_v, sum(call_v) AS call_v, sum(cdue_v) AS cdue_v, sum(crep_v) AS crep_v,
                sum(cval_v) AS cval_v, sum(cpend_v) AS cpend_v, sum(cshort_v) AS cshort_v, count(*) AS contracts
                """
            func stages(_ row: SQLRow, cumulative: Bool) -> Money.Stages {
                let p = cumulative ? "c" : ""
                let pence = { (column: String) -> Money in Units.money(pence: row[column] ?? 0) }
                let reported = pence("\(p)rep_v"), validated = pence("\(p)val_v"), awaiting = pence("\(p)pend_v")
                return Money.Stages(committed: pence(cumulative ? "call_v" : "award_v"), due: pence("\(p)due_v"), reported: reported,
                                    validated: validated, awaiting: awaiting,
                                    rejected: Money(reported.pounds - validated.pounds - awaiting.pounds),
                                    shortfall: pence("\(p)short_v"), notYetDue: pence("later_v"))
            }
            func groups(_ key: String, order: String = "val_v DESC, name") throws -> [SocialValueReport.GroupRow] {
                try db.rows("SELECT \(key) AS name, \(sums) FROM r_c GROUP BY \(key) ORDER BY \(order)").map {
                    SocialValueReport.GroupRow(name: $0["name"] ?? "", stages: stages($0, cumulative: false), contracts: $0["contracts"])
                }
            }
            let totals = try db.row("SELECT \(sums) FROM r_c")!
            let measures = try db.rows("""
                SELECT measure, sum(CASE WHEN c.awarded_on BETWEEN :from AND :to THEN call_v ELSE 0 END) AS award_v, sum(due_v) AS due_v,
                    sum(rep_v) AS rep_v, sum(val_v) AS val_v, sum(pend_v) AS pend_v, sum(\(dialect.shortfallPence(dueQ: "due_q", deliveredQ: "val_q", dueV: "due_v", deliveredV: "val_v"))) AS short_v,
                    sum(later_v) AS later_v,
                    sum(due_q) AS due_q, sum(rep_q) AS rep_q, sum(val_q) AS val_q, sum(cdue_q) AS cdue_q, sum(crep_q) AS crep_q, sum(cval_q) AS cval_q
                FROM r_pm JOIN (SELECT reference, awarded_on, start_date FROM contract) c ON c.reference = r_pm.contract WHERE \(Self.counted)
                GROUP BY measure
                """, arguments).map { row -> (Int, ReportFigures.MeasureFigures) in
                let q = { (column: String) -> Decimal in Units.decimal(micros: row[column] ?? 0) }
                // How the first contract with the measure names it.
                let info = try db.row("""
                    SELECT label, unit, CASE WHEN per_unit_pence_micros IS NULL THEN 0 ELSE 1 END AS valued, position FROM commitment
                    WHERE measure = ? ORDER BY contract LIMIT 1
                    """, [row["measure"] as String])
                return ((info?["position"] as Int?) ?? 0, ReportFigures.MeasureFigures(
                    measure: try Units.measure(row["measure"]), label: info?["label"] ?? "", unit: MeasureUnit(rawValue: info?["unit"] ?? "") ?? .pounds,
                    valued: info?["valued"] ?? false, inPeriod: .init(due: q("due_q"), reported: q("rep_q"), validated: q("val_q")),
                    cumulative: .init(due: q("cdue_q"), reported: q("crep_q"), validated: q("cval_q")), money: stages(row, cumulative: false)))
            }.sorted { ($0.0, $0.1.measure) < ($1.0, $1.1.measure) }.map(\.1)
            let locations = try groups("CASE supplier_local WHEN 1 THEN 'Local suppliers' ELSE 'Other suppliers' END", order: "name")
            let thresholdPence = Units.pence(threshold)
            let counts = try db.row("""
                SELECT
                    sum(CASE WHEN awarded_on BETWEEN :from AND :to AND has THEN 1 ELSE 0 END) AS pw,
                    sum(CASE WHEN awarded_on BETWEEN :from AND :to AND NOT has THEN 1 ELSE 0 END) AS pwo,
                    sum(CASE WHEN has THEN 1 ELSE 0 END) AS cw, sum(CASE WHEN NOT has THEN 1 ELSE 0 END) AS cwo
                FROM (SELECT awarded_on, EXISTS (SELECT 1 FROM commitment m WHERE m.contract = c.reference) AS has FROM contract c
                      WHERE contract_value_pence > :threshold AND \(Self.counted)) AS t
                """, ["from": from.iso, "to": to.iso, "threshold": thresholdPence])
            let without = try db.column("""
                SELECT reference FROM contract c WHERE contract_value_pence > :threshold AND awarded_on BETWEEN :from AND :to
                    AND NOT EXISTS (SELECT 1 FROM commitment m WHERE m.contract = c.reference) ORDER BY reference
                """, ["from": from.iso, "to": to.iso, "threshold": thresholdPence], as: String.self)
            let count = { (column: String) -> Int in (counts?[column] as Int?) ?? 0 }
            let thresholdCount = SocialValueReport.ThresholdCount(threshold: threshold, inPeriodWith: count("pw"), inPeriodWithout: count("pwo"),
                                                                  cumulativeWith: count("cw"), cumulativeWithout: count("cwo"), without: without)
            var localSpend: SocialValueReport.LocalSpendShare?
            if let measure = localSpendMeasure {
                // Each contract's value pro rata to its days in the period, in whole pence (rounded down).
                let row = try db.row("""
                    SELECT (SELECT coalesce(sum(val_q), 0) FROM r_pm JOIN contract c ON c.reference = r_pm.contract
                            WHERE measure = :measure AND \(Self.counted)) AS validated,
                        coalesce(sum(c.contract_value_pence *
                            \(dialect.greatest("0", dialect.days(from: dialect.greatest(":from", "c.start_date"), to: dialect.least(":to", "c.end_date")) + " + 1"))
                            / (\(dialect.days(from: "c.start_date", to: "c.end_date")) + 1)), 0) AS value
                    FROM contract c WHERE \(Self.counted) AND EXISTS (SELECT 1 FROM commitment m WHERE m.contract = c.reference AND m.measure = :measure)
                    """, ["from": from.iso, "to": to.iso, "measure": measure.rawValue])
                if let row {
                    // The measure counts pounds, so its validated quantity is the £ spent locally.
                    localSpend = .init(measure: measure, validated: Money(Units.decimal(micros: row["validated"])), contractValue: Units.money(pence: row["value"]))
                }
            }
            let since = try db.value("SELECT min(start_date) FROM contract c WHERE \(Self.counted)", ["to": to.iso], as: String.self).flatMap(Day.init(iso:))
            // The packs of the contracts counted that have commitments (a contract without any is valued with none).
            let packs = try db.rows("""
                SELECT pack_name AS name, pack_edition AS edition, pack_illustrative AS illustrative, count(*) AS contracts
                FROM contract c WHERE \(Self.counted) AND EXISTS (SELECT 1 FROM commitment m WHERE m.contract = c.reference)
                GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2
                """, ["to": to.iso]).map {
                SocialValueReport.PackUse(name: $0["name"], edition: $0["edition"], illustrative: ($0["illustrative"] as Int?) == 1, contracts: $0["contracts"])
            }
            let figures = ReportFigures(
                since: since, inPeriod: stages(totals, cumulative: false), cumulative: stages(totals, cumulative: true), measures: measures,
                directorates: try groups("directorate"), supplierLocations: locations, districts: try groups("district"),
                suppliers: try groups("supplier_name"), contracts: try groups("contract", order: "name"),
                threshold: thresholdCount,
                localSpend: localSpend, valuePacks: packs)
            try db.execute("DROP TABLE IF EXISTS \(temporary("r_pm")); DROP TABLE IF EXISTS \(temporary("r_cs")); DROP TABLE IF EXISTS \(temporary("r_c"))")
            return figures
        }
    }

    /// Calls `body` with each contract's measure in each period ending between `from` and `to`,
    /// in order, straight from the database (nothing is held but the current line).
    public func reportLines(from: Day, to: Day, _ body: (ReportLine) throws -> Void) throws {
        try read { db in
            try db.each("""
                SELECT p.contract, c.directorate, c.supplier_name, p.measure, m.unit, p.period, p.period_end, p.due_micros, p.due_pence,
                    p.reported_micros, p.reported_pence, p.validated_micros, p.validated_pence, p.awaiting_micros
                FROM delivery_position p
                JOIN contract c ON c.reference = p.contract
                JOIN commitment m ON m.contract = p.contract AND m.measure = p.measure
                WHERE p.period_end BETWEEN :from AND :to AND \(Self.counted)
                ORDER BY p.contract, m.position, p.period_end
                """, ["from": from.iso, "to": to.iso]) { row in
                let valued = (row[8] as Int64?) != nil
                try body(ReportLine(contract: row[0], directorate: row[1], supplier: row[2], measure: row[3], unit: row[4], period: row[5], periodEnd: row[6],
                                    dueMicros: row[7], duePence: row[8], reportedMicros: row[9], reportedPence: valued ? (row[10] as Int64?) ?? 0 : nil,
                                    validatedMicros: row[11], validatedPence: valued ? (row[12] as Int64?) ?? 0 : nil, awaitingMicros: row[13]))
            }
        }
    }
}

