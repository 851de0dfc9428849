import Foundation
import Testing
@testable import KoersFormats

/// `--json` output went through Foundation's `JSONEncoder` until it went through `JSONWriter` like
/// every other JSON Koers writes; scripts compare it, so the bytes must not have changed.
@Suite("Encodable values through JSONWriter")
struct JSONValueEncoderTests {
    /// What `koers … --json` printed before: Foundation's encoder with these settings, plus a newline.
    static func foundation<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    static func koers<T: Encodable>(_ value: T) throws -> String {
        JSONWriter.write(try JSONValue(encoding: value), layout: .commandOutput) + "\n"
    }

    enum Kind: String, Encodable { case starter, student }

    struct Inner: Encodable, Equatable {
        var label: String
        var weight: Double?
        var empty: [String] = []
        var nothing: [String: Int] = [:]
    }

    /// Every shape the views use: optionals left out and written as null, nested structs, empty
    /// containers at several depths, dictionaries with keys that sort differently by byte and by
    /// locale, raw-value enums, every kind of number and every kind of character in a string.
    struct Sample: Encodable {
        var zeta = 1
        var Alpha = "capital first"
        var item10 = 10
        var item2 = 2
        var text = "quote \" backslash \\ slash / é € 😀 \u{1B}[31m \u{7F} \u{2028} \u{8}\u{C}\n\r\t\u{0}\u{1F}"
        var missing: String? = nil
        var present: String? = "here"
        var numbers: [Double] = [1234.5, 18, 0.1, -0.0, 1e20, 1e-7, 123456789.12, 2.5e-300, Double.greatestFiniteMagnitude]
        var floats: [Float] = [0.1, 3, 1e-3]
        var integers: [Int64] = [0, -1, .max, .min]
        var unsigned: UInt64 = .max
        var small: [Int8] = [-128, 127]
        var flags = [true, false]
        var kind = Kind.student
        var inner = Inner(label: "in", weight: nil)
        var inners = [Inner(label: "a", weight: 0.25), Inner(label: "b", weight: 3)]
        var nested: [[Int]] = [[], [1], [2, 3]]
        var counts: [String: Int] = ["Zeta": 1, "_x": 2, "a10": 3, "a9": 4, "alpha": 5, "é": 6, "Z": 7]
        var byNumber: [Int: String] = [2: "two", 10: "ten"]
        var noneAtAll: [Inner] = []
    }

    /// A hand-written `encode(to:)` as `TrajectoryOutcomes.Cohort` has: explicit nil, nested and
    /// unkeyed containers, a super encoder.
    struct Custom: Encodable {
        enum Key: String, CodingKey { case year, list, nested, base }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(Optional<Int>.none, forKey: .year)
            var list = c.nestedUnkeyedContainer(forKey: .list)
            try list.encode("first")
            try list.encodeNil()
            var inner = list.nestedContainer(keyedBy: Key.self)
            try inner.encode(2, forKey: .year)
            var nested = c.nestedContainer(keyedBy: Key.self, forKey: .nested)
            try nested.encode([Inner](), forKey: .list)
            try Inner(label: "super", weight: 1).encode(to: c.superEncoder(forKey: .base))
            try "whole".encode(to: c.superEncoder())
        }
    }

    @Test("Encodable values are written byte for byte as Foundation's JSONEncoder wrote them for --json")
    func sameBytesAsFoundation() throws {
        #expect(try Self.koers(Sample()) == Self.foundation(Sample()))
        #expect(try Self.koers(Custom()) == Self.foundation(Custom()))
        #expect(try Self.koers([Sample]()) == Self.foundation([Sample]()))
        #expect(try Self.koers([Inner(label: "x", weight: 2)]) == Self.foundation([Inner(label: "x", weight: 2)]))
        #expect(try Self.koers("top-level text") == Self.foundation("top-level text"))
        #expect(try Self.koers(42) == Self.foundation(42))
    }

    @Test("the --json layout: ' : ' between key and value, an empty container on three lines at its own indent")
    func commandOutputLayout() {
        let value: JSONValue = ["list": [], "object": ["inner": [:]], "n": 1]
        #expect(JSONWriter.write(value, layout: .commandOutput) == """
            {
              "list" : [

              ],
              "object" : {
                "inner" : {

                }
              },
              "n" : 1
            }
            """)
        #expect(JSONWriter.write([], layout: .commandOutput) == "[\n\n]")
    }

    @Test("members are sorted by their keys' bytes, a nil optional is left out, NaN is null")
    func tree() throws {
        struct Odd: Encodable { var b = Double.nan; var a: Int? = nil; var B = Double.infinity }
        #expect(try JSONValue(encoding: Odd()) == JSONValue.object([("B", .null), ("b", .null)]))
        #expect(try JSONValue(encoding: Inner(label: "x", weight: nil))
                == JSONValue.object([("empty", .array([JSONValue]())), ("label", "x"), ("nothing", .object([JSONMember]()))]))
    }

    @Test("a Double is written with its shortest digits and without a trailing .0")
    func doubles() throws {
        let cases: [(Double, String)] = [(18, "18"), (1234.5, "1234.5"), (-0.0, "-0"), (1e-7, "1e-07"), (1e20, "1e+20"), (0.1, "0.1")]
        for (value, text) in cases {
            let number = try #require(JSONNumber(value))
            #expect(number.literal == text)
            #expect(JSONNumber(literal: text) != nil, "valid JSON: \(text)")
        }
        #expect(JSONNumber(Double(18))?.int == 18)
        #expect(JSONNumber(Double(18.5))?.int == nil)
        #expect(JSONNumber(Float(0.1))?.literal == "0.1")
    }
}
