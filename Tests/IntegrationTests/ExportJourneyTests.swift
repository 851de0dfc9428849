import Foundation
import KoersTestSupport
import Testing

/// The Co-OP'er exports the bundled agenda with the demo history, through the real binary: a
/// calendar to publish for subscription, and a spreadsheet for the directors. Both files are read
/// back by independent parsers (python3-icalendar, Python's csv module).
@Suite("Exports through the koers command")
struct ExportJourneyTests {
    /// An installation with the demo history, as of 15 October 2024.
    private func installation() throws -> Installation {
        let site = try Installation()
        let r = try site.koers("history", "import", site.demoHistory, now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        return site
    }

    private func python(_ arguments: [String]) throws -> [String: Any] {
        let r = try KoersProcess.python(arguments)
        #expect(r.status == 0, "python3: \(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test("export ical writes a calendar of milestones and open deadlines that python3-icalendar reads")
    func ical() throws {
        let site = try installation()
        let file = site.folder + "/ook.ics"
        var r = try site.koers("export", "ical", "--out", file, now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "Wrote 28 event(s) to \(file).\n")

        let summary = try python([KoersProcess.repository + "/Tests/Support/ical_summary.py", file])
        #expect(summary["errors"] as? [String] == [])
        #expect(summary["method"] as? String == "PUBLISH")
        #expect(summary["version"] as? String == "2.0")
        #expect(summary["calname"] as? String == "Koers — OOK")
        let lines = try #require(summary["lines"] as? [String: Any])
        #expect(lines["endsWithCRLF"] as? Bool == true)
        #expect(lines["bareLF"] as? Int == 0)
        #expect((lines["maxOctets"] as? Int ?? 99) <= 75)
        #expect(lines["invalidUTF8Lines"] as? [Int] == [])

        let events = try #require(summary["events"] as? [[String: Any]])
        #expect(events.count == 28)
        func event(_ uid: String) -> [String: Any]? { events.first { $0["uid"] as? String == uid + "@koers.example.org" } }
        func start(_ uid: String) -> String? { (event(uid)?["start"] as? [String: Any])?["value"] as? String }
        #expect(start("milestone.ook-sop.zelfscan.2022-09") == "2022-09-01")
        #expect(start("milestone.ook-sop.zelfscan.2024-09") == "2024-09-01")
        #expect(start("milestone.ook-sop.zelfscan.2026-09") == "2026-09-01", "the biennial zelfscan, every occurrence")
        #expect(start("step.ook-sop.KC-B7") == "2025-03-31", "its own date, \"mrt 2025\"")
        #expect(start("step.ook-sop.KC-A4") == "2024-12-31", "postponed to 2024-H2 in the demo")
        #expect(event("step.ook-sop.KC-B3") == nil, "done on 15 October 2024")
        #expect(event("step.ook-sop.LO-A5") == nil, "dropped")
        let kcb7 = try #require(event("step.ook-sop.KC-B7"))
        #expect(kcb7["categories"] as? [String] == ["Kwaliteitscultuur", "Stap"])
        let alarm = try #require((kcb7["alarms"] as? [[String: Any]])?.first)
        #expect(alarm["action"] as? String == "DISPLAY")
        #expect((alarm["trigger"] as? [String: Any])?["days"] as? Double == -7)

        // The same calendar on stdout; on another day the same UIDs.
        r = try site.koers("export", "ical", now: "2024-10-15")
        #expect(r.stdout == (try String(contentsOfFile: file, encoding: .utf8)))
        let later = try site.koers("export", "ical", now: "2024-10-16")
        func uids(_ text: String) -> [Substring] { text.split(separator: "\r\n").filter { $0.hasPrefix("UID:") } }
        #expect(uids(later.stdout) == uids(r.stdout))
    }

    @Test("export ical --role and --person give the calendar of one role or one person")
    func icalFiltered() throws {
        let site = try installation()
        var r = try site.koers("export", "ical", "--role", "schoolleiders", now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("X-WR-CALNAME:Koers — OOK — Schoolleiders OOK\r\n"))
        #expect(r.stdout.contains("UID:step.ook-sop.LL-B1@"), "schoolleiders propose LL-B1")
        #expect(!r.stdout.contains("UID:step.ook-sop.LO-D6@"))
        #expect(!r.stdout.contains("UID:milestone."), "no milestone names the schoolleiders")

        r = try site.koers("export", "ical", "--person", "c.jansen", now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("UID:milestone.ook-sop.zelfscan.2024-09@"), "the Co-OP'er gets every milestone")

        r = try site.koers("export", "ical", "--role", "bestuur", now: "2024-10-15")
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("Error: no role \"bestuur\""))
        r = try site.koers("export", "ical", "--person", "x.onbekend", now: "2024-10-15")
        #expect(r.status == 1)
        #expect(r.stderr.contains("no person \"x.onbekend\" in the configuration"))
        r = try site.koers("export", "ical", "--role", "directies", "--person", "c.jansen")
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: give --role or --person, not both"))
    }

    @Test("export csv writes every step with its status, as Excel opens it in Dutch, and Python's csv reads it back")
    func csv() throws {
        let site = try installation()
        let file = site.folder + "/ook.csv"
        var r = try site.koers("export", "csv", "--out", file, "--json", now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        let written = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(written?["rows"] as? Int == 54)
        #expect(written?["format"] as? String == "csv")

        let script = """
        import csv, json, sys
        with open(sys.argv[1], "rb") as f:
            data = f.read()
        with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f, delimiter=";"))
        json.dump({"rows": rows, "bom": data.startswith(b"\\xef\\xbb\\xbf"),
                   "crlfRows": data.count(b"\\r\\n"), "rowCount": len(rows)}, sys.stdout)
        """
        let parsed = try python(["-c", script, file])
        #expect(parsed["bom"] as? Bool == true)
        let rows = try #require(parsed["rows"] as? [[String]])
        #expect(rows.count == 55)
        #expect(rows[0] == ["agenda", "waarborg", "activiteit", "stap", "tekst", "halfjaar", "fase", "rollen",
                            "status", "verplaatst naar", "laatst gewijzigd", "notitie"])
        #expect(rows.allSatisfy { $0.count == 12 })
        func row(_ key: String) -> [String]? { rows.first { $0[3] == key } }
        #expect(row("LL-A1")?[8] == "afgerond")
        #expect(row("LL-A1")?[10] == "2022-12-08")
        #expect(row("KC-A4")?[8...] == ["uitgesteld", "2024-H2", "2024-06-20",
                                       "Bijstellen wacht op de uitkomsten van de scan in september (B3)."])
        #expect(row("LO-A5")?[8] == "vervallen")
        #expect(row("OR-B2")?[4].hasPrefix("'- ii. Netwerk werkplekbegeleiders") == true,
                "a text starting with '-' is guarded so Excel does not take it for a formula")

        // --separator and --no-bom for other programs; stdout without --out.
        r = try site.koers("export", "csv", "--separator", ",", "--no-bom", now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("agenda,waarborg,activiteit,stap,tekst,"))
        r = try site.koers("export", "csv", "--role", "directies")
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: --role does not apply to export csv"))
    }

    @Test("export without a known format is a usage error that shows the usage")
    func usage() throws {
        let site = try Installation()
        for arguments in [["export"], ["export", "pdf"], ["export", "csv", "--separator", "\""], ["export", "ical", "--json"]] {
            let r = try KoersProcess.run(["--config", site.config] + arguments)
            #expect(r.status == 64, "\(arguments)")
            #expect(r.stderr.contains("Usage: koers export ical"), "\(arguments)")
        }
    }
}
