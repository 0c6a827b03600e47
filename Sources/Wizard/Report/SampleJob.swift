import Foundation
import Register
import SocialValue

/// `svwizard register sample --contracts N FILE`: a made-up register for trying reports at
/// scale, with every measure of the framework valued with the active pack.
public struct SampleJob {
    let context: AppContext

    public init(context: AppContext) { self.context = context }

    public func run(path: String, contracts: Int, through: String?) throws -> ExitStatus {
        guard (1...100_000).contains(contracts) else {
            throw WizardError("--contracts takes a number from 1 to 100000.", status: .usage)
        }
        let options = try context.contractManagement()
        let until = try Day.given(through ?? "2026-11-30", option: "--through")
        let data = context.data
        let pack = context.library.active
        // A typical year's quantity in each unit.
        let typical: [MeasureUnit: Decimal] = [.fte: 2, .weeks: 52, .hours: 200, .pounds: 20_000, .tonnesCO2e: 10]
        let specs = data.framework.measureReferences.compactMap { reference -> SampleRegister.MeasureSpec? in
            guard let measure = data.catalogue.measure(reference) else { return nil }
            let step = measure.input.step
            let steps = NSDecimalNumber(decimal: (typical[measure.unit] ?? 10) / step).intValue
            return SampleRegister.MeasureSpec(reference: reference, label: data.framework.placement(of: reference)?.headline.name ?? measure.label,
                                              unit: measure.unit, step: step, perUnit: pack?.value(for: reference)?.perUnit, typicalSteps: max(steps, 1))
        }
        let url = context.resolve(path)
        let summary = try RegisterAccess.translating {
            try SampleRegister.make(at: url, contracts: contracts, measures: specs, calendar: options.calendar, through: until)
        }
        context.console.say("Made a sample register at \(url.path): \(summary.contracts) made-up contracts, \(summary.scheduleLines) schedule lines, "
            + "\(summary.returns) returns with \(summary.deliveryLines) delivery lines (periods ending before \(until.long)). Its figures are "
            + "invented, for trying reports at scale: svwizard report --register \(path) --year 2025/26.")
        return .success
    }
}
