import Foundation
import KoersTestSupport
import Testing

/// The Co-OP'er runs the biennial zelfscan through the real binary: the answers of the 2022
/// nulmeting (a form export) and of the 2024 round (a spreadsheet) come in, the report gives each
/// school its strongest points and points to develop, one point is adopted into the agenda, and
/// the agenda's next version is exported and checked.
@Suite("Zelfscans through the koers command")
struct ScanJourneyTests {
    /// A form export: `,`, a byte order mark, English headings, one row per respondent, a column per item.
    static let nulmeting = "\u{FEFF}Timestamp,School,Respondent,OC1,OC2,OC3,FO1,FO6,EB4\r\n"
        + "2022-09-20 09:12,lichtboei,directie,2,2,1,2,1,1\r\n"
        + "2022-09-20 09:30,OBS Het Vlotgras,directie,gedeeltelijk ontwikkeld,2,2,2,1,2\r\n"

    /// A spreadsheet saved by Dutch Excel: `;`, Dutch headings, one answer per row.
    static let round2024 = """
        school;respondent;vraag;niveau
        lichtboei;directie;OC1;3
        lichtboei;directie;OC2;3
        lichtboei;directie;OC3;2
        lichtboei;directie;FO1;3
        lichtboei;directie;FO6;1
        lichtboei;directie;EB4;1
        lichtboei;schoolopleider 1;OC1;3
        lichtboei;schoolopleider 1;FO6;1
        vlotgras;directie;OC1;2
        vlotgras;directie;OC2;3
        vlotgras;directie;FO6;2
        vlotgras;directie;EB4;sterk ontwikkeld

        """

    private func write(_ site: Installation, _ name: String, _ text: String) throws -> String {
        let path = site.folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("Import a nulmeting and a round, report, adopt a point, export the agenda and check it")
    func journey() throws {
        let site = try Installation()
        var r = try site.koers("history", "import", site.demoHistory, now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")

        r = try site.koers("scan", "import", "zelfscan-2022", try write(site, "nulmeting.csv", Self.nulmeting),
                           "--instrument", "lerende-organisatie", "--on", "2022-09-20", now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "imported 12 answer(s) from 2 school(s) into scan round zelfscan-2022 (lerende-organisatie, held on 2022-09-20)\n")
        r = try site.koers("scan", "import", "zelfscan-2024", try write(site, "zelfscan-2024.csv", Self.round2024),
                           "--instrument", "lerende-organisatie", "--on", "2024-09-20", now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")

        // A file with mistakes is refused whole, each mistake with its row.
        let bad = try write(site, "fouten.csv", "school;item;score\nlichtboei;OC9;2\nkwakel;OC1;5\nlichtboei;OC1;3\n")
        r = try site.koers("scan", "import", "zelfscan-2024", bad, now: "2024-10-15")
        #expect(r.status == 65)
        #expect(r.stderr == """
            \(bad):2: row 2: no item "OC9" in instrument lerende-organisatie; its items are OC1–OC6, FO1–FO6, EB1–EB6
            \(bad):3: row 3: "5" is not a level of instrument lerende-organisatie; expected 1, 2, 3 or "nog in startfase", "gedeeltelijk ontwikkeld", "sterk ontwikkeld"
            Error: 2 problem(s); nothing was imported from \(bad). Fix the rows and import the file again.

            """)
        r = try site.koers("--json", "scan", "list", now: "2024-10-15")
        let rounds = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rounds.map { $0["id"] as? String } == ["zelfscan-2022", "zelfscan-2024"])
        #expect(rounds.map { $0["answers"] as? Int } == [12, 12], "nothing of the bad file")

        r = try site.koers("scan", "report", "zelfscan-2024", "--school", "lichtboei", now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("OBS DE LICHTBOEI, 2 RESPONDENTEN"))
        #expect(r.stdout.contains("""
            Sterkste punten
              OC1   3,0  alle leraren voelen zich gezamenlijk verantwoordelijk voor alle
                         leerlingen van de school of afdeling
              OC2   3,0  de leraren steunen elkaar, ook in moeilijke situaties
              FO1   3,0  de leraren zijn gedreven om hun onderwijs te verbeteren

            Ontwikkelpunten
              FO6   1,0  leraren bezoeken regelmatig lessen van collega’s om daarvan te
                         leren
              EB4   1,0  besluiten worden genomen door de personen met de meeste expertise
              OC3   2,0  de leraren en schoolleiders stellen zich kwetsbaar op en geven aan
                         waar ze mee worstelen

            Vooruitgegaan sinds zelfscan-2022
              OC1   +1,0  alle leraren voelen zich gezamenlijk verantwoordelijk voor alle
            """))
        #expect(r.stdout.contains("Achteruitgegaan sinds zelfscan-2022\n  Geen.\n"))
        let html = site.folder + "/zelfscan-2024.html"
        r = try site.koers("scan", "report", "zelfscan-2024", "--format", "html", "--out", html, now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))

        // The directors choose FO6; it becomes a step of Kwaliteitscultuur.
        r = try site.koers("scan", "adopt", "zelfscan-2024", "FO6", "--theme", "KC", "--period", "2025-H1",
                           "--role", "schoolopleiders,directieteam:decides", "--by", "c.jansen", now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("KC-G1 added to agenda ook-sop, activity KC-g, 2025-H1: Ontwikkelpunt FO6 uit de zelfscan"))
        r = try site.koers("agenda", "--theme", "KC", now: "2024-10-15")
        #expect(r.stdout.contains("g. Ontwikkelpunten uit de zelfscan\n"))
        #expect(r.stdout.contains("   ○ G1  2025-H1   Ontwikkelpunt FO6 uit de zelfscan: leraren bezoeken\n"))
        r = try site.koers("report", "halfyear", "2024-H2", now: "2025-01-10")
        #expect(r.stdout.contains("ZELFSCANS IN DEZE PERIODE\n\nZelfscan zelfscan-2024: Checklist lerende organisatie\n"))
        #expect(r.stdout.contains("  OBS De Lichtboei, 2 respondenten: gemiddeld 2,2 (+0,7)\n"))

        // The agenda's next version, with the step, passes check and the agenda's JSON Schema.
        let next = site.folder + "/ook-2025.json"
        r = try site.koers("agenda", "export", "--version", "bijgesteld november 2024", "--out", next, now: "2024-11-20")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "Wrote agenda ook-sop, version \"bijgesteld november 2024\", with 1 adopted step(s): KC-G1; "
                + "horizon now 2022-H1…2025-H1 to \(next).\n")
        let schema = try python(["-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2], encoding="utf-8")))]
            print(json.dumps(errors))
            """, KoersProcess.repository + "/Agendas/agenda.schema.json", next])
        #expect(schema == "[]\n")

        let config = site.folder + "/koers-2025.json"
        try String(contentsOfFile: site.config, encoding: .utf8)
            .replacingOccurrences(of: KoersProcess.repository + "/Agendas/ook-2022-2024.json", with: next)
            .write(toFile: config, atomically: true, encoding: .utf8)
        r = try KoersProcess.run(["--config", config, "check"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("agenda ook-sop (\(next)): 4 themes, 17 activities, 55 steps"))
        r = try KoersProcess.run(["--config", config, "--now", "2024-11-20", "agenda", "--theme", "KC"])
        #expect(r.stdout.components(separatedBy: "○ G1  2025-H1").count == 2, "the step once: from the file, not again from the database")
    }

    private func python(_ arguments: [String]) throws -> String {
        try KoersProcess.python(arguments).stdout
    }
}
