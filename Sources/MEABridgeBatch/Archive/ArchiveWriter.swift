import CArchive
import MEABridgeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a zip, tar or tar.gz file through libarchive, reproducibly: entries are regular files with fixed
/// permissions, owner and time, and the gzip header carries no timestamp, so the same entries give the same bytes.
///
/// The archive goes to a temporary file beside its path and replaces it only on `commit()`.
///
/// A class because it owns the libarchive handle and the temporary file.
final class ArchiveWriter {
    /// The time every entry carries (1980-01-02, the zip format's epoch plus a day, so all formats agree).
    static let entryTime = 315_619_200

    let path: String
    let temporaryPath: String
    private let handle: OpaquePointer
    private let descriptor: Int32
    private var finished = false

    /// Creates the temporary archive file.
    /// - Parameters:
    ///   - path: Where the archive will be once committed.
    ///   - kind: The archive format.
    /// - Throws: `IOFailure` when the file cannot be created.
    init(path: String, kind: ArchiveKind) throws(IOFailure) {
        self.path = path
        let directory = FileSystem.parentDirectory(of: path)
        try FileSystem.makeDirectories(directory)
        temporaryPath = directory + "/." + FileSystem.baseName(of: path) + ".meabridge-building"
        let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw IOFailure(operation: .create, path: temporaryPath, errorNumber: errno) }
        guard let handle = archive_write_new() else {
            close(fd)
            throw IOFailure(operation: .create, path: path, message: "libarchive could not allocate a writer")
        }
        switch kind {
        case .zip:
            archive_write_set_format_zip(handle)
        case .tar:
            archive_write_set_format_pax_restricted(handle)
        case .tarGzip:
            archive_write_set_format_pax_restricted(handle)
            archive_write_add_filter_gzip(handle)
            archive_write_set_filter_option(handle, "gzip", "timestamp", nil)
        }
        if kind != .zip { archive_write_set_bytes_in_last_block(handle, 1) }
        if archive_write_open_fd(handle, fd) != ARCHIVE_OK {
            let message = archive_error_string(handle).map { String(cString: $0) } ?? "cannot write"
            archive_write_free(handle)
            close(fd)
            unlink(temporaryPath)
            throw IOFailure(operation: .create, path: path, message: message)
        }
        self.handle = handle
        descriptor = fd
    }

    deinit {
        if !finished {
            archive_write_free(handle)
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    private func failure(_ operation: IOFailure.Operation = .write) -> IOFailure {
        IOFailure(
            operation: operation,
            path: path,
            message: archive_error_string(handle).map { String(cString: $0) } ?? "cannot write the archive"
        )
    }

    /// Adds one file entry whose bytes `body` produces by calling the given write function.
    /// - Parameters:
    ///   - name: The entry's path inside the archive.
    ///   - size: The exact number of bytes `body` will write.
    ///   - body: Writes the entry's bytes.
    /// - Throws: `IOFailure` when writing fails.
    func addEntry(
        name: String,
        size: Int64,
        body: ((UnsafeRawBufferPointer) throws(IOFailure) -> Void) throws(IOFailure) -> Void
    ) throws(IOFailure) {
        guard let entry = archive_entry_new() else { throw failure() }
        defer { archive_entry_free(entry) }
        archive_entry_set_pathname_utf8(entry, name)
        carchive_entry_set_regular(entry, 0o644)
        archive_entry_set_size(entry, size)
        archive_entry_set_mtime(entry, time_t(Self.entryTime), 0)
        archive_entry_set_uid(entry, 0)
        archive_entry_set_gid(entry, 0)
        if archive_write_header(handle, entry) < ARCHIVE_WARN { throw failure() }
        var written: Int64 = 0
        try body { bytes throws(IOFailure) in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            var offset = 0
            while offset < bytes.count {
                let count = archive_write_data(handle, base + offset, bytes.count - offset)
                if count < 0 { throw failure() }
                if count == 0 { break }
                offset += count
            }
            written += Int64(bytes.count)
        }
        if written != size {
            throw IOFailure(
                operation: .write,
                path: path,
                message: "entry \(name) changed size while being archived (\(size) → \(written) bytes)"
            )
        }
        if archive_write_finish_entry(handle) < ARCHIVE_WARN { throw failure() }
    }

    /// Adds a file from disk as an entry.
    /// - Parameters:
    ///   - name: The entry's path inside the archive.
    ///   - file: The file to copy.
    /// - Throws: `IOFailure` when reading or writing fails.
    func addFile(name: String, from file: String) throws(IOFailure) {
        let source = try FileByteSource(path: file)
        let size = Int64(source.size ?? 0)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { buffer.deallocate() }
        try addEntry(name: name, size: size) { write throws(IOFailure) in
            while true {
                let count = try source.read(into: buffer)
                if count == 0 { break }
                try write(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            }
        }
    }

    /// Adds bytes as an entry.
    /// - Parameters:
    ///   - name: The entry's path inside the archive.
    ///   - bytes: The entry's bytes.
    /// - Throws: `IOFailure` when writing fails.
    func addBytes(name: String, _ bytes: [UInt8]) throws(IOFailure) {
        try addEntry(name: name, size: Int64(bytes.count)) { write throws(IOFailure) in
            let result: Result<Void, IOFailure> = bytes.withUnsafeBytes { raw in
                do throws(IOFailure) {
                    try write(raw)
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
            try result.get()
        }
    }

    /// Finishes the archive, flushes it to disk and renames it over `path`.
    /// - Throws: `IOFailure` when finishing, flushing or renaming fails.
    func commit() throws(IOFailure) {
        guard !finished else { return }
        finished = true
        let closed = archive_write_close(handle)
        let error = closed == ARCHIVE_OK ? nil : failure()
        archive_write_free(handle)
        if let error {
            close(descriptor)
            unlink(temporaryPath)
            throw error
        }
        if fsync(descriptor) != 0, errno != EINVAL {
            let code = errno
            close(descriptor)
            unlink(temporaryPath)
            throw IOFailure(operation: .write, path: path, errorNumber: code)
        }
        close(descriptor)
        do throws(IOFailure) {
            try FileSystem.rename(temporaryPath, to: path)
        } catch {
            unlink(temporaryPath)
            throw error
        }
    }
}
