import Foundation
@testable import KoersFormats
@testable import KoersModel
import KoersTestSupport
import Testing

@Suite("Days of the school year in a trajectory template: their dates, their mistakes, and the schema in step with the decoder")
struct SchoolYearDaysTests {
    let d = { (text: String) in LocalDate(text)! }

    func days(_ list: [(Int, Int)], notBefore: Offset? = nil) -> SchoolYearDays {
        SchoolYearDays(days: list.map { SchoolYearDays.Day(month: $0.0, day: $0.1)! }, notBefore: notBefore)
    }

    @Test("The first day on or after the start plus notBefore, then on through the school years; a Saturday or Sunday becomes the Monday after")
    func dates() {
        let january = days([(1, 27)])
        #expect(january.dates(from: d("2025-01-27"), count: 1) == [d("2025-01-27")], "the start itself counts")
        #expect(january.dates(from: d("2024-12-28"), count: 3) == [d("2025-01-27"), d("2026-01-27"), d("2027-01-27")])
        // Starting on 28 December, "not before 8 weeks" keeps the conversation out of the first weeks.
        #expect(days([(1, 27)], notBefore: Offset(amount: 8, unit: .weeks)).dates(from: d("2024-12-28"), count: 1) == [d("2026-01-27")])
        // One day in each period: the next three, across the summer.
        let periods = days([(11, 11), (1, 20), (4, 7)], notBefore: Offset(amount: 4, unit: .weeks))
        #expect(periods.dates(from: d("2025-02-03"), count: 3) == [d("2025-04-07"), d("2025-11-11"), d("2026-01-20")])
        #expect(periods.dates(from: d("2024-09-02"), count: 5) == [d("2024-11-11"), d("2025-01-20"), d("2025-04-07"), d("2025-11-11"), d("2026-01-20")])
        // Sunday 15 June 2025 and Saturday 14 June 2025 are both held on Monday 16 June.
        #expect(days([(6, 15)]).dates(from: d("2025-01-01"), count: 2) == [d("2025-06-16"), d("2026-06-15")])
        #expect(days([(6, 14)]).dates(from: d("2025-01-01"), count: 1) == [d("2025-06-16")])
        // Saturday 31 December 2022 moves into the next year, where a start on 2 January still gets it.
        #expect(days([(12, 31)]).dates(from: d("2023-01-02"), count: 2) == [d("2023-01-02"), d("2024-01-01")])
        #expect(days([(1, 3), (12, 31)]).dates(from: d("2022-12-01"), count: 3) == [d("2023-01-02"), d("2023-01-03"), d("2024-01-01")])
        #expect(SchoolYearDays.Day(month: 2, day: 29) == nil, "not in every year")
        #expect(SchoolYearDays.Day(month: 4, day: 31) == nil)
    }

    @Test("Mistakes in school-year days are reported with line, column and JSON path, naming what is valid")
    func mistakes() throws {
        let setup = TrajectoryFixture()
        setup.fixture.write("traject.json", """
        {
          "format": "koers-trajectory/1", "id": "start", "title": "T", "for": "starter", "language": "nl", "start": "s",
          "events": [
            { "id": "a", "title": "A", "at": { "schoolYear": { "month": 13, "day": 1 } }, "roles": ["mentor"] },
            { "id": "b", "title": "B", "at": { "schoolYear": { "month": 4, "day": 31 } }, "roles": ["mentor"] },
            { "id": "c", "title": "C", "at": { "schoolYear": [{ "month": 6, "day": 15 }, { "month": 6, "day": 15 }] }, "roles": ["mentor"] },
            { "id": "e", "title": "E", "at": { "schoolYear": { "month": 1, "day": 27 } }, "repeat": { "every": 1, "unit": "years", "count": 3 },
              "roles": ["mentor"] },
            { "id": "f", "title": "F", "at": { "month": 1, "day": 27 }, "roles": ["mentor"] },
            { "id": "g", "title": "G", "at": { "schoolYear": { "month": 2, "day": 29 }, "notBefore": { "weeks": -1 }, "weeks": 2 },
              "roles": ["mentor"] },
            { "id": "h", "title": "H", "at": { "schoolYear": [] }, "roles": ["mentor"] }
          ]
        }
        """)
        let loaded = setup.fixture.check()
        #expect(loaded.workspace == nil)
        let text = loaded.diagnostics.map(\.description)
        func has(_ fragment: String) -> Bool { text.contains { $0.contains(fragment) } }
        #expect(has("traject.json:4:65: error: events[0].at.schoolYear.month: 13 is not valid here; expected a month from 1 (January) to 12 (December)"), "\(text)")
        #expect(has("traject.json:5:75: error: events[1].at.schoolYear.day: 31 is not valid here; expected a day of April, 1 to 30"), "\(text)")
        #expect(has("traject.json:6:82: error: events[2].at.schoolYear[1]: 15 June is listed twice; give each day once"), "\(text)")
        #expect(has("events[3].repeat.every: a school-year event comes back on its days each school year; give only \"count\""), "\(text)")
        #expect(has("events[3].repeat.unit: a school-year event"), "\(text)")
        #expect(has("traject.json:9:38: error: events[4].at: an object with 2 members is not valid here; expected an offset from the start, e.g. {\"weeks\": 6}, or days of the school year, e.g. {\"schoolYear\": {\"month\": 1, \"day\": 27}}"), "\(text)")
        #expect(has("events[5].at.schoolYear.day: 29 is not valid here; expected a day of February, 1 to 28 (29 February is not in every year)"), "\(text)")
        #expect(has("events[5].at.notBefore: an object with 1 member is not valid here; expected an offset"), "\(text)")
        #expect(has("events[5].at.weeks: unknown key \"weeks\"; expected one of: \"notBefore\", \"schoolYear\""), "\(text)")
        #expect(has("events[6].at.schoolYear: the list of days is empty"), "\(text)")
        let own = loaded.diagnostics.filter { $0.file.hasSuffix("traject.json") }
        #expect(own.count == 10 && own.allSatisfy { $0.severity == .error }, "\(own)")
    }

    @Test("A school-year event repeated beyond the duration whatever the start is a warning; one within it for some start is not")
    func duration() throws {
        func warnings(count: Int) -> [String] {
            let log = DiagnosticLog(file: "traject.json")
            let root = try! JSONParser.parse(Array("""
                { "format": "koers-trajectory/1", "id": "t", "title": "T", "for": "starter", "language": "nl", "start": "s",
                  "duration": { "years": 3 },
                  "events": [ { "id": "o", "title": "O", "at": { "schoolYear": { "month": 1, "day": 27 }, "notBefore": { "weeks": 8 } },
                                "repeat": { "count": \(count) }, "roles": ["mentor"] } ] }
                """.utf8))
            _ = TrajectoryTemplateDecoder(log: log).decode(root)
            #expect(!log.hasErrors, "\(log.items)")
            return log.items.map(\.description)
        }
        // Three yearly: from a start in November within three years, from one in January not; no warning.
        #expect(warnings(count: 3).isEmpty)
        #expect(warnings(count: 4) == ["traject.json:3:15: warning: events[0]: the last occurrence falls after the trajectory's \"duration\" (3 years); it is still reminded"])
    }

    /// Events as a Co-OP'er might write them, each the only event of a template, with whether they are valid.
    static let cases: [(event: String, valid: Bool)] = [
        (#"{ "at": { "weeks": 1 } }"#, true),
        (#"{ "at": { "weeks": 1 }, "repeat": { "every": 1, "unit": "years", "count": 3 } }"#, true),
        (#"{ "at": { "schoolYear": { "month": 1, "day": 27 } } }"#, true),
        (#"{ "at": { "schoolYear": { "month": 2, "day": 28 } }, "repeat": { "count": 3 } }"#, true),
        (#"{ "at": { "schoolYear": [{ "month": 11, "day": 11 }, { "month": 4, "day": 7 }], "notBefore": { "weeks": 6 } }, "repeat": { "count": 3 } }"#, true),
        (#"{ "at": { "schoolYear": { "month": 9, "day": 30 }, "notBefore": { "months": 9 } } }"#, true),
        (#"{ "at": { "weeks": 1 }, "repeat": { "count": 3 } }"#, false),
        (#"{ "at": { "weeks": 1, "days": 2 } }"#, false),
        (#"{ "at": { "month": 1, "day": 27 } }"#, false),
        (#"{ "at": { "notBefore": { "weeks": 2 } } }"#, false),
        (#"{ "at": { "schoolYear": { "month": 13, "day": 1 } } }"#, false),
        (#"{ "at": { "schoolYear": { "month": 0, "day": 1 } } }"#, false),
        (#"{ "at": { "schoolYear": { "month": 9, "day": 31 } } }"#, false),
        (#"{ "at": { "schoolYear": { "month": 2, "day": 29 } } }"#, false),
        (#"{ "at": { "schoolYear": { "month": 1 } } }"#, false),
        (#"{ "at": { "schoolYear": { "month": "1", "day": 27 } } }"#, false),
        (#"{ "at": { "schoolYear": { "month": 1, "day": 27, "year": 2025 } } }"#, false),
        (#"{ "at": { "schoolYear": [] } }"#, false),
        (#"{ "at": { "schoolYear": [{ "month": 6, "day": 15 }, { "month": 6, "day": 15 }] } }"#, false),
        (#"{ "at": { "schoolYear": { "month": 1, "day": 27 }, "weeks": 2 } }"#, false),
        (#"{ "at": { "schoolYear": { "month": 1, "day": 27 }, "notBefore": { "fortnights": 1 } } }"#, false),
        (#"{ "at": { "schoolYear": { "month": 1, "day": 27 } }, "repeat": { "every": 1, "unit": "years", "count": 3 } }"#, false),
        (#"{ "at": { "schoolYear": { "month": 1, "day": 27 } }, "repeat": { "count": 0 } }"#, false),
        (#"{ "at": { "schoolYear": { "month": 1, "day": 27 } }, "repeat": {} }"#, false),
    ]

    static func template(_ event: String) -> String {
        let members = event.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
        return """
            { "format": "koers-trajectory/1", "id": "t", "title": "T", "for": "starter", "language": "nl", "start": "s",
              "events": [ { "id": "e", "title": "E", "roles": ["mentor"], \(members) } ] }
            """
    }

    @Test("trajectory.schema.json says yes and no where the decoder does, for offsets, school-year days and repeats")
    func schemaAgrees() throws {
        var decoder: [Bool] = []
        for c in Self.cases {
            let log = DiagnosticLog(file: "traject.json")
            _ = TrajectoryTemplateDecoder(log: log).decode(try JSONParser.parse(Array(Self.template(c.event).utf8)))
            decoder.append(!log.hasErrors)
        }
        #expect(decoder == Self.cases.map(\.valid), "\(zip(Self.cases.map(\.event), decoder).filter { c in Self.cases.first { $0.event == c.0 }!.valid != c.1 })")

        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            validator = jsonschema.Draft202012Validator(schema)
            json.dump([validator.is_valid(json.loads(t)) for t in json.load(sys.stdin)], sys.stdout)
            """
        let input = try JSONSerialization.data(withJSONObject: Self.cases.map { Self.template($0.event) })
        let output = try Python.run(["-c", script, Fixture.repository + "/Agendas/trajectories/trajectory.schema.json"], input: input)
        let schema = try #require(try JSONSerialization.jsonObject(with: output) as? [Bool])
        #expect(schema == decoder, "\(zip(Self.cases.map(\.event), zip(schema, decoder)).filter { $0.1.0 != $0.1.1 })")
    }
}
