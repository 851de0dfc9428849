import Foundation
import KoersTestSupport
import Testing

/// The Co-OP'er's week, end to end through the real binary: check, look at the agenda, record
/// progress, see what is due.
@Suite("Co-OP'er journey through the koers command")
struct CoordinatorJourneyTests {
    @Test("check on the bundled agenda and example configuration exits 0 and reports the counts")
    func check() throws {
        let site = try Installation()
        let r = try site.koers("check")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("agenda ook-sop"))
        #expect(r.stdout.contains("4 themes, 16 activities, 54 steps, 9 milestones"))
        #expect(r.stderr.contains("OK: no errors"))
        #expect(r.stderr.contains("KC-B3"))
    }

    @Test("Recording progress shows in show, agenda and due, as of the day asked for")
    func recordProgress() throws {
        let site = try Installation()
        var r = try site.koers("set", "ll-a1", "in-progress", "--by", "c.jansen", "--note", "Eerste overleg schoolleiders", now: "2022-09-12")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "LL-A1: in uitvoering (2022-09-12)\n")
        r = try site.koers("set", "LL-A1", "done", "--on", "2022-12-01", now: "2022-12-05")
        #expect(r.status == 0, "\(r.stderr)")
        r = try site.koers("set", "LL-A2", "postponed", "--to", "2023-H2", "--note", "Eerst partnerschappen afwachten", now: "2023-06-20")
        #expect(r.status == 0, "\(r.stderr)")

        r = try site.koers("show", "LL-A1", now: "2023-01-10")
        #expect(r.status == 0)
        #expect(r.stdout.contains("Status:      ✓ afgerond"))
        #expect(r.stdout.contains("2022-09-12  in uitvoering"))
        #expect(r.stdout.contains("Eerste overleg schoolleiders"))
        #expect(r.stdout.contains("2022-12-01  afgerond"))

        // As of October 2022 the step was still in progress.
        r = try site.koers("show", "LL-A1", "--json", now: "2022-10-01")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect((json["step"] as! [String: Any])["status"] as? String == "in-progress")
        #expect((json["history"] as! [Any]).count == 1)

        r = try site.koers("agenda", "--theme", "LL", now: "2023-07-01")
        #expect(r.status == 0)
        #expect(r.stdout.contains("✓ A1"))
        #expect(r.stdout.contains("» A2"), "a postponed step also shows where it moved to")
        #expect(r.stdout.contains("(uitgesteld naar 2023-H2)"))
        #expect(!r.stdout.contains("LEEROMGEVING"))
        for line in r.stdout.split(separator: "\n") { #expect(line.count <= 80, "too wide: \(line)") }

        r = try site.koers("due", "--role", "schoolleiders", now: "2023-08-01")
        #expect(r.status == 0)
        #expect(r.stdout.contains("LL-A2"), "postponed to 2023-H2, so open now")
        #expect(!r.stdout.contains("LL-A1"), "done")
    }

    @Test("Every read command answers in JSON with --json")
    func json() throws {
        let site = try Installation()
        for command in [["check"], ["agenda"], ["show", "KC-B7"], ["due"], ["milestones"]] {
            let r = try KoersProcess.run(["--config", site.config, "--now", "2024-10-15", "--json"] + command)
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect((try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) != nil, "\(command) printed no JSON")
        }
    }

    @Test("Filters narrow the agenda to a half-year, a role or a status")
    func filters() throws {
        let site = try Installation()
        func keys(_ args: String...) throws -> [String] {
            let r = try KoersProcess.run(["--config", site.config, "--now", "2023-03-01", "--json", "agenda"] + args)
            #expect(r.status == 0, "\(r.stderr)")
            let view = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
            return ((view["agendas"] as! [[String: Any]])[0]["themes"] as! [[String: Any]])
                .flatMap { ($0["activities"] as! [[String: Any]]).flatMap { $0["steps"] as! [[String: Any]] } }
                .map { $0["key"] as! String }
        }
        #expect(try keys("--period", "2023-H1") == ["LL-A2", "LO-A3", "LO-D3", "OR-A2", "OR-B3", "KC-A2", "KC-B2", "KC-C2", "KC-E1"])
        #expect(try keys("--period", "2023-H1", "--role", "directieteam") == ["LL-A2"])
        #expect(try keys("--theme", "organisatie", "--status", "planned").count == 7)
        #expect(try keys("--status", "done").isEmpty)
        let r = try site.koers("agenda", "--theme", "XX")
        #expect(r.status == 1)
        #expect(r.stderr.contains("no theme \"XX\""))
    }

    @Test("The demo history imports and gives a meaningful first look in October 2024")
    func demo() throws {
        let site = try Installation()
        var r = try site.koers("history", "import", site.demoHistory, now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("imported "))
        r = try site.koers("agenda", "--status", "done", "--json", now: "2024-10-15")
        let view = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let steps = ((view["agendas"] as! [[String: Any]])[0]["themes"] as! [[String: Any]])
            .flatMap { ($0["activities"] as! [[String: Any]]).flatMap { $0["steps"] as! [[String: Any]] } }
        #expect(steps.count >= 20, "most 2022–2023 steps are done in the demo")
        r = try site.koers("due", now: "2024-10-15")
        #expect(r.stdout.contains("Dit halfjaar:"))
        // Importing the same history again is refused whole: nothing is duplicated.
        r = try site.koers("history", "import", site.demoHistory, now: "2024-10-15")
        #expect(r.status == 65)
        #expect(r.stderr.contains("events["))
    }

    @Test("Milestones are derived: the zelfscan every two years, with its steps")
    func milestones() throws {
        let site = try Installation()
        let r = try site.koers("milestones", "--from", "2022-01-01", "--to", "2026-12-31", now: "2024-10-15")
        #expect(r.status == 0)
        #expect(r.stdout.contains("september 2022"))
        #expect(r.stdout.contains("september 2024"))
        #expect(r.stdout.contains("september 2026"))
        #expect(r.stdout.contains("KC-B3"))
        #expect(r.stdout.contains("maart 2025"))
    }
}
