import Foundation
@testable import KoersCLI
@testable import KoersFormats
@testable import KoersModel
import KoersTestSupport
import Testing

/// Teachers and students start in February as well as September: the bundled templates keep what
/// belongs to the school's calendar on days of the school year and what belongs to the person's own
/// progress relative to the start, so both starts get a plan a school would hold.
@Suite("Trajectory templates on the school year: a start in February as well as September")
struct SchoolYearTemplateTests {
    static let workspace = Result { try Workspace.load(configPath: Fixture.repository + "/Config/koers.example.json", environment: [:]) }

    func template(_ id: String) throws -> TrajectoryTemplate {
        try #require(try Self.workspace.get().trajectoryTemplates.first { $0.id == id })
    }

    func plan(_ template: TrajectoryTemplate, _ start: String, done: [String: LocalDate] = [:]) -> TrajectoryPlan {
        let kind: Trajectory.Kind = template.subject == .student ? .student : .starter
        return TrajectoryPlan(Trajectory(id: "t-x", kind: kind, name: "N", email: "n@example.org", school: "lichtboei",
                                         start: LocalDate(start)!, mentor: "e.bosman", trainer: "l.mulder", template: template.id),
                              template: template, done: done)
    }

    /// "date id" for every occurrence before `until`.
    func lines(_ plan: TrajectoryPlan, before until: String) -> [String] {
        plan.occurrences.filter { $0.date < LocalDate(until)! }.map { "\($0.date) \($0.id)" }
    }

    @Test("A starting teacher from 2 September 2024: the school's conversations in their periods, in January and at the end of the school year")
    func starterSeptember() throws {
        let plan = plan(try template("startende-leraar"), "2024-09-02")
        #expect(lines(plan, before: "2025-09-02") == [
            "2024-09-04 welkomstgesprek", "2024-09-16 kennismaking-schoolopleider", "2024-10-14 begeleidingsplan",
            "2024-11-11 lesbezoek-periode-1#1", "2025-01-20 lesbezoek-periode-2#1", "2025-01-27 ontwikkelgesprek#1",
            "2025-04-07 lesbezoek-periode-3#1", "2025-06-16 jaarevaluatie#1",
        ])
        #expect(plan.occurrences.first { $0.eventID == "beoordeling" }?.date == LocalDate("2026-03-16"), "in the second year")
        #expect(plan.occurrences.last?.id == "jaarevaluatie#3")
        #expect(plan.occurrences.last?.date == LocalDate("2027-06-15"))
    }

    @Test("A starting teacher from 3 February 2025: the January conversation the next January, the first period's visit in November, a longer first year")
    func starterFebruary() throws {
        let plan = plan(try template("startende-leraar"), "2025-02-03")
        // Before: the ontwikkelgesprek at start + 5 months fell on 3 July, the first period's visit in March.
        #expect(lines(plan, before: "2026-02-03") == [
            "2025-02-05 welkomstgesprek", "2025-02-17 kennismaking-schoolopleider", "2025-03-17 begeleidingsplan",
            "2025-04-07 lesbezoek-periode-3#1", "2025-11-11 lesbezoek-periode-1#1", "2026-01-20 lesbezoek-periode-2#1",
            "2026-01-27 ontwikkelgesprek#1",
        ])
        #expect(plan.occurrences.first { $0.id == "jaarevaluatie#1" }?.date == LocalDate("2026-06-15"), "after at least nine months")
        #expect(plan.occurrences.first { $0.eventID == "beoordeling" }?.date == LocalDate("2026-10-01"))
        #expect(plan.occurrences.last?.id == "jaarevaluatie#3", "the closing evaluation comes last")
        #expect(plan.occurrences.last?.date == LocalDate("2028-06-15"))
    }

    @Test("A student from 2 September 2024 or 3 February 2025: a lesson visit each period, the evaluations at the end of a half year")
    func student() throws {
        let template = try template("student-leerwerkplek")
        #expect(lines(plan(template, "2024-09-02"), before: "2025-09-02") == [
            "2024-09-03 kennismaking", "2024-09-30 werkplan", "2024-11-11 lesbezoek#1", "2025-01-20 lesbezoek#2",
            "2025-01-27 tussenevaluatie", "2025-04-07 lesbezoek#3", "2025-06-16 eindevaluatie",
        ])
        // Before: the visits (start + 8 weeks, then every 3 months) fell on 31 March, 30 June and 30 September.
        #expect(lines(plan(template, "2025-02-03"), before: "2026-02-03") == [
            "2025-02-04 kennismaking", "2025-03-03 werkplan", "2025-04-07 lesbezoek#1", "2025-06-16 tussenevaluatie",
            "2025-11-11 lesbezoek#2", "2026-01-20 lesbezoek#3", "2026-01-27 eindevaluatie",
        ])
    }

    @Test("No event of the bundled templates falls in a summer holiday for a start from September to March; their school-year days in no school holiday at all")
    func holidays() throws {
        let log = DiagnosticLog(file: "schoolvakanties")
        var vacations: [(name: String, range: ClosedRange<LocalDate>)] = []
        for file in ["schoolvakanties-2024-2026.json", "schoolvakanties-2026-2027-excerpt.json"] {
            let holidays = try #require(SchoolHolidays.load(Fixture.repository + "/Tests/Support/Holidays/" + file, log: log))
            vacations += holidays.vacations.map { ("\($0.type) \($0.regions.map(\.rawValue).sorted())", $0.range) }
        }
        // The example configuration's quiet periods: region noord through 2027.
        vacations += try Self.workspace.get().config.quietPeriods.periods.map { ($0.name, $0.range) }
        #expect(vacations.contains { $0.name.hasPrefix("Zomervakantie") && $0.range.contains(LocalDate("2026-07-20")!) })

        let templates = [try template("startende-leraar"), try template("student-leerwerkplek")]
        var inSummer: Set<String> = [], inHoliday: Set<String> = []
        var start = LocalDate("2024-09-02")!
        while start <= LocalDate("2025-03-31")! {
            for template in templates {
                let schoolYear = Set(template.events.filter { if case .schoolYear = $0.schedule { true } else { false } }.map(\.id))
                for o in plan(template, start.description).occurrences {
                    for v in vacations where v.range.contains(o.date) {
                        if v.name.hasPrefix("Zomervakantie") { inSummer.insert("start \(start): \(o.id) on \(o.date) in \(v.name)") }
                        if schoolYear.contains(o.eventID) { inHoliday.insert("\(o.id) on \(o.date) in \(v.name)") }
                    }
                }
            }
            start = start.adding(days: 1)
        }
        #expect(inSummer.isEmpty, "\(inSummer.sorted().prefix(10))")
        #expect(inHoliday.isEmpty, "\(inHoliday.sorted().prefix(10))")
    }

    @Test("Occurrence ids count occurrences, not dates: after the template change a running trajectory keeps what done recorded")
    func doneKeepsItsMeaning() throws {
        // The bundled starter template before it used the school year, in part.
        let old = try Self.decode("""
            { "format": "koers-trajectory/1", "id": "startende-leraar", "title": "T", "for": "starter", "language": "nl", "start": "s",
              "events": [
                { "id": "welkomstgesprek", "title": "W", "at": { "days": 2 }, "roles": ["starter"] },
                { "id": "lesbezoek-periode-1", "title": "L", "at": { "weeks": 8 }, "repeat": { "every": 1, "unit": "years", "count": 3 },
                  "roles": ["starter"] },
                { "id": "ontwikkelgesprek", "title": "O", "at": { "months": 5 }, "repeat": { "every": 1, "unit": "years", "count": 3 },
                  "roles": ["starter"] } ] }
            """)
        let new = try template("startende-leraar")
        let d = { (text: String) in LocalDate(text)! }
        // A September starter: the first period's first visit, held on 29 October, is the same visit, now planned on 11 November.
        let september: [String: LocalDate] = ["welkomstgesprek": d("2024-09-04"), "lesbezoek-periode-1#1": d("2024-10-29")]
        #expect(plan(old, "2024-09-02", done: september).occurrences.first { $0.id == "lesbezoek-periode-1#1" }?.date == d("2024-10-28"))
        let now = plan(new, "2024-09-02", done: september)
        #expect(now.occurrences.first { $0.id == "lesbezoek-periode-1#1" }.map { "\($0.date) \($0.doneOn!)" } == "2024-11-11 2024-10-29")
        #expect(now.occurrences.filter { $0.doneOn != nil }.map(\.id) == ["welkomstgesprek", "lesbezoek-periode-1#1"])
        #expect(now.missed(before: d("2024-12-01")).map(\.id) == ["kennismaking-schoolopleider", "begeleidingsplan"])
        // A February starter whose first ontwikkelgesprek was held in June: it stays the first, no longer reminded in January.
        let february: [String: LocalDate] = ["ontwikkelgesprek#1": d("2025-06-30")]
        #expect(plan(old, "2025-02-03", done: february).occurrences.first { $0.id == "ontwikkelgesprek#1" }?.date == d("2025-07-03"))
        let moved = plan(new, "2025-02-03", done: february).occurrences.filter { $0.eventID == "ontwikkelgesprek" }
        #expect(moved.map { "\($0.id) \($0.date) \($0.doneOn?.description ?? "-")" }
                == ["ontwikkelgesprek#1 2026-01-27 2025-06-30", "ontwikkelgesprek#2 2027-01-27 -", "ontwikkelgesprek#3 2028-01-27 -"])
    }

    @Test("Every event id the starter and student help texts mention exists in the bundled template for that kind")
    func helpIDs() throws {
        let bundled = ["starter": try template("startende-leraar"), "student": try template("student-leerwerkplek")]
        var mentioned: [String: [String]] = [:]
        for command in KoersTool.commands {
            let out = KoersTool.run([command.name, "--help"], environment: [:])
            #expect(out.exitCode == .ok, "\(command.name): \(out.stderr)")
            let ids = Self.eventIDs(in: out.stdout)
            guard !ids.isEmpty else { continue }
            mentioned[command.name] = ids
            // A command for one kind names that kind's events; any other command an event of either.
            let templates = bundled[command.name].map { [$0] } ?? Array(bundled.values)
            for id in ids {
                let known = templates.contains { t in plan(t, "2024-09-02").occurrences.contains { $0.id == id || $0.eventID == id } }
                #expect(known, "`koers \(command.name) --help` names \"\(id)\", which no bundled template has")
            }
        }
        #expect(mentioned["starter"] == ["welkomstgesprek", "lesbezoek-periode-1#2"])
        #expect(mentioned["student"] == ["kennismaking", "lesbezoek#2"])
    }

    /// The ids a help text gives as examples of EVENT ("e.g. welkomstgesprek or lesbezoek#2"), and any
    /// occurrence id (`name#2`) anywhere in it.
    static func eventIDs(in help: String) -> [String] {
        var ids: [String] = []
        for line in help.split(separator: "\n") where line.contains("EVENT") {
            guard let examples = line.range(of: "e.g. ") else { continue }
            let list = line[examples.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            ids += list.replacingOccurrences(of: " or ", with: ", ").components(separatedBy: ", ")
        }
        let occurrence = try! NSRegularExpression(pattern: "[a-z0-9-]+#[0-9]+")
        let text = help as NSString
        for match in occurrence.matches(in: help, range: NSRange(location: 0, length: text.length)) {
            let id = text.substring(with: match.range)
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    static func decode(_ text: String) throws -> TrajectoryTemplate {
        let log = DiagnosticLog(file: "traject.json")
        let template = TrajectoryTemplateDecoder(log: log).decode(try JSONParser.parse(Array(text.utf8)))
        #expect(!log.hasErrors, "\(log.items)")
        return try #require(template)
    }
}
