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
        let line = Self.withoutAddresses(TerminalText.oneLine(message))
        write("<\(priority.rawValue)>\(line)\n")
    }

    /// `message` with every e-mail address replaced by `[address]`. Koers never puts one in a log
    /// line, but mail servers quote the recipient in their answers ("550 5.1.1 <x@y.nl>: Recipient
    /// address rejected"), and those answers are logged.
    package static func withoutAddresses(_ message: String) -> String {
        guard message.contains("@") else { return message }
        let separators: Set<Character> = [" ", "\t", "<", ">", "(", ")", "[", "]", ",", ";", ":", "\"", "'"]
        var result = ""
        var token = ""
        func flush() {
            let core = String(token.reversed().drop { $0 == "." }.reversed())  // "x@y.nl." ends a sentence
            let parts = core.split(separator: "@", omittingEmptySubsequences: false)
            // A path ("written to /var/lib/koers/mail/…@koers.example.eml", named after the Message-ID) is no address.
            let isAddress = parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
                && !token.contains("/")
            result += isAddress ? "[address]" + String(repeating: ".", count: token.count - core.count) : token
            token = ""
        }
        for character in message {
            if separators.contains(character) {
                flush()
                result.append(character)
            } else {
                token.append(character)
            }
        }
        flush()
        return result
    }

    public func error(_ message: String) { log(.error, message) }
    public func warning(_ message: String) { log(.warning, message) }
    public func notice(_ message: String) { log(.notice, message) }
    public func info(_ message: String) { log(.info, message) }
}
