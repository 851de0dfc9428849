import Testing
@testable import KoersFormats

/// Documents used by the round-trip and fuzz tests: every construct the grammar has.
enum JSONTestSamples {
    static let documents: [String] = [
        "null",
        "true",
        "-0",
        "\"\"",
        "[]",
        "{}",
        #"[1, -2.5, 3e10, 4E-2, 0.000001, 1.50, -0, 9223372036854775808, 123456789012345678901234567890]"#,
        #"{"a": {"b": {"c": [[[]], {}, [{}]]}}}"#,
        #"{"dup": 1, "dup": [2], "dup": {"dup": null}}"#,
        #""quote \" backslash \\ slash \/ controls \b\f\n\r\t \u0000\u001f\u007f é € 😀 \ud83d\ude00""#,
        #"{"é": "€", "👨‍👩‍👧": "family", "": "empty key", "a b": ["x", "y"]}"#,
        """
        {
          "$schema": "agenda.schema.json",
          "format": "koers-agenda/1",
          "id": "ook-sop",
          "title": "Ontwikkelagenda Sociale Veiligheid",
          "horizon": {"from": "2022-H1", "to": "2024-H2"},
          "themes": [
            {
              "id": "lerende-leraar",
              "code": "LL",
              "activities": [
                {"id": "a", "text": "Teams bespreken\\n\\n- de aanpak", "roles": [{"role": "co-oper", "does": "executes"}],
                 "steps": [{"id": "A1", "period": "2022-H2", "done": false, "weight": 0.5}]}
              ]
            }
          ]
        }
        """,
    ]
}

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test("pretty output uses a 2-space indent, ': ' and one member or item per line")
    func prettyFormat() {
        let value: JSONValue = ["name": "Koers", "list": [1, true, .null], "empty": [:], "none": [], "n": 2.5]
        #expect(JSONWriter.write(value) == """
            {
              "name": "Koers",
              "list": [
                1,
                true,
                null
              ],
              "empty": {},
              "none": [],
              "n": 2.5
            }
            """)
    }

    @Test("compact output has no whitespace")
    func compactFormat() {
        let value: JSONValue = ["a": [1, ["b": "c"]], "d": [:]]
        #expect(JSONWriter.write(value, pretty: false) == #"{"a":[1,{"b":"c"}],"d":{}}"#)
        #expect(JSONWriter.write(.string("x"), pretty: false) == #""x""#)
    }

    @Test("strings escape only quote, backslash and control characters; '/' and non-ASCII stay as is")
    func stringEscaping() {
        #expect(JSONWriter.quote("a\"b\\c/d") == #""a\"b\\c/d""#)
        #expect(JSONWriter.quote("\u{8}\u{C}\n\r\t\u{0}\u{1F}\u{7F}") == #""\b\f\n\r\t\u0000\u001f"# + "\u{7F}\"")
        #expect(JSONWriter.quote("é€😀👨‍👩‍👧 \u{2028}") == "\"é€😀👨‍👩‍👧 \u{2028}\"")
        #expect(JSONWriter.quote("") == "\"\"")
    }

    @Test("numbers are written from their literal, so 1.50, 1e3 and -0 survive unchanged")
    func numberLiterals() throws {
        let root = try JSONParser.parse("[1.50, 1e3, -0, 1E+2, 12345678901234567890]")
        #expect(JSONWriter.write(root, pretty: false) == "[1.50,1e3,-0,1E+2,12345678901234567890]")
    }

    @Test("numbers built in code are always written as valid JSON")
    func builtNumbers() throws {
        #expect(JSONWriter.write(.number(JSONNumber(-3))) == "-3")
        #expect(JSONWriter.write(.number(try #require(JSONNumber(Double(0.1))))) == "0.1")
        #expect(JSONWriter.write(.number(try #require(JSONNumber(Double(1e20))))) == "1e+20")
        #expect(JSONWriter.write(.number(JSONNumber(floatLiteral: .infinity))) == "null")
        var broken = JSONNumber(3)
        broken.literal = "three"
        #expect(JSONWriter.write(.number(broken)) == "3.0")
        #expect(JSONWriter.isValidNumberLiteral("-0.5e-7"))
        for bad in ["", "-", "01", "1.", ".1", "1e", "+1", "1 ", "0x1", "1e+-2"] {
            #expect(!JSONWriter.isValidNumberLiteral(bad), "\(bad)")
        }
    }

    @Test("the builder keeps pair order and duplicates and uses zero positions")
    func builder() {
        let value = JSONValue.object([("b", .int(1)), ("a", .string("x")), ("b", .array([.bool(true)]))])
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["b", "a", "b"])
        #expect(members.allSatisfy { $0.keyPosition == .zero && $0.value.position == .zero })
        #expect(JSONWriter.write(value, pretty: false) == #"{"b":1,"a":"x","b":[true]}"#)
        let literal: JSONValue = ["b": 1, "a": "x", "b": [true]]
        #expect(literal == value)
        #expect(JSONNode(.null).position == SourcePosition(line: 1, column: 1))
        #expect(JSONValue.object([]) == .object([JSONMember]()))
    }

    @Test("parse → write → parse gives the same structure for every sample, pretty and compact",
          arguments: JSONTestSamples.documents)
    func roundTrip(_ document: String) throws {
        let original = try JSONParser.parse(document)
        for pretty in [true, false] {
            let written = JSONWriter.write(original, pretty: pretty)
            let reparsed = try JSONParser.parse(written)
            #expect(reparsed.isStructurallyEqual(to: original), "\(written)")
            // Writing is deterministic and a fixed point after one pass.
            #expect(JSONWriter.write(reparsed, pretty: pretty) == written)
        }
    }

    @Test("structural equality ignores positions but not order, keys, types or number spelling")
    func structuralEquality() throws {
        let a = try JSONParser.parse(#"{"x": [1, "y"]}"#)
        let b = try JSONParser.parse("{\n  \"x\" : [ 1 , \"y\" ]\n}")
        #expect(a != b)
        #expect(a.isStructurallyEqual(to: b))
        #expect(!a.isStructurallyEqual(to: try JSONParser.parse(#"{"x": ["y", 1]}"#)))
        #expect(!a.isStructurallyEqual(to: try JSONParser.parse(#"{"z": [1, "y"]}"#)))
        #expect(!a.isStructurallyEqual(to: try JSONParser.parse(#"{"x": [1.0, "y"]}"#)))
        #expect(!a.isStructurallyEqual(to: try JSONParser.parse(#"{"x": [1, "y"], "x": 2}"#)))
        #expect(!JSONValue.null.isStructurallyEqual(to: .bool(false)))
    }
}
