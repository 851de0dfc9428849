import Glibc
@testable import KoersSystem
import Testing

@Suite("The monotonic clock")
struct MonotonicClockTests {
    @Test("the monotonic clock never goes back and counts microseconds")
    func monotonicClock() {
        let before = MonotonicClock.microseconds
        usleep(20_000)
        let after = MonotonicClock.microseconds
        #expect(after - before >= 20_000 && after - before < 5_000_000)
    }
}
