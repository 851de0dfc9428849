import Foundation
@testable import KoersCLI
@testable import KoersFormats
@testable import KoersModel
import KoersTestSupport
import Testing

/// `koers holidays import`: the government's school holidays (opendata.rijksoverheid.nl) become a
/// quiet-periods file for one region.
@Suite("Importing the school holidays")
struct HolidayImportTests {
    static let sample = Fixture.repository + "/Tests/Support/Holidays/schoolvakanties-2024-2026.json"
    static let excerpt = Fixture.repository + "/Tests/Support/Holidays/schoolvakanties-2026-2027-excerpt.json"
    let d = PlanningFixture.date

    func load(_ path: String) throws -> SchoolHolidays {
        let log = DiagnosticLog(file: path)
        let holidays = SchoolHolidays.load(path, log: log)
        #expect(log.items.isEmpty, "\(log.items)")
        return try #require(holidays)
    }

    /// Decodes `text` as a holidays file; the result and every diagnostic.
    func decode(_ text: String) throws -> (SchoolHolidays?, [Diagnostic]) {
        let log = DiagnosticLog(file: "vakanties.json")
        let root = try JSONParser.parse(Array(text.utf8))
        let holidays = SchoolHolidays.decode(root, log: log)
        return (log.hasErrors ? nil : holidays, log.items)
    }

    func summary(_ periods: [QuietPeriods.Period]) -> [String] {
        periods.map { "\($0.name): \($0.range.lowerBound)…\($0.range.upperBound)" }
    }

    @Test("The sample of two school years gives the ten holidays of region noord, the nationwide ones included")
    func noord() throws {
        let holidays = try load(Self.sample)
        #expect(holidays.schoolYears == ["2024-2025", "2025-2026"])
        #expect(summary(holidays.periods(for: .noord)) == [
            "Herfstvakantie 2024-2025 regio noord: 2024-10-19…2024-10-27",
            "Kerstvakantie 2024-2025 regio noord: 2024-12-21…2025-01-05",
            "Voorjaarsvakantie 2024-2025 regio noord: 2025-02-15…2025-02-23",
            "Meivakantie 2024-2025 regio noord: 2025-04-26…2025-05-04",
            "Zomervakantie 2024-2025 regio noord: 2025-07-12…2025-08-24",
            "Herfstvakantie 2025-2026 regio noord: 2025-10-18…2025-10-26",
            "Kerstvakantie 2025-2026 regio noord: 2025-12-20…2026-01-04",
            "Voorjaarsvakantie 2025-2026 regio noord: 2026-02-14…2026-02-22",
            "Meivakantie 2025-2026 regio noord: 2026-04-25…2026-05-03",
            "Zomervakantie 2025-2026 regio noord: 2026-07-04…2026-08-16",
        ])
    }

    @Test("Each region gets its own dates and the ones for heel Nederland")
    func regions() throws {
        let holidays = try load(Self.sample)
        let midden = holidays.periods(for: .midden), zuid = holidays.periods(for: .zuid)
        #expect(midden.count == 10 && zuid.count == 10)
        #expect(summary(midden).first == "Herfstvakantie 2024-2025 regio midden: 2024-10-26…2024-11-03")
        #expect(summary(zuid).contains("Zomervakantie 2024-2025 regio zuid: 2025-07-05…2025-08-17"))
        #expect(summary(zuid).contains("Herfstvakantie 2025-2026 regio zuid: 2025-10-11…2025-10-19"))
        for region in SchoolHolidays.Region.allCases {
            let christmas = holidays.periods(for: region).filter { $0.name.hasPrefix("Kerstvakantie 2024-2025") }
            #expect(christmas.map(\.range) == [d("2024-12-21")...d("2025-01-05")], "\(region)")
        }
        #expect(!summary(midden).contains { $0.contains("noord") || $0.contains("zuid") })
    }

    @Test("A moment at UTC midnight and Amsterdam midnight written in UTC mean the same day, summer and winter")
    func amsterdamDays() throws {
        func days(_ start: String, _ end: String) throws -> String? {
            let (holidays, problems) = try decode("""
                { "content": [ { "schoolyear": "2024-2025", "vacations": [ { "type": "Kerstvakantie", "regions": [
                  { "region": "heel Nederland", "startdate": "\(start)", "enddate": "\(end)" } ] } ] } ] }
                """)
            #expect(problems.isEmpty, "\(problems)")
            return holidays?.vacations.first.map { "\($0.range.lowerBound)…\($0.range.upperBound)" }
        }
        // Summer time (UTC+2), across the switch to winter time on 27 October, and winter time (UTC+1).
        #expect(try days("2024-10-19T00:00:00.000Z", "2024-10-27T00:00:00.000Z") == "2024-10-19…2024-10-27")
        #expect(try days("2024-10-18T22:00:00.000Z", "2024-10-26T22:00:00.000Z") == "2024-10-19…2024-10-27")
        #expect(try days("2024-12-20T23:00:00.000Z", "2025-01-04T23:00:00.000Z") == "2024-12-21…2025-01-05")
        #expect(try days("2024-12-21T00:00:00+01:00", "2025-01-05") == "2024-12-21…2025-01-05")
        // The 2025-2026 year of the sample is written as Amsterdam midnight in UTC throughout.
        let sample = try load(Self.sample)
        let autumn = try #require(sample.periods(for: .noord).first { $0.name == "Herfstvakantie 2025-2026 regio noord" })
        #expect(autumn.range == d("2025-10-18")...d("2025-10-26"))
    }

    @Test("The holiday's type loses its trailing spaces, and keys Koers does not use are ignored")
    func tolerant() throws {
        let (holidays, problems) = try decode("""
            { "id": "x", "type": "Schoolvakanties", "canonical": "https://www.rijksoverheid.nl/x", "license": "CC0",
              "lastmodified": "2024-06-03T09:12:44.000Z", "dataurl": "https://opendata.rijksoverheid.nl/x",
              "content": [ { "title": "Schoolvakanties 2024-2025", "schoolyear": "2024-2025", "extra": 1,
                "vacations": [ { "type": "  Herfstvakantie   ", "compulsorydates": "false", "regions": [
                  { "region": "Noord ", "startdate": "2024-10-19T00:00:00.000Z", "enddate": "2024-10-27T00:00:00.000Z", "note": null } ] } ] } ] }
            """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(holidays?.periods(for: .noord).map(\.name) == ["Herfstvakantie 2024-2025 regio noord"])
        #expect(holidays?.periods(for: .zuid) == [])
    }

    @Test("Every problem in a holidays file is reported at once, with line, column and JSON path")
    func errors() throws {
        let text = """
            { "content": [ { "schoolyear": "2024-2025", "vacations": [
              { "type": "Herfstvakantie", "regions": [
                { "region": "noord", "startdate": "2024-10-32T00:00:00.000Z", "enddate": "2024-10-27T00:00:00.000Z" },
                { "region": "west", "startdate": "2024-10-19T00:00:00.000Z", "enddate": "2024-10-27T00:00:00.000Z" } ] },
              { "type": "Kerstvakantie", "regio's": [] },
              { "type": "Meivakantie", "regions": [
                { "region": "heel Nederland", "startdate": "2025-05-04T00:00:00.000Z", "enddate": "2025-04-26T00:00:00.000Z" } ] }
            ] } ] }
            """
        let (holidays, problems) = try decode(text)
        #expect(holidays == nil)
        #expect(problems.count == 4, "\(problems)")
        let badDate = try #require(problems.first { $0.path?.description == "content[0].vacations[0].regions[0].startdate" })
        #expect(badDate.position == sourcePosition(of: "\"2024-10-32", in: text))
        #expect(badDate.message.contains("\"2024-10-32T00:00:00.000Z\""))
        #expect(badDate.message.contains("2024-10-19T00:00:00.000Z"), "says what would be valid")
        #expect(badDate.description.hasPrefix("vakanties.json:3:"))

        let region = try #require(problems.first { $0.path?.description == "content[0].vacations[0].regions[1].region" })
        #expect(region.message.contains("\"west\"") && region.message.contains("\"heel Nederland\""))
        #expect(region.position == sourcePosition(of: "\"west\"", in: text))

        let noList = try #require(problems.first { $0.path?.description == "content[0].vacations[1]" })
        #expect(noList.message == "missing required key \"regions\" (a list of regions with their dates)")
        #expect(noList.position == sourcePosition(of: "{ \"type\": \"Kerstvakantie\"", in: text))

        let backwards = try #require(problems.first { $0.path?.description == "content[0].vacations[2].regions[0]" })
        #expect(backwards.message == "Meivakantie ends (2025-04-26) before it starts (2025-05-04)")
    }

    @Test("A file that is not the holidays JSON is refused by what it lacks")
    func notHolidays() throws {
        var (holidays, problems) = try decode(#"[ { "content": [] } ]"#)
        #expect(holidays == nil)
        #expect(problems.map(\.message) == ["expected the school holidays as opendata.rijksoverheid.nl publishes them, with \"content\" (a JSON object), found an array of 1 item"])
        (holidays, problems) = try decode(#"{ "format": "koers-quiet-periods/1", "periods": [] }"#)
        #expect(problems.map(\.message) == ["missing required key \"content\" (a list of school years)"])
        (holidays, problems) = try decode(#"{ "content": [ { "schoolyear": "2024", "vacations": [] } ] }"#)
        #expect(problems.map(\.message) == ["\"2024\" is not valid here; expected a school year such as \"2024-2025\""])
    }

    @Test("A holiday listed for the region and for heel Nederland counts once; with other dates it is an error")
    func listedTwice() throws {
        func doc(_ end: String) -> String {
            """
            { "content": [ { "schoolyear": "2024-2025", "vacations": [ { "type": "Meivakantie", "regions": [
              { "region": "heel Nederland", "startdate": "2025-04-26", "enddate": "2025-05-04" },
              { "region": "noord", "startdate": "2025-04-26", "enddate": "\(end)" } ] } ] } ] }
            """
        }
        let (same, _) = try decode(doc("2025-05-04"))
        #expect(try #require(same).periods(for: .noord).count == 1)
        let (other, _) = try decode(doc("2025-05-11"))
        let log = DiagnosticLog(file: "vakanties.json")
        #expect(try #require(other).periods(for: .noord, log: log).count == 1)
        #expect(log.items.count == 1)
        #expect(log.items.first?.path?.description == "content[0].vacations[0].regions[1]")
        #expect(log.items.first?.message.contains("Meivakantie 2024-2025 regio noord is listed twice") == true)
    }

    @Test("Merging replaces periods of the same name, keeps the others and sorts by start day")
    func merging() {
        let existing = QuietPeriodsFile(source: "hand-made", region: "noord", periods: [
            .init(name: "Studiedag", d("2025-03-12")...d("2025-03-12")),
            .init(name: "Herfstvakantie 2024-2025 regio noord", d("2024-10-12")...d("2024-10-20")),
            .init(name: "Kerstvakantie 2024-2025 regio noord", d("2024-12-21")...d("2025-01-05")),
        ])
        let imported: [QuietPeriods.Period] = [
            .init(name: "Herfstvakantie 2024-2025 regio noord", d("2024-10-19")...d("2024-10-27")),
            .init(name: "Kerstvakantie 2024-2025 regio noord", d("2024-12-21")...d("2025-01-05")),
            .init(name: "Voorjaarsvakantie 2024-2025 regio noord", d("2025-02-15")...d("2025-02-23")),
        ]
        let (merged, count) = existing.merging(imported)
        #expect(count == .init(added: 1, replaced: 2, kept: 1))
        #expect(summary(merged.periods) == [
            "Herfstvakantie 2024-2025 regio noord: 2024-10-19…2024-10-27",
            "Kerstvakantie 2024-2025 regio noord: 2024-12-21…2025-01-05",
            "Voorjaarsvakantie 2024-2025 regio noord: 2025-02-15…2025-02-23",
            "Studiedag: 2025-03-12…2025-03-12",
        ])
        #expect(merged.source == "hand-made" && merged.region == "noord")
    }

    @Test("The written file reads back as the same periods")
    func roundTrip() throws {
        let file = QuietPeriodsFile(source: "test", region: "zuid", periods: try load(Self.sample).periods(for: .zuid))
        let log = DiagnosticLog(file: "x.json")
        let back = QuietPeriodsFile.decode(try JSONParser.parse(Array(file.text.utf8)), log: log)
        #expect(log.items.isEmpty, "\(log.items)")
        #expect(back == file)
        #expect(file.text.hasPrefix("{\n  \"format\": \"koers-quiet-periods/1\",\n  \"source\": \"test\",\n  \"region\": \"zuid\",\n"))
        #expect(file.text.hasSuffix("}\n"))
    }

    // MARK: - The command, in process

    func koers(_ arguments: String...) -> CommandOutput { KoersTool.run(arguments, environment: [:]) }

    @Test("Without --out the file goes to stdout and a summary to stderr")
    func stdout() throws {
        let r = koers("holidays", "import", Self.sample, "--region", "noord")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(r.stderr == "Imported 10 quiet period(s) for region noord (2024-10-19 … 2026-08-16) from \(Self.sample).\n")
        let log = DiagnosticLog(file: "stdout")
        let file = try #require(QuietPeriodsFile.decode(try JSONParser.parse(Array(r.stdout.utf8)), log: log))
        #expect(log.items.isEmpty)
        #expect(file.region == "noord")
        #expect(file.source == "opendata.rijksoverheid.nl, schoolvakanties 2024-2025, 2025-2026")
        #expect(file.periods == (try load(Self.sample)).periods(for: .noord))
    }

    @Test("With --out a second import merges into the file: same names replaced, others kept")
    func out() throws {
        let f = Fixture()
        let out = f.folder + "/vakanties-noord.json"
        var r = koers("holidays", "import", Self.sample, "--region", "noord", "--out", out)
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasSuffix("into \(out): 10 new, 0 replaced, 0 kept.\n"))
        // A period added by hand survives the next import.
        let text = try String(contentsOfFile: out, encoding: .utf8)
        f.write("vakanties-noord.json", text.replacingOccurrences(
            of: "  \"periods\": [\n",
            with: "  \"periods\": [\n    { \"name\": \"Studiedag\", \"from\": \"2025-03-12\", \"to\": \"2025-03-12\" },\n"))
        r = koers("holidays", "import", Self.excerpt, "--region", "noord", "--out", out, "--json")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(summary["imported"] as? Int == 2 && summary["added"] as? Int == 2 && summary["kept"] as? Int == 11)
        r = koers("holidays", "import", Self.sample, "--region", "noord", "--out", out)
        #expect(r.stderr.hasSuffix(": 0 new, 10 replaced, 3 kept.\n"), "\(r.stderr)")
        let log = DiagnosticLog(file: out)
        let file = try #require(QuietPeriodsFile.load(out, log: log))
        #expect(file.periods.count == 13)
        #expect(file.periods.map(\.range.lowerBound) == file.periods.map(\.range.lowerBound).sorted())
        #expect(file.periods.contains { $0.name == "Studiedag" })
        #expect(file.source == "opendata.rijksoverheid.nl, schoolvakanties 2024-2025, 2025-2026, 2026-2027")
        #expect(!((try? FileManager.default.contentsOfDirectory(atPath: f.folder)) ?? []).contains { $0.hasPrefix(".") },
                "no temporary file left behind")
    }

    @Test("An existing --out of another region or format is left alone")
    func outRefused() throws {
        let f = Fixture()
        let out = f.folder + "/vakanties.json"
        #expect(koers("holidays", "import", Self.sample, "--region", "zuid", "--out", out).exitCode == .ok)
        let before = try String(contentsOfFile: out, encoding: .utf8)
        var r = koers("holidays", "import", Self.sample, "--region", "noord", "--out", out)
        #expect(r.exitCode == .refused)
        #expect(r.stderr == "Error: \(out) holds the holidays of region zuid, not noord; nothing was written. "
                + "Import --region zuid into it, or write region noord to another --out.\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == before)

        let config = f.standard()
        r = koers("holidays", "import", Self.sample, "--region", "noord", "--out", config)
        #expect(r.exitCode == .invalidData)
        #expect(r.stderr.contains("\(config):2:13: error: format: \"koers-config/1\" is not a format this Koers reads; expected \"koers-quiet-periods/1\""), "\(r.stderr)")
        #expect(r.stderr.hasSuffix("is not a quiet-periods file (koers-quiet-periods/1) to merge into; nothing was written. Fix it, or choose another --out.\n"))
        #expect(try String(contentsOfFile: config, encoding: .utf8) == Fixture.config)
    }

    @Test("A malformed holidays file writes nothing and names file, line and column")
    func malformed() throws {
        let f = Fixture()
        let bad = f.write("bad.json", try String(contentsOfFile: Self.sample, encoding: .utf8)
            .replacingOccurrences(of: "\"2025-02-15T00:00:00.000Z\"", with: "\"15-02-2025\""))
        let out = f.folder + "/out.json"
        let r = koers("holidays", "import", bad, "--region", "noord", "--out", out)
        #expect(r.exitCode == .invalidData)
        let text = try String(contentsOfFile: bad, encoding: .utf8)
        let at = sourcePosition(of: "\"15-02-2025\"", in: text)
        #expect(r.stderr.hasPrefix("\(bad):\(at.line):\(at.column): error: content[0].vacations[2].regions[0].startdate: \"15-02-2025\" is not valid here"), "\(r.stderr)")
        #expect(r.stderr.hasSuffix("Error: 1 error(s); nothing was written; fix \(bad) or download it again.\n"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("Command-line mistakes are usage errors (64) that say what is valid")
    func usage() {
        var r = koers("holidays", "import", Self.sample, "--region", "west")
        #expect(r.exitCode == .usage)
        #expect(r.stderr.hasPrefix("Error: unknown region \"west\"; expected one of: noord, midden, zuid\n\nUsage: koers holidays import"))
        r = koers("holidays", "import", Self.sample)
        #expect(r.exitCode == .usage)
        #expect(r.stderr.hasPrefix("Error: missing --region; expected one of: noord, midden, zuid\n"))
        r = koers("holidays", "export", Self.sample, "--region", "noord")
        #expect(r.exitCode == .usage && r.stderr.hasPrefix("Error: unknown action \"export\"; expected import\n"))
        r = koers("holidays", "import", Self.sample, "--region", "noord", "--json")
        #expect(r.exitCode == .usage && r.stderr.contains("without --out the file itself goes to stdout"))
        r = koers("holidays", "--help")
        #expect(r.exitCode == .ok && r.stdout.hasPrefix("Usage: koers holidays import FILE --region noord|midden|zuid"))
    }
}

/// The 1-based line and column (in Unicode scalars) where `needle` first occurs in `text`.
func sourcePosition(of needle: String, in text: String) -> SourcePosition {
    guard let range = text.range(of: needle) else { return .zero }
    let before = text[..<range.lowerBound]
    let line = before.split(separator: "\n", omittingEmptySubsequences: false).count
    let column = (before.split(separator: "\n", omittingEmptySubsequences: false).last?.unicodeScalars.count ?? 0) + 1
    return SourcePosition(line: line, column: column)
}
