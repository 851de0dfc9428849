import Foundation
import KoersStore

/// `koers backup FILE`: a consistent copy of the database, safe while the daemon runs (SQLite's
/// online backup, not a file copy, which could catch the WAL half-written).
enum BackupCommand: Subcommand {
    static let name = "backup"
    static let summary = "Copy the database into FILE, safely while the daemon runs."
    static let usages = [CommandUsage("FILE", run: run)]
    static let explanation = """
    Writes a consistent copy of the database to FILE (mode 0600) with SQLite's online backup, while
    the daemon keeps running, then checks the copy with PRAGMA integrity_check. FILE must not exist.

    To restore: stop the daemon (systemctl stop koers), replace the database file with the backup
    and remove the -wal and -shm files beside it, then start the daemon again.

    """

    static func run(_ context: CommandContext) throws -> CommandOutput {
        let target = try context.arguments.positional(0, "FILE")
        try context.arguments.expectPositionals(atMost: 1)
        guard !FileManager.default.fileExists(atPath: target) else {
            throw UsageError("\(target) exists already; choose a new file name, Koers never overwrites a backup")
        }
        let workspace = try context.workspace()
        let store = try context.openStore(workspace)
        try Database.backup(from: store.database, to: target)
        let problems = try Database(path: target).integrityCheck()
        guard problems.isEmpty else {
            return CommandOutput(stderr: "Error: the backup in \(target) failed its integrity check: \(problems.joined(separator: "; ")). Try again; if it keeps failing, run `sqlite3 \(workspace.config.databasePath) 'PRAGMA integrity_check'`.\n",
                                 exitCode: .storage)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? 0
        return CommandOutput(stdout: "backed up \(workspace.config.databasePath) to \(target) (\(size) bytes, integrity ok)\n")
    }
}
