import Foundation
import KoersFormats

/// Loading and checking the bundled agenda with the example configuration (and its template), as
/// every command does first, against Foundation reading and parsing the same files with
/// `JSONSerialization`: the price of Koers' own parser (positions, duplicate keys, every problem
/// at once), decoders and validators.
func loadBundled(_ bench: Bench) throws -> [Row] {
    let loaded = try bundledLoadSample(bench)
    let files = try Workspace.load(configPath: bench.exampleConfig, environment: [:]).config
    let paths = [bench.exampleConfig] + files.agendaPaths + files.templatePaths
    let baseline = try bench.sample("JSONSerialization, same files") {
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            _ = try JSONSerialization.jsonObject(with: data)
        }
    }
    let bytes = paths.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }.reduce(0, +)
    return [Row(id: "load-bundled", sample: loaded, baseline: baseline, detail: "\(paths.count) files, \(bytes / 1024) KiB")]
}

/// `Workspace.load` of the example configuration; also the baseline of the synthetic load.
func bundledLoadSample(_ bench: Bench) throws -> Sample {
    try bench.sample("load+validate bundled agenda") {
        _ = try Workspace.load(configPath: bench.exampleConfig, environment: [:])
    }
}
