import GRDB
import MEABridgeCore
import MEABridgeTestSupport
import Testing

@testable import MEABridgeBatch

/// Milliseconds for an ISO 8601 date.
private func ms(_ text: String) -> Int64 { DateValue(parsing: text)?.epochMilliseconds ?? 0 }

/// The state's records: `source|entity|id` → (hash, changed, deleted).
private func stateRecords(_ path: String) throws -> [String: String] {
    let queue = try DatabaseQueue(path: path)
    return try queue.read { db in
        var table: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM records") {
            let source: String = row["source"]
            let entity: String = row["entity"]
            let id: String = row["id"]
            let hash: String = row["hash"]
            let changed: Int64 = row["changed"]
            let deleted: Int64? = row["deleted"]
            table["\(source)|\(entity)|\(id)"] = "\(hash) \(changed) \(deleted.map(String.init) ?? "-")"
        }
        return table
    }
}

@Suite("batch: incremental state")
struct StateTests {
    private func feeds(
        _ input: String,
        titles: [String: String] = [:],
        skip: Set<String> = [],
        only: Set<Int> = [0, 1, 2, 3]
    ) throws {
        for feed in 0..<4 where only.contains(feed) {
            let ids = (0..<5).map { "f\(feed)-\($0)" }.filter { !skip.contains($0) }
            let records = ids.map { id in
                """
                {"__metadata":{"type":"informea.Decision"},"id":"\(id)","treaty":"cms","updated":"/Date(\(feed)000)/",\
                "title":{"results":[{"language":"en","value":"\(titles[id] ?? "Decision " + id)"}]}}
                """
            }
            try write(
                input + "/feed-\(feed).json",
                "{\"d\":{\"results\":[\n" + records.joined(separator: ",\n") + "\n]}}\n"
            )
        }
    }

    @Test("a rerun converts only changed inputs and gives changed records a later, monotonic `updated`")
    func incremental() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let input = directory + "/in"
        try feeds(input)
        var options = BatchOptions(inputs: [input], output: directory + "/out", to: "ndjson")
        options.statePath = directory + "/state.sqlite"
        options.now = ms("2024-01-01T00:00:00Z")
        let first = try await runBatch(options)
        #expect(first.files.map(\.status) == Array(repeating: .converted, count: 4))
        #expect(first.changedRecords == 20)
        let before = tree(directory + "/out")
        #expect(updatedValue(line(withID: "f1-2", in: before["feed-1.ndjson"]) ?? "") == "2024-01-01T00:00:00Z")
        let outputStatus = FileSystem.status(directory + "/out/feed-0.ndjson")

        // Unchanged: nothing is converted, the outputs are not touched, the report is replayed.
        options.now = ms("2024-02-01T00:00:00Z")
        let second = try await runBatch(options)
        #expect(second.files.map(\.status) == Array(repeating: .unchanged, count: 4))
        #expect(second.records == first.records)
        #expect(tree(directory + "/out") == before)
        #expect(FileSystem.status(directory + "/out/feed-0.ndjson") == outputStatus)

        // One title changes; the provider's `updated` changes in another file without any content change.
        try feeds(input, titles: ["f1-2": "Amended decision"], only: [1])
        try write(
            input + "/feed-3.json",
            readText(input + "/feed-3.json")?.replacing("/Date(3000)/", with: "/Date(9000)/") ?? ""
        )
        // A clock that went backwards still gives a later time than the last run's.
        options.now = ms("2023-06-01T00:00:00Z")
        let third = try await runBatch(options)
        let statuses = Dictionary(
            uniqueKeysWithValues: third.files.map { (FileSystem.baseName(of: $0.input), $0.status) }
        )
        #expect(statuses["feed-0.json"] == .unchanged)
        #expect(statuses["feed-1.json"] == .converted)
        #expect(statuses["feed-3.json"] == .converted)
        #expect(third.changedRecords == 1)
        let after = tree(directory + "/out")
        let changed = try #require(updatedValue(line(withID: "f1-2", in: after["feed-1.ndjson"]) ?? ""))
        #expect(changed == "2024-02-01T00:00:00.001Z", "the run after 2024-02-01 gets that time plus 1 ms")
        #expect(updatedValue(line(withID: "f1-3", in: after["feed-1.ndjson"]) ?? "") == "2024-01-01T00:00:00Z")
        #expect(updatedValue(line(withID: "f3-0", in: after["feed-3.ndjson"]) ?? "") == "2024-01-01T00:00:00Z")
        #expect(after["feed-3.ndjson"] == before["feed-3.ndjson"], "only the provider's updated changed")
    }

    @Test("records and inputs that disappear are reported, tombstoned, and revived when they come back")
    func deletions() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let input = directory + "/in"
        try feeds(input)
        var options = BatchOptions(inputs: [input], output: directory + "/out", to: "ndjson")
        options.statePath = directory + "/state.sqlite"
        options.deleted = .tombstone
        options.now = ms("2024-01-01T00:00:00Z")
        _ = try await runBatch(options)
        #expect(!exists(directory + "/out/" + BatchOptions.tombstoneFileName))

        try feeds(input, skip: ["f0-1", "f0-3"], only: [0])
        try FileSystem.removeFile(input + "/feed-2.json")
        options.now = ms("2024-02-01T00:00:00Z")
        let report = try await runBatch(options)
        let deleted = report.deleted.map { "\(FileSystem.baseName(of: $0.source)) \($0.id)" }
        #expect(
            deleted == [
                "feed-0.json f0-1", "feed-0.json f0-3", "feed-2.json f2-0", "feed-2.json f2-1", "feed-2.json f2-2",
                "feed-2.json f2-3", "feed-2.json f2-4",
            ]
        )
        #expect(report.deleted.allSatisfy { $0.deleted == ms("2024-02-01T00:00:00Z") })
        #expect(!exists(directory + "/out/feed-2.ndjson"), "the output of a removed input is removed")
        let tombstones = lines(Fixtures.read(directory + "/out/" + BatchOptions.tombstoneFileName))
        #expect(tombstones.count == 7)
        #expect(tombstones.first?.contains("\"id\":\"f0-1\"") == true)
        #expect(tombstones.allSatisfy { $0.contains("\"deleted\":true,\"updated\":\"2024-02-01T00:00:00Z\"") })

        // f0-1 comes back (changed or not, it is new again); the file disappears once no tombstone is left.
        try feeds(input, skip: ["f0-3"], only: [0])
        options.now = ms("2024-03-01T00:00:00Z")
        let revived = try await runBatch(options)
        #expect(revived.deleted.isEmpty)
        let again = lines(Fixtures.read(directory + "/out/" + BatchOptions.tombstoneFileName))
        #expect(again.count == 6)
        #expect(!again.contains { $0.contains("\"id\":\"f0-1\"") })
        #expect(
            updatedValue(line(withID: "f0-1", in: Fixtures.read(directory + "/out/feed-0.ndjson")) ?? "")
                == "2024-03-01T00:00:00Z"
        )
        let records = try stateRecords(directory + "/state.sqlite")
        #expect(records.count == 20)
        #expect(records.values.filter { !$0.hasSuffix(" -") }.count == 6)
    }

    @Test("with --commit-each, a record that disappears from a file still reaches the tombstone file")
    func commitEachTombstones() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let input = directory + "/in"
        try feeds(input)
        var options = BatchOptions(inputs: [input], output: directory + "/out", to: "ndjson")
        options.statePath = directory + "/state.sqlite"
        options.deleted = .tombstone
        options.commitEach = true
        _ = try await runBatch(options)
        try feeds(input, skip: ["f1-1"], only: [1])
        let report = try await runBatch(options)
        #expect(report.deleted.map(\.id) == ["f1-1"])
        let tombstones = lines(Fixtures.read(directory + "/out/" + BatchOptions.tombstoneFileName))
        #expect(tombstones.count == 1)
        #expect(tombstones.first?.contains("\"id\":\"f1-1\"") == true)
        #expect(lines(Fixtures.read(directory + "/out/feed-1.ndjson")).count == 4)
    }

    @Test("an archive that did not change is not even opened; one changed entry is the only one converted")
    func archiveInput() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let entries = (0..<6).map { ("feeds/feed-\($0).json", Array(decisionsFeed(prefix: "a\($0)", count: 3).utf8)) }
        let archive = directory + "/in.tar.gz"
        try makeArchive(archive, entries)
        var options = BatchOptions(inputs: [archive], output: directory + "/out.zip", to: "ndjson")
        options.statePath = directory + "/state.sqlite"
        options.now = ms("2024-01-01T00:00:00Z")
        _ = try await runBatch(options)
        let first = try #require(Fixtures.read(directory + "/out.zip"))
        let unchanged = try await runBatch(options)
        #expect(unchanged.files.allSatisfy { $0.status == .unchanged })
        #expect(unchanged.files.count == 6)
        #expect(Fixtures.read(directory + "/out.zip") == first)

        var changed = entries
        changed[2].1 = Array(decisionsFeed(prefix: "a2", count: 3, title: { "Changed \($0)" }).utf8)
        try makeArchive(archive, changed)
        let rerun = try await runBatch(options)
        #expect(rerun.files.filter { $0.status == .converted }.map(\.input) == [archive + "!/feeds/feed-2.json"])
        // The archive output keeps the unchanged entries byte for byte and replaces the changed one: the same as a
        // full conversion at that time would give (apart from `updated`, which only the state can know).
        let incremental = try archiveTree(directory + "/out.zip")
        var fresh = options
        fresh.statePath = nil
        fresh.output = directory + "/fresh.zip"
        _ = try await runBatch(fresh)
        let full = try archiveTree(directory + "/fresh.zip")
        #expect(incremental.keys.sorted() == full.keys.sorted())
        let original = try archiveTree(archiveFromBytes(first, directory))
        for (name, bytes) in incremental where name != "feeds/feed-2.ndjson" { #expect(bytes == original[name]) }
        #expect(lines(incremental["feeds/feed-2.ndjson"]).allSatisfy { $0.contains("Changed") })
    }

    @Test("changing the output format converts everything again without changing `updated`")
    func configurationChange() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        let input = directory + "/in"
        try feeds(input)
        var options = BatchOptions(inputs: [input], output: directory + "/out", to: "ndjson")
        options.statePath = directory + "/state.sqlite"
        options.now = ms("2024-01-01T00:00:00Z")
        _ = try await runBatch(options)
        options.to = "informea-api-json"
        options.output = directory + "/api"
        options.now = ms("2024-05-01T00:00:00Z")
        let report = try await runBatch(options)
        #expect(report.files.allSatisfy { $0.status == .converted })
        #expect(report.changedRecords == 0)
        let state = try stateRecords(directory + "/state.sqlite")
        #expect(state.values.allSatisfy { $0.contains(" \(ms("2024-01-01T00:00:00Z")) ") })
    }

    @Test("a file that is not a state database is an I/O error")
    func badStateFile() async throws {
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        try feeds(directory + "/in")
        try write(directory + "/state.sqlite", "this is not SQLite, it is a long enough text to be refused by SQLite")
        var options = BatchOptions(inputs: [directory + "/in"], output: directory + "/out", to: "ndjson")
        options.statePath = directory + "/state.sqlite"
        do {
            _ = try await runBatch(options)
            Issue.record("a bad state file must be refused")
        } catch {
            #expect(error.kind == .io)
        }
    }
}

/// Writes archive bytes to a file (to read an earlier version of an output archive).
func archiveFromBytes(_ bytes: [UInt8], _ directory: String) throws -> String {
    let path = directory + "/earlier-\(bytes.count).zip"
    try write(path, bytes: bytes)
    return path
}
