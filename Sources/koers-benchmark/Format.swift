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

    /// `41.2 KiB`, `3.21 MiB`
    static func bytes(_ count: Int) -> String {
        count < 1_048_576 ? number(Double(count) / 1024) + " KiB" : number(Double(count) / 1_048_576) + " MiB"
    }

    static func number(_ x: Double) -> String {
        String(format: x >= 100 ? "%.0f" : x >= 10 ? "%.1f" : "%.2f", x)
    }
}
