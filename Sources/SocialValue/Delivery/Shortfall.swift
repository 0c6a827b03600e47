import Foundation

/// What was due but has not been delivered, in £: the one rule for `track show` and the report
/// (the register's sums follow it in SQL). Nothing once the quantity due has been delivered;
/// otherwise what was due less what was delivered, never below nothing. So nothing delivered
/// is short by exactly what was due, delivery on profile is short by nothing (whatever the
/// pence of each period), and due = delivered + short wherever delivery falls short.
public enum Shortfall {
    public static func value(dueQuantity: Decimal, deliveredQuantity: Decimal, due: Money, delivered: Money) -> Money {
        guard dueQuantity > deliveredQuantity else { return .zero }
        return max(.zero, Money(due.pounds - delivered.pounds))
    }
}
