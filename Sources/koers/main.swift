import Foundation
import KoersCore

// A file size limit (RLIMIT_FSIZE) must fail the write with EFBIG, reported as a full disk, rather
// than kill the process with SIGXFSZ in the middle of a database commit.
signal(SIGXFSZ, SIG_IGN)
let output = KoersTool.run(Array(CommandLine.arguments.dropFirst()))
FileHandle.standardOutput.write(Data(output.stdout.utf8))
FileHandle.standardError.write(Data(output.stderr.utf8))
exit(output.exitCode.rawValue)
