import MEABridgeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a converted output waits for the commit: its own file in the staging folder (directory outputs, whose
/// files must exist anyway), or a stretch of a spool file (archive outputs: creating thousands of small files costs
/// more than converting them on many file systems).
enum StagedOutput: Sendable, Hashable {
    case file
    case spool(name: String, offset: Int64, length: Int64)

    /// The form kept in the state: `nil` for a file, `name:offset:length` for a spool.
    var text: String? {
        switch self {
        case .file: nil
        case .spool(let name, let offset, let length): "\(name):\(offset):\(length)"
        }
    }

    init(text: String?) {
        guard let text else {
            self = .file
            return
        }
        let parts = text.split(separator: ":")
        if parts.count == 3, let offset = Int64(parts[1]), let length = Int64(parts[2]) {
            self = .spool(name: String(parts[0]), offset: offset, length: length)
        } else {
            self = .file
        }
    }

    /// Whether the staged bytes are still there (after an interrupted run).
    func exists(output: String, in target: OutputTarget) -> Bool {
        switch self {
        case .file:
            return FileSystem.exists(target.staged(output))
        case .spool(let name, let offset, let length):
            return (FileSystem.status(target.staged(name))?.size ?? -1) >= offset + length
        }
    }
}

/// One task's spool file: outputs appended one after the other, each found again by its offset and length.
///
/// A class because it owns the descriptor; it is used by one task at a time.
final class Spool {
    let name: String
    private let descriptor: Int32
    private(set) var end: Int64 = 0

    /// Creates a spool file in the staging folder.
    init(target: OutputTarget, name: String) throws(IOFailure) {
        self.name = name
        let path = target.staged(name)
        let fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw IOFailure(operation: .create, path: path, errorNumber: errno) }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// A unique prefix for the spool files of one attempt at a run, so a resumed run never overwrites what an
    /// interrupted one left.
    static func attemptName() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let seed = UInt64(truncatingIfNeeded: now.tv_nsec) ^ (UInt64(truncatingIfNeeded: now.tv_sec) << 20)
        return "spool-" + StableHash.hex(seed ^ UInt64(getpid()) << 44)
    }

    fileprivate func write(_ bytes: UnsafeRawBufferPointer, at offset: Int64) throws(IOFailure) {
        guard var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        var position = offset
        while remaining > 0 {
            let written = pwrite(descriptor, base, remaining, off_t(position))
            if written < 0 {
                if errno == EINTR { continue }
                throw IOFailure(operation: .write, path: name, errorNumber: errno)
            }
            remaining -= written
            base += written
            position += Int64(written)
        }
    }

    fileprivate func claim(until position: Int64) { end = position }
}

/// Writes one output at the end of a spool; `commit()` keeps it, otherwise the next output overwrites it.
struct SpoolSink: ByteSink {
    private let spool: Spool
    private let start: Int64
    private var length: Int64 = 0

    init(spool: Spool) {
        self.spool = spool
        start = spool.end
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(IOFailure) {
        try spool.write(bytes, at: start + length)
        length += Int64(bytes.count)
    }

    /// Keeps the output; returns where it is.
    func commit() -> StagedOutput {
        spool.claim(until: start + length)
        return .spool(name: spool.name, offset: start, length: length)
    }
}

/// Reads a stretch of a spool file in chunks.
func readSpool(
    _ path: String,
    offset: Int64,
    length: Int64,
    _ body: (UnsafeRawBufferPointer) throws(IOFailure) -> Void
) throws(IOFailure) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw IOFailure(operation: .open, path: path, errorNumber: errno) }
    defer { close(fd) }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    defer { buffer.deallocate() }
    var position = offset
    let end = offset + length
    while position < end {
        guard let base = buffer.baseAddress else { return }
        let count = pread(fd, base, Int(min(Int64(buffer.count), end - position)), off_t(position))
        if count < 0 {
            if errno == EINTR { continue }
            throw IOFailure(operation: .read, path: path, errorNumber: errno)
        }
        if count == 0 {
            throw IOFailure(operation: .read, path: path, message: "the spool file is shorter than recorded")
        }
        try body(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        position += Int64(count)
    }
}
