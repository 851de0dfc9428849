import Foundation
@testable import KoersFormats
import KoersTestSupport
import Testing

/// The JSON Schemas are what editors check a file against while it is written: where Koers limits
/// a name or title (`TextLimit`), the schema must say yes and no exactly where the loader does,
/// counting characters the same way, or an editor accepts what Koers refuses at start-up.
@Suite("The schemas' text limits agree with the loader")
struct TextLimitSchemaTests {
    /// One limited text: a shipped file that has it, where, and the limit the loader applies.
    struct Field: CustomStringConvertible {
        var file: String
        var schema: String
        var path: JSONPath
        var limit: TextLimit
        /// Names that reach mail headers must also stay on one line.
        var oneLine = false
        var description: String { "\(file): \(path)" }
    }

    static func path(_ components: JSONPathComponent...) -> JSONPath { JSONPath(components) }

    static let fields: [Field] = [
        Field(file: "Config/koers.example.json", schema: "Config/koers.schema.json",
              path: path(.key("people"), .index(0), .key("name")), limit: .name, oneLine: true),
        Field(file: "Config/koers.example.json", schema: "Config/koers.schema.json",
              path: path(.key("schools"), .index(0), .key("name")), limit: .name),
        Field(file: "Config/koers.example.json", schema: "Config/koers.schema.json",
              path: path(.key("mail"), .key("from"), .key("name")), limit: .name, oneLine: true),
        Field(file: "Agendas/ook-2022-2024.json", schema: "Agendas/agenda.schema.json", path: path(.key("title")), limit: .title),
        Field(file: "Agendas/ook-2022-2024.json", schema: "Agendas/agenda.schema.json", path: path(.key("subtitle")), limit: .title),
        Field(file: "Agendas/ook-2022-2024.json", schema: "Agendas/agenda.schema.json",
              path: path(.key("organisation"), .key("name")), limit: .name, oneLine: true),
        Field(file: "Agendas/ook-2022-2024.json", schema: "Agendas/agenda.schema.json",
              path: path(.key("organisation"), .key("shortName")), limit: .name, oneLine: true),
        Field(file: "Agendas/ook-2022-2024.json", schema: "Agendas/agenda.schema.json",
              path: path(.key("sections"), .index(0), .key("title")), limit: .title),
        Field(file: "Agendas/ook-2022-2024.json", schema: "Agendas/agenda.schema.json",
              path: path(.key("roles"), .index(0), .key("name")), limit: .name),
        Field(file: "Agendas/ook-2022-2024.json", schema: "Agendas/agenda.schema.json",
              path: path(.key("themes"), .index(0), .key("title")), limit: .title),
        Field(file: "Agendas/ook-2022-2024.json", schema: "Agendas/agenda.schema.json",
              path: path(.key("themes"), .index(0), .key("activities"), .index(0), .key("text")), limit: .activity),
        Field(file: "Agendas/ook-2022-2024.json", schema: "Agendas/agenda.schema.json",
              path: path(.key("milestones"), .index(0), .key("title")), limit: .title),
        Field(file: "Agendas/ook-2022-2024.json", schema: "Agendas/agenda.schema.json",
              path: path(.key("indicators"), .index(0), .key("title")), limit: .title),
        Field(file: "Agendas/templates/stappenplan-toetreding.json", schema: "Agendas/templates/template.schema.json",
              path: path(.key("title")), limit: .title),
        Field(file: "Agendas/templates/stappenplan-toetreding.json", schema: "Agendas/templates/template.schema.json",
              path: path(.key("roles"), .index(0), .key("name")), limit: .name),
        Field(file: "Agendas/templates/stappenplan-toetreding.json", schema: "Agendas/templates/template.schema.json",
              path: path(.key("phases"), .index(0), .key("title")), limit: .title),
        Field(file: "Agendas/trajectories/startende-leraar.json", schema: "Agendas/trajectories/trajectory.schema.json",
              path: path(.key("title")), limit: .title),
        Field(file: "Agendas/trajectories/startende-leraar.json", schema: "Agendas/trajectories/trajectory.schema.json",
              path: path(.key("events"), .index(0), .key("title")), limit: .title),
        Field(file: "Agendas/instruments/lerende-organisatie.json", schema: "Agendas/scan-instrument.schema.json",
              path: path(.key("title")), limit: .title),
        Field(file: "Agendas/instruments/lerende-organisatie.json", schema: "Agendas/scan-instrument.schema.json",
              path: path(.key("scale"), .index(0), .key("label")), limit: .name),
        Field(file: "Agendas/instruments/lerende-organisatie.json", schema: "Agendas/scan-instrument.schema.json",
              path: path(.key("categories"), .index(0), .key("title")), limit: .title),
    ]

    /// Texts around the limit, counted in Unicode scalars: an accent written as a combining mark
    /// is a character of its own, as JSON Schema counts.
    static func texts(_ field: Field) -> [String] {
        let n = field.limit.rawValue
        var texts = [String(repeating: "a", count: n), String(repeating: "a", count: n + 1),
                     String(repeating: "e\u{301}", count: n / 2), String(repeating: "e\u{301}", count: n / 2) + "x",
                     String(repeating: "👩‍🏫", count: 1) + String(repeating: "b", count: n - 3)]
        if field.oneLine { texts += ["Carla\nJansen", "Carla\u{2028}Jansen", "Carla\u{85}Jansen", "Carla\tJansen"] }
        return texts
    }

    /// The shipped file with `text` at the field's place.
    static func document(_ field: Field, _ text: String) throws -> JSONValue {
        let root = try JSONParser.parse(try String(contentsOfFile: Fixture.repository + "/" + field.file, encoding: .utf8))
        return replaced(root.value, at: field.path.components[...], with: text)
    }

    static func replaced(_ value: JSONValue, at path: ArraySlice<JSONPathComponent>, with text: String) -> JSONValue {
        guard let first = path.first else { return .string(text) }
        switch (value, first) {
        case (.object(let members), .key(let key)):
            return .object(members.map { m in
                m.key == key ? JSONMember(key: m.key, keyPosition: m.keyPosition,
                                          value: JSONNode(replaced(m.value.value, at: path.dropFirst(), with: text))) : m
            })
        case (.array(let items), .index(let index)):
            return .array(items.enumerated().map { i, item in
                i == index ? JSONNode(replaced(item.value, at: path.dropFirst(), with: text)) : item
            })
        default:
            return value
        }
    }

    /// Whether the loader's decoder for the file's format refuses the text at the field's path.
    static func loaderRefuses(_ field: Field, _ document: JSONValue) throws -> Bool {
        let log = DiagnosticLog(file: field.file)
        let root = try JSONParser.parse(JSONWriter.write(document))
        switch field.schema {
        case "Config/koers.schema.json": _ = ConfigDecoder(log: log).decode(root)
        case "Agendas/agenda.schema.json": _ = AgendaDecoder(log: log).decode(root)
        case "Agendas/templates/template.schema.json": _ = TemplateDecoder(log: log).decode(root)
        case "Agendas/trajectories/trajectory.schema.json": _ = TrajectoryTemplateDecoder(log: log).decode(root)
        default: _ = ScanInstrumentDecoder(log: log).decode(root)
        }
        return log.items.contains { $0.severity == .error && $0.path == field.path }
    }

    @Test("every limited name and title: the loader and the schema refuse the same texts, naming the limit")
    func limits() throws {
        var cases: [[String: Any]] = []
        var loader: [Bool] = []
        for field in Self.fields {
            for text in Self.texts(field) {
                let document = try Self.document(field, text)
                loader.append(try Self.loaderRefuses(field, document))
                cases.append(["schema": field.schema, "document": JSONWriter.write(document),
                              "path": field.path.components.map { c -> Any in
                                  switch c { case .key(let k): k; case .index(let i): i } }])
            }
            // The shipped value itself is fine.
            let shipped = try JSONParser.parse(try String(contentsOfFile: Fixture.repository + "/" + field.file, encoding: .utf8))
            #expect(shipped.node(at: field.path)?.string != nil, "\(field): no text there in the shipped file")
        }
        let expected = Self.fields.flatMap { field in
            [false, true, false, true, false] + (field.oneLine ? [true, true, true, true] : [])
        }
        #expect(loader == expected)
        let schema = try Self.schemaRefuses(cases)
        #expect(schema.count == loader.count)
        for (i, (s, l)) in zip(schema, loader).enumerated() where s != l {
            Issue.record("case \(i) (\(cases[i]["path"] ?? "")): the schema \(s ? "refuses" : "accepts") what the loader \(l ? "refuses" : "accepts")")
        }

        let field = Self.fields[0]
        let log = DiagnosticLog(file: field.file)
        _ = ConfigDecoder(log: log).decode(try JSONParser.parse(JSONWriter.write(try Self.document(field, String(repeating: "x", count: 1 << 20)))))
        #expect(log.items.first { $0.path == field.path }?.message == "is 1048576 characters long; a name has at most 200")
    }

    /// Validates with python3-jsonschema (installed by scripts/setup, as for scripts/validate-schemas.py):
    /// for each case, whether the schema reports an error at the case's path.
    static func schemaRefuses(_ cases: [[String: Any]]) throws -> [Bool] {
        let script = """
            import json, sys, jsonschema
            root = sys.argv[1]
            validators = {}
            verdicts = []
            for case in json.load(sys.stdin):
                if case["schema"] not in validators:
                    schema = json.load(open(root + "/" + case["schema"], encoding="utf-8"))
                    validators[case["schema"]] = jsonschema.Draft202012Validator(schema)
                errors = validators[case["schema"]].iter_errors(json.loads(case["document"]))
                verdicts.append(any(list(e.absolute_path) == case["path"] for e in errors))
            json.dump(verdicts, sys.stdout)
            """
        let input = try JSONSerialization.data(withJSONObject: cases)
        let data = try Python.run(["-c", script, Fixture.repository], input: input)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [Bool])
    }
}
