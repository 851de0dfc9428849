import Foundation
import KoersFormats
import KoersStore
import KoersSynthetic

// koers-benchmark: measures, then prints a table (or JSON). See Options.usage and scripts/benchmark.
func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("koers-benchmark: \(message)\n".utf8))
    exit(status)
}

let parsed: Options?
do { parsed = try Options.parse(Array(CommandLine.arguments.dropFirst())) } catch { fail("\(error)", status: 64) }
guard let options = parsed else {
    print(Options.usage)
    exit(0)
}
if let folder = options.writeFolder {
    do {
        let config = try SyntheticWorkspace(agendas: 1, scale: options.scale, seed: options.seed).write(to: folder)
        print(config)
        // The history the report and site rows use, in the configuration's database, unless one is there.
        let workspace = try Workspace.load(configPath: config, environment: [:])
        let database = workspace.config.databasePath
        if FileManager.default.fileExists(atPath: database) {
            FileHandle.standardError.write(Data("koers-benchmark: \(database) exists; its history is left as it is\n".utf8))
        } else if let agenda = workspace.agendas.first {
            let through = HistoryInput.siteDay(agenda)
            _ = try SyntheticHistory(seed: options.seed, through: through).record(workspace, into: try Store(path: database))
            print("\(database) (history through \(through): koers --config \(config) --now \(through) site --out SITE)")
        }
        exit(0)
    } catch {
        fail("\(error)", status: 1)
    }
}
do {
    let bench = try Bench(options: options)
    defer { bench.cleanUp() }
    var rows: [Row] = []
    let chosen = options.smtpOnly ? [smtpThroughput] : options.national ? nationalMeasurements : measurements
    for measure in chosen { rows += try measure(bench) }
    let machine = Machine.current()
    print(options.json ? JSONReport.text(rows, notes: bench.notes, machine: machine)
                       : TableReport.text(rows, notes: bench.notes, machine: machine), terminator: "")
} catch {
    fail("\(error)", status: 1)
}
