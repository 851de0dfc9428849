/// An agenda file from arbitrary bytes, loaded beside a fixed configuration (see `WorkspaceFuzzing`).
enum AgendaFuzzTarget: FuzzTarget {
    static let name = "agenda"

    static func check(_ input: [UInt8]) throws(FuzzFailure) {
        try WorkspaceFuzzing.check(config: WorkspaceFuzzing.config, agenda: input)
    }
}
