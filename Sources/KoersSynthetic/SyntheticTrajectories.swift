import Foundation
import KoersModel
import KoersStore

/// People in induction trajectories at the training schools of a `SyntheticWorkspace` (`os-001`
/// with mentor `m-001` and trainer `s-001`, …), for the national benchmark: three in four
/// starters (`startende-leraar`), the rest students (`student-leerwerkplek`), at a random school,
/// starting on a random day of the `days` after `from`. The same seed gives the same people.
public struct SyntheticTrajectories: Sendable {
    public var count: Int
    public var schools: Int
    public var from: LocalDate
    public var days: Int
    public var seed: UInt64

    public init(count: Int, schools: Int, from: LocalDate, days: Int, seed: UInt64 = 1) {
        self.count = count
        self.schools = max(schools, 1)
        self.from = from
        self.days = max(days, 1)
        self.seed = seed
    }

    public var trajectories: [Trajectory] {
        var rng = SplitMix64(seed: seed).derived(0x7472616a)
        return (0..<count).map { n in
            let school = String(format: "%03d", rng.int(in: 1...schools))
            let starter = !rng.chance(0.25)
            return Trajectory(id: "t-" + String(n, radix: 36), kind: starter ? .starter : .student,
                              name: "Persoon \(n)", email: "p\(n)@example.org", school: "os-\(school)",
                              start: from.adding(days: rng.int(in: 0...days - 1)),
                              mentor: "m-\(school)", trainer: "s-\(school)",
                              template: starter ? "startende-leraar" : "student-leerwerkplek")
        }
    }

    /// Adds them all in one transaction; returns how many.
    public func record(into store: Store) throws -> Int {
        let all = trajectories
        try store.write {
            for t in all where !(try store.addTrajectory(t)) { throw SyntheticTrajectoryError(id: t.id) }
        }
        return all.count
    }
}

/// Two generated trajectories with one id: a generator bug, never bad input.
public struct SyntheticTrajectoryError: Error, CustomStringConvertible {
    public var id: String
    public var description: String { "the trajectory id \(id) was generated twice; the store must be fresh" }
}
