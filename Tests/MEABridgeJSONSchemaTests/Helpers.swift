import MEABridgeCanonical
import MEABridgeCore
import MEABridgeInforMEA
import MEABridgeJSON
import MEABridgeJSONSchema
import MEABridgeTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `Schemas/json` in the repository.
var schemaFolder: String { Fixtures.repositoryRoot() + "/Schemas/json" }

/// A schema file under `Schemas/json`.
func schemaPath(_ relative: String) -> String { schemaFolder + "/" + relative }

/// A file in the shared samples.
func samplePath(_ relative: String) -> String { Fixtures.samplesDirectory + "/" + relative }

/// Parses JSON text into a value.
func parse(_ text: String) throws -> JSONValue {
    var parser = JSONPullParser(source: MemoryByteSource(text))
    let value = try parser.readValue()
    try parser.finish()
    return value
}

/// Compiles a schema given as JSON text.
func compile(_ text: String, options: JSONSchemaOptions = .init()) throws -> JSONSchema {
    try JSONSchema(parse(text), options: options)
}

/// Runs a validator over bytes and collects its diagnostics.
func diagnostics(_ validator: JSONSchemaValidator, _ bytes: [UInt8], name: String, maxChunk: Int = .max) throws
    -> [Diagnostic]
{
    var found: [Diagnostic] = []
    try validator.validate(
        source: MemoryByteSource(bytes, name: name, maxChunk: maxChunk),
        sourceName: name,
        maxErrors: 1000
    ) { found.append($0) }
    return found
}

/// Reads an OData sample with the existing reader.
func readRecords(_ path: String) throws -> [Record] {
    let bytes = try #require(Fixtures.read(path), "cannot read \(path)")
    var records: [Record] = []
    var reader = InforMEAODataJSONReader(options: ReadOptions(sourceName: path))
    try reader.read(from: MemoryByteSource(bytes, name: path), emit: { records.append($0) }, report: { _ in })
    return records
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

/// A temporary file holding `text`.
func temporaryFile(_ name: String, _ text: String) -> String {
    var template = Array("/tmp/meabridge-schema-XXXXXX".utf8CString)
    let folder = template.withUnsafeMutableBufferPointer { buffer -> String in
        guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return "/tmp" }
        return String(cString: made)
    }
    let path = folder + "/" + name
    let file = fopen(path, "wb")
    _ = text.utf8CString.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count - 1, file) }
    fclose(file)
    return path
}

/// A byte source that generates a large OData-style document on the fly: `{"d":{"results":[` + `count`
/// records + `]}}`, never holding more than one record's bytes.
struct GeneratedFeed: ByteSource {
    let name = "generated.json"
    let count: Int
    /// Makes record `index` (its JSON text).
    let record: @Sendable (Int) -> String
    private var pending: [UInt8] = Array("{\"d\":{\"results\":[".utf8)
    private var offset = 0
    private var next = 0
    private var finished = false

    init(count: Int, record: @escaping @Sendable (Int) -> String) {
        self.count = count
        self.record = record
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
        while offset == pending.count {
            if finished { return 0 }
            offset = 0
            if next < count {
                pending = Array(((next == 0 ? "\n" : ",\n") + record(next)).utf8)
                next += 1
            } else {
                pending = Array("\n]}}\n".utf8)
                finished = true
            }
        }
        let n = min(buffer.count, pending.count - offset)
        for index in 0..<n { buffer[index] = pending[offset + index] }
        offset += n
        return n
    }
}
