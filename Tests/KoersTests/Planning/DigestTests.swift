import Foundation
import Testing
@testable import KoersModel

@Suite("Digest: one mail per person per day, grouped by waarborg")
struct DigestTests {
    let d = PlanningFixture.date

    func reminders() throws -> [Reminder] {
        let workspace = try PlanningFixture.workspace()
        let source = FakeEventSource(all: [
            DatedEvent(source: "trajectory:start-2024", id: "gesprek-1", title: "Startgesprek nieuwe leraar", date: d("2024-07-10"),
                       roles: ["co-oper"], leadTimes: [.workingDays(2)]),
        ])
        return PlanningFixture.planner(sources: [source])
            .reminders(for: PlanningFixture.set(workspace), config: workspace.config, from: d("2024-07-08"),
                       through: d("2024-07-08"), now: PlanningFixture.day("2024-07-01"))
    }

    @Test("Several items for one person on one day become one digest, grouped by theme, Algemeen last")
    func grouping() throws {
        let all = try reminders()
        let digests = Digest.group(all)
        let carla = try #require(digests.first { $0.personID == "c.jansen" })
        #expect(digests.filter { $0.personID == "c.jansen" }.count == 1)
        #expect(carla.sendOn == d("2024-07-08"))
        #expect(carla.sendAt == PlanningFixture.moment("2024-07-08T08:00:00+02:00"))
        #expect(carla.groups.map(\.theme) == ["Kwaliteitscultuur", "Lerende leraar", "Algemeen"])
        #expect(carla.groups.map { $0.reminders.map(\.subject) } == [["KC-B1"], ["LL-A1"], ["gesprek-1"]])
        #expect(carla.reminders.count == 3)
    }

    @Test("The grouping does not depend on the order of the input")
    func deterministic() throws {
        let all = try reminders()
        let once = Digest.group(all)
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<5 {
            let again = Digest.group(all.shuffled(using: &generator))
            #expect(again.map(\.personID) == once.map(\.personID))
            #expect(again.map(\.sendOn) == once.map(\.sendOn))
            #expect(again.map { $0.reminders.map(\.key) } == once.map { $0.reminders.map(\.key) })
        }
    }

    @Test("Digests come per day, then per person")
    func order() throws {
        let workspace = try PlanningFixture.workspace()
        let all = PlanningFixture.planner().reminders(for: PlanningFixture.set(workspace), config: workspace.config,
                                                      from: d("2024-01-01"), through: d("2025-12-31"),
                                                      now: PlanningFixture.day("2024-01-01"))
        let digests = Digest.group(all)
        #expect(digests.map(\.reminders.count).reduce(0, +) == all.count)
        let order = digests.map { "\($0.sendOn) \($0.personID)" }
        #expect(order == order.sorted())
        #expect(Set(order).count == order.count)
    }
}

/// A small deterministic random generator (SplitMix64), so shuffles are the same in every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
