import Foundation
@testable import KoersModel
@testable import KoersFormats
@testable import KoersServices

/// Loads a configuration and agenda from memory and uses what loads the way the commands and the
/// daemon do: a loaded workspace must show in every view and give mail the builder accepts.
enum WorkspaceFuzzing {
    static let configPath = "/fuzz/koers.json"
    static let agendaPath = "/fuzz/agenda.json"

    /// Loads `config` and `agenda` (the configuration names the agenda `agenda.json`) with no file
    /// read, checks the diagnostics, and exercises the workspace when there are no errors.
    static func check(config: [UInt8], agenda: [UInt8]) throws(FuzzFailure) {
        let files = [configPath: config, agendaPath: agenda]
        let loaded = Workspace.check(configPath: configPath, environment: [:]) { path, log in
            guard let bytes = files[path] else {
                log.error("no such file")
                return nil
            }
            return SourceFile.parse(bytes: bytes, log: log)
        }
        try LoadInvariants.check(loaded.diagnostics, files: files)
        let hasErrors = loaded.diagnostics.contains { $0.severity == .error }
        try require(hasErrors == (loaded.workspace == nil), "a workspace together with errors, or neither")
        if let workspace = loaded.workspace { try exercise(workspace) }
    }

    /// The views of the first two years of each agenda's horizon, and every digest mail of its
    /// first half-year.
    static func exercise(_ workspace: Workspace) throws(FuzzFailure) {
        let config = workspace.config
        let tz = config.timeZone
        let set = AgendaSet(entries: workspace.agendas.map { AgendaSet.Entry(agenda: $0, histories: [:]) })
        for entry in set.entries {
            let start = entry.agenda.horizon.from.firstDay
            let end = min(entry.agenda.horizon.to.lastDay, start.adding(days: 730))
            let moment = tz.moment(start, hour: 12)
            _ = try? AgendaView(set, filter: .init(), moment: moment, timeZone: tz).text(timeZone: tz)
            _ = DueView(set, config: config, moment: moment).text()
            _ = MilestoneView(set, from: start, to: end, moment: moment, timeZone: tz).text()
            for placed in entry.agenda.placedSteps.prefix(3) {
                _ = StepDetailView(entry: entry, placed: placed, milestones: entry.agenda.milestonesByStep()[placed.key] ?? [],
                                   config: config, moment: moment).text(timeZone: tz)
            }
            let planner = Planner(rules: config.reminders, quiet: config.quietPeriods, timeZone: tz)
            let reminders = planner.reminders(for: set, config: config, from: start, through: start.adding(days: 183), now: moment)
            let mail = ReminderMail(config: config)
            for digest in Digest.group(reminders).prefix(12) {
                guard let person = config.person(digest.personID) else { continue }
                let message = mail.message(for: person, digest: digest, failures: [], date: moment, key: "fuzz|\(person.id)")
                let bytes: [UInt8]
                do {
                    bytes = try MessageBuilder.build(message, timeZone: tz.timeZone)
                } catch {
                    throw FuzzFailure(description: "a workspace that loads without errors gives mail the builder refuses: \(error)")
                }
                try MailInvariants.check(bytes, message)
            }
        }
    }

    /// A small valid configuration: the one the agenda target keeps fixed.
    static let config = Array("""
    {
      "format": "koers-config/1",
      "database": "koers.sqlite",
      "timeZone": "Europe/Amsterdam",
      "agendas": ["agenda.json"],
      "people": [
        { "id": "c.jansen", "name": "Carla Jansen", "email": "c.jansen@example.org", "roles": ["co-oper", "directieteam"] },
        { "id": "p.smit", "name": "Pieter Smit", "email": "p.smit@example.org", "roles": ["schoolleiders"] }
      ]
    }
    """.utf8)

    /// A small valid agenda: the one the configuration target keeps fixed.
    static let agenda = Array("""
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
                { "id": "A2", "text": "Advies", "period": "2023-H2", "due": "2023-11" }
              ]
            }
          ]
        }
      ],
      "milestones": [
        { "id": "scan", "title": "Zelfscan", "when": "2023-03", "recurrence": { "every": 2, "unit": "years" }, "steps": ["LL-A2"] }
      ]
    }
    """.utf8)
}
