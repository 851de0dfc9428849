import Testing
@testable import KoersFormats

@Suite("JSONPath")
struct JSONPathTests {
    @Test("the root is written as $")
    func root() {
        #expect(JSONPath.root.description == "$")
        #expect(JSONPath.root.isRoot)
        #expect(JSONPath.root.parent == .root)
    }

    @Test("keys are joined with dots and indices written in brackets")
    func agendaPath() {
        let path = JSONPath.root.appending("themes").appending(1).appending("activities").appending(2)
            .appending("steps").appending(0).appending("period")
        #expect(path.description == "themes[1].activities[2].steps[0].period")
        #expect(path.parent.description == "themes[1].activities[2].steps[0]")
        #expect(path.components.count == 7)
    }

    @Test("a path may start with an index")
    func leadingIndex() {
        #expect(JSONPath.root.appending(0).appending("name").description == "[0].name")
        #expect(JSONPath.root.appending(3).appending(4).description == "[3][4]")
    }

    @Test("identifier keys may contain _, $, digits and - after the first character")
    func identifierKeys() {
        #expect(JSONPath.root.appending("$schema").description == "$schema")
        #expect(JSONPath.root.appending("a").appending("co-oper").description == "a.co-oper")
        #expect(JSONPath.root.appending("_x9").appending("Y_$").description == "_x9.Y_$")
    }

    @Test("other keys are written as [\"…\"] with JSON escaping",
          arguments: [
              ("some key", #"["some key"]"#),
              ("", #"[""]"#),
              ("1a", #"["1a"]"#),
              ("-x", #"["-x"]"#),
              ("a.b", #"["a.b"]"#),
              ("café", #"["café"]"#),
              ("say \"hi\"\n", #"["say \"hi\"\n"]"#),
              ("back\\slash", #"["back\\slash"]"#),
          ])
    func quotedKeys(key: String, expected: String) {
        #expect(JSONPath.root.appending(key).description == expected)
        #expect(JSONPath.root.appending("a").appending(key).description == "a" + expected)
        #expect(JSONPath.root.appending(2).appending(key).description == "[2]" + expected)
    }

    @Test("a first key \"$\" is bracketed so it does not read as the root; deeper it is plain")
    func dollarKey() {
        #expect(JSONPath.root.appending("$").description == #"["$"]"#)
        #expect(JSONPath.root.appending("a").appending("$").description == "a.$")
    }

    @Test("paths are values: equal when their components are, usable as set members")
    func hashable() {
        let a = JSONPath.root.appending("x").appending(1)
        let b = JSONPath([.key("x"), .index(1)])
        #expect(a == b)
        #expect(Set([a, b, .root]).count == 2)
        #expect(a != JSONPath([.key("x"), .key("1")]))
    }

    @Test("node(at:) follows a path through a parsed document")
    func lookup() throws {
        let root = try JSONParser.parse(#"{"themes": [{"steps": [{"period": "2023-H1"}]}, {"a b": true}]}"#)
        let period = JSONPath.root.appending("themes").appending(0).appending("steps").appending(0).appending("period")
        #expect(root.node(at: period)?.string == "2023-H1")
        #expect(root.node(at: period)?.position == SourcePosition(line: 1, column: 35))
        #expect(root.node(at: JSONPath([.key("themes"), .index(1), .key("a b")]))?.bool == true)
        #expect(root.node(at: .root) == root)
        #expect(root.node(at: JSONPath([.key("themes"), .index(2)])) == nil)
        #expect(root.node(at: JSONPath([.index(0)])) == nil)
    }

    @Test("positions describe themselves as line:column and order by line, then column")
    func sourcePosition() {
        #expect(SourcePosition(line: 3, column: 17).description == "3:17")
        #expect(SourcePosition(line: 2, column: 40) < SourcePosition(line: 3, column: 1))
        #expect(SourcePosition(line: 3, column: 2) > SourcePosition(line: 3, column: 1))
    }
}
