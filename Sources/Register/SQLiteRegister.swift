import Foundation
import GRDB
import SocialValue

/// The register in one SQLite file, through GRDB: write-ahead logging, every change in one
/// immediate transaction, versioned migrations (`RegisterSchema`). A file that is not an
/// svwizard register, is damaged, or was made by a newer svwizard is refused and never written to.
public final class SQLiteRegister: RegisterStore {
    public let url: URL
    private let pool: DatabasePool
    /// Registers up to this size are checked in full when opened.
    static let fullCheckLimit = 64 * 1_048_576

    /// Opens the register at `url`. With `create`, a missing file (or an empty one) becomes a
    /// new register; without it, a missing register is `RegisterError.missing`.
    public init(url: URL, create: Bool) throws {
        self.url = url
        let path = url.path
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw RegisterError(.notARegister, "\(path) is a folder, not a register. Give the register's file, such as \(path)/register.sqlite.")
        }
        if manager.fileExists(atPath: path) {
            try Self.checkExisting(url)
        } else if create {
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw RegisterError(.unwritable, "The register's folder \(url.deletingLastPathComponent().path) could not be made "
                    + "(\(error.localizedDescription)). Choose another place with --register or SVWIZARD_REGISTER.")
            }
        } else {
            throw RegisterError(.missing, "There is no register at \(path) yet. Record a contract first with svwizard contract award, "
                + "or point at the council's register with --register FILE or SVWIZARD_REGISTER.")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(15)
        configuration.foreignKeysEnabled = true
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.write { db in
                if try Int32.fetchOne(db, sql: "PRAGMA application_id") != RegisterSchema.applicationID {
                    try db.execute(sql: "PRAGMA application_id = \(RegisterSchema.applicationID)")
                }
            }
            try RegisterSchema.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    /// What a file that is not a regular file is, in words.
    private static func describe(_ type: FileAttributeType) -> String {
        switch type {
        case .typeCharacterSpecial, .typeBlockSpecial: "a device"
        case .typeSocket: "a socket"
        case .typeDirectory: "a folder"
        default: "a named pipe or another special file"
        }
    }

    /// Refuses a file that is not a register of this svwizard, before anything is written to it.
    private static func checkExisting(_ url: URL) throws {
        let path = url.path
        // A named pipe, a device or a socket would hang SQLite or be written beside (/dev/null-journal):
        // refused at once, before it is opened.
        let type = (try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)[.type]) as? FileAttributeType
        if let type, type != .typeRegular {
            throw RegisterError(.notARegister, "\(path) is not a file but \(Self.describe(type)), so it cannot be a register. Nothing was "
                + "read or written; give the register's file with --register, such as register.sqlite.")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RegisterError(.unwritable, "The register \(path) cannot be read. Check its permissions.")
        }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if header.isEmpty { return } // an empty file: nothing to lose; it becomes a register
        guard header == Data("SQLite format 3\0".utf8) else {
            throw RegisterError(.notARegister, "\(path) is not an svwizard register (it is not an SQLite database). It was left as it is; "
                + "give another file with --register, or move this one away.")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(15)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                if id != RegisterSchema.applicationID && !(id == 0 && tables == 0) {
                    throw RegisterError(.notARegister, "\(path) is an SQLite database of another program, not an svwizard register. It was "
                        + "left as it is; give another file with --register.")
                }
                // The whole file is checked when it is of a size a council's register has (a sample of
                // thousands of contracts is not checked page by page at every start; SQLite still
                // refuses any damaged page it reads).
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                let check = size <= SQLiteRegister.fullCheckLimit ? try String.fetchAll(db, sql: "PRAGMA quick_check") : ["ok"]
                if check != ["ok"] {
                    throw RegisterError(.damaged, "The register \(path) is damaged (\(check.prefix(3).joined(separator: "; "))). Nothing was "
                        + "changed. Restore it from a backup (svwizard register backup makes one).")
                }
                if tables > 0, try RegisterSchema.migrator.hasBeenSuperseded(db) {
                    throw RegisterError(.newer, "The register \(path) was made by a newer svwizard. Nothing was changed; use that version.")
                }
            }
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
    }

    static func translate(_ error: DatabaseError, path: String) -> RegisterError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return RegisterError(.busy, "The register \(path) is busy with another svwizard. Nothing was changed; try again in a moment.")
        case .SQLITE_NOTADB:
            return RegisterError(.notARegister, "\(path) is not an svwizard register (not a database). It was left as it is.")
        case .SQLITE_CORRUPT:
            return RegisterError(.damaged, "The register \(path) is damaged. Nothing was changed. Restore it from a backup.")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_FULL, .SQLITE_IOERR:
            return RegisterError(.unwritable, "The register \(path) cannot be written (\(error.message ?? "\(error.resultCode)")). Nothing was changed.")
        default:
            return RegisterError(.refused, "The register \(path) refused the change (\(error.message ?? "\(error.resultCode)")). Nothing was changed.")
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: url.path)
        }
    }

    /// Runs `body` on the writing connection without a transaction (for queries that build
    /// temporary tables; `body` opens its own).
    func onWriter<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction(body)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: url.path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: url.path)
        }
    }

    // MARK: Contracts

    public func award(_ terms: ContractTerms) throws {
        try write { db in try Self.insert(terms, into: db) }
    }

    /// Records `terms` in the open transaction of `db`.
    static func insert(_ terms: ContractTerms, into db: Database) throws {
        let encoder = JSONEncoder.compact
        encoder.userInfo[ContractTerms.omitSchedule] = true
        let json = String(decoding: try encoder.encode(terms), as: UTF8.self)
        if try Int.fetchOne(db, sql: "SELECT 1 FROM contract WHERE reference = ?", arguments: [terms.reference]) != nil {
            throw RegisterError(.duplicate, "The register already has a contract \(terms.reference). Give the new contract its own reference "
                + "with --reference.")
        }
        try db.execute(sql: """
            INSERT INTO contract (reference, tender_reference, title, buyer, directorate, contract_manager, supplier_name,
                supplier_postcode, supplier_local, contract_value_pence, start_date, end_date, years, awarded_on,
                living_wage_assurance, bundle_digest, terms_json, supplier_district, pack_name, pack_edition, pack_illustrative)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [terms.reference, terms.tenderReference, terms.title, terms.buyer, terms.directorate, terms.contractManager,
                             terms.supplier.name, terms.supplier.postcode, terms.supplier.isLocal, Units.pence(terms.contractValue),
                             terms.start.iso, terms.term.last.iso, terms.years, terms.awarded.iso, terms.livingWageAssurance,
                             terms.bundleDigest, json, LocalArea.district(of: terms.supplier.postcode), terms.packName, terms.packEdition,
                             terms.illustrative])
        for (position, commitment) in terms.commitments.enumerated() {
            try db.execute(sql: """
                INSERT INTO commitment (contract, measure, position, label, unit, per_unit_pence_micros) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [terms.reference, commitment.measure.rawValue, position, commitment.label, commitment.unit.rawValue,
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
        let positionStatement = try db.cachedStatement(sql: """
            INSERT INTO delivery_position (contract, measure, period, period_end, due_micros, due_pence) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for key in order {
            let entry = due[key]!
            try positionStatement.execute(arguments: [terms.reference, entry.measure, entry.period, entry.end, entry.micros, entry.pence])
        }
        try refreshYears(db, contract: terms.reference)
    }

    /// Sets the delivery positions of `contract` (in `period`, or every period) from its current
    /// returns, in the open transaction of `db`.
    static func refreshPositions(_ db: Database, contract: String, period: String?) throws {
        let filter = period == nil ? "" : " AND p.period = :period"
        try db.execute(sql: """
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
            """, arguments: ["contract": contract, "period": period])
        try refreshYears(db, contract: contract)
    }

    /// Sets the reporting-year rows of `contract` from its positions: each year's sums and the
    /// running totals since the contract began.
    static func refreshYears(_ db: Database, contract: String) throws {
        guard let calendar = try Row.fetchOne(db, sql: "SELECT terms_json FROM contract WHERE reference = ?", arguments: [contract])
            .flatMap({ row -> ReportingCalendar? in
                struct Calendar: Decodable { var reportingYearStartMonth: Int; var periodMonths: Int }
                return (try? JSONDecoder().decode(Calendar.self, from: Data((row["terms_json"] as String).utf8)))
                    .map { ReportingCalendar(yearStartMonth: $0.reportingYearStartMonth, periodMonths: $0.periodMonths) }
            }) else { return }
        try db.execute(sql: "DELETE FROM delivery_year WHERE contract = ?", arguments: [contract])
        struct Sums { var values = [Int64](repeating: 0, count: 7); var valued = false }
        let positions = try Row.fetchAll(db, sql: """
            SELECT measure, period_end, due_micros, due_pence, reported_micros, reported_pence, validated_micros, validated_pence, awaiting_pence
            FROM delivery_position WHERE contract = ?
            """, arguments: [contract])
        let statement = try db.cachedStatement(sql: """
            INSERT INTO delivery_year (span_months, year_start, contract, measure, is_first, is_last, tdue_pence, due_micros, due_pence, reported_micros,
                reported_pence, validated_micros, validated_pence, awaiting_pence, cdue_micros, cdue_pence, creported_micros, creported_pence,
                cvalidated_micros, cvalidated_pence, cawaiting_pence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let columns = ["due_micros", "due_pence", "reported_micros", "reported_pence", "validated_micros", "validated_pence", "awaiting_pence"]
        for span in [12, 6] {
            var spans: [String: [String: Sums]] = [:] // measure → span start → sums
            for row in positions {
                guard let end = Day(iso: row["period_end"]) else { continue }
                let start = spanStart(of: end, months: span, calendar: calendar).iso
                var sums = spans[row["measure"], default: [:]][start, default: Sums()]
                for (index, column) in columns.enumerated() { sums.values[index] += (row[column] as Int64?) ?? 0 }
                sums.valued = sums.valued || (row["due_pence"] as Int64?) != nil
                spans[row["measure"], default: [:]][start] = sums
            }
            for (measure, byStart) in spans {
                var running = [Int64](repeating: 0, count: 7)
                let ordered = byStart.keys.sorted()
                let total = byStart.values.reduce(Int64(0)) { $0 + $1.values[1] }
                let valued = byStart.values.contains { $0.valued }
                for start in ordered {
                    let sums = byStart[start]!
                    for index in 0..<7 { running[index] += sums.values[index] }
                    let pence = { (value: Int64) -> Int64? in valued ? value : nil }
                    try statement.execute(arguments: [span, start, contract, measure, start == ordered.first, start == ordered.last, pence(total),
                                                      sums.values[0], pence(sums.values[1]), sums.values[2], pence(sums.values[3]), sums.values[4],
                                                      pence(sums.values[5]), pence(sums.values[6]), running[0], pence(running[1]), running[2],
                                                      pence(running[3]), running[4], pence(running[5]), pence(running[6])])
                }
            }
        }
    }

    /// The first day of the reporting year (`months` 12) or half year (6) containing `day`.
    public static func spanStart(of day: Day, months: Int, calendar: ReportingCalendar) -> Day {
        let year = calendar.yearStart(containing: day)
        let into = (day.year * 12 + day.month) - (year.year * 12 + year.month)
        return year.adding(months: into / months * months)
    }

    public func contracts() throws -> [ContractSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
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
        try read { db in try Self.terms(db, reference) }
    }

    private static func terms(_ db: Database, _ reference: String) throws -> ContractTerms {
        guard let json = try String.fetchOne(db, sql: "SELECT terms_json FROM contract WHERE reference = ?", arguments: [reference]) else {
            let known = try String.fetchAll(db, sql: "SELECT reference FROM contract ORDER BY reference LIMIT 10")
            throw RegisterError(.unknownContract, "The register has no contract \(reference)."
                + (known.isEmpty ? " It has no contracts yet." : " It has: \(known.joined(separator: ", ")).") + " svwizard contract list shows them all.")
        }
        do {
            return try JSONDecoder().decode(ContractTerms.self, from: Data(json.utf8))
        } catch {
            throw RegisterError(.damaged, "The register's record of contract \(reference) cannot be read (\(error)). Restore the register from a backup.")
        }
    }

    // MARK: Returns

    public func importReturn(_ document: DeliveryReturn, digest: String, on day: Day) throws -> ImportOutcome {
        try write { db in try Self.insert(document, digest: digest, on: day, into: db) }
    }

    /// Records a return in the open transaction of `db`.
    static func insert(_ document: DeliveryReturn, digest: String, on day: Day, into db: Database) throws -> ImportOutcome {
        let reference = document.contract.reference
        _ = try terms(db, reference)
        if try Int64.fetchOne(db, sql: "SELECT id FROM delivery_return WHERE contract = ? AND digest = ?", arguments: [reference, digest]) != nil {
            return .unchanged
        }
        let previous = try Row.fetchOne(db, sql: """
            SELECT id, prepared_on FROM delivery_return WHERE contract = ? AND period = ? AND superseded_by IS NULL
            """, arguments: [reference, document.period.id])
        let previousOn = try previous.map { try Units.day($0["prepared_on"]) }
        // A return prepared before the current one is history from the start (the domain's rule).
        let older = previousOn.map { !document.replaces(preparedOn: $0) } ?? false
        if let previous, !older {
            // One current return a period (a partial unique index): the earlier one points at
            // itself until the new one has an id, all in this one transaction.
            try db.execute(sql: "UPDATE delivery_return SET superseded_by = id WHERE id = ?", arguments: [previous["id"] as Int64])
        }
        try db.execute(sql: """
            INSERT INTO delivery_return (contract, period, period_start, period_end, digest, prepared_by, prepared_on, imported_on, tool_version,
                superseded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [reference, document.period.id, document.period.start.iso, document.period.end.iso, digest,
                             document.preparedBy, document.preparedOn.iso, day.iso, document.toolVersion,
                             older ? previous?["id"] as Int64? : nil])
        let id = db.lastInsertedRowID
        if let previous, !older {
            try db.execute(sql: "UPDATE delivery_return SET superseded_by = ? WHERE id = ?", arguments: [id, previous["id"] as Int64])
        }
        let lineStatement = try db.cachedStatement(sql: """
            INSERT INTO delivery_line (return_id, measure, due_micros, delivered_micros, value_pence, validated_micros, validated_pence, narrative,
                shortfall_reason, recovery_plan)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for line in document.lines {
            let delivered = line.delivered.value
            let settled = ReturnReview.settled(delivered: delivered, statuses: line.evidence.map { _ in .submitted }, accepted: nil)
            try lineStatement.execute(arguments: [id, line.measure.rawValue, Units.micros(line.due.value), Units.micros(delivered), line.value.map(Units.pence),
                                                  settled.map(Units.micros), settled.flatMap { quantity in line.perUnit.map { Units.pence(($0 * quantity).roundedToPenny) } },
                                                  line.narrative, line.shortfallReason, line.recoveryPlan])
            for item in line.evidence {
                try db.execute(sql: """
                    INSERT INTO evidence_item (return_id, measure, item, what, reference, dated) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [id, line.measure.rawValue, item.id, item.what, item.reference, item.date.iso])
            }
        }
        try refreshPositions(db, contract: reference, period: document.period.id)
        if let previousOn { return older ? .older(currentPreparedOn: previousOn) : .superseded(previousPreparedOn: previousOn) }
        return .added
    }

    public func returns(of contract: String) throws -> [StoredReturn] {
        try read { db in
            let terms = try Self.terms(db, contract)
            return try Int64.fetchAll(db, sql: "SELECT id FROM delivery_return WHERE contract = ? ORDER BY period_start, id", arguments: [contract])
                .map { try Self.stored($0, terms: terms, db) }
        }
    }

    /// The return `id` rebuilt from its rows, with the contract's `terms`.
    static func stored(_ id: Int64, terms: ContractTerms, _ db: Database) throws -> StoredReturn {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT period, digest, prepared_by, prepared_on, imported_on, superseded_by, tool_version FROM delivery_return WHERE id = ?
            """, arguments: [id]), let period = terms.calendar.period(id: row["period"]) else {
            throw RegisterError(.damaged, "A return of \(terms.reference) in the register cannot be read. Restore the register from a backup.")
        }
        let evidence = try Row.fetchAll(db, sql: """
            SELECT measure, item, what, reference, dated, status, reason, reviewed_by, reviewed_on FROM evidence_item WHERE return_id = ?
            """, arguments: [id]).map { item in
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
        for line in try Row.fetchAll(db, sql: """
            SELECT measure, due_micros, delivered_micros, validated_micros, narrative, shortfall_reason, recovery_plan FROM delivery_line WHERE return_id = ?
            """, arguments: [id]) {
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

    public func recordReview(_ review: ReturnReview) throws {
        try write { db in
            guard let contract = try String.fetchOne(db, sql: "SELECT contract FROM delivery_return WHERE id = ?", arguments: [review.returnID]) else {
                throw RegisterError(.refused, "The return being reviewed is no longer in the register. Nothing was changed.")
            }
            let current = try Self.stored(review.returnID, terms: try Self.terms(db, contract), db)
            if current.supersededBy != nil {
                throw RegisterError(.refused, "A corrected return replaced this one while it was being reviewed. Nothing was changed; review the new one.")
            }
            let document = current.document
            for decision in review.decisions {
                try db.execute(sql: """
                    UPDATE evidence_item SET status = ?, reason = ?, reviewed_by = ?, reviewed_on = ? WHERE return_id = ? AND measure = ? AND item = ?
                    """, arguments: [decision.status.rawValue, decision.reason, review.reviewer, review.day.iso, review.returnID,
                                     decision.measure.rawValue, decision.item])
            }
            for line in document.lines {
                let statuses = try String.fetchAll(db, sql: "SELECT status FROM evidence_item WHERE return_id = ? AND measure = ?",
                                                   arguments: [review.returnID, line.measure.rawValue]).compactMap(EvidenceStatus.init(rawValue:))
                let settled = ReturnReview.settled(delivered: line.delivered.value, statuses: statuses, accepted: review.accepted[line.measure])
                try db.execute(sql: "UPDATE delivery_line SET validated_micros = ?, validated_pence = ? WHERE return_id = ? AND measure = ?",
                               arguments: [settled.map(Units.micros), settled.flatMap { quantity in line.perUnit.map { Units.pence(($0 * quantity).roundedToPenny) } },
                                           review.returnID, line.measure.rawValue])
            }
            try Self.refreshPositions(db, contract: document.contract.reference, period: document.period.id)
            for action in review.actions {
                try db.execute(sql: "INSERT INTO corrective_action (contract, measure, action, due_on, agreed_on, agreed_by) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [document.contract.reference, action.measure?.rawValue, action.action, action.dueOn?.iso, action.agreedOn.iso, action.agreedBy])
            }
        }
    }

    // MARK: Assurance and actions

    public func addAssurance(_ assurance: LivingWageStatus.Assurance, contract: String) throws {
        try write { db in
            _ = try Self.terms(db, contract)
            try db.execute(sql: "INSERT INTO living_wage_assurance (contract, given_on, given_by, compliant, evidence) VALUES (?, ?, ?, ?, ?)",
                           arguments: [contract, assurance.givenOn.iso, assurance.givenBy, assurance.compliant, assurance.evidence])
        }
    }

    public func assurances(of contract: String) throws -> [LivingWageStatus.Assurance] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT given_on, given_by, compliant, evidence FROM living_wage_assurance WHERE contract = ? ORDER BY given_on, id",
                             arguments: [contract]).map {
                LivingWageStatus.Assurance(givenOn: try Units.day($0["given_on"]), givenBy: $0["given_by"], compliant: $0["compliant"], evidence: $0["evidence"])
            }
        }
    }

    public func actions(of contract: String) throws -> [CorrectiveAction] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT measure, action, due_on, agreed_on, agreed_by FROM corrective_action WHERE contract = ? ORDER BY agreed_on, id",
                             arguments: [contract]).map {
                CorrectiveAction(measure: try ($0["measure"] as String?).map(Units.measure), action: $0["action"],
                                 dueOn: try ($0["due_on"] as String?).map(Units.day), agreedOn: try Units.day($0["agreed_on"]), agreedBy: $0["agreed_by"])
            }
        }
    }

    // MARK: Tracking

    public func tracking(of contract: String, asOf: Day, rag: RAGThresholds) throws -> Tracking {
        try read { db in
            let terms = try Self.terms(db, contract)
            let calendar = terms.calendar
            // Each measure's position in each period, kept up to date by every award, import and review.
            let valued = Dictionary(uniqueKeysWithValues: terms.commitments.map { ($0.measure, $0.perUnit != nil) })
            var cells: [String: Tracking.Cell] = [:]
            var order: [String] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT measure, period, due_micros, due_pence, reported_micros, reported_pence, validated_micros, validated_pence,
                    awaiting_micros, awaiting_pence
                FROM delivery_position WHERE contract = ? ORDER BY measure, period_end
                """, arguments: [contract]) {
                let measure = try Units.measure(row["measure"])
                guard let period = calendar.period(id: row["period"]) else { continue }
                let key = "\(measure.rawValue)#\(period.id)"
                order.append(key)
                let isValued = valued[measure] ?? false
                var cell = Tracking.Cell(measure: measure, period: period,
                                         committed: Figure(row["due_micros"], row["due_pence"], valued: isValued),
                                         reported: Figure(row["reported_micros"], row["reported_pence"], valued: isValued),
                                         validated: Figure(row["validated_micros"], row["validated_pence"], valued: isValued),
                                         pending: Figure(row["awaiting_micros"], row["awaiting_pence"], valued: isValued),
                                         rejected: Figure(0, 0, valued: isValued), isDue: period.isDue(asOf: asOf))
                cell.rejected = cell.reported - cell.validated - cell.pending
                cells[key] = cell
            }
            let sorted = order.compactMap { cells[$0] }
            return Tracking(contract: terms, asOf: asOf, cells: sorted, rag: rag)
        }
    }

    private func Figure(_ micros: Int64, _ pence: Int64?, valued: Bool) -> Tracking.Figure {
        Tracking.Figure(Units.decimal(micros: micros), valued ? Units.money(pence: pence ?? 0) : nil)
    }

    // MARK: Backup and export

    public func backup(to destination: URL) throws {
        if FileManager.default.fileExists(atPath: destination.path) {
            throw RegisterError(.refused, "\(destination.path) already exists; a backup never replaces a file. Give a new file name.")
        }
        do {
            let target = try DatabaseQueue(path: destination.path)
            try pool.backup(to: target)
            try target.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(at: destination)
            throw Self.translate(error, path: destination.path)
        }
    }

    public func export() throws -> RegisterExport {
        let references = try read { db in try String.fetchAll(db, sql: "SELECT reference FROM contract ORDER BY reference") }
        return RegisterExport(contracts: try references.map { reference in
            RegisterExport.ContractRecord(contract: try contract(reference), returns: try returns(of: reference),
                                          actions: try actions(of: reference), assurances: try assurances(of: reference))
        })
    }
}

/// The register's units: pence and millionths, exact.
public enum Units {
    static func pence(_ money: Money) -> Int64 { micros(money.roundedToPence * 100) / 1_000_000 }

    static func micros(_ value: Decimal) -> Int64 {
        NSDecimalNumber(decimal: DecimalText.rounded(value * 1_000_000, places: 0)).int64Value
    }

    /// Millionths as a decimal, built from its digits and exponent (no division, which is slow
    /// for Decimal and would be done millions of times in a report).
    public static func decimal(micros: Int64) -> Decimal {
        Decimal(sign: micros < 0 ? .minus : .plus, exponent: -6, significand: Decimal(micros.magnitude))
    }

    public static func money(pence: Int64) -> Money {
        Money(Decimal(sign: pence < 0 ? .minus : .plus, exponent: -2, significand: Decimal(pence.magnitude)))
    }

    static func measure(_ text: String) throws -> MeasureReference {
        guard let measure = MeasureReference(text) else { throw RegisterError(.damaged, "The register holds a measure it cannot read (\(text)). Restore it from a backup.") }
        return measure
    }

    static func day(_ text: String) throws -> Day {
        guard let day = Day(iso: text) else { throw RegisterError(.damaged, "The register holds a date it cannot read (\(text)). Restore it from a backup.") }
        return day
    }
}
