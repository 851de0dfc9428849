import Glibc

extension FileDescriptor {
    public static let standardOutput = FileDescriptor(rawValue: STDOUT_FILENO, path: "standard output")
    public static let standardError = FileDescriptor(rawValue: STDERR_FILENO, path: "standard error")

    /// Whether the descriptor is a terminal, where control characters would act rather than show.
    public var isTerminal: Bool { isatty(rawValue) == 1 }
}
