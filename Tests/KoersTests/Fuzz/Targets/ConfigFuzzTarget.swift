/// A configuration file from arbitrary bytes, loaded with a fixed agenda (see `WorkspaceFuzzing`).
enum ConfigFuzzTarget: FuzzTarget {
    static let name = "config"

    static func check(_ input: [UInt8]) throws(FuzzFailure) {
        try WorkspaceFuzzing.check(config: input, agenda: WorkspaceFuzzing.agenda)
    }
}
