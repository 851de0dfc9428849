import KoersFormats

/// Building JSON values for the synthetic files: objects whose absent (nil) members are left out,
/// so optional keys appear only where the generator chose to fill them.
enum SyntheticJSON {
    static func object(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(pairs.compactMap { pair in pair.value.map { (pair.key, $0) } })
    }

    static func string(_ text: String?) -> JSONValue? { text.map(JSONValue.string) }

    static func strings(_ texts: [String]) -> JSONValue { .array(texts.map(JSONValue.string)) }

    /// `[{ "role", "does" }]`
    static func duties(_ duties: [(role: String, does: String)]) -> JSONValue {
        .array(duties.map { object(["role": .string($0.role), "does": .string($0.does)]) })
    }
}
