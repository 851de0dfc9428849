import Foundation
import Testing
@testable import KoersModel
@testable import KoersStore
@testable import KoersCLI

@Suite("koers spend: recording and listing money spent on activities")
struct SpendCommandTests {
    @Test("An expense is stored for its activity, in cents, with hours and note")
    func records() throws {
        let scene = MeasureScene()
        var r = scene.koers("spend", "ll-A", "450,5", "--on", "2024-03-12", "--hours", "6,5", "--note", "Inhuur trainer")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(r.stdout == "LL-a: € 450,50, 6,5 uur (2024-03-12)\n")
        r = scene.koers("spend", "meet:KC-a", "1234.56", "--on", "2024-05-20")
        #expect(r.stdout == "KC-a: € 1.234,56 (2024-05-20)\n")
        #expect(try scene.store().spending() == [
            Spending(agenda: "meet", activity: ActivityKey(themeCode: "LL", activityID: "a"), amount: Money(cents: 45_050),
                     hundredthsOfHours: 650, on: LocalDate("2024-03-12")!, note: "Inhuur trainer"),
            Spending(agenda: "meet", activity: ActivityKey(themeCode: "KC", activityID: "a"), amount: Money(cents: 123_456),
                     on: LocalDate("2024-05-20")!),
        ])
    }

    @Test("Bad amounts, hours and dates are usage errors; nothing is stored")
    func usage() throws {
        let scene = MeasureScene()
        let cases: [([String], String)] = [
            (["spend", "LL-a", "1.234,50", "--on", "2024-03-12"],
             "\"1.234,50\" is not an amount; expected euros with at most two decimals, e.g. 450, 450,50 or 450.50 (no thousands separators)"),
            (["spend", "LL-a", "veel", "--on", "2024-03-12"], "\"veel\" is not an amount"),
            (["spend", "LL-a", "0", "--on", "2024-03-12"], "the amount is 0; nothing to record"),
            (["spend", "LL-a", "10", "--on", "2024-03-12", "--hours", "0"], "--hours \"0\" is not a number of hours"),
            (["spend", "LL-a", "10", "--on", "2024-03-12", "--hours", "zes"], "--hours \"zes\" is not a number of hours"),
            (["spend", "LL-a", "10"], "missing --on YYYY-MM-DD: the day of the expense"),
            (["spend", "LL-a", "10", "--on", "2024-10-16"], "--on 2024-10-16 is in the future (today is 2024-10-15)"),
            (["spend", "LL-a"], "missing AMOUNT (euros, e.g. 450 or 450,50)"),
            (["spend", "LL-a", "-10", "--on", "2024-03-12"], "unknown option -10"),
        ]
        for (arguments, message) in cases {
            let r = KoersTool.run(["--config", scene.fixture.folder + "/koers.json"] + arguments, environment: [:],
                                  clock: FixedClock(scene.tz.moment(LocalDate("2024-10-15")!, hour: 12)))
            #expect(r.exitCode == .usage, "\(arguments)")
            #expect(r.stderr.hasPrefix("Error: \(message)"), "\(r.stderr)")
        }
        #expect(try scene.store().spendingRecords().isEmpty)
    }

    @Test("An unknown activity is refused like an unknown step, with suggestions; a step key names its activity")
    func unknownActivity() throws {
        let scene = MeasureScene()
        var r = scene.koers("spend", "LL-z", "10", "--on", "2024-03-12")
        #expect(r.exitCode == .refused)
        #expect(r.stderr == "Error: no activity \"LL-z\"; activities are named THEMECODE-letter, e.g. LL-a; did you mean LL-a, LL-b?\n")
        r = scene.koers("spend", "LL-A1", "10", "--on", "2024-03-12")
        #expect(r.stderr == "Error: \"LL-A1\" is a step; spending is recorded per activity: LL-a\n")
        r = scene.koers("spend", "elders:LL-a", "10", "--on", "2024-03-12")
        #expect(r.stderr == "Error: no loaded agenda with id \"elders\"\n")
        #expect(try scene.store().spendingRecords().isEmpty)
    }

    @Test("--list shows budgeted activities and those with spending, each entry and what is left")
    func list() throws {
        let scene = MeasureScene()
        scene.spendBudgetExample()
        let r = scene.koers("spend", "--list")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(r.stdout == """
            LL-a  Beroepsbeeld vaststellen.
              begroot:    € 2.200,00 (40 uur à € 55,00), bron: regionale subsidie
              2024-03-12  € 450,00 (6 uur). Inhuur trainer
              2024-09-12  € 1.234,50
              besteed:    € 1.684,50; resterend € 515,50

            LL-b  Intervisie organiseren.
              begroot:    € 1.250,50
              2024-02-01  € 300,00
              2024-02-15  € -50,00. correctie
              besteed:    € 250,00; resterend € 1.000,50

            KC-a  Zelfscan afnemen.
              begroot:    € 2.500,00, bron: regionale subsidie
              2024-05-20  € 2.750,00. Afname zelfscan
              besteed:    € 2.750,00; resterend € -250,00

            KC-b  Evalueren.
              begroot:    geen begroting
              2023-11-01  € 99,95. Zaalhuur
              besteed:    € 99,95

            """, "\(r.stdout)")
        let one = scene.koers("spend", "--list", "kc-b")
        #expect(one.stdout.hasPrefix("KC-b  Evalueren.\n"))
        let json = scene.koers("--json", "spend", "--list", "LL-a")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let item = try #require((root["activities"] as? [[String: Any]])?.first)
        #expect(item["planned"] as? Double == 2200 && item["spent"] as? Double == 1684.5 && item["remaining"] as? Double == 515.5)
        #expect((item["entries"] as? [[String: Any]])?.map { $0["amount"] as? Double } == [450, 1234.5])
    }

    @Test("Spending is append-only in the database")
    func appendOnly() throws {
        let scene = MeasureScene()
        _ = scene.koers("spend", "LL-a", "10", "--on", "2024-03-12")
        let store = try scene.store()
        #expect(throws: StoreError.self) { try store.database.run("UPDATE spending SET amount_cents = 5") }
        #expect(throws: StoreError.self) { try store.database.run("DELETE FROM spending") }
        #expect(try store.spending().map(\.amount) == [Money(cents: 1_000)])
    }
}
