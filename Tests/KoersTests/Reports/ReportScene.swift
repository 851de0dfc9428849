import Foundation
@testable import KoersFormats
@testable import KoersModel
@testable import KoersStore
import KoersTestSupport

/// A small agenda with a recorded history in a real temporary SQLite store, for the report tests.
///
/// As of 30 June 2024 (the end of 2024-H1):
/// - LL-A1 (2023-H2) in progress since October 2023: overdue, from an earlier period; directieteam decides.
/// - LL-A2 (2024-H1) in progress in February, done in May, each with a note.
/// - LL-A3 (2024-H1) postponed to 2024-H2 on 20 June.
/// - LL-A4 (2024-H2) untouched: next half-year.
/// - LL-B1 (2024-H1) dropped in March. LL-B2 (2024-H1, due March 2024) untouched: open.
/// - LL-B3 (2025-H1) untouched: outside the horizon.
/// - KC-A1 (2023-H2) postponed to 2024-H1 in December 2023, done in April 2024.
/// - KC-A2 (2024-H1) in progress since May; the milestone "scan" (May 2024) depends on it.
/// - KC-A3 (2024-H2, due March 2025) untouched. KC-A4 (2023-H1) done late, in February 2024.
final class ReportScene {
    let fixture = Fixture()
    let workspace: Workspace
    let store: Store
    let tz = AgendaTimeZone.amsterdam

    static let agenda = """
    {
      "format": "koers-agenda/1",
      "id": "rap",
      "title": "Rapportage-agenda",
      "organisation": { "name": "Stichting Voorbeeld", "shortName": "SV" },
      "version": "2023",
      "language": "nl",
      "timeZone": "Europe/Amsterdam",
      "horizon": { "from": "2023-H1", "to": "2024-H2" },
      "roles": [
        { "id": "co-oper", "name": "Co-OP'er" },
        { "id": "schoolleiders", "name": "Schoolleiders" },
        { "id": "directieteam", "name": "Directieteam" },
        { "id": "directies", "name": "Directies" }
      ],
      "themes": [
        {
          "id": "lerende-leraar", "code": "LL", "title": "Lerende leraar",
          "description": "Omschrijving LL.", "currentState": "Nu LL.", "goal": "Een gedragen beroepsbeeld.\\n\\n- eerste punt\\n- tweede punt",
          "activities": [
            {
              "id": "a", "text": "Beroepsbeeld vaststellen.",
              "roles": [{ "role": "schoolleiders", "does": "proposes" }, { "role": "directieteam", "does": "decides" }],
              "steps": [
                { "id": "A1", "text": "Oriëntatie", "period": "2023-H2" },
                { "id": "A2", "text": "Advies", "period": "2024-H1" },
                { "id": "A3", "text": "Vaststellen", "period": "2024-H1" },
                { "id": "A4", "text": "Borgen", "period": "2024-H2" }
              ]
            },
            {
              "id": "b", "text": "Opleidingsschool beschrijven.",
              "roles": [{ "role": "co-oper", "does": "executes" }],
              "steps": [
                { "id": "B1", "text": "Inventariseren", "period": "2024-H1" },
                { "id": "B2", "text": "Beschrijven <concept> & delen", "period": "2024-H1", "due": "2024-03" },
                { "id": "B3", "text": "Evalueren", "period": "2025-H1" }
              ]
            }
          ]
        },
        {
          "id": "kwaliteitscultuur", "code": "KC", "title": "Kwaliteitscultuur",
          "description": "Omschrijving KC.", "currentState": "Nu KC.", "goal": "Een lerende cultuur.",
          "activities": [
            {
              "id": "a", "text": "Zelfscan.",
              "roles": [{ "role": "directies", "does": "executes" }],
              "steps": [
                { "id": "A1", "text": "Voorbereiden", "period": "2023-H2" },
                { "id": "A2", "text": "Scan uitvoeren", "period": "2024-H1" },
                { "id": "A3", "text": "Vaststellen in beleidsplan", "period": "2024-H2", "due": "2025-03" },
                { "id": "A4", "text": "Nulmeting", "period": "2023-H1" }
              ]
            }
          ]
        }
      ],
      "milestones": [
        { "id": "scan", "title": "Zelfscan", "when": "2024-05", "steps": ["KC-A2"],
          "roles": [{ "role": "directies", "does": "executes" }] },
        { "id": "review", "title": "Jaarlijkse review", "when": "2024-09", "recurrence": { "every": 1, "unit": "years" } }
      ],
      "indicators": [
        { "id": "plekken", "title": "Leerwerkplekken", "unit": "plekken", "theme": "kwaliteitscultuur",
          "baseline": { "value": 10, "on": "2022-12" }, "target": { "value": 30, "by": "2026-06" } }
      ]
    }
    """

    static let config = """
    {
      "format": "koers-config/1",
      "database": "koers.sqlite",
      "timeZone": "Europe/Amsterdam",
      "agendas": ["agenda.json"],
      "people": [
        { "id": "c.jansen", "name": "Carla Jansen", "email": "c.jansen@example.org", "roles": ["co-oper", "directieteam"] },
        { "id": "p.smit", "name": "Pieter Smit", "email": "p.smit@example.org", "roles": ["schoolleiders", "directies"] }
      ]
    }
    """

    init() throws {
        fixture.standard(agenda: Self.agenda, config: Self.config)
        workspace = try fixture.load()
        store = try Store(path: workspace.config.databasePath)
        try record("LL-A1", .inProgress, on: "2023-10-02", note: "Gestart met oriëntatie")
        try record("KC-A1", .postponed, to: "2024-H1", on: "2023-12-10", note: "Schuift door")
        try record("LL-A2", .inProgress, on: "2024-02-01", note: "Gestart")
        try record("KC-A4", .done, on: "2024-02-15", note: "Alsnog gedaan")
        try record("LL-B1", .dropped, on: "2024-03-01", note: "Niet meer nodig")
        try record("KC-A1", .done, on: "2024-04-10")
        try record("KC-A2", .inProgress, on: "2024-05-01")
        try record("LL-A2", .done, on: "2024-05-15", by: "p.smit", note: "Vastgesteld")
        try record("LL-A3", .postponed, to: "2024-H2", on: "2024-06-20", note: "Wacht op A1")
    }

    func day(_ text: String) -> Date { tz.moment(LocalDate(text)!, hour: 12) }

    func record(_ step: String, _ kind: StepStatus.Kind, to: String? = nil, on: String, by: String? = "c.jansen",
                note: String? = nil) throws {
        let placed = workspace.agendas[0].placedStep(StepKey(step)!)!
        try store.record(agenda: "rap", step: placed, to: kind, target: to.flatMap { HalfYear($0) }, at: day(on),
                         recordedAt: day(on), by: by, note: note, timeZone: tz)
    }

    func builder(measurements: [IndicatorMeasurement] = []) throws -> ReportBuilder {
        ReportBuilder(set: try AgendaSet(workspace: workspace, store: store), config: workspace.config, measurements: measurements)
    }

    func report(_ period: ReportPeriod, asOf: String, measurements: [IndicatorMeasurement] = []) throws -> Report {
        try builder(measurements: measurements).report(period, asOf: LocalDate(asOf)!)
    }

    static let h1 = ReportPeriod.halfYear(HalfYear("2024-H1")!)
    static let y2024 = ReportPeriod.year(2024)
}

extension AgendaReport {
    func theme(_ code: String) -> ThemeSection { themes.first { $0.code == code }! }
    func row(_ code: String) -> StatusCounts { summary.rows.first { $0.code == code }!.counts }
}

extension ThemeSection {
    var stepKeys: [String] { steps.map(\.key.description) }
    var earlierKeys: [String] { earlier.map(\.key.description) }
    func step(_ key: String) -> StepLine? { (steps + earlier).first { $0.key.description == key } }
}
