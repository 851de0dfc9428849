import Foundation

/// The daemon's log: one line per event on stderr, with the `<N>` priority prefix journald reads,
/// flushed per line. Never given personal data: messages name step keys, counts and message ids,
/// not names or addresses.
public struct Log: Sendable {
    public enum Priority: Int, Sendable { case error = 3, warning = 4, notice = 5, info = 6, debug = 7 }

    private let write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data(line.utf8))
    }) {
        self.write = write
    }

    public func log(_ priority: Priority, _ message: String) {
        let line = message.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        write("<\(priority.rawValue)>\(line)\n")
    }

    public func error(_ message: String) { log(.error, message) }
    public func warning(_ message: String) { log(.warning, message) }
    public func notice(_ message: String) { log(.notice, message) }
    public func info(_ message: String) { log(.info, message) }
}
