@testable import KoersFormats
@testable import KoersModel
import KoersTestSupport
import Testing

@Suite("Agenda format: an activity's budget")
struct BudgetFormatTests {
    /// The standard agenda with `budget` on LL-a, on line 22 at column 21.
    func check(_ budget: String) -> Workspace.Loaded {
        let f = Fixture()
        let anchor = "\"id\": \"a\", \"text\": \"Beroepsbeeld vaststellen.\",\n"
        precondition(Fixture.agenda.contains(anchor))
        f.standard(agenda: Fixture.agenda.replacingOccurrences(of: anchor, with: anchor + "          \"budget\": \(budget),\n"))
        return f.check()
    }

    func errors(_ budget: String) -> [String] {
        check(budget).diagnostics.filter { $0.severity == .error }.map { d in
            "\(d.position.map { "\($0.line):\($0.column)" } ?? "-") \(d.path?.description ?? "") \(d.message)"
        }
    }

    static let path = "themes[0].activities[0].budget"
    static let example = "expected {\"amount\": 2500} or {\"hours\": 40, \"rate\": 55.0}"

    @Test("Hours at a rate, or an amount, each with an optional source")
    func valid() throws {
        let loaded = check("{ \"hours\": 40, \"rate\": 55.0, \"source\": \"regionale subsidie\" }")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let budget = try #require(loaded.workspace?.agendas[0].themes[0].activities[0].budget)
        #expect(budget == Budget(plan: .hours(hundredths: 4_000, rate: Money(cents: 5_500)), source: "regionale subsidie"))
        #expect(budget.amount.dutch == "€ 2.200,00")
        let amount = check("{ \"amount\": 1250.5 }")
        #expect(amount.diagnostics.isEmpty)
        #expect(amount.workspace?.agendas[0].themes[0].activities[0].budget == Budget(plan: .amount(Money(cents: 125_050))))
        #expect(check("{ \"amount\": 0 }").diagnostics.isEmpty, "nothing planned is a plan too")
    }

    @Test("Each mistake is reported at its position and JSON path, saying what would be valid")
    func mistakes() {
        let p = Self.path
        let cases: [(String, [String])] = [
            ("{ \"amount\": 2500, \"hours\": 3, \"rate\": 1 }",
             ["22:21 \(p) a budget is either an amount or hours at a rate, not both; \(Self.example)"]),
            ("{ \"amount\": \"2500\" }",
             ["22:33 \(p).amount \"2500\" is not valid here; expected an amount in euros ≥ 0 with at most two decimals, e.g. 2500 or 2500.50"]),
            ("{ \"amount\": 12.345 }",
             ["22:33 \(p).amount 12.345 is not valid here; expected an amount in euros ≥ 0 with at most two decimals, e.g. 2500 or 2500.50"]),
            ("{ \"amount\": -5 }",
             ["22:33 \(p).amount -5 is not valid here; expected an amount in euros ≥ 0 with at most two decimals, e.g. 2500 or 2500.50"]),
            ("{ \"amount\": 1e3 }",
             ["22:33 \(p).amount 1e3 is not valid here; expected an amount in euros ≥ 0 with at most two decimals, e.g. 2500 or 2500.50"]),
            ("{ \"hours\": 40 }",
             ["22:21 \(p) missing required key \"rate\" (hours go with a rate in euros per hour); \(Self.example)"]),
            ("{ \"rate\": 55 }",
             ["22:21 \(p) missing required key \"hours\" (hours go with a rate in euros per hour); \(Self.example)"]),
            ("{ \"hours\": 0, \"rate\": 55 }",
             ["22:32 \(p).hours 0 is not valid here; expected a number of hours > 0 with at most two decimals, e.g. 40 or 2.5"]),
            ("{ \"bedrag\": 2500 }",
             ["22:23 \(p).bedrag unknown key \"bedrag\"; expected one of: \"amount\", \"hours\", \"rate\", \"source\"",
              "22:21 \(p) a budget needs \"amount\", or \"hours\" and \"rate\"; \(Self.example)"]),
            ("2500", ["22:21 \(p) expected a budget (a JSON object), found 2500"]),
            ("{ \"amount\": 2500, \"source\": \"\" }", ["22:49 \(p).source must not be empty"]),
        ]
        for (budget, expected) in cases {
            #expect(errors(budget) == expected, "\(budget)")
        }
    }

    @Test("The bundled agenda stays valid and plans no budget: the document names no amounts")
    func bundled() throws {
        let fixture = Fixture()
        let workspace = try fixture.example()
        #expect(workspace.agendas[0].themes.flatMap(\.activities).allSatisfy { $0.budget == nil })
    }
}
