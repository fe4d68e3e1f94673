/// A source that first replays bytes already read (for format sniffing), then continues with the rest.
public struct PrefixedByteSource<Base: ByteSource>: ByteSource {
    private var prefix: [UInt8]
    private var position = 0
    private var drained = false
    private var base: Base

    /// The base source's name.
    public var name: String { base.name }

    /// Creates a source that replays `prefix` and then reads `base`.
    /// - Parameters:
    ///   - prefix: Bytes already taken from `base`.
    ///   - base: The rest of the input.
    public init(prefix: [UInt8], base: Base) {
        self.prefix = prefix
        self.base = base
    }

    /// Reads `base` until it has `count` bytes or reaches the end, for sniffing.
    /// - Parameters:
    ///   - base: The source.
    ///   - count: How many bytes to take at most.
    /// - Returns: The bytes read and the source positioned after them.
    /// - Throws: `IOFailure` when reading fails.
    public static func peek(_ base: Base, count: Int) throws(IOFailure) -> (prefix: [UInt8], rest: Base) {
        var base = base
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
        defer { buffer.deallocate() }
        var filled = 0
        while filled < count {
            let read = try base.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if read == 0 { break }
            filled += read
        }
        return (Array(buffer[..<filled]), base)
    }

    /// Reads replayed bytes first, then from the base source.
    /// - Parameter buffer: Where to put the bytes.
    /// - Returns: The number of bytes read; 0 at the end.
    /// - Throws: `IOFailure` when the base source fails.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
        if !drained, position < prefix.count {
            let count = min(buffer.count, prefix.count - position)
            prefix.withUnsafeBytes { bytes in
                if let from = bytes.baseAddress {
                    buffer.baseAddress?.copyMemory(from: from + position, byteCount: count)
                }
            }
            position += count
            if position == prefix.count {
                prefix = []
                position = 0
                drained = true
            }
            return count
        }
        return try base.read(into: buffer)
    }
}

/// A source that counts the bytes read and calls `progress` with the running total, at most about every 4 MiB.
public struct CountingByteSource<Base: ByteSource>: ByteSource {
    private var base: Base
    private var nextReport = 4 << 20
    private let progress: (Int) -> Void
    /// Bytes read so far.
    public private(set) var bytesRead = 0

    /// The base source's name.
    public var name: String { base.name }

    /// Wraps a source.
    /// - Parameters:
    ///   - base: The source.
    ///   - progress: Called with the running byte count.
    public init(_ base: Base, progress: @escaping (Int) -> Void) {
        self.base = base
        self.progress = progress
    }

    /// Reads from the base source and counts.
    /// - Parameter buffer: Where to put the bytes.
    /// - Returns: The number of bytes read; 0 at the end.
    /// - Throws: `IOFailure` when the base source fails.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
        let count = try base.read(into: buffer)
        bytesRead += count
        if bytesRead >= nextReport || count == 0 {
            nextReport = bytesRead + (4 << 20)
            progress(bytesRead)
        }
        return count
    }
}
