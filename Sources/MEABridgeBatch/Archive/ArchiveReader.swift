import CArchive
import MEABridgeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The limits that stop decompression bombs: sizes of one entry and of a whole archive, and the ratio of
/// uncompressed to compressed bytes.
public struct ArchiveLimits: Sendable, Hashable {
    /// The most uncompressed bytes one entry may have.
    public var maxEntrySize: Int64
    /// The most uncompressed bytes a whole archive may have.
    public var maxArchiveSize: Int64
    /// The highest ratio of uncompressed to compressed bytes, checked once `ratioFloor` bytes were produced.
    public var maxRatio: Double
    /// How many uncompressed bytes an entry (or archive) must reach before its ratio is checked: small files of
    /// repeated text compress far beyond any sane limit without harm.
    public var ratioFloor: Int64

    /// Creates limits.
    /// - Parameters:
    ///   - maxEntrySize: The most bytes of one entry (default 8 GiB).
    ///   - maxArchiveSize: The most bytes of one archive (default 64 GiB).
    ///   - maxRatio: The highest compression ratio (default 200).
    ///   - ratioFloor: The size from which the ratio is checked (default 4 MiB).
    public init(
        maxEntrySize: Int64 = 8 << 30,
        maxArchiveSize: Int64 = 64 << 30,
        maxRatio: Double = 200,
        ratioFloor: Int64 = 4 << 20
    ) {
        self.maxEntrySize = maxEntrySize
        self.maxArchiveSize = maxArchiveSize
        self.maxRatio = maxRatio
        self.ratioFloor = ratioFloor
    }
}

/// The header of one archive entry.
struct ArchiveEntryHeader: Sendable {
    enum Kind: Sendable, Hashable {
        case regular
        case directory
        case symlink
        case hardlink
        case other
    }

    var path: String
    var kind: Kind
    var size: Int64?
    var linkTarget: String?
}

/// Reads zip, tar and compressed tar files as streams through libarchive: entry headers one after the other, each
/// entry's bytes in chunks, nothing unpacked to disk; counts bytes and stops a decompression bomb.
///
/// A class because it owns the libarchive handle.
final class ArchiveReader {
    /// The archive's path.
    let path: String
    let limits: ArchiveLimits
    private let handle: OpaquePointer
    private(set) var totalRead: Int64 = 0
    private(set) var entryRead: Int64 = 0
    private var entryRawStart: Int64 = 0
    /// Set when a limit stopped reading; reading the archive any further is refused.
    private(set) var violation: String?

    /// Opens an archive.
    /// - Throws: `IOFailure` when the file cannot be opened or is not an archive libarchive reads.
    init(path: String, limits: ArchiveLimits) throws(IOFailure) {
        self.path = path
        self.limits = limits
        guard let handle = archive_read_new() else {
            throw IOFailure(operation: .open, path: path, message: "libarchive could not allocate a reader")
        }
        self.handle = handle
        archive_read_support_format_zip(handle)
        archive_read_support_format_tar(handle)
        archive_read_support_format_gnutar(handle)
        archive_read_support_filter_gzip(handle)
        archive_read_support_filter_bzip2(handle)
        archive_read_support_filter_xz(handle)
        archive_read_support_filter_zstd(handle)
        if archive_read_open_filename(handle, path, 1 << 16) != ARCHIVE_OK {
            let message = Self.errorText(handle)
            archive_read_free(handle)
            throw IOFailure(operation: .open, path: path, message: message)
        }
    }

    deinit { archive_read_free(handle) }

    private static func errorText(_ handle: OpaquePointer) -> String {
        archive_error_string(handle).map { String(cString: $0) } ?? "not a readable archive"
    }

    /// Compressed bytes read from the file so far.
    var compressedRead: Int64 { archive_filter_bytes(handle, -1) }

    /// The next entry's header, or `nil` at the end.
    /// - Throws: `IOFailure` when the archive is damaged or a limit was exceeded.
    func next() throws(IOFailure) -> ArchiveEntryHeader? {
        if let violation { throw IOFailure(operation: .read, path: path, message: violation) }
        var entry: OpaquePointer?
        let status = archive_read_next_header(handle, &entry)
        if status == ARCHIVE_EOF { return nil }
        guard status >= ARCHIVE_WARN, let entry else {
            throw IOFailure(operation: .read, path: path, message: Self.errorText(handle))
        }
        entryRead = 0
        entryRawStart = compressedRead
        let path =
            (archive_entry_pathname_utf8(entry) ?? archive_entry_pathname(entry)).map { String(cString: $0) } ?? ""
        let kind: ArchiveEntryHeader.Kind
        var target: String?
        if let hardlink = archive_entry_hardlink_utf8(entry) ?? archive_entry_hardlink(entry) {
            kind = .hardlink
            target = String(cString: hardlink)
        } else if carchive_entry_is_regular(entry) != 0 {
            kind = .regular
        } else if carchive_entry_is_directory(entry) != 0 {
            kind = .directory
        } else if carchive_entry_is_symlink(entry) != 0 {
            kind = .symlink
            target = (archive_entry_symlink_utf8(entry) ?? archive_entry_symlink(entry)).map { String(cString: $0) }
        } else {
            kind = .other
        }
        let size = archive_entry_size_is_set(entry) != 0 ? archive_entry_size(entry) : nil
        return ArchiveEntryHeader(path: path, kind: kind, size: size, linkTarget: target)
    }

    /// Reads the current entry's next bytes.
    /// - Parameter buffer: Where to put them.
    /// - Returns: The number of bytes read; 0 at the end of the entry.
    /// - Throws: `IOFailure` when the data is damaged or a size or ratio limit is exceeded.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
        if let violation { throw IOFailure(operation: .read, path: path, message: violation) }
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let count = archive_read_data(handle, base, buffer.count)
        if count < 0 { throw IOFailure(operation: .read, path: path, message: Self.errorText(handle)) }
        entryRead += Int64(count)
        totalRead += Int64(count)
        try checkLimits()
        return count
    }

    /// Skips the rest of the current entry (its bytes still count towards the limits).
    /// - Throws: `IOFailure` when the data is damaged or a limit is exceeded.
    func skipEntry() throws(IOFailure) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { buffer.deallocate() }
        while try read(into: buffer) > 0 {}
    }

    private func checkLimits() throws(IOFailure) {
        var problem: String?
        if entryRead > limits.maxEntrySize {
            problem = "an entry expands beyond \(limits.maxEntrySize) bytes (--max-entry-size)"
        } else if totalRead > limits.maxArchiveSize {
            problem = "the archive expands beyond \(limits.maxArchiveSize) bytes (--max-archive-size)"
        } else if entryRead >= limits.ratioFloor || totalRead >= limits.ratioFloor {
            let raw = compressedRead
            let entryRatio = Double(entryRead) / Double(max(1, raw - entryRawStart))
            let totalRatio = Double(totalRead) / Double(max(1, raw))
            let ratio = entryRead >= limits.ratioFloor ? max(entryRatio, totalRatio) : totalRatio
            if ratio > limits.maxRatio {
                problem =
                    "the data expands more than \(Int(limits.maxRatio)) times its compressed size (--max-ratio): "
                    + "a decompression bomb"
            }
        }
        if let problem {
            violation = problem
            throw IOFailure(operation: .read, path: path, message: problem)
        }
    }
}

/// The bytes of the current entry of an archive being read, as a `ByteSource`.
struct ArchiveEntrySource: ByteSource {
    let name: String
    let reader: ArchiveReader

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
        try reader.read(into: buffer)
    }
}
