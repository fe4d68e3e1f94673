/// What one conversion did: records read and written per entity, and the diagnostics.
public struct ConversionSummary: Sendable {
    /// Records handed on by the reader, per entity.
    public var recordsRead: [EntityKind: Int] = [:]
    /// Records given to the writer, per entity.
    public var recordsWritten: [EntityKind: Int] = [:]
    /// Output bytes produced.
    public var bytesWritten = 0

    /// Creates an empty summary.
    public init() {}

    /// The total number of records read.
    public var totalRead: Int { recordsRead.values.reduce(0, +) }

    /// The total number of records written.
    public var totalWritten: Int { recordsWritten.values.reduce(0, +) }
}

/// Connects a reader, a record check and a writer, streaming: each record is read, checked, written and
/// released before the next one, and output goes to the sink in chunks of about 1 MiB.
public enum Conversion {
    /// Output is handed to the sink once the buffer holds this many bytes.
    public static let flushThreshold = 1 << 20

    /// Converts one input.
    /// - Parameters:
    ///   - reader: The reader, already configured.
    ///   - source: The input bytes.
    ///   - writer: The writer, already configured.
    ///   - sink: Where output bytes go.
    ///   - entity: When set, only records of this entity type are written.
    ///   - check: Inspects each record before it is written and reports problems (the harmonised rules).
    ///   - finish: Runs after the last record, for checks about the whole input.
    ///   - report: Receives every diagnostic from the reader, the check and the writer.
    ///   - pipelined: Whether reading and checking run on a second thread while this one writes (see ``Pipeline``):
    ///     about twice as fast on two free cores; `report` is still called on this thread only, in the same order.
    ///     Leave it off where inputs already convert in parallel (`batch`).
    /// - Returns: What was read and written.
    /// - Throws: `IOFailure` when reading or writing bytes fails.
    public static func run(
        reader: inout some RecordReader,
        source: some ByteSource,
        writer: inout some RecordWriter,
        sink: inout some ByteSink,
        entity: EntityKind? = nil,
        check: (Record, (Diagnostic) -> Void) -> Void = { _, _ in },
        finish: ((Diagnostic) -> Void) -> Void = { _ in },
        report: (Diagnostic) -> Void,
        pipelined: Bool = false
    ) throws -> ConversionSummary {
        if pipelined {
            return try runPipelined(
                reader: reader,
                source: source,
                writer: &writer,
                sink: &sink,
                entity: entity,
                check: check,
                finish: finish,
                report: report
            )
        }
        var summary = ConversionSummary()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(flushThreshold + (64 << 10))
        writer.begin(into: &buffer)
        // The reader reports through `report` while `emit` (which also reports) runs inside it.
        try withoutActuallyEscaping(report) { report in
            try reader.read(
                from: source,
                emit: { record in
                    summary.recordsRead[record.kind, default: 0] += 1
                    if let entity, record.kind != entity { return }
                    check(record, report)
                    writer.write(record, into: &buffer, report: report)
                    summary.recordsWritten[record.kind, default: 0] += 1
                    if buffer.count >= flushThreshold {
                        try sink.write(buffer)
                        summary.bytesWritten += buffer.count
                        buffer.removeAll(keepingCapacity: true)
                    }
                },
                report: report
            )
            finish(report)
        }
        writer.end(into: &buffer)
        try sink.write(buffer)
        summary.bytesWritten += buffer.count
        return summary
    }

    /// What the reading stage hands to the writing stage.
    private enum Event: Sendable {
        case record(Record)
        /// A record of another entity than the one written: counted as read only.
        case skipped(EntityKind)
        indirect case diagnostic(Diagnostic)
    }

    private static func runPipelined<Reader: RecordReader, Source: ByteSource>(
        reader: Reader,
        source: Source,
        writer: inout some RecordWriter,
        sink: inout some ByteSink,
        entity: EntityKind?,
        check: (Record, (Diagnostic) -> Void) -> Void,
        finish: ((Diagnostic) -> Void) -> Void,
        report: (Diagnostic) -> Void
    ) throws -> ConversionSummary {
        var summary = ConversionSummary()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(flushThreshold + (64 << 10))
        writer.begin(into: &buffer)
        // The reading stage owns the reader, the source and the two checks until `Pipeline.run` returns, which waits
        // for its thread: nothing else touches them meanwhile.
        try withoutActuallyEscaping(check) { check in
            try withoutActuallyEscaping(finish) { finish in
                let work = Handoff((reader: reader, source: source, check: check, finish: finish))
                // Batches of 128: few enough meetings of the two threads, and a bounded number of records in flight
                // (a decision with its texts is tens of KB).
                try Pipeline.run(
                    batchSize: 128,
                    capacity: 4,
                    produce: { (emit: (consuming Event) throws -> Void) in
                        var (reader, source, check, finish) = work.value
                        try reader.read(
                            from: source,
                            emit: { record in
                                if let entity, record.kind != entity {
                                    try emit(.skipped(record.kind))
                                    return
                                }
                                check(record) { try? emit(.diagnostic($0)) }
                                try emit(.record(record))
                            },
                            report: { try? emit(.diagnostic($0)) }
                        )
                        finish { try? emit(.diagnostic($0)) }
                        _ = (source, check)
                    },
                    consume: { (event: Event) in
                        switch event {
                        case .diagnostic(let diagnostic):
                            report(diagnostic)
                        case .skipped(let kind):
                            summary.recordsRead[kind, default: 0] += 1
                        case .record(let record):
                            summary.recordsRead[record.kind, default: 0] += 1
                            writer.write(record, into: &buffer, report: report)
                            summary.recordsWritten[record.kind, default: 0] += 1
                            if buffer.count >= flushThreshold {
                                try sink.write(buffer)
                                summary.bytesWritten += buffer.count
                                buffer.removeAll(keepingCapacity: true)
                            }
                        }
                    }
                )
            }
        }
        writer.end(into: &buffer)
        try sink.write(buffer)
        summary.bytesWritten += buffer.count
        return summary
    }
}
