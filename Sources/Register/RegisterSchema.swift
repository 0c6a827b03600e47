import Foundation
import GRDB
import SocialValue

/// The register's schema, one migration per version, in the order they were added. Read this
/// file to know what the register holds. Never edit a migration once released: add the next.
///
/// Conventions: dates are `YYYY-MM-DD` text; money is whole pence (INTEGER); quantities are
/// millionths of the measure's unit (INTEGER), so sums in SQL are exact; documents as the
/// supplier or council sent them are kept as JSON text beside the columns queries use.
enum RegisterSchema {
    /// Marks the file as an svwizard register (`PRAGMA application_id`, "SVWR").
    static let applicationID: Int32 = 0x5356_5752

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: contracts, schedules, returns, reviews, assurance") { db in
            try db.execute(sql: """
                -- A contract awarded from a winning bid. terms_json holds the whole contract as the
                -- contract pack carries it (commitments, schedule); the columns are for queries.
                CREATE TABLE contract (
                    reference TEXT PRIMARY KEY NOT NULL,
                    tender_reference TEXT NOT NULL,
                    title TEXT NOT NULL,
                    buyer TEXT NOT NULL,
                    directorate TEXT NOT NULL,
                    contract_manager TEXT NOT NULL,
                    supplier_name TEXT NOT NULL,
                    supplier_postcode TEXT NOT NULL,
                    supplier_local INTEGER NOT NULL CHECK (supplier_local IN (0, 1)),
                    contract_value_pence INTEGER NOT NULL CHECK (contract_value_pence >= 0),
                    start_date TEXT NOT NULL,
                    end_date TEXT NOT NULL,
                    years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 15),
                    awarded_on TEXT NOT NULL,
                    living_wage_assurance INTEGER NOT NULL CHECK (living_wage_assurance IN (0, 1)),
                    bundle_digest TEXT NOT NULL,
                    terms_json TEXT NOT NULL
                );

                -- Each committed measure of a contract, in the bid's order.
                CREATE TABLE commitment (
                    contract TEXT NOT NULL REFERENCES contract(reference) ON DELETE CASCADE,
                    measure TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    label TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    per_unit_pence_micros INTEGER, -- £ per unit in millionths of a penny; NULL when unvalued
                    PRIMARY KEY (contract, measure)
                );

                -- The schedule: each measure's share of a contract year in a reporting period.
                CREATE TABLE schedule_line (
                    contract TEXT NOT NULL,
                    measure TEXT NOT NULL,
                    contract_year INTEGER NOT NULL,
                    period TEXT NOT NULL,        -- such as 2025-26-Q1
                    period_start TEXT NOT NULL,
                    period_end TEXT NOT NULL,
                    quantity_micros INTEGER NOT NULL,
                    value_pence INTEGER,         -- NULL when unvalued
                    PRIMARY KEY (contract, measure, contract_year, period),
                    FOREIGN KEY (contract, measure) REFERENCES commitment(contract, measure) ON DELETE CASCADE
                );
                CREATE INDEX schedule_line_by_period_end ON schedule_line(period_end, contract);

                -- A delivery return as imported. A corrected return for the same period supersedes
                -- the earlier one, which is kept (superseded_by set) as history.
                CREATE TABLE delivery_return (
                    id INTEGER PRIMARY KEY,
                    contract TEXT NOT NULL REFERENCES contract(reference) ON DELETE CASCADE,
                    period TEXT NOT NULL,
                    period_start TEXT NOT NULL,
                    period_end TEXT NOT NULL,
                    digest TEXT NOT NULL,        -- SHA-256 of return.json
                    prepared_by TEXT NOT NULL,
                    prepared_on TEXT NOT NULL,
                    imported_on TEXT NOT NULL,
                    superseded_by INTEGER REFERENCES delivery_return(id),
                    document_json TEXT NOT NULL,
                    UNIQUE (contract, digest)
                );
                CREATE UNIQUE INDEX delivery_return_current ON delivery_return(contract, period) WHERE superseded_by IS NULL;

                -- What a return reports under each measure; validated_micros is set when the
                -- review settles the line (every evidence item validated or rejected).
                CREATE TABLE delivery_line (
                    return_id INTEGER NOT NULL REFERENCES delivery_return(id) ON DELETE CASCADE,
                    measure TEXT NOT NULL,
                    due_micros INTEGER NOT NULL,
                    delivered_micros INTEGER NOT NULL,
                    value_pence INTEGER,
                    validated_micros INTEGER,
                    validated_pence INTEGER,
                    PRIMARY KEY (return_id, measure)
                );

                -- Each piece of evidence and the contract manager's decision on it.
                CREATE TABLE evidence_item (
                    return_id INTEGER NOT NULL,
                    measure TEXT NOT NULL,
                    item TEXT NOT NULL,          -- such as TOM1-1
                    what TEXT NOT NULL,
                    reference TEXT NOT NULL,
                    dated TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'validated', 'rejected', 'queried')),
                    reason TEXT,
                    reviewed_by TEXT,
                    reviewed_on TEXT,
                    PRIMARY KEY (return_id, measure, item),
                    FOREIGN KEY (return_id, measure) REFERENCES delivery_line(return_id, measure) ON DELETE CASCADE
                );

                -- Corrective actions agreed with the supplier.
                CREATE TABLE corrective_action (
                    id INTEGER PRIMARY KEY,
                    contract TEXT NOT NULL REFERENCES contract(reference) ON DELETE CASCADE,
                    measure TEXT,
                    action TEXT NOT NULL,
                    due_on TEXT,
                    agreed_on TEXT NOT NULL,
                    agreed_by TEXT NOT NULL
                );

                -- Each year's real living wage assurance.
                CREATE TABLE living_wage_assurance (
                    id INTEGER PRIMARY KEY,
                    contract TEXT NOT NULL REFERENCES contract(reference) ON DELETE CASCADE,
                    given_on TEXT NOT NULL,
                    given_by TEXT NOT NULL,
                    compliant INTEGER NOT NULL CHECK (compliant IN (0, 1)),
                    evidence TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2: reporting and spend analysis") { db in
            // The supplier's postcode district, for reports by location; filled in for contracts
            // already recorded.
            try db.execute(sql: "ALTER TABLE contract ADD COLUMN supplier_district TEXT")
            for row in try Row.fetchAll(db, sql: "SELECT reference, supplier_postcode FROM contract") {
                try db.execute(sql: "UPDATE contract SET supplier_district = ? WHERE reference = ?",
                               arguments: [LocalArea.district(of: row["supplier_postcode"]), row["reference"] as String])
            }
            try db.execute(sql: """
                -- What reports add up: each current return's period end beside its lines.
                CREATE INDEX delivery_return_by_period ON delivery_return(period_end, contract) WHERE superseded_by IS NULL;
                CREATE INDEX contract_by_awarded ON contract(awarded_on);

                -- The council's published payments to suppliers ("spending over £500"), imported by
                -- svwizard spend import. A row identical in every mapped column to one already
                -- imported is a duplicate and kept out (fingerprint).
                CREATE TABLE spend_payment (
                    id INTEGER PRIMARY KEY,
                    fingerprint TEXT NOT NULL UNIQUE,
                    paid_on TEXT NOT NULL,
                    financial_year TEXT NOT NULL,     -- such as 2025/26
                    supplier TEXT NOT NULL,
                    postcode TEXT,
                    district TEXT,
                    locality TEXT NOT NULL CHECK (locality IN ('local', 'partial', 'outside', 'unplaced')),
                    unplaced_reason TEXT,
                    amount_pence INTEGER NOT NULL,    -- credit notes are negative
                    category TEXT NOT NULL,
                    source_file TEXT NOT NULL,
                    source_row INTEGER NOT NULL
                );
                CREATE INDEX spend_by_year ON spend_payment(financial_year, locality);

                -- A return is kept as rows (its digest records exactly what was received), not as
                -- a second copy of its JSON; terms_json no longer repeats the schedule (the terms make it again).
                ALTER TABLE delivery_return ADD COLUMN tool_version TEXT NOT NULL DEFAULT '';
                ALTER TABLE delivery_line ADD COLUMN narrative TEXT NOT NULL DEFAULT '';
                ALTER TABLE delivery_line ADD COLUMN shortfall_reason TEXT;
                ALTER TABLE delivery_line ADD COLUMN recovery_plan TEXT;
                """)
            for row in try Row.fetchAll(db, sql: "SELECT id, document_json FROM delivery_return") {
                let document = try JSONDecoder().decode(DeliveryReturn.self, from: Data((row["document_json"] as String).utf8))
                try db.execute(sql: "UPDATE delivery_return SET tool_version = ? WHERE id = ?", arguments: [document.toolVersion, row["id"] as Int64])
                for line in document.lines {
                    try db.execute(sql: "UPDATE delivery_line SET narrative = ?, shortfall_reason = ?, recovery_plan = ? WHERE return_id = ? AND measure = ?",
                                   arguments: [line.narrative, line.shortfallReason, line.recoveryPlan, row["id"] as Int64, line.measure.rawValue])
                }
            }
            try db.execute(sql: "ALTER TABLE delivery_return DROP COLUMN document_json")
            try db.execute(sql: """
                -- Each contract's measure in each reporting period: what the schedule has due and
                -- what the current return reports, validates and leaves awaiting. Kept up to date in
                -- the same transaction as every award, import and review, so reports add it up in
                -- one pass, in key order, without joining the big tables.
                CREATE TABLE delivery_position (
                    contract TEXT NOT NULL,
                    measure TEXT NOT NULL,
                    period TEXT NOT NULL,
                    period_end TEXT NOT NULL,
                    due_micros INTEGER NOT NULL,
                    due_pence INTEGER,
                    reported_micros INTEGER NOT NULL DEFAULT 0,
                    reported_pence INTEGER,
                    validated_micros INTEGER NOT NULL DEFAULT 0,
                    validated_pence INTEGER,
                    awaiting_micros INTEGER NOT NULL DEFAULT 0,
                    awaiting_pence INTEGER,
                    PRIMARY KEY (contract, measure, period)
                ) WITHOUT ROWID;
                INSERT INTO delivery_position (contract, measure, period, period_end, due_micros, due_pence)
                    SELECT contract, measure, period, max(period_end), sum(quantity_micros), sum(value_pence)
                    FROM schedule_line GROUP BY contract, measure, period;
                """)
            try db.execute(sql: """
                -- The same by contract, measure and reporting year (span_months 12) and half year (6),
                -- with running totals since the contract began: an annual or mid-year report reads
                -- one span's rows and nothing else.
                CREATE TABLE delivery_year (
                    span_months INTEGER NOT NULL,      -- 12: reporting years; 6: their halves
                    year_start TEXT NOT NULL,          -- the year's (or half's) first day
                    contract TEXT NOT NULL,
                    measure TEXT NOT NULL,
                    is_first INTEGER NOT NULL,         -- 1 for the contract's first year
                    is_last INTEGER NOT NULL,          -- 1 for the contract's last year
                    tdue_pence INTEGER,                -- the whole contract's commitment
                    due_micros INTEGER NOT NULL, due_pence INTEGER,
                    reported_micros INTEGER NOT NULL, reported_pence INTEGER,
                    validated_micros INTEGER NOT NULL, validated_pence INTEGER,
                    awaiting_pence INTEGER,
                    cdue_micros INTEGER NOT NULL, cdue_pence INTEGER,
                    creported_micros INTEGER NOT NULL, creported_pence INTEGER,
                    cvalidated_micros INTEGER NOT NULL, cvalidated_pence INTEGER,
                    cawaiting_pence INTEGER,
                    PRIMARY KEY (span_months, year_start, contract, measure)
                ) WITHOUT ROWID;
                CREATE INDEX delivery_year_last ON delivery_year(span_months, year_start) WHERE is_last = 1;
                CREATE INDEX delivery_year_first ON delivery_year(span_months, year_start) WHERE is_first = 1;
                CREATE INDEX delivery_year_by_contract ON delivery_year(contract);
                """)
            for contract in try String.fetchAll(db, sql: "SELECT reference FROM contract") {
                try RegisterRows.refreshPositions(GRDBConnection(db: db), contract: contract, period: nil)
            }
            // The positions now hold each period's due; the contract's terms make its schedule
            // again whenever it is needed, so the schedule is no longer kept a second time.
            try db.execute(sql: "DROP TABLE schedule_line")
            let encoder = JSONEncoder.compact
            encoder.userInfo[ContractTerms.omitSchedule] = true
            for row in try Row.fetchAll(db, sql: "SELECT reference, terms_json FROM contract") {
                let terms = try JSONDecoder().decode(ContractTerms.self, from: Data((row["terms_json"] as String).utf8))
                try db.execute(sql: "UPDATE contract SET terms_json = ? WHERE reference = ?",
                               arguments: [String(decoding: try encoder.encode(terms), as: UTF8.self), row["reference"] as String])
            }
        }
        migrator.registerMigration("v3: each contract's value pack, for the report") { db in
            // The report names the packs the contracts are valued with; kept as columns so it
            // need not read every contract's terms.
            try db.execute(sql: """
                ALTER TABLE contract ADD COLUMN pack_name TEXT;
                ALTER TABLE contract ADD COLUMN pack_edition TEXT;
                ALTER TABLE contract ADD COLUMN pack_illustrative INTEGER NOT NULL DEFAULT 0 CHECK (pack_illustrative IN (0, 1));
                UPDATE contract SET pack_name = json_extract(terms_json, '$.packName'), pack_edition = json_extract(terms_json, '$.packEdition'),
                    pack_illustrative = coalesce(json_extract(terms_json, '$.illustrative'), 0);
                """)
        }
        migrator.registerMigration("v4: £0, not nothing, for a valued measure's period with no return") { db in
            // Contracts awarded before v4 kept no £ for what was reported, validated and awaiting in a
            // period no return had reached, so a report for dates other than a whole reporting year
            // counted no shortfall there. The annual report's running totals were right.
            try db.execute(sql: """
                UPDATE delivery_position SET reported_pence = coalesce(reported_pence, 0), validated_pence = coalesce(validated_pence, 0),
                    awaiting_pence = coalesce(awaiting_pence, 0)
                WHERE due_pence IS NOT NULL
                """)
        }
        return migrator
    }
}
