import Glibc

/// This process, as the system knows it.
public enum CurrentProcess {
    /// The process id: for messages and for names no other process picks at the same time.
    public static var id: Int32 { getpid() }
}
