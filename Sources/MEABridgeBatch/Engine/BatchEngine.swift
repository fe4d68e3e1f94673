public import MEABridgeCore
import Synchronization

/// Progress of a batch run: inputs done, records written, throughput.
public struct BatchProgress: Sendable, Hashable {
    /// Inputs finished (converted, unchanged, failed or skipped).
    public var files = 0
    /// Inputs that failed.
    public var failed = 0
    /// Records written by the conversions of this run.
    public var records = 0
    /// Input bytes done (compressed bytes for archives).
    public var bytes: Int64 = 0
    /// All input bytes, once known.
    public var totalBytes: Int64?
    /// Seconds since the run started.
    public var seconds: Double = 0
    /// Whether this is the last report.
    public var finished = false

    /// Creates an empty progress report.
    public init() {}

    /// Inputs per second.
    public var filesPerSecond: Double { seconds > 0 ? Double(files) / seconds : 0 }

    /// Records per second.
    public var recordsPerSecond: Double { seconds > 0 ? Double(records) / seconds : 0 }

    /// The share done, from 0 to 1, when the total is known.
    public var fraction: Double? {
        guard let totalBytes, totalBytes > 0 else { return nil }
        return min(1, Double(bytes) / Double(totalBytes))
    }
}

/// What a batch tells its caller while it runs; always delivered on the caller's task, one at a time.
public enum BatchEvent: Sendable {
    /// An input is done.
    case file(BatchFileReport)
    /// Progress, at most ten times a second, and once more at the end.
    case progress(BatchProgress)
    /// Something worth a line (an interrupted run resumed or completed).
    case note(String)
}

/// Where a test stops a run as if the process had been killed (nothing is cleaned up).
struct Interruption: Sendable {
    enum Stage: Sendable, Hashable {
        case beforeMoves
        case beforeApply
    }

    /// Stop after this many inputs were handled and saved.
    var afterFiles: Int?
    /// Stop at this point of the commit.
    var stage: Stage?

    static let error = BatchError(.io, "interrupted (test)", id: "batch.interrupted")
}

/// Runs a batch: lists the inputs, converts those that changed in parallel (a task group with a bounded number of
/// files in flight, each streamed through `Conversion.run`), stages the outputs, and commits them with the state.
///
/// One bad input never stops the others: its problems are in its report. The run throws only when it cannot run at
/// all (usage) or cannot write its output or state (I/O).
public struct BatchEngine: Sendable {
    /// The options.
    public let options: BatchOptions
    /// The formats available.
    public let registry: FormatRegistry
    var interruption: Interruption?

    /// Creates an engine.
    /// - Parameters:
    ///   - options: The options.
    ///   - registry: The formats available.
    public init(options: BatchOptions, registry: FormatRegistry) {
        self.options = options
        self.registry = registry
    }

    /// Runs the batch.
    /// - Parameter observer: Receives events as the run goes.
    /// - Returns: The report of every input.
    /// - Throws: `BatchError` when the options are wrong or the output or state cannot be written.
    public func run(observer: (BatchEvent) -> Void = { _ in }) async throws(BatchError) -> BatchReport {
        do {
            return try await execute(observer: observer)
        } catch let error as BatchError {
            throw error
        } catch let failure as IOFailure {
            throw BatchError(.io, failure.description, id: DiagnosticID("io.\(failure.operation)"))
        } catch {
            throw BatchError(.io, "\(error)", id: "batch.io")
        }
    }

    // MARK: - Preparation

    private func usage(_ message: String, _ id: DiagnosticID = "cli.usage") -> BatchError {
        BatchError(.usage, message, id: id)
    }

    private func configuration(_ target: OutputTarget) -> String {
        [
            "batch/1",
            "to=\(options.to)",
            "from=\(options.from?.rawValue ?? "auto")",
            "entity=\(options.entity?.rawValue ?? "")",
            "source=\(options.writeOptions.includeSource)",
            "root=\(options.writeOptions.serviceRoot ?? "")",
            "profile=\(StableHash.hex(StableHash.xxh64(options.profileIdentity)))",
            "output=\(target.path)",
            "kind=\(target.archive?.rawValue ?? "directory")",
            "shard=\(options.shard?.description ?? "")",
            "deleted=\(options.deleted.rawValue)",
        ].joined(separator: "|")
    }

    private func validate(_ target: OutputTarget) throws -> (
        writer: any RecordWriter.Type, reader: (any RecordReader.Type)?
    ) {
        guard let writer = registry.writer(options.to) else {
            let known = registry.writers.map { $0.format.id.rawValue }.joined(separator: ", ")
            throw usage("no writer for format '\(options.to)'; writers: \(known)", "cli.unknown-format")
        }
        var reader: (any RecordReader.Type)?
        if let from = options.from {
            guard let forced = registry.reader(from) else {
                let known = registry.readers.map { $0.format.id.rawValue }.joined(separator: ", ")
                throw usage("no reader for format '\(from)'; readers: \(known)", "cli.unknown-format")
            }
            reader = forced
        }
        if options.inputs.isEmpty { throw usage("give at least one input file, directory or archive") }
        if options.jobs < 1 { throw usage("--jobs must be at least 1") }
        if target.path.isEmpty { throw usage("give the output with -o DIRECTORY or -o ARCHIVE") }
        if options.commitEach, target.archive != nil {
            throw usage("--commit-each needs a directory output; an archive is written once, at the end")
        }
        if options.deleted == .tombstone, options.statePath == nil {
            throw usage("--deleted tombstone needs --state: without a state there is nothing to compare with")
        }
        if let status = FileSystem.status(target.path) {
            if target.archive == nil, status.kind != .directory {
                throw usage("the output \(target.path) exists and is not a directory")
            }
            if target.archive != nil, status.kind != .regular {
                throw usage("the output \(target.path) exists and is not an archive file")
            }
        }
        return (writer, reader)
    }

    // MARK: - Running

    private func execute(observer: (BatchEvent) -> Void) async throws -> BatchReport {
        let started = FileSystem.monotonicSeconds()
        let target = OutputTarget(path: options.output)
        let (writerType, forcedReader) = try validate(target)
        try FileSystem.makeDirectories(FileSystem.parentDirectory(of: target.path))
        guard let lock = try FileLock(path: target.lockPath) else {
            throw BatchError(.io, "another batch is writing \(target.path)", id: "batch.locked")
        }
        defer { withExtendedLifetime(lock) {} }

        let state = try options.statePath.map { path throws(IOFailure) in try StateStore(path: path) }
        let configuration = configuration(target)
        var resumed: PendingRun?
        if let state, let pending = try state.pendingRun() {
            if pending.phase == .committing {
                observer(.note("completing the commit of an interrupted run into \(pending.output)"))
                try commit(state: state, run: pending)
            } else if pending.configuration == configuration {
                observer(.note("resuming an interrupted run (converted inputs are kept)"))
                resumed = pending
            } else {
                FileSystem.removeTree(pending.staging)
            }
        }
        let clock = try state?.meta("clock").flatMap { Int64($0) }
        let base = options.now ?? FileSystem.currentTimeMilliseconds()
        let now = resumed?.now ?? max(base, (clock ?? base - 1) &+ 1)
        if resumed == nil {
            FileSystem.removeTree(target.staging)
            try state?.beginRun(
                PendingRun(
                    configuration: configuration,
                    now: now,
                    phase: .converting,
                    output: target.path,
                    outputKind: target.archive?.rawValue ?? "directory",
                    tombstones: options.deleted == .tombstone,
                    staging: target.staging
                )
            )
        }
        try FileSystem.makeDirectories(target.staging)

        var snapshot = Snapshot()
        if let state {
            snapshot.ordered = try state.inputs()
            snapshot.containers = try state.containers()
            snapshot.pending = resumed != nil ? try state.pendingInputs() : [:]
            snapshot.trusted = try state.meta("configuration") == configuration
            if target.archive != nil {
                let current = FileSystem.status(target.path)?.fingerprint
                snapshot.outputTrusted = try current != nil && state.meta("output.fingerprint") == current
            }
        }

        let converter = FileConverter(
            registry: registry,
            forcedReader: forcedReader,
            writer: writerType,
            options: options,
            target: target,
            state: state,
            now: now
        )
        let producer = Producer(
            options: options,
            target: target,
            converter: converter,
            snapshot: snapshot,
            outputExtension: writerType.format.fileExtensions.first ?? "out",
            spoolName: Spool.attemptName()
        )
        var collector = Collector(
            options: options,
            target: target,
            state: state,
            now: now,
            started: started,
            interruption: interruption
        )
        try await pipeline(producer: producer, converter: converter, collector: &collector, observer: observer)

        var deleted: [DeletedRecord] = []
        if let state {
            // The state changed only through this run since the snapshot was taken (the output's lock is held), so the
            // inputs that disappeared are the remembered ones not seen, except those of archives not read to the end.
            let seen = collector.seen
            let incomplete = collector.incomplete
            let removed = snapshot.ordered.filter { memory in
                !seen.contains(memory.path) && !(memory.container.map { incomplete.contains($0) } ?? false)
            }
            try state.beginCommit(seen: seen, removed: removed.map(\.path))
            guard let run = try state.pendingRun() else {
                throw BatchError(.io, "the state lost the run being committed", id: "batch.state")
            }
            try commit(state: state, run: run)
            deleted = try state.deleted(at: now)
        } else {
            let files = collector.stagedOutputs.filter { $0.staged == .file }.map(\.output)
            let plan = CommitPlan(
                moves: options.commitEach ? [] : files,
                staged: Dictionary(collector.stagedOutputs, uniquingKeysWith: { first, _ in first }),
                removals: [],
                manifest: collector.stagedOutputs.map(\.output),
                tombstones: nil
            )
            if interruption?.stage == .beforeMoves { throw Interruption.error }
            _ = try Committer.execute(plan, target: target, limits: options.limits)
            FileSystem.removeTree(target.staging)
        }
        observer(.progress(collector.progress(finished: true)))
        return BatchReport(
            files: collector.reports,
            deleted: deleted,
            output: target.path,
            shard: options.shard?.description,
            seconds: FileSystem.monotonicSeconds() - started
        )
    }

    private func pipeline(
        producer: Producer,
        converter: FileConverter,
        collector: inout Collector,
        observer: (BatchEvent) -> Void
    ) async throws {
        let jobs = options.jobs
        let items = AsyncChannel<WorkItem>(capacity: jobs)
        let results = AsyncChannel<PipelineMessage>(capacity: 4 * jobs + 16)
        let active = Countdown(jobs + 1)
        @Sendable func done() {
            if active.decrement() == 0 { results.finish() }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                await producer.run(items: items, results: results)
                items.finish()
                done()
            }
            for worker in 0..<jobs {
                group.addTask {
                    let spool =
                        producer.target.archive == nil
                        ? nil : try? Spool(target: producer.target, name: producer.spoolName + "-w\(worker).bin")
                    while let item = await items.receive() {
                        let outcome = converter.convert(item, spool: spool)
                        if await !results.send(.outcome(outcome)) { break }
                    }
                    done()
                }
            }
            do {
                while let message = await results.receive() {
                    try collector.handle(message, observer: observer)
                }
                try collector.finish()
            } catch {
                items.close()
                results.close()
                throw error
            }
            try await group.waitForAll()
        }
    }

    /// Commits the pending run recorded in the state (this run's, or an interrupted one's).
    ///
    /// Moves or archives the outputs, then applies the state in one transaction. Repeating it after an interruption completes it.
    private func commit(state: StateStore, run: PendingRun) throws {
        let target = OutputTarget(path: run.output)
        let (removed, converted) = try state.commitFiles()
        // Nothing converted and nothing removed: the records, hence the tombstones, are unchanged too, and the output
        // in place is already the right one (an archive is not rebuilt for nothing).
        let unchanged =
            try converted.isEmpty && removed.isEmpty && FileSystem.exists(target.path)
            && !state.recordsTouched(at: run.now)
        let (outputs, tombstones) = unchanged ? ([], []) : try state.preview(now: run.now)
        let plan = CommitPlan(
            moves: converted.filter { $0.staged == .file }.map(\.output),
            staged: Dictionary(converted, uniquingKeysWith: { first, _ in first }),
            removals: removed,
            manifest: outputs,
            tombstones: run.tombstones ? tombstones : []
        )
        if interruption?.stage == .beforeMoves { throw Interruption.error }
        let fingerprint =
            unchanged
            ? try state.meta("output.fingerprint").flatMap { $0.isEmpty ? nil : $0 }
            : try Committer.execute(plan, target: target, limits: options.limits)
        if interruption?.stage == .beforeApply { throw Interruption.error }
        try state.apply(
            now: run.now,
            removeInputs: true,
            finish: true,
            meta: [
                "configuration": run.configuration,
                "clock": String(run.now),
                "output.fingerprint": fingerprint ?? "",
            ]
        )
        FileSystem.removeTree(target.staging)
    }
}

/// Counts the producer and the workers still running; the last one to stop finishes the results channel.
///
/// A class because the tasks share it.
private final class Countdown: Sendable {
    private let count: Mutex<Int>

    init(_ count: Int) { self.count = Mutex(count) }

    func decrement() -> Int {
        count.withLock { count in
            count -= 1
            return count
        }
    }
}

/// The collecting end of the pipeline, on the caller's task: keeps the reports, tells the observer, and saves what
/// the state must learn in batches (moving outputs into place first with `--commit-each`).
private struct Collector {
    let options: BatchOptions
    let target: OutputTarget
    let state: StateStore?
    let now: Int64
    let started: Double
    let interruption: Interruption?

    var reports: [BatchFileReport] = []
    var seen: Set<String> = []
    var incomplete: Set<String> = []
    var stagedOutputs: [(output: String, staged: StagedOutput)] = []
    private var pendingInputs: [PendingInput] = []
    private var pendingRecords = 0
    private var containers: [(path: String, fingerprint: String)] = []
    private var moves: [String] = []
    private var lastFlush: Double
    private var lastProgress: Double = 0
    private var tally = BatchProgress()
    private var handled = 0

    init(
        options: BatchOptions,
        target: OutputTarget,
        state: StateStore?,
        now: Int64,
        started: Double,
        interruption: Interruption?
    ) {
        self.options = options
        self.target = target
        self.state = state
        self.now = now
        self.started = started
        self.interruption = interruption
        lastFlush = started
    }

    func progress(finished: Bool) -> BatchProgress {
        var progress = tally
        progress.seconds = FileSystem.monotonicSeconds() - started
        progress.finished = finished
        return progress
    }

    mutating func handle(_ message: PipelineMessage, observer: (BatchEvent) -> Void) throws {
        switch message {
        case .totalBytes(let total):
            tally.totalBytes = total
        case .containerComplete(let path, let fingerprint):
            containers.append((path, fingerprint))
        case .containerIncomplete(let path):
            incomplete.insert(path)
        case .outcomes(let outcomes):
            for outcome in outcomes { try handle(.outcome(outcome), observer: observer) }
        case .outcome(let outcome):
            let report = outcome.report
            seen.insert(report.input)
            reports.append(report)
            if let staged = outcome.staged, let output = report.output {
                stagedOutputs.append((output, staged))
                if options.commitEach, staged == .file { moves.append(output) }
            }
            if state != nil, let staged = outcome.staged, !outcome.alreadyPending, let fingerprint = outcome.fingerprint
            {
                let memory = InputMemory(report: report, fingerprint: fingerprint, staged: staged)
                pendingInputs.append(PendingInput(memory: memory, stamps: outcome.stamps ?? []))
                pendingRecords += outcome.stamps?.count ?? 0
            }
            tally.files += 1
            tally.bytes += outcome.progressBytes
            if report.status == .failed { tally.failed += 1 }
            if report.status == .converted { tally.records += report.recordCount }
            observer(.file(report))
            handled += 1
            let clock = FileSystem.monotonicSeconds()
            if clock - lastProgress >= 0.1 {
                lastProgress = clock
                observer(.progress(progress(finished: false)))
            }
            if pendingInputs.count >= 512 || pendingRecords >= 50_000 || moves.count >= 512
                || (clock - lastFlush >= 1 && (!pendingInputs.isEmpty || !moves.isEmpty))
            {
                try flush()
            }
            if let limit = interruption?.afterFiles, handled >= limit {
                try flush()
                throw Interruption.error
            }
        }
    }

    /// Saves what was collected: moves outputs into place with `--commit-each`, then records the inputs in the
    /// state (applying them at once with `--commit-each`).
    private mutating func flush() throws {
        lastFlush = FileSystem.monotonicSeconds()
        for relative in moves {
            let destination = target.final(relative)
            try FileSystem.makeDirectories(FileSystem.parentDirectory(of: destination))
            try FileSystem.rename(target.staged(relative), to: destination)
        }
        if !moves.isEmpty { FileSystem.syncFileSystem(of: target.path) }
        moves.removeAll()
        guard let state, !pendingInputs.isEmpty else { return }
        try state.addPending(pendingInputs, containers: [])
        if options.commitEach { try state.apply(now: now, removeInputs: false, finish: false, meta: [:]) }
        pendingInputs.removeAll()
        pendingRecords = 0
    }

    /// The last save, once every input is handled: archives read to their end are remembered only now, so a
    /// run interrupted earlier never trusts an archive whose entries were not all saved.
    mutating func finish() throws {
        try flush()
        try state?.addPending([], containers: containers)
    }
}
