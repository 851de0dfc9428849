import Foundation
import KoersCLI
import KoersFormats
import KoersSystem

// A file size limit (RLIMIT_FSIZE) must fail the write with EFBIG, reported as a full disk, rather
// than kill the process with SIGXFSZ in the middle of a database commit.
Signals.ignore(.fileSizeLimit)
let output = KoersTool.run(Array(CommandLine.arguments.dropFirst()))
// Control characters in agenda texts or notes must not act on a terminal; files and pipes get the
// output exactly.
func shown(_ text: String, on descriptor: FileDescriptor) -> String {
    descriptor.isTerminal ? TerminalText.displayable(text) : text
}
FileHandle.standardOutput.write(Data(shown(output.stdout, on: .standardOutput).utf8))
FileHandle.standardError.write(Data(shown(output.stderr, on: .standardError).utf8))
exit(output.exitCode.rawValue)
