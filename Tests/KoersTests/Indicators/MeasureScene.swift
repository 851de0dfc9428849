import Foundation
@testable import KoersCLI
@testable import KoersModel
@testable import KoersStore
import KoersTestSupport

/// A small agenda with two indicators and activity budgets, in a fixture folder with a real
/// SQLite store, for the `koers measure` and `koers spend` tests. Commands run in process as of
/// 15 October 2024.
///
/// Budgets: LL-a 40 hours at € 55,00 (regionale subsidie), LL-b € 1.250,50, KC-a € 2.500,00
/// (regionale subsidie), KC-b none.
final class MeasureScene {
    let fixture = Fixture()
    let tz = AgendaTimeZone.amsterdam

    static let agenda = """
    {
      "format": "koers-agenda/1",
      "id": "meet",
      "title": "Meet-agenda",
      "organisation": { "name": "Stichting Voorbeeld", "shortName": "SV" },
      "version": "2023",
      "language": "nl",
      "timeZone": "Europe/Amsterdam",
      "horizon": { "from": "2023-H1", "to": "2024-H2" },
      "roles": [
        { "id": "co-oper", "name": "Co-OP'er" },
        { "id": "schoolleiders", "name": "Schoolleiders" },
        { "id": "directieteam", "name": "Directieteam" }
      ],
      "themes": [
        {
          "id": "lerende-leraar", "code": "LL", "title": "Lerende leraar",
          "description": "Omschrijving.", "currentState": "Nu.", "goal": "Doel.",
          "activities": [
            {
              "id": "a", "text": "Beroepsbeeld vaststellen.",
              "roles": [{ "role": "schoolleiders", "does": "proposes" }, { "role": "directieteam", "does": "decides" }],
              "steps": [{ "id": "A1", "text": "Oriëntatie", "period": "2023-H2" }, { "id": "A2", "text": "Advies", "period": "2024-H1" }],
              "budget": { "hours": 40, "rate": 55.0, "source": "regionale subsidie" }
            },
            {
              "id": "b", "text": "Intervisie organiseren.",
              "roles": [{ "role": "co-oper", "does": "executes" }],
              "steps": [{ "id": "B1", "text": "Starten", "period": "2024-H1" }],
              "budget": { "amount": 1250.5 }
            }
          ]
        },
        {
          "id": "kwaliteitscultuur", "code": "KC", "title": "Kwaliteitscultuur",
          "description": "Omschrijving.", "currentState": "Nu.", "goal": "Doel.",
          "activities": [
            {
              "id": "a", "text": "Zelfscan afnemen.",
              "roles": [{ "role": "co-oper", "does": "executes" }],
              "steps": [{ "id": "A1", "text": "Scan", "period": "2024-H1" }],
              "budget": { "amount": 2500, "source": "regionale subsidie" }
            },
            {
              "id": "b", "text": "Evalueren.",
              "roles": [{ "role": "co-oper", "does": "executes" }],
              "steps": [{ "id": "B1", "text": "Evaluatie", "period": "2024-H2" }]
            }
          ]
        }
      ],
      "indicators": [
        { "id": "plekken", "title": "Leerwerkplekken", "unit": "plekken", "theme": "lerende-leraar",
          "baseline": { "value": 10, "on": "2022-09" }, "target": { "value": 30, "by": "2026-07" } },
        { "id": "studenten", "title": "Studenten", "unit": "studenten", "baseline": { "value": 20, "on": "2021-12" } }
      ]
    }
    """

    init(agenda: String = MeasureScene.agenda) {
        fixture.standard(agenda: agenda)
    }

    func koers(_ arguments: String..., now: String = "2024-10-15") -> CommandOutput {
        KoersTool.run(["--config", fixture.folder + "/koers.json"] + arguments, environment: [:],
                      clock: FixedClock(tz.moment(LocalDate(now)!, hour: 12)))
    }

    func store() throws -> Store { try Store(path: try fixture.load().config.databasePath) }

    /// The measurements of the trend example: 14 on 15 November 2023, 18 on 10 April 2024.
    func measureTrendExample() {
        _ = koers("measure", "plekken", "14", "--on", "2023-11-15")
        _ = koers("measure", "plekken", "18", "--on", "2024-04-10", "--note", "Telling april")
    }

    /// The spending of the budget example (2023 and 2024).
    func spendBudgetExample() {
        _ = koers("spend", "KC-b", "99,95", "--on", "2023-11-01", "--note", "Zaalhuur")
        _ = koers("spend", "LL-b", "300", "--on", "2024-02-01")
        _ = koers("spend", "LL-b", "--on", "2024-02-15", "--note", "correctie", "--", "-50")
        _ = koers("spend", "ll-a", "450", "--on", "2024-03-12", "--hours", "6", "--note", "Inhuur trainer")
        _ = koers("spend", "KC-a", "2750.00", "--on", "2024-05-20", "--note", "Afname zelfscan")
        _ = koers("spend", "LL-a", "1234,50", "--on", "2024-09-12")
    }
}
