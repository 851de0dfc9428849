import Foundation
import KoersFormats

/// A throw-away folder with a configuration and agendas written from small JSON texts, removed when
/// the fixture is released. Each test gets its own, so tests can run in parallel.
package final class Fixture {
    package let folder: String

    package init() {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("koers-test-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    @discardableResult
    package func write(_ name: String, _ text: String) -> String {
        let path = folder + "/" + name
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes the standard small config and agenda, with `agenda` replacing the agenda text if given.
    @discardableResult
    package func standard(agenda: String = Fixture.agenda, config: String = Fixture.config) -> String {
        write("agenda.json", agenda)
        return write("koers.json", config)
    }

    package func load() throws -> Workspace { try Workspace.load(configPath: folder + "/koers.json", environment: [:]) }

    /// The bundled agenda with the example configuration, its database in this fixture's folder
    /// instead of the system's state folder.
    package func example() throws -> Workspace {
        var workspace = try Workspace.load(configPath: Fixture.repository + "/Config/koers.example.json", environment: [:])
        workspace.config.databasePath = folder + "/koers.sqlite"
        return workspace
    }

    package func check() -> Workspace.Loaded { Workspace.check(configPath: folder + "/koers.json", environment: [:]) }

    /// The repository's root, for the bundled agendas and configuration.
    package static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.path
    }()

    package static let config = """
    {
      "format": "koers-config/1",
      "database": "koers.sqlite",
      "timeZone": "Europe/Amsterdam",
      "agendas": ["agenda.json"],
      "schools": [{ "id": "de-linde", "name": "OBS De Linde" }],
      "people": [
        { "id": "c.jansen", "name": "Carla Jansen", "email": "c.jansen@example.org", "roles": ["co-oper", "directieteam"] },
        { "id": "p.smit", "name": "Pieter Smit", "email": "p.smit@example.org", "school": "de-linde", "roles": ["schoolleiders"] }
      ]
    }
    """

    package static let agenda = """
    {
      "format": "koers-agenda/1",
      "id": "mini",
      "title": "Mini-agenda",
      "organisation": { "name": "Stichting Voorbeeld" },
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
              "steps": [
                { "id": "A1", "text": "Oriëntatie", "period": "2023-H1" },
                { "id": "A2", "text": "Advies", "period": "2023-H2" },
                { "id": "A3", "text": "Vaststellen", "period": "2024-H1" },
                { "id": "A4", "text": "Borgen", "period": "2024-H2" }
              ]
            }
          ]
        }
      ],
      "milestones": [
        { "id": "scan", "title": "Zelfscan", "when": "2023-09", "recurrence": { "every": 2, "unit": "years" }, "steps": ["LL-A2"] }
      ]
    }
    """
}
