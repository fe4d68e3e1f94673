import MEABridgeCanonical
import MEABridgeCore
import MEABridgeFormats
import MEABridgeInforMEA
import MEABridgeTestSupport
import MEABridgeValidation
import Testing

/// What reading one input gave.
struct ReadResult {
    var records: [Record] = []
    var diagnostics: [Diagnostic] = []

    func diagnostics(_ id: DiagnosticID) -> [Diagnostic] { diagnostics.filter { $0.id == id } }
    var errors: [Diagnostic] { diagnostics.filter { $0.severity >= .error } }
}

/// Reads bytes with the OData JSON reader and the harmonised rules, as `convert` does.
func readOData(
    _ bytes: [UInt8],
    name: String = "input.json",
    entity: EntityKind? = nil,
    maxChunk: Int = .max,
    rules: Bool = true
) throws -> ReadResult {
    var result = ReadResult()
    var reader = InforMEAODataJSONReader(options: ReadOptions(entity: entity, sourceName: name))
    var checks = HarmonisedRules()
    try reader.read(
        from: MemoryByteSource(bytes, name: name, maxChunk: maxChunk),
        emit: { record in
            result.records.append(record)
            if rules { checks.check(record) { result.diagnostics.append($0) } }
        },
        report: { result.diagnostics.append($0) }
    )
    return result
}

/// Reads a file from disk with the OData JSON reader.
func readOData(path: String, name: String? = nil, entity: EntityKind? = nil) throws -> ReadResult {
    let bytes = try #require(Fixtures.read(path), "cannot read \(path)")
    return try readOData(bytes, name: name ?? path, entity: entity)
}

/// Writes records with a writer into bytes.
func write(_ records: [Record], with writer: some RecordWriter) -> [UInt8] {
    var writer = writer
    var out: [UInt8] = []
    writer.begin(into: &out)
    for record in records { writer.write(record, into: &out, report: { _ in }) }
    writer.end(into: &out)
    return out
}

/// The real InforMEA OData samples, as paths relative to the shared samples folder.
let odataSamples = [
    "informea-odata/v1/Contacts.json", "informea-odata/v1/CountryReports.json", "informea-odata/v1/Decisions.json",
    "informea-odata/v1/Meetings.json", "informea-odata/v1/NationalPlans.json",
    "informea-odata/v3-updates/Contacts.json",
    "informea-odata/v3/Contacts.json", "informea-odata/v3/CountryReports.json", "informea-odata/v3/Decisions.json",
    "informea-odata/v3/Meetings.json", "informea-odata/v3/NationalPlans.json",
]

func samplePath(_ relative: String) -> String { Fixtures.samplesDirectory + "/" + relative }
