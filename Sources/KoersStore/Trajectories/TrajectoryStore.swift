import Foundation
import KoersModel

/// The trajectories in the database: the people following one, when they ended, and which events
/// took place. Erasure lives in `Privacy/`.
extension Store {
    /// Adds a trajectory; refused (false) when its id is taken.
    public func addTrajectory(_ t: Trajectory) throws -> Bool {
        try write {
            if try database.scalarInt("SELECT 1 FROM trajectory WHERE id = ?", [.text(t.id)]) != nil { return false }
            try database.run("""
                INSERT INTO trajectory (id, kind, name, email, school, start_on, mentor, trainer, template, ended_on, end_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(t.id), .text(t.kind.rawValue), .text(t.name), .text(t.email), .text(t.school),
                      .text(t.start.description), .text(t.mentor), .text(t.trainer), .text(t.template),
                      t.end.map { .text($0.on.description) } ?? .null, t.end.map { .text($0.reason.rawValue) } ?? .null])
            return true
        }
    }

    /// Every trajectory (of one kind), by start date then id.
    public func trajectories(_ kind: Trajectory.Kind? = nil) throws -> [Trajectory] {
        let rows = try kind.map { try database.rows("SELECT \(Self.trajectoryColumns) FROM trajectory WHERE kind = ? ORDER BY start_on, id", [.text($0.rawValue)]) }
            ?? database.rows("SELECT \(Self.trajectoryColumns) FROM trajectory ORDER BY start_on, id")
        return try rows.map(Self.trajectory)
    }

    public func trajectory(_ id: String) throws -> Trajectory? {
        try database.rows("SELECT \(Self.trajectoryColumns) FROM trajectory WHERE id = ?", [.text(id)]).first.map(Self.trajectory)
    }

    /// Ends a running trajectory; false when it has ended already (or does not exist).
    public func endTrajectory(_ id: String, on day: LocalDate, reason: Trajectory.EndReason) throws -> Bool {
        try write {
            try database.run("UPDATE trajectory SET ended_on = ?, end_reason = ? WHERE id = ? AND ended_on IS NULL",
                             [.text(day.description), .text(reason.rawValue), .text(id)])
            return database.changes == 1
        }
    }

    /// Records that an occurrence took place (again: the later record replaces the earlier).
    public func recordDone(_ id: String, occurrence: String, on day: LocalDate) throws {
        try write {
            try database.run("""
                INSERT INTO trajectory_done (trajectory, occurrence, done_on) VALUES (?, ?, ?)
                ON CONFLICT (trajectory, occurrence) DO UPDATE SET done_on = excluded.done_on
                """, [.text(id), .text(occurrence), .text(day.description)])
        }
    }

    /// Trajectory id → occurrence id → the day it took place.
    public func doneOccurrences() throws -> [String: [String: LocalDate]] {
        var result: [String: [String: LocalDate]] = [:]
        for row in try database.rows("SELECT trajectory, occurrence, done_on FROM trajectory_done") {
            guard let t = row.text(0), let o = row.text(1), let day = row.text(2).flatMap(LocalDate.init) else {
                throw StoreError.corrupt(detail: "unreadable row in trajectory_done")
            }
            result[t, default: [:]][o] = day
        }
        return result
    }

    private static let trajectoryColumns = "id, kind, name, email, school, start_on, mentor, trainer, template, ended_on, end_reason"

    private static func trajectory(_ row: Row) throws -> Trajectory {
        guard let id = row.text(0), let kind = row.text(1).flatMap(Trajectory.Kind.init(rawValue:)),
              let name = row.text(2), let email = row.text(3), let school = row.text(4),
              let start = row.text(5).flatMap(LocalDate.init), let mentor = row.text(6), let trainer = row.text(7),
              let template = row.text(8) else { throw StoreError.corrupt(detail: "unreadable row in trajectory") }
        var end: Trajectory.End?
        if let on = row.text(9).flatMap(LocalDate.init), let reason = row.text(10).flatMap(Trajectory.EndReason.init(rawValue:)) {
            end = Trajectory.End(on: on, reason: reason)
        }
        return Trajectory(id: id, kind: kind, name: name, email: email, school: school, start: start, mentor: mentor,
                          trainer: trainer, template: template, end: end)
    }
}

extension Store {
    public func trajectoryTombstones(_ kind: Trajectory.Kind) throws -> [TrajectoryTombstone] {
        try database.rows("""
            SELECT template, start_month, months, end_reason, events_due, events_done FROM trajectory_tombstone
            WHERE kind = ? ORDER BY id
            """, [.text(kind.rawValue)]).map { row in
            guard let template = row.text(0), let start = row.text(1).flatMap(YearMonth.init), let months = row.int(2),
                  let reason = row.text(3).flatMap(TrajectoryTombstone.Reason.init(rawValue:)), let due = row.int(4), let done = row.int(5)
            else { throw StoreError.corrupt(detail: "unreadable row in trajectory_tombstone") }
            return TrajectoryTombstone(kind: kind, template: template, startMonth: start, months: Int(months), endReason: reason,
                                       eventsDue: Int(due), eventsDone: Int(done))
        }
    }
}
