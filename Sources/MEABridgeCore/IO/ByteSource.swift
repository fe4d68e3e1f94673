#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A stream of input bytes, read in chunks; a reader never needs the whole input in memory.
public protocol ByteSource {
    /// A name for diagnostics: the file path, or `-` for standard input.
    var name: String { get }

    /// Reads up to `buffer.count` bytes into `buffer`.
    /// - Parameter buffer: Where to put the bytes.
    /// - Returns: The number of bytes read; 0 only at the end of the input.
    /// - Throws: `IOFailure` when the underlying read fails.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int
}

extension ByteSource {
    /// Reads everything that is left, for small inputs that are needed whole (a rules profile, a report, a schema).
    /// - Returns: The bytes.
    /// - Throws: `IOFailure` when reading fails.
    public mutating func readAll() throws(IOFailure) -> [UInt8] {
        var bytes: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = try read(into: buffer)
            if count == 0 { return bytes }
            bytes.append(contentsOf: buffer[..<count])
        }
    }
}

/// Reads a file (or standard input) through its file descriptor.
///
/// A class because it owns the descriptor and closes it when released.
public final class FileByteSource: ByteSource {
    /// The path given, or `-` for standard input.
    public let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool

    /// Opens a file for reading.
    /// - Parameter path: The file to read; `-` reads standard input.
    /// - Throws: `IOFailure` when the file cannot be opened or is a directory.
    public init(path: String) throws(IOFailure) {
        name = path
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw IOFailure(operation: .open, path: path, errorNumber: errno) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw IOFailure(operation: .open, path: path, message: "is a directory")
        }
        descriptor = fd
        ownsDescriptor = true
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// The size of the file in bytes, when it is a regular file.
    public var size: Int? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Reads the next chunk of the file.
    /// - Parameter buffer: Where to put the bytes.
    /// - Returns: The number of bytes read; 0 at end of file.
    /// - Throws: `IOFailure` when `read(2)` fails.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = systemRead(descriptor, base, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw IOFailure(operation: .read, path: name, errorNumber: errno)
        }
    }
}

/// Bytes held in memory, for tests and small inputs.
public struct MemoryByteSource: ByteSource {
    /// A name for diagnostics.
    public let name: String
    private let bytes: [UInt8]
    private var position = 0
    private let maxChunk: Int

    /// Creates a source over bytes.
    /// - Parameters:
    ///   - bytes: The input.
    ///   - name: A name for diagnostics.
    ///   - maxChunk: The most bytes one `read` returns (small values exercise chunk boundaries).
    public init(_ bytes: [UInt8], name: String = "<memory>", maxChunk: Int = .max) {
        self.bytes = bytes
        self.name = name
        self.maxChunk = max(1, maxChunk)
    }

    /// Creates a source over the UTF-8 bytes of a string.
    /// - Parameters:
    ///   - text: The input.
    ///   - name: A name for diagnostics.
    ///   - maxChunk: The most bytes one `read` returns.
    public init(_ text: String, name: String = "<memory>", maxChunk: Int = .max) {
        self.init(Array(text.utf8), name: name, maxChunk: maxChunk)
    }

    /// Copies the next bytes into `buffer`.
    /// - Parameter buffer: Where to put the bytes.
    /// - Returns: The number of bytes copied; 0 at the end.
    /// - Throws: Never; the signature is the protocol's.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
        let count = min(buffer.count, bytes.count - position, maxChunk)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            if let from = source.baseAddress { buffer.baseAddress?.copyMemory(from: from + position, byteCount: count) }
        }
        position += count
        return count
    }
}

#if canImport(Glibc)
    private let systemRead = Glibc.read
#elseif canImport(Musl)
    private let systemRead = Musl.read
#elseif canImport(Darwin)
    private let systemRead = Darwin.read
#endif
