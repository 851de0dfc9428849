import Foundation
@testable import KoersFormats
import KoersTestSupport
import Testing

@Suite("The daemon's log")
struct LogTests {
    @Test("Addresses a mail server quotes in its answer do not reach the log")
    func addresses() {
        #expect(Log.withoutAddresses("message 1 refused permanently: 550 5.1.1 <a.dewit@example.org>: Recipient address rejected: User unknown")
                == "message 1 refused permanently: 550 5.1.1 <[address]>: Recipient address rejected: User unknown")
        #expect(Log.withoutAddresses("553 sorry, x+y@mail.school.nl. Try again") == "553 sorry, [address]. Try again")
        #expect(Log.withoutAddresses("452 4.2.2 Mailbox full (\"J.Visser@School.NL\")") == "452 4.2.2 Mailbox full (\"[address]\")")
    }

    @Test("Lines without addresses are left as they are")
    func unchanged() {
        for line in ["message 3 accepted: 250 2.0.0 OK: queued as 0004", "started with 1 agenda(s); mail via smtp://127.0.0.1:2525 (STARTTLS required)",
                     "an @ alone, @home, user@localhost", "sent 9, retrying 1, failed 0",
                     "message 2 accepted: written to /var/lib/koers/mail/3f2a9c0d1e2b4a5f@koers.example.org.eml"] {
            #expect(Log.withoutAddresses(line) == line)
        }
    }

    @Test("Each line is written with its priority, on one line, without addresses")
    func written() {
        let lines = LogLines()
        let log = lines.log
        log.error("refused: 550 <p.smit@example.org>\nUser unknown")
        // A server's answer may hold anything: a line break before a combining mark, CR LF, an
        // escape sequence or a LINE SEPARATOR could otherwise forge a line or recolour a terminal.
        log.warning("451 try later\n\u{301}<3>forged\r\nline\u{1B}[31m\u{2028}end")
        #expect(lines.all.withLock { $0 } == ["<3>refused: 550 <[address]> User unknown\n",
                              "<4>451 try later \u{301}<3>forged  line [31m end\n"])
    }
}
