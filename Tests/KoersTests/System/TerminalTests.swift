import Foundation
import Glibc
@testable import KoersSystem
import KoersTestSupport
import Testing

@Suite("Terminals")
struct TerminalTests {
    let fixture = Fixture()

    @Test("a terminal is told from a file and a pipe")
    func terminal() throws {
        let file = try FileDescriptor.open(fixture.write("file", ""), .readOnly)
        #expect(!file.isTerminal)
        try file.close()
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        #expect(!FileDescriptor(rawValue: ends[0], path: "pipe").isTerminal)
        close(ends[0]); close(ends[1])
        let terminal = try FileDescriptor.open("/dev/ptmx", .readWrite)
        #expect(terminal.isTerminal)
        try terminal.close()
    }
}
