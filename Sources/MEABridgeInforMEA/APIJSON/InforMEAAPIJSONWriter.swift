public import MEABridgeCore
import MEABridgeFormatSupport
import MEABridgeJSON
import OrderedCollections

/// Writes the language-keyed JSON API form of the newer InforMEA generation ("InforMEA-D8-API 2.0"): a JSON array of
/// flat records, multilingual fields as `{"en": …, "fr": …}`, countries as ISO alpha-3, dates as `YYYY-MM-DD` (instants
/// as ISO 8601), booleans as `true`/`false`, treaties and goal links as string arrays, files as `{id, url, content:
/// null, mimeType, language, filename}`.
///
/// `informea-odata-json` reads this form back.
public struct InforMEAAPIJSONWriter: RecordWriter {
    /// `informea-api-json`.
    public static let format = FormatDescriptor(
        id: "informea-api-json",
        summary: "InforMEA JSON API 2.0: flat records, language-keyed text, alpha-3 countries",
        fileExtensions: ["json"]
    )

    private var count = 0

    /// Creates a writer.
    /// - Parameter options: Unused (no options apply to this form).
    public init(options: WriteOptions) {}

    /// Opens the array.
    /// - Parameter out: The output buffer.
    public mutating func begin(into out: inout [UInt8]) { out.append(UInt8(ascii: "[")) }

    /// Writes one record.
    /// - Parameters:
    ///   - record: The record.
    ///   - out: The output buffer.
    ///   - report: Unused: every canonical value has an API form.
    public mutating func write(_ record: Record, into out: inout [UInt8], report: (Diagnostic) -> Void) {
        out.append(contentsOf: count == 0 ? "\n".utf8 : ",\n".utf8)
        count += 1
        var object = JSONObjectOutput.begin(&out)
        object.string("id", record.id, &out)
        let renderer = PropertyRenderer(style: .api, entity: record.kind)
        renderer.forEachProperty(of: record) { renderer.append($0, to: &object, &out) }
        for (name, value) in record.extras { object.extra(name, value, &out) }
        object.end(&out)
    }

    /// Closes the array.
    /// - Parameter out: The output buffer.
    public mutating func end(into out: inout [UInt8]) {
        out.append(contentsOf: count == 0 ? "]\n".utf8 : "\n]\n".utf8)
    }
}
