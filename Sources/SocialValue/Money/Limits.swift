import Foundation

/// The largest figures svwizard records, so every sum it keeps fits its register's whole
/// numbers of pence and millionths with room to spare, and nothing is ever wrapped round: an
/// amount or quantity above them is refused where it comes in (an answer, an option, a bundle,
/// a return, a spending file), with this sentence. The register counts pence in 64-bit integers
/// (up to about £92 million billion): £10 billion a figure leaves room to add 900,000 of them.
public enum Limits {
    /// The largest amount of money: a contract's value, a payment, a year's local spend.
    public static let largestAmount = Money(10_000_000_000)
    /// The largest quantity in a year or a period, in the measure's unit: kept in millionths,
    /// a billion leaves room to add 9,000 of them.
    public static let largestQuantity: Decimal = 1_000_000_000

    /// Why `amount` is refused, or nil when it is within the limit.
    public static func problem(amount: Money) -> String? {
        amount.pounds > largestAmount.pounds || amount.pounds < -largestAmount.pounds
            ? "\(amount) is more than svwizard can record: the largest amount is \(largestAmount.wholePounds). Check the figure." : nil
    }

    /// Why `quantity` is refused, or nil when it is within the limit.
    public static func problem(quantity: Decimal) -> String? {
        quantity > largestQuantity || quantity < -largestQuantity
            ? "\(DecimalText.grouped(quantity, places: 0)) is more than svwizard can record: the largest quantity is "
                + "\(DecimalText.grouped(largestQuantity, places: 0)). Check the figure." : nil
    }
}
