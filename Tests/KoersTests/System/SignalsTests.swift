import Foundation
import Glibc
@testable import KoersSystem
import Testing

@Suite("Signals: ignored for the process, unblocked for the thread")
struct SignalsTests {
    @Test("an ignored signal is at SIG_IGN for the whole process")
    func ignore() {
        Signals.ignore(.fileSizeLimit)
        var action = sigaction()
        sigaction(SIGXFSZ, nil, &action)
        #expect(unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self))
    }

    @Test("unblocking takes exactly the given signals out of the thread's blocked set")
    func unblock() {
        var blocked = sigset_t(), old = sigset_t(), now = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGHUP, SIGTERM, SIGINT, SIGUSR2] { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        Signals.unblock([.hangUp, .terminate, .interrupt])
        pthread_sigmask(SIG_BLOCK, nil, &now)
        #expect(sigismember(&now, SIGHUP) == 0 && sigismember(&now, SIGTERM) == 0 && sigismember(&now, SIGINT) == 0)
        #expect(sigismember(&now, SIGUSR2) == 1, "another blocked signal stays blocked")
        #expect(Signals.Signal.hangUp.rawValue == SIGHUP && Signals.Signal.brokenPipe.rawValue == SIGPIPE)
    }
}
