/// A table written as CSV the way Excel opens it in a Dutch office: `;` between fields (Dutch
/// Excel uses the comma as decimal separator), UTF-8 with a byte order mark (without it Excel
/// reads the file as Windows-1252 and garbles ë and é), CRLF after every row, and RFC 4180 quoting.
///
/// Every field is also guarded against formula injection (OWASP, ASVS 1.2.10): a field starting
/// with `=`, `+`, `-`, `@` (or their full-width forms), a tab, CR, LF or NUL gets a leading
/// apostrophe, so a spreadsheet shows it as text instead of evaluating it. Agenda texts do start
/// that way ("- ii. Netwerk werkplekbegeleiders…"): without the apostrophe Excel shows `#NAME?`
/// for them, with it the cell reads `'- ii. Netwerk…`. Koers's own values (keys, half-years,
/// dates, statuses) never start with these characters, so only free text is ever changed.
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]
    /// One Unicode scalar: quoting works on scalars, so a combining mark after a separator or a
    /// quote cannot hide it.
    public var separator: Unicode.Scalar
    public var byteOrderMark: Bool

    public init(header: [String], rows: [[String]], separator: Unicode.Scalar = ";", byteOrderMark: Bool = true) {
        self.header = header
        self.rows = rows
        self.separator = separator
        self.byteOrderMark = byteOrderMark
    }

    /// Why a separator cannot be used.
    public enum SeparatorError: Error, CustomStringConvertible, Equatable {
        case unusable(String)

        public var description: String {
            switch self {
            case .unusable(let text):
                "--separator \"\(text)\" cannot separate fields; use one character other than a double quote, an apostrophe, "
                    + "a line break or = + - @, e.g. ';' (Excel in Dutch), ',' or 'tab'"
            }
        }
    }

    /// Reads what people type for `--separator`: one character, or `tab` / `\t`.
    public static func separator(parsing text: String) throws(SeparatorError) -> Unicode.Scalar {
        if text == "tab" || text == "\\t" { return "\t" }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 1, let c = scalars.first, c != "\"", c != "'", c != "\r", c != "\n",
              !formulaStarts.contains(c) || c == "\t" else { throw .unusable(text) }
        return c
    }

    /// The whole file: optional byte order mark, header, rows, each row ended by CRLF.
    public var text: String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        for row in [header] + rows {
            out += row.map { Self.field($0, separator: separator) }.joined(separator: String(separator)) + "\r\n"
        }
        return out
    }

    /// One field: guarded, then quoted when it holds the separator, a double quote, CR or LF
    /// (RFC 4180 §2.6–2.7: inner quotes doubled).
    public static func field(_ value: String, separator: Unicode.Scalar) -> String {
        let guarded = Self.guarded(value)
        let needsQuotes = guarded.unicodeScalars.contains { $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == separator }
        guard needsQuotes else { return guarded }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in guarded.unicodeScalars {
            out.append(scalar)
            if scalar == "\"" { out.append("\"") }
        }
        out.append("\"")
        return String(out)
    }

    /// The characters that make a spreadsheet read a cell as a formula (or DDE) when they come first.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n", "\0", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    /// `value` with a leading apostrophe when it starts with a formula character.
    public static func guarded(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, formulaStarts.contains(first) else { return value }
        return "'" + value
    }
}
