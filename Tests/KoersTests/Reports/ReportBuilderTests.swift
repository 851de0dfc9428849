import Foundation
@testable import KoersFormats
@testable import KoersModel
@testable import KoersStore
import KoersTestSupport
import Testing

@Suite("Report model: counts, overdue, milestones, indicators, look ahead, proposals")
struct ReportBuilderTests {
    @Test("The half-year summary counts each step of the period once, per waarborg and overall")
    func counts() throws {
        let scene = try ReportScene()
        let report = try scene.report(ReportScene.h1, asOf: "2024-06-30")
        #expect(report.title == "Halfjaarrapportage ontwikkelagenda SV, 2024 eerste half jaar")
        #expect(report.isPeriodComplete)
        let agenda = try #require(report.agendas.first)
        #expect(agenda.row("LL") == StatusCounts(done: 1, inProgress: 0, postponed: 1, dropped: 1, open: 1, overdue: 1))
        #expect(agenda.row("KC") == StatusCounts(done: 1, inProgress: 1, postponed: 0, dropped: 0, open: 0, overdue: 0))
        #expect(agenda.summary.total == StatusCounts(done: 2, inProgress: 1, postponed: 1, dropped: 1, open: 1, overdue: 1))
        #expect(agenda.summary.total.planned == 6)
        #expect(agenda.row("LL").completionPercent == 33, "1 done of 3 not dropped")
    }

    @Test("Steps of the period carry status, category, roles and the notes recorded in the period")
    func stepLines() throws {
        let scene = try ReportScene()
        let agenda = try scene.report(ReportScene.h1, asOf: "2024-06-30").agendas[0]
        let ll = agenda.theme("LL"), kc = agenda.theme("KC")
        #expect(ll.stepKeys == ["LL-A2", "LL-A3", "LL-B1", "LL-B2"])
        #expect(ll.goal == "Een gedragen beroepsbeeld.\n\n- eerste punt\n- tweede punt")
        let a2 = try #require(ll.step("LL-A2"))
        #expect(a2.category == .done)
        #expect(a2.owners.map(\.name) == ["Schoolleiders"])
        #expect(a2.deciders.map(\.name) == ["Directieteam"])
        #expect(a2.changes.map(\.status) == [.inProgress, .done])
        #expect(a2.changes.map(\.note) == ["Gestart", "Vastgesteld"])
        #expect(a2.changes.map(\.by) == ["Carla Jansen", "Pieter Smit"], "person ids become names")
        #expect(a2.changes.map(\.on) == [LocalDate("2024-02-01")!, LocalDate("2024-05-15")!])
        var anonymous = try scene.builder()
        anonymous.namesRecorders = false
        let unnamed = try anonymous.report(ReportScene.h1, asOf: LocalDate("2024-06-30")!).agendas[0].theme("LL").step("LL-A2")
        #expect(unnamed?.changes.map(\.by) == [nil, nil], "for publishing without names of people")
        #expect(unnamed?.changes.map(\.note) == ["Gestart", "Vastgesteld"])
        let a3 = try #require(ll.step("LL-A3"))
        #expect(a3.category == .postponed)
        #expect(a3.status == .postponed(to: HalfYear("2024-H2")!))
        #expect(a3.expectedIn == HalfYear("2024-H2")!)
        #expect(ll.step("LL-B1")?.category == .dropped)
        #expect(ll.step("LL-B2")?.category == .open)
        #expect(ll.step("LL-B2")?.overdue?.since == LocalDate("2024-04-01"), "its own date (March 2024) governs, not the end of its half-year")
        // A step postponed into the period counts here, and says where it came from.
        #expect(kc.stepKeys == ["KC-A1", "KC-A2"])
        let a1 = try #require(kc.step("KC-A1"))
        #expect(a1.category == .done)
        #expect(a1.period == HalfYear("2023-H2")!)
        #expect(a1.postponements == [HalfYear("2024-H1")!])
        #expect(a1.changes.map(\.status) == [.done], "the postponement happened before the period")
        #expect(ReportWording.origin(a1, period: ReportScene.h1) == "uitgesteld uit 2023-H2")
    }

    @Test("Steps from earlier periods: the open ones are overdue since their half-year, the ones finished now are shown too")
    func overdue() throws {
        let scene = try ReportScene()
        let agenda = try scene.report(ReportScene.h1, asOf: "2024-06-30").agendas[0]
        #expect(agenda.theme("LL").earlierKeys == ["LL-A1"])
        let a1 = try #require(agenda.theme("LL").step("LL-A1"))
        #expect(a1.overdue == Overdue(expectedIn: HalfYear("2023-H2")!, due: nil, since: LocalDate("2024-01-01")!))
        #expect(ReportWording.earlierStatus(a1) == "achterstallig sinds 2023-H2, in uitvoering")
        #expect(a1.changes.isEmpty, "its only change was before the period")
        #expect(agenda.theme("KC").earlierKeys == ["KC-A4"])
        let a4 = try #require(agenda.theme("KC").step("KC-A4"))
        #expect(a4.overdue == nil)
        #expect(ReportWording.earlierStatus(a4) == "uit 2023-H1, afgerond in deze periode")
    }

    @Test("Milestones in the period show the status of their steps; indicators take measurements up to the as-of day")
    func milestonesAndIndicators() throws {
        let scene = try ReportScene()
        let measurements = [
            IndicatorMeasurement(agenda: "rap", indicator: "plekken", value: 20, on: LocalDate("2024-03-01")!),
            IndicatorMeasurement(agenda: "rap", indicator: "plekken", value: 25, on: LocalDate("2024-09-01")!),
            IndicatorMeasurement(agenda: "other", indicator: "plekken", value: 99, on: LocalDate("2024-03-01")!),
        ]
        let agenda = try scene.report(ReportScene.h1, asOf: "2024-06-30", measurements: measurements).agendas[0]
        #expect(agenda.milestones.map(\.milestone) == ["scan"])
        let scan = agenda.milestones[0]
        #expect(scan.when == PlannedDate("2024-05")!)
        #expect(scan.steps.map(\.key.description) == ["KC-A2"])
        #expect(scan.steps[0].status == .inProgress)
        #expect(scan.outcome == .missed, "May has passed and KC-A2 is not done")
        #expect(scan.roles.map(\.role.name) == ["Directies"])

        let plekken = try #require(agenda.indicators.first)
        #expect(plekken.theme == "Kwaliteitscultuur")
        #expect(plekken.baseline == IndicatorLine.Value(value: 10, date: PlannedDate("2022-12"), note: nil))
        #expect(plekken.target?.value == 30)
        #expect(plekken.measurements.map(\.value) == [20], "only this agenda's measurements up to the as-of day")
        #expect(plekken.progress == 0.5, "from 10 towards 30, at 20")
        #expect(!plekken.targetDatePassed)
        let none = try scene.report(ReportScene.h1, asOf: "2024-06-30").agendas[0].indicators[0]
        #expect(none.measurements.isEmpty && none.progress == nil)
        #expect(ReportWording.measured(none) == "nog geen metingen")
    }

    @Test("Feedforward: where open steps go, the next half-year per role, what comes up, what must be decided")
    func feedforward() throws {
        let scene = try ReportScene()
        let f = try scene.report(ReportScene.h1, asOf: "2024-06-30").agendas[0].feedforward
        #expect(f.next == .halfYear(HalfYear("2024-H2")!))
        #expect(f.destinations.map(\.step.key.description) == ["LL-A3", "LL-B2", "LL-A1", "KC-A2"])
        #expect(f.destinations.map(\.next) == [.postponed(HalfYear("2024-H2")!), .toDecide, .toDecide, .toDecide])
        #expect(f.destinations.map(\.fromEarlier) == [false, false, true, false])

        #expect(f.plan.map(\.role.id) == ["schoolleiders", "directies"])
        #expect(f.plan[0].steps.map(\.key.description) == ["LL-A3", "LL-A4"])
        #expect(f.plan[1].steps.map(\.key.description) == ["KC-A3"])

        #expect(f.upcoming.from == LocalDate("2024-07-01")! && f.upcoming.through == LocalDate("2024-12-31")!)
        #expect(f.upcoming.milestones.map(\.milestone) == ["review"])
        #expect(f.upcoming.milestones[0].outcome == .noSteps)
        #expect(f.upcoming.deadlines.isEmpty, "KC-A3 is due in March 2025, after the window")

        #expect(f.decisions.map(\.role.id) == ["directieteam"])
        let decisions = f.decisions[0].decisions
        #expect(decisions.map(\.step.key.description) == ["LL-A1", "LL-A3", "LL-A4"])
        #expect(decisions[0].reason == .overdue(Overdue(expectedIn: HalfYear("2023-H2")!, due: nil, since: LocalDate("2024-01-01")!)))
        #expect(decisions[1].reason == .planned(HalfYear("2024-H2")!))

        // Half a year later the March 2025 deadline is in the window.
        let later = try scene.report(.halfYear(HalfYear("2024-H2")!), asOf: "2024-12-31").agendas[0].feedforward
        #expect(later.upcoming.deadlines.map(\.step.key.description) == ["KC-A3"])
        #expect(later.upcoming.deadlines[0].due == PlannedDate("2025-03")!)
        #expect(later.destinations.first { $0.step.key.description == "KC-A3" }?.next == .continuing(until: LocalDate("2025-03-31")!))
    }

    @Test("While the period runs, open steps of the period continue rather than await a decision")
    func interim() throws {
        let scene = try ReportScene()
        let report = try scene.report(ReportScene.h1, asOf: "2024-04-15")
        #expect(!report.isPeriodComplete)
        let agenda = report.agendas[0]
        #expect(agenda.row("LL") == StatusCounts(done: 0, inProgress: 1, postponed: 0, dropped: 1, open: 2, overdue: 1))
        let next = Dictionary(uniqueKeysWithValues: agenda.feedforward.destinations.map { ($0.step.key.description, $0.next) })
        #expect(next["LL-A3"] == .continuing(until: LocalDate("2024-06-30")!))
        #expect(next["LL-A1"] == .toDecide)
        #expect(agenda.proposals == nil, "proposals belong to the yearly report")
    }

    @Test("A report as of a day ignores later changes: regenerating an old report gives what was true then")
    func asOfReproducible() throws {
        let scene = try ReportScene()
        let before = try scene.report(ReportScene.h1, asOf: "2024-06-30")
        let texts = ReportFormat.allCases.map { $0.render(before) }
        // Everything that happens after the period.
        try scene.record("LL-B1", .planned, on: "2024-07-10", note: "Toch weer opgepakt")
        try scene.record("KC-A2", .done, on: "2024-08-01")
        try scene.record("LL-A3", .inProgress, on: "2024-09-01")
        try scene.record("LL-A1", .done, on: "2024-10-01", note: "Eindelijk")
        try scene.record("LL-B2", .done, on: "2024-10-02")
        let after = try scene.report(ReportScene.h1, asOf: "2024-06-30")
        #expect(after == before)
        #expect(ReportFormat.allCases.map { $0.render(after) } == texts)
        // The same period as of a later day does see them.
        let now = try scene.report(ReportScene.h1, asOf: "2024-10-15").agendas[0]
        #expect(now.row("LL") == StatusCounts(done: 2, inProgress: 0, postponed: 1, dropped: 0, open: 1, overdue: 0))
        #expect(now.theme("LL").step("LL-A1")?.status == .done)
        // And the 2023-H2 report still says KC-A1 was postponed, LL-A1 in progress.
        let old = try scene.report(.halfYear(HalfYear("2023-H2")!), asOf: "2023-12-31").agendas[0]
        #expect(old.theme("KC").step("KC-A1")?.category == .postponed)
        #expect(old.theme("LL").step("LL-A1")?.category == .inProgress)
        #expect(old.row("KC") == StatusCounts(postponed: 1, overdue: 1), "KC-A4 of 2023-H1 was still open then")
    }

    @Test("The yearly report covers both halves, plans the year ahead and derives proposals for the review")
    func year() throws {
        let scene = try ReportScene()
        try scene.record("LL-A3", .postponed, to: "2025-H1", on: "2024-12-01", note: "Nogmaals uitgesteld")
        let report = try scene.report(ReportScene.y2024, asOf: "2024-12-31")
        #expect(report.title == "Jaarrapportage ontwikkelagenda SV, 2024")
        let agenda = report.agendas[0]
        #expect(agenda.theme("LL").stepKeys == ["LL-A2", "LL-A3", "LL-A4", "LL-B1", "LL-B2"])
        #expect(agenda.row("LL") == StatusCounts(done: 1, inProgress: 0, postponed: 1, dropped: 1, open: 2, overdue: 1))
        #expect(agenda.row("KC") == StatusCounts(done: 1, inProgress: 1, postponed: 0, dropped: 0, open: 1, overdue: 0))
        #expect(agenda.theme("LL").step("LL-A3")?.postponements == [HalfYear("2024-H2")!, HalfYear("2025-H1")!])
        #expect(agenda.feedforward.next == .year(2025))
        #expect(agenda.feedforward.plan.map(\.role.id) == ["co-oper", "schoolleiders"])
        #expect(agenda.feedforward.plan.flatMap { $0.steps.map(\.key.description) } == ["LL-B3", "LL-A3"])
        #expect(agenda.feedforward.upcoming.milestones.map(\.when) == [PlannedDate("2025-09")!])

        let proposals = try #require(agenda.proposals)
        #expect(proposals.map(\.kind) == [.postponedRepeatedly, .longOverdue, .longOverdue, .lowCompletion,
                                          .outsideHorizon, .outsideHorizon, .outsideHorizon, .milestoneWithoutSteps, .nothingPlanned])
        #expect(proposals.map(\.subject) == ["LL-A3", "LL-A1", "LL-B2", "LL", "LL-A3", "LL-B3", "KC-A3", "review", "rap"],
                "KC: KC-A1 done, KC-A2 not, KC-A3 not due until March 2025: half done, not low")
        #expect(proposals[0].finding == "LL-A3 (Vaststellen) is 2 keer uitgesteld, het laatst naar 2025-H1.")
        #expect(proposals[1].finding == "LL-A1 (Oriëntatie) is achterstallig sinds 2023-H2, langer dan een half jaar.")
        #expect(proposals[1].suggestion == "Opnieuw plannen of laten vervallen; besluit door Directieteam.")
        #expect(proposals[2].finding == "LL-B2 (Beschrijven <concept> & delen) is achterstallig sinds maart 2024, langer dan een half jaar.",
                "due in March 2024, still open in December")
        #expect(proposals[3].finding == "Lerende leraar: van de 3 stappen van kalenderjaar 2024 die op 31 december 2024 af hadden moeten zijn, is er 1 afgerond (33%).",
                "LL-A2 done; LL-A4 and LL-B2 not; LL-A3 is due in 2025-H1, LL-B1 dropped")
        #expect(proposals[6].finding.hasSuffix("verwacht maart 2025."))
        #expect(proposals[8].finding == "De planningshorizon van de agenda loopt tot en met 2024-H2; voor kalenderjaar 2025 staat niets gepland.")
    }

    @Test("Periods parse, know their days and what follows; the default as-of day is the end, or today while running")
    func periods() {
        #expect(ReportPeriod(kind: .halfYear, "2024-H2") == .halfYear(HalfYear("2024-H2")!))
        #expect(ReportPeriod(kind: .halfYear, "2024") == nil)
        #expect(ReportPeriod(kind: .year, "2024") == .year(2024))
        #expect(ReportPeriod(kind: .year, "24") == nil && ReportPeriod(kind: .year, "2024-H1") == nil)
        let y = ReportPeriod.year(2024)
        #expect(y.firstDay == LocalDate("2024-01-01")! && y.lastDay == LocalDate("2024-12-31")!)
        #expect(y.next == .year(2025) && y.description == "2024" && y.kind.rawValue == "year")
        #expect(ReportScene.h1.next == .halfYear(HalfYear("2024-H2")!) && ReportScene.h1.kind.rawValue == "halfyear")
        #expect(ReportScene.h1.defaultAsOf(today: LocalDate("2024-10-15")!) == LocalDate("2024-06-30")!)
        #expect(ReportScene.h1.defaultAsOf(today: LocalDate("2024-03-15")!) == LocalDate("2024-03-15")!)
        #expect(ReportScene.h1.defaultAsOf(today: LocalDate("2023-12-31")!) == nil)
    }

    @Test("A report is refused before its period begins and for an agenda that is not loaded")
    func refusals() throws {
        let scene = try ReportScene()
        let builder = try scene.builder()
        #expect(throws: ReportBuilder.Failure.asOfBeforePeriod(asOf: LocalDate("2023-12-31")!, period: ReportScene.h1)) {
            try builder.report(ReportScene.h1, asOf: LocalDate("2023-12-31")!)
        }
        #expect(throws: ReportBuilder.Failure.unknownAgenda("nope", known: ["rap"])) {
            try builder.report(ReportScene.h1, asOf: LocalDate("2024-06-30")!, agenda: "nope")
        }
        #expect(try builder.report(ReportScene.h1, asOf: LocalDate("2024-06-30")!, agenda: "rap").agendas.count == 1)
    }

    /// The report scene's agenda "rap" and the small agenda "mini", in that order, on an empty store.
    func twoAgendas(in fixture: Fixture) throws -> (Workspace, Store) {
        fixture.write("agenda.json", ReportScene.agenda)
        fixture.write("mini.json", Fixture.agenda)
        fixture.write("koers.json", ReportScene.config.replacingOccurrences(of: "[\"agenda.json\"]", with: "[\"agenda.json\", \"mini.json\"]"))
        let workspace = try fixture.load()
        return (workspace, try Store(path: workspace.config.databasePath))
    }

    @Test("Several agendas: one section each, in the configuration's order; one can be picked")
    func severalAgendas() throws {
        let fixture = Fixture()
        let (workspace, store) = try twoAgendas(in: fixture)
        let builder = ReportBuilder(set: try AgendaSet(workspace: workspace, store: store), config: workspace.config)
        let both = try builder.report(ReportScene.h1, asOf: LocalDate("2024-06-30")!)
        #expect(both.agendas.map(\.id) == ["rap", "mini"])
        #expect(both.title == "Halfjaarrapportage ontwikkelagenda, 2024 eerste half jaar")
        #expect(both.agendas[1].summary.total == StatusCounts(open: 1, overdue: 2), "mini: A3 open, A1 and A2 overdue")
        let one = try builder.report(ReportScene.h1, asOf: LocalDate("2024-06-30")!, agenda: "mini")
        #expect(one.agendas.map(\.id) == ["mini"])
        #expect(one.title == "Halfjaarrapportage ontwikkelagenda Stichting Voorbeeld, 2024 eerste half jaar")
    }

    @Test("Built for one agenda, the builder reads that agenda alone and reports as the builder of every agenda does")
    func builtForOneAgenda() throws {
        let fixture = Fixture()
        let (workspace, store) = try twoAgendas(in: fixture)
        let asOf = LocalDate("2024-06-30")!
        let one = try ReportBuilder(workspace: workspace, store: store, reportingOn: ReportScene.h1, agenda: "mini")
        #expect(one.set.entries.map(\.agenda.id) == ["mini"])
        let every = try ReportBuilder(workspace: workspace, store: store, reportingOn: ReportScene.h1)
        #expect(every.set.entries.map(\.agenda.id) == ["rap", "mini"])
        #expect(try one.report(ReportScene.h1, asOf: asOf, agenda: "mini") == every.report(ReportScene.h1, asOf: asOf, agenda: "mini"))
        #expect(throws: ReportBuilder.Failure.unknownAgenda("nope", known: ["rap", "mini"])) {
            try ReportBuilder(workspace: workspace, store: store, reportingOn: ReportScene.h1, agenda: "nope")
        }
    }

    @Test("Progress bars divide their width in proportion and show every non-zero part")
    func progressBar() {
        #expect(ProgressBar.cells([1, 1, 1], width: 10) == [4, 3, 3])
        #expect(ProgressBar.cells([98, 1, 1], width: 20) == [18, 1, 1])
        #expect(ProgressBar.cells([0, 0], width: 5) == [0, 0])
        #expect(ProgressBar.text(StatusCounts(done: 2, inProgress: 1, open: 1), width: 8) == "████▓▓░░")
        #expect(ProgressBar.cells([3, 0, 1, 0, 0], width: 100).reduce(0, +) == 100)
    }
}
