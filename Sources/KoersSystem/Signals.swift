import Glibc

/// The signals Koers handles, and the two things it does to them itself; catching them is left
/// to Dispatch signal sources, so no Swift work runs inside a C signal handler.
public enum Signals {
    /// A signal, by its number (as `DispatchSource.makeSignalSource` takes it).
    public struct Signal: Sendable, Equatable {
        public let rawValue: Int32

        /// SIGHUP: reload.
        public static let hangUp = Signal(rawValue: SIGHUP)
        /// SIGTERM: stop.
        public static let terminate = Signal(rawValue: SIGTERM)
        /// SIGINT: stop (Ctrl-C).
        public static let interrupt = Signal(rawValue: SIGINT)
        /// SIGPIPE: a write to a pipe or socket nobody reads; ignored, the write fails with EPIPE.
        public static let brokenPipe = Signal(rawValue: SIGPIPE)
        /// SIGXFSZ: a write beyond the file size limit (RLIMIT_FSIZE); ignored, it fails with EFBIG.
        public static let fileSizeLimit = Signal(rawValue: SIGXFSZ)
    }

    /// Ignores `signal` in the whole process (`SIG_IGN`).
    public static func ignore(_ signal: Signal) {
        Glibc.signal(signal.rawValue, SIG_IGN)
    }

    /// Takes `signals` out of the calling thread's blocked set: a parent may have started Koers
    /// with them blocked (Foundation's `Process` passes its thread's mask on), and blocked, they
    /// would never arrive.
    public static func unblock(_ signals: [Signal]) {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal.rawValue) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
