import Foundation

/// A contract as the register records it and the contract pack carries it to the supplier:
/// who it is with, how long it runs, what was committed in the winning bid (each measure with
/// its unit, step, £ per unit and the evidence it asks for) and the schedule by reporting period.
public struct ContractTerms: Sendable, Hashable, Codable {
    /// The council's contract reference, such as `RMBC-2026-017`.
    public var reference: String
    public var tenderReference: String
    public var title: String
    public var buyer: String
    public var directorate: String
    public var contractManager: String
    public var supplier: Supplier
    public var contractValue: Money
    public var start: Day
    /// The contract years (the last may be a part year).
    public var years: Int
    /// The contract's length in months, when it is not a whole number of years (18); nil otherwise.
    public var months: Int?
    /// The day the contract was recorded as awarded.
    public var awarded: Day
    /// The reporting calendar the schedule follows.
    public var reportingYearStartMonth: Int
    public var periodMonths: Int
    public var commitments: [ContractCommitment]
    public var schedule: Schedule
    /// The value pack the commitments are valued with.
    public var packName: String?
    public var packEdition: String?
    public var illustrative: Bool
    /// Whether the contract manager seeks assurance each year that the contract pays the real living wage.
    public var livingWageAssurance: Bool
    /// The SHA-256 of the winning bid's `submission.json`, tying the contract to the bundle.
    public var bundleDigest: String

    public init(reference: String, tenderReference: String, title: String, buyer: String, directorate: String, contractManager: String,
                supplier: Supplier, contractValue: Money, start: Day, years: Int, months: Int? = nil, awarded: Day, calendar: ReportingCalendar,
                commitments: [ContractCommitment], packName: String?, packEdition: String?, illustrative: Bool,
                livingWageAssurance: Bool, bundleDigest: String) {
        self.reference = reference
        self.tenderReference = tenderReference
        self.title = title
        self.buyer = buyer
        self.directorate = directorate
        self.contractManager = contractManager
        self.supplier = supplier
        self.contractValue = contractValue
        self.start = start
        self.years = years
        self.months = months.flatMap { $0 % 12 == 0 ? nil : $0 }
        self.awarded = awarded
        self.reportingYearStartMonth = calendar.yearStartMonth
        self.periodMonths = calendar.periodMonths
        self.commitments = commitments
        self.packName = packName
        self.packEdition = packEdition
        self.illustrative = illustrative
        self.livingWageAssurance = livingWageAssurance
        self.bundleDigest = bundleDigest
        self.schedule = Schedule(start: start, years: years, months: self.months, inputs: commitments.map {
            Schedule.Input(measure: $0.measure, quantities: $0.quantities.map(\.value), step: $0.step.value, perUnit: $0.perUnit)
        }, calendar: calendar)
    }

    public var calendar: ReportingCalendar { ReportingCalendar(yearStartMonth: reportingYearStartMonth, periodMonths: periodMonths) }

    /// Set in an encoder's `userInfo` to leave the schedule out (the register keeps it in its own
    /// table, and a reader without it works it out again from the commitments).
    public static let omitSchedule = CodingUserInfoKey(rawValue: "svwizard.omitSchedule")!

    enum CodingKeys: String, CodingKey {
        case reference, tenderReference, title, buyer, directorate, contractManager, supplier, contractValue, start, years, months, awarded
        case reportingYearStartMonth, periodMonths, commitments, schedule, packName, packEdition, illustrative, livingWageAssurance, bundleDigest
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        for key in [CodingKeys.start, .awarded] {
            if let problem = Day.problem(try c.decode(Day.self, forKey: key)) {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: problem)
            }
        }
        self.init(reference: try c.decode(String.self, forKey: .reference), tenderReference: try c.decode(String.self, forKey: .tenderReference),
                  title: try c.decode(String.self, forKey: .title), buyer: try c.decode(String.self, forKey: .buyer),
                  directorate: try c.decode(String.self, forKey: .directorate), contractManager: try c.decode(String.self, forKey: .contractManager),
                  supplier: try c.decode(Supplier.self, forKey: .supplier), contractValue: try c.decode(Money.self, forKey: .contractValue),
                  start: try c.decode(Day.self, forKey: .start), years: try c.decode(Int.self, forKey: .years),
                  months: try c.decodeIfPresent(Int.self, forKey: .months), awarded: try c.decode(Day.self, forKey: .awarded),
                  calendar: ReportingCalendar(yearStartMonth: try c.decode(Int.self, forKey: .reportingYearStartMonth),
                                              periodMonths: try c.decode(Int.self, forKey: .periodMonths)),
                  commitments: try c.decode([ContractCommitment].self, forKey: .commitments),
                  packName: try c.decodeIfPresent(String.self, forKey: .packName), packEdition: try c.decodeIfPresent(String.self, forKey: .packEdition),
                  illustrative: try c.decode(Bool.self, forKey: .illustrative), livingWageAssurance: try c.decode(Bool.self, forKey: .livingWageAssurance),
                  bundleDigest: try c.decode(String.self, forKey: .bundleDigest))
        // A schedule given is kept as given (a pack whose schedule was edited is then caught by
        // comparing it with the one the commitments make); none given is worked out.
        if let given = try c.decodeIfPresent(Schedule.self, forKey: .schedule) { schedule = given }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reference, forKey: .reference)
        try c.encode(tenderReference, forKey: .tenderReference)
        try c.encode(title, forKey: .title)
        try c.encode(buyer, forKey: .buyer)
        try c.encode(directorate, forKey: .directorate)
        try c.encode(contractManager, forKey: .contractManager)
        try c.encode(supplier, forKey: .supplier)
        try c.encode(contractValue, forKey: .contractValue)
        try c.encode(start, forKey: .start)
        try c.encode(years, forKey: .years)
        try c.encodeIfPresent(months, forKey: .months)
        try c.encode(awarded, forKey: .awarded)
        try c.encode(reportingYearStartMonth, forKey: .reportingYearStartMonth)
        try c.encode(periodMonths, forKey: .periodMonths)
        try c.encode(commitments, forKey: .commitments)
        if encoder.userInfo[Self.omitSchedule] as? Bool != true { try c.encode(schedule, forKey: .schedule) }
        try c.encodeIfPresent(packName, forKey: .packName)
        try c.encodeIfPresent(packEdition, forKey: .packEdition)
        try c.encode(illustrative, forKey: .illustrative)
        try c.encode(livingWageAssurance, forKey: .livingWageAssurance)
        try c.encode(bundleDigest, forKey: .bundleDigest)
    }

    /// The first and last days of the contract.
    public var term: (first: Day, last: Day) { Schedule.term(start: start, years: years, months: months) }

    /// Its length in words: `2 years`, `18 months`.
    public var length: String { Schedule.length(years: years, months: months) }

    /// The reporting periods the contract runs in.
    public var periods: [ReportingPeriod] { calendar.periods(from: term.first, through: term.last) }

    public func commitment(_ measure: MeasureReference) -> ContractCommitment? { commitments.first { $0.measure == measure } }

    /// The whole contract's committed £ (the sum of the schedule's lines).
    public var committedValue: Money { schedule.lines.compactMap(\.value).reduce(.zero, +) }
}

/// One committed measure of a contract.
public struct ContractCommitment: Sendable, Hashable, Codable {
    public var measure: MeasureReference
    /// How the framework names it: "Local people employed".
    public var label: String
    public var unit: MeasureUnit
    /// The step quantities are counted in (0.1 FTE, 1 week).
    public var step: Quantity
    /// The quantity committed for each contract year.
    public var quantities: [Quantity]
    public var perUnit: Money?
    /// What the supplier said it would do and the evidence it would keep, from the bid.
    public var delivery: String
    public var evidencePromised: String
    /// The evidence the measure asks for, from the council's catalogue.
    public var evidenceAsked: [String]

    public init(measure: MeasureReference, label: String, unit: MeasureUnit, step: Decimal, quantities: [Decimal], perUnit: Money?,
                delivery: String, evidencePromised: String, evidenceAsked: [String]) {
        self.measure = measure
        self.label = label
        self.unit = unit
        self.step = Quantity(step)
        self.quantities = quantities.map(Quantity.init)
        self.perUnit = perUnit
        self.delivery = delivery
        self.evidencePromised = evidencePromised
        self.evidenceAsked = evidenceAsked
    }

    public var total: Decimal { quantities.reduce(0) { $0 + $1.value } }
}
