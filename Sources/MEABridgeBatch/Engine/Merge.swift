public import MEABridgeCore
import MEABridgeJSON

/// What `meabridge merge` joins: the outputs of N shards (directories or archives) into one output, and their JSON
/// reports into one report.
public struct MergeOptions: Sendable {
    /// The shards' outputs.
    public var inputs: [String]
    /// The merged output: a directory, or an archive when the name ends in `.zip`, `.tar`, `.tar.gz` or `.tgz`.
    public var output: String
    /// The shards' JSON reports (`batch --report FILE.json`).
    public var reports: [String]
    /// The decompression-bomb limits for reading archives.
    public var limits = ArchiveLimits()

    /// Creates options.
    /// - Parameters:
    ///   - inputs: The shards' outputs.
    ///   - output: The merged output.
    ///   - reports: The shards' JSON reports.
    public init(inputs: [String], output: String, reports: [String] = []) {
        self.inputs = inputs
        self.output = output
        self.reports = reports
    }
}

/// What a merge did.
public struct MergeResult: Sendable {
    /// Files written to the merged output.
    public var files = 0
    /// Problems: the same name with different content in two shards, unsafe entries.
    public var diagnostics: [Diagnostic] = []
    /// The merged report, when reports were given.
    public var report: BatchReport?
}

/// Joins shard outputs and reports (`meabridge merge`).
///
/// Shards select disjoint inputs, so their outputs hold different files; a file present in several shards with the
/// same content is written once, with different content it is reported (`batch.merge-conflict`) and the first
/// shard's kept. Tombstone files are joined line by line. Archive sources are read as streams, files are copied in
/// chunks, and the output is written to a temporary location and moved into place at the end.
public enum BatchMerge {
    /// Merges.
    /// - Parameter options: What to merge.
    /// - Returns: What was done.
    /// - Throws: `BatchError` when an input cannot be read or the output cannot be written.
    public static func run(_ options: MergeOptions) throws(BatchError) -> MergeResult {
        do throws(IOFailure) {
            return try merge(options)
        } catch {
            throw BatchError(.io, error.description, id: DiagnosticID("io.\(error.operation)"))
        }
    }

    private static func merge(_ options: MergeOptions) throws(IOFailure) -> MergeResult {
        var result = MergeResult()
        if !options.reports.isEmpty { result.report = try mergeReports(options.reports, output: options.output) }
        let target = OutputTarget(path: options.output)
        var sources: [MergeSource] = []
        for input in options.inputs {
            let path = FileSystem.trimmingTrailingSlashes(input)
            guard let status = FileSystem.status(path) else {
                throw IOFailure(operation: .open, path: path, message: "no such shard output")
            }
            if status.kind == .directory {
                sources.append(try MergeSource(directory: path))
            } else {
                sources.append(try MergeSource(archive: path, limits: options.limits))
            }
        }
        FileSystem.removeTree(target.staging)
        let sink = try MergeSink(target: target)
        var written: [String: UInt64] = [:]
        var tombstoneLines: Set<String> = []
        let tombstone = BatchOptions.tombstoneFileName
        while true {
            var smallest: String?
            for source in sources {
                if let name = source.current,
                    smallest.map({ precedesInByteOrder(name, $0) }) ?? true
                {
                    smallest = name
                }
            }
            guard let name = smallest else { break }
            for source in sources where source.current == name {
                if name == tombstone {
                    let text = String(decoding: try source.readAll(), as: UTF8.self)
                    for line in text.split(separator: "\n") where !line.isEmpty { tombstoneLines.insert(String(line)) }
                } else if let first = written[name] {
                    let hash = try source.hashCurrent()
                    if hash != first {
                        result.diagnostics.append(
                            Diagnostic(
                                id: .batchMergeConflict,
                                severity: .error,
                                message: "\(name) in \(source.path) differs from the one already merged; the first "
                                    + "was kept",
                                location: SourceLocation(source: source.path)
                            )
                        )
                    }
                } else {
                    written[name] = try sink.copy(name: name, from: source)
                    result.files += 1
                }
                try source.advance()
                result.diagnostics += source.takeDiagnostics()
            }
        }
        if !tombstoneLines.isEmpty {
            let text = tombstoneLines.sorted().joined(separator: "\n") + "\n"
            _ = try sink.add(name: tombstone, bytes: Array(text.utf8))
            result.files += 1
        }
        try sink.commit()
        return result
    }

    /// Reads the shards' JSON reports and joins them (inputs sorted by name, each once; deleted records joined).
    /// - Parameters:
    ///   - paths: The reports.
    ///   - output: The merged output's path, recorded in the report.
    /// - Returns: The merged report.
    /// - Throws: `IOFailure` when a report cannot be read or is not a batch report.
    public static func mergeReports(_ paths: [String], output: String?) throws(IOFailure) -> BatchReport {
        var files: [String: BatchFileReport] = [:]
        var deleted: Set<DeletedRecord> = []
        var seconds = 0.0
        for path in paths {
            var parser = JSONPullParser(source: try FileByteSource(path: path))
            let value: JSONValue
            do {
                value = try parser.readValue()
            } catch {
                throw IOFailure(operation: .read, path: path, message: "not JSON: \(error)")
            }
            guard let report = BatchJSONReport.parse(value) else {
                throw IOFailure(operation: .read, path: path, message: "not a batch report (meabridge batch --report)")
            }
            for file in report.files where files[file.input] == nil { files[file.input] = file }
            deleted.formUnion(report.deleted)
            seconds = max(seconds, report.seconds)
        }
        let sortedDeleted = deleted.sorted { ($0.source, $0.entity, $0.id) < ($1.source, $1.entity, $1.id) }
        return BatchReport(files: Array(files.values), deleted: sortedDeleted, output: output, seconds: seconds)
    }
}

/// One shard output being merged: its files in sorted order (a directory) or its entries as stored (an archive).
///
/// A class because it owns an archive reader and a cursor.
private final class MergeSource {
    let path: String
    private var files: [String] = []
    private var index = 0
    private var reader: ArchiveReader?
    private(set) var current: String?
    private var diagnostics: [Diagnostic] = []

    init(directory: String) throws(IOFailure) {
        path = directory
        try collect(directory, relative: "")
        files.sort(by: precedesInByteOrder)
        current = files.first
    }

    init(archive: String, limits: ArchiveLimits) throws(IOFailure) {
        path = archive
        reader = try ArchiveReader(path: archive, limits: limits)
        try advance()
    }

    private func collect(_ directory: String, relative: String) throws(IOFailure) {
        for name in try FileSystem.listDirectory(directory) where !name.hasPrefix(".") {
            let child = directory + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            switch FileSystem.status(child, followLinks: false)?.kind {
            case .directory: try collect(child, relative: childRelative)
            case .regular: files.append(childRelative)
            default: continue
            }
        }
    }

    func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics.removeAll() }
        return diagnostics
    }

    /// Moves to the next file or entry.
    func advance() throws(IOFailure) {
        guard let reader else {
            index += 1
            current = index < files.count ? files[index] : nil
            return
        }
        if current != nil { try reader.skipEntry() }
        current = nil
        while let header = try reader.next() {
            guard header.kind == .regular else { continue }
            switch EntryPath.normalize(header.path) {
            case .success(let name):
                current = name
                return
            case .failure(let refusal):
                diagnostics.append(
                    Diagnostic(
                        id: .batchUnsafePath,
                        severity: .error,
                        message: "entry '\(header.path)' of \(path) was refused: \(refusal)",
                        location: SourceLocation(source: path)
                    )
                )
                try reader.skipEntry()
            }
        }
    }

    /// The current file's size, when known before reading it.
    var currentSize: Int64? {
        guard let current else { return nil }
        if reader == nil { return FileSystem.status(path + "/" + current)?.size }
        return nil
    }

    /// Reads the current file or entry in chunks.
    func read(_ body: (UnsafeRawBufferPointer) throws(IOFailure) -> Void) throws(IOFailure) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { buffer.deallocate() }
        if let reader {
            while true {
                let count = try reader.read(into: buffer)
                if count == 0 { break }
                try body(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            }
            return
        }
        guard let current else { return }
        let file = try FileByteSource(path: path + "/" + current)
        while true {
            let count = try file.read(into: buffer)
            if count == 0 { break }
            try body(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }

    func readAll() throws(IOFailure) -> [UInt8] {
        var bytes: [UInt8] = []
        try read { chunk throws(IOFailure) in bytes.append(contentsOf: chunk) }
        return bytes
    }

    func hashCurrent() throws(IOFailure) -> UInt64 {
        var hash = StableHash.FNV1a()
        try read { chunk throws(IOFailure) in hash.add(chunk) }
        return hash.value
    }
}

/// The merged output: files into a staging folder moved into place at the end, or an archive written to a
/// temporary file renamed at the end.
///
/// A class because it owns the archive writer.
private final class MergeSink {
    let target: OutputTarget
    private let writer: ArchiveWriter?
    private var staged: [String] = []

    init(target: OutputTarget) throws(IOFailure) {
        self.target = target
        writer = try target.archive.map { kind throws(IOFailure) in try ArchiveWriter(path: target.path, kind: kind) }
    }

    /// Copies the source's current file; returns its content hash.
    func copy(name: String, from source: MergeSource) throws(IOFailure) -> UInt64 {
        var hash = StableHash.FNV1a()
        if let writer {
            if let size = source.currentSize {
                try writer.addEntry(name: name, size: size) { write throws(IOFailure) in
                    try source.read { chunk throws(IOFailure) in
                        hash.add(chunk)
                        try write(chunk)
                    }
                }
                return hash.value
            }
            let bytes = try source.readAll()
            return try add(name: name, bytes: bytes)
        }
        let path = target.staged(name)
        try FileSystem.makeDirectories(FileSystem.parentDirectory(of: path))
        let sink = try AtomicFileSink(path: path)
        do throws(IOFailure) {
            try source.read { chunk throws(IOFailure) in
                hash.add(chunk)
                try sink.write(chunk)
            }
            try sink.commit()
        } catch {
            sink.abort()
            throw error
        }
        staged.append(name)
        return hash.value
    }

    /// Adds bytes as a file; returns their content hash.
    func add(name: String, bytes: [UInt8]) throws(IOFailure) -> UInt64 {
        var hash = StableHash.FNV1a()
        bytes.withUnsafeBytes { hash.add($0) }
        if let writer {
            try writer.addBytes(name: name, bytes)
        } else {
            let path = target.staged(name)
            try FileSystem.makeDirectories(FileSystem.parentDirectory(of: path))
            try FileSystem.writeFile(path, bytes)
            staged.append(name)
        }
        return hash.value
    }

    /// Moves everything into place.
    func commit() throws(IOFailure) {
        if let writer {
            try writer.commit()
            return
        }
        try FileSystem.makeDirectories(target.path)
        for name in staged {
            let destination = target.final(name)
            try FileSystem.makeDirectories(FileSystem.parentDirectory(of: destination))
            try FileSystem.rename(target.staged(name), to: destination)
        }
        FileSystem.removeTree(target.staging)
    }
}
