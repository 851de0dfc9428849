/// Every measurement, in table order. Each is a function from the shared `Bench` to its rows, in a
/// file of its own; a new measurement is one more file and one more line here.
let measurements: [@Sendable (Bench) throws -> [Row]] = [
    loadBundled,
    planYear,
    loadSynthetic,
    renderReports,
    renderSite,
]

/// The rows of `--national`, in table order.
let nationalMeasurements: [@Sendable (Bench) throws -> [Row]] = [
    national,
    smtpThroughput,
    daemonAtRest,
]
