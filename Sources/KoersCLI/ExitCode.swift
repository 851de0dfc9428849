/// Exit statuses, documented in docs/administration.md and in `koers --help`. Scripts (and
/// systemd) rely on them. Where one fits, the number is the one sysexits.h gives that meaning.
public enum ExitCode: Int32, Sendable, CaseIterable {
    /// Done; `check` found no errors (warnings allowed).
    case ok = 0
    /// The request was refused: unknown step, impossible status change, nothing matched; the mail
    /// server refused the test message; for `koers status`: something failed.
    case refused = 1
    /// The command line was wrong (EX_USAGE).
    case usage = 64
    /// The configuration, an agenda or an imported file is invalid (EX_DATAERR).
    case invalidData = 65
    /// Koers did not expect this error: a bug, to be reported with the message (EX_SOFTWARE).
    case software = 70
    /// A file or folder to write (`--out`, the site) could not be created or written (EX_CANTCREAT).
    case cannotCreate = 73
    /// The database could not be read or written (EX_IOERR).
    case storage = 74
    /// Try again later: another koers process holds the database, or the mail server cannot be
    /// reached or answers "try later" (EX_TEMPFAIL, as sendmail uses it for a server it cannot reach).
    case busy = 75
    /// The mail transport is set up wrongly: an unreadable secret, refused login, TLS trouble,
    /// invalid SMTP settings. Trying again without a change will not help (EX_CONFIG).
    case configuration = 78

    /// A few words for `koers --help`.
    var meaning: String {
        switch self {
        case .ok: "ok"
        case .refused: "refused"
        case .usage: "usage error"
        case .invalidData: "invalid configuration, agenda or file"
        case .software: "a bug in Koers (please report it)"
        case .cannotCreate: "cannot write the output file"
        case .storage: "database error"
        case .busy: "busy or unreachable: try again"
        case .configuration: "mail transport misconfigured"
        }
    }
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
