/// The command line; see `usage`.
struct Options {
    var json = false
    /// The national rows (`National.swift`) instead of the default ones.
    var national = false
    /// Only the SMTP rows of the national set (`SMTPThroughput.swift`).
    var smtpOnly = false
    /// How many times the bundled agenda's size the synthetic agenda is.
    var scale = 100
    var seed: UInt64 = 1
    /// Time spent on the runs of one sample, after its warm-up run.
    var secondsPerSample = 2.0
    var minimumRuns = 5
    var repository: String?
    /// Only write the synthetic workspace and its history into this folder (to inspect them, or
    /// `koers check` them).
    var writeFolder: String?

    static let usage = """
        usage: koers-benchmark [--json] [--national | --smtp] [--scale N] [--seed N] [--seconds S] [--min-runs N] [--repository DIR]
               koers-benchmark --write DIR [--scale N] [--seed N]

        Measures loading, planning, the half-year report and the site on the bundled agenda (with
        the demo history) and on a synthetic agenda N times its size (default 100, with years of
        synthetic history), each row against a baseline measured in the same run, and prints a
        table (or JSON with --json). Build with -c release; scripts/benchmark does both.

          --json            JSON instead of the table
          --national        instead: 150 agendas, 10 years of history, 20,000 trajectories and
                            5 scan rounds (generated once into .build/benchmark-data/), loaded,
                            planned, reported and published (about 3 minutes)
          --smtp            instead: only the outbox and SMTP rows of --national (about a minute)
          --scale N         size of the synthetic agenda, in bundled agendas (default 100)
          --seed N          seed of the synthetic agenda and history (default 1)
          --seconds S       time per measurement after a warm-up run (default 2)
          --min-runs N      fewest runs per measurement (default 5; at most 51 are made)
          --repository DIR  the Koers repository (default: found from the current folder)
          --write DIR       only write the synthetic workspace (koers.json, agendas/) into DIR, and
                            its history into DIR/koers.sqlite unless that file exists
        """

    /// Nil with `--help`; throws a usage message on anything it does not understand.
    static func parse(_ arguments: [String]) throws -> Options? {
        var options = Options()
        var rest = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let value = rest.popFirst() else { throw BenchmarkError("\(flag) needs a value\n\n\(usage)") }
            return value
        }
        func number<T: LosslessStringConvertible & Comparable>(_ flag: String, atLeast minimum: T) throws -> T {
            let text = try value(flag)
            guard let n = T(text), n >= minimum else { throw BenchmarkError("\(flag) \(text): expected a number ≥ \(minimum)") }
            return n
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--json": options.json = true
            case "--national": options.national = true
            case "--smtp": options.smtpOnly = true
            case "--scale": options.scale = try number(argument, atLeast: 1)
            case "--seed": options.seed = try number(argument, atLeast: 0)
            case "--seconds": options.secondsPerSample = try number(argument, atLeast: 0.0)
            case "--min-runs": options.minimumRuns = try number(argument, atLeast: 1)
            case "--repository": options.repository = try value(argument)
            case "--write": options.writeFolder = try value(argument)
            case "--help", "-h": return nil
            default: throw BenchmarkError("unknown argument \(argument)\n\n\(usage)")
            }
        }
        return options
    }
}
