import ArgumentParser
import MEABridgeBatch
public import MEABridgeCore
public import MEABridgeFormats
import MEABridgeValidation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `meabridge batch`.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert many files, directories and archives at once, in parallel, incrementally.",
        discussion: """
            Each INPUT is a file, a directory (walked recursively; --include/--exclude choose files) or an archive \
            (.zip, .tar, .tar.gz, .tgz; read as a stream, never unpacked to disk). The output is a directory, or an \
            archive of the same kinds when -o ends in one of those extensions; each input becomes one output file \
            named after its path with the writer's extension. Formats are detected per file (--from forces one).

            Outputs are written to a staging folder beside the output and moved into place when the batch ends \
            (or each as soon as it is written, with --commit-each). With --state FILE (SQLite), a rerun converts \
            only changed inputs, gives each record a monotonic `updated` (the time its content last changed), \
            reports records that disappeared (--deleted report|tombstone), and a run that was killed is resumed.

            --shard K/N converts a stable 1/N of the inputs, so N CI jobs can share the work; `meabridge merge` \
            joins their outputs and reports.

            \(ExitStatus.help)
            """
    )

    @Argument(help: "Files, directories and archives to convert.")
    var inputs: [String]

    @Option(help: "The output format (see `meabridge formats`).")
    var to: String

    @Option(name: [.short, .customLong("output")], help: "The output directory, or a .zip/.tar/.tar.gz/.tgz archive.")
    var output: String

    @Option(help: "The input format for every file, or 'auto' to detect it per file.")
    var from = "auto"

    @Option(help: "The entity of records that do not name theirs; only that entity is written.")
    var entity: String?

    @Option(help: "Take only files matching this glob (repeatable): `*.json`, `feeds/**/*.xml`.")
    var include: [String] = []

    @Option(help: "Leave out files and folders matching this glob (repeatable).")
    var exclude: [String] = []

    @Option(help: "How many files convert at the same time (default: the number of cores).")
    var jobs: Int?

    @Option(help: "The exit status is 1 when any file failed or has diagnostics at this level: error or warning.")
    var failOn = "error"

    @Option(
        help: "Write a report: json, junit (one test case per input file) or sarif, by extension or --report-format."
    )
    var report: String?

    @Option(help: "The report's format: json, junit or sarif.")
    var reportFormat: String?

    @Flag(help: "Print GitHub Actions annotations (::error file=…,line=…::) on standard output.")
    var github = false

    @Option(help: "The SQLite state file that makes reruns incremental and resumable.")
    var state: String?

    @Option(help: "Records that disappeared since the previous run: report, or tombstone (also a file in the output).")
    var deleted = "report"

    @Flag(help: "Move each output into place as soon as it is written (directory outputs).")
    var commitEach = false

    @Option(help: "Convert only shard K of N (K/N, from 1): a stable share of the inputs by a hash of their paths.")
    var shard: String?

    @Option(help: "The run's time (ISO 8601) instead of the clock's, for reproducible runs.")
    var now: String?

    @Option(help: "The largest uncompressed archive entry (bytes; K, M, G suffixes), default 8G.")
    var maxEntrySize: String?

    @Option(help: "The largest uncompressed archive (bytes; K, M, G suffixes), default 64G.")
    var maxArchiveSize: String?

    @Option(help: "The highest ratio of uncompressed to compressed bytes in an archive, default 200.")
    var maxRatio: Double?

    @Option(help: "The most diagnostics printed.")
    var maxDiagnostics = 1000

    @Option(help: "A rules profile (JSON) that turns diagnostics off or changes their severity.")
    var rules: String?

    @Option(help: "The OData service root used in __metadata.uri (informea-odata-json).")
    var serviceRoot: String?

    @Flag(help: "Leave each record's source location out of canonical output.")
    var noSource = false

    @Option(help: "Progress: auto (a live bar on a terminal, plain lines otherwise), bar, plain or off.")
    var progress = "auto"

    @Flag(name: .shortAndLong, help: "Do not print the closing summary.")
    var quiet = false

    func run() throws {
        var job = BatchJob(inputs: inputs, to: to, output: output)
        job.from = from
        job.entity = entity
        job.include = include
        job.exclude = exclude
        job.jobs = jobs
        job.failOn = failOn
        job.report = report
        job.reportFormat = reportFormat
        job.github = github
        job.state = state
        job.deleted = deleted
        job.commitEach = commitEach
        job.shard = shard
        job.now = now
        job.maxEntrySize = maxEntrySize
        job.maxArchiveSize = maxArchiveSize
        job.maxRatio = maxRatio
        job.maxDiagnostics = maxDiagnostics
        job.rulesProfile = rules
        job.serviceRoot = serviceRoot
        job.includeSource = !noSource
        job.progress = progress
        job.quiet = quiet
        let status = job.runBlocking(console: .standard)
        if status != .ok { throw CommandExit(status) }
    }
}

/// `meabridge batch`: converts many inputs into a directory or archive, in parallel.
///
/// With reports for CI and optional incremental state. Testable without spawning a process: `await job.run(registry:console:)`.
public struct BatchJob: Sendable {
    /// Files, directories and archives.
    public var inputs: [String]
    /// The writer's format name.
    public var to: String
    /// The output directory or archive.
    public var output: String
    /// The reader's format name, or `auto`.
    public var from = "auto"
    /// The entity to assume and write.
    public var entity: String?
    /// Include globs.
    public var include: [String] = []
    /// Exclude globs.
    public var exclude: [String] = []
    /// Files converting at the same time (`nil`: the number of cores).
    public var jobs: Int?
    /// `error` or `warning`.
    public var failOn = "error"
    /// The report file.
    public var report: String?
    /// The report's format (`json`, `junit`, `sarif`); by extension when `nil`.
    public var reportFormat: String?
    /// Whether to print GitHub Actions annotations.
    public var github = false
    /// The state file.
    public var state: String?
    /// `report` or `tombstone`.
    public var deleted = "report"
    /// Whether to commit each output as soon as it is written.
    public var commitEach = false
    /// `K/N`.
    public var shard: String?
    /// The run's time, ISO 8601.
    public var now: String?
    /// The largest entry, with an optional K/M/G suffix.
    public var maxEntrySize: String?
    /// The largest archive, with an optional K/M/G suffix.
    public var maxArchiveSize: String?
    /// The highest compression ratio.
    public var maxRatio: Double?
    /// The most diagnostics printed.
    public var maxDiagnostics = 1000
    /// A rules profile file.
    public var rulesProfile: String?
    /// The OData service root.
    public var serviceRoot: String?
    /// Whether canonical output carries source locations.
    public var includeSource = true
    /// `auto`, `bar`, `plain` or `off`.
    public var progress = "auto"
    /// Seconds between plain progress lines.
    public var progressInterval = 5.0
    /// Whether to leave out the closing summary.
    public var quiet = false

    /// Creates a job.
    /// - Parameters:
    ///   - inputs: Files, directories and archives.
    ///   - to: The writer's format name.
    ///   - output: The output directory or archive.
    public init(inputs: [String], to: String, output: String) {
        self.inputs = inputs
        self.to = to
        self.output = output
    }

    /// Runs the batch.
    /// - Parameters:
    ///   - registry: The formats available.
    ///   - console: Where text goes.
    /// - Returns: The exit status: 0, 1 when a file failed or has diagnostics at `--fail-on`, 2 usage, 3 I/O.
    public func run(registry: FormatRegistry = .builtIn, console: Console) async -> ExitStatus {
        let options: BatchOptions
        let failLevel: Severity
        let format: BatchReportFormat?
        do throws(CommandExit) {
            (options, failLevel, format) = try prepare(registry: registry, console: console)
        } catch {
            return error.status
        }
        var display = ProgressDisplay(mode: progress, console: console, interval: progressInterval)
        var printed = 0
        let limit = maxDiagnostics
        let report: BatchReport
        do {
            report = try await BatchEngine(options: options, registry: registry).run { event in
                switch event {
                case .note(let text):
                    display.clear()
                    console.err("meabridge: \(text)\n")
                case .progress(let progress):
                    display.show(progress)
                case .file(let file):
                    for diagnostic in file.diagnostics where printed < limit {
                        printed += 1
                        display.clear()
                        console.err(diagnostic.formatted + "\n")
                        if github { console.out(GitHubAnnotations.line(for: diagnostic, in: file) + "\n") }
                    }
                }
            }
        } catch {
            display.clear()
            console.err("meabridge: error: \(error)\n")
            return error.kind == .usage ? .usage : .io
        }
        display.clear()
        if let path = self.report, let format {
            let context = ReportContext(descriptions: registry.addingBatchDiagnostics.descriptions)
            let text = format.render(report, failOn: failLevel, context: context)
            do throws(IOFailure) {
                try writeText(text, to: path)
            } catch {
                console.err("meabridge: error: \(error) [io.\(error.operation)]\n")
                return .io
            }
        }
        if !quiet {
            console.err(
                BatchSummaryText.render(report, failOn: failLevel, deletedMode: options.deleted)
            )
        }
        return report.failing(at: failLevel).isEmpty ? .ok : .diagnostics
    }

    /// Runs the batch from synchronous code (the command), blocking the calling thread until it ends.
    /// - Parameters:
    ///   - registry: The formats available.
    ///   - console: Where text goes.
    /// - Returns: The exit status.
    public func runBlocking(registry: FormatRegistry = .builtIn, console: Console) -> ExitStatus {
        let box = BlockingBox<ExitStatus>()
        Task { box.put(await run(registry: registry, console: console)) }
        return box.take()
    }

    private func prepare(
        registry: FormatRegistry,
        console: Console
    ) throws(CommandExit) -> (BatchOptions, Severity, BatchReportFormat?) {
        func fail(_ message: String, _ id: String = "cli.usage") -> CommandExit {
            console.err("meabridge: error: \(message) [\(id)]\n")
            return CommandExit(.usage)
        }
        var options = BatchOptions(inputs: inputs, output: output, to: FormatID(to))
        options.from = from == "auto" ? nil : FormatID(from)
        options.entity = try parseEntity(entity, console: console)
        options.filter = FileFilter(include: include.map(Glob.init), exclude: exclude.map(Glob.init))
        if let jobs { options.jobs = jobs }
        options.statePath = state
        guard let deletedMode = BatchOptions.DeletedMode(rawValue: deleted) else {
            throw fail("--deleted must be report or tombstone, not '\(deleted)'")
        }
        options.deleted = deletedMode
        options.commitEach = commitEach
        if let shard {
            guard let parsed = Shard(parsing: shard) else {
                throw fail("--shard must be K/N with 1 ≤ K ≤ N, not '\(shard)'")
            }
            options.shard = parsed
        }
        if let now {
            guard let date = DateValue(parsing: now) else { throw fail("--now must be an ISO 8601 time, not '\(now)'") }
            options.now = date.epochMilliseconds
        }
        if let maxEntrySize {
            guard let bytes = parseSize(maxEntrySize) else {
                throw fail("--max-entry-size: not a size: \(maxEntrySize)")
            }
            options.limits.maxEntrySize = bytes
        }
        if let maxArchiveSize {
            guard let bytes = parseSize(maxArchiveSize) else {
                throw fail("--max-archive-size: not a size: \(maxArchiveSize)")
            }
            options.limits.maxArchiveSize = bytes
        }
        if let maxRatio {
            guard maxRatio >= 1 else { throw fail("--max-ratio must be at least 1") }
            options.limits.maxRatio = maxRatio
        }
        options.writeOptions = WriteOptions(serviceRoot: serviceRoot, includeSource: includeSource)
        options.profile = try loadProfile(rulesProfile, registry: registry, console: console)
        if let rulesProfile {
            options.profileIdentity = (try? readText(rulesProfile)) ?? rulesProfile
        }
        let failLevel: Severity
        switch failOn {
        case "error": failLevel = .error
        case "warning": failLevel = .warning
        default: throw fail("--fail-on must be error or warning, not '\(failOn)'")
        }
        var format: BatchReportFormat?
        if let report {
            if let reportFormat {
                guard let named = BatchReportFormat(rawValue: reportFormat) else {
                    throw fail(
                        "--report-format must be json, junit or sarif, not '\(reportFormat)'",
                        "cli.unknown-format"
                    )
                }
                format = named
            } else {
                format = BatchReportFormat.inferred(from: report)
            }
        }
        guard ["auto", "bar", "plain", "off"].contains(progress) else {
            throw fail("--progress must be auto, bar, plain or off, not '\(progress)'")
        }
        return (options, failLevel, format)
    }
}

/// Parses `123`, `64K`, `512M`, `2G` (powers of 1024).
func parseSize(_ text: String) -> Int64? {
    var digits = Substring(text)
    var scale: Int64 = 1
    switch digits.last.map({ Character($0.uppercased()) }) {
    case "K": scale = 1 << 10
    case "M": scale = 1 << 20
    case "G": scale = 1 << 30
    case "T": scale = 1 << 40
    default: break
    }
    if scale > 1 { digits = digits.dropLast() }
    guard let value = Int64(digits), value > 0 else { return nil }
    let (product, overflow) = value.multipliedReportingOverflow(by: scale)
    return overflow ? nil : product
}

/// Reads a small text file.
func readText(_ path: String) throws(IOFailure) -> String {
    var source = try FileByteSource(path: path)
    return String(decoding: try source.readAll(), as: UTF8.self)
}

/// Writes a text file atomically.
func writeText(_ text: String, to path: String) throws(IOFailure) {
    var sink = try AtomicFileSink(path: path)
    do throws(IOFailure) {
        try sink.write(Array(text.utf8))
        try sink.commit()
    } catch {
        sink.abort()
        throw error
    }
}

/// Shows batch progress: a bar rewritten in place on a terminal, a plain line every few seconds otherwise.
struct ProgressDisplay {
    private let console: Console
    private let bar: Bool
    private let plain: Bool
    private let interval: Double
    private var shown = false
    private var lastLine: Double?

    init(mode: String, console: Console, interval: Double) {
        self.console = console
        bar = mode == "bar" || (mode == "auto" && console.errIsTerminal)
        plain = mode == "plain" || (mode == "auto" && !console.errIsTerminal)
        self.interval = interval
    }

    mutating func show(_ progress: BatchProgress) {
        if bar {
            if progress.finished {
                clear()
                return
            }
            console.err("\r\u{1B}[K" + BatchProgressText.bar(progress))
            shown = true
        } else if plain, !progress.finished {
            let due = (lastLine ?? 0) + interval
            if progress.seconds >= due {
                lastLine = progress.seconds
                console.err(BatchProgressText.line(progress) + "\n")
            }
        }
    }

    mutating func clear() {
        if shown {
            console.err("\r\u{1B}[K")
            shown = false
        }
    }
}

/// Hands one value from a task to a thread that waits for it (the synchronous command running the async batch).
///
/// A class because it owns the mutex and the condition variable the two sides share.
final class BlockingBox<Value: Sendable>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var value: Value?

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func put(_ newValue: Value) {
        pthread_mutex_lock(mutex)
        value = newValue
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    func take() -> Value {
        pthread_mutex_lock(mutex)
        while value == nil { pthread_cond_wait(condition, mutex) }
        let result = value
        pthread_mutex_unlock(mutex)
        guard let result else { preconditionFailure("the value was set") }
        return result
    }
}
