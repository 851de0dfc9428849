import Foundation
import KoersFormats
import KoersModel

/// The half-year report as `koers report halfyear` makes it once the workspace is loaded: the
/// histories (and indicator measurements, spending and scan rounds, none here) read from the
/// database, the report built as of the period's last day, rendered in HTML and in text. For the
/// bundled agenda with the demo history, and for the synthetic agenda with ten years of history;
/// each against the floor of reading the same history rows with one plain query and
/// concatenating a string of the same byte count (`Floor`).
func renderReports(_ bench: Bench) throws -> [Row] {
    var rows: [Row] = []
    for input in [try bench.bundledHistory(), try bench.syntheticHistory()] {
        let floor = try Floor(input)
        for format in [ReportFormat.html, .text] {
            var bytes = 0
            let sample = try bench.sample("report \(input.period) \(format.rawValue), \(input.name)") {
                let builder = try ReportBuilder(workspace: input.workspace, store: input.store, reportingOn: .halfYear(input.period))
                let report = try builder.report(.halfYear(input.period), asOf: input.asOf)
                bytes = format.render(report).utf8.count
            }
            let baseline = try bench.sample(Floor.name(bytes: bytes, input)) { try floor.run(bytes: bytes) }
            rows.append(Row(id: "report-\(format.rawValue)-\(input.id)", sample: sample, baseline: baseline,
                            detail: "\(input.steps) steps, \(input.events) events, \(Format.bytes(bytes))"))
        }
    }
    return rows
}
