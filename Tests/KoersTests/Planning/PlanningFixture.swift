import Foundation
@testable import KoersFormats
@testable import KoersModel
import KoersTestSupport

/// A small agenda and configuration for planner tests, loaded the way Koers loads them, with
/// histories built in code. Two themes; one activity with a deciding role, one without.
enum PlanningFixture {
    static let agenda = """
    {
      "format": "koers-agenda/1",
      "id": "mini",
      "title": "Mini-agenda",
      "organisation": { "name": "Stichting Voorbeeld" },
      "version": "2024",
      "language": "nl",
      "timeZone": "Europe/Amsterdam",
      "horizon": { "from": "2024-H1", "to": "2025-H2" },
      "roles": [
        { "id": "co-oper", "name": "Co-OP'er" },
        { "id": "schoolleiders", "name": "Schoolleiders" },
        { "id": "directieteam", "name": "Directieteam" },
        { "id": "schoolopleiders", "name": "Schoolopleiders" }
      ],
      "themes": [
        {
          "id": "lerende-leraar", "code": "LL", "title": "Lerende leraar",
          "description": "Omschrijving.", "currentState": "Nu.", "goal": "Doel.",
          "activities": [
            {
              "id": "a", "text": "Beroepsbeeld vaststellen.",
              "roles": [{ "role": "schoolleiders", "does": "proposes" }, { "role": "directieteam", "does": "decides" }],
              "steps": [
                { "id": "A1", "text": "Oriëntatie", "period": "2024-H1" },
                { "id": "A2", "text": "Advies", "period": "2024-H2" },
                { "id": "A3", "text": "Vaststellen", "period": "2025-H1" }
              ]
            }
          ]
        },
        {
          "id": "kwaliteitscultuur", "code": "KC", "title": "Kwaliteitscultuur",
          "description": "Omschrijving.", "currentState": "Nu.", "goal": "Doel.",
          "activities": [
            {
              "id": "b", "text": "Zelfscan uitvoeren.",
              "roles": [{ "role": "schoolopleiders", "does": "executes" }],
              "steps": [
                { "id": "B1", "text": "Scan uitvoeren", "period": "2024-H1" },
                { "id": "B2", "text": "Vaststellen in beleidsplan", "period": "2024-H2", "due": "2025-03" }
              ]
            }
          ]
        }
      ],
      "milestones": [
        { "id": "scan", "title": "Zelfscan", "when": "2024-09", "recurrence": { "every": 2, "unit": "years" },
          "roles": [{ "role": "schoolopleiders", "does": "executes" }], "steps": ["KC-B1"] },
        { "id": "overleg", "title": "Overleg beroepsbeeld", "when": "2024-11-04",
          "roles": [{ "role": "directieteam", "does": "informed" }], "steps": ["LL-A2"] }
      ]
    }
    """

    static let config = """
    {
      "format": "koers-config/1",
      "database": "koers.sqlite",
      "timeZone": "Europe/Amsterdam",
      "agendas": ["agenda.json"],
      "schools": [{ "id": "de-linde", "name": "OBS De Linde" }],
      "people": [
        { "id": "c.jansen", "name": "Carla Jansen", "email": "c.jansen@example.org", "roles": ["co-oper"] },
        { "id": "d.boer", "name": "Dirk Boer", "email": "d.boer@example.org", "roles": ["directieteam"] },
        { "id": "p.smit", "name": "Pieter Smit", "email": "p.smit@example.org", "school": "de-linde", "roles": ["schoolleiders"] },
        { "id": "s.vos", "name": "Sanne Vos", "email": "s.vos@example.org", "school": "de-linde", "roles": ["schoolopleiders"] }
      ]
    }
    """

    static func workspace(agenda: String = agenda) throws -> Workspace {
        let fixture = Fixture()
        fixture.write("agenda.json", agenda)
        fixture.write("koers.json", config)
        return try fixture.load()
    }

    /// The bundled OOK agenda with the example configuration.
    static func bundled() throws -> Workspace {
        try Workspace.load(configPath: Fixture.repository + "/Config/koers.example.json", environment: [:])
    }

    /// The workspace's agendas with histories: `[("LL-A1", .done, "2024-05-01")]`, each change
    /// taking effect at noon Amsterdam time on that day.
    static func set(_ workspace: Workspace, _ changes: [(String, StepStatus, String)] = []) -> AgendaSet {
        AgendaSet(entries: workspace.agendas.map { agenda in
            var events: [StepKey: [StatusEvent]] = [:]
            for (key, status, when) in changes {
                let step = StepKey(key)!
                let at = day(when)
                events[step, default: []].append(StatusEvent(agenda: agenda.id, step: step, status: status, at: at, recordedAt: at))
            }
            return AgendaSet.Entry(agenda: agenda, histories: events.mapValues(StepHistory.init(events:)))
        })
    }

    static func day(_ text: String) -> Date { AgendaTimeZone.amsterdam.moment(LocalDate(text)!, hour: 12) }

    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    /// An ISO 8601 moment with offset: `2024-07-08T07:59:00+02:00`.
    static func moment(_ text: String) -> Date { Timestamp.parse(text)! }

    static func planner(_ rules: ReminderRules = ReminderRules(), quiet: QuietPeriods = QuietPeriods(),
                        sources: [any DatedEventSource] = []) -> Planner {
        Planner(rules: rules, quiet: quiet, timeZone: .amsterdam, sources: sources)
    }

    /// Dutch school holidays of region noord, as a board would configure them (examples).
    static let holidays = QuietPeriods([
        .init(name: "Zomervakantie 2024", from: date("2024-07-20"), through: date("2024-09-01"))!,
        .init(name: "Herfstvakantie 2024", from: date("2024-10-19"), through: date("2024-10-27"))!,
        .init(name: "Kerstvakantie 2024", from: date("2024-12-21"), through: date("2025-01-05"))!,
    ])
}

/// A source of dated events standing in for trajectories.
struct FakeEventSource: DatedEventSource {
    var all: [DatedEvent]
    func events(from: LocalDate, through: LocalDate) -> [DatedEvent] {
        all.filter { from <= $0.date && $0.date <= through }
    }
}

extension Array where Element == Reminder {
    func reminders(about subject: String) -> [Reminder] { filter { $0.subject == subject } }
    func reminders(_ kind: Reminder.Kind) -> [Reminder] { filter { $0.kind == kind } }
    var sendDays: [String] { map(\.sendOn.description) }
    var personIDs: [String] { map(\.personID) }
}
