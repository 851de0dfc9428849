import Foundation
import Glibc
@testable import KoersSystem
import KoersTestSupport
import Testing

@Suite("Folder watches: a write in the folder calls back")
struct FolderWatchTests {
    let fixture = Fixture()

    @Test("writing a file in the watched folder calls back; a folder that is not there cannot be watched")
    func write() throws {
        let changed = DispatchSemaphore(value: 0)
        let watch = try FolderWatch(folder: fixture.folder) { changed.signal() }
        defer { watch.cancel() }
        #expect(changed.wait(timeout: .now() + .milliseconds(200)) == .timedOut, "nothing was written yet")
        fixture.write("koers.sqlite-wal", "a commit")
        #expect(changed.wait(timeout: .now() + .seconds(10)) == .success)

        let missing = fixture.folder + "/missing"
        #expect(throws: FileError(path: missing, operation: .watch, cause: .system(ENOENT))) {
            _ = try FolderWatch(folder: missing) {}
        }
    }

    @Test("after cancel, writes no longer call back")
    func cancel() throws {
        let changed = DispatchSemaphore(value: 0)
        let watch = try FolderWatch(folder: fixture.folder) { changed.signal() }
        watch.cancel()
        fixture.write("file", "written")
        #expect(changed.wait(timeout: .now() + .milliseconds(300)) == .timedOut)
    }
}
