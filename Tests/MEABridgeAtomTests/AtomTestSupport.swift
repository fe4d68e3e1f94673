import MEABridgeCore
import MEABridgeInforMEA
import MEABridgeTestSupport
import MEABridgeXML
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The OData JSON samples (`../shared/samples/informea-odata/*/*.json`).
var odataSamples: [String] {
    let root = Fixtures.samplesDirectory + "/informea-odata"
    return ["v1", "v3", "v3-updates"].flatMap { Fixtures.files(in: root + "/" + $0, suffix: ".json") }
}

/// `Schemas/xml/<name>` in the repository.
func schemaPath(_ name: String) -> String { Fixtures.repositoryRoot() + "/Schemas/xml/" + name }

/// Reads records with any reader, collecting diagnostics.
func readRecords<R: RecordReader>(
    _ type: R.Type,
    _ bytes: [UInt8],
    name: String,
    entity: EntityKind? = nil
) throws -> (records: [Record], diagnostics: [Diagnostic]) {
    var reader = R(options: ReadOptions(entity: entity, sourceName: name))
    var records: [Record] = []
    var diagnostics: [Diagnostic] = []
    try reader.read(
        from: MemoryByteSource(bytes, name: name),
        emit: { records.append($0) },
        report: { diagnostics.append($0) }
    )
    return (records, diagnostics)
}

/// Writes records with a writer, collecting diagnostics.
func writeRecords<W: RecordWriter>(
    _ writer: inout W,
    _ records: [Record]
) -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
    var out: [UInt8] = []
    var diagnostics: [Diagnostic] = []
    writer.begin(into: &out)
    for record in records { writer.write(record, into: &out, report: { diagnostics.append($0) }) }
    writer.end(into: &out)
    return (out, diagnostics)
}

/// Writes records as Atom.
func atom(_ records: [Record], serviceRoot: String? = nil) -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
    var writer = InforMEAAtomWriter(options: WriteOptions(serviceRoot: serviceRoot))
    return writeRecords(&writer, records)
}

/// Validates bytes against one of the repository's XSDs.
func xsdDiagnostics(_ bytes: [UInt8], schema name: String) throws -> [Diagnostic] {
    let validator = try XSDSchemaValidator(schemaPath: schemaPath(name))
    var diagnostics: [Diagnostic] = []
    try validator.validate(source: MemoryByteSource(bytes), sourceName: "output.xml", maxErrors: 100) {
        diagnostics.append($0)
    }
    return diagnostics
}

/// A fresh temporary directory.
func makeTemporaryDirectory() -> String {
    var template = Array("/tmp/meabridge-atom-test-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { buffer -> String in
        guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return "/tmp" }
        return String(cString: made)
    }
}

/// Writes bytes to a file.
func writeFile(_ path: String, _ bytes: [UInt8]) {
    guard let file = fopen(path, "wb") else { return }
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
}

/// Renders the SCBD connector's Handlebars templates (`../shared/samples/informea-atom`): `{{xmlEscape path}}`,
/// `{{#each path}}…{{/each}}` over dictionaries (`@key`, `this`) and arrays, and the `{{> (lookup . 'type') }}`
/// partial, which is the template named by the record's `type`.
struct HandlebarsRenderer {
    indirect enum Value {
        case string(String)
        case dictionary([(String, Value)])
        case array([Value])
    }

    let partials: [String: String]

    func render(_ template: String, _ context: Value, key: String? = nil) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstRange(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { break }
            let tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters()
            rest = rest[close.upperBound...]
            if tag.hasPrefix("#each ") {
                let path = String(tag.dropFirst(6))
                guard let end = rest.firstRange(of: "{{/each}}") else { break }
                let body = String(rest[..<end.lowerBound])
                rest = rest[end.upperBound...]
                switch lookup(path, in: context, key: key) {
                case .dictionary(let pairs)?: for (name, value) in pairs { output += render(body, value, key: name) }
                case .array(let items)?: for item in items { output += render(body, item) }
                default: break
                }
            } else if tag.hasPrefix("> ") {
                if case .string(let type)? = lookup("type", in: context, key: key), let partial = partials[type] {
                    output += render(partial, context)
                }
            } else if tag.hasPrefix("xmlEscape ") {
                if case .string(let text)? = lookup(String(tag.dropFirst(10)), in: context, key: key) {
                    var bytes: [UInt8] = []
                    XMLOutput.appendText(text, to: &bytes)
                    output += String(decoding: bytes, as: UTF8.self)
                }
            }
        }
        return output + rest
    }

    private func lookup(_ path: String, in context: Value, key: String?) -> Value? {
        if path == "@key" { return key.map(Value.string) }
        if path == "this" { return context }
        var current: Value? = context
        for part in path.split(separator: ".") {
            guard case .dictionary(let pairs)? = current else { return nil }
            current = pairs.first { $0.0 == part }?.1
        }
        return current
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

/// The SCBD connector's Atom templates, read from the shared samples.
struct AtomTemplates {
    let feed: String
    let meeting: String

    init() throws {
        let directory = Fixtures.samplesDirectory + "/informea-atom/"
        feed = String(decoding: try #require(Fixtures.read(directory + "feed.xml")), as: UTF8.self)
        meeting = String(decoding: try #require(Fixtures.read(directory + "meeting.xml")), as: UTF8.self)
    }

    /// The 1-based line of the first line of `template` containing `needle`.
    static func line(of needle: String, in template: String) -> Int? {
        // Split the bytes, not the characters: Swift takes "\r\n" for one character, which has no "\n" in it.
        var number = 1
        for line in template.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if String(decoding: line, as: UTF8.self).contains(needle) { return number }
            number += 1
        }
        return nil
    }
}
