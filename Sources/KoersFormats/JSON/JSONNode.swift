/// A parsed JSON value together with where it starts in the source.
///
/// Loaders read configuration through this tree rather than through `Codable` so that every
/// complaint about content ("expected a text, found 42") can point at the exact line and column.
/// Values built in code (see ``JSONValue/object(_:)``) carry ``SourcePosition/zero``.
public struct JSONNode: Sendable, Hashable {
    public var value: JSONValue
    /// The first character of the value: its `{`, `[`, `"`, first digit or `-`, or keyword.
    public var position: SourcePosition

    public init(_ value: JSONValue, position: SourcePosition = .start) {
        self.value = value
        self.position = position
    }
}

/// The JSON data model. Objects are member lists, not dictionaries: hand-edited files are read
/// back in their own order and a repeated key is kept, so the caller can warn about it instead
/// of one of them silently disappearing.
///
/// Not `indirect`: the recursive cases already store their children in arrays, which provide the
/// indirection; boxing every value would cost an allocation per scalar.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])
}

/// One `"key": value` pair of an object, with the key's own position (for "unknown key" messages).
public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var keyPosition: SourcePosition
    public var value: JSONNode

    public init(key: String, keyPosition: SourcePosition = .zero, value: JSONNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

/// A JSON number, kept as written plus its numeric readings.
///
/// The literal is what the writer emits, so `1.50` or `1e3` survive a round trip unchanged and
/// integers beyond 2⁵³ are not silently rounded.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number exactly as it appears in the source, e.g. "-12.50e3".
    public var literal: String
    /// The nearest `Double` (correctly rounded).
    public var double: Double
    /// Set only when the literal is an integer (no fraction, no exponent) that fits `Int` exactly.
    public var int: Int?

    /// Unchecked: the parser has already validated `literal` and computed both readings.
    init(literal: String, double: Double, int: Int?) {
        self.literal = literal
        self.double = double
        self.int = int
    }

    public init(_ value: Int) {
        self.init(literal: String(value), double: Double(value), int: value)
    }

    /// Nil for NaN and infinities, which JSON cannot represent. The shortest digits that read back
    /// as `value`, without a trailing `.0`: 1234.5, 18, -0, 1e-07, 1e+20 (as Foundation's
    /// `JSONEncoder` writes a `Double`, so `--json` output kept its numbers).
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        self.init(shortest: value.description, double: value)
    }

    /// As for a `Double`, with the `Float`'s own shortest digits (0.1, not 0.10000000149011612).
    public init?(_ value: Float) {
        guard value.isFinite else { return nil }
        self.init(shortest: value.description, double: Double(value))
    }

    private init(shortest: String, double: Double) {
        let literal = shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest
        self.init(literal: literal, double: double, int: literal.contains { $0 == "." || $0 == "e" } ? nil : Int(literal))
    }

    /// Nil unless `literal` is exactly one valid, finite JSON number (no surrounding spaces).
    public init?(literal: String) {
        guard case .number(let number)? = try? JSONParser.parse(literal).value,
              number.literal == literal else { return nil }
        self = number
    }

    public var description: String { literal }
}

extension JSONNumber: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    public init(integerLiteral value: Int) { self.init(value) }

    /// A non-finite literal keeps its Swift spelling; the writer renders such a number as `null`.
    public init(floatLiteral value: Double) {
        self.init(literal: value.description, double: value, int: nil)
    }
}

// MARK: - Building values in code

extension JSONValue {
    /// An object from key/value pairs in the given order (duplicates kept), with zero positions.
    /// Disfavoured so that `.object([])` still means the enum case rather than being ambiguous.
    @_disfavoredOverload
    public static func object(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object(pairs.map { JSONMember(key: $0.0, value: JSONNode($0.1, position: .zero)) })
    }

    /// An array of values with zero positions (disfavoured like `object(_:)`).
    @_disfavoredOverload
    public static func array(_ values: [JSONValue]) -> JSONValue {
        .array(values.map { JSONNode($0, position: .zero) })
    }

    /// A number from an `Int`, e.g. `.number(3)` via the literal or `.int(count)`.
    public static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(floatLiteral value: Double) { self = .number(JSONNumber(floatLiteral: value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Dictionary-literal syntax keeps order and duplicates (it is a `KeyValuePairs`).
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
}

// MARK: - Reading

extension JSONValue {
    /// The JSON type as messages name it: "object", "array", "string", "number", "boolean", "null".
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Equality of content, ignoring positions. Numbers compare by literal, so `1.0` ≠ `1`.
    public func isStructurallyEqual(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a.literal == b.literal
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.value.isStructurallyEqual(to: $1.value) }
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy {
                $0.key == $1.key && $0.value.value.isStructurallyEqual(to: $1.value.value)
            }
        default: return false
        }
    }
}

extension JSONNode {
    public var typeName: String { value.typeName }

    /// The value of the last member named `key` (JSON parsers conventionally let the last
    /// duplicate win); nil when this is not an object or has no such member.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The element at `index`; nil when this is not an array or the index is out of range.
    public subscript(index: Int) -> JSONNode? {
        guard case .array(let items) = value, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// The node at `path` below this one, nil when any step does not exist.
    public func node(at path: JSONPath) -> JSONNode? {
        var node = self
        for component in path.components {
            switch component {
            case .key(let key): guard let next = node[key] else { return nil }; node = next
            case .index(let index): guard let next = node[index] else { return nil }; node = next
            }
        }
        return node
    }

    public var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    /// Only for integer literals that fit `Int`: `2.0` and `2e0` are not integers here, so a
    /// count written as `2.5` is reported rather than truncated.
    public var int: Int? {
        if case .number(let n) = value { return n.int }
        return nil
    }

    public var double: Double? {
        if case .number(let n) = value { return n.double }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    public var array: [JSONNode]? {
        if case .array(let items) = value { return items }
        return nil
    }

    public var members: [JSONMember]? {
        if case .object(let members) = value { return members }
        return nil
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// A short rendering for messages such as "expected a text, found …": scalars as JSON
    /// (strings quoted and cut after 40 characters with "…"), containers by size
    /// ("an array of 3 items", "an empty object").
    public var preview: String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            return n.literal.count > Self.previewLimit ? n.literal.prefix(Self.previewLimit) + "…" : n.literal
        case .string(let s):
            guard s.count > Self.previewLimit else { return JSONWriter.quote(s) }
            return JSONWriter.quote(String(s.prefix(Self.previewLimit)) + "…")
        case .array(let items):
            switch items.count {
            case 0: return "an empty array"
            case 1: return "an array of 1 item"
            case let n: return "an array of \(n) items"
            }
        case .object(let members):
            switch members.count {
            case 0: return "an empty object"
            case 1: return "an object with 1 member"
            case let n: return "an object with \(n) members"
            }
        }
    }

    private static let previewLimit = 40

    /// Equality of content, ignoring positions.
    public func isStructurallyEqual(to other: JSONNode) -> Bool {
        value.isStructurallyEqual(to: other.value)
    }
}
