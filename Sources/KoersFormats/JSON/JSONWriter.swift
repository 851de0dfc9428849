/// Writes every JSON Koers produces: files (agendas, quiet periods, the report JSON), the daemon's
/// state in the database, and the `--json` output of the command line (whose `Encodable` views
/// become a `JSONValue` first, see `JSONValue(encoding:)`). Deterministic, so generated files diff
/// cleanly, and `JSONParser.parse(JSONWriter.write(v))` gives back `v` (ignoring positions).
///
/// Members keep their stored order. Strings escape only what RFC 8259 requires (`"`, `\`,
/// U+0000–U+001F: the usual ones as `\n` and the like, the others as `\u00xx`), so non-ASCII text
/// and `/` stay readable. Numbers are written from their literal; a number whose literal is not
/// valid JSON (only possible for values built in code) is written from its `Double`, or as `null`
/// if that is not finite. No trailing newline. How it is laid out is the `Layout`.
public enum JSONWriter {
    /// Where whitespace goes; everything else is the same in every layout.
    public struct Layout: Sendable, Equatable {
        /// Between a key and its value.
        var colon: String
        /// One member or item per line, indented by 2 spaces per level.
        var indents: Bool
        /// An empty array or object as `[`, an empty line and `]` (at the container's indent)
        /// instead of `[]`.
        var opensEmptyContainers: Bool

        /// Files people read and edit: `"key": value`, `[]` and `{}` for empty containers.
        public static let pretty = Layout(colon: ": ", indents: true, opensEmptyContainers: false)
        /// No whitespace at all: values stored in the database.
        public static let compact = Layout(colon: ":", indents: false, opensEmptyContainers: false)
        /// The `--json` output of the command line: `"key" : value`, and an empty array as `[`, an
        /// empty line, `]`. Foundation's `JSONEncoder` laid it out so when Koers used it; scripts
        /// and tests compare this output byte for byte, so it is kept.
        public static let commandOutput = Layout(colon: " : ", indents: true, opensEmptyContainers: true)
    }

    public static func write(_ value: JSONValue, layout: Layout) -> String {
        var output = ""
        write(value, layout: layout, indent: 0, into: &output)
        return output
    }

    public static func write(_ value: JSONValue, pretty: Bool = true) -> String {
        write(value, layout: pretty ? .pretty : .compact)
    }

    public static func write(_ node: JSONNode, pretty: Bool = true) -> String {
        write(node.value, pretty: pretty)
    }

    /// `text` as a JSON string literal, quotes included.
    public static func quote(_ text: String) -> String {
        var output = ""
        appendQuoted(text, to: &output)
        return output
    }

    private static func write(_ value: JSONValue, layout: Layout, indent: Int, into output: inout String) {
        switch value {
        case .null:
            output += "null"
        case .bool(let b):
            output += b ? "true" : "false"
        case .number(let n):
            output += numberText(n)
        case .string(let s):
            appendQuoted(s, to: &output)
        case .array(let items):
            guard !items.isEmpty else { return writeEmpty("[", "]", layout: layout, indent: indent, into: &output) }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                newline(layout, indent: indent + 1, into: &output)
                write(item.value, layout: layout, indent: indent + 1, into: &output)
            }
            newline(layout, indent: indent, into: &output)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else { return writeEmpty("{", "}", layout: layout, indent: indent, into: &output) }
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                newline(layout, indent: indent + 1, into: &output)
                appendQuoted(member.key, to: &output)
                output += layout.colon
                write(member.value.value, layout: layout, indent: indent + 1, into: &output)
            }
            newline(layout, indent: indent, into: &output)
            output += "}"
        }
    }

    private static func writeEmpty(_ open: String, _ close: String, layout: Layout, indent: Int, into output: inout String) {
        output += open
        if layout.opensEmptyContainers {
            output += "\n"
            newline(layout, indent: indent, into: &output)
        }
        output += close
    }

    private static func newline(_ layout: Layout, indent: Int, into output: inout String) {
        guard layout.indents else { return }
        output += "\n"
        output += String(repeating: " ", count: 2 * indent)
    }

    private static func numberText(_ number: JSONNumber) -> String {
        if isValidNumberLiteral(number.literal) { return number.literal }
        return number.double.isFinite ? number.double.description : "null"
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    static func isValidNumberLiteral(_ literal: String) -> Bool {
        let b = Array(literal.utf8)
        var i = 0
        func digits() -> Bool {
            let start = i
            while i < b.count && b[i] &- UInt8(ascii: "0") < 10 { i += 1 }
            return i > start
        }
        if i < b.count && b[i] == UInt8(ascii: "-") { i += 1 }
        if i < b.count && b[i] == UInt8(ascii: "0") {
            i += 1
        } else if !digits() {
            return false
        }
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() else { return false }
        }
        if i < b.count && (b[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            if i < b.count && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            guard digits() else { return false }
        }
        return i == b.count
    }

    private static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        // Copy runs that need no escaping in one piece; most strings are a single run.
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let b = utf8[index]
            let escape: String? = switch b {
            case UInt8(ascii: "\""): "\\\""
            case UInt8(ascii: "\\"): "\\\\"
            case 0x08: "\\b"
            case 0x09: "\\t"
            case 0x0A: "\\n"
            case 0x0C: "\\f"
            case 0x0D: "\\r"
            case 0x00..<0x20: "\\u00" + (b < 0x10 ? "0" : "") + String(b, radix: 16)
            default: nil
            }
            if let escape {
                output += text[runStart..<index]
                output += escape
                runStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output += text[runStart..<utf8.endIndex]
        output += "\""
    }
}
