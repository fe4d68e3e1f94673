import MEABridgeCLI
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

@Suite("meabridge batch and merge (jobs)")
struct BatchJobTests {
    private func inputs(_ directory: String, broken: Bool = false) throws -> String {
        let input = directory + "/in"
        for feed in 0..<5 { try write(input + "/feed-\(feed).json", decisionsFeed(prefix: "c\(feed)", count: 2)) }
        try write(
            input + "/warn.json",
            """
            {"d":{"results":[{"__metadata":{"type":"informea.Decision"},"id":"w1","treaty":"cms",\
            "title":{"results":[{"language":"fr","value":"Titre"}]}}]}}
            """
        )
        if broken { try write(input + "/broken.json", "{\"d\":{\"results\":[{\"id\":") }
        return input
    }

    @Test("converts, prints a summary, writes a JUnit report and GitHub annotations; exit 0")
    func success() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let input = try inputs(directory)
        var job = BatchJob(inputs: [input], to: "ndjson", output: directory + "/out")
        job.report = directory + "/report.xml"
        job.github = true
        let captured = Captured()
        let status = await job.run(console: captured.console)
        #expect(status == .ok)
        #expect(captured.err.contains("meabridge batch: 6 files (6 converted)"))
        #expect(captured.err.contains("warn.json:1:"))
        #expect(captured.out.hasPrefix("::warning file=\(input)/warn.json,line=1,"))
        let junit = try #require(readText(directory + "/report.xml"))
        #expect(junit.split(separator: "<testcase ").count - 1 == 6)
        #expect(tree(directory + "/out").count == 6)
    }

    @Test("exit 1 when a file fails, or has warnings with --fail-on warning")
    func failures() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let input = try inputs(directory, broken: true)
        var job = BatchJob(inputs: [input], to: "ndjson", output: directory + "/out")
        let captured = Captured()
        #expect(await job.run(console: captured.console) == .diagnostics)
        #expect(captured.err.contains("result: FAILED: 1 file"))
        #expect(tree(directory + "/out").count == 6)
        try FileSystem.removeFile(input + "/broken.json")
        job.output = directory + "/out2"
        #expect(await job.run(console: Captured().console) == .ok)
        job.failOn = "warning"
        #expect(await job.run(console: Captured().console) == .diagnostics)
    }

    @Test("usage errors exit 2, I/O errors 3")
    func usage() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let input = try inputs(directory)
        let cases: [(inout BatchJob) -> Void] = [
            { $0.to = "no-such-format" },
            { $0.from = "no-such-format" },
            { $0.shard = "4/3" },
            { $0.deleted = "forget" },
            { $0.failOn = "note" },
            { $0.reportFormat = "html" },
            { $0.now = "yesterday" },
            { $0.maxEntrySize = "lots" },
            { $0.progress = "fancy" },
            {
                $0.commitEach = true
                $0.output += ".zip"
            },
            { $0.entity = "Spaceships" },
        ]
        for change in cases {
            var job = BatchJob(inputs: [input], to: "ndjson", output: directory + "/out")
            job.report = directory + "/r.json"
            change(&job)
            let captured = Captured()
            #expect(await job.run(console: captured.console) == .usage, "\(captured.err)")
            #expect(captured.err.contains("meabridge: error:"))
        }
        #expect(!exists(directory + "/out"))
        try write(directory + "/file", "x")
        let blocked = BatchJob(inputs: [input], to: "ndjson", output: directory + "/file/sub/out")
        #expect(await blocked.run(console: Captured().console) == .io)
    }

    @Test("plain progress lines when not on a terminal; none with --progress off")
    func progressLines() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let input = try inputs(directory)
        var job = BatchJob(inputs: [input], to: "ndjson", output: directory + "/out")
        job.progressInterval = 0
        job.quiet = true
        let captured = Captured()
        _ = await job.run(console: captured.console)
        #expect(captured.err.contains("meabridge batch: 1 files") || captured.err.contains("meabridge batch: 6 files"))
        #expect(!captured.err.contains("\u{1B}[K"))
        job.progress = "off"
        job.output = directory + "/out2"
        let quiet = Captured()
        _ = await job.run(console: quiet.console)
        #expect(!quiet.err.contains(" files/s"))
    }

    @Test("a live bar on a terminal, rewritten in place and cleared at the end")
    func progressBar() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let input = try inputs(directory)
        try FileSystem.removeFile(input + "/warn.json")
        var job = BatchJob(inputs: [input], to: "ndjson", output: directory + "/out")
        job.quiet = true
        let captured = Captured()
        let terminal = Console(out: captured.console.out, err: captured.console.err, errIsTerminal: true)
        _ = await job.run(console: terminal)
        #expect(captured.err.hasPrefix("\r\u{1B}[K["))
        #expect(captured.err.contains(" files/s "))
        #expect(captured.err.contains(" records/s"))
        #expect(captured.err.hasSuffix("\r\u{1B}[K"))
        #expect(!captured.err.contains("\n"))
    }

    @Test("merge joins shard outputs and reports; exit 1 on a conflict")
    func merge() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let input = try inputs(directory)
        var outputs: [String] = []
        var reports: [String] = []
        for index in 1...2 {
            var job = BatchJob(inputs: [input], to: "ndjson", output: directory + "/shard-\(index).tgz")
            job.shard = "\(index)/2"
            job.report = directory + "/shard-\(index).json"
            job.quiet = true
            #expect(await job.run(console: Captured().console) == .ok)
            outputs.append(job.output)
            reports.append(job.report ?? "")
        }
        var merge = MergeJob(inputs: outputs, output: directory + "/all.zip")
        merge.reports = reports
        merge.report = directory + "/all.sarif"
        let captured = Captured()
        #expect(merge.run(console: captured.console) == .ok)
        #expect(captured.err.contains("meabridge merge: 6 files from 2 shard outputs"))
        #expect(try archiveTree(directory + "/all.zip").count == 6)
        #expect(readText(directory + "/all.sarif")?.contains("rule.title-english") == true)

        try write(directory + "/other/feed-0.ndjson", "different\n")
        var conflict = MergeJob(inputs: outputs + [directory + "/other"], output: directory + "/all2")
        conflict.quiet = true
        let conflicted = Captured()
        #expect(conflict.run(console: conflicted.console) == .diagnostics)
        #expect(conflicted.err.contains("[batch.merge-conflict]"))
        var missing = MergeJob(inputs: [directory + "/nope"], output: directory + "/all3")
        missing.quiet = true
        #expect(missing.run(console: Captured().console) == .io)
    }
}
