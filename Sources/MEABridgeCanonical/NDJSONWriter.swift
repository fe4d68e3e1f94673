public import MEABridgeCore
import MEABridgeFormatSupport
import MEABridgeJSON
import OrderedCollections

/// Writes canonical records as NDJSON: one JSON object per line, keys in a fixed order.
///
/// Each line starts with `entity` and `id`, then the canonical properties in the model's order, then `extras`
/// (provider-specific properties) and `source` (file, line, column, JSON Pointer). Countries are ISO 3166-1
/// alpha-2 (an unresolved value goes to `countryOriginal`), languages lower-case codes, dates ISO 8601 with
/// date-only values kept date-only, multilingual text language-keyed.
public struct NDJSONWriter: RecordWriter {
    /// `ndjson`.
    public static let format = FormatDescriptor(
        id: "ndjson",
        summary: "Canonical records, one JSON object per line, stable key order",
        fileExtensions: ["ndjson", "jsonl"]
    )

    private let options: WriteOptions
    /// `"entity":"<kind>"` of the last record's entity, encoded once per entity.
    private var entityMember: (kind: EntityKind, bytes: [UInt8])?
    /// `"source":{"file":"<file>","line":` of the last record's file, encoded once per file.
    private var sourcePrefix: (file: String, bytes: [UInt8])?

    /// Creates a writer.
    /// - Parameter options: `includeSource` controls the `source` member.
    public init(options: WriteOptions) { self.options = options }

    /// Writes nothing: NDJSON has no header.
    /// - Parameter out: The output buffer.
    public mutating func begin(into out: inout [UInt8]) {}

    /// Writes one record as one line.
    /// - Parameters:
    ///   - record: The record.
    ///   - out: The output buffer.
    ///   - report: Unused: every canonical value has an NDJSON form.
    public mutating func write(_ record: Record, into out: inout [UInt8], report: (Diagnostic) -> Void) {
        var object = JSONObjectOutput.begin(&out)
        let kind = record.kind
        if entityMember?.kind != kind {
            var bytes: [UInt8] = []
            var member = JSONObjectOutput()
            member.string("entity", kind.rawValue, &bytes)
            entityMember = (kind, bytes)
        }
        object.encodedMembers(entityMember?.bytes ?? [], &out)
        object.string("id", record.id, &out)
        let renderer = PropertyRenderer(style: .canonical, entity: record.kind)
        renderer.forEachProperty(of: record) { renderer.append($0, to: &object, &out) }
        let extras = record.extras
        if !extras.isEmpty { object.extra("extras", .object(extras), &out) }
        if options.includeSource, let source = record.source {
            if let line = source.line {
                // The common case, every record of a file: the members up to the line are the same each time.
                if sourcePrefix?.file != source.source {
                    var bytes: [UInt8] = []
                    var member = JSONObjectOutput()
                    member.key("source", &bytes)
                    var location = JSONObjectOutput.begin(&bytes)
                    location.string("file", source.source, &bytes)
                    location.key("line", &bytes)
                    sourcePrefix = (source.source, bytes)
                }
                object.encodedMembers(sourcePrefix?.bytes ?? [], &out)
                JSONOutput.appendInteger(Int64(line), to: &out)
                var rest = JSONObjectOutput.continuing()
                rest.integer("column", source.column.map(Int64.init), &out)
                rest.string("pointer", source.path, &out)
                rest.end(&out)
            } else {
                object.key("source", &out)
                var location = JSONObjectOutput.begin(&out)
                location.string("file", source.source, &out)
                location.integer("column", source.column.map(Int64.init), &out)
                location.string("pointer", source.path, &out)
                location.end(&out)
            }
        }
        object.end(&out)
        out.append(UInt8(ascii: "\n"))
    }

    /// Writes nothing: NDJSON has no footer.
    /// - Parameter out: The output buffer.
    public mutating func end(into out: inout [UInt8]) {}
}
