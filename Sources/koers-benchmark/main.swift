import Foundation
import KoersCore

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
        print(try SyntheticWorkspace(agendas: 1, scale: options.scale, seed: options.seed).write(to: folder))
        exit(0)
    } catch {
        fail("\(error)", status: 1)
    }
}
do {
    let bench = try Bench(options: options)
    defer { bench.cleanUp() }
    var rows: [Row] = []
    for measure in measurements { rows += try measure(bench) }
    let machine = Machine.current()
    print(options.json ? JSONReport.text(rows, machine: machine) : TableReport.text(rows, machine: machine), terminator: "")
} catch {
    fail("\(error)", status: 1)
}
