import Glibc
import MEABridgeCanonical
import MEABridgeCore
import MEABridgeTestSupport
import Testing

/// What a reader produced from one input.
struct ReadResult {
    var records: [Record] = []
    var diagnostics: [Diagnostic] = []

    var errors: [Diagnostic] { diagnostics.filter { $0.severity >= .error } }

    func diagnostics(_ id: DiagnosticID) -> [Diagnostic] { diagnostics.filter { $0.id == id } }
}

func read<R: RecordReader>(_ type: R.Type, _ bytes: [UInt8], name: String = "input.json") -> ReadResult {
    var reader = R(options: ReadOptions(sourceName: name))
    var result = ReadResult()
    do {
        try reader.read(
            from: MemoryByteSource(bytes, name: name, maxChunk: 4096),
            emit: { result.records.append($0) },
            report: { result.diagnostics.append($0) }
        )
    } catch {
        Issue.record("reader threw \(error)")
    }
    return result
}

func read<R: RecordReader>(_ type: R.Type, _ text: String, name: String = "input.json") -> ReadResult {
    read(type, Array(text.utf8), name: name)
}

func readSample<R: RecordReader>(_ type: R.Type, _ relative: String) -> ReadResult {
    let path = Fixtures.samplesDirectory + "/" + relative
    guard let bytes = Fixtures.read(path) else {
        Issue.record("cannot read \(path)")
        return ReadResult()
    }
    return read(type, bytes, name: relative)
}

/// The canonical NDJSON of records, without source locations.
func ndjson(_ records: [Record]) -> String {
    var writer = NDJSONWriter(options: WriteOptions(includeSource: false))
    var out: [UInt8] = []
    for record in records { writer.write(record, into: &out, report: { _ in }) }
    return String(decoding: out, as: UTF8.self)
}

/// Compares with `Tests/Fixtures/golden-convention/<name>`; `MEABRIDGE_UPDATE_GOLDEN=1` rewrites the file.
func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let path = Fixtures.fixturesDirectory + "/golden-convention/" + name
    if getenv("MEABRIDGE_UPDATE_GOLDEN") != nil, let file = fopen(path, "wb") {
        fputs(actual, file)
        fclose(file)
        return
    }
    guard let bytes = Fixtures.read(path) else {
        Issue.record("golden file \(name) is missing", sourceLocation: sourceLocation)
        return
    }
    #expect(String(decoding: bytes, as: UTF8.self) == actual, "golden \(name)", sourceLocation: sourceLocation)
}
