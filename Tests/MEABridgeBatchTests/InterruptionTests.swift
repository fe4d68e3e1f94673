import GRDB
import MEABridgeCore
import MEABridgeTestSupport
import Testing

@testable import MEABridgeBatch

/// Two generations of inputs: the second changes one feed, removes one record and one feed, and adds a feed.
private func writeGeneration(_ generation: Int, into input: String) throws {
    FileSystem.removeTree(input)
    for feed in 0..<7 {
        if generation == 1 && feed == 6 { continue }
        if generation == 2 && feed == 2 { continue }
        var text = decisionsFeed(prefix: "g\(feed)", count: 12) { index in
            generation == 2 && feed == 1 && index == 4 ? "Amended \(index)" : "Decision \(index)"
        }
        if generation == 2 && feed == 3 {
            text = decisionsFeed(prefix: "g\(feed)", count: 11)
        }
        try write(input + "/feeds/feed-\(feed).json", text)
    }
}

private func records(_ path: String) throws -> [String] {
    try DatabaseQueue(path: path).read { db in
        try Row.fetchAll(db, sql: "SELECT * FROM records ORDER BY source, entity, id").map { "\($0)" }
    }
}

private func outputContents(_ path: String) throws -> [String: [UInt8]] {
    ArchiveKind(path: path) == nil ? tree(path) : try archiveTree(path)
}

@Suite("batch: interrupted runs end like uninterrupted ones")
struct InterruptionTests {
    /// Runs generation 1 then 2 without interruption, then the same with generation `interruptedGeneration`
    /// interrupted at `interruption` and rerun; compares outputs and state.
    private func check(
        output: String,
        commitEach: Bool = false,
        interruptedGeneration: Int,
        interruption: Interruption
    ) async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let input = directory + "/in"
        func options(_ name: String) -> BatchOptions {
            var options = BatchOptions(inputs: [input], output: directory + "/" + name + output, to: "ndjson")
            options.statePath = directory + "/" + name + ".sqlite"
            options.deleted = .tombstone
            options.commitEach = commitEach
            options.jobs = 2
            return options
        }
        var reference = options("reference")
        var interrupted = options("interrupted")
        for generation in 1...2 {
            try writeGeneration(generation, into: input)
            reference.now = Int64(generation) * 86_400_000
            interrupted.now = reference.now
            _ = try await runBatch(reference)
            if generation == interruptedGeneration {
                await #expect(throws: BatchError.self) { try await runBatch(interrupted, interruption: interruption) }
                // The rerun is given a later clock: an interrupted run keeps the time it started with.
                interrupted.now = reference.now.map { $0 + 3_600_000 }
            }
            let report = try await runBatch(interrupted)
            #expect(report.files.allSatisfy { $0.status != .failed })
            #expect(try outputContents(interrupted.output) == outputContents(reference.output))
            #expect(try records(interrupted.statePath ?? "") == records(reference.statePath ?? ""))
        }
        #expect(!exists(directory + "/.interrupted" + output + ".meabridge-staging"))
        let final = try outputContents(interrupted.output)
        #expect(final["feeds/feed-2.ndjson"] == nil)
        #expect(final["feeds/feed-6.ndjson"] != nil)
        #expect(lines(final[BatchOptions.tombstoneFileName]).count == 13)
    }

    @Test(
        "directory output, interrupted while converting or committing",
        arguments: [1, 2],
        [Interruption(afterFiles: 3), Interruption(stage: .beforeMoves), Interruption(stage: .beforeApply)]
    )
    func directory(generation: Int, interruption: Interruption) async throws {
        try await check(output: "", interruptedGeneration: generation, interruption: interruption)
    }

    @Test(
        "archive output, interrupted while converting or committing",
        arguments: [Interruption(afterFiles: 3), Interruption(stage: .beforeMoves), Interruption(stage: .beforeApply)]
    )
    func archive(interruption: Interruption) async throws {
        try await check(output: ".tar.gz", interruptedGeneration: 2, interruption: interruption)
    }

    @Test("--commit-each moves outputs into place as they are written; an interrupted run is completed")
    func commitEach() async throws {
        try await check(
            output: "",
            commitEach: true,
            interruptedGeneration: 2,
            interruption: Interruption(afterFiles: 2)
        )
        // Outputs are in place before the run ends.
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        try writeGeneration(1, into: directory + "/in")
        var options = BatchOptions(inputs: [directory + "/in"], output: directory + "/out", to: "ndjson")
        options.commitEach = true
        options.jobs = 1
        await #expect(throws: BatchError.self) {
            try await runBatch(options, interruption: Interruption(afterFiles: 2))
        }
        #expect(tree(directory + "/out").count == 2)
    }

    @Test("without --state an interrupted run leaves the previous output untouched and the next run replaces it")
    func stateless() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        try writeGeneration(1, into: directory + "/in")
        var options = BatchOptions(inputs: [directory + "/in"], output: directory + "/out.zip", to: "ndjson")
        _ = try await runBatch(options)
        let before = try #require(Fixtures.read(directory + "/out.zip"))
        try writeGeneration(2, into: directory + "/in")
        await #expect(throws: BatchError.self) {
            try await runBatch(options, interruption: Interruption(stage: .beforeMoves))
        }
        #expect(Fixtures.read(directory + "/out.zip") == before)
        _ = try await runBatch(options)
        #expect(try archiveTree(directory + "/out.zip").keys.contains("feeds/feed-6.ndjson"))
        options.output = directory + "/out"
        _ = try await runBatch(options)
        #expect(tree(directory + "/out").count == 6)
    }
}

extension Interruption: CustomTestStringConvertible {
    var testDescription: String {
        if let afterFiles { return "after \(afterFiles) files" }
        return "at \(stage.map { "\($0)" } ?? "?")"
    }
}
