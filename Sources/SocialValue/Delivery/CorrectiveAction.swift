import Foundation

/// A corrective action agreed with the supplier .
public struct CorrectiveAction: Sendable, Hashable, Codable {
    public var measure: MeasureReference?
    public var action: String
    public var dueOn: Day?
    public var agreedOn: Day
    public var agreedBy: String

    public init(measure: MeasureReference?, action: String, dueOn: Day?, agreedOn: Day, agreedBy: String) {
        self.measure = measure
        self.action = action
        self.dueOn = dueOn
        self.agreedOn = agreedOn
        self.agreedBy = agreedBy
    }
}

