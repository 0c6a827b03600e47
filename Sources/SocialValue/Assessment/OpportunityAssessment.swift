import Foundation

/// A commissioner's social value opportunity assessment: the first stage of the policy's
/// lifecycle, done before a procurement starts.
public struct OpportunityAssessment: Sendable, Hashable {
    /// What is bought.
    public enum Category: String, Sendable, Hashable, CaseIterable, Codable {
        case goods, services, works
    }

    /// How the contract will be bought.
    public enum Route: String, Sendable, Hashable, CaseIterable {
        /// A tender.
        case tender
        /// Written quotations.
        case quotations
    }

    public var title: String
    public var reference: String
    public var directorate: String
    public var commissioner: String
    public var category: Category
    /// The estimated whole-life value, including extensions.
    public var value: Money
    public var years: Int
    /// The length in months when it is not a whole number of years; nil otherwise.
    public var months: Int?
    public var startDate: String
    public var route: Route
    /// For quotations: the local supplier invited to quote, or nil with the reason none could be found.
    public var localQuoteSupplier: String?
    public var noLocalSupplierReason: String?
    public var fit: ContractFit
    /// The measures the commissioner adopted for the tender, in the framework's order.
    public var adoptedMeasures: [MeasureReference]
    public var market: LocalMarket
    /// The name of the value pack the tender uses.
    public var valuePack: String
    /// How bids will be scored, as the commissioner chose: the quantitative method and the id
    /// of the qualitative scale. Nil until chosen.
    public var scoringMethod: QuantitativeMethod?
    public var scoringScale: String?
    /// True when the commissioner recorded the tender as a training exercise: only then may it
    /// use an illustrative value pack.
    public var training: Bool = false

    public init(title: String, reference: String, directorate: String, commissioner: String, category: Category, value: Money,
                years: Int, startDate: String, route: Route, localQuoteSupplier: String?, noLocalSupplierReason: String?,
                fit: ContractFit, adoptedMeasures: [MeasureReference], market: LocalMarket, valuePack: String,
                scoringMethod: QuantitativeMethod? = nil, scoringScale: String? = nil) {
        self.scoringMethod = scoringMethod
        self.scoringScale = scoringScale
        self.title = title
        self.reference = reference
        self.directorate = directorate
        self.commissioner = commissioner
        self.category = category
        self.value = value
        self.years = years
        self.startDate = startDate
        self.route = route
        self.localQuoteSupplier = localQuoteSupplier
        self.noLocalSupplierReason = noLocalSupplierReason
        self.fit = fit
        self.adoptedMeasures = adoptedMeasures
        self.market = market
        self.valuePack = valuePack
    }
}

/// The short questions about a contract that decide which outcomes fit it.
public struct ContractFit: Sendable, Hashable {
    /// The people (FTE) who will work on the contract.
    public var peopleOnContract: Decimal
    public var subcontracting: Bool
    public var suitsApprenticesOrPlacements: Bool
    public var contactWithSchools: Bool
    public var carbonIntensive: Bool
    public var scopeForVCSESupport: Bool

    public init(peopleOnContract: Decimal, subcontracting: Bool, suitsApprenticesOrPlacements: Bool, contactWithSchools: Bool,
                carbonIntensive: Bool, scopeForVCSESupport: Bool) {
        self.peopleOnContract = peopleOnContract
        self.subcontracting = subcontracting
        self.suitsApprenticesOrPlacements = suitsApprenticesOrPlacements
        self.contactWithSchools = contactWithSchools
        self.carbonIntensive = carbonIntensive
        self.scopeForVCSESupport = scopeForVCSESupport
    }
}

/// The local market and how the commissioning will reach it.
public struct LocalMarket: Sendable, Hashable {
    public var canSplitIntoLots: Bool
    public var lotsNote: String
    public var knownLocalSuppliers: String
    public var marketEngagement: Bool
    public var oneToOneSupport: Bool
    public var coDesign: Bool
    public var livedExperience: Bool
    /// The principles followed, by set id (`keep-it-local`, `community-wealth-building`), as item numbers.
    public var principlesFollowed: [String: [Int]]
    public var principlesNote: String
    public var livingWageInScope: Bool
    public var livingWageAssurance: Bool

    public init(canSplitIntoLots: Bool, lotsNote: String, knownLocalSuppliers: String, marketEngagement: Bool, oneToOneSupport: Bool,
                coDesign: Bool, livedExperience: Bool, principlesFollowed: [String: [Int]], principlesNote: String,
                livingWageInScope: Bool, livingWageAssurance: Bool) {
        self.canSplitIntoLots = canSplitIntoLots
        self.lotsNote = lotsNote
        self.knownLocalSuppliers = knownLocalSuppliers
        self.marketEngagement = marketEngagement
        self.oneToOneSupport = oneToOneSupport
        self.coDesign = coDesign
        self.livedExperience = livedExperience
        self.principlesFollowed = principlesFollowed
        self.principlesNote = principlesNote
        self.livingWageInScope = livingWageInScope
        self.livingWageAssurance = livingWageAssurance
    }
}
