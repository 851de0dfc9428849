import Foundation
@testable import KoersFormats
import KoersTestSupport
import Testing

/// `"quietPeriods": { "include": [...] }`: quiet-periods files (koers-quiet-periods/1) whose periods
/// join the inline ones, loaded and checked like every other file the configuration names.
@Suite("Quiet periods from included files")
struct QuietPeriodsIncludeTests {
    let d = PlanningFixture.date

    /// The standard fixture configuration with `quietPeriods` set to `json`.
    func config(quietPeriods json: String) -> String {
        precondition(Fixture.config.hasSuffix("\n}"))
        return String(Fixture.config.dropLast(2)) + ",\n  \"quietPeriods\": \(json)\n}"
    }

    static let noord = """
    {
      "format": "koers-quiet-periods/1",
      "source": "opendata.rijksoverheid.nl, schoolvakanties 2024-2025",
      "region": "noord",
      "periods": [
        { "name": "Herfstvakantie 2024-2025 regio noord", "from": "2024-10-19", "to": "2024-10-27" },
        { "name": "Kerstvakantie 2024-2025 regio noord", "from": "2024-12-21", "to": "2025-01-05" }
      ]
    }
    """

    @Test("Included files add their periods after the inline ones; paths are relative to the configuration's folder")
    func included() throws {
        let f = Fixture()
        f.write("vakanties/noord.json", Self.noord)
        let absolute = f.write("studiedagen.json", """
            { "format": "koers-quiet-periods/1", "periods": [ { "name": "Studiedag", "from": "2025-03-12", "to": "2025-03-12" } ] }
            """)
        f.standard(config: config(quietPeriods: """
            { "periods": [ { "name": "Bestuursdag", "from": "2024-11-15", "to": "2024-11-15" } ],
              "include": ["vakanties/noord.json", "\(absolute)"] }
            """))
        let quiet = try f.load().config.quietPeriods
        #expect(quiet.periods.map(\.name) == ["Bestuursdag", "Herfstvakantie 2024-2025 regio noord",
                                              "Kerstvakantie 2024-2025 regio noord", "Studiedag"])
        #expect(quiet.isQuiet(d("2024-10-23")) && quiet.isQuiet(d("2025-01-03")) && quiet.isQuiet(d("2025-03-12")))
        #expect(quiet.period(containing: d("2024-10-23"))?.name == "Herfstvakantie 2024-2025 regio noord")
        #expect(quiet.lastWorkingDay(onOrBefore: d("2024-12-24")) == d("2024-12-20"))
        #expect(quiet.weekends)
    }

    @Test("An error in an included file names that file, the line, the column and the JSON path, and nothing loads")
    func errorInIncluded() throws {
        let f = Fixture()
        let text = Self.noord
            .replacingOccurrences(of: "\"to\": \"2025-01-05\"", with: "\"to\": \"2025-01-32\"")
            .replacingOccurrences(of: "\"region\": \"noord\"", with: "\"regio\": \"noord\"")
        let included = f.write("vakanties-noord.json", text)
        f.standard(config: config(quietPeriods: #"{ "include": ["vakanties-noord.json"] }"#))
        let loaded = f.check()
        #expect(loaded.workspace == nil)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.allSatisfy { $0.file == included })
        let to = try #require(errors.first { $0.path?.description == "periods[1].to" })
        let at = sourcePosition(of: "\"2025-01-32\"", in: text)
        #expect(to.description == "\(included):\(at.line):\(at.column): error: periods[1].to: \"2025-01-32\" is not valid here; expected a day YYYY-MM-DD")
        let unknown = try #require(errors.first { $0.path?.description == "regio" })
        #expect(unknown.message.hasPrefix("unknown key \"regio\"; did you mean \"region\"? expected one of:"))
        #expect(throws: Workspace.Invalid.self) { try f.load() }
    }

    @Test("A missing included file, a file of another format and a wrong include value are each reported")
    func wrongIncludes() {
        let f = Fixture()
        f.write("agenda-copy.json", Fixture.agenda)
        f.standard(config: config(quietPeriods: #"{ "include": ["ontbreekt.json", "agenda-copy.json", 7] }"#))
        let errors = f.check().diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.file == f.folder + "/ontbreekt.json" && $0.message == "no such file" })
        #expect(errors.contains {
            $0.file == f.folder + "/agenda-copy.json" && $0.path?.description == "format"
                && $0.message == "\"koers-agenda/1\" is not a format this Koers reads; expected \"koers-quiet-periods/1\""
        })
        #expect(errors.contains {
            $0.file == f.folder + "/koers.json" && $0.path?.description == "quietPeriods.include[2]"
                && $0.message.contains("expected the path of a quiet-periods file")
        }, "\(errors)")
    }

    @Test("Loading again (what SIGHUP does) reads the included files again")
    func reload() throws {
        let f = Fixture()
        f.write("vakanties.json", Self.noord)
        f.standard(config: config(quietPeriods: #"{ "include": ["vakanties.json"] }"#))
        #expect(try f.load().config.quietPeriods.periods.count == 2)
        f.write("vakanties.json", Self.noord.replacingOccurrences(of: "\"2024-12-21\"", with: "\"2024-12-14\""))
        let quiet = try f.load().config.quietPeriods
        #expect(quiet.periods.map(\.range.lowerBound) == [d("2024-10-19"), d("2024-12-14")])
    }

    @Test("The example configuration takes the same twelve school holidays of region noord from its included file")
    func example() throws {
        let quiet = try PlanningFixture.bundled().config.quietPeriods
        let ranges = [("2024-10-19", "2024-10-27"), ("2024-12-21", "2025-01-05"), ("2025-02-15", "2025-02-23"),
                      ("2025-04-26", "2025-05-04"), ("2025-07-12", "2025-08-24"), ("2025-10-18", "2025-10-26"),
                      ("2025-12-20", "2026-01-04"), ("2026-02-14", "2026-02-22"), ("2026-04-25", "2026-05-03"),
                      ("2026-07-04", "2026-08-16"), ("2026-10-17", "2026-10-25"), ("2026-12-19", "2027-01-03")]
        #expect(quiet.ranges == ranges.map { d($0.0)...d($0.1) })
        #expect(quiet.periods.allSatisfy { $0.name.hasSuffix(" regio noord") })
    }
}
