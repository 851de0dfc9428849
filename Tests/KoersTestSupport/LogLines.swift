import Synchronization
import KoersFormats

/// The lines a `Log` wrote, each with its priority and line break, readable from any thread.
package final class LogLines: Sendable {

    package init() {

    }
    package let all = Mutex<[String]>([])

    /// A log that writes here.
    package var log: Log { Log { [self] line in all.withLock { $0.append(line) } } }

    package var text: String { all.withLock { $0.joined() } }

    package func count(containing text: String) -> Int { all.withLock { $0.filter { $0.contains(text) }.count } }
}
