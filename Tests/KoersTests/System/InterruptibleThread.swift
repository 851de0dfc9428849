import Foundation
import Synchronization
@testable import KoersSystem

/// How many SIGUSR2 signals the test process has handled.
let interruptions = Atomic<Int>(0)

/// A SIGUSR2 handler that only counts, installed without `SA_RESTART`: a system call blocked when
/// the signal arrives returns `EINTR`, or a short count when part of the work was done.
private let interruptHandlerInstalled: Bool = {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in interruptions.add(1, ordering: .relaxed) }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    return sigaction(SIGUSR2, &action, nil) == 0
}()

/// A body run on a thread of its own, which `interrupt()` sends SIGUSR2 to. The thread stays alive
/// until `join`, so a signal never reaches a thread that has ended.
final class InterruptibleThread<Value: Sendable>: @unchecked Sendable {
    private let started = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)
    private var thread = pthread_t()
    private var result: Result<Value, FileError>?

    init(_ body: @escaping @Sendable () throws(FileError) -> Value) {
        precondition(interruptHandlerInstalled)
        Thread { [self] in
            // A thread starts with its creator's mask, and the test runner's threads block most signals.
            var signals = sigset_t()
            sigemptyset(&signals)
            sigaddset(&signals, SIGUSR2)
            pthread_sigmask(SIG_UNBLOCK, &signals, nil)
            thread = pthread_self()
            started.signal()
            do throws(FileError) { result = .success(try body()) } catch { result = .failure(error) }
            finished.signal()
            released.wait()
        }.start()
        started.wait()
    }

    func interrupt() {
        pthread_kill(thread, SIGUSR2)
    }

    /// Interrupts the body every `interval` until it returns; how many signals were sent.
    func interruptUntilFinished(every interval: DispatchTimeInterval) -> Int {
        var sent = 0
        while finished.wait(timeout: .now() + interval) == .timedOut {
            interrupt()
            sent += 1
        }
        finished.signal()
        return sent
    }

    func join() -> Result<Value, FileError> {
        finished.wait()
        released.signal()
        return result!
    }
}

/// Both ends of a new named pipe in `folder`, blocking. Opened through `FileDescriptor`, so
/// close-on-exec from the start: a program another test starts meanwhile never holds an end open.
func namedPipe(in folder: String) throws -> (read: FileDescriptor, write: FileDescriptor) {
    let path = folder + "/pipe-\(UUID().uuidString)"
    guard mkfifo(path, 0o600) == 0 else { throw FileError(path: path, operation: .create, cause: .system(errno)) }
    let read = try FileDescriptor.open(path, .readOnly, options: .nonBlocking)
    let write = try FileDescriptor.open(path, .writeOnly)
    _ = fcntl(read.rawValue, F_SETFL, 0)
    return (read, write)
}

/// `count` bytes in which a lost, repeated or swapped block shows.
func pattern(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 12) }
}
