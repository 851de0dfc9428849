import Foundation
import Testing
@testable import KoersModel

@Suite("koers starter and koers student: add, list, show, done, end")
struct StarterCommandTests {
    @Test("add prints a short random id, not the name; list and show give the trajectory in Dutch; end stops it")
    func lifecycle() throws {
        let setup = TrajectoryFixture()
        let id = try setup.addStarter()
        #expect(id.count == 8 && id.hasPrefix("t-"))
        #expect(!id.lowercased().contains("marloes"))
        let second = try setup.addStarter(name: "Joris Bakker", email: "joris@example.net", school: "het-anker")
        #expect(second != id)

        var out = setup.koers("starter", "list", now: "2024-09-10")
        #expect(out.exitCode == .ok)
        #expect(out.stdout.hasPrefix("2 startende leraren\n"))
        #expect(out.stdout.contains("\(id)  Marloes Verhoeven — OBS De Linde\n"))
        #expect(out.stdout.contains("""
                      gestart 2 september 2024
                      mentor Eva Bosman, schoolopleider Lotte Mulder
                      volgende: Begeleidingsplan vastgesteld, 14 oktober 2024; 1 gemist

            """), "\(out.stdout)")

        out = setup.koers("starter", "done", id, "welkomstgesprek", "--on", "2024-09-04", now: "2024-09-10")
        #expect(out.exitCode == .ok, "\(out.stderr)")
        #expect(out.stdout == "\(id): welkomstgesprek recorded as done on 2024-09-04\n")
        out = setup.koers("starter", "done", id, "lesbezoek", now: "2024-12-10")
        #expect(out.exitCode == .refused)
        #expect(out.stderr == "Error: \"lesbezoek\" happens 3 times; name one: lesbezoek#1, lesbezoek#2, lesbezoek#3\n")
        out = setup.koers("starter", "done", id, "lesbezoek#1", "--on", "2024-10-29", now: "2024-12-10")
        #expect(out.exitCode == .ok, "\(out.stderr)")

        out = setup.koers("starter", "show", id, now: "2024-12-10")
        #expect(out.stdout.contains("Traject:        Inductietraject startende leraar (start)\n"))
        #expect(out.stdout.contains("  ✓ 2024-09-04  welkomstgesprek   Welkomstgesprek (gehouden 4 september 2024)\n"))
        #expect(out.stdout.contains("  ✗ 2024-10-14  begeleidingsplan  Begeleidingsplan vastgesteld\n"))
        #expect(out.stdout.contains("  ○ 2025-01-28  lesbezoek#2       Lesbezoek\n"))
        out = setup.koers("starter", "show", id, "--json", now: "2024-12-10")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect((json["events"] as? [[String: Any]])?.compactMap { $0["state"] as? String }
                == ["done", "missed", "done", "planned", "planned", "planned"])

        out = setup.koers("starter", "end", id, "--reason", "left", "--on", "2024-12-20", now: "2024-12-20")
        #expect(out.exitCode == .ok, "\(out.stderr)")
        #expect(out.stdout.contains("\(id) ended on 2024-12-20 (left)"))
        #expect(out.stdout.contains("erased from 2025-12-20 on"))
        out = setup.koers("starter", "end", id, "--reason", "left", now: "2024-12-21")
        #expect(out.exitCode == .refused)
        #expect(out.stderr == "Error: \(id) has already ended (on 2024-12-20)\n")
        out = setup.koers("starter", "list", now: "2024-12-21")
        #expect(!out.stdout.contains(id) && out.stdout.contains(second))
        out = setup.koers("starter", "list", "--all", now: "2024-12-21")
        #expect(out.stdout.contains("vertrokken op 20 december 2024"))

        // After the end, the daemon's planner has nothing left for this trajectory.
        let workspace = try setup.load()
        let book = try TrajectoryBook(workspace: workspace, store: try setup.store())
        #expect(book.eventSource.events(from: LocalDate("2024-12-21")!, through: LocalDate("2026-12-31")!)
            .allSatisfy { $0.source != TrajectoryEventSource.source(of: id) })
    }

    @Test("Wrong input is refused with what would be valid")
    func refusals() throws {
        let setup = TrajectoryFixture()
        var out = setup.koers("starter", "add", "--name", "A", "--email", "a@example.net", "--school", "elders", "--start", "2024-09-02",
                              "--mentor", "e.bosman", "--trainer", "l.mulder", now: "2024-08-15")
        #expect(out.exitCode == .usage)
        #expect(out.stderr.hasPrefix("Error: --school \"elders\" is not in the configuration; expected one of: de-linde, het-anker\n"))
        out = setup.koers("starter", "add", "--name", "A", "--email", "a@example.net", "--school", "de-linde", "--start", "2024-09-02",
                          "--mentor", "x.y", "--trainer", "l.mulder", now: "2024-08-15")
        #expect(out.stderr.hasPrefix("Error: --mentor \"x.y\" is not a person id in the configuration (\"people\")\n"))
        out = setup.koers("starter", "add", "--name", "A", "--email", "geen-adres", "--school", "de-linde", "--start", "2024-09-02",
                          "--mentor", "e.bosman", "--trainer", "l.mulder", now: "2024-08-15")
        #expect(out.stderr.hasPrefix("Error: --email \"geen-adres\" is not an e-mail address"))
        out = setup.koers("student", "add", "--name", "A", "--email", "a@example.net", "--school", "de-linde", "--start", "2024-09-02",
                          "--mentor", "e.bosman", "--trainer", "l.mulder", now: "2024-08-15")
        #expect(out.exitCode == .refused)
        #expect(out.stderr.hasPrefix("Error: no trajectory template for a student is configured"))
        let id = try setup.addStarter()
        out = setup.koers("student", "show", id, now: "2024-09-10")
        #expect(out.stderr == "Error: \(id) is a starter's trajectory; use `koers starter …`\n")
        out = setup.koers("starter", "show", "t-zzzzzz", now: "2024-09-10")
        #expect(out.exitCode == .refused)
        out = setup.koers("starter", "done", id, "welkomstgesprek", "--on", "2024-09-30", now: "2024-09-10")
        #expect(out.stderr.hasPrefix("Error: 2024-09-30 has not come yet"))
        out = setup.koers("starter", "end", id, "--reason", "bored", now: "2024-09-10")
        #expect(out.exitCode == .usage)
    }
}
