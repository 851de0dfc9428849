@testable import KoersFormats

/// The CSV writer behind `koers export csv`: whatever the texts, an RFC 4180 reader gets back
/// exactly the rows and fields written (each formula-guarded), and nothing starts a formula.
///
/// The input's first field is the `--separator` text; the rest are cells, 0xFF between cells and
/// 0xFE between rows (bytes that never occur in UTF-8, so every other byte can be in a cell).
enum CSVFuzzTarget: FuzzTarget {
    static let name = "csv"

    static func check(_ input: [UInt8]) throws(FuzzFailure) {
        let separatorText = String(decoding: input.prefix { $0 != 0xFF && $0 != 0xFE }, as: UTF8.self)
        let separator: Unicode.Scalar
        do {
            separator = try CSVTable.separator(parsing: separatorText)
        } catch {
            separator = ";"
        }
        let rows = input.split(separator: 0xFE, omittingEmptySubsequences: false).map { row in
            row.split(separator: 0xFF, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
        let table = CSVTable(header: rows[0], rows: Array(rows.dropFirst()), separator: separator)
        let text = table.text
        try require(text.unicodeScalars.first == "\u{FEFF}", "no byte order mark")
        let read = try RFC4180.rows(of: String(text.unicodeScalars.dropFirst()), separator: separator)
        let expected = rows.map { $0.map(CSVTable.guarded) }
        // Scalar by scalar: String's == would take a decomposed "é" for a composed one.
        let scalars = { (rows: [[String]]) in rows.map { $0.map { Array($0.unicodeScalars) } } }
        try require(scalars(read) == scalars(expected), "read back \(read), wrote \(expected)")
        for field in read.joined() {
            guard let first = field.unicodeScalars.first else { continue }
            try require(!CSVTable.formulaStarts.contains(first), "a field starts a formula: \(field.debugDescription)")
        }
    }
}

/// A strict RFC 4180 reader, written independently of `CSVTable`: every record ends with CRLF.
enum RFC4180 {
    static func rows(of text: String, separator: Unicode.Scalar) throws(FuzzFailure) -> [[String]] {
        let scalars = Array(text.unicodeScalars)
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var i = 0
        var quoted = false
        var fieldStart = true
        while i < scalars.count {
            let c = scalars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" {
                        field.append("\"")
                        i += 2
                        continue
                    }
                    quoted = false
                    i += 1
                    try require(i < scalars.count && (scalars[i] == separator || scalars[i] == "\r"),
                                "text after a closing quote at scalar \(i)")
                    continue
                }
                field.append(c)
                i += 1
                continue
            }
            if fieldStart && c == "\"" {
                quoted = true
                fieldStart = false
                i += 1
                continue
            }
            fieldStart = false
            switch c {
            case separator:
                row.append(String(field))
                field = String.UnicodeScalarView()
                fieldStart = true
                i += 1
            case "\r":
                try require(i + 1 < scalars.count && scalars[i + 1] == "\n", "a bare CR outside quotes at scalar \(i)")
                row.append(String(field))
                rows.append(row)
                row = []
                field = String.UnicodeScalarView()
                fieldStart = true
                i += 2
            case "\n", "\"":
                throw FuzzFailure(description: "an unquoted \(c.escaped(asASCII: true)) at scalar \(i)")
            default:
                field.append(c)
                i += 1
            }
        }
        try require(!quoted, "an unterminated quoted field")
        try require(row.isEmpty && field.isEmpty && fieldStart, "the last record does not end with CRLF")
        return rows
    }
}
