import Glibc

/// The system's monotonic clock (`CLOCK_MONOTONIC`), which systemd's `MONOTONIC_USEC` is read on.
public enum MonotonicClock {
    /// Microseconds since an unspecified start (the boot, on Linux); never goes back.
    public static var microseconds: Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
    }
}
