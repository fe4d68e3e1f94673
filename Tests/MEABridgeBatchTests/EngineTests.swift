import MEABridgeCore
import MEABridgeFormats
import MEABridgeTestSupport
import Testing

@testable import MEABridgeBatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite(
    "batch: directories, files and archives",
    .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
)
struct ConversionTests {
    @Test("every file of a directory is converted exactly as `convert` converts it")
    func directoryMatchesConvert() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let (input, files) = try copySamples(into: directory)
        let report = try await runBatch(BatchOptions(inputs: [input], output: directory + "/out", to: "ndjson"))
        #expect(report.files.count == files.count)
        #expect(report.files.allSatisfy { $0.status == .converted })
        let outputs = tree(directory + "/out")
        #expect(outputs.count == files.count)
        for file in files {
            let name = OutputNaming.outputPath(for: file, extension: "ndjson")
            let expected = try await convertOutput(input + "/" + file)
            #expect(outputs[name] == expected, "\(name) differs from convert's output")
        }
        #expect(report.records.values.reduce(0, +) == outputs.values.map { lines($0).count }.reduce(0, +))
        // Nothing is left beside the output.
        #expect(!exists(directory + "/.out.meabridge-staging"))
    }

    @Test("--include and --exclude choose the files; hidden files are left out")
    func filters() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let (input, _) = try copySamples(into: directory)
        try write(input + "/.hidden/x.json", "{}")
        try write(input + "/odata/v1/README.txt", "not a feed")
        var options = BatchOptions(inputs: [input], output: directory + "/out", to: "ndjson")
        options.filter = FileFilter(include: [Glob("odata/**/*.json")], exclude: [Glob("v3"), Glob("Contacts.json")])
        let report = try await runBatch(options)
        let names = Set(tree(directory + "/out").keys)
        #expect(
            names == [
                "odata/v1/CountryReports.ndjson", "odata/v1/Decisions.ndjson", "odata/v1/Meetings.ndjson",
                "odata/v1/NationalPlans.ndjson",
            ]
        )
        #expect(report.files.count == 4)
    }

    @Test("zip, tar and tar.gz inputs give the same outputs as the directory, in archives of every kind")
    func archivesInAndOut() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let (input, files) = try copySamples(into: directory)
        let entries = try files.map { ($0, try #require(Fixtures.read(input + "/" + $0))) }
        _ = try await runBatch(BatchOptions(inputs: [input], output: directory + "/reference", to: "ndjson"))
        let reference = tree(directory + "/reference")
        for kind in ArchiveKind.allCases {
            let archive = directory + "/in." + kind.rawValue
            try makeArchive(archive, entries)
            // Batch names archive entries `archive!/path`: align the source names with the directory run.
            func aligned(_ bytes: [UInt8]) -> [UInt8] {
                Array(String(decoding: bytes, as: UTF8.self).replacing(archive + "!/", with: input + "/").utf8)
            }
            _ = try await runBatch(
                BatchOptions(inputs: [archive], output: directory + "/out-\(kind.rawValue)", to: "ndjson")
            )
            #expect(tree(directory + "/out-\(kind.rawValue)").mapValues(aligned) == reference)
            for outKind in ArchiveKind.allCases {
                let output = directory + "/out-\(kind.rawValue)." + outKind.rawValue
                let report = try await runBatch(BatchOptions(inputs: [archive], output: output, to: "ndjson"))
                #expect(report.files.count == files.count)
                let written = try archiveEntries(output)
                #expect(written.map(\.name) == written.map(\.name).sorted(), "entries are sorted")
                #expect(try archiveTree(output).mapValues(aligned) == reference)
            }
        }
    }

    @Test("the same inputs give byte-identical outputs with 1 or 4 jobs, and archives are reproducible")
    func deterministic() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let (input, files) = try copySamples(into: directory)
        for feed in 0..<12 { try write(input + "/gen/feed-\(feed).json", decisionsFeed(prefix: "g\(feed)", count: 20)) }
        var results: [[String: [UInt8]]] = []
        var archives: [[UInt8]] = []
        for jobs in [1, 4] {
            var options = BatchOptions(inputs: [input], output: directory + "/out-\(jobs)", to: "ndjson")
            options.jobs = jobs
            _ = try await runBatch(options)
            results.append(tree(directory + "/out-\(jobs)"))
            options.output = directory + "/out-\(jobs).tar.gz"
            _ = try await runBatch(options)
            archives.append(try #require(Fixtures.read(options.output)))
        }
        #expect(results[0] == results[1])
        #expect(results[0].count == files.count + 12)
        #expect(archives[0] == archives[1])
    }

    @Test("one bad file never stops the others; it fails the batch and leaves no output")
    func badFile() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let (input, files) = try copySamples(into: directory)
        let full = try #require(Fixtures.read(input + "/odata/v1/Decisions.json"))
        try write(input + "/broken/truncated.json", bytes: Array(full.prefix(full.count / 2)))
        try write(input + "/broken/notes.txt", "minutes of the meeting")
        let report = try await runBatch(BatchOptions(inputs: [input], output: directory + "/out", to: "ndjson"))
        let byName = Dictionary(uniqueKeysWithValues: report.files.map { ($0.input, $0) })
        let truncated = try #require(byName[input + "/broken/truncated.json"])
        #expect(truncated.status == .failed)
        #expect(truncated.counts[.fatal, default: 0] > 0)
        #expect(truncated.diagnostics.contains { $0.id.rawValue.hasPrefix("json.") })
        let notes = try #require(byName[input + "/broken/notes.txt"])
        #expect(notes.status == .failed)
        #expect(notes.diagnostics.map(\.id) == [.batchFormatNotDetected])
        #expect(report.files.filter { $0.status == .converted }.count == files.count)
        #expect(report.failing(at: .error).map(\.input).sorted() == [notes.input, truncated.input].sorted())
        #expect(!exists(directory + "/out/broken"))
        #expect(tree(directory + "/out").count == files.count)
    }

    @Test("--from forces a reader; an unknown one or an unknown writer is a usage error")
    func formats() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let (input, files) = try copySamples(into: directory)
        var options = BatchOptions(inputs: [input], output: directory + "/out", to: "informea-api-json")
        options.from = "informea-odata-json"
        let report = try await runBatch(options)
        #expect(report.files.count == files.count)
        #expect(report.files.allSatisfy { $0.format == "informea-odata-json" })
        #expect(tree(directory + "/out").keys.allSatisfy { $0.hasSuffix(".json") })
        options.from = "no-such-format"
        await #expect(throws: BatchError.self) { try await runBatch(options) }
        options.from = nil
        options.to = "no-such-format"
        do {
            _ = try await runBatch(options)
            Issue.record("an unknown writer must be refused")
        } catch {
            #expect(error.kind == .usage)
            #expect(error.message.contains("ndjson"))
        }
    }

    @Test("two inputs that would write the same output: the later one is refused")
    func collision() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let (input, _) = try copySamples(into: directory)
        let first = input + "/odata/v1/Decisions.json"
        let second = input + "/odata/v3/Decisions.json"
        let report = try await runBatch(
            BatchOptions(inputs: [first, second], output: directory + "/out", to: "ndjson")
        )
        #expect(report.files.first { $0.input == first }?.status == .converted)
        let refused = try #require(report.files.first { $0.input == second })
        #expect(refused.status == .failed)
        #expect(refused.diagnostics.map(\.id) == [.batchOutputCollision])
        #expect(tree(directory + "/out")["Decisions.ndjson"] == (try await convertOutput(first)))
    }

    @Test("the batch's own output and state inside an input directory are not taken as inputs")
    func ownFiles() async throws {
        for name in ["converted", "converted.zip"] {
            let (input, files) = try copySamples(into: temporaryDirectory())
            let output = input + "/" + name
            var options = BatchOptions(inputs: [input], output: output, to: "ndjson")
            options.statePath = input + "/state-\(FileSystem.baseName(of: output)).sqlite"
            _ = try await runBatch(options)
            let rerun = try await runBatch(options)
            #expect(rerun.files.count == files.count)
            #expect(rerun.files.allSatisfy { $0.status == .unchanged })
        }
    }

    @Test("a missing input is reported and the others still convert")
    func missingInput() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let (input, _) = try copySamples(into: directory)
        let report = try await runBatch(
            BatchOptions(
                inputs: [input + "/odata/v1/Meetings.json", directory + "/nope"],
                output: directory + "/out",
                to: "ndjson"
            )
        )
        #expect(report.files.first { $0.input == directory + "/nope" }?.diagnostics.map(\.id) == [.batchInputMissing])
        #expect(tree(directory + "/out").keys.sorted() == ["Meetings.ndjson"])
    }

    @Test("option combinations that cannot work are refused before anything is written")
    func usage() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        var options = BatchOptions(inputs: [directory], output: directory + "/out.zip", to: "ndjson")
        options.commitEach = true
        await #expect(throws: BatchError.self) { try await runBatch(options) }
        options = BatchOptions(inputs: [directory], output: directory + "/out", to: "ndjson")
        options.deleted = .tombstone
        await #expect(throws: BatchError.self) { try await runBatch(options) }
        try write(directory + "/file", "x")
        options = BatchOptions(inputs: [directory], output: directory + "/file", to: "ndjson")
        await #expect(throws: BatchError.self) { try await runBatch(options) }
        #expect(!exists(directory + "/out"))
    }
}

@Suite("batch: archive safety")
struct SafetyTests {
    private let feed = Array(decisionsFeed(prefix: "s", count: 2).utf8)

    @Test("entries with absolute paths or .. are refused with a diagnostic; nothing is written outside")
    func zipSlip() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let escape = "meabridge-zip-slip-\(StableHash.hex(StableHash.fnv1a(directory)))"
        for kind in [ArchiveKind.zip, .tarGzip] {
            let archive = directory + "/evil." + kind.rawValue
            try makeArchive(
                archive,
                [
                    ("good.json", feed),
                    ("../\(escape)-1.json", feed),
                    ("/tmp/\(escape)-2.json", feed),
                    ("a/../../\(escape)-3.json", feed),
                ]
            )
            let output = directory + "/out-" + kind.rawValue
            let report = try await runBatch(BatchOptions(inputs: [archive], output: output, to: "ndjson"))
            let refused = report.files.filter { $0.diagnostics.contains { $0.id == .batchUnsafePath } }
            #expect(refused.count == 3)
            #expect(refused.allSatisfy { $0.status == .failed })
            #expect(report.files.first { $0.input == archive + "!/good.json" }?.status == .converted)
            #expect(tree(output).keys.sorted() == ["good.ndjson"])
            for index in 1...3 {
                #expect(!exists("/tmp/\(escape)-\(index).ndjson"))
                #expect(!exists(directory + "/\(escape)-\(index).ndjson"))
                #expect(!exists(output + "/../\(escape)-\(index).ndjson"))
            }
        }
    }

    @Test("links in archives are never followed; those pointing outside are refused")
    func archiveLinks() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let archive = directory + "/links.tar"
        try makeTarWithLinks(
            archive,
            files: [("data/good.json", feed)],
            links: [
                ("data/outside.json", "../../etc/passwd"), ("data/absolute.json", "/etc/passwd"),
                ("data/inside.json", "good.json"),
            ]
        )
        let report = try await runBatch(BatchOptions(inputs: [archive], output: directory + "/out", to: "ndjson"))
        let byName = Dictionary(uniqueKeysWithValues: report.files.map { ($0.input, $0) })
        #expect(byName[archive + "!/data/outside.json"]?.diagnostics.map(\.id) == [.batchUnsafeLink])
        #expect(byName[archive + "!/data/absolute.json"]?.diagnostics.map(\.id) == [.batchUnsafeLink])
        #expect(byName[archive + "!/data/inside.json"]?.status == .skipped)
        #expect(byName[archive + "!/data/inside.json"]?.diagnostics.map(\.id) == [.batchLinkSkipped])
        #expect(tree(directory + "/out").keys.sorted() == ["data/good.ndjson"])
    }

    @Test("links in directories pointing outside are refused; links inside are followed")
    func directoryLinks() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        try write(directory + "/outside/secret.json", decisionsFeed(prefix: "o", count: 1))
        try write(directory + "/in/good.json", decisionsFeed(prefix: "g", count: 1))
        #expect(symlink(directory + "/outside/secret.json", directory + "/in/leak.json") == 0)
        #expect(symlink("good.json", directory + "/in/alias.json") == 0)
        let report = try await runBatch(
            BatchOptions(inputs: [directory + "/in"], output: directory + "/out", to: "ndjson")
        )
        let byName = Dictionary(uniqueKeysWithValues: report.files.map { ($0.input, $0) })
        #expect(byName[directory + "/in/leak.json"]?.diagnostics.map(\.id) == [.batchUnsafeLink])
        #expect(byName[directory + "/in/alias.json"]?.status == .converted)
        #expect(tree(directory + "/out").keys.sorted() == ["alias.ndjson", "good.ndjson"])
    }

    @Test("a decompression bomb is stopped by the ratio limit, in tar.gz and zip")
    func ratioBomb() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let zeros = [UInt8](repeating: 0x20, count: 48 << 20)  // 48 MiB of spaces compresses about 1000 times
        for kind in [ArchiveKind.tarGzip, .zip] {
            let archive = directory + "/bomb." + kind.rawValue
            try makeArchive(archive, [("a.json", feed), ("bomb.json", zeros), ("z.json", feed)])
            let compressed = try #require(FileSystem.status(archive)).size
            #expect(compressed < 1 << 20)
            let report = try await runBatch(
                BatchOptions(inputs: [archive], output: directory + "/out-\(kind.rawValue)", to: "ndjson")
            )
            let bomb = report.files.filter { $0.diagnostics.contains { $0.id == .batchDecompressionBomb } }
            #expect(!bomb.isEmpty, "\(kind): the bomb was not detected")
            #expect(report.files.first { $0.input == archive + "!/a.json" }?.status == .converted)
            #expect(report.files.first { $0.input == archive + "!/z.json" } == nil, "reading stops at the bomb")
        }
    }

    @Test("the entry and archive size limits stop reading")
    func sizeLimits() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let archive = directory + "/big.tar"
        let big = Array(decisionsFeed(prefix: "b", count: 300).utf8)
        try makeArchive(archive, [("small.json", feed), ("big.json", big)])
        var options = BatchOptions(inputs: [archive], output: directory + "/out", to: "ndjson")
        options.limits.maxEntrySize = Int64(big.count - 1)
        var report = try await runBatch(options)
        #expect(report.files.contains { $0.diagnostics.contains { $0.id == .batchDecompressionBomb } })
        #expect(report.files.first { $0.input == archive + "!/small.json" }?.status == .converted)
        options.limits = ArchiveLimits(maxArchiveSize: Int64(feed.count + 10))
        options.output = directory + "/out2"
        report = try await runBatch(options)
        #expect(report.files.contains { $0.diagnostics.first?.message.contains("--max-archive-size") == true })
        // Entries larger than memory allows are converted while they are read, with the same result.
        options.limits = ArchiveLimits()
        options.maxBufferedEntry = 1024
        options.output = directory + "/out3"
        report = try await runBatch(options)
        #expect(report.files.allSatisfy { $0.status == .converted })
        options.maxBufferedEntry = 64 << 20
        options.output = directory + "/out4"
        _ = try await runBatch(options)
        #expect(tree(directory + "/out3") == tree(directory + "/out4"))
        #expect(lines(tree(directory + "/out3")["big.ndjson"]).count == 300)
    }

    @Test("an archive inside an archive is not opened; a damaged archive fails alone")
    func nestedAndDamaged() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let inner = directory + "/inner.zip"
        try makeArchive(inner, [("a.json", feed)])
        let outer = directory + "/in/outer.tar"
        try FileSystem.makeDirectories(directory + "/in")
        try makeArchive(outer, [("b.json", feed), ("inner.zip", try #require(Fixtures.read(inner)))])
        let whole = directory + "/whole.tar.gz"
        try makeArchive(whole, [("d.json", Array(decisionsFeed(prefix: "d", count: 200).utf8))])
        let good = try #require(Fixtures.read(whole))
        try write(directory + "/in/damaged.tar.gz", bytes: Array(good.prefix(good.count / 2)))
        try write(directory + "/in/c.json", decisionsFeed(prefix: "c", count: 1))
        let report = try await runBatch(
            BatchOptions(inputs: [directory + "/in"], output: directory + "/out", to: "ndjson")
        )
        let byName = Dictionary(uniqueKeysWithValues: report.files.map { ($0.input, $0) })
        #expect(byName[outer + "!/inner.zip"]?.diagnostics.map(\.id) == [.batchNestedArchive])
        #expect(byName[outer + "!/b.json"]?.status == .converted)
        #expect(byName[directory + "/in/damaged.tar.gz"]?.diagnostics.map(\.id) == [.batchArchiveUnreadable])
        #expect(byName[directory + "/in/c.json"]?.status == .converted)
    }
}
