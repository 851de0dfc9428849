/// `Encodable` values as a `JSONValue`, so that the views the command line prints with `--json`
/// are written by `JSONWriter`, like every other JSON Koers writes.
///
/// Members are sorted by the UTF-8 bytes of their keys: the order a script sees does not depend
/// on how a type declares its properties (and is the order `--json` always had). A nil optional
/// is left out, as synthesised conformances encode it with `encodeIfPresent`; one a type encodes
/// explicitly is `null`. A key encoded twice keeps the last value. Numbers: integers as written,
/// a `Double` as `JSONNumber(_:)` writes it (`1234.5`, `18`, `1e-07`), NaN and infinities as `null`.
extension JSONValue {
    public init<T: Encodable>(encoding value: T) throws {
        let slot = EncodingSlot()
        try value.encode(to: ValueEncoder(slot: slot, codingPath: []))
        self = slot.value
    }
}

/// Where one value is encoded. Containers keep their children's slots, because a nested
/// container is filled after its parent has handed it out.
private final class EncodingSlot {
    var scalar: JSONValue?
    var members: [String: EncodingSlot]?
    var items: [EncodingSlot]?

    var value: JSONValue {
        if let members {
            return .object(members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                .map { JSONMember(key: $0.key, value: JSONNode($0.value.value, position: .zero)) })
        }
        if let items { return .array(items.map { JSONNode($0.value, position: .zero) }) }
        // A type that encodes nothing at all is an empty object, as Foundation's encoder makes it.
        return scalar ?? .object([JSONMember]())
    }

    func member(_ key: any CodingKey) -> EncodingSlot {
        if members == nil { members = [:] }
        let slot = EncodingSlot()
        members?[key.stringValue] = slot
        return slot
    }

    func item() -> EncodingSlot {
        if items == nil { items = [] }
        let slot = EncodingSlot()
        items?.append(slot)
        return slot
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String { "\(index)" }
    var intValue: Int? { index }
    let index: Int
    init(_ index: Int) { self.index = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.index = intValue }
}

private struct ValueEncoder: Encoder {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.members == nil { slot.members = [:] }
        return KeyedEncodingContainer(KeyedContainer(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.items == nil { slot.items = [] }
        return UnkeyedContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(slot: slot, codingPath: codingPath) }
}

/// The primitive overloads of the keyed and unkeyed containers default to their generic `encode`,
/// which lets the value encode itself into a single-value container: only that one writes scalars.
private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { slot.member(key).scalar = .null }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try value.encode(to: ValueEncoder(slot: slot.member(key), codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(slot: slot.member(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ValueEncoder(slot: slot.member(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        ValueEncoder(slot: slot.member(SuperKey()), codingPath: codingPath + [SuperKey()])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ValueEncoder(slot: slot.member(key), codingPath: codingPath + [key])
    }

    private struct SuperKey: CodingKey {
        var stringValue: String { "super" }
        var intValue: Int? { nil }
        init() {}
        init?(stringValue: String) { nil }
        init?(intValue: Int) { nil }
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]
    var count: Int { slot.items?.count ?? 0 }

    private var nextPath: [any CodingKey] { codingPath + [IndexKey(count)] }

    mutating func encodeNil() throws { slot.item().scalar = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = nextPath
        try value.encode(to: ValueEncoder(slot: slot.item(), codingPath: path))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = nextPath
        return ValueEncoder(slot: slot.item(), codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath
        return ValueEncoder(slot: slot.item(), codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let path = nextPath
        return ValueEncoder(slot: slot.item(), codingPath: path)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let slot: EncodingSlot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.scalar = .null }
    mutating func encode(_ value: Bool) throws { slot.scalar = .bool(value) }
    mutating func encode(_ value: String) throws { slot.scalar = .string(value) }
    mutating func encode(_ value: Double) throws { slot.scalar = JSONNumber(value).map(JSONValue.number) ?? .null }
    mutating func encode(_ value: Float) throws { slot.scalar = JSONNumber(value).map(JSONValue.number) ?? .null }
    mutating func encode(_ value: Int) throws { integer(value) }
    mutating func encode(_ value: Int8) throws { integer(value) }
    mutating func encode(_ value: Int16) throws { integer(value) }
    mutating func encode(_ value: Int32) throws { integer(value) }
    mutating func encode(_ value: Int64) throws { integer(value) }
    mutating func encode(_ value: UInt) throws { integer(value) }
    mutating func encode(_ value: UInt8) throws { integer(value) }
    mutating func encode(_ value: UInt16) throws { integer(value) }
    mutating func encode(_ value: UInt32) throws { integer(value) }
    mutating func encode(_ value: UInt64) throws { integer(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: ValueEncoder(slot: slot, codingPath: codingPath))
    }

    private func integer<I: BinaryInteger>(_ value: I) {
        slot.scalar = .number(JSONNumber(literal: String(value), double: Double(value), int: Int(exactly: value)))
    }
}
