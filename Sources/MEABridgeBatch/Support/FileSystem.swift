import CArchive
import MEABridgeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file's device and inode.
struct FileIdentity: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
}

/// What `stat(2)` says about a path.
struct FileStatus: Sendable, Hashable {
    /// The kind of file.
    enum Kind: Sendable, Hashable {
        case regular
        case directory
        case symlink
        case other
    }

    var kind: Kind
    var size: Int64
    var modifiedNanoseconds: Int64
    /// The device and inode, which identify the file whatever path leads to it.
    var identity: FileIdentity

    /// `s<size>m<mtime ns>`: what a rerun compares to tell whether a file changed without reading it.
    var fingerprint: String { "s\(size)m\(modifiedNanoseconds)" }
}

/// Small POSIX helpers: the batch module works with paths, not Foundation's URLs.
enum FileSystem {
    /// The status of a path, following symbolic links unless `followLinks` is false; `nil` when it does not exist.
    static func status(_ path: String, followLinks: Bool = true) -> FileStatus? {
        var info = stat()
        let result = followLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return nil }
        let kind: FileStatus.Kind =
            switch info.st_mode & S_IFMT {
            case S_IFREG: .regular
            case S_IFDIR: .directory
            case S_IFLNK: .symlink
            default: .other
            }
        #if canImport(Darwin)
            let nanoseconds = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
            let nanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return FileStatus(
            kind: kind,
            size: Int64(info.st_size),
            modifiedNanoseconds: nanoseconds,
            identity: FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        )
    }

    /// Whether something exists at `path` (a dangling link counts).
    static func exists(_ path: String) -> Bool { status(path, followLinks: false) != nil }

    /// Whether `path` is a directory (following links).
    static func isDirectory(_ path: String) -> Bool { status(path)?.kind == .directory }

    /// Creates a directory and its missing parents.
    static func makeDirectories(_ path: String) throws(IOFailure) {
        if path.isEmpty || isDirectory(path) { return }
        let parent = parentDirectory(of: path)
        if parent != path, !parent.isEmpty, parent != "." { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw IOFailure(operation: .create, path: path, errorNumber: errno)
        }
    }

    /// Renames `from` to `to`, replacing a file at `to`.
    static func rename(_ from: String, to: String) throws(IOFailure) {
        #if canImport(Glibc)
            let result = Glibc.rename(from, to)
        #elseif canImport(Musl)
            let result = Musl.rename(from, to)
        #else
            let result = Darwin.rename(from, to)
        #endif
        if result != 0 { throw IOFailure(operation: .rename, path: to, errorNumber: errno) }
    }

    /// Removes a file; a missing file is not an error.
    static func removeFile(_ path: String) throws(IOFailure) {
        if unlink(path) != 0, errno != ENOENT {
            throw IOFailure(operation: .write, path: path, errorNumber: errno)
        }
    }

    /// Removes a directory tree (without following links); a missing path is not an error.
    static func removeTree(_ path: String) {
        guard let info = status(path, followLinks: false) else { return }
        if info.kind == .directory {
            for name in (try? listDirectory(path)) ?? [] { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Removes the empty directories from `directory` up to (not including) `root`.
    static func removeEmptyParents(of path: String, upTo root: String) {
        var directory = parentDirectory(of: path)
        while directory.count > root.count, directory.hasPrefix(root), rmdir(directory) == 0 {
            directory = parentDirectory(of: directory)
        }
    }

    /// The names in a directory, sorted by bytes, without `.` and `..`.
    static func listDirectory(_ path: String) throws(IOFailure) -> [String] {
        guard let handle = opendir(path) else { throw IOFailure(operation: .open, path: path, errorNumber: errno) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted(by: precedesInByteOrder)
    }

    /// The canonical absolute path (links resolved), or `nil`.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The folder part of a path (`.` for a bare name, `/` for a file at the root).
    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    /// The last component of a path.
    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `path` without trailing slashes (but `/` stays `/`).
    static func trimmingTrailingSlashes(_ path: String) -> String {
        var result = Substring(path)
        while result.count > 1, result.hasSuffix("/") { result = result.dropLast() }
        return String(result)
    }

    /// Writes a whole file atomically (a temporary file renamed over `path`).
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(IOFailure) {
        var sink = try AtomicFileSink(path: path)
        do throws(IOFailure) {
            try sink.write(bytes)
            try sink.commit()
        } catch {
            sink.abort()
            throw error
        }
    }

    /// The number of processors online.
    static var processorCount: Int {
        let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return count > 0 ? count : 1
    }

    /// Milliseconds since 1970 from the real-time clock.
    static func currentTimeMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    /// Seconds from a monotonic clock, for durations.
    static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}

/// An exclusive advisory lock on a file, held until released (or the process ends, even by SIGKILL).
///
/// A class because it owns the descriptor.
final class FileLock {
    private let descriptor: Int32

    /// Takes the lock without waiting; `nil` when another process holds it.
    init?(path: String) throws(IOFailure) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw IOFailure(operation: .create, path: path, errorNumber: errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            return nil
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

extension FileSystem {
    /// Flushes the file system holding `path` to disk (`syncfs`): one call for all the files a commit moved, instead
    /// of one `fsync` per file.
    static func syncFileSystem(of path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        carchive_syncfs(fd)
        close(fd)
    }
}

/// Whether `lhs` sorts before `rhs` by their UTF-8 bytes (the order of entries in archive outputs and of reports,
/// the same on every machine and locale).
func precedesInByteOrder(_ lhs: String, _ rhs: String) -> Bool {
    var lhs = lhs
    var rhs = rhs
    return lhs.withUTF8 { left in
        rhs.withUTF8 { right in
            let common = min(left.count, right.count)
            if common > 0, let l = left.baseAddress, let r = right.baseAddress {
                let order = memcmp(l, r, common)
                if order != 0 { return order < 0 }
            }
            return left.count < right.count
        }
    }
}
