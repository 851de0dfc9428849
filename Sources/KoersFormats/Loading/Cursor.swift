/// A JSON path together with the node it points at, so checks that run on the decoded model can
/// still report the line and column of what they complain about.
struct Cursor {
    let node: JSONNode?
    let path: JSONPath

    init(root: JSONNode) {
        node = root
        path = .root
    }

    /// The place `path` names in the file whose root is `root`: how a check on a decoded value
    /// finds its way back to it (see `Sourced`).
    init(root: JSONNode, at path: JSONPath) {
        node = root.node(at: path)
        self.path = path
    }

    private init(node: JSONNode?, path: JSONPath) {
        self.node = node
        self.path = path
    }

    subscript(key: String) -> Cursor { Cursor(node: node?[key], path: path.appending(key)) }

    subscript(index: Int) -> Cursor {
        let items = node?.array
        let child = items.flatMap { index < $0.count ? $0[index] : nil }
        return Cursor(node: child, path: path.appending(index))
    }

    func error(_ log: DiagnosticLog, _ message: String) { log.error(message, at: node, path: path) }
    func warning(_ log: DiagnosticLog, _ message: String) { log.warning(message, at: node, path: path) }
}
