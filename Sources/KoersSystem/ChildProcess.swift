import Glibc

/// A program Koers started with `posix_spawn`, with its standard files given, a clean signal
/// mask, and the environment passed in. Foundation's `Process` would pass on the spawning
/// thread's mask and ignored signals (SIGPIPE above all), which a mail program must not inherit.
public struct ChildProcess: Sendable {
    public let id: Int32
    /// The program, for messages.
    public let path: String

    /// A program that could not be started.
    public struct StartError: Error, Equatable, Sendable, CustomStringConvertible {
        public var path: String
        /// What `posix_spawn` returned, an `errno` value.
        public var code: Int32

        /// The system's own text for `code`.
        public var reason: String { String(cString: strerror(code)) }

        /// The program file is being replaced, or the system is out of processes, memory or
        /// descriptors: trying again later may succeed.
        public var isTemporary: Bool { [ETXTBSY, EAGAIN, ENOMEM, EMFILE, ENFILE, EINTR].contains(code) }

        public var description: String {
            "Could not start \(path): \(reason). "
                + (isTemporary ? "Try again later." : "Check that the path names an executable program Koers may run.")
        }
    }

    /// How the program ended.
    public enum Ending: Sendable, Equatable {
        case exited(status: Int32)
        case killed(signal: Int32)
    }

    public enum Waited: Sendable, Equatable {
        case ended(Ending)
        /// The timeout passed first; the program still runs.
        case timedOut
        /// `abortWhen` turned true first; the program still runs.
        case aborted
        /// `waitpid` failed: the exit status cannot be known.
        case lost(reason: String)
    }

    /// The signals a child gets back at their default disposition: those Koers may block or ignore.
    private static let defaultSignals = [SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGCHLD, SIGALRM, SIGUSR1, SIGUSR2, SIGXFSZ]

    /// Starts `path` with `arguments`, standard input from `input`, standard output and error to
    /// `output`, and `environment` (`NAME=value` each).
    public static func start(_ path: String, arguments: [String], input: FileDescriptor, output: FileDescriptor,
                             environment: [String: String]) throws(StartError) -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input.rawValue, 0)
        posix_spawn_file_actions_adddup2(&actions, output.rawValue, 1)
        posix_spawn_file_actions_adddup2(&actions, output.rawValue, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in defaultSignals { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environ = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environ.forEach { free($0) } }

        // ETXTBSY: the program file is open for writing, also when that is a copy of the descriptor
        // that another thread's fork holds for a moment before its exec (an upgrade replacing the
        // program, or a test writing one). It passes within milliseconds on an idle machine:
        // try again for about half a second.
        var pid = pid_t()
        var result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        for attempt in 0..<6 where result == ETXTBSY {
            usleep(10_000 << attempt)
            result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        }
        guard result == 0 else { throw StartError(path: path, code: result) }
        return ChildProcess(id: pid, path: path)
    }

    /// How the program ended, once it has; `.timedOut` when `timeout` passes first (nil: wait as
    /// long as it takes), or `.aborted` when `shouldAbort` turns true first. Polls with
    /// `WNOHANG`, backing off to 50 ms.
    public func wait(timeout: Duration?, abortWhen shouldAbort: () -> Bool = { false }) -> Waited {
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + $0 }
        var pause: UInt32 = 1_000
        while true {
            var status: Int32 = 0
            let result = waitpid(id, &status, timeout == nil ? 0 : WNOHANG)
            if result == id { return .ended(Self.ending(status)) }
            if result < 0 && errno != EINTR { return .lost(reason: String(cString: strerror(errno))) }
            if let deadline, clock.now >= deadline { return .timedOut }
            if shouldAbort() { return .aborted }
            if result == 0 {
                usleep(pause)
                pause = min(pause * 2, 50_000)
            }
        }
    }

    /// SIGTERM, then SIGKILL when the program has not exited 5 seconds later; reaped either way.
    public func terminate() {
        kill(id, SIGTERM)
        if case .timedOut = wait(timeout: .seconds(5)) {
            kill(id, SIGKILL)
            _ = wait(timeout: nil)
        }
    }

    private static func ending(_ status: Int32) -> Ending {
        let signal = status & 0x7F
        return signal != 0 ? .killed(signal: signal) : .exited(status: (status >> 8) & 0xFF)
    }
}
