#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A destination for output bytes.
public protocol ByteSink {
    /// Writes all of `bytes`.
    /// - Parameter bytes: The bytes to write.
    /// - Throws: `IOFailure` when the write fails.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(IOFailure)
}

extension ByteSink {
    /// Writes all of `bytes`.
    /// - Parameter bytes: The bytes to write.
    /// - Throws: `IOFailure` when the write fails.
    public mutating func write(_ bytes: [UInt8]) throws(IOFailure) {
        let result: Result<Void, IOFailure> = bytes.withUnsafeBytes { buffer in
            do throws(IOFailure) {
                try write(buffer)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }
}

/// Collects output in memory (tests, golden files).
public struct MemoryByteSink: ByteSink, Sendable {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty sink.
    public init() {}

    /// Appends `bytes`.
    /// - Parameter bytes: The bytes to keep.
    /// - Throws: Never; the signature is the protocol's.
    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws(IOFailure) {
        self.bytes.append(contentsOf: bytes)
    }

    /// The output as UTF-8 text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Writes to a file descriptor that it does not own (standard output).
public struct DescriptorByteSink: ByteSink, Sendable {
    private let descriptor: Int32
    private let name: String

    /// Standard output.
    public static let standardOutput = DescriptorByteSink(descriptor: 1, name: "<stdout>")

    /// Creates a sink over an open descriptor.
    /// - Parameters:
    ///   - descriptor: The descriptor to write to.
    ///   - name: A name for error messages.
    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// Writes all of `bytes`, retrying short writes.
    /// - Parameter bytes: The bytes to write.
    /// - Throws: `IOFailure` when `write(2)` fails.
    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws(IOFailure) {
        try writeAll(descriptor: descriptor, bytes: bytes, name: name)
    }
}

/// Writes a file atomically: bytes go to a temporary file beside the target, which replaces the target only on
/// `commit()`.
///
/// A run that fails or is interrupted never leaves a half-written output file.
///
/// A class because it owns the temporary file and removes it if it is released without `commit()`.
public final class AtomicFileSink: ByteSink {
    /// The final path of the output.
    public let path: String
    /// The temporary file the bytes go to until `commit()`.
    public let temporaryPath: String
    private var descriptor: Int32
    private var finished = false
    private let durable: Bool

    /// Creates the temporary file beside `path`.
    /// - Parameters:
    ///   - path: Where the output will be once committed.
    ///   - durable: Whether `commit()` flushes the file to disk first (`fsync`). A caller that commits many files
    ///     and flushes the file system once afterwards (`batch`) passes `false`.
    /// - Throws: `IOFailure` when the temporary file cannot be created.
    public init(path: String, durable: Bool = true) throws(IOFailure) {
        self.path = path
        self.durable = durable
        let directory: String
        let base: String
        if let slash = path.lastIndex(of: "/") {
            directory = String(path[..<slash]).isEmpty ? "/" : String(path[..<slash])
            base = String(path[path.index(after: slash)...])
        } else {
            directory = "."
            base = path
        }
        var template = Array("\(directory)/.\(base).meabridge-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        if fd < 0 { throw IOFailure(operation: .create, path: path, errorNumber: errno) }
        descriptor = fd
        temporaryPath = template.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { String(cString: $0) } ?? ""
        }
        fchmod(fd, 0o644)
    }

    deinit {
        if !finished {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    /// Writes bytes to the temporary file.
    /// - Parameter bytes: The bytes to write.
    /// - Throws: `IOFailure` when the write fails (for example a full disk).
    public func write(_ bytes: UnsafeRawBufferPointer) throws(IOFailure) {
        try writeAll(descriptor: descriptor, bytes: bytes, name: path)
    }

    /// Flushes the temporary file to disk (when durable) and renames it over the target path.
    /// - Throws: `IOFailure` when flushing or renaming fails; the temporary file is then removed.
    public func commit() throws(IOFailure) {
        guard !finished else { return }
        finished = true
        if durable, fsync(descriptor) != 0, errno != EINVAL {
            let code = errno
            close(descriptor)
            unlink(temporaryPath)
            throw IOFailure(operation: .write, path: path, errorNumber: code)
        }
        close(descriptor)
        if rename(temporaryPath, path) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw IOFailure(operation: .rename, path: path, errorNumber: code)
        }
    }

    /// Removes the temporary file and leaves any existing target untouched.
    public func abort() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        unlink(temporaryPath)
    }
}

private func writeAll(descriptor: Int32, bytes: UnsafeRawBufferPointer, name: String) throws(IOFailure) {
    guard var base = bytes.baseAddress else { return }
    var remaining = bytes.count
    while remaining > 0 {
        let written = systemWrite(descriptor, base, remaining)
        if written < 0 {
            if errno == EINTR { continue }
            throw IOFailure(operation: .write, path: name, errorNumber: errno)
        }
        remaining -= written
        base += written
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Musl)
    private let systemWrite = Musl.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif
