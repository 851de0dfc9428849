/// A strict RFC 8259 JSON parser that remembers where every value, key and error is.
///
/// Written by hand because `JSONSerialization` drops positions and duplicate keys, both of which
/// matter when the input is a configuration file someone edits in a text editor.
///
/// Design notes:
/// - Works on UTF-8 bytes with an index; strings are the only values that allocate text.
/// - Iterative, with an explicit stack of open containers: nesting depth is limited by
///   `maxDepth` only, never by the thread's stack, so hostile input cannot crash the process.
/// - Columns are computed lazily and incrementally per line (scalars counted since the last
///   computed position), which keeps the cost linear even for a minified one-line file.
/// - Numbers outside `Double`'s range (e.g. `1e400`) are rejected: they are legal JSON syntax,
///   but RFC 8259 lets implementations limit range and no configuration value means infinity.
public enum JSONParser {
    public static let defaultMaxDepth = 256
    public static let defaultMaxBytes = 32 << 20

    /// Parses one JSON document from UTF-8 bytes. A leading UTF-8 byte order mark is skipped.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth,
                             maxBytes: Int = defaultMaxBytes) throws(JSONSyntaxError) -> JSONNode {
        guard bytes.count <= maxBytes else {
            throw JSONSyntaxError(position: .start, kind: .tooLarge(size: bytes.count, limit: maxBytes))
        }
        var parser = JSONDocumentParser(bytes: bytes, maxDepth: maxDepth)
        return try parser.parseDocument()
    }

    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth,
                             maxBytes: Int = defaultMaxBytes) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8), maxDepth: maxDepth, maxBytes: maxBytes)
    }
}

private enum JSONByte {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let star = UInt8(ascii: "*")

    static func isDigit(_ b: UInt8) -> Bool { b &- zero < 10 }

    /// Letters, digits and `_`: what is gathered into one word for "found 'NaN'" messages.
    static func isWordCharacter(_ b: UInt8) -> Bool {
        isDigit(b) || (b | 0x20) &- UInt8(ascii: "a") < 26 || b == UInt8(ascii: "_")
    }

    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case zero...nine: UInt32(b - zero)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(b - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

/// Where a value is expected, for the "expected …" part of a message.
private enum JSONValueContext {
    case document, firstItem, itemAfterComma, memberValue

    /// `open` is the innermost open container (for a member value: the object holding the key).
    func expected(in open: JSONDocumentParser.Frame?) -> String {
        switch self {
        case .document: "a JSON value"
        case .firstItem: "a value or ']'"
        case .itemAfterComma: "a value after ','"
        case .memberValue: "a value for \(JSONDocumentParser.quoted(open?.key ?? ""))"
        }
    }
}

private struct JSONDocumentParser {
    /// An array or object whose closing bracket has not been read yet.
    struct Frame {
        var container: JSONSyntaxError.Container
        var start: SourcePosition
        var items: [JSONNode] = []
        var members: [JSONMember] = []
        /// The key whose value is being parsed (objects only).
        var key = ""
        var keyPosition = SourcePosition.zero
    }

    let bytes: [UInt8]
    let maxDepth: Int
    var i = 0
    var line = 1
    var lineStart = 0
    /// The last computed column and its byte offset on the current line (see `position(at:)`).
    var columnOffset = 0
    var columnValue = 1

    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    // MARK: Document structure

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            i = 3
            lineStart = 3
            columnOffset = 3
        }
        var stack: [Frame] = []
        // What the next value follows; turned into text only for an error message.
        var context = JSONValueContext.document
        while true {
            // One value: a scalar, an empty container, or the opening of a container (in which
            // case we loop to parse its first value).
            skipWhitespace()
            guard i < bytes.count else {
                throw endOfInput(expected: context.expected(in: stack.last), open: stack.last)
            }
            let position = position(at: i)
            var node: JSONNode
            switch bytes[i] {
            case JSONByte.openBrace, JSONByte.openBracket:
                let container: JSONSyntaxError.Container = bytes[i] == JSONByte.openBrace ? .object : .array
                guard stack.count < maxDepth else {
                    throw JSONSyntaxError(position: position, kind: .tooDeep(limit: maxDepth))
                }
                i += 1
                skipWhitespace()
                let closing = container == .object ? JSONByte.closeBrace : JSONByte.closeBracket
                if i < bytes.count && bytes[i] == closing {
                    i += 1
                    node = JSONNode(container == .object ? .object([]) : .array([]), position: position)
                } else {
                    var frame = Frame(container: container, start: position)
                    if container == .object {
                        (frame.key, frame.keyPosition) = try readKey(
                            objectStart: position, expected: "a string key in double quotes or '}'")
                        context = .memberValue
                    } else {
                        context = .firstItem
                    }
                    stack.append(frame)
                    continue
                }
            case JSONByte.quote:
                node = JSONNode(.string(try parseString(start: position)), position: position)
            case JSONByte.minus, JSONByte.plus, JSONByte.dot, JSONByte.zero...JSONByte.nine:
                node = JSONNode(.number(try parseNumber()), position: position)
            case UInt8(ascii: "t"):
                guard matchKeyword("true") else { throw unexpected(expected: context.expected(in: stack.last)) }
                node = JSONNode(.bool(true), position: position)
            case UInt8(ascii: "f"):
                guard matchKeyword("false") else { throw unexpected(expected: context.expected(in: stack.last)) }
                node = JSONNode(.bool(false), position: position)
            case UInt8(ascii: "n"):
                guard matchKeyword("null") else { throw unexpected(expected: context.expected(in: stack.last)) }
                node = JSONNode(.null, position: position)
            default:
                throw unexpected(expected: context.expected(in: stack.last))
            }

            // Attach the finished value to its container; closing that container finishes
            // another value, so repeat until a container stays open or the document ends.
            attach: while true {
                // Where a missing ',' would go, should the next member or item follow without one.
                let valueEnd = (offset: i, line: line, lineStart: lineStart)
                guard !stack.isEmpty else {
                    skipWhitespace()
                    guard i >= bytes.count else {
                        let found = try token()
                        throw JSONSyntaxError(position: self.position(at: i), kind: .trailingContent(found: found))
                    }
                    return node
                }
                let top = stack.count - 1
                switch stack[top].container {
                case .object:
                    stack[top].members.append(
                        JSONMember(key: stack[top].key, keyPosition: stack[top].keyPosition, value: node))
                    let after = "',' or '}' after an object member"
                    skipWhitespace()
                    guard i < bytes.count else { throw endOfInput(expected: after, open: stack[top]) }
                    switch bytes[i] {
                    case JSONByte.comma:
                        let commaPosition = self.position(at: i)
                        i += 1
                        skipWhitespace()
                        if i < bytes.count && bytes[i] == JSONByte.closeBrace {
                            throw JSONSyntaxError(position: commaPosition, kind: .trailingComma(closing: "}"))
                        }
                        (stack[top].key, stack[top].keyPosition) = try readKey(
                            objectStart: stack[top].start, expected: "a string key in double quotes after ','")
                        context = .memberValue
                        break attach
                    case JSONByte.closeBrace:
                        i += 1
                        let frame = stack.removeLast()
                        node = JSONNode(.object(frame.members), position: frame.start)
                    case JSONByte.quote:
                        throw missingComma(in: .object, after: valueEnd)
                    default:
                        throw unexpected(expected: after)
                    }
                case .array:
                    stack[top].items.append(node)
                    let after = "',' or ']' after an array item"
                    skipWhitespace()
                    guard i < bytes.count else { throw endOfInput(expected: after, open: stack[top]) }
                    switch bytes[i] {
                    case JSONByte.comma:
                        let commaPosition = self.position(at: i)
                        i += 1
                        skipWhitespace()
                        if i < bytes.count && bytes[i] == JSONByte.closeBracket {
                            throw JSONSyntaxError(position: commaPosition, kind: .trailingComma(closing: "]"))
                        }
                        context = .itemAfterComma
                        break attach
                    case JSONByte.closeBracket:
                        i += 1
                        let frame = stack.removeLast()
                        node = JSONNode(.array(frame.items), position: frame.start)
                    case JSONByte.quote, JSONByte.openBrace, JSONByte.openBracket, JSONByte.minus, JSONByte.zero...JSONByte.nine:
                        throw missingComma(in: .array, after: valueEnd)
                    default:
                        throw unexpected(expected: after)
                    }
                }
            }
        }
    }

    /// Reads `"key" :` in the object opened at `objectStart` (whitespace before it is already
    /// skipped, whitespace after it is not).
    mutating func readKey(objectStart: SourcePosition,
                          expected: String) throws(JSONSyntaxError) -> (String, SourcePosition) {
        let object = Frame(container: .object, start: objectStart)
        guard i < bytes.count else { throw endOfInput(expected: expected, open: object) }
        guard bytes[i] == JSONByte.quote else { throw unexpected(expected: expected) }
        let keyPosition = position(at: i)
        let key = try parseString(start: keyPosition)
        skipWhitespace()
        guard i < bytes.count, bytes[i] == JSONByte.colon else {
            let colon = "':' after the key \(Self.quoted(key))"
            throw i < bytes.count ? unexpected(expected: colon) : endOfInput(expected: colon, open: object)
        }
        i += 1
        return (key, keyPosition)
    }

    /// Consumes `word` if it is at `i` as a whole word: `trueish` is one unexpected word for the
    /// error message, not `true` followed by garbage.
    mutating func matchKeyword(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { w in
            i + count <= bytes.count && (0..<count).allSatisfy { bytes[i + $0] == w[$0] }
        }
        guard matches, i + count == bytes.count || !JSONByte.isWordCharacter(bytes[i + count]) else { return false }
        i += count
        return true
    }

    // MARK: Whitespace and positions

    mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case JSONByte.space, JSONByte.tab:
                i += 1
            case JSONByte.lineFeed:
                i += 1
                startLine()
            case JSONByte.carriageReturn:
                // CR LF and a lone CR are each one line break, as editors count them.
                i += 1
                if i < bytes.count && bytes[i] == JSONByte.lineFeed { i += 1 }
                startLine()
            default:
                return
            }
        }
    }

    mutating func startLine() {
        line += 1
        lineStart = i
        columnOffset = i
        columnValue = 1
    }

    /// The position of byte `offset`, which must be on the current line. Counts the scalars
    /// (bytes that are not UTF-8 continuation bytes) since the last computed position, so that
    /// positions requested in document order cost linear time in total.
    mutating func position(at offset: Int) -> SourcePosition {
        if offset < columnOffset {
            columnOffset = lineStart
            columnValue = 1
        }
        var column = columnValue
        var k = columnOffset
        let end = min(offset, bytes.count)
        while k < end {
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        columnOffset = end
        columnValue = column
        return SourcePosition(line: line, column: column)
    }

    // MARK: Errors

    /// The error for running out of input while `expected` was needed; `open` is the innermost
    /// unclosed container, if any.
    mutating func endOfInput(expected: String, open: Frame?) -> JSONSyntaxError {
        let position = position(at: bytes.count)
        guard let open else {
            return JSONSyntaxError(position: position, kind: .unexpectedEnd(expected: expected))
        }
        return JSONSyntaxError(position: position,
                               kind: .unclosed(open.container, openedAt: open.start, expected: expected))
    }

    /// The error for a member or item starting at `i` right after the previous one, which ended at
    /// `end` (possibly on an earlier line): reported at `end`, where the comma belongs.
    mutating func missingComma(in container: JSONSyntaxError.Container,
                               after end: (offset: Int, line: Int, lineStart: Int)) -> JSONSyntaxError {
        let next = position(at: i)
        let column = 1 + bytes[end.lineStart..<end.offset].count { $0 & 0xC0 != 0x80 }
        return JSONSyntaxError(position: SourcePosition(line: end.line, column: column),
                               kind: .missingComma(container, next: next))
    }

    /// The error for the character at `i`, which is not what `expected` describes.
    mutating func unexpected(expected: String) -> JSONSyntaxError {
        let position = position(at: i)
        do {
            let found = try token()
            return JSONSyntaxError(position: position, kind: .unexpectedCharacter(found: found, expected: expected))
        } catch {
            return error
        }
    }

    /// The text at `i` to quote in a message: a whole word (`NaN`, `undefined`), `//` or `/*`, or
    /// one character. Throws for invalid UTF-8.
    mutating func token() throws(JSONSyntaxError) -> String {
        let b = bytes[i]
        if JSONByte.isWordCharacter(b) {
            var end = i + 1
            while end < bytes.count && end - i < 24 && JSONByte.isWordCharacter(bytes[end]) { end += 1 }
            return String(decoding: bytes[i..<end], as: UTF8.self)
        }
        if b == JSONByte.slash, i + 1 < bytes.count, bytes[i + 1] == JSONByte.slash || bytes[i + 1] == JSONByte.star {
            return String(decoding: bytes[i...(i + 1)], as: UTF8.self)
        }
        return try character(at: i)
    }

    /// The character starting at `offset` as a string, or an invalid-UTF-8 error.
    mutating func character(at offset: Int) throws(JSONSyntaxError) -> String {
        guard let length = utf8SequenceLength(at: offset) else {
            throw JSONSyntaxError(position: position(at: offset), kind: .invalidUTF8(byte: bytes[offset]))
        }
        return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
    }

    static func quoted(_ key: String) -> String {
        key.count > 40 ? JSONWriter.quote(String(key.prefix(40)) + "…") : JSONWriter.quote(key)
    }

    // MARK: Strings

    /// Parses the string whose opening quote is at `i`; `start` is that quote's position.
    mutating func parseString(start: SourcePosition) throws(JSONSyntaxError) -> String {
        i += 1
        var segmentStart = i
        // Only strings with escapes are assembled in a buffer; others are decoded in one go.
        var buffer: [UInt8] = []
        var hasEscapes = false
        while true {
            guard i < bytes.count else {
                throw JSONSyntaxError(position: start, kind: .unterminatedString(found: nil))
            }
            let b = bytes[i]
            if b == JSONByte.quote {
                let text: String
                if hasEscapes {
                    buffer.append(contentsOf: bytes[segmentStart..<i])
                    text = String(decoding: buffer, as: UTF8.self)
                } else {
                    text = String(decoding: bytes[segmentStart..<i], as: UTF8.self)
                }
                i += 1
                return text
            } else if b == JSONByte.backslash {
                buffer.append(contentsOf: bytes[segmentStart..<i])
                hasEscapes = true
                try parseEscape(into: &buffer, stringStart: start)
                segmentStart = i
            } else if b < 0x20 {
                if b == JSONByte.lineFeed || b == JSONByte.carriageReturn {
                    throw JSONSyntaxError(position: start, kind: .unterminatedString(found: String(UnicodeScalar(b))))
                }
                throw JSONSyntaxError(position: position(at: i), kind: .controlCharacterInString(b))
            } else if b < 0x80 {
                i += 1
            } else {
                guard let length = utf8SequenceLength(at: i) else {
                    throw JSONSyntaxError(position: position(at: i), kind: .invalidUTF8(byte: b))
                }
                i += length
            }
        }
    }

    /// Parses the escape sequence whose backslash is at `i`, appending its UTF-8 to `buffer`.
    mutating func parseEscape(into buffer: inout [UInt8], stringStart: SourcePosition) throws(JSONSyntaxError) {
        let escapeStart = i
        guard i + 1 < bytes.count else {
            throw JSONSyntaxError(position: stringStart, kind: .unterminatedString(found: nil))
        }
        let simple: UInt8? = switch bytes[i + 1] {
        case JSONByte.quote: JSONByte.quote
        case JSONByte.backslash: JSONByte.backslash
        case JSONByte.slash: JSONByte.slash
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): JSONByte.lineFeed
        case UInt8(ascii: "r"): JSONByte.carriageReturn
        case UInt8(ascii: "t"): JSONByte.tab
        default: nil
        }
        if let simple {
            buffer.append(simple)
            i += 2
            return
        }
        guard bytes[i + 1] == UInt8(ascii: "u") else {
            let found = try character(at: i + 1)
            throw JSONSyntaxError(position: position(at: escapeStart), kind: .invalidEscape(found: found))
        }
        i += 2
        var scalar = try hex4(escapeStart: escapeStart)
        switch scalar {
        case 0xD800...0xDBFF:
            guard i + 1 < bytes.count, bytes[i] == JSONByte.backslash, bytes[i + 1] == UInt8(ascii: "u") else {
                throw JSONSyntaxError(position: position(at: escapeStart), kind: .loneSurrogate(UInt16(scalar)))
            }
            let lowStart = i
            i += 2
            let low = try hex4(escapeStart: lowStart)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw JSONSyntaxError(position: position(at: escapeStart), kind: .loneSurrogate(UInt16(scalar)))
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        case 0xDC00...0xDFFF:
            throw JSONSyntaxError(position: position(at: escapeStart), kind: .loneSurrogate(UInt16(scalar)))
        default:
            break
        }
        Self.appendUTF8(scalar, to: &buffer)
    }

    /// Reads the four hex digits after `\u` (at `i`).
    mutating func hex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count, let digit = JSONByte.hexValue(bytes[i]) else {
                let escape = String(decoding: bytes[escapeStart..<i], as: UTF8.self)
                let found = i < bytes.count ? try character(at: i) : nil
                throw JSONSyntaxError(position: position(at: escapeStart),
                                      kind: .invalidUnicodeEscape(escape: escape, found: found))
            }
            value = value << 4 | digit
            i += 1
        }
        return value
    }

    static func appendUTF8(_ scalar: UInt32, to buffer: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            buffer.append(UInt8(scalar))
        case 0x80..<0x800:
            buffer.append(UInt8(0xC0 | scalar >> 6))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            buffer.append(UInt8(0xE0 | scalar >> 12))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        default:
            buffer.append(UInt8(0xF0 | scalar >> 18))
            buffer.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// The length of the well-formed UTF-8 sequence at `offset` (Unicode table 3-7), or nil.
    /// Rejects overlong forms, encoded surrogates and code points above U+10FFFF.
    func utf8SequenceLength(at offset: Int) -> Int? {
        func byte(_ k: Int, in range: ClosedRange<UInt8>) -> Bool {
            offset + k < bytes.count && range.contains(bytes[offset + k])
        }
        let any: ClosedRange<UInt8> = 0x80...0xBF
        switch bytes[offset] {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return byte(1, in: any) ? 2 : nil
        case 0xE0: return byte(1, in: 0xA0...0xBF) && byte(2, in: any) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF: return byte(1, in: any) && byte(2, in: any) ? 3 : nil
        case 0xED: return byte(1, in: 0x80...0x9F) && byte(2, in: any) ? 3 : nil
        case 0xF0: return byte(1, in: 0x90...0xBF) && byte(2, in: any) && byte(3, in: any) ? 4 : nil
        case 0xF1...0xF3: return byte(1, in: any) && byte(2, in: any) && byte(3, in: any) ? 4 : nil
        case 0xF4: return byte(1, in: 0x80...0x8F) && byte(2, in: any) && byte(3, in: any) ? 4 : nil
        default: return nil
        }
    }

    // MARK: Numbers

    /// Parses the number at `i` (which starts with `-`, a digit, or the invalid `+` or `.`).
    mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = i
        let position = position(at: start)
        func invalid(_ reason: String) -> JSONSyntaxError {
            // Quote the whole number-like run, e.g. '012' or '-Infinity', not just its start.
            var end = start
            while end < bytes.count && end - start < 40
                && (JSONByte.isWordCharacter(bytes[end])
                    || bytes[end] == JSONByte.dot || bytes[end] == JSONByte.plus || bytes[end] == JSONByte.minus) {
                end += 1
            }
            let literal = String(decoding: bytes[start..<max(end, start + 1)], as: UTF8.self)
            return JSONSyntaxError(position: position, kind: .invalidNumber(literal: literal, reason: reason))
        }
        func digitAt(_ k: Int) -> Bool { k < bytes.count && JSONByte.isDigit(bytes[k]) }

        switch bytes[i] {
        case JSONByte.plus: throw invalid("a number cannot start with '+'")
        case JSONByte.dot: throw invalid("expected a digit before the decimal point")
        default: break
        }
        let negative = bytes[i] == JSONByte.minus
        if negative { i += 1 }
        guard digitAt(i) else { throw invalid("expected a digit after '-'") }

        // The integer part, accumulated towards negative so that Int.min fits.
        var value = 0
        var overflow = false
        if bytes[i] == JSONByte.zero {
            i += 1
            if digitAt(i) { throw invalid("leading zeros are not allowed") }
        } else {
            while digitAt(i) {
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = times10.subtractingReportingOverflow(Int(bytes[i] - JSONByte.zero))
                overflow = overflow || o1 || o2
                value = next
                i += 1
            }
        }
        var isInteger = true
        if i < bytes.count && bytes[i] == JSONByte.dot {
            isInteger = false
            i += 1
            guard digitAt(i) else { throw invalid("expected a digit after the decimal point") }
            while digitAt(i) { i += 1 }
        }
        if i < bytes.count && (bytes[i] | 0x20) == UInt8(ascii: "e") {
            isInteger = false
            i += 1
            if i < bytes.count && (bytes[i] == JSONByte.plus || bytes[i] == JSONByte.minus) { i += 1 }
            guard digitAt(i) else { throw invalid("expected a digit in the exponent") }
            while digitAt(i) { i += 1 }
        }

        let literal = String(decoding: bytes[start..<i], as: UTF8.self)
        var int: Int?
        if isInteger && !overflow {
            if negative {
                int = value
            } else if value != .min {
                int = -value
            }
        }
        let double: Double
        if let int, int.magnitude <= 1 << 53 {
            double = negative && int == 0 ? -0.0 : Double(int)
        } else {
            guard let parsed = Double(literal), parsed.isFinite else {
                throw invalid("out of range for a 64-bit floating-point number")
            }
            double = parsed
        }
        return JSONNumber(literal: literal, double: double, int: int)
    }
}
