import Foundation

/// The annual (or mid-year) social value report to Cabinet, worked out from the register:
/// committed, reported and validated social value in the period and since the first contract,
/// with value not yet due kept apart from under-delivery; the headline quantities the policy
/// reports; breakdowns by measure, theme, outcome, directorate, contract, supplier and
/// location; and, when the council's spending data is imported, local spend by financial year.
public struct SocialValueReport: Sendable, Hashable, Codable {
    public static let schemaName = "svwizard-report"
    public static let currentSchemaVersion = 1

    public var schema = schemaName
    public var schemaVersion = currentSchemaVersion
    public var toolVersion: String
    public var council: String
    public var range: ReportRange
    /// The first contract's start, where cumulative figures begin; nil with no contracts.
    public var since: Day?
    public var inPeriod: Money.Stages
    public var cumulative: Money.Stages
    public var headlines: [Headline]
    /// Every measure, by quantity and £.
    public var measures: [MeasureRow]
    public var themes: [GroupRow]
    public var outcomes: [GroupRow]
    public var directorates: [GroupRow]
    /// Local suppliers and the rest.
    public var supplierLocations: [GroupRow]
    /// By the supplier's postcode district.
    public var districts: [GroupRow]
    public var suppliers: [GroupRow]
    public var contracts: [GroupRow]
    public var threshold: ThresholdCount
    /// Validated local supply-chain spend as a share of the contracts' value in the period.
    public var localSpendShare: LocalSpendShare?
    public var spend: [SpendYear]
    public var ragNote: String
    /// The value packs the contracts counted are valued with, and how many use each.
    public var valuePacks: [PackUse] = []

    /// A value pack and the contracts valued with it.
    public struct PackUse: Sendable, Hashable, Codable {
        public var name: String?
        public var edition: String?
        public var illustrative: Bool
        public var contracts: Int

        public init(name: String?, edition: String?, illustrative: Bool, contracts: Int) {
            self.name = name
            self.edition = edition
            self.illustrative = illustrative
            self.contracts = contracts
        }

        /// `Valued with the X pack (edition) (3 contracts).`
        public var sentence: String {
            let said = ValuesUsed.sentence(pack: name, edition: edition, illustrative: illustrative)
            return String(said.dropLast()) + " (\(contracts) contract\(contracts == 1 ? "" : "s"))."
        }
    }

    public init(toolVersion: String, council: String, range: ReportRange, since: Day?, inPeriod: Money.Stages, cumulative: Money.Stages,
                headlines: [Headline], measures: [MeasureRow], themes: [GroupRow], outcomes: [GroupRow], directorates: [GroupRow],
                supplierLocations: [GroupRow], districts: [GroupRow], suppliers: [GroupRow], contracts: [GroupRow], threshold: ThresholdCount,
                localSpendShare: LocalSpendShare?, spend: [SpendYear], ragNote: String) {
        self.toolVersion = toolVersion
        self.council = council
        self.range = range
        self.since = since
        self.inPeriod = inPeriod
        self.cumulative = cumulative
        self.headlines = headlines
        self.measures = measures
        self.themes = themes
        self.outcomes = outcomes
        self.directorates = directorates
        self.supplierLocations = supplierLocations
        self.districts = districts
        self.suppliers = suppliers
        self.contracts = contracts
        self.threshold = threshold
        self.localSpendShare = localSpendShare
        self.spend = spend
        self.ragNote = ragNote
    }

    /// A quantity the policy reports, in the period and since the first contract.
    public struct Headline: Sendable, Hashable, Codable {
        public var measure: MeasureReference
        public var label: String
        public var unit: MeasureUnit
        public var inPeriod: Quantities
        public var cumulative: Quantities

        public init(measure: MeasureReference, label: String, unit: MeasureUnit, inPeriod: Quantities, cumulative: Quantities) {
            self.measure = measure
            self.label = label
            self.unit = unit
            self.inPeriod = inPeriod
            self.cumulative = cumulative
        }
    }

    /// Quantities at each stage.
    public struct Quantities: Sendable, Hashable, Codable {
        public var due: Quantity
        public var reported: Quantity
        public var validated: Quantity

        public init(due: Decimal, reported: Decimal, validated: Decimal) {
            self.due = Quantity(due)
            self.reported = Quantity(reported)
            self.validated = Quantity(validated)
        }
    }

    /// One measure: quantities and £ in the period, and validated since the first contract.
    public struct MeasureRow: Sendable, Hashable, Codable {
        public var measure: MeasureReference
        public var label: String
        public var unit: MeasureUnit
        public var theme: String
        public var outcome: String
        public var inPeriod: Quantities
        public var cumulative: Quantities
        /// £ in the period; nil when the measure is unvalued.
        public var money: Money.Stages?

        public init(measure: MeasureReference, label: String, unit: MeasureUnit, theme: String, outcome: String, inPeriod: Quantities,
                    cumulative: Quantities, money: Money.Stages?) {
            self.measure = measure
            self.label = label
            self.unit = unit
            self.theme = theme
            self.outcome = outcome
            self.inPeriod = inPeriod
            self.cumulative = cumulative
            self.money = money
        }
    }

    /// A group (theme, directorate, supplier, contract...): £ at each stage in the period.
    public struct GroupRow: Sendable, Hashable, Codable {
        public var name: String
        public var stages: Money.Stages
        /// How many contracts the group holds; nil for groups of measures (themes, outcomes).
        public var contracts: Int?
        /// False for a group of measures none of which has a £ value: its figures are then no
        /// value, not £0.00; absent otherwise.
        public var valued: Bool?

        public init(name: String, stages: Money.Stages, contracts: Int?, valued: Bool? = nil) {
            self.name = name
            self.stages = stages
            self.contracts = contracts
            self.valued = valued == false ? false : nil
        }

        /// `amount` as the row shows it: "not valued" where nothing in the group has a £ value.
        public func shown(_ amount: Money) -> String { valued == false ? "not valued" : amount.description }
    }

    /// Contracts over the social value threshold awarded in the period and since the first.
    public struct ThresholdCount: Sendable, Hashable, Codable {
        public var threshold: Money
        public var inPeriodWith: Int
        public var inPeriodWithout: Int
        public var cumulativeWith: Int
        public var cumulativeWithout: Int
        /// The contracts over the threshold with no commitments, awarded in the period.
        public var without: [String]

        public init(threshold: Money, inPeriodWith: Int, inPeriodWithout: Int, cumulativeWith: Int, cumulativeWithout: Int, without: [String]) {
            self.threshold = threshold
            self.inPeriodWith = inPeriodWith
            self.inPeriodWithout = inPeriodWithout
            self.cumulativeWith = cumulativeWith
            self.cumulativeWithout = cumulativeWithout
            self.without = without
        }
    }

    /// Local spend reported by suppliers against the value of their contracts in the period.
    public struct LocalSpendShare: Sendable, Hashable, Codable {
        public var measure: MeasureReference
        public var validated: Money
        /// The contracts' value pro rata to their days in the period (those committing to the measure).
        public var contractValue: Money
        public var share: Percentage?

        public init(measure: MeasureReference, validated: Money, contractValue: Money) {
            self.measure = measure
            self.validated = validated
            self.contractValue = contractValue
            share = contractValue.pounds > 0 ? Percentage(DecimalText.rounded(validated.pounds / contractValue.pounds * 100, places: 1)) : nil
        }
    }

    /// The council's own spending with third parties in one financial year.
    public struct SpendYear: Sendable, Hashable, Codable {
        public var financialYear: String
        public var total: Money
        public var local: Money
        public var localShare: Percentage?
        /// Paid to suppliers in districts that straddle the local area's boundary.
        public var partial: Money
        public var outside: Money
        public var unplaced: Money
        public var payments: Int
        public var unplacedPayments: Int
        public var districts: [SpendGroup]
        public var categories: [SpendGroup]
        public var largestSuppliers: [SpendGroup]

        public init(financialYear: String, total: Money, local: Money, partial: Money, outside: Money, unplaced: Money, payments: Int,
                    unplacedPayments: Int, districts: [SpendGroup], categories: [SpendGroup], largestSuppliers: [SpendGroup]) {
            self.financialYear = financialYear
            self.total = total
            self.local = local
            self.partial = partial
            self.outside = outside
            self.unplaced = unplaced
            self.payments = payments
            self.unplacedPayments = unplacedPayments
            self.districts = districts
            self.categories = categories
            self.largestSuppliers = largestSuppliers
            localShare = total.pounds > 0 ? Percentage(DecimalText.rounded(local.pounds / total.pounds * 100, places: 1)) : nil
        }
    }

    /// A line of a spend breakdown.
    public struct SpendGroup: Sendable, Hashable, Codable {
        public var name: String
        public var amount: Money
        /// `local`, `partial`, `outside` or `unplaced`, for suppliers.
        public var location: String?

        public init(name: String, amount: Money, location: String? = nil) {
            self.name = name
            self.amount = amount
            self.location = location
        }
    }
}

extension Money {
    /// Social value at each stage: committed on contracts awarded, due, reported, validated,
    /// awaiting validation, rejected, the shortfall against what was due, and not yet due.
    public struct Stages: Sendable, Hashable, Codable {
        /// The whole-life commitments of contracts awarded.
        public var committed: Money
        public var due: Money
        public var reported: Money
        public var validated: Money
        public var awaiting: Money
        public var rejected: Money
        public var shortfall: Money
        public var notYetDue: Money

        public init(committed: Money, due: Money, reported: Money, validated: Money, awaiting: Money, rejected: Money, shortfall: Money,
                    notYetDue: Money) {
            self.committed = committed
            self.due = due
            self.reported = reported
            self.validated = validated
            self.awaiting = awaiting
            self.rejected = rejected
            self.shortfall = shortfall
            self.notYetDue = notYetDue
        }
    }
}
