import MEABridgeCore
import MEABridgeValidation

/// Converts one input into the staging folder.
///
/// It detects the format, streams the input through `Conversion.run` with the harmonised rules, stamps each record's
/// `updated` from the state, and reports what happened. It never throws: every
/// problem ends up in the input's report.
struct FileConverter: Sendable {
    let registry: FormatRegistry
    let forcedReader: (any RecordReader.Type)?
    let writer: any RecordWriter.Type
    let options: BatchOptions
    let target: OutputTarget
    let state: StateStore?
    let now: Int64

    /// Converts a work item (a file on disk or an entry in memory).
    func convert(_ item: WorkItem, spool: Spool? = nil) -> FileOutcome {
        switch item.body {
        case .file(let path):
            let source: FileByteSource
            do throws(IOFailure) {
                source = try FileByteSource(path: path)
            } catch {
                var report = BatchFileReport(input: item.name, container: item.container, status: .failed)
                report.add(
                    Diagnostic(
                        id: .batchIO,
                        severity: .fatal,
                        message: "cannot read \(item.name): \(error.message)",
                        location: SourceLocation(source: item.name)
                    )
                )
                return FileOutcome(report: report, fingerprint: item.fingerprint, progressBytes: item.progressBytes)
            }
            return convert(item, source: source, spool: spool, violation: { nil })
        case .bytes(let bytes):
            return convert(item, source: MemoryByteSource(bytes, name: item.name), spool: spool, violation: { nil })
        }
    }

    /// Converts an input from any byte source.
    /// - Parameters:
    ///   - item: The input (its body is not used).
    ///   - source: Its bytes.
    ///   - spool: Where to stage the output (archive outputs); `nil` stages it as a file.
    ///   - violation: Why reading stopped, when an archive limit stopped it.
    /// - Returns: What became of the input.
    func convert(
        _ item: WorkItem,
        source: some ByteSource,
        spool: Spool?,
        violation: () -> String?
    ) -> FileOutcome {
        var report = BatchFileReport(input: item.name, container: item.container, status: .converted)
        report.bytes = item.size
        var outcome = FileOutcome(report: report, fingerprint: item.fingerprint, progressBytes: item.progressBytes)
        let limit = options.maxDiagnosticsPerFile
        let profile = options.profile
        func add(_ diagnostic: Diagnostic) {
            if let kept = profile.apply(diagnostic) { outcome.report.add(kept, limit: limit) }
        }
        let staged = target.staged(item.output)
        do throws(IOFailure) {
            let (prefix, rest) = try PrefixedByteSource.peek(source, count: 64 << 10)
            let readerType: any RecordReader.Type
            if let forcedReader {
                readerType = forcedReader
            } else if let (sniffed, _) = registry.sniff(SniffInput(prefix: prefix, name: item.name)) {
                readerType = sniffed
            } else {
                outcome.report.status = .failed
                add(
                    Diagnostic(
                        id: .batchFormatNotDetected,
                        severity: .error,
                        message: "no reader recognises \(item.name); pass --from FORMAT or leave it out with --exclude",
                        location: SourceLocation(source: item.name)
                    )
                )
                return outcome
            }
            outcome.report.format = readerType.format.id.rawValue
            let previous = try item.known ? state?.records(of: item.name) : (state == nil ? nil : [:])
            let input = PrefixedByteSource(prefix: prefix, base: rest)
            let result: (summary: ConversionSummary, stamper: RecordStamper?)
            let location: StagedOutput?
            if let spool {
                var sink = SpoolSink(spool: spool)
                result = try run(readerType, writer, input, &sink, item.name, previous, add)
                location = outcome.report.counts[.fatal, default: 0] > 0 ? nil : sink.commit()
            } else {
                try FileSystem.makeDirectories(FileSystem.parentDirectory(of: staged))
                // Staged outputs only have to survive the process (a killed run); the commit flushes the file system once.
                var sink = try AtomicFileSink(path: staged, durable: false)
                result = try run(readerType, writer, input, &sink, item.name, previous, add)
                if outcome.report.counts[.fatal, default: 0] > 0 {
                    sink.abort()
                    location = nil
                } else {
                    try sink.commit()
                    location = .file
                }
            }
            outcome.report.records = result.summary.recordsWritten
            guard let location else {
                outcome.report.status = .failed
                return outcome
            }
            outcome.report.output = item.output
            outcome.staged = location
            if let stamper = result.stamper {
                outcome.stamps = stamper.stamps
                outcome.report.changedRecords = stamper.changedCount
            }
        } catch {
            outcome.report.status = .failed
            outcome.staged = nil
            if let violation = violation() {
                add(
                    Diagnostic(
                        id: .batchDecompressionBomb,
                        severity: .fatal,
                        message: "\(item.name): \(violation)",
                        location: SourceLocation(source: item.container ?? item.name)
                    )
                )
            } else {
                let writing = error.path.hasPrefix(target.staging) || error.path == staged
                add(
                    Diagnostic(
                        id: .batchIO,
                        severity: .fatal,
                        message: writing
                            ? "cannot write the output of \(item.name): \(error.message)"
                            : "cannot read \(item.name): \(error.message)",
                        location: SourceLocation(source: item.name)
                    )
                )
            }
        }
        return outcome
    }

    private func run<Reader: RecordReader, Writer: RecordWriter>(
        _ readerType: Reader.Type,
        _ writerType: Writer.Type,
        _ source: some ByteSource,
        _ sink: inout some ByteSink,
        _ name: String,
        _ previous: [String: RecordMemory]?,
        _ report: (Diagnostic) -> Void
    ) throws(IOFailure) -> (summary: ConversionSummary, stamper: RecordStamper?) {
        var reader = Reader(options: ReadOptions(entity: options.entity, sourceName: name))
        var writer = StampingWriter<Writer>(options: options.writeOptions)
        if let previous { writer.stamper = RecordStamper(previous: previous, now: now) }
        var rules = HarmonisedRules()
        do {
            let summary = try Conversion.run(
                reader: &reader,
                source: source,
                writer: &writer,
                sink: &sink,
                entity: options.entity,
                check: { record, report in rules.check(record, report: report) },
                finish: { report in rules.finish(report: report) },
                report: report
            )
            return (summary, writer.stamper)
        } catch let failure as IOFailure {
            throw failure
        } catch {
            throw IOFailure(operation: .read, path: name, message: "\(error)")
        }
    }
}
