/// One line of the benchmark table: a measured sample against a baseline measured in the same run.
/// Every measurement, present and future (report rendering, SMTP throughput, database size …),
/// produces rows of this one shape, so the table and the JSON output need no changes.
struct Row {
    /// Stable, for the JSON output and for comparing runs: `plan-year-100x`.
    var id: String
    var sample: Sample
    var baseline: Sample
    /// What the work produced, to show it did what it says: `5400 steps, 2611 reminders`.
    var detail: String?

    /// Median over median: how many times the baseline's time this row takes.
    var ratio: Double { sample.median.milliseconds / baseline.median.milliseconds }
}
