import Glibc

extension FileDescriptor {
    /// Shuts a connected socket down both ways (`shutdown(SHUT_RDWR)`), without closing it: its
    /// owner (libcurl) still closes it, and every read or write on it now fails at once.
    public func shutDown() throws(FileError) {
        guard Glibc.shutdown(rawValue, Int32(SHUT_RDWR)) == 0 else { throw .system(path, .shutdown) }
    }
}
