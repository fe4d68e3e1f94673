import MEABridgeCanonical
import MEABridgeCore
import MEABridgeFormats
import MEABridgeInforMEA
import MEABridgeTestSupport
import MEABridgeValidation
import Testing

@Suite("Conversion pipelined", .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing"))
struct PipelinedConversionTests {
    /// A sink that keeps what it is given.
    struct MemorySink: ByteSink {
        var bytes: [UInt8] = []
        mutating func write(_ chunk: UnsafeRawBufferPointer) throws(IOFailure) { bytes.append(contentsOf: chunk) }
    }

    func convert(_ path: String, entity: EntityKind?, pipelined: Bool) throws -> (
        bytes: [UInt8], diagnostics: [Diagnostic], summary: ConversionSummary
    ) {
        let input = try #require(Fixtures.read(path))
        var reader = InforMEAODataJSONReader(options: ReadOptions(sourceName: path))
        var writer = NDJSONWriter(options: WriteOptions())
        var sink = MemorySink()
        var rules = HarmonisedRules()
        var diagnostics: [Diagnostic] = []
        let summary = try Conversion.run(
            reader: &reader,
            source: MemoryByteSource(input, name: path),
            writer: &writer,
            sink: &sink,
            entity: entity,
            check: { record, report in rules.check(record, report: report) },
            finish: { report in rules.finish(report: report) },
            report: { diagnostics.append($0) },
            pipelined: pipelined
        )
        return (sink.bytes, diagnostics, summary)
    }

    @Test(
        "the same bytes, diagnostics (in order) and counts as the one-thread conversion",
        arguments: ["v1/Decisions.json", "v1/Meetings.json", "v3/Contacts.json"]
    )
    func sameAsSequential(sample: String) throws {
        let path = Fixtures.samplesDirectory + "/informea-odata/" + sample
        let sequential = try convert(path, entity: nil, pipelined: false)
        let pipelined = try convert(path, entity: nil, pipelined: true)
        #expect(!sequential.bytes.isEmpty)
        #expect(pipelined.bytes == sequential.bytes)
        #expect(pipelined.diagnostics == sequential.diagnostics)
        #expect(pipelined.summary.recordsRead == sequential.summary.recordsRead)
        #expect(pipelined.summary.recordsWritten == sequential.summary.recordsWritten)
        #expect(pipelined.summary.bytesWritten == sequential.summary.bytesWritten)
    }

    @Test("records of other entities are counted as read and not written")
    func entityFilter() throws {
        let path = Fixtures.samplesDirectory + "/informea-odata/v1/Decisions.json"
        let all = try convert(path, entity: nil, pipelined: true)
        let none = try convert(path, entity: .meeting, pipelined: true)
        #expect(none.summary.totalRead == all.summary.totalRead)
        #expect(all.summary.totalRead > 0)
        #expect(none.summary.totalWritten == 0)
        #expect(none.bytes.isEmpty)
    }
}
