/// One problem found while loading or checking: where it is, what is wrong, what would be valid.
///
/// Rendered as `file:line:column: error: path: message`, the shape editors and terminals make
/// clickable.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    public var file: String
    public var position: SourcePosition?
    /// The JSON path, when the problem is in a file's content.
    public var path: JSONPath?
    public var message: String

    public init(_ severity: Severity, file: String, position: SourcePosition? = nil,
                path: JSONPath? = nil, _ message: String) {
        self.severity = severity
        self.file = file
        self.position = position
        self.path = path
        self.message = message
    }

    public var description: String {
        var s = file
        if let position { s += ":\(position.line):\(position.column)" }
        s += ": \(severity.rawValue): "
        if let path, path != .root { s += "\(path): " }
        return s + message
    }
}

/// Collects diagnostics for one file, so a single run reports every problem, not just the first.
package final class DiagnosticLog {
    let file: String
    package private(set) var items: [Diagnostic] = []

    package init(file: String) { self.file = file }

    package var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Errors in what a name refers to (a role the file does not define): they leave nothing out
    /// of the decoded structure, so checks that find elements by their place in it still run.
    private var referenceErrors = 0

    /// Whether an error left something out of the decoded structure (see `referenceError`).
    var hasStructuralErrors: Bool { items.count { $0.severity == .error } > referenceErrors }

    func referenceError(_ message: String, at node: JSONNode?, path: JSONPath) {
        error(message, at: node, path: path)
        referenceErrors += 1
    }

    package func error(_ message: String, at node: JSONNode? = nil, path: JSONPath? = nil) {
        items.append(Diagnostic(.error, file: file, position: node?.position, path: path, message))
    }

    func warning(_ message: String, at node: JSONNode? = nil, path: JSONPath? = nil) {
        items.append(Diagnostic(.warning, file: file, position: node?.position, path: path, message))
    }

    /// A problem with a key itself (unknown, repeated): reported where the key is written, which
    /// may be lines away from its value.
    func error(_ message: String, atKeyOf member: JSONMember, path: JSONPath) {
        items.append(Diagnostic(.error, file: file, position: member.keyPosition, path: path, message))
    }

    func warning(_ message: String, atKeyOf member: JSONMember, path: JSONPath) {
        items.append(Diagnostic(.warning, file: file, position: member.keyPosition, path: path, message))
    }

    func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
}
