import Foundation
import KoersFormats
import KoersModel
import KoersStore
import KoersSynthetic
import KoersTestSupport
import Testing

/// The synthetic history behind the report and site benchmarks: every event must pass the store's
/// own checks (the transition rules, never before the step's last change), and the same seed must
/// give the same events.
@Suite("Synthetic history")
struct SyntheticHistoryTests {
    /// A 4× agenda (216 steps, 2022-H1 to 2026-H2) with its history through 15 October 2026.
    let fixture = Fixture()
    let workspace: Workspace
    let history: SyntheticHistory

    init() throws {
        workspace = try Workspace.load(configPath: try SyntheticWorkspace(agendas: 1, scale: 4, seed: 5).write(to: fixture.folder),
                                       environment: [:])
        history = SyntheticHistory(seed: 3, through: LocalDate("2026-10-15")!)
    }

    @Test("Every event is accepted by Store.record and read back as generated")
    func recorded() throws {
        let store = try Store(path: fixture.folder + "/koers.sqlite")
        let generated = try #require(history.events(workspace).first)
        #expect(try history.record(workspace, into: store) == generated.events.count)

        let stored = try store.histories(agenda: generated.agenda.id)
        for key in Set(generated.events.map(\.step)) {
            let mine = generated.events.filter { $0.step == key }
            let theirs = stored[key]?.events ?? []
            #expect(theirs.map(\.status.kind) == mine.map(\.kind), "\(key)")
            #expect(theirs.map(\.at) == mine.map(\.at), "\(key)")
            #expect(theirs.map(\.note) == mine.map(\.note), "\(key)")
            #expect(theirs.map(\.by) == mine.map(\.by), "\(key)")
        }
        #expect(stored.values.map(\.events.count).reduce(0, +) == generated.events.count)
    }

    @Test("The same seed gives the same events; another seed other ones")
    func deterministic() {
        let a = history.events(workspace)[0].events
        #expect(a == history.events(workspace)[0].events)
        #expect(a != SyntheticHistory(seed: 4, through: history.through).events(workspace)[0].events)
    }

    @Test("A plausible history: every kind of change, later postponements, nothing after the last day")
    func plausible() throws {
        let (agenda, events) = try #require(history.events(workspace).first)
        let tz = workspace.config.timeZone
        #expect(Set(events.map(\.kind)) == Set(StepStatus.Kind.allCases))
        #expect(events.count > agenda.placedSteps.count)
        #expect(events.allSatisfy { tz.localDate(of: $0.at) <= history.through })
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.at <= $1.at })
        for event in events where event.kind == .postponed {
            let step = try #require(agenda.placedStep(event.step)).step
            #expect(try #require(event.target) > step.period)
        }
        let people = Set(workspace.config.people.map(\.id))
        #expect(events.allSatisfy { $0.by.map(people.contains) ?? false })
    }
}
