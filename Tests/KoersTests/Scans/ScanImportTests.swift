import Foundation
import Testing
@testable import KoersModel
@testable import KoersServices
@testable import KoersCLI

@Suite("koers scan import: answers from spreadsheet and form exports, all or nothing")
struct ScanImportTests {
    private func importFile(_ scene: ScanFixture, _ name: String, _ text: String, new: Bool = true) -> CommandOutput {
        let file = scene.write(name, text)
        return new ? scene.koers("scan", "import", "zelfscan-2024", file, "--instrument", "proef", "--on", "2024-09-20")
                   : scene.koers("scan", "import", "zelfscan-2024", file)
    }

    private func answers(_ scene: ScanFixture) throws -> [ScanResponse] {
        try scene.store().scanRounds().first { $0.id == "zelfscan-2024" }?.responses ?? []
    }

    @Test("One answer per row with ; and Dutch headings, a byte order mark, CRLF, names and labels for ids and levels")
    func longDutch() throws {
        let scene = ScanFixture()
        let r = importFile(scene, "scan.csv", "\u{FEFF}School;Respondent;Vraag;Niveau\r\n"
            + "noord;directie;A1;3\r\n"
            + "OBS Het Noorderlicht;directie;a2;Gedeeltelijk  ontwikkeld\r\n"
            + ";;;\r\n"
            + "zuid;;B1;1\r\n")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(r.stdout == "imported 3 answer(s) from 2 school(s) into scan round zelfscan-2024 (proef, held on 2024-09-20)\n")
        #expect(try answers(scene) == [
            ScanResponse(school: "noord", respondent: "directie", item: "A1", level: 3),
            ScanResponse(school: "noord", respondent: "directie", item: "A2", level: 2),
            ScanResponse(school: "zuid", respondent: nil, item: "B1", level: 1),
        ])
    }

    @Test("One answer per row with , and English headings, quoted fields holding separators, quotes and line breaks")
    func longEnglishQuoted() throws {
        let scene = ScanFixture()
        let r = importFile(scene, "scan.csv", "Timestamp,school,respondent,item,score\n"
            + "\"20-9-2024\n10:00\",\"noord\",\"schoolopleider 1\",\"A1\",\"3\"\n"
            + ",noord,\"team, bouw \"\"onder\"\"\",B2,sterk ontwikkeld\n"
            + ", zuid ,,\"A3\",1\n")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(try answers(scene) == [
            ScanResponse(school: "noord", respondent: "schoolopleider 1", item: "A1", level: 3),
            ScanResponse(school: "noord", respondent: "team, bouw \"onder\"", item: "B2", level: 3),
            ScanResponse(school: "zuid", respondent: nil, item: "A3", level: 1),
        ].sorted { ($0.school, $0.respondent ?? "", $0.item) < ($1.school, $1.respondent ?? "", $1.item) })
    }

    @Test("One row per school and respondent with a column per item, as a form exports it; empty cells are unanswered")
    func wide() throws {
        let scene = ScanFixture()
        let r = importFile(scene, "form.csv", """
            Tijdstempel;School;Respondent;A1. eerste stelling;A2;B1: vijfde stelling
            2024-09-20 10:00;noord;directie;3;;1
            2024-09-20 11:00;OBS De Zuiderzon;;2;gedeeltelijk ontwikkeld;

            """)
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("imported 4 answer(s) from 2 school(s)"))
        #expect(try answers(scene) == [
            ScanResponse(school: "noord", respondent: "directie", item: "A1", level: 3),
            ScanResponse(school: "noord", respondent: "directie", item: "B1", level: 1),
            ScanResponse(school: "zuid", respondent: nil, item: "A1", level: 2),
            ScanResponse(school: "zuid", respondent: nil, item: "A2", level: 2),
        ])
    }

    @Test("A file with bad rows is refused whole: every bad row with its number and reason, nothing imported")
    func badRows() throws {
        let scene = ScanFixture()
        // Row 2 spans lines 2 and 3, so from row 3 on the row is one less than the line.
        let text = """
            school;respondent;item;score;timestamp
            noord;directie;A1;3;"20 september
            10:00"
            west;directie;A1;3;
            noord;directie;Z9;3;
            noord;directie;A2;4;
            noord;directie;A1;2;
            noord;jan@school.nl;A3;1;
            zuid;;B1;2;
            zuid;;B2;"1"x;

            """
        let file = scene.write("scan.csv", text)
        let workspace = try scene.workspace()
        let instrument = try #require(workspace.scanInstruments.first { $0.id == "proef" })
        let reader = ScanImport(instrument: instrument, schools: workspace.config.schools)
        #expect(throws: ScanImport.Rejected(file: file, problems: [
            .init(row: 3, line: 4, message: "no school \"west\" in the configuration; expected a school id or name: noord, zuid, oost"),
            .init(row: 4, line: 5, message: "no item \"Z9\" in instrument proef; its items are A1–A4, B1–B4"),
            .init(row: 5, line: 6, message: "\"4\" is not a level of instrument proef; expected 1, 2, 3 or \"nog in startfase\", "
                  + "\"gedeeltelijk ontwikkeld\", \"sterk ontwikkeld\""),
            .init(row: 6, line: 7, message: "a second answer for school noord, respondent \"directie\", item A1 (the first is on row 2)"),
            .init(row: 7, line: 8, message: "a respondent label holds no e-mail addresses or control characters; "
                  + "use a label such as \"directie\" or \"schoolopleider 1\""),
            .init(row: 9, line: 10, message: "text follows a closing double quote in field 4; a quoted field ends at its closing quote "
                  + "(write a quote inside it as \"\")"),
        ])) {
            try reader.read(Array(text.utf8), file: file)
        }

        let r = scene.koers("scan", "import", "zelfscan-2024", file, "--instrument", "proef", "--on", "2024-09-20")
        #expect(r.exitCode == .invalidData)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("\(file):4: row 3: no school \"west\""))
        #expect(r.stderr.hasSuffix("Error: 6 problem(s); nothing was imported from \(file). Fix the rows and import the file again.\n"))
        #expect(try scene.store().scanRound("zelfscan-2024") == nil, "not even the round was started")
        #expect(try scene.store().scanRounds().isEmpty)
    }

    @Test("Answers the round already has refuse the file, naming the rows that repeat them")
    func alreadyAnswered() throws {
        let scene = ScanFixture()
        var r = scene.koers("scan", "record", "zelfscan-2024", "--school", "noord", "--respondent", "directie", "A1", "2",
                            "--instrument", "proef", "--on", "2024-09-20")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        r = importFile(scene, "scan.csv", "school;respondent;item;score\nzuid;;A1;1\nnoord;directie;A1;3\nnoord;directie;A2;3\n", new: false)
        #expect(r.exitCode == .invalidData)
        #expect(r.stderr.contains(":3: row 3: school noord, respondent \"directie\", item A1 already has an answer in round "
                                  + "zelfscan-2024 (level 2); remove the row, or correct the answer with `koers scan record --replace`\n"))
        #expect(r.stderr.contains("Error: 1 problem(s); nothing was imported"))
        #expect(try answers(scene) == [ScanResponse(school: "noord", respondent: "directie", item: "A1", level: 2)])
    }

    @Test("A header Koers cannot read, a file that is not UTF-8 or has no separator: refused at row 1 or as a whole")
    func unreadable() throws {
        let scene = ScanFixture()
        var r = importFile(scene, "a.csv", "naam;vraag;score\nnoord;A1;3\n")
        #expect(r.stderr.contains("a.csv:1: row 1: unknown column \"naam\"; expected school, respondent, item (vraag) and score (niveau, level)\n"))
        #expect(r.stderr.contains("a.csv:1: row 1: no school column; expected a column named school, with the school's id or name\n"))
        r = importFile(scene, "b.csv", "school;item;score;A1\nnoord;A1;3;2\n")
        #expect(r.stderr.contains("row 1: the header has both an item column and item ids as columns"))
        r = importFile(scene, "c.csv", "school\nnoord\n")
        #expect(r.stderr.hasSuffix("c.csv: row 1: expected a header with columns separated by ; or , (e.g. school;respondent;item;score)\n"
                                   + "Error: 1 problem(s); nothing was imported from \(scene.folder)/c.csv. Fix the rows and import the file again.\n"))
        let latin1 = scene.folder + "/d.csv"
        try Data([0x73, 0x63, 0x68, 0x6F, 0x6F, 0x6C, 0x3B, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        r = scene.koers("scan", "import", "zelfscan-2024", latin1, "--instrument", "proef", "--on", "2024-09-20")
        #expect(r.stderr.hasPrefix("\(latin1): is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"\n"))
        r = importFile(scene, "e.csv", "school;item;score\n")
        #expect(r.stderr.contains("e.csv:1: row 1: the file holds no answers, only a header"))
        #expect(r.exitCode == .invalidData)
        #expect(try scene.store().scanRounds().isEmpty)
    }

    @Test("A new round needs --instrument and --on; a round keeps the instrument and day it started with")
    func rounds() throws {
        let scene = ScanFixture()
        let file = scene.write("scan.csv", "school;item;score\nnoord;A1;3\n")
        var r = scene.koers("scan", "import", "zelfscan-2024", file)
        #expect(r.exitCode == .refused)
        #expect(r.stderr == "Error: scan round \"zelfscan-2024\" is new: give --instrument ID and --on YYYY-MM-DD (the day it was held) to start it\n")
        r = scene.koers("scan", "import", "zelfscan-2024", file, "--instrument", "onbekend", "--on", "2024-09-20")
        #expect(r.stderr == "Error: no scan instrument \"onbekend\"; configured are: proef, lerende-organisatie\n")
        r = scene.koers("scan", "import", "zelfscan-2024", file, "--instrument", "proef", "--on", "2024-11-01")
        #expect(r.stderr == "Error: --on 2024-11-01 lies after today (2024-10-15); a scan round is recorded once it has been held\n")
        r = scene.koers("scan", "import", "Zelfscan 2024", file, "--instrument", "proef", "--on", "2024-09-20")
        #expect(r.exitCode == .usage)
        r = scene.koers("scan", "import", "zelfscan-2024", file, "--instrument", "proef", "--on", "2024-09-20")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        let other = scene.write("other.csv", "school;item;score\nzuid;A1;3\n")
        r = scene.koers("scan", "import", "zelfscan-2024", other, "--instrument", "lerende-organisatie")
        #expect(r.stderr == "Error: scan round zelfscan-2024 was held on 2024-09-20 with instrument proef, not --instrument "
                + "lerende-organisatie; leave those options out, or choose another round id\n")
        r = scene.koers("scan", "import", "zelfscan-2024", other)
        #expect(r.exitCode == .ok, "a second file adds to the round: \(r.stderr)")
        #expect(try answers(scene).map(\.school) == ["noord", "zuid"])
    }

    @Test("record enters one answer by school name and level label; --replace corrects it; list shows the rounds")
    func record() throws {
        let scene = ScanFixture()
        var r = scene.koers("scan", "record", "zelfscan-2024", "--school", "OBS Oostwind", "--respondent", "schoolopleider 1", "b3",
                            "sterk ontwikkeld", "--instrument", "proef", "--on", "2024-09-20")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(r.stdout == "zelfscan-2024: school oost, respondent \"schoolopleider 1\", item B3 = 3 (sterk ontwikkeld)\n")
        r = scene.koers("scan", "record", "zelfscan-2024", "--school", "oost", "--respondent", "schoolopleider 1", "B3", "1")
        #expect(r.exitCode == .refused)
        #expect(r.stderr == "Error: school oost, respondent \"schoolopleider 1\", item B3 already has an answer in round zelfscan-2024 "
                + "(level 3); use --replace to correct it\n")
        r = scene.koers("scan", "record", "zelfscan-2024", "--school", "oost", "--respondent", "schoolopleider 1", "B3", "1", "--replace")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(try answers(scene) == [ScanResponse(school: "oost", respondent: "schoolopleider 1", item: "B3", level: 1)])
        r = scene.koers("scan", "record", "zelfscan-2024", "--school", "oost", "--respondent", String(repeating: "x", count: 41), "B1", "1")
        #expect(r.stderr.hasPrefix("Error: \"xxxxxxxxxxxxxxxxxxxx…\" is too long for a respondent label (at most 40 characters)"))

        r = scene.koers("--json", "scan", "list")
        let rounds = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rounds.count == 1)
        #expect(rounds.first?["id"] as? String == "zelfscan-2024")
        #expect(rounds.first?["answers"] as? Int == 1)
        r = scene.koers("scan", "list")
        #expect(r.stdout.contains("zelfscan-2024     2024-09-20  proef                       1            1        1  –\n"))
    }
}
