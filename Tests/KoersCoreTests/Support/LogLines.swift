import Synchronization
@testable import KoersCore

/// The lines a `Log` wrote, each with its priority and line break, readable from any thread.
final class LogLines: Sendable {
    let all = Mutex<[String]>([])

    /// A log that writes here.
    var log: Log { Log { [self] line in all.withLock { $0.append(line) } } }

    var text: String { all.withLock { $0.joined() } }

    func count(containing text: String) -> Int { all.withLock { $0.filter { $0.contains(text) }.count } }
}
