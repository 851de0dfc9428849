import Foundation
import KoersFormats

/// Loading and checking one agenda `scale` times the bundled one's size, against loading the
/// bundled agenda: about `scale`× means loading grows linearly with the agenda.
func loadSynthetic(_ bench: Bench) throws -> [Row] {
    let config = try bench.syntheticWorkspace()
    let baseline = try bundledLoadSample(bench)
    let workspace = try Workspace.load(configPath: config, environment: [:])
    let sample = try bench.sample("load+validate \(bench.options.scale)× agenda") {
        _ = try Workspace.load(configPath: config, environment: [:])
    }
    let bytes = workspace.config.agendaPaths.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }
        .reduce(0, +)
    let steps = workspace.agendas.map { $0.placedSteps.count }.reduce(0, +)
    return [Row(id: "load-\(bench.options.scale)x", sample: sample, baseline: baseline,
                detail: "\(steps) steps, \(bytes / 1024) KiB")]
}
