import Foundation
import KoersFormats

/// A folder Koers can run on, made up from a seed: a configuration (`koers.json`) and `agendas`
/// synthetic agendas (`agendas/synthetic-1.json`, …), each `scale` times the bundled agenda's size.
///
/// It exists for the benchmarks (how loading and planning scale with more or bigger agendas) and
/// for fault tests (valid input, changed in one known way); neither should depend on a real
/// board's files. The same seed gives the same bytes on every machine; every agenda passes
/// `Workspace.load`.
public struct SyntheticWorkspace: Sendable {
    public var agendaCount: Int
    public var scale: Int
    public var seed: UInt64
    /// Agenda n starts in 2022 + (n − 1) mod `spreadYears`, so many agendas together cover years
    /// of history (the national benchmark: eight start years, 2022–2031 in all).
    public var spreadYears = 1
    /// Training schools beyond the board's six (`os-001`, …), each with a mentor (`m-001`,
    /// werkplekbegeleider) and a school trainer (`s-001`, schoolopleider) for trajectories.
    public var trainingSchools = 0
    /// Trajectory templates and scan instruments the configuration names (absolute paths).
    public var trajectoryPaths: [String] = []
    public var scanInstrumentPaths: [String] = []

    public init(agendas: Int = 1, scale: Int = 1, seed: UInt64 = 1) {
        agendaCount = max(agendas, 1)
        self.scale = max(scale, 1)
        self.seed = seed
    }

    /// The agendas, with ids `synthetic-1`, `synthetic-2`, … and seeds derived from `seed`.
    public var agendas: [SyntheticAgenda] {
        let root = SplitMix64(seed: seed)
        return (1...agendaCount).map { n in
            var rng = root.derived(UInt64(n))
            return SyntheticAgenda(id: "synthetic-\(n)", scale: scale, seed: rng.next(),
                                   firstYear: 2022 + (n - 1) % max(spreadYears, 1))
        }
    }

    /// Every file as (path relative to the folder, text): the configuration first.
    public func files() -> [(path: String, text: String)] {
        let agendas = self.agendas
        let paths = agendas.map { "agendas/\($0.id).json" }
        let first = agendas.map(\.horizon.from.year).min()!, last = agendas.map(\.horizon.to.year).max()!
        let config = SyntheticConfig(agendaPaths: paths, years: first...last, seed: seed, trainingSchools: trainingSchools,
                                     trajectoryPaths: trajectoryPaths, scanInstrumentPaths: scanInstrumentPaths)
        return [("koers.json", JSONWriter.write(config.json()) + "\n")]
            + zip(paths, agendas).map { ($0, $1.text()) }
    }

    /// Writes the files into `folder` (created if needed) and returns the configuration's path.
    @discardableResult
    public func write(to folder: String) throws -> String {
        for file in files() {
            let path = folder + "/" + file.path
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: path))
        }
        return folder + "/koers.json"
    }
}
