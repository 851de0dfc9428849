import Foundation
import Glibc
@testable import KoersSystem
import KoersTestSupport
import Testing

@Suite("Names in folders: status, folders, modes and groups by path")
struct FileSystemTests {
    let fixture = Fixture()

    @Test("the status of a path says its kind, size, owner, group and permission bits")
    func status() throws {
        let path = fixture.write("file", "12345")
        chmod(path, 0o4640)
        let status = try FileSystem.status(of: path)
        #expect(status.kind == .regular)
        #expect(status.size == 5)
        #expect(status.owner == geteuid() && status.isOwnedByThisProcess)
        #expect(status.group == getegid())
        #expect(status.permissions == 0o640, "the set-user-ID bit is not a permission bit")
        #expect(try FileSystem.status(of: fixture.folder).kind == .folder)
    }

    @Test("a symbolic link is followed, unless followingLinks is false; a missing path is ENOENT")
    func symbolicLink() throws {
        let path = fixture.write("target", "")
        let link = fixture.folder + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(try FileSystem.status(of: link).kind == .regular)
        #expect(try FileSystem.status(of: link, followingLinks: false).kind == .symbolicLink)
        let missing = fixture.folder + "/missing"
        #expect(throws: FileError(path: missing, operation: .stat, cause: .system(ENOENT))) {
            try FileSystem.status(of: missing)
        }
        #expect((try? FileSystem.status(of: missing)) == nil)
        do { _ = try FileSystem.status(of: missing) } catch { #expect(error.isMissing) }
    }

    @Test("a folder is made with exactly its permissions whatever the umask; an existing one is accepted only when it may exist")
    func makeFolder() throws {
        // The umask is the process's, shared with tests running in parallel: left alone. Any umask
        // but 0 takes a bit off 0777.
        let path = fixture.folder + "/site"
        try FileSystem.makeFolder(path, permissions: 0o777)
        #expect(try FileSystem.status(of: path).kind == .folder)
        #expect(try FileSystem.status(of: path).permissions == 0o777)
        try FileSystem.makeFolder(path, permissions: 0o700, mayExist: true)
        #expect(try FileSystem.status(of: path).permissions == 0o777, "an existing folder is left as it is")
        do {
            try FileSystem.makeFolder(path, permissions: 0o755)
            Issue.record("an existing folder was accepted")
        } catch {
            #expect(error == FileError(path: path, operation: .mkdir, cause: .system(EEXIST)))
            #expect(error.isNameTaken)
            #expect(error.description.hasPrefix("Could not create \(path): File exists."))
        }
    }

    @Test("the mode and group of a path are set exactly; a missing path names itself")
    func modeAndGroup() throws {
        let path = fixture.write("file", "")
        try FileSystem.setPermissions(of: path, 0o604)
        #expect(try FileSystem.status(of: path).permissions == 0o604)
        try FileSystem.setGroup(of: path, getegid())
        #expect(try FileSystem.status(of: path).group == getegid())
        let missing = fixture.folder + "/missing"
        #expect(throws: FileError(path: missing, operation: .chmod, cause: .system(ENOENT))) {
            try FileSystem.setPermissions(of: missing, 0o600)
        }
        #expect(throws: FileError(path: missing, operation: .chown, cause: .system(ENOENT))) {
            try FileSystem.setGroup(of: missing, getegid())
        }
    }

    @Test("an error says whether it is temporary, a taken name, a missing file, an unlockable file system or a mount point")
    func errorKinds() {
        func error(_ code: Int32) -> FileError { FileError(path: "x", operation: .write, cause: .system(code)) }
        #expect([ENOSPC, EDQUOT, EIO, EAGAIN, EMFILE, ENFILE, ENOMEM, EINTR, EBUSY].allSatisfy { error($0).isTemporary })
        #expect(![EACCES, ENOENT, EROFS, EEXIST].contains { error($0).isTemporary })
        #expect(FileError(path: "x", operation: .read, cause: .folder).isTemporary == false)
        #expect(error(EEXIST).isNameTaken && !error(ENOENT).isNameTaken)
        #expect(error(ENOENT).isMissing && !error(EEXIST).isMissing)
        #expect([ENOLCK, EOPNOTSUPP, EINVAL].allSatisfy { error($0).isLockUnsupported } && !error(EACCES).isLockUnsupported)
        #expect(error(EBUSY).isAcrossMountPoints && error(EXDEV).isAcrossMountPoints && !error(EACCES).isAcrossMountPoints)
    }

    @Test("the process id is this process's")
    func processID() {
        #expect(CurrentProcess.id == ProcessInfo.processInfo.processIdentifier)
    }
}
