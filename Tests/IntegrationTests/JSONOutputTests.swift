import Foundation
import KoersFormats
import KoersTestSupport
import Testing

/// `--json` is what scripts read. Until Koers wrote every JSON through one writer, Foundation's
/// `JSONEncoder` wrote it; the bytes have to be the ones it wrote.
@Suite("koers --json output")
struct JSONOutputTests {
    /// A parsed document as Foundation encodes it: the same tree, through `JSONEncoder`.
    struct FoundationTree: Encodable {
        var value: JSONValue

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            switch value {
            case .null:
                var c = encoder.singleValueContainer()
                try c.encodeNil()
            case .bool(let b):
                var c = encoder.singleValueContainer()
                try c.encode(b)
            case .number(let n):
                var c = encoder.singleValueContainer()
                if let int = n.int { try c.encode(int) } else { try c.encode(n.double) }
            case .string(let s):
                var c = encoder.singleValueContainer()
                try c.encode(s)
            case .array(let items):
                var c = encoder.unkeyedContainer()
                for item in items { try c.encode(FoundationTree(value: item.value)) }
            case .object(let members):
                var c = encoder.container(keyedBy: Key.self)
                for member in members { try c.encode(FoundationTree(value: member.value.value), forKey: Key(stringValue: member.key)) }
            }
        }
    }

    static func foundation(_ output: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let tree = FoundationTree(value: try JSONParser.parse(output).value)
        return String(decoding: try encoder.encode(tree), as: UTF8.self) + "\n"
    }

    @Test("every --json output is byte for byte what Foundation's JSONEncoder writes for the same values")
    func sameBytes() throws {
        let site = try Installation()
        #expect(try site.koers("history", "import", site.demoHistory, now: "2024-08-01").status == 0)
        #expect(try site.koers("set", "LL-A3", "done", "--note", "klaar: \"quote\" é/ü \\ back\ttab \u{1B}[31m", now: "2024-10-15").status == 0)
        let add = try site.koers("starter", "add", "--name", "Marloes Verhoeven", "--email", "m.verhoeven@example.net",
                                 "--school", "lichtboei", "--start", "2024-09-02", "--mentor", "a.dewit", "--trainer", "b.hoekstra",
                                 now: "2024-08-15")
        #expect(add.status == 0, "\(add.stderr)")
        let id = add.stdout.trimmingCharacters(in: .newlines)
        #expect(try site.koers("report", "halfyear", "2024-H1", "--archive", now: "2024-10-15").status == 0)
        let commands: [[String]] = [
            ["check"], ["agenda"], ["agenda", "--theme", "LL", "--status", "done"], ["due"], ["milestones", "--to", "2026-12-31"],
            ["show", "LL-A3"], ["show", "KC-B3"], ["status"], ["outbox", "--all"], ["preview", "--from", "2024-10-15", "--to", "2024-11-30"],
            ["measure", "--list"], ["spend", "--list"], ["starter", "list"], ["starter", "show", id], ["starter", "outcomes"],
            ["student", "list"], ["scan", "list"], ["report", "archive"], ["person", "export", id],
            ["export", "csv", "--out", site.folder + "/steps.csv"], ["site", "--out", site.folder + "/site"],
        ]
        for command in commands {
            let r = try KoersProcess.run(["--config", site.config, "--now", "2024-10-15", "--json"] + command)
            #expect(r.status == 0 || command == ["status"], "\(command): \(r.stderr)")
            #expect(r.stdout.count > 2, "\(command)")
            #expect(r.stdout == (try Self.foundation(r.stdout)), "\(command)")
        }
    }
}
