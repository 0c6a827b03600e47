import Foundation
import SocialValue

/// A made-up register for trying reports at scale (`svwizard register sample`): contracts with
/// every given measure, three-year terms starting across four years, and a return for every
/// period that has ended, most of it validated. The figures are invented and labelled so; the
/// same arguments always give the same register.
public enum SampleRegister {
    public struct MeasureSpec: Sendable {
        public var reference: MeasureReference
        public var label: String
        public var unit: MeasureUnit
        public var step: Decimal
        public var perUnit: Money?
        /// A typical year's quantity, in steps.
        public var typicalSteps: Int

        public init(reference: MeasureReference, label: String, unit: MeasureUnit, step: Decimal, perUnit: Money?, typicalSteps: Int) {
            self.reference = reference
            self.label = label
            self.unit = unit
            self.step = step
            self.perUnit = perUnit
            self.typicalSteps = typicalSteps
        }
    }

    /// What was made.
    public struct Summary: Sendable {
        public var contracts: Int
        public var scheduleLines: Int
        public var returns: Int
        public var deliveryLines: Int
    }

    /// A repeatable stream of numbers (xorshift64*).
    struct Numbers {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return Int((state &* 2_685_821_657_736_338_717) >> 33) % max(bound, 1)
        }
    }

    public static func make(at url: URL, contracts count: Int, measures: [MeasureSpec], calendar: ReportingCalendar, through: Day,
                            seed: UInt64 = 2024) throws -> Summary {
        if !Registers.isShared(url), FileManager.default.fileExists(atPath: url.path) {
            throw RegisterError(.refused, "\(url.path) already exists; a sample register is always made in a new file.")
        }
        guard let register = try Registers.open(url, create: true) as? any SQLRegister else {
            throw RegisterError(.refused, "A sample register cannot be made there.")
        }
        if try !register.contracts().isEmpty {
            throw RegisterError(.refused, "\(Registers.name(of: url)) already has contracts; a sample register is always made in an empty database.")
        }
        var numbers = Numbers(state: seed | 1)
        var summary = Summary(contracts: 0, scheduleLines: 0, returns: 0, deliveryLines: 0)
        let directorates = ["Adult Care, Housing and Public Health", "Children and Young People's Services", "Finance and Customer Services",
                            "Regeneration and Environment"]
        let postcodes = ["S60 1AE", "S61 2BD", "S62 6JX", "S65 1DA", "S66 8AB", "S63 7RU", "S1 2HE", "S70 2TA", "DN1 3BU", "LS1 4DY", "M1 1AE"]
        let first = Day(iso: "2022-12-01")!
        try register.write { db in
                let returnStatement = """
                    INSERT INTO delivery_return (contract, period, period_start, period_end, digest, prepared_by, prepared_on, imported_on, tool_version)
                    VALUES (?, ?, ?, ?, ?, 'Sample supplier', ?, ?, 'sample') RETURNING id
                    """
                let lineStatement = """
                    INSERT INTO delivery_line (return_id, measure, due_micros, delivered_micros, value_pence, validated_micros, validated_pence, narrative)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'Sample delivery.')
                    """
                for index in 0..<count {
                    let start = first.adding(days: numbers.next(365))
                    let supplierNumber = numbers.next(max(count / 5, 1))
                    let commitments = measures.map { spec in
                        ContractCommitment(measure: spec.reference, label: spec.label, unit: spec.unit, step: spec.step,
                                           quantities: (0..<3).map { _ in Decimal(spec.typicalSteps / 2 + numbers.next(spec.typicalSteps + 1)) * spec.step },
                                           perUnit: spec.perUnit, delivery: "Sample commitment.", evidencePromised: "Sample records.", evidenceAsked: [])
                    }
                    let supplier = Supplier(name: "Sample Supplier \(supplierNumber)", postcode: postcodes[supplierNumber % postcodes.count],
                                            isLocal: supplierNumber % postcodes.count < 6, size: .small, kind: .company, workforce: 20, newHires: 4,
                                            livingWage: .some)
                    let terms = ContractTerms(
                        reference: "SAMPLE-\(String(format: "%05d", index + 1))", tenderReference: "SAMPLE-T\(index + 1)", title: "Sample contract \(index + 1)",
                        buyer: "Sample council", directorate: directorates[numbers.next(directorates.count)], contractManager: "Sample officer",
                        supplier: supplier, contractValue: Money(Decimal(100_000 + numbers.next(4_900) * 1_000)), start: start, years: 3,
                        awarded: start.adding(days: -30), calendar: calendar, commitments: commitments, packName: "sample", packEdition: "sample",
                        illustrative: true, livingWageAssurance: false, bundleDigest: String(repeating: "0", count: 64))
                    try RegisterRows.insert(terms, into: db)
                    summary.contracts += 1
                    summary.scheduleLines += terms.schedule.lines.count
                    for period in terms.schedule.periods where period.end < through {
                        let due = terms.schedule.due(in: period)
                        let id = try db.value(returnStatement, [terms.reference, period.id, period.start.iso, period.end.iso, "sample-\(index)-\(period.id)",
                                                                period.end.adding(days: 10).iso, period.end.adding(days: 20).iso], as: Int64.self) ?? 0
                        summary.returns += 1
                        for spec in measures {
                            let dueMicros = Units.micros(due[spec.reference] ?? 0)
                            // Delivery between 60% and 120% of what was due, in whole steps.
                            let stepMicros = Units.micros(spec.step)
                            let delivered = dueMicros * Int64(60 + numbers.next(61)) / 100 / max(stepMicros, 1) * max(stepMicros, 1)
                            let roll = numbers.next(10)
                            let validated: Int64? = roll < 8 ? delivered : roll == 8 ? delivered / 2 / max(stepMicros, 1) * max(stepMicros, 1) : nil
                            let pence = { (micros: Int64) -> Int64? in
                                spec.perUnit.map { Units.pence(($0 * Units.decimal(micros: micros)).roundedToPenny) }
                            }
                            try db.execute(lineStatement, [id, spec.reference.rawValue, dueMicros, delivered, pence(delivered),
                                                           validated, validated.flatMap(pence)])
                            summary.deliveryLines += 1
                        }
                    }
                    try RegisterRows.refreshPositions(db, contract: terms.reference, period: nil)
                }
        }
        return summary
    }
}
