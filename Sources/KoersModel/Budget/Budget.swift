/// What an activity is planned to cost, as its agenda says: a sum, or hours at a rate. `source`
/// says where the money comes from ("regionale subsidie"), so that everything paid from one
/// subsidy or plan can be accounted for together.
public struct Budget: Sendable, Equatable {
    public enum Plan: Sendable, Equatable {
        /// `{"amount": 2500}`
        case amount(Money)
        /// `{"hours": 40, "rate": 55.0}`: hours (in hundredths, so 2,5 hours is exact) at euros per hour.
        case hours(hundredths: Int, rate: Money)
    }

    public var plan: Plan
    public var source: String?

    public init(plan: Plan, source: String? = nil) {
        self.plan = plan
        self.source = source
    }

    /// The planned amount; hours times rate, rounded to the cent.
    public var amount: Money {
        switch plan {
        case .amount(let money): money
        case .hours(let hundredths, let rate): Money(cents: (hundredths * rate.cents + 50) / 100)
        }
    }

    /// The planned hours, when the budget is given in hours.
    public var hours: Double? {
        if case .hours(let hundredths, _) = plan { return Double(hundredths) / 100 }
        return nil
    }
}
