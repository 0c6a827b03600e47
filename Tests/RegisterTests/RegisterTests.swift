import Foundation
import GRDB
import Testing
@testable import Register
@testable import SocialValue

/// A contract of two measures from 1 December 2025 for one year, in Rotherham's quarters.
enum Fixture {
    static func reference(_ text: String) -> MeasureReference { MeasureReference(text)! }
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static func contract(_ reference: String = "RMBC-1") -> ContractTerms {
        ContractTerms(
            reference: reference, tenderReference: "T-1", title: "Works", buyer: "Council", directorate: "Place", contractManager: "Sam",
            supplier: Supplier(name: "Maltby Joinery Ltd", postcode: "S66 8AB", isLocal: true, size: .small, kind: .company, workforce: 10,
                               newHires: 2, livingWage: .some),
            contractValue: Money(450_000), start: day("2025-12-01"), years: 1, awarded: day("2025-11-01"),
            calendar: ReportingCalendar(yearStartMonth: 12, periodMonths: 3),
            commitments: [
                ContractCommitment(measure: self.reference("TOM10"), label: "Apprenticeships", unit: .weeks, step: 1, quantities: [52],
                                   perUnit: Money(250), delivery: "One apprentice", evidencePromised: "Agreements", evidenceAsked: []),
                ContractCommitment(measure: self.reference("TOM1"), label: "Local jobs", unit: .fte, step: Decimal(string: "0.01")!, quantities: [2],
                                   perUnit: nil, delivery: "Two joiners", evidencePromised: "Payroll", evidenceAsked: []),
            ],
            packName: "council", packEdition: "2025", illustrative: false, livingWageAssurance: true, bundleDigest: String(repeating: "a", count: 64))
    }

    /// A return for `period` delivering `weeks` of TOM10 (two pieces of evidence) and `fte` of TOM1 (one).
    static func deliveryReturn(_ terms: ContractTerms, period id: String, weeks: Decimal, fte: Decimal, preparedOn: String = "2026-03-05") -> DeliveryReturn {
        let period = terms.calendar.period(id: id)!
        let due = terms.schedule.due(in: period)
        let lines = terms.commitments.map { commitment -> DeliveryLine in
            let delivered = commitment.measure.rawValue == "TOM10" ? weeks : fte
            let count = commitment.measure.rawValue == "TOM10" ? 2 : 1
            let evidence = (1...count).map { EvidenceItem(id: "\(commitment.measure.rawValue)-\($0)", what: "Record \($0)", reference: "R\($0)", date: period.end) }
            return DeliveryLine(commitment: commitment, due: due[commitment.measure] ?? 0, delivered: delivered, evidence: evidence, narrative: "Done.",
                                shortfallReason: "Late", recoveryPlan: "Catch up")
        }
        return DeliveryReturn(toolVersion: "test", contract: terms, period: period, preparedBy: "Jo", preparedOn: day(preparedOn), lines: lines)
    }

    static let rag = RAGThresholds(basis: .validated, green: 90, amber: 70, note: "the council's choice")

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("svwizard-register-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite("The contract register")
struct RegisterTests {
    let folder: URL
    init() throws { folder = try Fixture.folder() }

    func open(_ name: String = "register.sqlite", create: Bool = true) throws -> SQLiteRegister {
        try SQLiteRegister(url: folder.appendingPathComponent(name), create: create)
    }

    @Test("a new register is made by the migrations, marked as svwizard's, in write-ahead logging")
    func migrationsFromEmpty() throws {
        #expect(throws: RegisterError.self) { try open(create: false) }
        _ = try open()
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("register.sqlite").path)
        try queue.read { db in
            #expect(try Int32.fetchOne(db, sql: "PRAGMA application_id") == RegisterSchema.applicationID)
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try RegisterSchema.migrator.hasCompletedMigrations(db))
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name")
            #expect(tables == ["commitment", "contract", "corrective_action", "delivery_line", "delivery_position", "delivery_return", "delivery_year", "evidence_item",
                               "living_wage_assurance", "spend_payment"])
        }
        // Opening again changes nothing and needs no migration.
        _ = try open(create: false)
        // An empty file (made with touch) becomes a register too.
        FileManager.default.createFile(atPath: folder.appendingPathComponent("empty.sqlite").path, contents: Data())
        _ = try open("empty.sqlite", create: false)
    }

    @Test("a register made by the first version is brought up to date, its contracts kept and filled in")
    func migratesFromVersionOne() throws {
        let url = folder.appendingPathComponent("v1.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try RegisterSchema.migrator.migrate(queue, upTo: "v1: contracts, schedules, returns, reviews, assurance")
        let terms = Fixture.contract()
        let json = String(decoding: try JSONEncoder.stable.encode(terms), as: UTF8.self)
        try queue.write { db in
            try db.execute(sql: "PRAGMA application_id = \(RegisterSchema.applicationID)")
            try db.execute(sql: """
                INSERT INTO contract (reference, tender_reference, title, buyer, directorate, contract_manager, supplier_name, supplier_postcode,
                    supplier_local, contract_value_pence, start_date, end_date, years, awarded_on, living_wage_assurance, bundle_digest, terms_json)
                VALUES ('RMBC-1', 'T-1', 'Works', 'Council', 'Place', 'Sam', 'Maltby Joinery Ltd', 'S66 8AB', 1, 45000000, '2025-12-01',
                    '2026-11-30', 1, '2025-11-01', 1, ?, ?)
                """, arguments: [terms.bundleDigest, json])
            // A return as version 1 kept it: its JSON beside its lines.
            let document = Fixture.deliveryReturn(terms, period: "2025-26-Q1", weeks: 13, fte: 1)
            try db.execute(sql: """
                INSERT INTO delivery_return (id, contract, period, period_start, period_end, digest, prepared_by, prepared_on, imported_on, document_json)
                VALUES (1, 'RMBC-1', '2025-26-Q1', '2025-12-01', '2026-02-28', 'd1', 'Jo', '2026-03-05', '2026-03-10', ?)
                """, arguments: [String(decoding: try JSONEncoder.stable.encode(document), as: UTF8.self)])
            for line in document.lines {
                try db.execute(sql: "INSERT INTO delivery_line (return_id, measure, due_micros, delivered_micros) VALUES (1, ?, ?, ?)",
                               arguments: [line.measure.rawValue, Units.micros(line.due.value), Units.micros(line.delivered.value)])
            }
        }
        try queue.close()
        let register = try SQLiteRegister(url: url, create: false)
        #expect(try register.contract("RMBC-1") == terms)
        let migrated = try #require(try register.returns(of: "RMBC-1").first)
        #expect(migrated.document.lines.map(\.narrative) == ["Done.", "Done."])
        #expect(migrated.document.lines.first?.shortfallReason == "Late" && migrated.document.toolVersion == "test")
        let check = try DatabaseQueue(path: url.path)
        #expect(try check.read { try String.fetchOne($0, sql: "SELECT supplier_district FROM contract") } == "S66")
        #expect(try check.read { try RegisterSchema.migrator.hasCompletedMigrations($0) })
    }

    @Test("a file that is not a register is refused and left byte for byte as it was", arguments: ["text", "foreign", "damaged", "newer"])
    func refusesOthers(kind: String) throws {
        let url = folder.appendingPathComponent("\(kind).sqlite")
        switch kind {
        case "text":
            try Data("name,amount\nMaltby,100\n".utf8).write(to: url)
        case "foreign":
            let queue = try DatabaseQueue(path: url.path)
            try queue.write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount INTEGER); INSERT INTO invoices VALUES (1, 100)") }
            try queue.close()
        case "damaged":
            let register = try SQLiteRegister(url: url, create: true)
            try register.award(Fixture.contract())
            _ = try register.export()
            // Checkpoint into the main file, then break a page in its middle.
            let queue = try DatabaseQueue(path: url.path)
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try queue.close()
            var bytes = try Data(contentsOf: url)
            for index in 4096..<min(bytes.count, 4096 + 2048) { bytes[index] = 0xFF }
            try bytes.write(to: url)
        default:
            let register = try SQLiteRegister(url: url, create: true)
            _ = register
            let queue = try DatabaseQueue(path: url.path)
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')") }
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try queue.close()
        }
        let before = try Data(contentsOf: url)
        let error = try #require(throws: RegisterError.self) { try SQLiteRegister(url: url, create: true) }
        switch kind {
        case "text", "foreign": #expect(error.kind == .notARegister)
        case "damaged": #expect(error.kind == .damaged || error.kind == .notARegister)
        default: #expect(error.kind == .newer)
        }
        #expect(error.description.contains(url.path))
        #expect(try Data(contentsOf: url) == before)
    }

    @Test("a contract is recorded with its schedule; a second contract with the same reference is refused", arguments: Store.tested)
    func award(store: Store) throws {
        let register = try store.open(in: folder)
        try register.award(Fixture.contract())
        let error = try #require(throws: RegisterError.self) { try register.award(Fixture.contract()) }
        #expect(error.kind == .duplicate)
        #expect(try register.contract("RMBC-1") == Fixture.contract())
        let list = try register.contracts()
        #expect(list.map(\.reference) == ["RMBC-1"])
        // 52 weeks at £250, shared over four quarters: £13,000 in all.
        #expect(list.first?.committedValue == Money(13_000))
        #expect(throws: RegisterError.self) { try register.contract("RMBC-2") }
    }

    @Test("importing the same return again changes nothing; a corrected return supersedes, the first kept in history", arguments: Store.tested)
    func importIdempotentAndSuperseding(store: Store) throws {
        let register = try store.open(in: folder)
        let terms = Fixture.contract()
        try register.award(terms)
        let first = Fixture.deliveryReturn(terms, period: "2025-26-Q1", weeks: 13, fte: Decimal(string: "0.49")!)
        #expect(try register.importReturn(first, digest: "d1", on: Fixture.day("2026-03-10")) == .added)
        #expect(try register.importReturn(first, digest: "d1", on: Fixture.day("2026-03-11")) == .unchanged)
        #expect(try register.returns(of: "RMBC-1").count == 1)
        let corrected = Fixture.deliveryReturn(terms, period: "2025-26-Q1", weeks: 10, fte: Decimal(string: "0.49")!, preparedOn: "2026-03-12")
        #expect(try register.importReturn(corrected, digest: "d2", on: Fixture.day("2026-03-12")) == .superseded(previousPreparedOn: Fixture.day("2026-03-05")))
        let returns = try register.returns(of: "RMBC-1")
        #expect(returns.count == 2)
        #expect(returns.filter(\.isCurrent).map(\.digest) == ["d2"])
        #expect(returns.first { !$0.isCurrent }?.supersededBy == returns.first(where: \.isCurrent)?.id)
        // Tracking counts the current return only.
        let tracking = try register.tracking(of: "RMBC-1", asOf: Fixture.day("2026-03-15"), rag: Fixture.rag)
        #expect(tracking.measures.first?.reported.quantity.value == 10)
        // Re-importing the superseded one changes nothing either.
        #expect(try register.importReturn(first, digest: "d1", on: Fixture.day("2026-03-13")) == .unchanged)
    }

    @Test("review settles a line: all validated counts in full, a rejection counts what the rest supports, a query leaves it awaiting", arguments: Store.tested)
    func reviewAndTracking(store: Store) throws {
        let register = try store.open(in: folder)
        let terms = Fixture.contract()
        try register.award(terms)
        try register.importReturn(Fixture.deliveryReturn(terms, period: "2025-26-Q1", weeks: 13, fte: Decimal(string: "0.3")!), digest: "q1",
                                  on: Fixture.day("2026-03-10")).self == .added ? () : ()
        let id = try #require(try register.returns(of: "RMBC-1").first?.id)
        let ten = Fixture.reference("TOM10"), one = Fixture.reference("TOM1")
        try register.recordReview(ReturnReview(returnID: id, reviewer: "Sam", day: Fixture.day("2026-03-20"), decisions: [
            .init(measure: ten, item: "TOM10-1", status: .validated, reason: "Seen"),
            .init(measure: ten, item: "TOM10-2", status: .rejected, reason: "Not this contract"),
            .init(measure: one, item: "TOM1-1", status: .queried, reason: "Postcodes?"),
        ], accepted: [ten: 8], actions: [CorrectiveAction(measure: one, action: "Hire by April", dueOn: Fixture.day("2026-04-30"),
                                                           agreedOn: Fixture.day("2026-03-20"), agreedBy: "Sam")]))
        let stored = try #require(try register.returns(of: "RMBC-1").first)
        #expect(stored.settled == [SettledLine(measure: ten, validated: Quantity(8))])
        #expect(stored.evidence.map(\.status) == [.validated, .rejected, .queried])
        #expect(try register.actions(of: "RMBC-1").map(\.action) == ["Hire by April"])

        // As of 15 March, Q1 (to 28 February) is due: 13 weeks and 0.49 FTE.
        let tracking = try register.tracking(of: "RMBC-1", asOf: Fixture.day("2026-03-15"), rag: Fixture.rag)
        let weeks = try #require(tracking.measures.first { $0.measure == ten })
        #expect(weeks.due.quantity.value == 13 && weeks.reported.quantity.value == 13)
        #expect(weeks.validated.quantity.value == 8 && weeks.rejected.quantity.value == 5 && weeks.pending.quantity.value == 0)
        #expect(weeks.validated.value == Money(2000) && weeks.rejected.value == Money(1250))
        // 8 of 13 is 61.5%: red. The shortfall is the 5 weeks not validated; 39 weeks are not yet due.
        #expect(weeks.rag == .red)
        #expect(weeks.shortfall.quantity.value == 5 && weeks.shortfall.value == Money(1250))
        #expect(weeks.notYetDue.quantity.value == 39 && weeks.notYetDue.value == Money(9750))
        let jobs = try #require(tracking.measures.first { $0.measure == one })
        #expect(jobs.pending.quantity.value == Decimal(string: "0.3") && jobs.validated.quantity.value == 0)
        #expect(jobs.committed.value == nil && jobs.rag == .red)
        #expect(tracking.total.committed == Money(13_000) && tracking.total.validated == Money(2000) && tracking.total.notYetDue == Money(9750))

        // Validating the queried item settles it in full.
        try register.recordReview(ReturnReview(returnID: id, reviewer: "Sam", day: Fixture.day("2026-03-25"), decisions: [
            .init(measure: one, item: "TOM1-1", status: .validated, reason: "Postcodes seen"),
        ]))
        let after = try register.tracking(of: "RMBC-1", asOf: Fixture.day("2026-03-15"), rag: Fixture.rag)
        #expect(after.measures.first { $0.measure == one }?.validated.quantity.value == Decimal(string: "0.3"))
        // Before Q1 ends nothing is due: no RAG status.
        let early = try register.tracking(of: "RMBC-1", asOf: Fixture.day("2026-02-01"), rag: Fixture.rag)
        #expect(early.measures.allSatisfy { $0.rag == nil && $0.due.quantity.value == 0 })
    }

    @Test("a review of a return that a corrected one replaced is refused, changing nothing", arguments: Store.tested)
    func reviewOfSuperseded(store: Store) throws {
        let register = try store.open(in: folder)
        let terms = Fixture.contract()
        try register.award(terms)
        _ = try register.importReturn(Fixture.deliveryReturn(terms, period: "2025-26-Q1", weeks: 13, fte: 1), digest: "a", on: Fixture.day("2026-03-10"))
        let old = try #require(try register.returns(of: "RMBC-1").first?.id)
        _ = try register.importReturn(Fixture.deliveryReturn(terms, period: "2025-26-Q1", weeks: 12, fte: 1), digest: "b", on: Fixture.day("2026-03-11"))
        #expect(throws: RegisterError.self) {
            try register.recordReview(ReturnReview(returnID: old, reviewer: "Sam", day: Fixture.day("2026-03-20"),
                                                   decisions: [.init(measure: Fixture.reference("TOM10"), item: "TOM10-1", status: .validated, reason: "ok")]))
        }
    }

    @Test("two importers at once, each with its own connection: both succeed", arguments: Store.tested)
    func concurrentImports(store: Store) async throws {
        let url = try store.newAddress(in: folder, name: "shared.sqlite")
        let setup = try Store.open(url, create: true)
        for reference in ["A", "B"] { try setup.award(Fixture.contract(reference)) }
        try await withThrowingTaskGroup(of: ImportOutcome.self) { group in
            for reference in ["A", "B"] {
                group.addTask {
                    let register = try Store.open(url, create: false)
                    var last = ImportOutcome.unchanged
                    for period in ["2025-26-Q1", "2025-26-Q2", "2025-26-Q3", "2025-26-Q4"] {
                        last = try register.importReturn(Fixture.deliveryReturn(Fixture.contract(reference), period: period, weeks: 13, fte: 1),
                                                         digest: "\(reference)\(period)", on: Fixture.day("2026-12-01"))
                    }
                    return last
                }
            }
            for try await outcome in group { #expect(outcome == .added) }
        }
        #expect(try setup.contracts().map(\.returns) == [4, 4])
    }

    @Test("backup makes a consistent copy that opens as a register, and never replaces a file; export holds everything", arguments: Store.tested)
    func backupAndExport(store: Store) throws {
        let register = try store.open(in: folder)
        let terms = Fixture.contract()
        try register.award(terms)
        _ = try register.importReturn(Fixture.deliveryReturn(terms, period: "2025-26-Q1", weeks: 13, fte: 1), digest: "a", on: Fixture.day("2026-03-10"))
        try register.addAssurance(.init(givenOn: Fixture.day("2026-03-01"), givenBy: "Sam", compliant: true, evidence: "Statement"), contract: "RMBC-1")
        let copy = folder.appendingPathComponent("backup.sqlite")
        try register.backup(to: copy)
        let restored = try SQLiteRegister(url: copy, create: false)
        #expect(try restored.export() == (try register.export()))
        #expect(throws: RegisterError.self) { try register.backup(to: copy) }
        let export = try register.export()
        #expect(export.contracts.count == 1 && export.contracts[0].returns.count == 1 && export.contracts[0].assurances.count == 1)
    }
}

@Suite("Moving a register between SQLite and PostgreSQL")
struct RegisterCopyTests {
    @Test("register copy, SQLite to PostgreSQL and back: every row, history and spending included; the same export and report figures",
          .enabled(if: Store.tested.contains(.postgres)))
    func roundTrip() throws {
        let folder = try Fixture.folder()
        let original = try Store.sqlite.open(in: folder)
        _ = try ReportFigureTests.fill(original)
        let payment = SpendFile.Payment(line: 2, date: Fixture.day("2025-06-01"), supplier: "Maltby Joinery Ltd", amount: Money(Decimal(string: "1234.56")!),
                                        category: "Works", postcode: "S66 8AB", district: "S66", locality: "local", unplacedReason: nil, reference: "P1")
        _ = try original.importSpend([payment], file: "spend.csv", financialYearStartMonth: 4)
        let shared = try Store.postgres.newAddress(in: folder)
        let counts = try Registers.copy(from: folder.appendingPathComponent("register.sqlite"), to: shared)
        #expect(counts["delivery_return"] == 5 && counts["spend_payment"] == 1 && counts["contract"] == 3)
        let back = folder.appendingPathComponent("back.sqlite")
        _ = try Registers.copy(from: shared, to: back)
        let middle = try Store.open(shared, create: false), last = try Store.open(back, create: false)
        #expect(try middle.export() == (try original.export()))
        #expect(try last.export() == (try original.export()))
        let range = ReportRange.year("2025/26", calendar: ReportFigureTests.calendar, midYear: false)!
        for register in [middle, last] {
            #expect(try register.reportFigures(from: range.from, to: range.to, span: 12, threshold: Money(100_000), localSpendMeasure: nil)
                == (try original.reportFigures(from: range.from, to: range.to, span: 12, threshold: Money(100_000), localSpendMeasure: nil)))
            #expect(try register.spendYears(through: Fixture.day("2026-12-01"), financialYearStartMonth: 4)
                == (try original.spendYears(through: Fixture.day("2026-12-01"), financialYearStartMonth: 4)))
        }
        // A register with rows in it is never copied into.
        let error = try #require(throws: RegisterError.self) { try Registers.copy(from: back, to: shared) }
        #expect(error.description.contains("not empty"))
        // The copy goes on numbering returns after the ones it was given.
        let terms = try middle.contract("A")
        let next = ReportFigureTests.delivery(terms, "2025-26-Q3", weeks: 13, fte: 1, preparedOn: "2026-09-05")
        #expect(try middle.importReturn(next, digest: "a3", on: Fixture.day("2026-09-10")) == .added)
    }
}

@Suite("Many people at once on a shared register")
struct SharedRegisterConcurrencyTests {
    /// How long the workers run: 60 seconds when SVWIZARD_CONCURRENCY_SECONDS says so, 12 in the suite.
    static let seconds = Double(ProcessInfo.processInfo.environment["SVWIZARD_CONCURRENCY_SECONDS"] ?? "") ?? 12

    @Test("8 connections importing and reviewing at once, some on the same contract: one current return a period, and the totals are the sum of the accepted returns",
          .enabled(if: Store.tested.contains(.postgres)))
    func eightAtOnce() throws {
        let url = try Store.postgres.newAddress(in: try Fixture.folder())
        let setup = try Store.open(url, create: true)
        let references = ["A", "B", "C"]
        for reference in references { try setup.award(Fixture.contract(reference)) }
        let periods = ["2025-26-Q1", "2025-26-Q2", "2025-26-Q3", "2025-26-Q4"]
        let deadline = Date().addingTimeInterval(Self.seconds)
        let failures = NSLock()
        nonisolated(unsafe) var problems: [String] = []
        nonisolated(unsafe) var done = [Int](repeating: 0, count: 8)
        // Eight threads, each with its own connection (as eight people's computers would have).
        let finished = DispatchGroup()
        for worker in 0..<(Int(ProcessInfo.processInfo.environment["SVWIZARD_CONCURRENCY_WORKERS"] ?? "") ?? 8) {
            finished.enter()
            Thread.detachNewThread {
            defer { finished.leave() }
            do {
                let register = try Store.open(url, create: false)
                var generator = SystemRandomNumberGenerator()
                var step = 0
                while Date() < deadline {
                    step += 1
                    // Workers 0 to 3 share contract A; the others spread over all three.
                    let reference = worker < 4 ? "A" : references.randomElement(using: &generator)!
                    let terms = Fixture.contract(reference)
                    let period = periods.randomElement(using: &generator)!
                    if Bool.random(using: &generator) {
                        let day = 1 + Int.random(in: 0..<28, using: &generator)
                        let document = Fixture.deliveryReturn(terms, period: period, weeks: Decimal(Int.random(in: 0...13, using: &generator)), fte: 1,
                                                              preparedOn: String(format: "2026-09-%02d", day))
                        _ = try register.importReturn(document, digest: "w\(worker)-\(step)", on: Fixture.day("2026-10-01"))
                    } else if let current = try register.returns(of: reference).first(where: { $0.isCurrent && $0.document.period.id == period }) {
                        let statuses: [EvidenceStatus] = [.validated, .rejected, .queried]
                        let decisions = current.evidence.map {
                            ReturnReview.Decision(measure: $0.measure, item: $0.item.id, status: statuses.randomElement(using: &generator)!, reason: "w\(worker)")
                        }
                        do {
                            try register.recordReview(ReturnReview(returnID: current.id, reviewer: "Worker \(worker)", day: Fixture.day("2026-10-02"),
                                                                   decisions: decisions, accepted: [Fixture.reference("TOM10"): 5]))
                        } catch let error as RegisterError where error.kind == .refused {
                            // A corrected return replaced it while this worker looked: refused, nothing changed.
                        }
                    }
                    done[worker] += 1
                }
            } catch {
                failures.withLock { problems.append("worker \(worker): \(error)") }
            }
            }
        }
        finished.wait()
        #expect(problems.isEmpty, "\(problems)")
        #expect(done.filter { $0 > 0 }.allSatisfy { $0 > 3 }, "\(done)")
        // What the stored returns say, added up here, against what the register's sums say.
        var validated = Money.zero, reported = Money.zero
        for reference in references {
            let returns = try setup.returns(of: reference)
            let current = returns.filter(\.isCurrent)
            #expect(Set(current.map(\.document.period.id)).count == current.count, "one current return a period for \(reference)")
            for stored in current {
                let perUnit = Money(250)
                let weeks = stored.document.lines.first { $0.measure.rawValue == "TOM10" }?.delivered.value ?? 0
                reported = reported + Money(perUnit.pounds * weeks)
                if let settled = stored.settled.first(where: { $0.measure.rawValue == "TOM10" }) {
                    validated = validated + Money(perUnit.pounds * settled.validated.value)
                }
            }
        }
        let figures = try setup.reportFigures(from: Fixture.day("2025-12-01"), to: Fixture.day("2026-11-30"), span: nil, threshold: Money(100_000),
                                              localSpendMeasure: nil)
        #expect(figures.inPeriod.reported == reported)
        #expect(figures.inPeriod.validated == validated)
        let byYear = try setup.reportFigures(from: Fixture.day("2025-12-01"), to: Fixture.day("2026-11-30"), span: 12, threshold: Money(100_000),
                                             localSpendMeasure: nil)
        #expect(byYear == figures, "\(byYear.inPeriod) \(figures.inPeriod) \(byYear.cumulative) \(figures.cumulative)")
    }
}
