import Foundation
@testable import KoersFormats
import KoersTestSupport
import Testing

/// `koers export csv`: RFC 4180 quoting, the formula-injection guard, the Excel defaults, and the
/// step table read back by Python's csv module.
@Suite("CSV export")
struct CSVExportTests {
    @Test("a field is quoted only when it holds the separator, a double quote, CR or LF; inner quotes are doubled")
    func quoting() {
        #expect(CSVTable.field("gewoon", separator: ";") == "gewoon")
        #expect(CSVTable.field("a, b", separator: ";") == "a, b", "a comma is no separator here")
        #expect(CSVTable.field("a; b", separator: ";") == "\"a; b\"")
        #expect(CSVTable.field("a, b", separator: ",") == "\"a, b\"")
        #expect(CSVTable.field("zei \"ja\"", separator: ";") == "\"zei \"\"ja\"\"\"")
        #expect(CSVTable.field("een\ntwee", separator: ";") == "\"een\ntwee\"")
        #expect(CSVTable.field("een\r\ntwee", separator: ";") == "\"een\r\ntwee\"")
        #expect(CSVTable.field("", separator: ";") == "")
    }

    @Test("a quote or separator followed by a combining mark is still seen, because quoting works on scalars")
    func combiningMarks() {
        #expect(CSVTable.field("a;\u{301}b", separator: ";") == "\"a;\u{301}b\"")
        #expect(CSVTable.field("a\"\u{301}b", separator: ";") == "\"a\"\"\u{301}b\"")
    }

    @Test("fields starting with = + - @ tab or CR get a leading apostrophe; the same characters later do not")
    func injectionGuard() {
        #expect(CSVTable.guarded("=HYPERLINK(\"http://evil.example\")") == "'=HYPERLINK(\"http://evil.example\")")
        #expect(CSVTable.guarded("+31 6 1234") == "'+31 6 1234")
        #expect(CSVTable.guarded("- ii. Netwerk werkplekbegeleiders") == "'- ii. Netwerk werkplekbegeleiders")
        #expect(CSVTable.guarded("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVTable.guarded("\t=1") == "'\t=1")
        #expect(CSVTable.guarded("\r=1") == "'\r=1")
        #expect(CSVTable.guarded("＝1+1") == "'＝1+1", "the full-width equals sign too")
        #expect(CSVTable.guarded("Co-OP'er = 1 + 1") == "Co-OP'er = 1 + 1")
        #expect(CSVTable.guarded("2024-H1") == "2024-H1")
        // Guarded first, then quoted: the apostrophe is inside the quotes.
        #expect(CSVTable.field("=1;2", separator: ";") == "\"'=1;2\"")
    }

    @Test("the file starts with a byte order mark and ends every row with CRLF; --no-bom leaves the mark out")
    func bomAndLineEnds() {
        let table = CSVTable(header: ["a", "b"], rows: [["1", "2"], ["3", "4"]])
        #expect(Array(table.text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(table.text == "\u{FEFF}a;b\r\n1;2\r\n3;4\r\n")
        var plain = table
        plain.byteOrderMark = false
        plain.separator = "\t"
        #expect(plain.text == "a\tb\r\n1\t2\r\n3\t4\r\n")
    }

    @Test("--separator takes one character or 'tab', and refuses quotes, apostrophes, line breaks and formula characters")
    func separators() throws {
        #expect(try CSVTable.separator(parsing: ",") == ",")
        #expect(try CSVTable.separator(parsing: "tab") == "\t")
        #expect(try CSVTable.separator(parsing: "|") == "|")
        for bad in ["\"", "'", "\n", ";;", "", "=", "-"] {
            #expect(throws: CSVTable.SeparatorError.unusable(bad)) { try CSVTable.separator(parsing: bad) }
        }
    }

    @Test("the step table has the twelve Dutch columns and each step's status as of the moment")
    func stepTable() throws {
        let workspace = try ExportFixture.workspace()
        let set = ExportFixture.set(workspace, ExportFixture.midway)
        let export = StepTableExport(set, moment: ExportFixture.day("2024-10-15"), timeZone: .amsterdam)
        #expect(StepTableExport.header == ["agenda", "waarborg", "activiteit", "stap", "tekst", "halfjaar", "fase", "rollen",
                                           "status", "verplaatst naar", "laatst gewijzigd", "notitie"])
        #expect(export.rows.map { $0[3] } == ["LL-A1", "LL-A2", "LL-A3", "LL-A4", "KC-B1", "KC-B2"], "document order")
        #expect(export.rows[0] == ["mini", "Lerende leraar", "LL-a", "LL-A1",
                                   #"Oriëntatie; beroepsbeeld, "concept" en map \\server\agenda"#, "2023-H1", "PLAN",
                                   "Schoolleiders (stelt voor), Directieteam (besluit)", "afgerond", "", "2023-05-10",
                                   "Afgerond; zie verslag"])
        #expect(export.rows[1][8...] == ["uitgesteld", "2024-H1", "2023-12-01", "Schuift door"])
        #expect(export.rows[2][8...] == ["gepland", "", "", ""])
        #expect(export.rows[4][8...] == ["vervallen", "", "2023-10-01", ""])
        // As of an earlier day, later changes do not count.
        let earlier = StepTableExport(set, moment: ExportFixture.day("2023-06-01"), timeZone: .amsterdam)
        #expect(earlier.rows[1][8...] == ["gepland", "", "", ""])
    }

    @Test("Python's csv module (delimiter ';', utf-8-sig) reads back every field exactly, guards included")
    func readBackByPython() throws {
        let workspace = try ExportFixture.workspace()
        let export = StepTableExport(ExportFixture.set(workspace, ExportFixture.midway), moment: ExportFixture.day("2024-10-15"),
                                     timeZone: .amsterdam)
        let script = """
        import csv, json, sys
        with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f, delimiter=";"))
        with open(sys.argv[1], "rb") as f:
            data = f.read()
        json.dump({"rows": rows, "bom": data[:3] == b"\\xef\\xbb\\xbf", "crlf": data.endswith(b"\\r\\n")}, sys.stdout)
        """
        struct Parsed: Decodable { var rows: [[String]]; var bom: Bool; var crlf: Bool }
        let json = try Python.withFile(export.table().text) { path in try Python.run(["-c", script, path]) }
        let parsed = try JSONDecoder().decode(Parsed.self, from: json)
        #expect(parsed.bom)
        #expect(parsed.crlf)
        #expect(parsed.rows.first == StepTableExport.header, "the byte order mark is not part of the first column name")
        #expect(parsed.rows.count == 7)
        #expect(parsed.rows.allSatisfy { $0.count == 12 })
        let expected = export.rows.map { $0.map(CSVTable.guarded) }
        #expect(Array(parsed.rows.dropFirst()) == expected)
        #expect(parsed.rows[2][4] == "'- ii. Netwerk werkplekbegeleiders\nper school", "guarded, and the line break kept inside the quotes")
        #expect(parsed.rows[3][4] == "'=HYPERLINK(\"http://evil.example\";\"klik\")")
        #expect(parsed.rows[6][11] == "'=1+1 \"gestart\"", "notes are guarded too")
        #expect(parsed.rows[4][4] == ExportFixture.longText)
    }
}
