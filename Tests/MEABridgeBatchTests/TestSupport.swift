import CArchive
import MEABridgeCLI
import MEABridgeCore
import MEABridgeFormats
import MEABridgeTestSupport
import Synchronization
import Testing

@testable import MEABridgeBatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fresh temporary directory for one test.
func temporaryDirectory() -> String {
    var template = Array("/tmp/meabridge-batch-test-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { buffer -> String in
        guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return "/tmp" }
        return String(cString: made)
    }
}

func exists(_ path: String) -> Bool { FileSystem.exists(path) }

func write(_ path: String, _ text: String) throws {
    try FileSystem.makeDirectories(FileSystem.parentDirectory(of: path))
    try FileSystem.writeFile(path, Array(text.utf8))
}

func write(_ path: String, bytes: [UInt8]) throws {
    try FileSystem.makeDirectories(FileSystem.parentDirectory(of: path))
    try FileSystem.writeFile(path, bytes)
}

func readText(_ path: String) -> String? { Fixtures.read(path).map { String(decoding: $0, as: UTF8.self) } }

/// Every file under a directory (hidden ones included), by relative path, with its bytes.
func tree(_ directory: String) -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    func walk(_ path: String, _ relative: String) {
        for name in (try? FileSystem.listDirectory(path)) ?? [] {
            let child = path + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            if FileSystem.isDirectory(child) {
                walk(child, childRelative)
            } else {
                result[childRelative] = Fixtures.read(child) ?? []
            }
        }
    }
    walk(directory, "")
    return result
}

/// Every regular entry of an archive, by name, with its bytes, in archive order.
func archiveEntries(_ path: String) throws -> [(name: String, bytes: [UInt8])] {
    let reader = try ArchiveReader(path: path, limits: ArchiveLimits())
    var entries: [(String, [UInt8])] = []
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    defer { buffer.deallocate() }
    while let header = try reader.next() {
        guard header.kind == .regular else { continue }
        var bytes: [UInt8] = []
        while true {
            let count = try reader.read(into: buffer)
            if count == 0 { break }
            bytes.append(contentsOf: buffer[..<count])
        }
        entries.append((header.path, bytes))
    }
    return entries
}

func archiveTree(_ path: String) throws -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    for (name, bytes) in try archiveEntries(path) { result[name] = bytes }
    return result
}

/// Writes an archive from names and contents with the batch's own writer.
func makeArchive(_ path: String, _ entries: [(String, [UInt8])]) throws {
    let kind = try #require(ArchiveKind(path: path))
    let writer = try ArchiveWriter(path: path, kind: kind)
    for (name, bytes) in entries { try writer.addBytes(name: name, bytes) }
    try writer.commit()
}

/// The shared real InforMEA OData samples (v1, v3) and the repository's samples, copied into `directory/in`.
/// - Returns: The input directory and the relative paths of its files.
func copySamples(into directory: String) throws -> (input: String, files: [String]) {
    let input = directory + "/in"
    var files: [String] = []
    for version in ["v1", "v3"] {
        for path in Fixtures.files(in: Fixtures.samplesDirectory + "/informea-odata/" + version, suffix: ".json") {
            let relative = "odata/\(version)/" + FileSystem.baseName(of: path)
            try write(input + "/" + relative, bytes: try #require(Fixtures.read(path)))
            files.append(relative)
        }
    }
    for path in Fixtures.files(in: Fixtures.repositorySamplesDirectory, suffix: ".json") {
        let relative = FileSystem.baseName(of: path)
        try write(input + "/" + relative, bytes: try #require(Fixtures.read(path)))
        files.append(relative)
    }
    return (input, files.sorted())
}

/// What `meabridge convert` writes for one input, for comparing batch outputs with it.
func convertOutput(_ input: String, to format: String = "ndjson", sourceName: String? = nil) async throws -> [UInt8] {
    let directory = temporaryDirectory()
    defer { FileSystem.removeTree(directory) }
    let output = directory + "/out"
    var job = ConvertJob(input: input)
    job.to = format
    job.output = output
    job.quiet = true
    let captured = Captured()
    _ = job.run(registry: .builtIn, console: captured.console)
    var bytes = try #require(Fixtures.read(output))
    if let sourceName {
        // Batch names inputs by their path as given; convert by the path it was given. Align the two.
        bytes = Array(String(decoding: bytes, as: UTF8.self).replacing(input, with: sourceName).utf8)
    }
    return bytes
}

/// Captures what a command prints.
final class Captured: Sendable {
    private let storage = Mutex<(out: String, err: String)>(("", ""))
    var out: String { storage.withLock { $0.out } }
    var err: String { storage.withLock { $0.err } }
    var console: Console {
        Console(
            out: { text in self.storage.withLock { $0.out += text } },
            err: { text in self.storage.withLock { $0.err += text } }
        )
    }
}

/// Runs the engine with options, collecting events.
func runBatch(
    _ options: BatchOptions,
    interruption: Interruption? = nil
) async throws(BatchError) -> BatchReport {
    var engine = BatchEngine(options: options, registry: .builtIn)
    engine.interruption = interruption
    return try await engine.run()
}

/// A decisions feed in OData v2 verbose JSON with `count` records whose ids start with `prefix`.
func decisionsFeed(prefix: String, count: Int, title: (Int) -> String = { "Decision \($0)" }) -> String {
    var records: [String] = []
    for index in 0..<count {
        let paragraph = String(
            repeating: "The Conference of the Parties decides to keep the matter under review. ",
            count: 8
        )
        records.append(
            """
              {"__metadata":{"type":"informea.Decision"},"id":"\(prefix)-\(index)","treaty":"cms","type":"resolution",\
            "status":"active","number":"\(index).1","published":"/Date(1399388400000)/",\
            "updated":"/Date(\(1_400_000_000_000 + index))/",\
            "title":{"results":[{"language":"en","value":"\(title(index))"}]},\
            "summary":{"results":[{"language":"en","value":"\(paragraph)"}]}}
            """
        )
    }
    return "{\"d\":{\"results\":[\n" + records.joined(separator: ",\n") + "\n]}}\n"
}

/// The lines of an NDJSON output.
func lines(_ bytes: [UInt8]?) -> [String] {
    guard let bytes else { return [] }
    return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
}

/// The value of `"updated"` in an NDJSON line.
func updatedValue(_ line: String) -> String? {
    guard let range = line.firstRange(of: "\"updated\":\"") else { return nil }
    let rest = line[range.upperBound...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
}

/// The NDJSON line of the record with an id.
func line(withID id: String, in bytes: [UInt8]?) -> String? {
    lines(bytes).first { $0.contains("\"id\":\"\(id)\"") }
}

/// Writes a tar file with regular files and symbolic links (the batch's writer makes only regular files).
func makeTarWithLinks(_ path: String, files: [(String, [UInt8])], links: [(name: String, target: String)]) throws {
    let handle = try #require(archive_write_new())
    defer { archive_write_free(handle) }
    archive_write_set_format_pax_restricted(handle)
    #expect(archive_write_open_filename(handle, path) == ARCHIVE_OK)
    for (name, bytes) in files {
        let entry = try #require(archive_entry_new())
        archive_entry_set_pathname(entry, name)
        carchive_entry_set_regular(entry, 0o644)
        archive_entry_set_size(entry, Int64(bytes.count))
        archive_write_header(handle, entry)
        _ = bytes.withUnsafeBytes { archive_write_data(handle, $0.baseAddress, $0.count) }
        archive_entry_free(entry)
    }
    for (name, target) in links {
        let entry = try #require(archive_entry_new())
        archive_entry_set_pathname(entry, name)
        archive_entry_set_filetype(entry, 0o120000)
        archive_entry_set_perm(entry, 0o777)
        archive_entry_set_symlink(entry, target)
        archive_write_header(handle, entry)
        archive_entry_free(entry)
    }
    #expect(archive_write_close(handle) == ARCHIVE_OK)
}
