import Foundation
@testable import KoersFormats
@testable import KoersModel
import KoersTestSupport

/// A small agenda whose texts are hard to export: separators, quotes, backslashes, line breaks,
/// a text starting with "-" and one with a formula, Dutch and emoji characters in a text long
/// enough to be folded. Histories are built in code.
enum ExportFixture {
    static let longText = "Coördinatie van de ideeën over het café-overleg met de Co-OP'er 👩‍🏫 "
        + "en de schoolopleiders: één plan, geïnventariseerd en besproken — €12,50 per deelnemer 🇳🇱."

    static let agenda = """
    {
      "format": "koers-agenda/1",
      "id": "mini",
      "title": "Mini-agenda",
      "organisation": { "name": "Stichting Voorbeeld", "shortName": "SV" },
      "version": "2023",
      "language": "nl",
      "timeZone": "Europe/Amsterdam",
      "horizon": { "from": "2023-H1", "to": "2024-H2" },
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
                { "id": "A1", "text": "Oriëntatie; beroepsbeeld, \\"concept\\" en map \\\\\\\\server\\\\agenda", "period": "2023-H1", "phase": "plan" },
                { "id": "A2", "text": "- ii. Netwerk werkplekbegeleiders\\nper school", "period": "2023-H2" },
                { "id": "A3", "text": "=HYPERLINK(\\"http://evil.example\\";\\"klik\\")", "period": "2024-H1" },
                { "id": "A4", "text": "\(longText)", "period": "2024-H2", "due": "2025-03" }
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
                { "id": "B1", "text": "Zelfscan uitvoeren", "period": "2023-H2", "phase": "do" },
                { "id": "B2", "text": "Analyse", "period": "2024-H1", "phase": "check" }
              ]
            }
          ]
        }
      ],
      "milestones": [
        { "id": "scan", "title": "Zelfscan", "when": "2023-09", "recurrence": { "every": 2, "unit": "years", "until": "2027-09" },
          "roles": [{ "role": "schoolopleiders", "does": "executes" }], "steps": ["KC-B1"], "activities": ["KC-b"] },
        { "id": "overleg", "title": "Overleg beroepsbeeld", "when": "2024-11-04",
          "roles": [{ "role": "directieteam", "does": "informed" }], "steps": ["LL-A2"] },
        { "id": "toetreding", "title": "Toetreding partnerschap", "when": "2024-H2" }
      ]
    }
    """

    static func config(mail: Bool = true) -> String {
        """
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
          ]\(mail ? """
        ,
          "mail": { "from": { "name": "Koers", "address": "koers@example.org" }, "messageIdDomain": "bestuur.example",
                    "transport": "file", "folder": "mail" }
        """ : "")
        }
        """
    }

    static func workspace(mail: Bool = true) throws -> Workspace {
        let fixture = Fixture()
        fixture.write("agenda.json", agenda)
        fixture.write("koers.json", config(mail: mail))
        return try fixture.load()
    }

    /// The agendas with histories: `[("LL-A1", .done, "2023-05-01", "note")]`, each change taking
    /// effect at noon Amsterdam time on that day.
    static func set(_ workspace: Workspace, _ changes: [(String, StepStatus, String, String?)] = []) -> AgendaSet {
        AgendaSet(entries: workspace.agendas.map { agenda in
            var events: [StepKey: [StatusEvent]] = [:]
            for (key, status, when, note) in changes {
                let step = StepKey(key)!
                events[step, default: []].append(StatusEvent(agenda: agenda.id, step: step, status: status, at: day(when),
                                                              recordedAt: day(when), by: "c.jansen", note: note))
            }
            return AgendaSet.Entry(agenda: agenda, histories: events.mapValues(StepHistory.init(events:)))
        })
    }

    static func day(_ text: String) -> Date { AgendaTimeZone.amsterdam.moment(LocalDate(text)!, hour: 12) }

    /// A history halfway: A1 done, A2 postponed to 2024-H1, B1 dropped, B2 in progress.
    static let midway: [(String, StepStatus, String, String?)] = [
        ("LL-A1", .done, "2023-05-10", "Afgerond; zie verslag"),
        ("LL-A2", .postponed(to: HalfYear("2024-H1")!), "2023-12-01", "Schuift door"),
        ("KC-B1", .dropped, "2023-10-01", nil),
        ("KC-B2", .inProgress, "2024-03-01", "=1+1 \"gestart\""),
    ]
}

/// What `Tests/Support/ical_summary.py` prints: the calendar as python3-icalendar reads it.
struct ICalSummary: Decodable {
    struct Day: Decodable, Equatable {
        var value: String
        var isDate: Bool
    }

    struct Trigger: Decodable, Equatable {
        var days: Double?
        var related: String?
    }

    struct Alarm: Decodable {
        var action: String?
        var trigger: Trigger?
        var description: String?
    }

    struct Event: Decodable {
        var uid: String?
        var summary: String?
        var description: String?
        /// The texts as python3-icalendar itself unescapes them (wrong for backslashes, see the script).
        var parsedSummary: String?
        var parsedDescription: String?
        var start: Day?
        var end: Day?
        var stamp: String?
        var categories: [String]
        var sequence: Int?
        var transparency: String?
        var alarms: [Alarm]
    }

    struct Lines: Decodable {
        var count: Int
        var endsWithCRLF: Bool
        var bareLF: Int
        var bareCR: Int
        var maxOctets: Int
        var invalidUTF8Lines: [Int]
    }

    var name: String
    var version: String?
    var prodid: String?
    var method: String?
    var calname: String?
    var events: [Event]
    var errors: [String]
    var lines: Lines

    /// Parses `text` (an iCalendar file) with python3-icalendar.
    static func parse(_ text: String) throws -> ICalSummary {
        let json = try Python.withFile(text) { path in
            try Python.run([Fixture.repository + "/Tests/Support/ical_summary.py", path])
        }
        return try JSONDecoder().decode(ICalSummary.self, from: json)
    }

    func event(_ uid: String) -> Event? { events.first { $0.uid == uid } }
}
