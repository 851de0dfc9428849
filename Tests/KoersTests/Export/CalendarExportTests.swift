import Foundation
@testable import KoersModel
@testable import KoersFormats
import Testing

/// Which milestones and steps `koers export ical` puts in the calendar, on which day, for whom,
/// under which UID; and the file as an independent parser (python3-icalendar) reads it.
@Suite("Calendar export")
struct CalendarExportTests {
    static let now = ExportFixture.day("2024-10-15")

    private func export(_ changes: [(String, StepStatus, String, String?)] = ExportFixture.midway,
                        at moment: Date = now, audience: CalendarExport.Audience = .everyone, mail: Bool = true,
                        sources: [any DatedEventSource] = []) throws -> CalendarExport {
        let workspace = try ExportFixture.workspace(mail: mail)
        return try CalendarExport(ExportFixture.set(workspace, changes), config: workspace.config, moment: moment,
                                  audience: audience, sources: sources)
    }

    private func uid(_ local: String) -> String { local + "@bestuur.example" }

    @Test("every milestone occurrence and every open step, sorted by day; done and dropped steps are left out")
    func whichEvents() throws {
        let e = try export()
        #expect(e.events.map(\.uid) == [
            "milestone.mini.scan.2023-09", "step.mini.KC-B2", "step.mini.LL-A2", "step.mini.LL-A3",
            "milestone.mini.toetreding.2024-H2", "milestone.mini.overleg.2024-11-04", "step.mini.LL-A4",
            "milestone.mini.scan.2025-09",
        ].map(uid))
        #expect(!e.events.contains { $0.uid.contains("LL-A1") }, "LL-A1 is done")
        #expect(!e.events.contains { $0.uid.contains("KC-B1") }, "KC-B1 is dropped")
        #expect(!e.events.contains { $0.uid.contains("2027-09") }, "the scan of 2027 lies more than two years after the horizon")
    }

    @Test("a step stands on the date the agenda gives, else the end of its half-year, else the end of where it was postponed to")
    func stepDays() throws {
        let e = try export()
        func day(_ key: String) -> String? { e.events.first { $0.uid == uid("step.mini.\(key)") }?.date.description }
        #expect(day("LL-A3") == "2024-06-30", "the end of its column 2024-H1")
        #expect(day("LL-A4") == "2025-03-31", "its own date \"2025-03\", to the end of that month")
        #expect(day("LL-A2") == "2024-06-30", "postponed from 2023-H2 to 2024-H1")
        let postponed = try #require(e.events.first { $0.uid == uid("step.mini.LL-A2") })
        #expect(postponed.sequence == 1, "moved once")
        #expect(postponed.description.contains("uitgesteld, stond in 2023 tweede half jaar"))
        #expect(postponed.description.contains("te laat sinds 1 juli 2024"))
        #expect(postponed.summary == "Deadline LL-A2: - ii. Netwerk werkplekbegeleiders per school")
        #expect(postponed.categories == ["Lerende leraar", "Stap"])
        #expect(postponed.alarmDaysBefore == 7)
    }

    @Test("a month or half-year milestone stands on its first day and says its precision in the summary")
    func milestoneDays() throws {
        let e = try export()
        let scan = try #require(e.events.first { $0.uid == uid("milestone.mini.scan.2025-09") })
        #expect(scan.date.description == "2025-09-01")
        #expect(scan.summary == "Mijlpaal: Zelfscan (september 2025)")
        #expect(scan.categories == ["Kwaliteitscultuur", "Mijlpaal"])
        #expect(scan.alarmDaysBefore == 14)
        let half = try #require(e.events.first { $0.uid == uid("milestone.mini.toetreding.2024-H2") })
        #expect(half.date.description == "2024-07-01")
        #expect(half.summary == "Mijlpaal: Toetreding partnerschap (2024 tweede half jaar)")
        #expect(half.categories == ["Mijlpaal"], "no linked step or activity, so no waarborg")
        let day = try #require(e.events.first { $0.uid == uid("milestone.mini.overleg.2024-11-04") })
        #expect(day.date.description == "2024-11-04")
        #expect(day.summary == "Mijlpaal: Overleg beroepsbeeld", "a day needs no precision note")
    }

    @Test("an occurrence whose linked steps are all done or dropped has no alarm, as the daemon sends no reminder")
    func closedOccurrenceHasNoAlarm() throws {
        let e = try export()
        let scan2023 = try #require(e.events.first { $0.uid == uid("milestone.mini.scan.2023-09") })
        #expect(scan2023.alarmDaysBefore == nil)
        #expect(scan2023.description.contains("- KC-B1 Zelfscan uitvoeren (vervallen)"))
    }

    @Test("UIDs are the same in two exports on different days, and a step keeps its UID when it moves again")
    func stableUIDs() throws {
        let first = try export()
        let second = try export(at: ExportFixture.day("2024-10-16"))
        #expect(first.events.map(\.uid) == second.events.map(\.uid))
        #expect(first.text != second.text, "DTSTAMP and the 'stand van' line differ")

        let moved = try export(ExportFixture.midway + [("LL-A2", .postponed(to: HalfYear("2025-H1")!), "2024-11-01", nil)],
                               at: ExportFixture.day("2024-11-02"))
        let step = try #require(moved.events.first { $0.uid == uid("step.mini.LL-A2") })
        #expect(step.date.description == "2025-06-30")
        #expect(step.sequence == 2, "SEQUENCE rises with each postponement, so calendar programs take the new day")
    }

    @Test("UIDs end in the configured mail domain, or in koers.invalid without mail settings")
    func uidDomain() throws {
        #expect(try export().events.allSatisfy { $0.uid.hasSuffix("@bestuur.example") })
        #expect(try export(mail: false).events.allSatisfy { $0.uid.hasSuffix("@koers.invalid") })
    }

    @Test("UID parts are percent-encoded, so a source or id with dots or colons cannot collide with another")
    func uidEncoding() {
        #expect(CalendarExport.uid(["event", "trajectory:start.2024", "gesprek-1"], domain: "x.example")
                == "event.trajectory%3Astart%2E2024.gesprek-1@x.example")
        #expect(CalendarExport.uid(["event", "a.b", "c"], domain: "d") != CalendarExport.uid(["event", "a", "b.c"], domain: "d"))
    }

    @Test("--role keeps the steps naming the role and the milestones of the role")
    func roleFilter() throws {
        func uids(_ role: String) throws -> [String] { try export(audience: .role(role)).events.map(\.uid) }
        #expect(try uids("schoolleiders") == ["step.mini.LL-A2", "step.mini.LL-A3", "step.mini.LL-A4"].map(uid))
        #expect(try uids("directieteam") == ["step.mini.LL-A2", "step.mini.LL-A3", "milestone.mini.overleg.2024-11-04",
                                             "step.mini.LL-A4"].map(uid), "deciding counts: the step names the role")
        #expect(try uids("co-oper") == ["milestone.mini.scan.2023-09", "milestone.mini.toetreding.2024-H2",
                                        "milestone.mini.overleg.2024-11-04", "milestone.mini.scan.2025-09"].map(uid),
                "the coordinator is reminded of every milestone, so every milestone is in her calendar")
        #expect(try export(audience: .role("schoolleiders")).name == "Koers — SV — Schoolleiders")
    }

    @Test("--person takes the roles the configuration gives that person")
    func personFilter() throws {
        let sanne = try export(audience: .person("s.vos"))
        #expect(sanne.events.map(\.uid) == ["milestone.mini.scan.2023-09", "step.mini.KC-B2", "milestone.mini.scan.2025-09"].map(uid))
        #expect(sanne.name == "Koers — SV — Schoolopleiders", "role names, never the person's name")
        #expect(try export(audience: .person("p.smit")).events.map(\.uid) == (try export(audience: .role("schoolleiders")).events.map(\.uid)))
    }

    @Test("an unknown role or person is refused with what to use instead")
    func unknownAudience() throws {
        #expect(throws: CalendarExport.AudienceError.unknownRole("bestuur", known: ["co-oper", "directieteam", "schoolleiders", "schoolopleiders"])) {
            try export(audience: .role("bestuur"))
        }
        let error = try #require(throws: CalendarExport.AudienceError.self) { try export(audience: .person("x.onbekend")) }
        #expect(error.description.contains("no person \"x.onbekend\""))
        #expect(error.description.contains("--role"))
    }

    @Test("dated events from other sources (trajectories, later) come in too, filtered by role and person")
    func otherSources() throws {
        let source = ExportEventSource(all: [
            DatedEvent(source: "trajectory:start-2024", id: "gesprek-1", title: "Startgesprek, inductie",
                       date: LocalDate("2024-11-12")!, theme: "Lerende leraar", roles: ["schoolopleiders"],
                       personIDs: ["p.smit"], leadTimes: [.weeks(1)]),
        ])
        let all = try export(sources: [source])
        let event = try #require(all.events.first { $0.kind == .event })
        #expect(event.uid == uid("event.trajectory%3Astart-2024.gesprek-1"))
        #expect(event.date.description == "2024-11-12")
        #expect(event.categories == ["Lerende leraar", "Afspraak"])
        #expect(try export(audience: .person("p.smit"), sources: [source]).events.contains { $0.kind == .event }, "named in person")
        #expect(try export(audience: .role("schoolopleiders"), sources: [source]).events.contains { $0.kind == .event })
        #expect(try !export(audience: .person("d.boer"), sources: [source]).events.contains { $0.kind == .event })
    }

    @Test("python3-icalendar reads the file back: calendar properties, every event all-day, alarms, exact texts")
    func readBackByIndependentParser() throws {
        let e = try export([])
        let parsed = try ICalSummary.parse(e.text)
        #expect(parsed.errors.isEmpty)
        #expect(parsed.name == "VCALENDAR")
        #expect(parsed.version == "2.0")
        #expect(parsed.method == "PUBLISH")
        #expect(parsed.prodid == "-//Koers//Koers \(KoersVersion.current)//NL")
        #expect(parsed.calname == "Koers — SV")
        #expect(parsed.lines.endsWithCRLF && parsed.lines.bareLF == 0 && parsed.lines.bareCR == 0, "CRLF line endings only")
        #expect(parsed.lines.maxOctets <= 75)
        #expect(parsed.lines.invalidUTF8Lines.isEmpty, "no fold inside a multi-byte character")

        #expect(parsed.events.count == e.events.count)
        #expect(parsed.events.map(\.uid) == e.events.map(\.uid))
        #expect(Set(parsed.events.compactMap(\.uid)).count == parsed.events.count, "UIDs are unique")
        for (event, written) in zip(parsed.events, e.events) {
            #expect(event.start == .init(value: written.date.description, isDate: true))
            #expect(event.end == .init(value: written.date.adding(days: 1).description, isDate: true))
            #expect(event.stamp == "2024-10-15T10:00:00+00:00")
            #expect(event.summary == written.summary)
            #expect(event.description == written.description)
            if !written.description.contains("\\") {
                #expect(event.parsedSummary == written.summary)
                #expect(event.parsedDescription == written.description, "icalendar's own unescaping agrees without backslashes")
            }
            #expect(event.categories == written.categories)
            #expect(event.transparency == "TRANSPARENT")
            #expect(event.alarms.map(\.action) == (written.alarmDaysBefore == nil ? [] : ["DISPLAY"]))
            #expect(event.alarms.map(\.trigger?.days) == (written.alarmDaysBefore.map { [-Double($0)] } ?? []))
        }

        let a1 = try #require(parsed.event(uid("step.mini.LL-A1")))
        #expect(a1.summary == #"Deadline LL-A1: Oriëntatie; beroepsbeeld, "concept" en map \\server\agenda"#)
        let a2 = try #require(parsed.event(uid("step.mini.LL-A2")))
        #expect(a2.description?.contains("- ii. Netwerk werkplekbegeleiders\nper school\n") == true, "the line break survives")
        let a4 = try #require(parsed.event(uid("step.mini.LL-A4")))
        #expect(a4.description?.contains(ExportFixture.longText) == true, "Dutch and emoji texts survive folding")
        let scan = try #require(parsed.event(uid("milestone.mini.scan.2025-09")))
        #expect(scan.alarms.first?.trigger == .init(days: -14, related: "START"))
        #expect(scan.alarms.first?.description == "Over 2 weken: Mijlpaal: Zelfscan (september 2025)")
    }
}

/// Dated events from outside the agenda, standing in for trajectories.
struct ExportEventSource: DatedEventSource {
    var all: [DatedEvent]
    func events(from: LocalDate, through: LocalDate) -> [DatedEvent] {
        all.filter { from <= $0.date && $0.date <= through }
    }
}
