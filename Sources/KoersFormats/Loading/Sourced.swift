/// A decoded value with the JSON path it was read from. Lists are decoded leaving out what is
/// wrong, so the n-th decoded item need not be the n-th in the file: a check that runs after
/// decoding finds its item through this path, never through its index in the decoded list.
struct Sourced<Value> {
    var value: Value
    var path: JSONPath
}

extension Sourced: Sendable where Value: Sendable {}
