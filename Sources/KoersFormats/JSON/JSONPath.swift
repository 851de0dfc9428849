/// One step into a JSON document: a member key or an array index (0-based).
public enum JSONPathComponent: Sendable, Hashable {
    case key(String)
    case index(Int)
}

/// Where a value sits in a document, for messages about content that is valid JSON but wrong
/// for the format: `themes[1].activities[2].steps[0].period`.
///
/// The description follows the JavaScript/JSONPath habit people already read: `.key` for simple
/// keys, `["odd key"]` (JSON-escaped) for anything else, `[n]` for indices, and `$` for the
/// document itself. The leading `$.` is left out because every path starts at the root.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public var components: [JSONPathComponent]

    public init(_ components: [JSONPathComponent] = []) {
        self.components = components
    }

    /// The whole document.
    public static let root = JSONPath()

    public var isRoot: Bool { components.isEmpty }

    public func appending(_ key: String) -> JSONPath {
        appending(.key(key))
    }

    public func appending(_ index: Int) -> JSONPath {
        appending(.index(index))
    }

    public func appending(_ component: JSONPathComponent) -> JSONPath {
        var copy = self
        copy.components.append(component)
        return copy
    }

    /// The path one step up; the root's parent is the root.
    public var parent: JSONPath {
        JSONPath(Array(components.dropLast()))
    }

    public var description: String {
        guard !components.isEmpty else { return "$" }
        var text = ""
        for (offset, component) in components.enumerated() {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key):
                // A first key spelled "$" would read as the root, so it gets brackets.
                if Self.isIdentifier(key) && !(offset == 0 && key == "$") {
                    if offset > 0 { text += "." }
                    text += key
                } else {
                    text += "[" + JSONWriter.quote(key) + "]"
                }
            }
        }
        return text
    }

    /// `[A-Za-z_$][A-Za-z0-9_$-]*`: keys that can be written after a dot without confusion.
    static func isIdentifier(_ key: String) -> Bool {
        var bytes = key.utf8.makeIterator()
        guard let first = bytes.next(), isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: "$")
        else { return false }
        while let b = bytes.next() {
            guard isLetter(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
                || b == UInt8(ascii: "_") || b == UInt8(ascii: "$") || b == UInt8(ascii: "-")
            else { return false }
        }
        return true
    }

    private static func isLetter(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
    }
}
