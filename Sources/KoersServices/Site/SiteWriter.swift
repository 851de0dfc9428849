import Foundation
import KoersSystem

/// Puts a built site in place so that a web server never serves half of it: the whole site is
/// written into a new hidden folder next to the target, then the old folder is renamed away, the
/// new one renamed in, and the old one deleted. Files are 0644 and folders 0755, whatever the
/// umask. The folder gets a `.koers-site` file: Koers replaces only a folder it wrote before (or an
/// empty one, or none), and never deletes anything else. Two Koers processes writing the same site
/// take turns (a lock on the parent folder).
public enum SiteWriter {
    /// The file that marks a folder as a site Koers wrote and may replace.
    public static let markerName = ".koers-site"

    public struct Failure: Error, CustomStringConvertible, Equatable, Sendable {
        public enum Kind: Sendable, Equatable {
            /// The target is not Koers's to replace, or a page path is not allowed.
            case refused
            /// A system call failed.
            case io
        }
        public var kind: Kind
        public var path: String
        public var reason: String

        public var description: String {
            switch kind {
            case .refused: "Refusing to write the site to \(path): \(reason)"
            case .io: "Could not write the site to \(path): \(reason)"
            }
        }
    }

    /// Writes `pages` (`[relative path: bytes]`) as the complete content of `folder`, replacing
    /// the site that was there.
    public static func write(_ pages: [String: [UInt8]], to folder: String) throws(Failure) {
        let target = absolute(folder)
        let name = (target as NSString).lastPathComponent
        let parent = (target as NSString).deletingLastPathComponent
        guard target != "/", !name.isEmpty, name != ".", name != ".." else {
            throw Failure(kind: .refused, path: folder, reason: "give a folder of its own for the site, such as /var/www/koers")
        }
        for path in pages.keys where !isAllowed(path) {
            throw Failure(kind: .refused, path: folder, reason: "the page path \"\(path)\" is not a plain relative path")
        }
        guard (try? FileSystem.status(of: parent))?.kind == .folder else {
            throw Failure(kind: .io, path: folder, reason: "the folder \(parent) does not exist; create it first")
        }
        let lock: FileDescriptor
        do throws(FileError) {
            lock = try FileDescriptor.open(parent, .readOnly, options: .directory)
        } catch {
            throw failure(.io, folder, "cannot open \(parent)", error)
        }
        defer { try? lock.close() }
        // Some network file systems cannot lock; then the run goes ahead unlocked, and leaves
        // leftovers alone (they might be another run's).
        var locked = true
        do throws(FileError) {
            try lock.waitForExclusiveLock()
        } catch {
            guard error.isLockUnsupported else { throw failure(.io, folder, "cannot lock \(parent)", error) }
            locked = false
        }

        let exists = try checkReplaceable(target, shownAs: folder)
        if locked { removeLeftovers(in: parent, of: name) }

        let suffix = "\(CurrentProcess.id)-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
        let fresh = parent + "/." + name + ".koers-new-" + suffix
        do {
            try makeFolder(fresh)
            try writeFile(fresh + "/" + markerName, Array("Written by Koers (koers site). Koers replaces this whole folder on every update.\n".utf8))
            for path in pages.keys.sorted() {
                var folderPath = fresh
                for component in path.split(separator: "/").dropLast() {
                    folderPath += "/" + component
                    try makeFolder(folderPath, mayExist: true)
                }
                try writeFile(fresh + "/" + path, pages[path]!)
            }
            try syncFolders(fresh)
        } catch {
            remove(fresh)
            throw Failure(kind: .io, path: folder, reason: error.reason)
        }

        var old: String?
        if exists {
            let away = parent + "/." + name + ".koers-old-" + suffix
            do throws(FileError) {
                try FileSystem.rename(target, to: away)
            } catch {
                remove(fresh)
                throw failure(.io, folder, "cannot rename the old site away", error, hint: hint(error))
            }
            old = away
        }
        do throws(FileError) {
            try FileSystem.rename(fresh, to: target)
        } catch {
            if let old { try? FileSystem.rename(old, to: target) }
            remove(fresh)
            throw failure(.io, folder, "cannot rename the new site into place", error, hint: hint(error))
        }
        try? lock.sync()
        if let old { remove(old) }
    }

    /// Whether `target` exists; throws when it is there and not Koers's to replace.
    private static func checkReplaceable(_ target: String, shownAs folder: String) throws(Failure) -> Bool {
        let kind: FileStatus.Kind
        do throws(FileError) {
            kind = try FileSystem.status(of: target, followingLinks: false).kind
        } catch {
            if error.isMissing { return false }
            throw failure(.io, folder, "cannot inspect it", error)
        }
        if kind == .symbolicLink {
            throw Failure(kind: .refused, path: folder, reason: "it is a symbolic link; Koers replaces the folder itself, so give the real folder")
        }
        guard kind == .folder else {
            throw Failure(kind: .refused, path: folder, reason: "it exists and is not a folder")
        }
        if isRegularFile(target + "/" + markerName) { return true }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? ["?"]
        guard contents.isEmpty else {
            throw Failure(kind: .refused, path: folder, reason: """
                the folder is not empty and was not written by Koers (it has no \(markerName) file). \
                Koers replaces the whole folder on every update, so give a new or empty folder
                """)
        }
        return true
    }

    /// Folders a crashed earlier run left next to the target: only Koers's own hidden names, and
    /// only when marked or empty. Called with the lock held, so no other run is using them.
    private static func removeLeftovers(in parent: String, of name: String) {
        let prefixes = ["." + name + ".koers-new-", "." + name + ".koers-old-"]
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where prefixes.contains(where: { entry.hasPrefix($0) }) {
            let path = parent + "/" + entry
            guard isFolder(path) else { continue }
            let empty = (try? FileManager.default.contentsOfDirectory(atPath: path))?.isEmpty ?? false
            if empty || isRegularFile(path + "/" + markerName) { remove(path) }
        }
    }

    /// A relative path of plain names: no `..`, `.`, empty parts, absolute paths or the marker.
    static func isAllowed(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.isEmpty, path != markerName, !path.contains("\0") else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    private struct StepError: Error {
        var reason: String

        init(reason: String) { self.reason = reason }
        init(_ error: FileError) { reason = "cannot \(error.operation.phrase) \(error.path): \(error.reason)" }
    }

    private static func makeFolder(_ path: String, mayExist: Bool = false) throws(StepError) {
        do throws(FileError) {
            try FileSystem.makeFolder(path, permissions: 0o755, mayExist: mayExist)
        } catch {
            throw StepError(error)
        }
    }

    private static func writeFile(_ path: String, _ bytes: [UInt8]) throws(StepError) {
        do throws(FileError) {
            try FileDescriptor.createFile(path, holding: bytes, permissions: 0o644)
        } catch {
            throw StepError(error)
        }
    }

    /// Flushes the new folder's entries, deepest first, so the renamed-in site survives a crash.
    private static func syncFolders(_ root: String) throws(StepError) {
        var folders = [root]
        if let enumerator = FileManager.default.enumerator(atPath: root) {
            while let relative = enumerator.nextObject() as? String {
                if isFolder(root + "/" + relative) { folders.append(root + "/" + relative) }
            }
        }
        for folder in folders.reversed() {
            do throws(FileError) {
                try FileSystem.syncFolder(folder)
            } catch {
                throw StepError(error)
            }
        }
    }

    private static func isRegularFile(_ path: String) -> Bool {
        (try? FileSystem.status(of: path, followingLinks: false))?.kind == .regular
    }

    /// A folder itself, not a symbolic link to one.
    private static func isFolder(_ path: String) -> Bool {
        (try? FileSystem.status(of: path, followingLinks: false))?.kind == .folder
    }

    private static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func absolute(_ folder: String) -> String {
        var path = folder
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if !path.hasPrefix("/") { path = FileManager.default.currentDirectoryPath + "/" + path }
        return path
    }

    private static func hint(_ error: FileError) -> String {
        error.isAcrossMountPoints
            ? ". Is it a mount point? Koers renames the folder itself, so give a folder inside the share or disk"
            : ""
    }

    private static func failure(_ kind: Failure.Kind, _ path: String, _ what: String, _ error: FileError,
                                hint: String = "") -> Failure {
        Failure(kind: kind, path: path, reason: "\(what): \(error.reason)\(hint)")
    }
}
