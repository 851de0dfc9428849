import Foundation
@testable import KoersCLI
@testable import KoersModel
@testable import KoersStore
import KoersTestSupport
import Testing

@Suite("koers measure: recording and listing indicator measurements")
struct MeasureCommandTests {
    @Test("A measurement is stored for its agenda, indicator and day, with its note")
    func records() throws {
        let scene = MeasureScene()
        let r = scene.koers("measure", "plekken", "18", "--on", "2024-04-10", "--note", "Telling april")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(r.stdout == "plekken: 18 plekken (2024-04-10)\n")
        #expect(scene.koers("measure", "PLEKKEN", "72,5", "--on", "2024-05-01").exitCode == .ok, "ids are typed in any case")
        #expect(scene.koers("measure", "studenten", "21.25", "--on", "2024-05-01").exitCode == .ok)
        let stored = try scene.store().measurements()
        #expect(stored == [
            IndicatorMeasurement(agenda: "meet", indicator: "plekken", value: 18, on: LocalDate("2024-04-10")!, note: "Telling april"),
            IndicatorMeasurement(agenda: "meet", indicator: "plekken", value: 72.5, on: LocalDate("2024-05-01")!),
            IndicatorMeasurement(agenda: "meet", indicator: "studenten", value: 21.25, on: LocalDate("2024-05-01")!),
        ])
    }

    @Test("A value that is not a plain number is a usage error and nothing is stored")
    func badValue() throws {
        let scene = MeasureScene()
        for bad in ["abc", "1.234", "12,", "1e3", "18 plekken", "", "12,5,0"] {
            let r = scene.koers("measure", "plekken", bad, "--on", "2024-04-10")
            #expect(r.exitCode == .usage, "\(bad)")
            #expect(r.stderr.hasPrefix("Error: \"\(bad)\" is not a number; expected e.g. 18, 72,5 or 72.5 (at most two decimals, no thousands separators)\n"),
                    "\(r.stderr)")
        }
        #expect(try scene.store().measurementRecords().isEmpty)
        let negative = scene.koers("measure", "plekken", "--on", "2024-04-10", "--", "-3")
        #expect(negative.exitCode == .ok, "a negative value goes after --: \(negative.stderr)")
    }

    @Test("An unknown indicator is a usage error that lists the known ones")
    func unknownIndicator() throws {
        let scene = MeasureScene()
        let r = scene.koers("measure", "leerwerkplekken", "18", "--on", "2024-04-10")
        #expect(r.exitCode == .usage)
        #expect(r.stderr.hasPrefix("Error: no indicator \"leerwerkplekken\"; known indicators: plekken, studenten\n\nUsage: koers measure"))
        #expect(scene.koers("measure").stderr.hasPrefix("Error: missing INDICATOR (plekken, studenten)\n"))
        #expect(scene.koers("measure", "plekken", "18", "--agenda", "elders", "--on", "2024-04-10").stderr
            .hasPrefix("Error: --agenda \"elders\" is not a loaded agenda; loaded are: meet\n"))
        #expect(try scene.store().measurementRecords().isEmpty)
    }

    @Test("--on is required, a date, and not after today")
    func day() {
        let scene = MeasureScene()
        let cases: [([String], String)] = [
            (["measure", "plekken", "18"], "missing --on YYYY-MM-DD: the day the value was counted"),
            (["measure", "plekken", "18", "--on", "april"], "--on \"april\" is not a date; expected YYYY-MM-DD"),
            (["measure", "plekken", "18", "--on", "2024-10-16"], "--on 2024-10-16 is in the future (today is 2024-10-15)"),
            (["measure", "plekken", "18", "19", "--on", "2024-10-01"], "unexpected argument \"19\""),
        ]
        for (arguments, message) in cases {
            let r = KoersTool.run(["--config", scene.fixture.folder + "/koers.json"] + arguments, environment: [:],
                                  clock: FixedClock(scene.tz.moment(LocalDate("2024-10-15")!, hour: 12)))
            #expect(r.exitCode == .usage)
            #expect(r.stderr.hasPrefix("Error: \(message)\n"), "\(r.stderr)")
        }
    }

    @Test("A second value for the same day corrects the first; both stay, and --list shows which counts")
    func correction() throws {
        let scene = MeasureScene()
        _ = scene.koers("measure", "plekken", "14", "--on", "2023-11-15")
        _ = scene.koers("measure", "plekken", "17", "--on", "2024-04-10")
        let r = scene.koers("measure", "plekken", "18", "--on", "2024-04-10", "--note", "Telling april")
        #expect(r.stdout == "plekken: 18 plekken (2024-04-10), replacing the value recorded earlier for that day\n")
        let store = try scene.store()
        #expect(try store.measurementRecords().map(\.replaced) == [false, true, false])
        #expect(try store.measurements().map(\.value) == [14, 18])

        let list = scene.koers("measure", "--list", "plekken")
        #expect(list.exitCode == .ok, "\(list.stderr)")
        #expect(list.stdout == """
            Leerwerkplekken (plekken)
              nulmeting:  10 plekken (september 2022)
              doel:       30 plekken (juli 2026)
              2023-11-15  14 plekken
              2024-04-10  17 plekken (vervangen door latere opgave)
              2024-04-10  18 plekken. Telling april

            """)
        let all = scene.koers("measure", "--list")
        #expect(all.stdout.hasSuffix("Studenten (studenten)\n  nulmeting:  20 studenten (december 2021)\n  (nog geen metingen)\n"))
        let json = scene.koers("--json", "measure", "--list", "plekken")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let item = try #require((parsed["indicators"] as? [[String: Any]])?.first)
        #expect((item["measurements"] as? [[String: Any]])?.map { $0["replaced"] as? Bool } == [false, true, false])
        #expect(scene.koers("measure", "--list", "--on", "2024-01-01").stderr.hasPrefix("Error: --on does not go with --list\n"))
    }

    @Test("Measurements are append-only in the database")
    func appendOnly() throws {
        let scene = MeasureScene()
        _ = scene.koers("measure", "plekken", "14", "--on", "2023-11-15")
        let store = try scene.store()
        #expect(throws: StoreError.self) { try store.database.run("UPDATE measurement SET value = 15") }
        #expect(throws: StoreError.self) { try store.database.run("DELETE FROM measurement") }
        #expect(try store.measurements().map(\.value) == [14])
    }

    @Test("koers check warns about measurements and spending whose indicator or activity a revision removed, and keeps them")
    func orphanedAfterRevision() throws {
        let scene = MeasureScene()
        scene.measureTrendExample()
        scene.spendBudgetExample()
        // Next year's revision renames the indicator "plekken" and drops activity KC-b.
        let revised = MeasureScene.agenda
            .replacingOccurrences(of: "{ \"id\": \"plekken\"", with: "{ \"id\": \"werkplekken\"")
            .replacingOccurrences(of: "\"id\": \"b\", \"text\": \"Evalueren.\"", with: "\"id\": \"c\", \"text\": \"Evalueren.\"")
        scene.fixture.write("agenda.json", revised)
        let r = scene.koers("check")
        #expect(r.exitCode == .ok, "warnings only: \(r.stderr)")
        let folder = scene.fixture.folder
        #expect(r.stderr.contains("\(folder)/agenda.json: warning: the database holds measurements of indicator \"plekken\", "
                                  + "which this version of agenda meet no longer has; reports leave them out until the indicator or its id is restored (they are kept)"))
        #expect(r.stderr.contains("\(folder)/agenda.json: warning: the database holds spending on activity KC-b, "
                                  + "which this version of agenda meet no longer has"))
        #expect(!r.stderr.contains("activity LL-"), "spending on activities that remain is not reported")
        #expect(try scene.store().measurements().count == 2 && scene.store().spending().count == 6)

        scene.fixture.write("koers.json", try String(contentsOfFile: folder + "/koers.json", encoding: .utf8)
            .replacingOccurrences(of: "[\"agenda.json\"]", with: "[\"other.json\"]"))
        scene.fixture.write("other.json", Fixture.agenda)
        let unloaded = scene.koers("check")
        #expect(unloaded.stderr.contains("warning: the database holds measurements for agenda \"meet\", which is not loaded"))
        #expect(unloaded.stderr.contains("warning: the database holds spending for agenda \"meet\", which is not loaded"))
    }
}
