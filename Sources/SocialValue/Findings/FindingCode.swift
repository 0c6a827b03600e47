/// Every check's stable code. `Guidance/validation-rules.md` lists each one; a test keeps the
/// two in step.
public enum FindingCode: String, Sendable, Hashable, Codable, CaseIterable {
    case nothingCommitted = "SV-E001"
    case measureNotAdopted = "SV-E002"
    case quantityOutOfRange = "SV-E003"
    case quantityOffStep = "SV-E004"
    case wrongNumberOfYears = "SV-E005"
    case zeroCommitment = "SV-E006"
    case localSpendAboveContract = "SV-E007"
    case jobsAboveWorkforce = "SV-E008"
    case hiresAboveNewHires = "SV-E009"
    case placementLength = "SV-E010"
    case placementWeeksDoNotAddUp = "SV-E011"
    case ageBandNotConfirmed = "SV-E012"
    case peopleCountedTwice = "SV-E013"
    case hiresBeyondFirstYear = "SV-E014"
    case emptyDelivery = "SV-E015"
    case emptyDeliveryDocument = "SV-E016"
    case unknownMeasure = "SV-E017"
    case duplicateCommitment = "SV-E018"
    case missingFacts = "SV-E019"
    case evidenceMissing = "SV-E020"
    case periodOutsideContract = "SV-E021"
    case deliveredQuantityUnit = "SV-E022"
    case shortfallUnexplained = "SV-E023"
    case measureNotCommitted = "SV-E024"
    case measureNotReported = "SV-E025"
    case implausibleTotal = "SV-W001"
    case noEvidence = "SV-W002"
    case payRaiseAlreadyPaid = "SV-W003"
    case allInOneYear = "SV-W004"
    case illustrativeValuesInBid = "SV-W005"
    case evidenceOutsidePeriod = "SV-W006"
    case beyondCommitment = "SV-W007"
    case weeksAboveWorkforce = "SV-W008"
    case groupAboveWorkforce = "SV-W009"
    case livingWageNotPaid = "SV-W010"
    case unvalued = "SV-N001"
    case illustrativeValues = "SV-N002"
    case belowThreshold = "SV-N003"
    case noLocalPartner = "SV-N004"
    case pluralOwnership = "SV-N005"

    /// How serious findings with this code are.
    public var severity: Finding.Severity {
        switch rawValue.dropFirst(3).first {
        case "E": .error
        case "W": .warning
        default: .note
        }
    }

    /// What the rule checks, in a few words (the heading in `validation-rules.md`).
    public var title: String {
        switch self {
        case .nothingCommitted: "Nothing committed"
        case .measureNotAdopted: "A measure the tender did not adopt"
        case .quantityOutOfRange: "A quantity out of range"
        case .quantityOffStep: "A quantity not in the measure's steps"
        case .wrongNumberOfYears: "Quantities not given for each contract year"
        case .zeroCommitment: "A chosen measure with nothing committed"
        case .localSpendAboveContract: "Local spend above the contract value"
        case .jobsAboveWorkforce: "Jobs above the workforce"
        case .hiresAboveNewHires: "Hires above the stated new hires"
        case .placementLength: "Placement length outside the measure's range"
        case .placementWeeksDoNotAddUp: "Placement weeks that do not add up"
        case .ageBandNotConfirmed: "Age band not confirmed"
        case .peopleCountedTwice: "The same people under two measures of one group"
        case .hiresBeyondFirstYear: "Hires counted beyond their first year"
        case .emptyDelivery: "No delivery plan for a commitment"
        case .emptyDeliveryDocument: "No delivery plan or milestone tracker"
        case .unknownMeasure: "A measure that is not in the catalogue"
        case .duplicateCommitment: "A measure committed twice"
        case .missingFacts: "Facts a measure's rules need are missing"
        case .evidenceMissing: "A delivered quantity with no evidence"
        case .periodOutsideContract: "A return for a period outside the contract"
        case .deliveredQuantityUnit: "A delivered quantity not in the measure's unit"
        case .shortfallUnexplained: "Below the profile with no reason or recovery plan"
        case .measureNotCommitted: "Delivery reported against a measure the contract does not commit to"
        case .measureNotReported: "A committed measure missing from a return"
        case .evidenceOutsidePeriod: "Evidence dated outside the period"
        case .beyondCommitment: "Delivery beyond the commitment"
        case .weeksAboveWorkforce: "More weeks in a year than the workforce can carry"
        case .groupAboveWorkforce: "More FTE of one group than the workforce"
        case .livingWageNotPaid: "No staff on the real living wage where the tender seeks assurance of it"
        case .implausibleTotal: "Total social value above the highest public benchmark"
        case .noEvidence: "No evidence described"
        case .payRaiseAlreadyPaid: "Pay raises to the real living wage when all staff already get it"
        case .allInOneYear: "A multi-year contract with everything in one year"
        case .unvalued: "Measures with no value in the pack"
        case .illustrativeValuesInBid: "Illustrative values in a real bid"
        case .illustrativeValues: "Illustrative values in a training scenario"
        case .belowThreshold: "Contract not over the social value threshold"
        case .noLocalPartner: "No local partner named"
        case .pluralOwnership: "Plural ownership"
        }
    }
}
