import Foundation
import Testing

/// One tender carried through every stage, as a commissioner, three suppliers, an evaluation
/// panel, a contract manager and the council would carry it, through the real binary. Read this
/// first: every figure below is worked out by hand in the comments, and each stage must agree
/// with the one before it to the penny.
///
/// The tender (Fixtures/one-tender/assessment.yaml): RMBC-2025-090, housing repairs in Maltby,
/// £1.2m over 2 years from 1 April 2025, adopting TOM1 (local jobs, FTE), TOM10 (apprenticeship
/// weeks), TOM18 (local spend, £) and TOM31 (tonnes of CO2e saved), scored relative to the
/// highest offer. The buyer's own values (council-values.csv): TOM1 £12,000 an FTE, TOM10 £200 a
/// week, TOM31 £273.06 a tonne; TOM18 has no value, so it counts by quantity only.
///
/// Rotherham's reporting year runs December to November in quarters, so each contract year
/// (April to March) falls in five periods of 61, 92, 91, 90 and 31 days (365).
@Suite("One tender through the whole lifecycle, every stage agreeing with the one before", .serialized)
struct OneTenderEndToEndTests {
    let runner = BinaryRunner()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/one-tender")
    /// The day the council enters the contract: 6 December 2026, after the 2025/26 reporting year ended.
    static let today = ["SVWIZARD_TODAY": "2026-12-06", "COLUMNS": "100"]

    func run(_ arguments: [String], register: Bool = false) throws -> BinaryRunner.Result {
        let extra = register ? ["--register", runner.home.appendingPathComponent("register.sqlite").path] : []
        return try runner.run(arguments + extra, extraEnvironment: Self.today)
    }

    func succeeds(_ arguments: [String], register: Bool = false) throws -> String {
        let result = try run(arguments, register: register)
        #expect(result.status == 0, "svwizard \(arguments.joined(separator: " ")): \(result.stdout)\(result.stderr)")
        return result.stdout
    }

    func file(_ name: String) throws -> String { try String(contentsOf: runner.home.appendingPathComponent(name), encoding: .utf8) }

    /// `text.flattened`, read as a call around the command it checks.
    func flat(_ text: String) -> String { text.flattened }

    @Test("assess, respond, export, validate, evaluate, award after the fact, pack, deliver, import, review, track show and report")
    func oneTender() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path) {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: runner.home.appendingPathComponent(name))
        }

        // 1. The commissioner's assessment: a real tender with the buyer's values, not the workshop's.
        let assess = try succeeds(["assess", "--answers", "assessment.yaml", "--no-input"])
        #expect(assess.contains("tender.json"))
        let tender = try file("tender.json")
        #expect(tender.contains("\"contractValue\" : \"1200000\"") && tender.contains("\"years\" : 2") && !tender.contains("\"training\""))
        #expect(tender.contains("\"edition\" : \"Council values 2025\"") && tender.contains("\"illustrative\" : false"))
        // TOM18 has no value in the pack, so the record warns that it will not count in the £ score.
        #expect(flat(try file("assessment.md")).contains("Give TOM 18 a value in the pack, or leave it out."))

        // 2. Three suppliers respond and export their bundles.
        for supplier in ["maltby", "bigpromise", "thin"] {
            _ = try succeeds(["respond", "--tender", "tender.json", "--answers", "\(supplier).yaml", "--no-input", "--draft", "\(supplier).svdraft.json"])
            _ = try succeeds(["export", "\(supplier).svdraft.json", "-o", "\(supplier).svbundle.zip"])
        }

        // 3. The panel checks the bundles. Maltby Builders: TOM1 4 + 4 FTE x £12,000 = £96,000.00; TOM10 52 + 52 weeks x £200
        //    = £20,800.00; TOM31 40 + 40 t x £273.06 = £10,922.40 a year, £21,844.80; TOM18 £80,000 by quantity. Total £138,644.80.
        //    Big Promise: TOM1 3 + 3 FTE = £72,000.00; TOM10 520 + 520 weeks = £208,000.00; total £280,000.00, and 520 weeks a
        //    year is 10 people's year from a firm of 4 + 2 new hires: SV-W008, twice. It pays nobody the real living wage on a
        //    tender that seeks assurance of it: SV-W010. Thin Offer: TOM18 only, not valued.
        let validate = flat(try succeeds(["validate", "--tender", "tender.json", "maltby.svbundle.zip", "bigpromise.svbundle.zip", "thin.svbundle.zip"]))
        #expect(validate.contains("maltby.svbundle.zip: valid Total social value: £138,644.80"), "\(validate)")
        #expect(validate.contains("bigpromise.svbundle.zip: valid Total social value: £280,000.00"))
        #expect(validate.components(separatedBy: "WARNING SV-W008").count == 3 && validate.contains("WARNING SV-W010"))
        #expect(validate.contains("3 bundles: 3 valid"))

        // 4. The evaluation. The inflated TOM10 is clarified and adjusted to 104 weeks: Big Promise's offer becomes £72,000.00
        //    + £20,800.00 = £92,800.00. Relative to the highest offer (10 marks): Maltby 10.00; Big Promise 92,800.00 /
        //    138,644.80 x 10 = 6.69; Thin Offer 0.00. The written answers (10 marks, 0 to 5): 4 is 8.00, 2 is 4.00, 3 is 6.00.
        let evaluate = flat(try succeeds(["evaluate", "--tender", "tender.json", "maltby.svbundle.zip", "bigpromise.svbundle.zip", "thin.svbundle.zip",
                                          "--scores", "scores.yaml", "--output", "evaluation", "--no-input"]))
        #expect(evaluate.contains("1. Maltby Builders Ltd: 18.00 (£138,644.80) 2. Big Promise Ltd: 10.69 (£92,800.00) 3. Thin Offer CIC: 6.00 (not valued)"),
                "\(evaluate)")
        let evaluation = try file("evaluation/evaluation.md")
        #expect(evaluation.contains("| 1 | Maltby Builders Ltd | £138,644.80 | £0.12 per £1 | 10.00 | 8.00 | 18.00 |"))
        #expect(evaluation.contains("| 2 | Big Promise Ltd | £92,800.00 | £0.08 per £1 | 6.69 | 4.00 | 10.69 |"))
        #expect(evaluation.contains("Valued with the tender-rmbc-2025-090 pack (Council values 2025)."))
        GoldenFiles.check("one-tender-evaluation.md", evaluation)

        // 5. The award, entered on 6 December 2026, long after the contract began: its award date is its start, said back.
        let award = flat(try succeeds(["contract", "award", "maltby.svbundle.zip", "--tender", "tender.json", "--directorate",
                                       "Adult Care, Housing and Public Health", "--manager", "Sam Patel", "--no-input"], register: true))
        #expect(award.contains("Award date: 1 April 2025 (the contract's start; --on gives another)."))
        #expect(award.contains("worth £138,644.80 over 2 years from 1 April 2025, in 9 reporting periods"))
        // The schedule shares each contract year over its five periods by days, in the measure's steps, largest remainder
        // first; each year's £ is rounded once, as in the bid, and its pence shared the same way. TOM31's 40 t a year:
        // 6.69, 10.08, 9.97, 9.86 and 3.40 t; its £10,922.40 as £1,826.77, £2,752.45, £2,722.41, £2,692.37 and £928.40.
        // (Rounding each period on its own would give £2,752.44 for the second and lose a penny a year.)
        let show = try succeeds(["contract", "show", "RMBC-2025-090"], register: true)
        #expect(flat(show).contains("Committed value: £138,644.80"))
        #expect(flat(show).contains("2024-25-Q3 TOM 31 10.08 tonnes CO2e £2,752.45"), "\(show)")
        GoldenFiles.check("one-tender-contract-show.txt", show)
        _ = try succeeds(["contract", "pack", "RMBC-2025-090", "--output", "to-supplier"], register: true)

        // 6. The supplier's returns for Q2 2024/25 (1 April to 31 May 2025: 61 days) and Q3 (June to August: 92 days).
        //    Due in Q2: TOM1 0.67 FTE (£8,040.00), TOM10 9 weeks (£1,800.00), TOM31 6.69 t (£1,826.77), TOM18 £6,684.93.
        //    Q2 delivers exactly that: £8,040.00 + £1,800.00 + 6.69 x £273.06 = £1,826.77, so £11,666.77 reported.
        //    Q3 delivers 0.8 FTE (£9,600.00, below the 1.01 due, with a reason and a plan), 13 weeks (£2,600.00) and 10.08 t
        //    (10.08 x £273.06 = £2,752.4448, £2,752.44): £14,952.44 reported.
        for (period, answers) in [("2024-25-Q2", "q2.yaml"), ("2024-25-Q3", "q3.yaml")] {
            _ = try succeeds(["deliver", "--contract", "to-supplier/RMBC-2025-090.svcontract.json", "--period", period, "--answers", answers,
                              "--no-input", "--output", "returns"])
        }
        let q3 = try BundleFiles.read(try Data(contentsOf: runner.home.appendingPathComponent("returns/RMBC-2025-090-2024-25-Q3.svreturn.zip")))
        let q3Text = String(decoding: try #require(q3.first { $0.0 == "return.txt" }).1, as: UTF8.self)
        #expect(flat(q3Text).contains("Value delivered in the period: £14,952.44"))
        #expect(q3Text.contains("Valued with the tender-rmbc-2025-090 pack (Council values 2025)."))
        GoldenFiles.check("one-tender-return-q3.txt", q3Text)
        let importQ2 = flat(try succeeds(["track", "import", "returns/RMBC-2025-090-2024-25-Q2.svreturn.zip", "--on", "2025-06-12"], register: true))
        #expect(importQ2.contains("£11,666.77 reported"), "\(importQ2)")
        let importQ3 = flat(try succeeds(["track", "import", "returns/RMBC-2025-090-2024-25-Q3.svreturn.zip", "--on", "2025-09-12"], register: true))
        #expect(importQ3.contains("£14,952.44 reported"), "\(importQ3)")

        // 7. The contract manager's review, from files: Q2 all validated; in Q3 the TOM31 mileage records are rejected, and
        //    corrective actions are agreed for TOM1 (by 31 October 2025) and TOM31 (by 30 November 2025).
        _ = try succeeds(["track", "review", "RMBC-2025-090", "--period", "2024-25-Q2", "--answers", "review-q2.yaml", "--no-input",
                          "--on", "2025-06-20"], register: true)
        _ = try succeeds(["track", "review", "RMBC-2025-090", "--period", "2024-25-Q3", "--answers", "review-q3.yaml", "--no-input",
                          "--on", "2025-09-20"], register: true)

        // 8. Delivery on 30 November 2025, the last day of Q4 2024/25, which counts as due that day.
        //    Due: TOM1 0.67 + 1.01 + 1.00 = 2.68 FTE, £8,040.00 + £12,120.00 + £12,000.00 = £32,160.00; TOM10 9 + 13 + 13 = 35
        //    weeks, £7,000.00; TOM31 6.69 + 10.08 + 9.97 = 26.74 t, £1,826.77 + £2,752.45 + £2,722.41 = £7,301.63. £46,461.63 due.
        //    Validated: £8,040.00 + £1,800.00 + £1,826.77 (Q2) + £9,600.00 + £2,600.00 (Q3) = £23,866.77; rejected £2,752.44.
        //    Shortfall, due less validated by measure: £14,520.00 + £2,600.00 + £5,474.86 = £22,594.86.
        //    Not yet due: £138,644.80 - £46,461.63 = £92,183.17.
        let track = try succeeds(["track", "show", "RMBC-2025-090", "--as-of", "2025-11-30"], register: true)
        let tracked = flat(track)
        for (label, amount) in [("Due by now", "£46,461.63"), ("Not yet due", "£92,183.17"), ("Reported", "£26,619.21"), ("Validated", "£23,866.77"),
                                ("Rejected", "£2,752.44"), ("Shortfall against what was due", "£22,594.86")] {
            #expect(tracked.contains("\(label) \(amount)"), "\(label) \(amount)")
        }
        // The Q4 return is not due until 30 days after the quarter; the TOM1 action is past its date.
        #expect(tracked.contains("Q4 2024/25 return due 30 December 2025 (the period has ended)."))
        #expect(tracked.contains("Corrective action overdue: TOM 1: A replacement operative starts (due 31 October 2025)."))
        GoldenFiles.check("one-tender-track-show.txt", track)

        // 9. The annual report for 2024/25 (December 2024 to November 2025): the contract counts although it was entered in
        //    December 2026, and the figures are the ones track show gives on the year's last day.
        let report = flat(try succeeds(["report", "--year", "2024/25", "--output", "report"], register: true))
        #expect(report.contains("Committed since the first contract began (1 April 2025) £138,644.80"), "\(report)")
        #expect(report.contains("Validated as delivered in 2024/25 £23,866.77"))
        #expect(report.contains("In 2024/25, £46,461.63 of social value was due and £23,866.77 of it has been validated as delivered."))
        #expect(report.contains("Delivery is £22,594.86 short of what was due.") && report.contains("A further £92,183.17 falls in later periods"))
        let markdown = try file("report/report.md")
        // Local spend: £6,684.93 + £10,082.19 validated, against the contract's value for 1 April to 30 November 2025 (244 of
        // its 730 days): £1,200,000 x 244 / 730 = £401,095.89, so 4.2%.
        #expect(markdown.contains("£16,767.12, against contracts worth £401,095.89 in the period (each contract's value pro rata to its days in the period): 4.2%."))
        #expect(markdown.contains("Valued with the tender-rmbc-2025-090 pack (Council values 2025) (1 contract)."))
        GoldenFiles.check("one-tender-report.md", markdown)

        // 10. The mid-year report for 2025/26 (December 2025 to May 2026): nothing reported yet, so everything due is short,
        //     by exactly what was due. Due: Q1 (year 1: 0.98 FTE £11,760.00, 13 weeks £2,600.00, 9.86 t £2,692.37) and Q2
        //     (March of year 1: 0.34 FTE £4,080.00, 4 weeks £800.00, 3.40 t £928.40; April and May of year 2: 0.67 FTE
        //     £8,040.00, 9 weeks £1,800.00, 6.69 t £1,826.77): £34,527.54.
        let midYear = flat(try succeeds(["report", "--year", "2025/26", "--mid-year"], register: true))
        #expect(midYear.contains("In Mid-year 2025/26, £34,527.54 of social value was due and £0.00 of it has been validated"), "\(midYear)")
        #expect(midYear.contains("Delivery is £34,527.54 short of what was due."))

        // 11. With no year given, the last complete reporting year is reported, and said.
        let latest = flat(try succeeds(["report"], register: true))
        #expect(latest.contains("Reporting 2025/26, the last complete reporting year (1 December 2025 to 30 November 2026)"))
    }
}
