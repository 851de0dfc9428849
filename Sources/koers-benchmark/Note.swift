/// A number the run found that is not a time against a baseline (the size of a database, how long
/// a one-off step took), printed under the table and kept in the JSON.
struct Note {
    /// Stable, for the JSON output: `history-1-100x`.
    var id: String
    /// The line under the table.
    var text: String
    /// The same numbers for machines: `("database_bytes", 4_321_280)`.
    var values: [(name: String, value: Double)]
}
