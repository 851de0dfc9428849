/// The rows as one plain text table, columns padded to their widest cell, numbers right-aligned,
/// each row's detail (what the work produced) under its name, and the notes (numbers that are not
/// timings) under the table.
enum TableReport {
    static func text(_ rows: [Row], notes: [Note] = [], machine: Machine) -> String {
        let header = ["measurement", "median", "spread (min–max)", "runs", "baseline", "ratio"]
        var cells: [[String]] = []
        for row in rows {
            cells.append([row.sample.name, Format.milliseconds(row.sample.median.milliseconds), Format.spread(row.sample),
                          String(row.sample.runs),
                          "\(row.baseline.name), \(Format.milliseconds(row.baseline.median.milliseconds))",
                          Format.ratio(row.ratio)])
            if let detail = row.detail { cells.append(["  " + detail, "", "", "", "", ""]) }
        }
        let widths = header.indices.map { column in ([header] + cells).map { $0[column].count }.max()! }
        let rightAligned: Set<Int> = [1, 2, 3, 5]
        func line(_ row: [String]) -> String {
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        let table = ["Koers benchmark: \(machine.summary)", "", line(header), rule] + cells.map(line)
        return (table + (notes.isEmpty ? [] : [""] + notes.map(\.text))).joined(separator: "\n") + "\n"
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
