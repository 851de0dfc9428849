import Foundation

/// Numbers as the table shows them: three significant digits, so columns stay narrow.
enum Format {
    static func milliseconds(_ ms: Double) -> String { number(ms) + " ms" }

    /// `1.00×`, `12.3×`, `104×`
    static func ratio(_ r: Double) -> String { number(r) + "×" }

    /// `3.10–3.52 ms`: the fastest and the slowest run.
    static func spread(_ sample: Sample) -> String {
        number(sample.min.milliseconds) + "–" + milliseconds(sample.max.milliseconds)
    }

    private static func number(_ x: Double) -> String {
        String(format: x >= 100 ? "%.0f" : x >= 10 ? "%.1f" : "%.2f", x)
    }
}
