import MEABridgeCLI
import MEABridgeCore
import MEABridgeJSON
import MEABridgeTestSupport
import MEABridgeValidation
import Testing

@testable import MEABridgeBatch

@Suite("batch: shards and merge")
struct ShardMergeTests {
    private func inputs(_ directory: String) throws -> String {
        let input = directory + "/in"
        for feed in 0..<24 { try write(input + "/f\(feed)/feed.json", decisionsFeed(prefix: "s\(feed)", count: 3)) }
        try write(input + "/broken.json", "{\"d\":{\"results\":[")
        return input
    }

    @Test(
        "N shards convert disjoint inputs whose union is the whole batch; merge joins outputs and reports",
        arguments: ["", ".tar.gz", ".zip"]
    )
    func shardsAndMerge(output kind: String) async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let input = try inputs(directory)
        let whole = try await runBatch(BatchOptions(inputs: [input], output: directory + "/whole" + kind, to: "ndjson"))
        var shardOutputs: [String] = []
        var shardReports: [String] = []
        var seen: [String: Int] = [:]
        for index in 1...3 {
            var options = BatchOptions(inputs: [input], output: directory + "/shard-\(index)" + kind, to: "ndjson")
            options.shard = Shard(index: index, count: 3)
            let report = try await runBatch(options)
            #expect(!report.files.isEmpty && report.files.count < whole.files.count)
            for file in report.files { seen[file.input, default: 0] += 1 }
            shardOutputs.append(options.output)
            let path = directory + "/report-\(index).json"
            try write(path, BatchReportFormat.json.render(report, failOn: .error, context: ReportContext()))
            shardReports.append(path)
        }
        #expect(seen.count == whole.files.count)
        #expect(seen.values.allSatisfy { $0 == 1 })

        let merged = try BatchMerge.run(
            MergeOptions(inputs: shardOutputs, output: directory + "/merged" + kind, reports: shardReports)
        )
        #expect(merged.diagnostics.isEmpty)
        let contents = { (path: String) throws -> [String: [UInt8]] in
            kind.isEmpty ? tree(path) : try archiveTree(path)
        }
        #expect(try contents(directory + "/merged" + kind) == contents(directory + "/whole" + kind))
        if !kind.isEmpty {
            // Entries of shard archives are sorted, and the merge keeps them sorted: the same archive bytes.
            #expect(Fixtures.read(directory + "/merged" + kind) == Fixtures.read(directory + "/whole" + kind))
        }
        let report = try #require(merged.report)
        #expect(report.files.map(\.input) == whole.files.map(\.input))
        #expect(report.files.map(\.status) == whole.files.map(\.status))
        #expect(report.failing(at: .error).map(\.input) == [input + "/broken.json"])
    }

    @Test("the same file with different content in two shards is a conflict; tombstones are joined")
    func conflicts() throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        try write(directory + "/a/same.ndjson", "one\n")
        try write(directory + "/a/only-a.ndjson", "a\n")
        try write(directory + "/a/" + BatchOptions.tombstoneFileName, "{\"id\":\"1\"}\n{\"id\":\"3\"}\n")
        try write(directory + "/b/same.ndjson", "two\n")
        try write(directory + "/b/" + BatchOptions.tombstoneFileName, "{\"id\":\"2\"}\n{\"id\":\"3\"}\n")
        try write(directory + "/c/same.ndjson", "one\n")
        let result = try BatchMerge.run(
            MergeOptions(inputs: [directory + "/a", directory + "/b", directory + "/c"], output: directory + "/out")
        )
        #expect(result.diagnostics.map(\.id) == [.batchMergeConflict])
        #expect(result.diagnostics.first?.message.contains(directory + "/b") == true)
        let merged = tree(directory + "/out")
        #expect(merged["same.ndjson"] == Array("one\n".utf8))
        #expect(merged["only-a.ndjson"] == Array("a\n".utf8))
        #expect(
            merged[BatchOptions.tombstoneFileName] == Array("{\"id\":\"1\"}\n{\"id\":\"2\"}\n{\"id\":\"3\"}\n".utf8)
        )
    }

    @Test("merge refuses a report that is not a batch report")
    func badReport() throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        try write(directory + "/a/x.ndjson", "x\n")
        try write(directory + "/r.json", "{\"reports\":[]}")
        #expect(throws: BatchError.self) {
            try BatchMerge.run(
                MergeOptions(inputs: [directory + "/a"], output: directory + "/out", reports: [directory + "/r.json"])
            )
        }
    }
}

@Suite("batch: reports for CI")
struct ReportTests {
    private func sampleReport() -> BatchReport {
        var good = BatchFileReport(input: "in/good.json", status: .converted)
        good.format = "informea-odata-json"
        good.output = "good.ndjson"
        good.records = [.decision: 3]
        good.bytes = 1000
        good.changedRecords = 1
        var warned = BatchFileReport(input: "feeds.zip!/warn.json", container: "feeds.zip", status: .converted)
        warned.records = [.meeting: 2]
        warned.add(
            Diagnostic(
                id: "rule.country-missing",
                severity: .warning,
                message: "Meeting 'm1' has no country, 100% sure",
                location: SourceLocation(source: "feeds.zip!/warn.json", line: 7, column: 3, path: "/d/results/0")
            )
        )
        var bad = BatchFileReport(input: "in/bad, file.json", status: .failed)
        bad.add(
            Diagnostic(
                id: "json.unexpected-end",
                severity: .fatal,
                message: "the input ends inside an object\nat the end",
                location: SourceLocation(source: "in/bad, file.json", line: 1, column: 19)
            )
        )
        var skipped = BatchFileReport(input: "feeds.zip!/link.json", container: "feeds.zip", status: .skipped)
        skipped.add(Diagnostic(id: .batchLinkSkipped, severity: .note, message: "a link"))
        let deleted = [DeletedRecord(source: "in/good.json", entity: "decision", id: "d9", deleted: 86_400_000)]
        return BatchReport(
            files: [good, warned, bad, skipped],
            deleted: deleted,
            output: "out",
            shard: "2/3",
            seconds: 1.5
        )
    }

    @Test("JSON: totals, one object per input, deleted records; it reads back unchanged")
    func json() throws {
        let report = sampleReport()
        let text = BatchReportFormat.json.render(report, failOn: .error, context: ReportContext())
        var parser = JSONPullParser(source: MemoryByteSource(text))
        let value = try parser.readValue()
        #expect(value["summary"]?["files"]?.int64Value == 4)
        #expect(value["summary"]?["failed"]?.int64Value == 1)
        #expect(value["summary"]?["passed"]?.boolValue == false)
        #expect(value["summary"]?["records"]?["decision"]?.int64Value == 3)
        #expect(value["shard"]?.stringValue == "2/3")
        let back = try #require(BatchJSONReport.parse(value))
        #expect(back.files == report.files)
        #expect(back.deleted == report.deleted)
        #expect(back.shard == "2/3")
    }

    @Test("JUnit: one test case per input file, failing per --fail-on")
    func junit() {
        let report = sampleReport()
        let errors = BatchReportFormat.junit.render(report, failOn: .error, context: ReportContext())
        #expect(errors.components("<testcase ") == 4)
        #expect(errors.contains("tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"1\""))
        #expect(errors.contains("<testcase name=\"in/bad, file.json\" classname=\"in\">"))
        #expect(errors.contains("<failure message=\"failed: 0 records, 1 error, 0 warnings\" type=\"failed\">"))
        #expect(errors.contains("<skipped message="))
        #expect(errors.contains("100% sure"))
        let warnings = BatchReportFormat.junit.render(report, failOn: .warning, context: ReportContext())
        #expect(warnings.contains("failures=\"2\""))
        #expect(warnings.contains("classname=\"feeds.zip\">\n      <failure"))
    }

    @Test("SARIF: one result per diagnostic with its location")
    func sarif() {
        let text = BatchReportFormat.sarif.render(sampleReport(), failOn: .error, context: ReportContext())
        #expect(text.components("\"ruleId\":") == 3)
        #expect(text.contains("\"startLine\":7"))
        #expect(text.contains("\"version\":\"2.1.0\""))
    }

    @Test("the format follows the file name unless given")
    func inferred() {
        #expect(BatchReportFormat.inferred(from: "r.xml") == .junit)
        #expect(BatchReportFormat.inferred(from: "r.sarif") == .sarif)
        #expect(BatchReportFormat.inferred(from: "r.json") == .json)
    }

    @Test("GitHub annotations: file, line, column, title; archive entries point at the archive; text is escaped")
    func github() {
        let report = sampleReport()
        let bad = report.files.first { $0.status == .failed }
        let warned = report.files.first { $0.container != nil && $0.status == .converted }
        #expect(
            bad.flatMap { file in file.diagnostics.first.map { GitHubAnnotations.line(for: $0, in: file) } }
                == "::error file=in/bad%2C file.json,line=1,col=19,title=json.unexpected-end::"
                + "the input ends inside an object%0Aat the end"
        )
        #expect(
            warned.flatMap { file in file.diagnostics.first.map { GitHubAnnotations.line(for: $0, in: file) } }
                == "::warning file=feeds.zip,title=rule.country-missing::warn.json:7:3: "
                + "Meeting 'm1' has no country, 100%25 sure (at /d/results/0)"
        )
    }

    @Test("the summary counts files, records, diagnostics per rule and deletions")
    func summary() {
        let text = BatchSummaryText.render(sampleReport(), failOn: .error)
        #expect(text.hasPrefix("meabridge batch (shard 2/3): 4 files (2 converted, 1 failed, 1 skipped) in 1.50 s"))
        #expect(text.contains("records: 5 (Meetings 2, Decisions 3); 1 new or changed"))
        #expect(text.contains("diagnostics: 1 error, 1 warning, 1 note"))
        #expect(text.contains("deleted: 1 record disappeared"))
        #expect(text.contains("result: FAILED: 1 file failed or have errors"))
    }

    @Test("progress: a bar with the share done and rates, or a plain line")
    func progress() {
        var progress = BatchProgress()
        progress.files = 50
        progress.records = 1000
        progress.bytes = 250
        progress.totalBytes = 1000
        progress.seconds = 2
        #expect(BatchProgressText.bar(progress, width: 8) == "[##------]  25%  50 files  25.0 files/s  500 records/s")
        progress.totalBytes = nil
        #expect(BatchProgressText.bar(progress, width: 8) == "50 files  25.0 files/s  500 records/s")
        #expect(
            BatchProgressText.line(progress)
                == "meabridge batch: 50 files, 1000 records after 2.0 s (25.0 files/s, 500 records/s)"
        )
    }
}

extension String {
    /// How many times `needle` occurs.
    fileprivate func components(_ needle: String) -> Int {
        split(separator: needle, omittingEmptySubsequences: false).count - 1
    }
}
