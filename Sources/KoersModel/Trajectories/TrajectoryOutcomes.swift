/// What the board wants to know about its trajectories, anonymous and counted per cohort (the
/// calendar year they started): how many are still in their trajectory (or completed it) after
/// one, two and three years, how many left or finished, and how many events were missed. Erased
/// trajectories count through their tombstones, so the figures survive erasure; one erased while
/// it still ran counts as erased (how it would have ended is not known), and towards staying
/// only for the years it is known to have run.
///
/// An event is *missed* when its day has passed while the trajectory ran and nobody recorded it
/// as done (`koers starter done`).
public struct TrajectoryOutcomes: Sendable, Encodable {
    public struct Stayed: Sendable, Encodable, Equatable {
        public var years: Int
        /// Started at least this many years ago: the ones the figure is about.
        public var eligible: Int
        /// Of those: still running after that time, or ended as finished.
        public var stayed: Int
    }

    public struct Cohort: Sendable, Encodable, Equatable {
        /// The start year; nil for the total.
        public var year: Int?
        public var started = 0
        public var running = 0
        public var finished = 0
        public var left = 0
        /// Erased while still running.
        public var erased = 0
        public var stayed: [Stayed]
        public var eventsDue = 0
        public var eventsDone = 0
        public var eventsMissed: Int { eventsDue - eventsDone }

        enum CodingKeys: String, CodingKey { case year, started, running, finished, left, erased, stayed, eventsDue, eventsDone, eventsMissed }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(year, forKey: .year)
            try c.encode(started, forKey: .started)
            try c.encode(running, forKey: .running)
            try c.encode(finished, forKey: .finished)
            try c.encode(left, forKey: .left)
            try c.encode(erased, forKey: .erased)
            try c.encode(stayed, forKey: .stayed)
            try c.encode(eventsDue, forKey: .eventsDue)
            try c.encode(eventsDone, forKey: .eventsDone)
            try c.encode(eventsMissed, forKey: .eventsMissed)
        }
    }

    public var kind: String
    public var asOf: String
    public var cohorts: [Cohort]
    public var total: Cohort

    /// One trajectory reduced to what the counts need.
    struct Record {
        var start: LocalDate
        /// Whole months it ran, when it ended (or was erased).
        var months: Int?
        /// Nil while it runs.
        var reason: TrajectoryTombstone.Reason?
        var due: Int
        var done: Int
    }

    /// The years after which staying is counted: three for starters, one for students.
    static func horizons(_ kind: Trajectory.Kind) -> [Int] { kind == .starter ? [1, 2, 3] : [1] }

    public init(kind: Trajectory.Kind, book: TrajectoryBook, tombstones: [TrajectoryTombstone], today: LocalDate) {
        var records: [Record] = book.trajectories.filter { $0.kind == kind }.map { t in
            let end = t.end?.on
            let due = book.plan(of: t)?.due(before: min(today, (end ?? today).adding(days: 1))) ?? []
            return Record(start: t.start, months: end.map { Self.wholeMonths(from: t.start, to: $0) },
                          reason: t.end.map { TrajectoryTombstone.Reason($0.reason) },
                          due: due.count, done: due.filter { $0.doneOn != nil }.count)
        }
        records += tombstones.map {
            Record(start: $0.startMonth.firstDay, months: $0.months, reason: $0.endReason, due: $0.eventsDue, done: $0.eventsDone)
        }
        let horizons = Self.horizons(kind)
        func cohort(_ year: Int?, _ list: [Record]) -> Cohort {
            var c = Cohort(year: year, stayed: horizons.map { Stayed(years: $0, eligible: 0, stayed: 0) })
            for r in list {
                c.started += 1
                switch r.reason {
                case nil: c.running += 1
                case .finished: c.finished += 1
                case .left: c.left += 1
                case .erased: c.erased += 1
                }
                c.eventsDue += r.due
                c.eventsDone += r.done
                for (i, years) in horizons.enumerated() where r.start.adding(months: 12 * years) <= today {
                    let ranThatLong = r.months.map { $0 >= 12 * years } ?? true
                    // Erased sooner: whether the person stayed is not known.
                    if r.reason == .erased && !ranThatLong { continue }
                    c.stayed[i].eligible += 1
                    if r.reason != .left || ranThatLong { c.stayed[i].stayed += 1 }
                }
            }
            return c
        }
        let byYear = Dictionary(grouping: records) { $0.start.year }
        self.kind = kind.rawValue
        self.asOf = today.description
        self.cohorts = byYear.keys.sorted().map { cohort($0, byYear[$0]!) }
        self.total = cohort(nil, records)
    }

    /// Whole months from `start` to `end`: 2024-09-02 to 2025-09-01 is 11, to 2025-09-02 is 12.
    package static func wholeMonths(from start: LocalDate, to end: LocalDate) -> Int {
        var months = (end.year - start.year) * 12 + end.month - start.month
        if start.adding(months: months) > end { months -= 1 }
        return max(months, 0)
    }
}
