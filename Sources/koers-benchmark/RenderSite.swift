import Foundation
import KoersServices

/// The site as `koers site` makes it once the workspace is loaded, in two rows per agenda:
/// - pages: the histories and archived reports read from the database and every page built
///   (`SiteBuilder.pages()`), against the same floor as the reports (`Floor`) for the pages'
///   total byte count;
/// - write: `SiteWriter.write` of those pages to a folder (a new hidden folder, every file and
///   folder flushed with fsync, then swapped in by renaming, the old one deleted), against
///   `FileManager.createFile` writing the same bytes to the same files in place (Foundation writes
///   each through a temporary file, with fsync and rename), without the folder syncs and the swap.
/// For the bundled agenda with the demo history (as of 15 October 2024) and the synthetic agenda
/// with ten years of history (as of 15 October of its last year). The database has no archived
/// reports, so the site is its four pages.
func renderSite(_ bench: Bench) throws -> [Row] {
    var rows: [Row] = []
    for input in [try bench.bundledHistory(), try bench.syntheticHistory()] {
        let floor = try Floor(input)
        var pages: [String: [UInt8]] = [:]
        let built = try bench.sample("site pages, \(input.name)") {
            let set = try input.agendaSet()
            pages = SiteBuilder(agendas: set, reports: try input.store.archivedReports(), config: input.workspace.config,
                                now: input.now).pages()
        }
        let bytes = pages.values.map(\.count).reduce(0, +)
        let floorSample = try bench.sample(Floor.name(bytes: bytes, input)) { try floor.run(bytes: bytes) }
        rows.append(Row(id: "site-pages-\(input.id)", sample: built, baseline: floorSample,
                        detail: "\(input.steps) steps, \(input.events) events, \(pages.count) files, \(Format.bytes(bytes))"))

        let folder = bench.scratch + "/site-\(input.id)"
        let written = try bench.sample("site write, \(input.name)") { try SiteWriter.write(pages, to: folder) }
        let plain = bench.scratch + "/plain-\(input.id)"
        let sorted = pages.sorted { $0.key < $1.key }.map { (path: plain + "/" + $0.key, data: Data($0.value)) }
        let baseline = try bench.sample("FileManager, same \(pages.count) files, \(Format.bytes(bytes))") {
            for file in sorted {
                try FileManager.default.createDirectory(atPath: (file.path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: file.path, contents: file.data) else {
                    throw BenchmarkError("could not write \(file.path)")
                }
            }
        }
        rows.append(Row(id: "site-write-\(input.id)", sample: written, baseline: baseline,
                        detail: "\(pages.count) pages + marker, each fsynced, swapped in"))
    }
    return rows
}
