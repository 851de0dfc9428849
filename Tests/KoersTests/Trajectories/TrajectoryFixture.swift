import Foundation
@testable import KoersCLI
@testable import KoersFormats
@testable import KoersStore
import KoersTestSupport

/// A small board with two schools, a mentor and a school trainer, a director at each school, and a
/// four-event trajectory template for starters, written as files and loaded the way Koers loads
/// them. Commands run in-process through `KoersTool.run`.
final class TrajectoryFixture {
    let fixture = Fixture()
    var configPath: String { fixture.folder + "/koers.json" }
    var databasePath: String { fixture.folder + "/koers.sqlite" }

    init(retentionMonths: Int = 12, holidays: String = TrajectoryFixture.summer) {
        fixture.write("agenda.json", Self.agenda)
        fixture.write("traject.json", Self.template)
        fixture.write("koers.json", Self.config(retentionMonths: retentionMonths, holidays: holidays))
    }

    func load() throws -> Workspace { try fixture.load() }

    func store() throws -> Store { try Store(path: databasePath) }

    /// `koers --config … --now NOW ARGS…`, in-process.
    func koers(_ arguments: String..., now: String) -> CommandOutput {
        KoersTool.run(["--config", configPath, "--now", now] + arguments, environment: [:])
    }

    /// Adds a starter through the command and returns the printed id.
    func addStarter(name: String = "Marloes Verhoeven", email: String = "marloes.verhoeven@example.net",
                    start: String = "2024-09-02", school: String = "de-linde", now: String = "2024-08-15") throws -> String {
        let out = koers("starter", "add", "--name", name, "--email", email, "--school", school, "--start", start,
                        "--mentor", "e.bosman", "--trainer", "l.mulder", now: now)
        guard out.exitCode == .ok else { throw FixtureError(out.stderr) }
        return out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct FixtureError: Error, CustomStringConvertible { var description: String; init(_ d: String) { description = d } }

    /// The bytes of the database file and its WAL, for searching.
    func fileBytes() throws -> [UInt8] {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: databasePath)))
        if let wal = FileManager.default.contents(atPath: databasePath + "-wal") { bytes += [UInt8](wal) }
        return bytes
    }

    func fileContains(_ text: String) throws -> Bool {
        let needle = Array(text.utf8), hay = try fileBytes()
        guard needle.count <= hay.count else { return false }
        return (0...(hay.count - needle.count)).contains { i in hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle }
    }

    /// The summer holiday of 2024 runs until Friday 30 August.
    static let summer = #"{ "name": "Zomervakantie 2024", "from": "2024-07-13", "to": "2024-08-30" }"#

    static func config(retentionMonths: Int, holidays: String) -> String {
        """
        {
          "format": "koers-config/1",
          "database": "koers.sqlite",
          "timeZone": "Europe/Amsterdam",
          "agendas": ["agenda.json"],
          "trajectories": ["traject.json"],
          "privacy": { "retentionMonths": \(retentionMonths) },
          "schools": [{ "id": "de-linde", "name": "OBS De Linde" }, { "id": "het-anker", "name": "OBS Het Anker" }],
          "people": [
            { "id": "c.jansen", "name": "Carla Jansen", "email": "c.jansen@example.org", "roles": ["co-oper"] },
            { "id": "p.smit", "name": "Pieter Smit", "email": "p.smit@example.org", "school": "de-linde", "roles": ["schoolleiders"] },
            { "id": "e.bosman", "name": "Eva Bosman", "email": "e.bosman@example.org", "school": "de-linde", "roles": [] },
            { "id": "l.mulder", "name": "Lotte Mulder", "email": "l.mulder@example.org", "school": "de-linde", "roles": [] },
            { "id": "d.dewit", "name": "Daan de Wit", "email": "d.dewit@example.org", "school": "de-linde", "roles": ["directies"] },
            { "id": "k.kok", "name": "Kim Kok", "email": "k.kok@example.org", "school": "het-anker", "roles": ["directies"] }
          ],
          "quietPeriods": { "periods": [\(holidays)] }
        }
        """
    }

    /// An agenda with one step, far ahead, so that only trajectories give reminders in 2024 and 2025.
    static let agenda = """
    {
      "format": "koers-agenda/1", "id": "mini", "title": "Mini-agenda", "organisation": { "name": "Stichting Voorbeeld" },
      "version": "2026", "language": "nl", "timeZone": "Europe/Amsterdam",
      "horizon": { "from": "2026-H1", "to": "2026-H2" },
      "roles": [{ "id": "co-oper", "name": "Co-OP'er" }, { "id": "schoolleiders", "name": "Schoolleiders" }],
      "themes": [
        { "id": "lerende-leraar", "code": "LL", "title": "Lerende leraar", "description": "O.", "currentState": "N.", "goal": "D.",
          "activities": [
            { "id": "a", "text": "Beroepsbeeld.", "roles": [{ "role": "schoolleiders", "does": "executes" }],
              "steps": [{ "id": "A1", "text": "Oriëntatie", "period": "2026-H2" }] }
          ] }
      ]
    }
    """

    static let template = """
    {
      "format": "koers-trajectory/1",
      "id": "start",
      "title": "Inductietraject startende leraar",
      "for": "starter",
      "language": "nl",
      "start": "de eerste werkdag",
      "duration": { "years": 1 },
      "events": [
        { "id": "welkomstgesprek", "title": "Welkomstgesprek", "at": { "days": 2 }, "roles": ["starter", "mentor"],
          "leadTimes": ["1w", "2wd"] },
        { "id": "begeleidingsplan", "title": "Begeleidingsplan vastgesteld", "at": { "weeks": 6 },
          "roles": ["starter", "mentor", "schoolopleider"] },
        { "id": "lesbezoek", "title": "Lesbezoek", "at": { "weeks": 8 }, "repeat": { "every": 3, "unit": "months", "count": 3 },
          "roles": ["starter", "mentor"], "leadTimes": ["1w"] },
        { "id": "ontwikkelgesprek", "title": "Ontwikkelgesprek", "at": { "months": 5 }, "roles": ["starter", "directies"] }
      ]
    }
    """
}
