import KoersFormats
import KoersMail
import KoersModel
import KoersServices
import KoersStore
import KoersSystem

/// An error that says, by its type, which exit status a command ends with. `KoersTool` maps every
/// error a command throws through this; one that does not adopt it is a bug in Koers (70).
protocol ExitStatusCarrying: Error, CustomStringConvertible {
    var exitCode: ExitCode { get }
    /// What stderr shows; by default `Error: ` and the description. (A usage error is followed by
    /// the command's help.)
    var report: String { get }
}

extension ExitStatusCarrying {
    var report: String { "Error: \(self)\n" }
}

// The errors commands throw, by what they mean for whoever runs the command. The types belong to
// the layers below; which status each means is the command line's business, so it is said here.

extension UsageError: ExitStatusCarrying {
    var exitCode: ExitCode { .usage }
}

extension CSVTable.SeparatorError: ExitStatusCarrying {
    var exitCode: ExitCode { .usage }
}

extension Workspace.Invalid: ExitStatusCarrying {
    var exitCode: ExitCode { .invalidData }
    var report: String {
        diagnostics.map { "\($0)\n" }.joined() + "Error: \(errors.count) error(s); fix them and run `koers check` again.\n"
    }
}

extension ScanImport.Rejected: ExitStatusCarrying {
    var exitCode: ExitCode { .invalidData }
    var report: String {
        "\(self)\nError: \(problems.count) problem(s); nothing was imported from \(file). Fix the rows and import the file again.\n"
    }
}

/// A message Koers cannot build from the configuration or agenda (a name or address in it).
extension MailError: ExitStatusCarrying {
    var exitCode: ExitCode { .invalidData }
}

extension StoreError: ExitStatusCarrying {
    var exitCode: ExitCode {
        if case .busy = self { return .busy }
        return .storage
    }
}

/// Reading a file the command was given is a problem with that input; anything else is a file it
/// could not create or replace (an `--out` file).
extension FileError: ExitStatusCarrying {
    var exitCode: ExitCode {
        switch operation {
        case .open, .stat, .read: .invalidData
        default: .cannotCreate
        }
    }
}

extension SiteWriter.Failure: ExitStatusCarrying {
    /// Refused: the folder is not Koers's to replace; otherwise it could not be written.
    var exitCode: ExitCode { kind == .refused ? .refused : .cannotCreate }
}

/// A temporary token failure (or a stop) is worth trying again; the rest is the transport's
/// settings, which only the administrator can fix.
extension TransportError: ExitStatusCarrying {
    var exitCode: ExitCode {
        switch self {
        case .tokenUnavailable(_, temporary: true), .stopped: .busy
        default: .configuration
        }
    }
}

/// It says itself that it is a bug in Koers.
extension AgendaExport.Unchecked: ExitStatusCarrying {
    var exitCode: ExitCode { .software }
}

// Refusals: the request is understood, and cannot be carried out as asked (exit 1).

extension StatusTransition.Refusal: ExitStatusCarrying { var exitCode: ExitCode { .refused } }
extension RecordRefusal: ExitStatusCarrying { var exitCode: ExitCode { .refused } }
extension AgendaSet.LookupError: ExitStatusCarrying { var exitCode: ExitCode { .refused } }
extension AgendaSet.ActivityLookupError: ExitStatusCarrying { var exitCode: ExitCode { .refused } }
extension AgendaView.FilterError: ExitStatusCarrying { var exitCode: ExitCode { .refused } }
extension ReportBuilder.Failure: ExitStatusCarrying { var exitCode: ExitCode { .refused } }
extension CalendarExport.AudienceError: ExitStatusCarrying { var exitCode: ExitCode { .refused } }
extension TrajectoryError: ExitStatusCarrying { var exitCode: ExitCode { .refused } }
extension ScanError: ExitStatusCarrying { var exitCode: ExitCode { .refused } }
extension AdoptionError: ExitStatusCarrying { var exitCode: ExitCode { .refused } }
extension AlreadyAnswered: ExitStatusCarrying { var exitCode: ExitCode { .refused } }
extension PersonError: ExitStatusCarrying { var exitCode: ExitCode { .refused } }
extension ArchiveRefusal: ExitStatusCarrying { var exitCode: ExitCode { .refused } }
extension HolidaysCommand.ImportRefusal: ExitStatusCarrying { var exitCode: ExitCode { .refused } }
