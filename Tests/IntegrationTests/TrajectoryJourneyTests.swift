import Foundation
import KoersTestSupport
import Testing

/// A school trainer's journey through the real binary: a starting teacher joins, the preview shows
/// who is reminded of the welcome conversation, the trajectory ends, and the person is erased.
@Suite("Trajectory journey through the koers command")
struct TrajectoryJourneyTests {
    @Test("koers starter add → preview shows the welcome reminder to mentor and starter → end → person erase")
    func starterJourney() throws {
        let site = try Installation()
        var r = try site.koers("starter", "add", "--name", "Sanne de Vries", "--email", "sanne.devries@example.net",
                               "--school", "lichtboei", "--start", "2024-09-02", "--mentor", "e.bosman", "--trainer", "l.mulder",
                               "--template", "startende-leraar", now: "2024-08-15")
        #expect(r.status == 0, "\(r.stderr)")
        let id = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.hasPrefix("t-") && id.count == 8, "\(r.stdout)")

        r = try site.koers("preview", "--from", "2024-08-16", "--to", "2024-09-10", now: "2024-08-15")
        #expect(r.status == 0, "\(r.stderr)")
        let welcome = "Welkomstgesprek: Sanne de Vries (startende leraar, OBS De Lichtboei) — 4 september 2024 (over 2 dagen)"
        #expect(r.stdout.contains("2024-09-02 08:00  Eva Bosman <e.bosman@example.org>\n  Koers: Welkomstgesprek: Sanne de Vries"), "\(r.stdout)")
        #expect(r.stdout.contains("2024-09-02 08:00  Sanne de Vries <sanne.devries@example.net>\n"), "\(r.stdout)")
        #expect(Self.unwrap(r.stdout).contains("- \(welcome)"), "\(r.stdout)")

        r = try site.koers("starter", "end", id, "--reason", "left", "--on", "2024-09-20", now: "2024-09-20")
        #expect(r.status == 0, "\(r.stderr)")
        r = try site.koers("preview", "--from", "2024-09-21", "--to", "2024-12-31", now: "2024-09-20")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("Sanne de Vries"), "no reminders after the end")

        r = try site.koers("person", "erase", id, now: "2024-09-21")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("erased starter trajectory \(id)"))
        r = try site.koers("starter", "list", "--all", now: "2024-09-21")
        #expect(r.stdout == "Geen startende leraren.\n")
        r = try site.koers("starter", "outcomes", "--json", now: "2024-09-21")
        #expect(r.stdout.contains("\"left\" : 1"))
        let database = try Data(contentsOf: URL(fileURLWithPath: site.folder + "/koers.sqlite"))
        #expect(database.range(of: Data("Sanne de Vries".utf8)) == nil)
        #expect(database.range(of: Data("sanne.devries@example.net".utf8)) == nil)
    }

    @Test("A starting teacher from 3 February: show plans the January conversation the next January, and done takes the id --help gives")
    func februaryJourney() throws {
        let site = try Installation()
        var r = try site.koers("starter", "add", "--name", "Daan Visser", "--email", "daan.visser@example.net", "--school", "lichtboei",
                               "--start", "2025-02-03", "--mentor", "e.bosman", "--trainer", "l.mulder", "--template", "startende-leraar",
                               now: "2025-01-20")
        #expect(r.status == 0, "\(r.stderr)")
        let id = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        r = try site.koers("starter", "show", id, now: "2025-02-04")
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").filter { $0.hasPrefix("  ○") }.map { $0.split(separator: " ").prefix(3).joined(separator: " ") }
        #expect(Array(rows.prefix(8)) == [
            "○ 2025-02-05 welkomstgesprek", "○ 2025-02-17 kennismaking-schoolopleider", "○ 2025-03-17 begeleidingsplan",
            "○ 2025-04-07 lesbezoek-periode-3#1", "○ 2025-11-11 lesbezoek-periode-1#1", "○ 2026-01-20 lesbezoek-periode-2#1",
            "○ 2026-01-27 ontwikkelgesprek#1", "○ 2026-04-07 lesbezoek-periode-3#2",
        ], "\(r.stdout)")

        r = try site.koers("starter", "--help")
        #expect(r.stdout.contains("e.g. welkomstgesprek or lesbezoek-periode-1#2."))
        r = try site.koers("starter", "done", id, "lesbezoek-periode-1#2", "--on", "2026-11-11", now: "2026-11-12")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "\(id): lesbezoek-periode-1#2 recorded as done on 2026-11-11\n")
    }

    /// Preview lines wrap at 80 columns with a six-space indent; this joins them back.
    static func unwrap(_ text: String) -> String {
        text.replacingOccurrences(of: #"\n {6}(?=\S)"#, with: " ", options: .regularExpression)
    }
}
