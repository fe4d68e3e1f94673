import GRDB
import MEABridgeCore
import MEABridgeTestSupport
import Testing

@testable import MEABridgeBatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `meabridge` executable that `swift build --build-tests` put beside the test bundle.
private func meabridgeExecutable() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    var candidates: [String] = []
    if length > 0 {
        let exe = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        candidates.append(FileSystem.parentDirectory(of: exe) + "/meabridge")
    }
    if let first = CommandLine.arguments.first {
        candidates.append(FileSystem.parentDirectory(of: first) + "/meabridge")
    }
    return candidates.first { access($0, X_OK) == 0 }
}

/// A child process running `meabridge` with its output and error going to files.
private struct Child {
    let pid: pid_t

    init(_ executable: String, _ arguments: [String], log: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, log + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        try #require(status == 0, "posix_spawn failed: \(status)")
        self.pid = pid
    }

    /// Whether the child is still running (reaping it if it ended).
    func running() -> Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == 0
    }

    func kill() {
        #if canImport(Glibc)
            _ = Glibc.kill(pid, SIGKILL)
        #else
            _ = Darwin.kill(pid, SIGKILL)
        #endif
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    /// Waits for the end and returns the exit status (or 128 + signal).
    func wait() -> Int32 {
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        if status & 0x7F == 0 { return (status >> 8) & 0xFF }
        return 128 + (status & 0x7F)
    }
}

private func pendingInputs(_ state: String) -> Int {
    guard exists(state) else { return 0 }
    var configuration = Configuration()
    configuration.readonly = true
    guard let queue = try? DatabaseQueue(path: state, configuration: configuration) else { return 0 }
    return (try? queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pending_inputs") ?? 0 }) ?? 0
}

private func stateRecords(_ state: String) throws -> [String] {
    try DatabaseQueue(path: state).read { db in
        try Row.fetchAll(db, sql: "SELECT * FROM records ORDER BY source, entity, id").map { "\($0)" }
    }
}

@Suite("batch: killed with SIGKILL and rerun")
struct KillTests {
    @Test(
        "a batch killed with SIGKILL and rerun with the same --state ends with the same output as an uninterrupted run"
    )
    func sigkill() async throws {
        let executable = try #require(meabridgeExecutable(), "build the package first: swift build --build-tests")
        let directory = temporaryDirectory()
        defer { FileSystem.removeTree(directory) }
        // The help of the subcommand answers only once `BatchCommand` is registered in Commands.swift.
        let help = try Child(executable, ["batch", "--help"], log: directory + "/help")
        let helped = help.wait()
        try #require(
            helped == 0 && readText(directory + "/help.out")?.contains("meabridge batch") == true,
            "`meabridge batch` is not a subcommand yet: add BatchCommand.self, MergeCommand.self to Commands.swift"
        )
        let input = directory + "/in"
        for feed in 0..<300 {
            try write(input + "/group-\(feed % 7)/feed-\(feed).json", decisionsFeed(prefix: "k\(feed)", count: 40))
        }
        func arguments(_ name: String) -> [String] {
            [
                "batch", input, "--to", "ndjson", "-o", directory + "/" + name, "--state",
                directory + "/\(name).sqlite",
                "--now", "2024-05-01T12:00:00Z", "--jobs", "2", "--progress", "off", "-q",
            ]
        }
        let reference = try Child(executable, arguments("reference"), log: directory + "/reference")
        #expect(reference.wait() == 0)

        let killed = try Child(executable, arguments("killed"), log: directory + "/killed")
        // Kill it once it has saved converted inputs in the state (a save happens every second), or, on a machine fast
        // enough to finish before that, once a tenth of the outputs are staged.
        let staging = directory + "/.killed.meabridge-staging"
        var waited = 0
        while killed.running(), pendingInputs(directory + "/killed.sqlite") == 0, waited < 60_000 {
            if waited >= 200, tree(staging).count >= 30 { break }
            usleep(5_000)
            waited += 5
        }
        try #require(killed.running(), "the batch ended before it could be killed; give it more work")
        killed.kill()
        let saved = pendingInputs(directory + "/killed.sqlite")
        #expect(saved < 300, "killed with \(saved) inputs saved")
        #expect(exists(staging), "killed before it staged anything")
        #expect(!exists(directory + "/killed"), "nothing is moved into place before the end")

        let rerun = try Child(executable, arguments("killed"), log: directory + "/rerun")
        #expect(rerun.wait() == 0, "\(readText(directory + "/rerun.err") ?? "")")
        #expect(readText(directory + "/rerun.err")?.contains("resuming an interrupted run") == true)
        let expected = tree(directory + "/reference")
        #expect(expected.count == 300)
        #expect(tree(directory + "/killed") == expected)
        #expect(try stateRecords(directory + "/killed.sqlite") == stateRecords(directory + "/reference.sqlite"))
        #expect(try stateRecords(directory + "/killed.sqlite").count == 300 * 40)
        #expect(expected.values.allSatisfy { lines($0).count == 40 })
        #expect(!exists(directory + "/.killed.meabridge-staging"))
    }
}
