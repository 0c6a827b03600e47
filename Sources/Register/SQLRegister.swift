import Foundation
import SocialValue

/// Everything the register does, written once in SQL that SQLite and PostgreSQL both run: what
/// is kept for an award, an import, a review; what is summed for tracking and the report. The
/// rules that decide what the figures mean (what a review settles, which return counts, a
/// shortfall) are the domain's (`ReturnReview.settled`, `DeliveryReturn.replaces`, `Shortfall`);
/// here rows are kept and added up. A store gives the transactions (`write`, `read`, `scratch`)
/// and its own opening, migrations, backup and errors.
protocol SQLRegister: RegisterStore {
    /// Runs `body` in one transaction that changes the register: all of it or none of it.
    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T
    /// Runs `body` in one transaction that sees one consistent state of the register.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T
    /// Runs `body` in one transaction that may make temporary tables (dropped at its end) and
    /// changes nothing else.
    func scratch<T>(_ body: (any SQLConnection) throws -> T) throws -> T
}

/// The register's tables, in the order rows are copied (each after those it refers to), with
/// their columns and the key that orders them.
enum RegisterTables {
    struct Table {
        var name: String
        var columns: [String]
        var order: String
        /// The column numbered by the database, if any.
        var identity: String?
    }

    static let all: [Table] = [
        Table(name: "contract", columns: ["reference", "tender_reference", "title", "buyer", "directorate", "contract_manager", "supplier_name",
                                          "supplier_postcode", "supplier_local", "contract_value_pence", "start_date", "end_date", "years", "awarded_on",
                                          "living_wage_assurance", "bundle_digest", "terms_json", "supplier_district", "pack_name", "pack_edition",
                                          "pack_illustrative"], order: "reference"),
        Table(name: "commitment", columns: ["contract", "measure", "position", "label", "unit", "per_unit_pence_micros"], order: "contract, measure"),
        Table(name: "delivery_return", columns: ["id", "contract", "period", "period_start", "period_end", "digest", "prepared_by", "prepared_on",
                                                 "imported_on", "superseded_by", "tool_version"], order: "id", identity: "id"),
        Table(name: "delivery_line", columns: ["return_id", "measure", "due_micros", "delivered_micros", "value_pence", "validated_micros",
                                               "validated_pence", "narrative", "shortfall_reason", "recovery_plan"], order: "return_id, measure"),
        Table(name: "evidence_item", columns: ["return_id", "measure", "item", "what", "reference", "dated", "status", "reason", "reviewed_by",
                                               "reviewed_on"], order: "return_id, measure, item"),
        Table(name: "corrective_action", columns: ["id", "contract", "measure", "action", "due_on", "agreed_on", "agreed_by"], order: "id", identity: "id"),
        Table(name: "living_wage_assurance", columns: ["id", "contract", "given_on", "given_by", "compliant", "evidence"], order: "id", identity: "id"),
        Table(name: "delivery_position", columns: ["contract", "measure", "period", "period_end", "due_micros", "due_pence", "reported_micros",
                                                   "reported_pence", "validated_micros", "validated_pence", "awaiting_micros", "awaiting_pence"],
              order: "contract, measure, period"),
        Table(name: "delivery_year", columns: ["span_months", "year_start", "contract", "measure", "is_first", "is_last", "tdue_pence", "due_micros",
                                               "due_pence", "reported_micros", "reported_pence", "validated_micros", "validated_pence", "awaiting_pence",
                                               "cdue_micros", "cdue_pence", "creported_micros", "creported_pence", "cvalidated_micros",
                                               "cvalidated_pence", "cawaiting_pence"], order: "span_months, year_start, contract, measure"),
        Table(name: "spend_payment", columns: ["id", "fingerprint", "paid_on", "financial_year", "supplier", "postcode", "district", "locality",
                                               "unplaced_reason", "amount_pence", "category", "source_file", "source_row"], order: "id", identity: "id"),
    ]
}

// MARK: Contracts

extension SQLRegister {
    public func award(_ terms: ContractTerms) throws {
        try write { db in try RegisterRows.insert(terms, into: db) }
    }

    public func contracts() throws -> [ContractSummary] {
        try read { db in
            try db.rows("""
                SELECT c.reference, c.title, c.supplier_name, c.directorate, c.contract_manager, c.start_date, c.end_date,
                    (SELECT coalesce(sum(due_pence), 0) FROM delivery_position p WHERE p.contract = c.reference) AS committed,
                    (SELECT count(*) FROM delivery_return r WHERE r.contract = c.reference AND r.superseded_by IS NULL) AS returns
                FROM contract c ORDER BY c.reference
                """).map { row in
                ContractSummary(reference: row["reference"], title: row["title"], supplier: row["supplier_name"], directorate: row["directorate"],
                                contractManager: row["contract_manager"], start: try Units.day(row["start_date"]),
                                end: try Units.day(row["end_date"]), committedValue: Units.money(pence: row["committed"]), returns: row["returns"])
            }
        }
    }

    public func contract(_ reference: String) throws -> ContractTerms {
        try read { db in try RegisterRows.terms(db, reference) }
    }

    public func importReturn(_ document: DeliveryReturn, digest: String, on day: Day) throws -> ImportOutcome {
        try write { db in try RegisterRows.insert(document, digest: digest, on: day, into: db) }
    }

    public func returns(of contract: String) throws -> [StoredReturn] {
        try read { db in try RegisterRows.returns(db, terms: try RegisterRows.terms(db, contract)) }
    }

    public func recordReview(_ review: ReturnReview) throws {
        try write { db in
            guard let contract = try db.value("SELECT contract FROM delivery_return WHERE id = ?", [review.returnID], as: String.self) else {
                throw RegisterError(.refused, "The return being reviewed is no longer in the register. Nothing was changed.")
            }
            try RegisterRows.lock(db, contract: contract)
            let current = try RegisterRows.stored(review.returnID, terms: try RegisterRows.terms(db, contract), db)
            if current.supersededBy != nil {
                throw RegisterError(.refused, "A corrected return replaced this one while it was being reviewed. Nothing was changed; review the new one.")
            }
            let document = current.document
            for decision in review.decisions {
                try db.execute("""
                    UPDATE evidence_item SET status = ?, reason = ?, reviewed_by = ?, reviewed_on = ? WHERE return_id = ? AND measure = ? AND item = ?
                    """, [decision.status.rawValue, decision.reason, review.reviewer, review.day.iso, review.returnID, decision.measure.rawValue, decision.item])
            }
            for line in document.lines {
                let statuses = try db.column("SELECT status FROM evidence_item WHERE return_id = ? AND measure = ?",
                                             [review.returnID, line.measure.rawValue], as: String.self).compactMap(EvidenceStatus.init(rawValue:))
                let settled = ReturnReview.settled(delivered: line.delivered.value, statuses: statuses, accepted: review.accepted[line.measure])
                try db.execute("UPDATE delivery_line SET validated_micros = ?, validated_pence = ? WHERE return_id = ? AND measure = ?",
                               [settled.map(Units.micros), settled.flatMap { quantity in line.perUnit.map { Units.pence(($0 * quantity).roundedToPenny) } },
                                review.returnID, line.measure.rawValue])
            }
            try RegisterRows.refreshPositions(db, contract: document.contract.reference, period: document.period.id)
            for action in review.actions {
                try db.execute("INSERT INTO corrective_action (contract, measure, action, due_on, agreed_on, agreed_by) VALUES (?, ?, ?, ?, ?, ?)",
                               [document.contract.reference, action.measure?.rawValue, action.action, action.dueOn?.iso, action.agreedOn.iso, action.agreedBy])
            }
        }
    }

    // MARK: Assurance and actions

    public func addAssurance(_ assurance: LivingWageStatus.Assurance, contract: String) throws {
        try write { db in
            try RegisterRows.lock(db, contract: contract)
            _ = try RegisterRows.terms(db, contract)
            try db.execute("INSERT INTO living_wage_assurance (contract, given_on, given_by, compliant, evidence) VALUES (?, ?, ?, ?, ?)",
                           [contract, assurance.givenOn.iso, assurance.givenBy, assurance.compliant, assurance.evidence])
        }
    }

    public func assurances(of contract: String) throws -> [LivingWageStatus.Assurance] {
        try read { db in try RegisterRows.assurances(db, contract) }
    }

    public func actions(of contract: String) throws -> [CorrectiveAction] {
        try read { db in try RegisterRows.actions(db, contract) }
    }

    // MARK: Tracking

    public func tracking(of contract: String, asOf: Day, rag: RAGThresholds) throws -> Tracking {
        try read { db in
            let terms = try RegisterRows.terms(db, contract)
            let calendar = terms.calendar
            // Each measure's position in each period, kept up to date by every award, import and review.
            let valued = Dictionary(uniqueKeysWithValues: terms.commitments.map { ($0.measure, $0.perUnit != nil) })
            func figure(_ micros: Int64, _ pence: Int64?, valued: Bool) -> Tracking.Figure {
                Tracking.Figure(Units.decimal(micros: micros), valued ? Units.money(pence: pence ?? 0) : nil)
            }
            var cells: [Tracking.Cell] = []
            for row in try db.rows("""
                SELECT measure, period, due_micros, due_pence, reported_micros, reported_pence, validated_micros, validated_pence,
                    awaiting_micros, awaiting_pence
                FROM delivery_position WHERE contract = ? ORDER BY measure, period_end
                """, [contract]) {
                let measure = try Units.measure(row["measure"])
                guard let period = calendar.period(id: row["period"]) else { continue }
                let isValued = valued[measure] ?? false
                var cell = Tracking.Cell(measure: measure, period: period,
                                         committed: figure(row["due_micros"], row["due_pence"], valued: isValued),
                                         reported: figure(row["reported_micros"], row["reported_pence"], valued: isValued),
                                         validated: figure(row["validated_micros"], row["validated_pence"], valued: isValued),
                                         pending: figure(row["awaiting_micros"], row["awaiting_pence"], valued: isValued),
                                         rejected: figure(0, 0, valued: isValued), isDue: period.isDue(asOf: asOf))
                cell.rejected = cell.reported - cell.validated - cell.pending
                cells.append(cell)
            }
            return Tracking(contract: terms, asOf: asOf, cells: cells, rag: rag)
        }
    }

    // MARK: Export

    public func export() throws -> RegisterExport {
        try read { db in
            RegisterExport(contracts: try db.column("SELECT reference FROM contract ORDER BY reference", as: String.self).map { reference in
                let terms = try RegisterRows.terms(db, reference)
                return RegisterExport.ContractRecord(contract: terms, returns: try RegisterRows.returns(db, terms: terms),
                                                     actions: try RegisterRows.actions(db, reference),
                                                     assurances: try RegisterRows.assurances(db, reference))
            })
        }
    }

    /// Copies every row of this register into `target`, which must hold none yet, in one
    /// transaction of each: history, reviews and spending included.
    func copy(into target: any SQLRegister) throws -> [String: Int] {
        try read { source in
            try target.write { destination in
                for table in RegisterTables.all {
                    if try destination.value("SELECT count(*) FROM \(table.name)", as: Int.self) ?? 0 > 0 {
                        throw RegisterError(.refused, "The register being copied to is not empty (it has rows in \(table.name)). Nothing was copied; "
                            + "give a new, empty register.")
                    }
                }
                try destination.execute(destination.dialect.deferForeignKeys)
                var counts: [String: Int] = [:]
                for table in RegisterTables.all {
                    let columns = table.columns.joined(separator: ", ")
                    // Many rows to a statement (within both databases' limits on arguments), so a
                    // register of thousands of contracts is not copied one round trip a row.
                    let perStatement = 30_000 / table.columns.count
                    let marks = "(" + Array(repeating: "?", count: table.columns.count).joined(separator: ", ") + ")"
                    var pending: [SQLValue] = []
                    var count = 0
                    func flush() throws {
                        let rows = pending.count / table.columns.count
                        guard rows > 0 else { return }
                        try destination.execute("INSERT INTO \(table.name) (\(columns)) VALUES " + Array(repeating: marks, count: rows).joined(separator: ", "),
                                                .positional(pending))
                        pending.removeAll(keepingCapacity: true)
                    }
                    try source.each("SELECT \(columns) FROM \(table.name) ORDER BY \(table.order)", []) { row in
                        pending += row.values
                        count += 1
                        if count % perStatement == 0 { try flush() }
                    }
                    try flush()
                    counts[table.name] = count
                    if let identity = table.identity, destination.dialect == .postgres {
                        try destination.execute("""
                            SELECT setval(pg_get_serial_sequence('\(table.name)', '\(identity)'), coalesce((SELECT max(\(identity)) FROM \(table.name)), 0) + 1, false)
                            """)
                    }
                }
                return counts
            }
        }
    }
}

// MARK: Spending

extension SQLRegister {
    /// The council's spending by financial year, for each year that ended by `through`.
    public func spendYears(through: Day, financialYearStartMonth: Int) throws -> [SocialValueReport.SpendYear] {
        let last = ReportRange.financialYear(of: through.adding(days: 1).adding(months: -12), startMonth: financialYearStartMonth)
        return try read { db in
            try db.column("SELECT DISTINCT financial_year FROM spend_payment WHERE financial_year <= ? ORDER BY financial_year", [last], as: String.self)
                .map { year in
                    let sums = try db.row("""
                        SELECT sum(amount_pence) AS total, count(*) AS payments,
                            sum(CASE WHEN locality = 'local' THEN amount_pence ELSE 0 END) AS local,
                            sum(CASE WHEN locality = 'partial' THEN amount_pence ELSE 0 END) AS partial,
                            sum(CASE WHEN locality = 'outside' THEN amount_pence ELSE 0 END) AS outside,
                            sum(CASE WHEN locality = 'unplaced' THEN amount_pence ELSE 0 END) AS unplaced,
                            sum(CASE WHEN locality = 'unplaced' THEN 1 ELSE 0 END) AS unplaced_count
                        FROM spend_payment WHERE financial_year = ?
                        """, [year])!
                    let groups = { (sql: String) -> [SocialValueReport.SpendGroup] in
                        try db.rows(sql, [year]).map {
                            SocialValueReport.SpendGroup(name: $0["name"] ?? "", amount: Units.money(pence: $0["amount"]), location: $0["location"])
                        }
                    }
                    let pence = { (column: String) in Units.money(pence: sums[column] ?? 0) }
                    return SocialValueReport.SpendYear(
                        financialYear: year, total: pence("total"), local: pence("local"), partial: pence("partial"), outside: pence("outside"),
                        unplaced: pence("unplaced"), payments: sums["payments"], unplacedPayments: sums["unplaced_count"],
                        districts: try groups("""
                            SELECT coalesce(district, 'not placed') AS name, sum(amount_pence) AS amount, NULL AS location FROM spend_payment
                            WHERE financial_year = ? GROUP BY coalesce(district, 'not placed') ORDER BY amount DESC, name
                            """),
                        categories: try groups("""
                            SELECT category AS name, sum(amount_pence) AS amount, NULL AS location FROM spend_payment
                            WHERE financial_year = ? GROUP BY category ORDER BY amount DESC, name
                            """),
                        largestSuppliers: try groups("""
                            SELECT supplier AS name, sum(amount_pence) AS amount, max(locality) AS location FROM spend_payment
                            WHERE financial_year = ? GROUP BY supplier ORDER BY amount DESC, name LIMIT 10
                            """))
                }
        }
    }

    /// Adds `payments` from `file`, in one transaction; a payment already in the register (the
    /// same date, supplier, amount, category and reference) is left out as a duplicate.
    public func importSpend(_ payments: [SpendFile.Payment], file: String, financialYearStartMonth: Int) throws -> SpendImport {
        try importSpend(file: file, financialYearStartMonth: financialYearStartMonth) { insert in
            for payment in payments { try insert(payment) }
        }
    }

    /// Imports the payments `produce` hands over one at a time (a file read as it is parsed), in
    /// one transaction: if `produce` throws, nothing of the file is imported.
    public func importSpend(file: String, financialYearStartMonth: Int,
                            produce: (_ insert: (SpendFile.Payment) throws -> Void) throws -> Void) throws -> SpendImport {
        try write { db in
            // Many payments to a statement (a round trip each would make a shared register's import
            // take minutes); a payment already there, or twice in the file, is left out, and the
            // statement returns the amounts of those it added.
            let columns = 12, perStatement = 2_000
            var pending: [SQLValue] = []
            var result = SpendImport(imported: 0, duplicates: 0, total: .zero)
            func flush() throws {
                let rows = pending.count / columns
                guard rows > 0 else { return }
                let added = try db.column("""
                    INSERT INTO spend_payment (fingerprint, paid_on, financial_year, supplier, postcode, district, locality, unplaced_reason,
                        amount_pence, category, source_file, source_row)
                    VALUES \(Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
                    ON CONFLICT DO NOTHING RETURNING amount_pence
                    """, .positional(pending), as: Int64.self)
                result.imported += added.count
                result.duplicates += rows - added.count
                result.total = result.total + Units.money(pence: added.reduce(0, +))
                pending.removeAll(keepingCapacity: true)
            }
            try produce { payment in
                let values: [(any SQLBindable)?] = [payment.fingerprint, payment.date.iso,
                                                    ReportRange.financialYear(of: payment.date, startMonth: financialYearStartMonth), payment.supplier,
                                                    payment.postcode, payment.district, payment.locality, payment.unplacedReason,
                                                    Units.pence(payment.amount), payment.category, file, payment.line]
                pending += values.map { $0?.sqlValue ?? .null }
                if pending.count >= columns * perStatement { try flush() }
            }
            try flush()
            return result
        }
    }
}

/// The register's rows for one contract or return, in the open transaction of a connection.
enum RegisterRows {
    /// Waits for anyone else changing `contract` to finish, then holds it until this transaction
    /// ends: changes to one contract's returns, reviews and positions are made one at a time.
    static func lock(_ db: any SQLConnection, contract: String) throws {
        if let sql = db.dialect.lockContract { _ = try db.rows(sql, [contract]) }
    }

    /// Records `terms`.
    static func insert(_ terms: ContractTerms, into db: any SQLConnection) throws {
        let encoder = JSONEncoder.compact
        encoder.userInfo[ContractTerms.omitSchedule] = true
        let json = String(decoding: try encoder.encode(terms), as: UTF8.self)
        if try db.value("SELECT 1 FROM contract WHERE reference = ?", [terms.reference], as: Int.self) != nil {
            throw RegisterError(.duplicate, "The register already has a contract \(terms.reference). Give the new contract its own reference "
                + "with --reference.")
        }
        try db.execute("""
            INSERT INTO contract (reference, tender_reference, title, buyer, directorate, contract_manager, supplier_name,
                supplier_postcode, supplier_local, contract_value_pence, start_date, end_date, years, awarded_on,
                living_wage_assurance, bundle_digest, terms_json, supplier_district, pack_name, pack_edition, pack_illustrative)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [terms.reference, terms.tenderReference, terms.title, terms.buyer, terms.directorate, terms.contractManager,
                  terms.supplier.name, terms.supplier.postcode, terms.supplier.isLocal, Units.pence(terms.contractValue),
                  terms.start.iso, terms.term.last.iso, terms.years, terms.awarded.iso, terms.livingWageAssurance,
                  terms.bundleDigest, json, LocalArea.district(of: terms.supplier.postcode), terms.packName, terms.packEdition,
                  terms.illustrative])
        for (position, commitment) in terms.commitments.enumerated() {
            try db.execute("""
                INSERT INTO commitment (contract, measure, position, label, unit, per_unit_pence_micros) VALUES (?, ?, ?, ?, ?, ?)
                """, [terms.reference, commitment.measure.rawValue, position, commitment.label, commitment.unit.rawValue,
                      commitment.perUnit.map { Units.micros($0.pounds * 100) }])
        }
        // The schedule's lines for a period (one per contract year it touches) added together: the
        // contract's position in each period, with nothing reported yet.
        var due: [String: (measure: String, period: String, end: String, micros: Int64, pence: Int64?)] = [:]
        var order: [String] = []
        for line in terms.schedule.lines {
            let key = "\(line.measure.rawValue)#\(line.period.id)"
            if due[key] == nil {
                order.append(key)
                due[key] = (line.measure.rawValue, line.period.id, line.period.end.iso, 0, line.value == nil ? nil : 0)
            }
            due[key]!.micros += Units.micros(line.quantity.value)
            if let value = line.value { due[key]!.pence = (due[key]!.pence ?? 0) + Units.pence(value) }
        }
        for key in order {
            let entry = due[key]!
            // A valued measure has £0 reported, validated and awaiting until a return says otherwise
            // (NULL is for an unvalued one), so a period with no return at all counts in full as shortfall.
            let none: Int64? = entry.pence == nil ? nil : 0
            try db.execute("""
                INSERT INTO delivery_position (contract, measure, period, period_end, due_micros, due_pence, reported_pence, validated_pence, awaiting_pence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [terms.reference, entry.measure, entry.period, entry.end, entry.micros, entry.pence, none, none, none])
        }
        try refreshYears(db, contract: terms.reference)
    }

    /// Sets the delivery positions of `contract` (in `period`, or every period) from its current returns.
    static func refreshPositions(_ db: any SQLConnection, contract: String, period: String?) throws {
        let filter = period == nil ? "" : " AND p.period = :period"
        var arguments: SQLArguments = ["contract": contract]
        if let period { arguments = ["contract": contract, "period": period] }
        try db.execute("""
            UPDATE delivery_position AS p SET reported_micros = 0, reported_pence = CASE WHEN p.due_pence IS NULL THEN NULL ELSE 0 END,
                validated_micros = 0, validated_pence = CASE WHEN p.due_pence IS NULL THEN NULL ELSE 0 END,
                awaiting_micros = 0, awaiting_pence = CASE WHEN p.due_pence IS NULL THEN NULL ELSE 0 END
            WHERE p.contract = :contract\(filter);
            UPDATE delivery_position AS p SET reported_micros = l.delivered_micros, reported_pence = l.value_pence,
                validated_micros = coalesce(l.validated_micros, 0),
                validated_pence = CASE WHEN l.value_pence IS NULL THEN NULL ELSE coalesce(l.validated_pence, 0) END,
                awaiting_micros = CASE WHEN l.validated_micros IS NULL THEN l.delivered_micros ELSE 0 END,
                awaiting_pence = CASE WHEN l.value_pence IS NULL THEN NULL WHEN l.validated_micros IS NULL THEN l.value_pence ELSE 0 END
            FROM delivery_return AS r JOIN delivery_line AS l ON l.return_id = r.id
            WHERE r.contract = :contract AND r.superseded_by IS NULL AND p.contract = r.contract AND p.period = r.period AND p.measure = l.measure\(filter);
            """, arguments)
        try refreshYears(db, contract: contract)
    }

    /// Sets the reporting-year rows of `contract` from its positions: each year's sums and the
    /// running totals since the contract began.
    static func refreshYears(_ db: any SQLConnection, contract: String) throws {
        guard let json = try db.value("SELECT terms_json FROM contract WHERE reference = ?", [contract], as: String.self) else { return }
        struct Calendar: Decodable { var reportingYearStartMonth: Int; var periodMonths: Int }
        guard let decoded = try? JSONDecoder().decode(Calendar.self, from: Data(json.utf8)) else { return }
        let calendar = ReportingCalendar(yearStartMonth: decoded.reportingYearStartMonth, periodMonths: decoded.periodMonths)
        try db.execute("DELETE FROM delivery_year WHERE contract = ?", [contract])
        struct Sums { var values = [Int64](repeating: 0, count: 7); var valued = false }
        let positions = try db.rows("""
            SELECT measure, period_end, due_micros, due_pence, reported_micros, reported_pence, validated_micros, validated_pence, awaiting_pence
            FROM delivery_position WHERE contract = ?
            """, [contract])
        let insert = """
            INSERT INTO delivery_year (span_months, year_start, contract, measure, is_first, is_last, tdue_pence, due_micros, due_pence, reported_micros,
                reported_pence, validated_micros, validated_pence, awaiting_pence, cdue_micros, cdue_pence, creported_micros, creported_pence,
                cvalidated_micros, cvalidated_pence, cawaiting_pence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        let columns = ["due_micros", "due_pence", "reported_micros", "reported_pence", "validated_micros", "validated_pence", "awaiting_pence"]
        for span in [12, 6] {
            var spans: [String: [String: Sums]] = [:] // measure → span start → sums
            for row in positions {
                guard let end = Day(iso: row["period_end"]) else { continue }
                let start = spanStart(of: end, months: span, calendar: calendar).iso
                let measure: String = row["measure"]
                var sums = spans[measure, default: [:]][start, default: Sums()]
                for (index, column) in columns.enumerated() { sums.values[index] += (row[column] as Int64?) ?? 0 }
                sums.valued = sums.valued || (row["due_pence"] as Int64?) != nil
                spans[measure, default: [:]][start] = sums
            }
            for (measure, byStart) in spans.sorted(by: { $0.key < $1.key }) {
                var running = [Int64](repeating: 0, count: 7)
                let ordered = byStart.keys.sorted()
                let total = byStart.values.reduce(Int64(0)) { $0 + $1.values[1] }
                let valued = byStart.values.contains { $0.valued }
                for start in ordered {
                    let sums = byStart[start]!
                    for index in 0..<7 { running[index] += sums.values[index] }
                    let pence = { (value: Int64) -> Int64? in valued ? value : nil }
                    try db.execute(insert, [span, start, contract, measure, start == ordered.first, start == ordered.last, pence(total),
                                            sums.values[0], pence(sums.values[1]), sums.values[2], pence(sums.values[3]), sums.values[4],
                                            pence(sums.values[5]), pence(sums.values[6]), running[0], pence(running[1]), running[2],
                                            pence(running[3]), running[4], pence(running[5]), pence(running[6])])
                }
            }
        }
    }

    static func spanStart(of day: Day, months: Int, calendar: ReportingCalendar) -> Day {
        calendar.spanStart(of: day, months: months)
    }

    static func terms(_ db: any SQLConnection, _ reference: String) throws -> ContractTerms {
        guard let json = try db.value("SELECT terms_json FROM contract WHERE reference = ?", [reference], as: String.self) else {
            let known = try db.column("SELECT reference FROM contract ORDER BY reference LIMIT 10", as: String.self)
            throw RegisterError(.unknownContract, "The register has no contract \(reference)."
                + (known.isEmpty ? " It has no contracts yet." : " It has: \(known.joined(separator: ", ")).") + " svwizard contract list shows them all.")
        }
        do {
            return try JSONDecoder().decode(ContractTerms.self, from: Data(json.utf8))
        } catch {
            throw RegisterError(.damaged, "The register's record of contract \(reference) cannot be read (\(error)). Restore the register from a backup.")
        }
    }

    /// Records a return.
    static func insert(_ document: DeliveryReturn, digest: String, on day: Day, into db: any SQLConnection) throws -> ImportOutcome {
        let reference = document.contract.reference
        try lock(db, contract: reference)
        _ = try terms(db, reference)
        if try db.value("SELECT id FROM delivery_return WHERE contract = ? AND digest = ?", [reference, digest], as: Int64.self) != nil {
            return .unchanged
        }
        let previous = try db.row("SELECT id, prepared_on FROM delivery_return WHERE contract = ? AND period = ? AND superseded_by IS NULL",
                                  [reference, document.period.id])
        let previousID: Int64? = previous?["id"]
        let previousOn = try previous.map { try Units.day($0["prepared_on"]) }
        // A return prepared before the current one is history from the start (the domain's rule).
        let older = previousOn.map { !document.replaces(preparedOn: $0) } ?? false
        if let previousID, !older {
            // One current return a period (a partial unique index): the earlier one points at
            // itself until the new one has an id, all in this one transaction.
            try db.execute("UPDATE delivery_return SET superseded_by = id WHERE id = ?", [previousID])
        }
        guard let id = try db.value("""
            INSERT INTO delivery_return (contract, period, period_start, period_end, digest, prepared_by, prepared_on, imported_on, tool_version,
                superseded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, [reference, document.period.id, document.period.start.iso, document.period.end.iso, digest,
                  document.preparedBy, document.preparedOn.iso, day.iso, document.toolVersion, older ? previousID : nil], as: Int64.self) else {
            throw RegisterError(.refused, "The register did not number the return. Nothing was changed.")
        }
        if let previousID, !older {
            try db.execute("UPDATE delivery_return SET superseded_by = ? WHERE id = ?", [id, previousID])
        }
        for line in document.lines {
            let delivered = line.delivered.value
            let settled = ReturnReview.settled(delivered: delivered, statuses: line.evidence.map { _ in .submitted }, accepted: nil)
            try db.execute("""
                INSERT INTO delivery_line (return_id, measure, due_micros, delivered_micros, value_pence, validated_micros, validated_pence, narrative,
                    shortfall_reason, recovery_plan)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [id, line.measure.rawValue, Units.micros(line.due.value), Units.micros(delivered), line.value.map(Units.pence),
                      settled.map(Units.micros), settled.flatMap { quantity in line.perUnit.map { Units.pence(($0 * quantity).roundedToPenny) } },
                      line.narrative, line.shortfallReason, line.recoveryPlan])
            for item in line.evidence {
                try db.execute("INSERT INTO evidence_item (return_id, measure, item, what, reference, dated) VALUES (?, ?, ?, ?, ?, ?)",
                               [id, line.measure.rawValue, item.id, item.what, item.reference, item.date.iso])
            }
        }
        try refreshPositions(db, contract: reference, period: document.period.id)
        if let previousOn { return older ? .older(currentPreparedOn: previousOn) : .superseded(previousPreparedOn: previousOn) }
        return .added
    }

    /// Every return of a contract, superseded ones included, by period and then import order.
    static func returns(_ db: any SQLConnection, terms: ContractTerms) throws -> [StoredReturn] {
        try db.column("SELECT id FROM delivery_return WHERE contract = ? ORDER BY period_start, id", [terms.reference], as: Int64.self)
            .map { try stored($0, terms: terms, db) }
    }

    /// The return `id` rebuilt from its rows, with the contract's `terms`.
    static func stored(_ id: Int64, terms: ContractTerms, _ db: any SQLConnection) throws -> StoredReturn {
        guard let row = try db.row("""
            SELECT period, digest, prepared_by, prepared_on, imported_on, superseded_by, tool_version FROM delivery_return WHERE id = ?
            """, [id]), let period = terms.calendar.period(id: row["period"]) else {
            throw RegisterError(.damaged, "A return of \(terms.reference) in the register cannot be read. Restore the register from a backup.")
        }
        let evidence = try db.rows("""
            SELECT measure, item, what, reference, dated, status, reason, reviewed_by, reviewed_on FROM evidence_item WHERE return_id = ?
            """, [id]).map { item in
            ReviewedEvidence(measure: try Units.measure(item["measure"]),
                             item: EvidenceItem(id: item["item"], what: item["what"], reference: item["reference"], date: try Units.day(item["dated"])),
                             status: EvidenceStatus(rawValue: item["status"]) ?? .submitted, reason: item["reason"],
                             reviewedBy: item["reviewed_by"], reviewedOn: try (item["reviewed_on"] as String?).map(Units.day))
        }
        let order = Dictionary(uniqueKeysWithValues: terms.commitments.enumerated().map { ($0.element.measure, $0.offset) })
        let sortedEvidence = evidence.sorted { a, b in
            (order[a.measure] ?? 0, itemNumber(a.item.id)) < (order[b.measure] ?? 0, itemNumber(b.item.id))
        }
        var lines: [DeliveryLine] = []
        var settled: [SettledLine] = []
        for line in try db.rows("""
            SELECT measure, due_micros, delivered_micros, validated_micros, narrative, shortfall_reason, recovery_plan FROM delivery_line WHERE return_id = ?
            """, [id]) {
            let measure = try Units.measure(line["measure"])
            guard let commitment = terms.commitment(measure) else { continue }
            lines.append(DeliveryLine(commitment: commitment, due: Units.decimal(micros: line["due_micros"]), delivered: Units.decimal(micros: line["delivered_micros"]),
                                      evidence: sortedEvidence.filter { $0.measure == measure }.map(\.item), narrative: line["narrative"],
                                      shortfallReason: line["shortfall_reason"], recoveryPlan: line["recovery_plan"]))
            if let validated = line["validated_micros"] as Int64? {
                settled.append(SettledLine(measure: measure, validated: Quantity(Units.decimal(micros: validated))))
            }
        }
        lines.sort { (order[$0.measure] ?? 0) < (order[$1.measure] ?? 0) }
        settled.sort { (order[$0.measure] ?? 0) < (order[$1.measure] ?? 0) }
        let document = DeliveryReturn(toolVersion: row["tool_version"], contract: terms, period: period, preparedBy: row["prepared_by"],
                                      preparedOn: try Units.day(row["prepared_on"]), lines: lines)
        return StoredReturn(id: id, document: document, digest: row["digest"], importedOn: try Units.day(row["imported_on"]),
                            supersededBy: row["superseded_by"], evidence: sortedEvidence, settled: settled)
    }

    private static func itemNumber(_ id: String) -> Int { Int(id.split(separator: "-").last ?? "") ?? 0 }

    static func assurances(_ db: any SQLConnection, _ contract: String) throws -> [LivingWageStatus.Assurance] {
        try db.rows("SELECT given_on, given_by, compliant, evidence FROM living_wage_assurance WHERE contract = ? ORDER BY given_on, id",
                    [contract]).map {
            LivingWageStatus.Assurance(givenOn: try Units.day($0["given_on"]), givenBy: $0["given_by"], compliant: $0["compliant"], evidence: $0["evidence"])
        }
    }

    static func actions(_ db: any SQLConnection, _ contract: String) throws -> [CorrectiveAction] {
        try db.rows("SELECT measure, action, due_on, agreed_on, agreed_by FROM corrective_action WHERE contract = ? ORDER BY agreed_on, id",
                    [contract]).map {
            CorrectiveAction(measure: try ($0["measure"] as String?).map(Units.measure), action: $0["action"],
                             dueOn: try ($0["due_on"] as String?).map(Units.day), agreedOn: try Units.day($0["agreed_on"]), agreedBy: $0["agreed_by"])
        }
    }
}

extension ReportingCalendar {
    /// The first day of the reporting year (`months` 12) or half year (6) containing `day`: the
    /// spans the register keeps running totals for.
    public func spanStart(of day: Day, months: Int) -> Day {
        let year = yearStart(containing: day)
        let into = (day.year * 12 + day.month) - (year.year * 12 + year.month)
        return year.adding(months: into / months * months)
    }
}
