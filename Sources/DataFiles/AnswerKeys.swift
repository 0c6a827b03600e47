/// The answer keys svwizard's code reads, by flow: the contract between the Swift code and the
/// question flows a council may edit. A council can reword, reorder or add questions freely,
/// but a question the code reads must keep its key; the flows are checked against this table
/// when the data loads, so a renamed key is a data file error (exit 3), never a silent 0.
/// Per-measure questions are written `commitments.*.KEY`.
public enum AnswerKeys {
    public static let read: [String: [String]] = [
        "supplier-response": [
            "tender.buyer", "tender.reference", "tender.title", "tender.value", "tender.startDate", "tender.years", "tender.measures",
            "supplier.name", "supplier.postcode", "supplier.insideBoundary", "supplier.size", "supplier.type", "supplier.workforce",
            "supplier.newHires", "supplier.livingWage", "measures",
            "commitments.*.placements", "commitments.*.weeksEach", "commitments.*.people", "commitments.*.ageBandConfirmed",
            "commitments.*.quantity", "commitments.*.delivery", "commitments.*.partner", "commitments.*.evidence",
            "peopleCountedTwice", "deliveryDocument",
        ],
        "opportunity-assessment": [
            "contract.title", "contract.reference", "contract.directorate", "contract.commissioner", "contract.category",
            "contract.value", "contract.years", "contract.startDate", "route", "quotes.localSupplier", "quotes.noLocalReason",
            "fit.people", "fit.subcontracting", "fit.apprenticeships", "fit.schools", "fit.carbon", "fit.vcse", "measures",
            "market.lots", "market.lotsNote", "market.localSuppliers", "market.engagement", "market.support", "market.coDesign",
            "market.livedExperience", "principles.keepItLocal", "principles.communityWealthBuilding", "principles.note",
            "livingWage.inScope", "livingWage.assurance", "valuePack", "training", "valuePack.edition", "valuePack.source",
            "scoring.method", "scoring.target", "scoring.threshold", "scoring.bands", "scoring.scale",
        ],
    ]
}
