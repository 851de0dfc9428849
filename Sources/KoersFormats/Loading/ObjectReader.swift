import Foundation

/// Reads the members of one JSON object into typed values, reporting each problem with its JSON
/// path and position and carrying on, so that one run lists every problem of a file.
///
/// A reader remembers which keys were read; `finish()` reports the rest as unknown (a misspelt
/// `"titel"` must not be silently ignored).
package final class ObjectReader {
    let node: JSONNode
    let path: JSONPath
    let log: DiagnosticLog
    private let members: [JSONMember]
    private var read: Set<String> = []

    /// Nil (after logging) when `node` is not an object. `what` names it for the message.
    package init?(_ node: JSONNode, path: JSONPath, log: DiagnosticLog, what: String) {
        guard let members = node.members else {
            log.error("expected \(what) (a JSON object), found \(node.preview)", at: node, path: path)
            return nil
        }
        self.node = node
        self.path = path
        self.log = log
        self.members = members
        var seen: Set<String> = []
        for member in members where !seen.insert(member.key).inserted {
            log.warning("duplicate key \"\(member.key)\": the last one counts", atKeyOf: member, path: path.appending(member.key))
        }
    }

    /// The member's node, marking the key as read. Reports a missing required key.
    func node(_ key: String, required: Bool, expected: String) -> JSONNode? {
        read.insert(key)
        guard let value = node[key] else {
            if required { log.error("missing required key \"\(key)\" (\(expected))", at: node, path: path) }
            return nil
        }
        return value
    }

    /// A text; with a `limit`, one longer than that is refused, saying the limit.
    package func string(_ key: String, required: Bool = true, allowEmpty: Bool = false, limit: TextLimit? = nil) -> String? {
        guard let value = node(key, required: required, expected: "a text") else { return nil }
        guard let s = value.string else {
            log.error("expected a text, found \(value.preview)", at: value, path: path.appending(key))
            return nil
        }
        if !allowEmpty && s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            log.error("must not be empty", at: value, path: path.appending(key))
            return nil
        }
        if let limit, case let length = s.unicodeScalars.count, length > limit.rawValue {
            log.error("is \(length) characters long; \(limit.what) has at most \(limit.rawValue)", at: value, path: path.appending(key))
            return nil
        }
        return s
    }

    /// `true` or `false`.
    func bool(_ key: String, required: Bool = true) -> Bool? {
        guard let value = node(key, required: required, expected: "true or false") else { return nil }
        guard let b = value.bool else {
            log.error("expected true or false, found \(value.preview)", at: value, path: path.appending(key))
            return nil
        }
        return b
    }

    /// A text that must stay on one line because it reaches mail headers (a person's or the sender's
    /// name, the organisation's): a line break or other control character there would make every
    /// mail carrying it unsendable, so it is refused here rather than when the mail is built.
    func line(_ key: String, required: Bool = true, limit: TextLimit = .name) -> String? {
        guard let s = string(key, required: required, limit: limit) else { return nil }
        let breaksLine = { (c: Unicode.Scalar) in c.properties.generalCategory == .control || c == "\u{2028}" || c == "\u{2029}" }
        if let bad = s.unicodeScalars.first(where: breaksLine) {
            log.error("must be one line of text; found \(JSONSyntaxError.render(String(bad))) (it would appear in mail headers)",
                      at: node[key], path: path.appending(key))
            return nil
        }
        return s
    }

    /// A string that must match `parse`; `expected` describes valid values for the message.
    package func parsed<T>(_ key: String, required: Bool = true, expected: String,
                   _ parse: (String) -> T?) -> T? {
        guard let value = node(key, required: required, expected: expected) else { return nil }
        return ObjectReader.parse(value, path: path.appending(key), log: log, expected: expected, parse)
    }

    static func parse<T>(_ value: JSONNode, path: JSONPath, log: DiagnosticLog, expected: String,
                         _ parse: (String) -> T?) -> T? {
        guard let s = value.string, let result = parse(s) else {
            log.error("\(value.preview) is not valid here; expected \(expected)", at: value, path: path)
            return nil
        }
        return result
    }

    /// An identifier matching `pattern` (one of the `IdentifierPattern`s).
    package func identifier(_ key: String, _ pattern: IdentifierPattern, required: Bool = true) -> String? {
        parsed(key, required: required, expected: pattern.expected) { pattern.matches($0) ? $0 : nil }
    }

    func number(_ key: String, required: Bool = true) -> Double? {
        guard let value = node(key, required: required, expected: "a number") else { return nil }
        guard let d = value.double else {
            log.error("expected a number, found \(value.preview)", at: value, path: path.appending(key))
            return nil
        }
        return d
    }

    func integer(_ key: String, required: Bool = true, atLeast minimum: Int) -> Int? {
        guard let value = node(key, required: required, expected: "a whole number") else { return nil }
        guard let i = value.int, i >= minimum else {
            log.error("\(value.preview) is not valid here; expected a whole number ≥ \(minimum)",
                      at: value, path: path.appending(key))
            return nil
        }
        return i
    }

    /// The elements of an array member with their paths; nil when absent or not an array.
    package func array(_ key: String, required: Bool = true) -> [(node: JSONNode, path: JSONPath)]? {
        guard let value = node(key, required: required, expected: "a list") else { return nil }
        guard let items = value.array else {
            log.error("expected a list, found \(value.preview)", at: value, path: path.appending(key))
            return nil
        }
        let base = path.appending(key)
        return items.enumerated().map { ($0.element, base.appending($0.offset)) }
    }

    func object(_ key: String, required: Bool = true, what: String) -> ObjectReader? {
        guard let value = node(key, required: required, expected: what) else { return nil }
        return ObjectReader(value, path: path.appending(key), log: log, what: what)
    }

    /// A list of texts (e.g. detail bullets).
    func strings(_ key: String, required: Bool = false) -> [String]? {
        sourcedStrings(key, required: required)?.map(\.value)
    }

    /// A list of texts with where each stands, for checks made later (see `Sourced`).
    func sourcedStrings(_ key: String, required: Bool = false) -> [Sourced<String>]? {
        guard let items = array(key, required: required) else { return nil }
        return items.compactMap { item in
            guard let s = item.node.string else {
                log.error("expected a text, found \(item.node.preview)", at: item.node, path: item.path)
                return nil
            }
            return Sourced(value: s, path: item.path)
        }
    }

    /// Checks the top-level `"format"` key: a file of another kind or a newer version is refused
    /// by name instead of being half-read.
    package func expectFormat(_ format: String) {
        guard let found = string("format"), found != format else { return }
        log.error("\"\(found)\" is not a format this Koers reads; expected \"\(format)\"",
                  at: node["format"], path: path.appending("format"))
    }

    /// Reports keys that were never read: they are misspelt or belong to another format version.
    package func finish() {
        let known = read.sorted()
        for member in members where !read.contains(member.key) && member.key != "$schema" {
            let expected = Choices.expected(member.key, among: known, none: "this object takes no keys")
            log.error("unknown key \"\(member.key)\"; \(expected)", atKeyOf: member, path: path.appending(member.key))
        }
    }
}

/// The spellings allowed for ids, so messages can say exactly what would be valid.
package enum IdentifierPattern {
    /// `ook-sop`, `lerende-leraar`, `co-oper`
    case slug
    /// `LL`, `KC`
    case themeCode
    /// `a`, `b`, `i`
    case activityID
    /// `A1`, `B7`
    case stepID
    /// person ids: `c.jansen`
    case personID

    package var expected: String {
        switch self {
        case .slug: "lower-case letters, digits and '-' (e.g. \"lerende-leraar\")"
        case .themeCode: "1 to 6 upper-case letters or digits starting with a letter (e.g. \"LL\")"
        case .activityID: "a lower-case letter, optionally followed by letters or digits (e.g. \"a\")"
        case .stepID: "an upper-case letter followed by upper-case letters or digits (e.g. \"A1\")"
        case .personID: "letters, digits, '.', '_' or '-' (e.g. \"c.jansen\")"
        }
    }

    package func matches(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        guard let first = u.first, u.count <= 64 else { return false }
        func lower(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) }
        func upper(_ c: Unicode.Scalar) -> Bool { ("A"..."Z").contains(c) }
        func digit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        switch self {
        case .slug:
            return (lower(first) || digit(first)) && u.allSatisfy { lower($0) || digit($0) || $0 == "-" }
        case .themeCode:
            return u.count <= 6 && upper(first) && u.allSatisfy { upper($0) || digit($0) }
        case .activityID:
            return lower(first) && u.allSatisfy { lower($0) || digit($0) }
        case .stepID:
            return upper(first) && u.allSatisfy { upper($0) || digit($0) }
        case .personID:
            return (lower(first) || upper(first) || digit(first))
                && u.allSatisfy { lower($0) || upper($0) || digit($0) || $0 == "." || $0 == "_" || $0 == "-" }
        }
    }
}
