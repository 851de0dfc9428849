/// Why a document is not valid JSON, and where.
///
/// Meant to be shown as-is to whoever edits the file, so every message says what the parser
/// expected and what it found, with invisible characters spelled out ("newline", "U+00A0") and a
/// hint for the usual hand-editing slips (comments, trailing commas, single or curly quotes).
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of container left open at the end of the input.
    public enum Container: String, Sendable, Hashable {
        case array, object
    }

    /// What went wrong. Texts called `found` hold the offending characters themselves (a single
    /// character, or a whole word such as `NaN`); `description` renders them visibly, so
    /// `"\(error.kind)"` reads as the message without a position.
    public enum Kind: Sendable, Hashable, CustomStringConvertible {
        /// The input ended where a value was still needed (e.g. an empty document).
        case unexpectedEnd(expected: String)
        /// The input ended inside an array or object; `openedAt` is its `[` or `{`.
        case unclosed(Container, openedAt: SourcePosition, expected: String)
        case unexpectedCharacter(found: String, expected: String)
        /// A `,` directly before `closing` (`]` or `}`); reported at the comma.
        case trailingComma(closing: String)
        /// Another member or item directly after one, without the `,` between them; reported where
        /// the comma belongs (right after the first), with where the next one starts: usually a
        /// line further down, where the parser noticed, but not where the comma is missing.
        case missingComma(Container, next: SourcePosition)
        /// A string without its closing quote, reported at the opening quote; `found` is the
        /// line break that ended it, or nil for the end of the input.
        case unterminatedString(found: String?)
        /// A backslash followed by `found`, which is not one of `" \ / b f n r t u`.
        case invalidEscape(found: String)
        /// `\u` not followed by four hex digits: `escape` is what was read (e.g. `\u12`), `found`
        /// the character that is not a hex digit, or nil for the end of the input.
        case invalidUnicodeEscape(escape: String, found: String?)
        /// A `\uD800`–`\uDFFF` escape that is not part of a high+low surrogate pair.
        case loneSurrogate(UInt16)
        case invalidNumber(literal: String, reason: String)
        /// A byte U+0000–U+001F other than a line break inside a string.
        case controlCharacterInString(UInt8)
        case tooDeep(limit: Int)
        case tooLarge(size: Int, limit: Int)
        /// `byte` starts a sequence that is not well-formed UTF-8.
        case invalidUTF8(byte: UInt8)
        /// Something other than whitespace after the top-level value.
        case trailingContent(found: String)
    }

    public var position: SourcePosition
    public var kind: Kind

    public init(position: SourcePosition, kind: Kind) {
        self.position = position
        self.kind = kind
    }

    /// `line 4, column 12: expected ',' or '}' after an object member, found '"'`
    public var description: String {
        "line \(position.line), column \(position.column): \(message)"
    }

    /// `file:line:column: message`, the location format terminals and editors make clickable.
    public func formatted(file: String) -> String {
        "\(file):\(position.line):\(position.column): \(message)"
    }

    /// The explanation without the position (the same as `kind.description`).
    public var message: String { kind.description }
}

extension JSONSyntaxError.Kind {
    public var description: String {
        typealias E = JSONSyntaxError
        switch self {
        case .unexpectedEnd(let expected):
            return "expected \(expected), found end of file"
        case let .unclosed(container, openedAt, expected):
            return "expected \(expected), found end of file (the \(container.rawValue) opened at line "
                + "\(openedAt.line), column \(openedAt.column) is not closed)"
        case let .unexpectedCharacter(found, expected):
            return "expected \(expected), found \(E.render(found))" + E.hint(for: found)
        case let .missingComma(container, next):
            let what = container == .object ? "member" : "item"
            return "expected ',' after this \(what): the next \(what) starts at line \(next.line), column \(next.column) "
                + "(JSON needs a comma between \(what)s)"
        case .trailingComma(let closing):
            let what = closing == "}" ? "another member" : "another item"
            return "trailing comma: expected \(what) after ',', found '\(closing)' "
                + "(JSON does not allow a comma after the last \(closing == "}" ? "member" : "item"))"
        case .unterminatedString(nil):
            return "unterminated string: expected a closing '\"', found end of file"
        case .unterminatedString(let found?):
            return "unterminated string: expected a closing '\"' before the end of the line, found "
                + "\(E.render(found)) (a string cannot span lines; write \\n for a line break)"
        case .invalidEscape(let found):
            return "invalid escape: expected '\"', '\\', '/', 'b', 'f', 'n', 'r', 't' or 'u' after a "
                + "backslash, found \(E.render(found)) (write a literal backslash as \\\\)"
        case let .invalidUnicodeEscape(escape, found):
            return "invalid Unicode escape '\(escape)': expected 4 hexadecimal digits after '\\u', found "
                + (found.map(E.render) ?? "end of file")
        case .loneSurrogate(let unit):
            let escape = "'\\u\(E.hex(UInt32(unit), digits: 4))'"
            if unit < 0xDC00 {
                return "unpaired surrogate \(escape): expected a low-surrogate escape (\\uDC00–\\uDFFF) "
                    + "directly after a high surrogate"
            }
            return "unpaired surrogate \(escape): a low surrogate must directly follow a high-surrogate "
                + "escape (\\uD800–\\uDBFF)"
        case let .invalidNumber(literal, reason):
            return "invalid number '\(literal)': \(reason)"
        case .controlCharacterInString(let byte):
            let name = switch byte {
            case 0x00: " (NUL)"
            case 0x08: " (backspace)"
            case 0x09: " (tab)"
            case 0x0C: " (form feed)"
            case 0x1B: " (escape)"
            default: ""
            }
            return "unescaped control character U+\(E.hex(UInt32(byte), digits: 4))\(name) in string; "
                + "write it as \(E.escape(for: byte))"
        case .tooDeep(let limit):
            return "too deeply nested: more than \(limit) levels of arrays and objects"
        case let .tooLarge(size, limit):
            return "input is too large: \(size) bytes, the limit is \(limit) bytes"
        case .invalidUTF8(let byte):
            // FE and FF never occur in UTF-8 but start every UTF-16 byte order mark.
            let encoding = byte == 0xFF || byte == 0xFE ? "it may be UTF-16; " : ""
            return "invalid UTF-8: malformed byte sequence starting with 0x\(E.hex(UInt32(byte), digits: 2)) "
                + "(\(encoding)save the file as UTF-8)"
        case .trailingContent(let found):
            let hint = found == "}" || found == "]"
                ? " (one closing bracket too many?)" : " (a document holds exactly one value)"
            return "expected end of file after the top-level value, found \(E.render(found))" + hint
        }
    }
}

extension JSONSyntaxError {
    /// Makes `found` text visible: `'x'`, `'NaN'`, "newline", "U+0007", `'“' (U+201C)`.
    static func render(_ found: String) -> String {
        let scalars = found.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return "'\(found)'" }
        switch scalar.value {
        case 0x0A: return "newline"
        case 0x0D: return "carriage return"
        case 0x09: return "tab"
        case 0x20: return "space"
        case 0x27: return "\"'\""
        case 0x00..<0x20, 0x7F: return "U+" + hex(scalar.value, digits: 4)
        case 0x21..<0x7F: return "'\(found)'"
        default:
            let code = "U+" + hex(scalar.value, digits: 4)
            let properties = scalar.properties
            let invisible = properties.isWhitespace || properties.isDefaultIgnorableCodePoint
                || [.control, .format, .surrogate, .privateUse, .unassigned, .nonspacingMark,
                    .spaceSeparator, .lineSeparator, .paragraphSeparator].contains(properties.generalCategory)
            if invisible {
                return properties.name.map { "\(code) (\($0.lowercased()))" } ?? code
            }
            return "'\(found)' (\(code))"
        }
    }

    /// A nudge for the slips people make when writing JSON by hand.
    static func hint(for found: String) -> String {
        switch found {
        case "//", "/*": " (JSON does not allow comments)"
        case "'": " (JSON strings and keys need double quotes)"
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2018}", "\u{2019}", "\u{00AB}", "\u{00BB}":
            " (a typographic quote; JSON needs a straight '\"')"
        case "NaN", "Infinity": " (JSON has no NaN or Infinity)"
        case "True", "False", "TRUE", "FALSE", "None", "Null", "NULL", "nil":
            " (JSON's literals are lowercase: true, false, null)"
        case "\u{FEFF}": " (a byte order mark is only allowed at the very start)"
        default: ""
        }
    }

    /// How a control character must be written inside a JSON string.
    static func escape(for byte: UInt8) -> String {
        switch byte {
        case 0x08: "\\b"
        case 0x09: "\\t"
        case 0x0A: "\\n"
        case 0x0C: "\\f"
        case 0x0D: "\\r"
        default: "\\u" + hex(UInt32(byte), digits: 4)
        }
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
