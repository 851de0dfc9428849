import Testing
@testable import KoersFormats
@testable import KoersSynthetic

/// The error `text` produces, or nil when it parses.
private func syntaxError(_ text: String, maxDepth: Int = JSONParser.defaultMaxDepth) -> JSONSyntaxError? {
    syntaxError(Array(text.utf8), maxDepth: maxDepth)
}

private func syntaxError(_ bytes: [UInt8], maxDepth: Int = JSONParser.defaultMaxDepth,
                         maxBytes: Int = JSONParser.defaultMaxBytes) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(bytes, maxDepth: maxDepth, maxBytes: maxBytes)
        return nil
    } catch {
        return error
    }
}

private func pos(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
}

@Suite("JSONParser: values and positions")
struct JSONParserValueTests {
    static let document = """
        {
          "name": "Koers",
          "count": 42,
          "ratio": -1.5e3,
          "flags": [true, false, null],
          "nested": {"empty": {}, "list": [[]]}
        }
        """

    @Test("every value kind is parsed with the line and column of its first character")
    func valueKindsAndPositions() throws {
        let root = try JSONParser.parse(Self.document)
        #expect(root.position == pos(1, 1))
        #expect(root.typeName == "object")

        let members = try #require(root.members)
        #expect(members.map(\.key) == ["name", "count", "ratio", "flags", "nested"])
        #expect(members.map(\.keyPosition) == [pos(2, 3), pos(3, 3), pos(4, 3), pos(5, 3), pos(6, 3)])

        let name = try #require(root["name"])
        #expect(name.string == "Koers")
        #expect(name.position == pos(2, 11))

        let count = try #require(root["count"])
        #expect(count.int == 42)
        #expect(count.double == 42)
        #expect(count.position == pos(3, 12))

        let ratio = try #require(root["ratio"])
        #expect(ratio.double == -1500)
        #expect(ratio.int == nil)
        #expect(ratio.value == .number(JSONNumber(literal: "-1.5e3", double: -1500, int: nil)))
        #expect(ratio.position == pos(4, 12))

        let flags = try #require(root["flags"]?.array)
        #expect(root["flags"]?.position == pos(5, 12))
        #expect(flags.map(\.position) == [pos(5, 13), pos(5, 19), pos(5, 26)])
        #expect(flags[0].bool == true)
        #expect(flags[1].bool == false)
        #expect(flags[2].isNull)

        let nested = try #require(root["nested"])
        #expect(nested.position == pos(6, 13))
        #expect(nested.members?.map(\.keyPosition) == [pos(6, 14), pos(6, 27)])
        #expect(nested["empty"]?.members?.isEmpty == true)
        #expect(nested["empty"]?.position == pos(6, 23))
        #expect(nested["list"]?.position == pos(6, 35))
        #expect(nested["list"]?[0]?.position == pos(6, 36))
        #expect(nested["list"]?[0]?.array?.isEmpty == true)
    }

    @Test("columns count Unicode scalars, so é, € and emoji each take one column")
    func columnsCountScalars() throws {
        // The family emoji is five scalars (three people joined by two ZWJs): five columns.
        let root = try JSONParser.parse("{\"é\": \"€uro\", \"x😀\": 1, \"👨‍👩‍👧\": [true]}")
        let members = try #require(root.members)
        #expect(members.map(\.keyPosition) == [pos(1, 2), pos(1, 15), pos(1, 24)])
        #expect(members.map(\.value.position) == [pos(1, 7), pos(1, 21), pos(1, 33)])
        #expect(root["👨‍👩‍👧"]?[0]?.position == pos(1, 34))
        #expect(root["é"]?.string == "€uro")
    }

    @Test("an error after multi-byte characters on the same line has a scalar-based column")
    func errorColumnAfterMultiByte() throws {
        // The comma belongs right after the string: column 7 in characters (12 in bytes).
        let error = try #require(syntaxError("[\"é€😀\" 1]"))
        #expect(error.position == pos(1, 7))
    }

    @Test("LF, CR LF and a lone CR each end a line; tabs count as one column")
    func lineBreaks() throws {
        let root = try JSONParser.parse("{\r\n\"a\":\r1,\r\n\t\"b\" : 2}")
        #expect(root.members?.map(\.keyPosition) == [pos(2, 1), pos(4, 2)])
        #expect(root["a"]?.position == pos(3, 1))
        #expect(root["b"]?.position == pos(4, 8))
    }

    @Test("a UTF-8 byte order mark at the start is skipped and does not count as a column")
    func byteOrderMark() throws {
        let root = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))
        #expect(root.position == pos(1, 1))
        #expect(root.members?.first?.keyPosition == pos(1, 2))
        #expect(root["a"]?.position == pos(1, 7))
    }

    @Test("any value can be the top-level value, surrounded by whitespace")
    func topLevelScalars() throws {
        #expect(try JSONParser.parse(" \"x\" ").string == "x")
        #expect(try JSONParser.parse("\n\t-0.5\r\n").double == -0.5)
        #expect(try JSONParser.parse("true").bool == true)
        #expect(try JSONParser.parse("null").isNull)
        #expect(try JSONParser.parse("  7").position == pos(1, 3))
    }

    @Test("numbers keep their literal, the nearest Double, and an Int only for exact integers")
    func numbers() throws {
        func number(_ text: String) throws -> JSONNumber {
            guard case .number(let n) = try JSONParser.parse(text).value else {
                Issue.record("not a number: \(text)")
                return JSONNumber(0)
            }
            return n
        }
        #expect(try number("0") == JSONNumber(literal: "0", double: 0, int: 0))
        #expect(try number("12").int == 12)
        #expect(try number("-12.5").double == -12.5)
        #expect(try number("1e3").double == 1000)
        #expect(try number("1e3").int == nil)
        #expect(try number("1E+2").double == 100)
        #expect(try number("2.5e-3").double == 0.0025)
        #expect(try number("1.0").int == nil)
        #expect(try number("0.1").double == 0.1)
        let minusZero = try number("-0")
        #expect(minusZero.int == 0)
        #expect(minusZero.double == 0 && minusZero.double.sign == .minus)
        #expect(try number("9223372036854775807").int == Int.max)
        #expect(try number("-9223372036854775808").int == Int.min)
        #expect(try number("9223372036854775808").int == nil)
        #expect(try number("9223372036854775808").double == 9_223_372_036_854_775_808)
        #expect(try number("-12345678901234567890123").double == Double("-12345678901234567890123"))
        // Integers above 2⁵³ keep their exact Int; the Double is the correctly rounded one.
        let big = try number("9007199254740993")
        #expect(big.int == 9_007_199_254_740_993)
        #expect(big.double == 9_007_199_254_740_992)
        #expect(try number("1e-400").double == 0)
        #expect(try number("123.456e-2").literal == "123.456e-2")
    }

    @Test("escape sequences decode, including surrogate pairs and \\u0000")
    func escapes() throws {
        let text = #""a\"b\\c\/d\b\f\n\r\t\u0041\u00e9\u20AC\ud83d\ude00\u0000z""#
        #expect(try JSONParser.parse(text).string == "a\"b\\c/d\u{8}\u{C}\n\r\tAé€😀\u{0}z")
        #expect(try JSONParser.parse(#""\uD834\uDD1E""#).string == "𝄞")
        #expect(try JSONParser.parse("\"\"").string == "")
        #expect(try JSONParser.parse("\"é€😀\u{7F}\"").string == "é€😀\u{7F}")
    }

    @Test("duplicate keys are all kept in document order; the subscript returns the last")
    func duplicateKeys() throws {
        let root = try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(root.members?.map(\.key) == ["a", "b", "a"])
        #expect(root.members?.map(\.value.int) == [1, 2, 3])
        #expect(root.members?.map(\.keyPosition) == [pos(1, 2), pos(1, 10), pos(1, 18)])
        #expect(root["a"]?.int == 3)
        #expect(root["zz"] == nil)
    }

    @Test("nesting up to maxDepth levels is accepted")
    func depthAtLimit() throws {
        let text = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(syntaxError(text) == nil)
        #expect(syntaxError("[[1]]", maxDepth: 2) == nil)
        #expect(syntaxError("{\"a\": {}}", maxDepth: 2) == nil)
        #expect(syntaxError("1", maxDepth: 0) == nil)
    }

    @Test("typed accessors return nil for other kinds; typeName names the JSON type")
    func accessors() throws {
        let root = try JSONParser.parse(#"[{"k": 1}, [1], "s", 1.5, true, null]"#)
        let items = try #require(root.array)
        #expect(items.map(\.typeName) == ["object", "array", "string", "number", "boolean", "null"])
        #expect(items[0]["k"]?.int == 1)
        #expect(items[1]["k"] == nil)
        #expect(items[0].array == nil && items[1].members == nil)
        #expect(items[2].int == nil && items[3].string == nil && items[4].double == nil)
        #expect(items[3].int == nil && items[3].double == 1.5)
        #expect(items[5].bool == nil && !items[4].isNull)
        #expect(root[6] == nil && root[-1] == nil)
    }

    @Test("preview renders values compactly for messages")
    func preview() throws {
        func preview(_ text: String) throws -> String { try JSONParser.parse(text).preview }
        #expect(try preview(#""abc""#) == #""abc""#)
        #expect(try preview(#""a\nb""#) == #""a\nb""#)
        #expect(try preview("\"" + String(repeating: "x", count: 41) + "\"")
                == "\"" + String(repeating: "x", count: 40) + "…\"")
        #expect(try preview("\"" + String(repeating: "é", count: 40) + "\"")
                == "\"" + String(repeating: "é", count: 40) + "\"")
        #expect(try preview("-1.50") == "-1.50")
        #expect(try preview("true") == "true")
        #expect(try preview("null") == "null")
        #expect(try preview("[]") == "an empty array")
        #expect(try preview("[1]") == "an array of 1 item")
        #expect(try preview("[1, 2, 3]") == "an array of 3 items")
        #expect(try preview("{}") == "an empty object")
        #expect(try preview(#"{"a": 1}"#) == "an object with 1 member")
        #expect(try preview(#"{"a": 1, "a": 2}"#) == "an object with 2 members")
    }

    @Test("JSONNumber(literal:) accepts exactly one valid JSON number")
    func numberLiteralInit() {
        #expect(JSONNumber(literal: "-1.5e3")?.double == -1500)
        #expect(JSONNumber(literal: "12")?.int == 12)
        #expect(JSONNumber(literal: " 1") == nil)
        #expect(JSONNumber(literal: "01") == nil)
        #expect(JSONNumber(literal: "1e999") == nil)
        #expect(JSONNumber(literal: "\"1\"") == nil)
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(Double(0.25))?.literal == "0.25")
        #expect(JSONNumber(0.25).literal == "0.25")  // a literal: init(floatLiteral:)
    }
}

@Suite("JSONParser: syntax errors")
struct JSONParserErrorTests {
    @Test("a missing comma between members is reported where the comma belongs, naming where the next member starts")
    func missingComma() throws {
        let error = try #require(syntaxError("{\n  \"a\": 1\n  \"b\": 2\n}"))
        #expect(error.position == pos(2, 9))
        #expect(error.kind == .missingComma(.object, next: pos(3, 3)))
        #expect(error.description == "line 2, column 9: expected ',' after this member: the next member starts at line 3, column 3 "
            + "(JSON needs a comma between members)")
        #expect(error.formatted(file: "agenda.json").hasPrefix("agenda.json:2:9: expected ',' after this member"))
        // On one line too; the column counts characters, not bytes.
        #expect(try #require(syntaxError("{\"é\": \"€\" \"b\": 2}")).position == pos(1, 10))
        // A value that is not a member's start is still what it is.
        #expect(try #require(syntaxError("{\"a\": 1\n x}")).kind == .unexpectedCharacter(found: "x", expected: "',' or '}' after an object member"))
    }

    @Test("a missing comma between array items is reported after the item before it")
    func missingArrayComma() throws {
        let error = try #require(syntaxError("[1\n 2]"))
        #expect(error.position == pos(1, 3))
        #expect(error.description == "line 1, column 3: expected ',' after this item: the next item starts at line 2, column 2 "
            + "(JSON needs a comma between items)")
        #expect(try #require(syntaxError("[{\"a\": 1}\r\n  [2]]")).kind == .missingComma(.array, next: pos(2, 3)))
        #expect(try #require(syntaxError("[{\"a\": 1}\r\n  [2]]")).position == pos(1, 10))
    }

    @Test("an unterminated string at the end of the file is reported at its opening quote")
    func unterminatedStringAtEOF() throws {
        let error = try #require(syntaxError("{\"a\": \"abc"))
        #expect(error.position == pos(1, 7))
        #expect(error.kind == .unterminatedString(found: nil))
        #expect(error.description == "line 1, column 7: unterminated string: expected a closing '\"', found end of file")
    }

    @Test("a string running into a line break is unterminated, reported at its opening quote")
    func unterminatedStringAtNewline() throws {
        let error = try #require(syntaxError("{\n  \"a\": \"abc\n}"))
        #expect(error.position == pos(2, 8))
        #expect(error.kind == .unterminatedString(found: "\n"))
        #expect(error.description.contains("expected a closing '\"' before the end of the line, found newline"))
        #expect(syntaxError("\"abc\r\"")?.kind == .unterminatedString(found: "\r"))
        #expect(syntaxError("\"abc\\")?.kind == .unterminatedString(found: nil))
    }

    @Test("a trailing comma is reported at the comma, in objects and arrays")
    func trailingComma() throws {
        let object = try #require(syntaxError("{\"a\": 1,\n}"))
        #expect(object.position == pos(1, 8))
        #expect(object.kind == .trailingComma(closing: "}"))
        #expect(object.description == "line 1, column 8: trailing comma: expected another member after ',', "
                + "found '}' (JSON does not allow a comma after the last member)")
        let array = try #require(syntaxError("[1, 2, ]"))
        #expect(array.position == pos(1, 6))
        #expect(array.kind == .trailingComma(closing: "]"))
        #expect(array.description.contains("expected another item after ',', found ']'"))
    }

    @Test("a leading zero is an invalid number, reported at the number's start")
    func leadingZero() throws {
        let error = try #require(syntaxError("[012]"))
        #expect(error.position == pos(1, 2))
        #expect(error.kind == .invalidNumber(literal: "012", reason: "leading zeros are not allowed"))
        #expect(error.description == "line 1, column 2: invalid number '012': leading zeros are not allowed")
        #expect(syntaxError("-01")?.kind == .invalidNumber(literal: "-01", reason: "leading zeros are not allowed"))
    }

    @Test("a lone surrogate escape is an error at its backslash")
    func loneSurrogates() throws {
        let high = try #require(syntaxError(#"["\ud800"]"#))
        #expect(high.position == pos(1, 3))
        #expect(high.kind == .loneSurrogate(0xD800))
        #expect(high.description.contains("unpaired surrogate '\\uD800'"))
        #expect(high.description.contains("expected a low-surrogate escape"))

        let low = try #require(syntaxError(#""x\uDC00""#))
        #expect(low.position == pos(1, 3))
        #expect(low.kind == .loneSurrogate(0xDC00))
        #expect(low.description.contains("must directly follow a high-surrogate"))

        #expect(syntaxError(#""\ud83d\u0041""#)?.kind == .loneSurrogate(0xD83D))
        #expect(syntaxError(#""\ud83d\ud83d""#)?.kind == .loneSurrogate(0xD83D))
        #expect(syntaxError(#""\ud83dx""#)?.position == pos(1, 2))
    }

    @Test("invalid UTF-8 is reported at the offending byte, counting earlier characters as scalars")
    func invalidUTF8() throws {
        // A Latin-1 "é" (0xE9) in a file that already contains a real "é".
        let bytes = Array("[\"é\", \"a".utf8) + [0xE9] + Array("\"]".utf8)
        let error = try #require(syntaxError(bytes))
        #expect(error.position == pos(1, 9))
        #expect(error.kind == .invalidUTF8(byte: 0xE9))
        #expect(error.description == "line 1, column 9: invalid UTF-8: malformed byte sequence starting with 0xE9 "
                + "(save the file as UTF-8)")

        #expect(syntaxError([0x5B, 0xFF, 0x5D]) == JSONSyntaxError(position: pos(1, 2), kind: .invalidUTF8(byte: 0xFF)))
        // Truncated, overlong, surrogate and beyond-U+10FFFF sequences inside strings.
        for sequence: [UInt8] in [[0xE2, 0x82], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                  [0x80], [0xF0, 0x9F, 0x98]] {
            let error = syntaxError([0x22] + sequence + [0x22])
            #expect(error == JSONSyntaxError(position: pos(1, 2), kind: .invalidUTF8(byte: sequence[0])),
                    "\(sequence)")
        }
        #expect(syntaxError([0x22, 0xE2, 0x82]) == JSONSyntaxError(position: pos(1, 2), kind: .invalidUTF8(byte: 0xE2)))
        // After a backslash and inside \u escapes too.
        #expect(syntaxError([0x22, 0x5C, 0xFF, 0x22])?.kind == .invalidUTF8(byte: 0xFF))
        #expect(syntaxError([0x22, 0x5C, 0x75, 0x31, 0xFF, 0x22])?.kind == .invalidUTF8(byte: 0xFF))
        #expect(syntaxError([0x31, 0x20, 0xFE])?.kind == .invalidUTF8(byte: 0xFE))
        // A UTF-16 file (byte order mark FF FE) gets a hint about its encoding.
        let utf16 = try #require(syntaxError([0xFF, 0xFE, 0x5B, 0x00, 0x5D, 0x00]))
        #expect(utf16.position == pos(1, 1))
        #expect(utf16.description.contains("it may be UTF-16; save the file as UTF-8"))
    }

    @Test("nesting deeper than maxDepth is an error naming the limit, not a stack overflow")
    func tooDeep() throws {
        let text = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let error = try #require(syntaxError(text))
        #expect(error.position == pos(1, 257))
        #expect(error.kind == .tooDeep(limit: 256))
        #expect(error.description == "line 1, column 257: too deeply nested: more than 256 levels of arrays and objects")

        let objects = String(repeating: "{\"a\":", count: 3) + "1}}}"
        #expect(syntaxError(objects, maxDepth: 2) == JSONSyntaxError(position: pos(1, 11), kind: .tooDeep(limit: 2)))
        #expect(syntaxError("[]", maxDepth: 0)?.kind == .tooDeep(limit: 0))

        // Far beyond any stack: still just an error.
        let huge = String(repeating: "[", count: 100_000)
        #expect(syntaxError(huge)?.kind == .tooDeep(limit: 256))
        #expect(syntaxError(huge, maxDepth: .max)?.kind
                == .unclosed(.array, openedAt: pos(1, 100_000), expected: "a value or ']'"))
    }

    @Test("an empty or whitespace-only document expects a value at its end")
    func emptyInput() throws {
        let error = try #require(syntaxError(""))
        #expect(error.position == pos(1, 1))
        #expect(error.kind == .unexpectedEnd(expected: "a JSON value"))
        #expect(error.description == "line 1, column 1: expected a JSON value, found end of file")
        #expect(syntaxError(" \n\n")?.position == pos(3, 1))
        #expect(syntaxError([0xEF, 0xBB, 0xBF])?.kind == .unexpectedEnd(expected: "a JSON value"))
    }

    @Test("input larger than maxBytes is rejected before parsing")
    func tooLarge() throws {
        let error = try #require(syntaxError(Array("[1, 2, 3, 4]".utf8), maxBytes: 10))
        #expect(error.position == pos(1, 1))
        #expect(error.kind == .tooLarge(size: 12, limit: 10))
        #expect(error.description.contains("12 bytes, the limit is 10 bytes"))
        #expect(syntaxError(Array("[1, 2, 3]".utf8), maxBytes: 9) == nil)
    }

    @Test("input ending inside an array or object names the open container and where it started")
    func unclosed() throws {
        let error = try #require(syntaxError("{\"a\": [1, 2"))
        #expect(error.position == pos(1, 12))
        #expect(error.kind == .unclosed(.array, openedAt: pos(1, 7), expected: "',' or ']' after an array item"))
        #expect(error.description == "line 1, column 12: expected ',' or ']' after an array item, found end of file "
                + "(the array opened at line 1, column 7 is not closed)")
        #expect(syntaxError("{\"a\": 1\n")?.kind
                == .unclosed(.object, openedAt: pos(1, 1), expected: "',' or '}' after an object member"))
        #expect(syntaxError("{\"a\": 1\n")?.position == pos(2, 1))
        #expect(syntaxError("{\"a\"")?.kind == .unclosed(.object, openedAt: pos(1, 1), expected: "':' after the key \"a\""))
        #expect(syntaxError("{\"a\":")?.kind == .unclosed(.object, openedAt: pos(1, 1), expected: "a value for \"a\""))
        #expect(syntaxError("{")?.kind
                == .unclosed(.object, openedAt: pos(1, 1), expected: "a string key in double quotes or '}'"))
        #expect(syntaxError("[1,")?.kind == .unclosed(.array, openedAt: pos(1, 1), expected: "a value after ','"))
    }

    @Test("content after the top-level value is an error")
    func trailingContent() throws {
        let error = try #require(syntaxError("{}\n}"))
        #expect(error.position == pos(2, 1))
        #expect(error.kind == .trailingContent(found: "}"))
        #expect(error.description == "line 2, column 1: expected end of file after the top-level value, found '}' "
                + "(one closing bracket too many?)")
        #expect(syntaxError("1 2")?.kind == .trailingContent(found: "2"))
        #expect(syntaxError("{} {}")?.description.contains("exactly one value") == true)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var line: Int
        var column: Int
        var kind: JSONSyntaxError.Kind
        /// Texts the message must contain (besides what `kind` implies).
        var mentions: [String] = []
        var testDescription: String { input.debugDescription }
    }

    static let cases: [Case] = [
        Case(input: "{// note\n}", line: 1, column: 2,
             kind: .unexpectedCharacter(found: "//", expected: "a string key in double quotes or '}'"),
             mentions: ["found '//'", "comments"]),
        Case(input: "[1, /* x */ 2]", line: 1, column: 5,
             kind: .unexpectedCharacter(found: "/*", expected: "a value after ','"), mentions: ["comments"]),
        Case(input: "[NaN]", line: 1, column: 2, kind: .unexpectedCharacter(found: "NaN", expected: "a value or ']'"),
             mentions: ["expected a value or ']', found 'NaN'", "no NaN or Infinity"]),
        Case(input: "-Infinity", line: 1, column: 1,
             kind: .invalidNumber(literal: "-Infinity", reason: "expected a digit after '-'")),
        Case(input: "{'a': 1}", line: 1, column: 2,
             kind: .unexpectedCharacter(found: "'", expected: "a string key in double quotes or '}'"),
             mentions: ["found \"'\"", "double quotes"]),
        Case(input: "{\"a\": \u{201C}x\u{201D}}", line: 1, column: 7,
             kind: .unexpectedCharacter(found: "\u{201C}", expected: "a value for \"a\""),
             mentions: ["found '\u{201C}' (U+201C)", "typographic quote"]),
        Case(input: "[1,\u{A0}2]", line: 1, column: 4,
             kind: .unexpectedCharacter(found: "\u{A0}", expected: "a value after ','"),
             mentions: ["found U+00A0 (no-break space)"]),
        Case(input: "[\u{FEFF}1]", line: 1, column: 2,
             kind: .unexpectedCharacter(found: "\u{FEFF}", expected: "a value or ']'"), mentions: ["byte order mark"]),
        Case(input: "{a: 1}", line: 1, column: 2,
             kind: .unexpectedCharacter(found: "a", expected: "a string key in double quotes or '}'")),
        Case(input: "{\"a\": 1, b: 2}", line: 1, column: 10,
             kind: .unexpectedCharacter(found: "b", expected: "a string key in double quotes after ','")),
        Case(input: "{\"a\" 1}", line: 1, column: 6,
             kind: .unexpectedCharacter(found: "1", expected: "':' after the key \"a\""),
             mentions: ["expected ':' after the key \"a\", found '1'"]),
        Case(input: "{\"a\":}", line: 1, column: 6, kind: .unexpectedCharacter(found: "}", expected: "a value for \"a\"")),
        Case(input: "[1,,2]", line: 1, column: 4, kind: .unexpectedCharacter(found: ",", expected: "a value after ','")),
        Case(input: "[,1]", line: 1, column: 2, kind: .unexpectedCharacter(found: ",", expected: "a value or ']'")),
        Case(input: "[tru]", line: 1, column: 2, kind: .unexpectedCharacter(found: "tru", expected: "a value or ']'")),
        Case(input: "[trueish]", line: 1, column: 2, kind: .unexpectedCharacter(found: "trueish", expected: "a value or ']'")),
        Case(input: "True", line: 1, column: 1, kind: .unexpectedCharacter(found: "True", expected: "a JSON value"),
             mentions: ["lowercase"]),
        Case(input: "[1]]", line: 1, column: 4, kind: .trailingContent(found: "]")),
        Case(input: "[\n\u{7}]", line: 2, column: 1, kind: .unexpectedCharacter(found: "\u{7}", expected: "a value or ']'"),
             mentions: ["found U+0007"]),
        Case(input: "[1\t\n\t\u{C}]", line: 2, column: 2,
             kind: .unexpectedCharacter(found: "\u{C}", expected: "',' or ']' after an array item"),
             mentions: ["found U+000C"]),
        Case(input: "\"C:\\Users\"", line: 1, column: 4, kind: .invalidEscape(found: "U"),
             mentions: ["after a backslash, found 'U'", "\\\\"]),
        Case(input: "\"a\\\nb\"", line: 1, column: 3, kind: .invalidEscape(found: "\n"), mentions: ["found newline"]),
        Case(input: "\"\\u12G4\"", line: 1, column: 2, kind: .invalidUnicodeEscape(escape: "\\u12", found: "G"),
             mentions: ["invalid Unicode escape '\\u12': expected 4 hexadecimal digits after '\\u', found 'G'"]),
        Case(input: "\"\\u12", line: 1, column: 2, kind: .invalidUnicodeEscape(escape: "\\u12", found: nil),
             mentions: ["found end of file"]),
        Case(input: "\"a\tb\"", line: 1, column: 3, kind: .controlCharacterInString(0x09),
             mentions: ["unescaped control character U+0009 (tab) in string; write it as \\t"]),
        Case(input: "\"a\u{7}\"", line: 1, column: 3, kind: .controlCharacterInString(0x07),
             mentions: ["U+0007", "\\u0007"]),
        Case(input: "\"\u{0}\"", line: 1, column: 2, kind: .controlCharacterInString(0x00), mentions: ["U+0000 (NUL)"]),
        Case(input: "-", line: 1, column: 1, kind: .invalidNumber(literal: "-", reason: "expected a digit after '-'")),
        Case(input: "[1.]", line: 1, column: 2,
             kind: .invalidNumber(literal: "1.", reason: "expected a digit after the decimal point")),
        Case(input: "1e", line: 1, column: 1, kind: .invalidNumber(literal: "1e", reason: "expected a digit in the exponent")),
        Case(input: "1e+", line: 1, column: 1, kind: .invalidNumber(literal: "1e+", reason: "expected a digit in the exponent")),
        Case(input: "[.5]", line: 1, column: 2,
             kind: .invalidNumber(literal: ".5", reason: "expected a digit before the decimal point")),
        Case(input: "+1", line: 1, column: 1, kind: .invalidNumber(literal: "+1", reason: "a number cannot start with '+'")),
        Case(input: "[1e400]", line: 1, column: 2,
             kind: .invalidNumber(literal: "1e400", reason: "out of range for a 64-bit floating-point number")),
        Case(input: "0x1F", line: 1, column: 2, kind: .trailingContent(found: "x1F")),
        Case(input: "[1.5.3]", line: 1, column: 5,
             kind: .unexpectedCharacter(found: ".", expected: "',' or ']' after an array item")),
    ]

    @Test("each malformed input gets its exact position, kind, and a message with expected and found",
          arguments: cases)
    func catalogue(_ c: Case) throws {
        let error = try #require(syntaxError(c.input))
        #expect(error.position == pos(c.line, c.column))
        #expect(error.kind == c.kind)
        #expect(error.description.hasPrefix("line \(c.line), column \(c.column): "))
        for text in c.mentions {
            #expect(error.description.contains(text), "\(error.description)")
        }
    }
}

/// SplitMix64: tiny, fast, and the same sequence on every platform, so failures reproduce.
private struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

@Suite("JSONParser: robustness")
struct JSONParserFuzzTests {
    /// Bytes that make random input likely to get deep into the grammar.
    static let alphabet = Array("{}[]:,\"\\/ \n\t\r-+.0123456789eEtrufalsn".utf8)
        + [0x00, 0x07, 0x7F, 0x80, 0xBF, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xED, 0xF0, 0x9F, 0xFF, 0xEF, 0xBB]

    private static func randomBytes(_ rng: inout SplitMix64) -> [UInt8] {
        let count = rng.below(64)
        let mostlyGrammar = rng.below(4) != 0
        return (0..<count).map { _ in
            mostlyGrammar ? alphabet[rng.below(alphabet.count)] : UInt8(truncatingIfNeeded: rng.next())
        }
    }

    private static func mutated(_ document: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = document
        for _ in 0..<(1 + rng.below(4)) {
            let index = bytes.isEmpty ? 0 : rng.below(bytes.count)
            switch rng.below(6) {
            case 0 where !bytes.isEmpty: bytes[index] = alphabet[rng.below(alphabet.count)]
            case 1: bytes.insert(alphabet[rng.below(alphabet.count)], at: index)
            case 2 where !bytes.isEmpty: bytes.remove(at: index)
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, index + 1 + rng.below(16))
                bytes.insert(contentsOf: bytes[index..<end], at: rng.below(bytes.count))
            case 4: bytes = Array(bytes.prefix(index))
            default: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: index)
            }
        }
        return bytes
    }

    @Test("2,000 random and mutated inputs either parse (and round-trip) or throw a positioned error")
    func fuzz() throws {
        var rng = SplitMix64(state: 0x4B6F_6572_73)
        let documents = JSONTestSamples.documents.map { Array($0.utf8) }
        var parsed = 0
        for round in 0..<2_000 {
            let input = round.isMultiple(of: 2)
                ? Self.randomBytes(&rng)
                : Self.mutated(documents[rng.below(documents.count)], &rng)
            do {
                let node = try JSONParser.parse(input, maxDepth: 16)
                parsed += 1
                let again = try JSONParser.parse(JSONWriter.write(node.value), maxDepth: 16)
                #expect(again.isStructurallyEqual(to: node), "round \(round): \(input)")
            } catch {
                let lines = input.count(where: { $0 == 0x0A || $0 == 0x0D }) + 1
                #expect(error.position.line >= 1 && error.position.line <= lines, "round \(round): \(input)")
                #expect(error.position.column >= 1 && error.position.column <= input.count + 1, "round \(round)")
                #expect(!error.message.isEmpty)
            }
        }
        // Make sure the mutations still produce valid documents now and then.
        #expect(parsed > 50)
    }

    @Test("deeply nested random containers never overflow the stack")
    func deepRandomNesting() {
        var rng = SplitMix64(state: 7)
        for _ in 0..<20 {
            var bytes: [UInt8] = []
            for _ in 0..<(10_000 + rng.below(10_000)) {
                bytes += rng.below(2) == 0 ? Array("[".utf8) : Array("{\"k\":".utf8)
            }
            #expect(syntaxError(bytes)?.kind == .tooDeep(limit: 256))
        }
    }
}
