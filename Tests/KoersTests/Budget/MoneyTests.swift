import Testing
@testable import KoersModel

@Suite("Money: cents, Dutch formatting, what people type")
struct MoneyTests {
    @Test("Amounts are shown the Dutch way: € 1.234,50")
    func dutch() {
        #expect(Money(cents: 123_450).dutch == "€ 1.234,50")
        #expect(Money(cents: 5).dutch == "€ 0,05")
        #expect(Money(cents: 0).dutch == "€ 0,00")
        #expect(Money(cents: 100_000_000).dutch == "€ 1.000.000,00")
        #expect(Money(cents: 99_999).dutch == "€ 999,99")
        #expect(Money(cents: -34_995).dutch == "€ -349,95")
        #expect(Money(cents: -123_450).decimal == "-1234.50")
    }

    @Test("Typed amounts: a comma or a point before at most two decimals; no thousands separators")
    func parsing() {
        #expect(Money(parsing: "450") == Money(cents: 45_000))
        #expect(Money(parsing: "450,5") == Money(cents: 45_050))
        #expect(Money(parsing: "450.50") == Money(cents: 45_050))
        #expect(Money(parsing: "€ 12,34") == Money(cents: 1_234))
        #expect(Money(parsing: "-50") == Money(cents: -5_000))
        for bad in ["1.234,50", "1.234", "12,345", "abc", "", "€", "1e3", ",5", "5,"] {
            #expect(Money(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test("A budget in hours is hours times the rate, to the cent")
    func hoursBudget() {
        #expect(Budget(plan: .hours(hundredths: 4_000, rate: Money(cents: 5_500))).amount == Money(cents: 220_000))
        #expect(Budget(plan: .hours(hundredths: 250, rate: Money(cents: 3_333))).amount == Money(cents: 8_333), "2,5 × 33,33 = 83,325 → 83,33")
        #expect(Budget(plan: .hours(hundredths: 250, rate: Money(cents: 3_333))).hours == 2.5)
    }
}
