public import MEABridgeCore
import MEABridgeFormatSupport
import MEABridgeJSON
import OrderedCollections

/// Writes OData v2 verbose JSON as the InforMEA toolkit serves it: `{"d": {"results": [...]}}`, each entity with
/// `__metadata` (`uri`, `type` `informea.<Type>`), navigation collections expanded as `{"results": [...]}` with
/// typed rows, dates as `/Date(ms)/`, countries as ISO alpha-2, `primary` as 0/1 and `Int64` sizes as strings.
///
/// Goal links, which the InforMEA wire model lacks, go into a Decision's or Document's keywords under the
/// namespace `urn:meabridge:goals:<FRAMEWORK>`, and elsewhere into a `goals` array of `FRAMEWORK:CODE` strings;
/// this reader reads both back. Contacts use the spec's `phoneNumber` (the harvester, the spec and every sample
/// feed use it; the toolkit's EDM rename to `phone` is unverified). Provider-specific properties are written
/// after the canonical ones, as received. One record per line, so output diffs well and is deterministic.
public struct InforMEAODataJSONWriter: RecordWriter {
    /// `informea-odata-json`.
    public static let format = FormatDescriptor(
        id: InforMEAODataJSONReader.format.id,
        summary: "InforMEA OData v2 verbose JSON, as the InforMEA toolkit serves it",
        fileExtensions: ["json"]
    )

    private let options: WriteOptions
    private var count = 0

    /// Creates a writer.
    /// - Parameter options: `serviceRoot` prefixes `__metadata.uri` (relative URIs without it).
    public init(options: WriteOptions) { self.options = options }

    /// Opens the feed.
    /// - Parameter out: The output buffer.
    public mutating func begin(into out: inout [UInt8]) {
        out.append(contentsOf: "{\"d\":{\"results\":[".utf8)
    }

    /// Writes one entity.
    /// - Parameters:
    ///   - record: The record.
    ///   - out: The output buffer.
    ///   - report: Unused: every canonical value has an OData form.
    public mutating func write(_ record: Record, into out: inout [UInt8], report: (Diagnostic) -> Void) {
        out.append(contentsOf: count == 0 ? "\n".utf8 : ",\n".utf8)
        count += 1
        let kind = record.kind
        var object = JSONObjectOutput.begin(&out)
        object.key("__metadata", &out)
        var metadata = JSONObjectOutput.begin(&out)
        let key = "\(kind.entitySet)('\(record.id.replacingOccurrences(of: "'", with: "''"))')"
        metadata.string("uri", options.serviceRoot.map { "\($0)/\(key)" } ?? key, &out)
        metadata.string("type", "informea.\(kind.typeName)", &out)
        metadata.end(&out)
        object.string("id", record.id, &out)
        let renderer = PropertyRenderer(style: .odata, entity: kind)
        renderer.forEachProperty(of: record) { renderer.append($0, to: &object, &out) }
        for (name, value) in record.extras { object.extra(name, value, &out) }
        object.end(&out)
    }

    /// Closes the feed.
    /// - Parameter out: The output buffer.
    public mutating func end(into out: inout [UInt8]) {
        out.append(contentsOf: count == 0 ? "]}}\n".utf8 : "\n]}}\n".utf8)
    }
}

extension String {
    /// The string with every `target` replaced by `replacement` (no Foundation).
    func replacingOccurrences(of target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
