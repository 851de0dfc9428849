import Foundation
import KoersFormats

/// The rows as JSON, for tracking results over time: times in milliseconds, every run kept; the
/// notes with their numbers.
enum JSONReport {
    static func text(_ rows: [Row], notes: [Note] = [], machine: Machine) -> String {
        let value: JSONValue = .object([
            ("format", "koers-benchmark/1"),
            ("date", .string(machine.date)),
            ("machine", .object([("cores", .int(machine.cores)), ("cpu", .string(machine.cpu)), ("build", .string(machine.build))])),
            ("unit", "ms"),
            ("rows", .array(rows.map { row in
                JSONValue.object([
                    ("id", .string(row.id)),
                    ("measurement", .string(row.sample.name)),
                    ("detail", row.detail.map(JSONValue.string) ?? .null),
                    ("sample", sample(row.sample)),
                    ("baseline", sample(row.baseline)),
                    ("ratio", number(row.ratio)),
                ])
            })),
            ("notes", .array(notes.map { note in
                JSONValue.object([
                    ("id", .string(note.id)),
                    ("text", .string(note.text)),
                    ("values", .object(note.values.map { ($0.name, number($0.value)) })),
                ])
            })),
        ])
        return JSONWriter.write(value) + "\n"
    }

    private static func sample(_ s: Sample) -> JSONValue {
        .object([
            ("name", .string(s.name)),
            ("median", number(s.median.milliseconds)),
            ("min", number(s.min.milliseconds)),
            ("max", number(s.max.milliseconds)),
            ("runs", .array(s.durations.map { number($0.milliseconds) })),
        ])
    }

    /// Four decimals: tenths of a microsecond for times.
    private static func number(_ x: Double) -> JSONValue {
        JSONNumber(literal: String(format: "%.4f", x)).map(JSONValue.number) ?? .null
    }
}
