import Foundation

/// Reads a CSV file as spreadsheets and form tools write it: RFC 4180 quoting (fields in double
/// quotes may hold separators, quotes doubled, and line breaks), `;` (Excel in Dutch) or `,` as
/// separator, detected from the header, UTF-8 with or without a byte order mark, CRLF or LF.
///
/// A malformed record does not stop the reading: it carries its problem, so one run reports every
/// bad row. Rows are numbered as a spreadsheet shows them, the header being row 1; a record whose
/// quoted field spans lines is still one row, and `line` says where it starts in the file.
package struct CSVReader {
    package struct Record: Equatable {
        package var fields: [String]
        /// 1 for the header.
        package var row: Int
        /// The line of the file the record starts on.
        package var line: Int
        /// Why the record could not be read as it stands.
        package var problem: String?

        package var isBlank: Bool { fields.allSatisfy { $0.isEmpty } }
    }

    package enum Failure: Error, Equatable, CustomStringConvertible {
        case notUTF8
        case empty
        case noSeparator

        package var description: String {
            switch self {
            case .notUTF8: "is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\""
            case .empty: "is empty; expected a header row and one row per answer"
            case .noSeparator: "row 1: expected a header with columns separated by ; or , (e.g. school;respondent;item;score)"
            }
        }
    }

    let separator: Unicode.Scalar
    package let records: [Record]

    package init(_ bytes: [UInt8]) throws(Failure) {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        guard let text = String(validating: body, as: UTF8.self) else { throw .notUTF8 }
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { !$0.properties.isWhitespace }) else { throw .empty }
        guard let separator = Self.detectSeparator(scalars) else { throw .noSeparator }
        self.separator = separator
        self.records = Self.parse(scalars, separator: separator)
    }

    /// The separator the header uses most, outside quotes; `;` when as many of each.
    private static func detectSeparator(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar? {
        var semicolons = 0, commas = 0, quoted = false
        for c in scalars {
            if c == "\"" { quoted.toggle() }
            if quoted { continue }
            if c == "\n" || c == "\r" { break }
            if c == ";" { semicolons += 1 }
            if c == "," { commas += 1 }
        }
        if semicolons == 0 && commas == 0 { return nil }
        return semicolons >= commas ? ";" : ","
    }

    private static func parse(_ scalars: [Unicode.Scalar], separator: Unicode.Scalar) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var problem: String?
        var line = 1, recordLine = 1
        var i = 0
        var quoted = false
        /// Whether the current field began with a quote (its spaces are kept, and it is closed).
        var wasQuoted = false

        func endField() {
            let text = String(field)
            fields.append(wasQuoted ? text : text.trimmingCharacters(in: .whitespaces))
            field = String.UnicodeScalarView()
            wasQuoted = false
        }
        func endRecord() {
            endField()
            records.append(Record(fields: fields, row: records.count + 1, line: recordLine, problem: problem))
            fields = []
            problem = nil
        }

        while i < scalars.count {
            let c = scalars[i]
            i += 1
            if quoted {
                if c == "\"" {
                    if i < scalars.count && scalars[i] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        quoted = false
                        // Only spaces may follow a closing quote before the separator or line end.
                        while i < scalars.count && (scalars[i] == " " || scalars[i] == "\t") { i += 1 }
                        if i < scalars.count && scalars[i] != separator && scalars[i] != "\r" && scalars[i] != "\n" {
                            problem = problem ?? "text follows a closing double quote in field \(fields.count + 1); "
                                + "a quoted field ends at its closing quote (write a quote inside it as \"\")"
                            while i < scalars.count && scalars[i] != separator && scalars[i] != "\r" && scalars[i] != "\n" { i += 1 }
                        }
                    }
                } else {
                    if c == "\n" || (c == "\r" && !(i < scalars.count && scalars[i] == "\n")) { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case separator:
                endField()
            case "\r", "\n":
                if c == "\r" && i < scalars.count && scalars[i] == "\n" { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            case "\"" where String(field).allSatisfy({ $0 == " " || $0 == "\t" }):
                field = String.UnicodeScalarView()
                quoted = true
                wasQuoted = true
            case "\"":
                problem = problem ?? "a double quote inside unquoted field \(fields.count + 1); "
                    + "put the whole field in double quotes and double the quote (\"\")"
                field.append(c)
            default:
                field.append(c)
            }
        }
        if quoted {
            problem = problem ?? "a quoted field (field \(fields.count + 1)) is never closed; add the closing double quote"
        }
        if quoted || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
