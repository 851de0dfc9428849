/// The timings of one measured piece of work, several runs after one warm-up run.
struct Sample {
    var name: String
    var durations: [Duration]

    var runs: Int { durations.count }
    var median: Duration {
        let sorted = durations.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
    var min: Duration { durations.min()! }
    var max: Duration { durations.max()! }
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e3 + Double(attoseconds) * 1e-15
    }
}
