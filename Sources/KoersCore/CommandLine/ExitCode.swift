/// Exit statuses, documented in docs/administration.md. Scripts (and systemd) rely on them.
public enum ExitCode: Int32, Sendable {
    /// Done; `check` found no errors (warnings allowed).
    case ok = 0
    /// The request was refused: unknown step, impossible status change, nothing matched.
    case refused = 1
    /// The command line was wrong (sysexits EX_USAGE).
    case usage = 64
    /// The configuration, an agenda or an imported file is invalid (EX_DATAERR).
    case invalidData = 65
    /// The database could not be read or written (EX_IOERR).
    case storage = 74
    /// The database is busy (another koers process holds it): try again (EX_TEMPFAIL).
    case busy = 75
}

/// What a command produced; `main` writes it out and exits.
public struct CommandOutput: Sendable {
    public var stdout = ""
    public var stderr = ""
    public var exitCode: ExitCode = .ok

    public init(stdout: String = "", stderr: String = "", exitCode: ExitCode = .ok) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }
}
