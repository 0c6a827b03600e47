/// Which values a page's £ figures come from, said the same way on every page after the bid
/// (the evaluation, the return, the report): the pack, its edition, and "illustrative"
/// whenever it is.
public enum ValuesUsed {
    /// `Valued with the tender-rmbc-2025-090 pack (Council values 2025).`, with a warning when
    /// illustrative; for no pack, that every measure is counted by quantity.
    public static func sentence(pack: String?, edition: String?, illustrative: Bool) -> String {
        guard let pack, !pack.isEmpty else { return "No value pack: every measure is counted by quantity, not in £." }
        let named = "the \(pack) pack" + (edition.map { $0.isEmpty ? "" : " (\($0))" } ?? "")
        return illustrative ? "Valued with \(named), whose values are illustrative: the £ figures are for training only, not a real procurement."
            : "Valued with \(named)."
    }
}
