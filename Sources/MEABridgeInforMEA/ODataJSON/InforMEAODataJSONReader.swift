public import MEABridgeCore
import MEABridgeFormatSupport
import MEABridgeJSON

/// Reads InforMEA feeds in every JSON wire variant seen in the real feeds, incrementally:.
///
/// - OData v1 (`{"d": [ ... ]}`), v2 verbose (`{"d": {"results": [ ... ]}}`, `__metadata`, `__deferred`,
///   `/Date(ms)/`), v4 (`{"value": [ ... ]}`), a single entity (`{"d": {...}}`) and a bare array of records;
/// - the CBD inline `LocalizableString` arrays (including empty `[{}]`) and the language-keyed JSON API form
///   (`{"en": ..., "fr": ...}`);
/// - casing drifts (`filename`/`fileName`, `id`/`Id`, `phoneNumber`/`phone`, `title`/`titles`).
///
/// The JSON is pulled byte by byte; only one record at a time is held as a tree, so a feed of any size converts in
/// memory bounded by its largest record. The entity type of each record comes from its `__metadata.type` (or an
/// `entity` member), else `--entity`, else the file name (`Decisions.json`), else the fields only it has.
public struct InforMEAODataJSONReader: RecordReader {
    /// `informea-odata-json`.
    public static let format = FormatDescriptor(
        id: "informea-odata-json",
        summary: "InforMEA OData JSON feeds: v1, v2 verbose, v4, CBD inline strings, language-keyed JSON API",
        fileExtensions: ["json"]
    )

    /// The largest single record accepted (a hostile or broken feed cannot make one record fill memory).
    public static let maxRecordBytes = 256 << 20

    private let options: ReadOptions
    private let entityFromName: EntityKind?

    /// Creates a reader.
    /// - Parameter options: The read options (`entity` forces the entity type).
    public init(options: ReadOptions) {
        self.options = options
        entityFromName = EntityKind(fileName: options.sourceName)
    }

    /// Certain for a `{"d":` or `__metadata` feed, likely for `{"value":`, possible for other JSON objects and
    /// arrays of objects (the JSON API form has no envelope).
    /// - Parameter input: The first bytes and the name.
    /// - Returns: The confidence.
    public static func sniff(_ input: SniffInput) -> SniffConfidence {
        let prefix = input.trimmedPrefix
        guard let first = prefix.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return .no }
        let name = input.name.lowercased()
        if name.hasSuffix(".ndjson") || name.hasSuffix(".jsonl") { return .no }  // one record per line: not a feed
        if input.contains("\"__metadata\"") || input.contains("\"d\"") { return .certain }
        if input.contains("\"value\"") || input.contains("\"odata.metadata\"") { return .likely }
        let second = prefix.dropFirst().first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        if first == UInt8(ascii: "{") && second == UInt8(ascii: "\"") { return .possible }
        if first == UInt8(ascii: "["), second == UInt8(ascii: "{") || second == UInt8(ascii: "]") { return .possible }
        return input.name.lowercased().hasSuffix(".json") ? .possible : .no
    }

    /// Reads the feed, emitting each record as soon as its object ends.
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - emit: Receives each record.
    ///   - report: Receives each diagnostic.
    /// - Throws: What `emit` throws (I/O failures of the input are reported as fatal diagnostics).
    public mutating func read(
        from source: some ByteSource,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        var limits = JSONLimits()
        limits.maxValueBytes = Self.maxRecordBytes
        var parser = JSONPullParser(source: source, limits: limits)
        var state = ReadState(mapping: EntityMapping(sourceName: options.sourceName))
        do {
            try readDocument(&parser, &state, emit: emit, report: report)
        } catch let error as JSONError {
            report(
                Diagnostic(
                    id: error.diagnosticID,
                    severity: .fatal,
                    message: error.message + (state.emitted > 0 ? " (after \(state.emitted) records)" : ""),
                    location: SourceLocation(
                        source: options.sourceName,
                        line: error.position.line,
                        column: error.position.column,
                        byteOffset: error.position.offset
                    ),
                    cause: error.ioFailure?.description
                )
            )
        }
    }

    private struct ReadState {
        let mapping: EntityMapping
        var emitted = 0
        var sawCollection = false
    }

    private func readDocument(
        _ parser: inout JSONPullParser,
        _ state: inout ReadState,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        switch try parser.peekKind() {
        case .beginArray, .beginObject:
            try readEnvelope(&parser, &state, pointer: "", emit: emit, report: report)
            if !state.sawCollection {
                report(
                    Diagnostic(
                        id: .noRecords,
                        severity: .error,
                        message: "no records found: expected an OData feed (d, d.results or value), an array of "
                            + "records or one record object",
                        location: SourceLocation(source: options.sourceName, line: 1, column: 1)
                    )
                )
            }
        case nil:
            _ = try parser.next()  // reports the empty input
        default:
            let value = try parser.readValue()
            report(
                Diagnostic(
                    id: .noRecords,
                    severity: .error,
                    message: "expected a JSON object or array of records, found \(value.typeName)",
                    location: location(value.position, pointer: "")
                )
            )
        }
        // Reaching the end checks that nothing but whitespace follows the top-level value.
        while try parser.next() != nil {}
    }

    /// Reads the value at `pointer`: an array of records, or an object that is either an envelope (`d`,
    /// `d.results`, `value`) whose record array is streamed, or a single record.
    private func readEnvelope(
        _ parser: inout JSONPullParser,
        _ state: inout ReadState,
        pointer: String,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        guard try parser.peekKind() == .beginObject else {
            if try parser.peekKind() == .beginArray {
                try readCollection(&parser, &state, pointer: pointer, emit: emit, report: report)
            } else {
                try parser.skipValue()
            }
            return
        }
        _ = try parser.next()
        let start = parser.position
        let collectionKeys: Set<String> = pointer.isEmpty ? ["value", "results"] : ["results"]
        var members: [JSONMember] = []
        var streamed = false
        while case .key(let key)? = try parser.next() {
            let keyPosition = parser.position
            if pointer.isEmpty, key == "d" {
                streamed = true
                try readEnvelope(&parser, &state, pointer: "/d", emit: emit, report: report)
            } else if collectionKeys.contains(key), try parser.peekKind() == .beginArray {
                streamed = true
                try readCollection(&parser, &state, pointer: pointer + "/" + key, emit: emit, report: report)
            } else {
                members.append(JSONMember(key: key, value: try parser.readValue(), keyPosition: keyPosition))
            }
        }
        // No record array inside: the object is one record (`{"d": {...}}`, or a bare JSON API record).
        if !streamed, !pointer.isEmpty || members.contains(where: { JSONFields.sameKey($0.key, "id") }) {
            state.sawCollection = true
            try handle(JSONValue(.object(members), position: start), pointer: pointer, &state, emit, report)
        }
    }

    private func readCollection(
        _ parser: inout JSONPullParser,
        _ state: inout ReadState,
        pointer: String,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        state.sawCollection = true
        _ = try parser.next()  // [
        var index = 0
        while let kind = try parser.peekKind(), kind != .endArray {
            let value = try parser.readValue()
            try handle(value, pointer: JSONPointer.appending(pointer, index), &state, emit, report)
            index += 1
        }
        _ = try parser.next()  // ]
    }

    private func handle(
        _ value: JSONValue,
        pointer: String,
        _ state: inout ReadState,
        _ emit: (Record) throws -> Void,
        _ report: (Diagnostic) -> Void
    ) throws {
        guard case .object(let members) = value.kind else {
            report(
                Diagnostic(
                    id: .notAnObject,
                    severity: .error,
                    message: "expected a record object, found \(value.typeName); skipped",
                    location: location(value.position, pointer: pointer)
                )
            )
            return
        }
        var fields = JSONFields(members: members, pointer: pointer, sourceName: options.sourceName)
        let here = location(value.position, pointer: pointer)
        guard let kind = entityKind(of: value, members: members) else {
            report(
                Diagnostic(
                    id: .unknownEntity,
                    severity: .error,
                    message: "cannot tell which entity this record is (no __metadata.type, no entity-set file name); "
                        + "pass --entity NAME; skipped",
                    location: here
                )
            )
            return
        }
        let idMember = fields.take(kind == .countryProfile ? ["id", "country"] : ["id"])
        let id = idMember.flatMap { fields.scalarText($0.value, path: pointer + "/id", report: report) }
        guard let id, !id.isEmpty else {
            report(
                Diagnostic(
                    id: .missingID,
                    severity: .error,
                    message: "\(kind.typeName) record has no id; every InforMEA record needs a stable id; skipped",
                    location: here
                )
            )
            return
        }
        if kind == .countryProfile, let idMember, JSONFields.sameKey(idMember.key, "country") {
            // The key doubles as the country field.
            fields = JSONFields(members: members, pointer: pointer, sourceName: options.sourceName)
            _ = fields.take(["id"])
        }
        fields.ignore(["__metadata"])
        var record = state.mapping.record(kind: kind, id: id, fields: &fields, report: report)
        record.source = here
        record.extras = fields.extras()
        state.emitted += 1
        try emit(record)
    }

    private func location(_ position: JSONPosition, pointer: String) -> SourceLocation {
        SourceLocation(
            source: options.sourceName,
            line: position.line,
            column: position.column,
            byteOffset: position.offset,
            path: pointer.isEmpty ? "/" : pointer
        )
    }

    private func entityKind(of value: JSONValue, members: [JSONMember]) -> EntityKind? {
        if let type = value["__metadata"]?["type"]?.stringValue, let kind = EntityKind(parsing: type) { return kind }
        if let entityName = value["entity"]?.stringValue, let kind = EntityKind(parsing: entityName) { return kind }
        if let assumed = options.entity { return assumed }
        if let entityFromName { return entityFromName }
        return Self.guessEntity(members)
    }

    /// Guesses the entity from the fields only that entity has.
    static func guessEntity(_ members: [JSONMember]) -> EntityKind? {
        func has(_ name: String) -> Bool { members.contains { JSONFields.sameKey($0.key, name) } }
        if has("titleEnglish") || has("treatyWebsiteURL") { return .treaty }
        if has("entryIntoForce") || has("entryIntoForceStatus") { return .countryProfile }
        if has("schemaVersion") || has("authors") || has("referenceToEntities") { return .document }
        if has("number") || has("meetingId") || has("meetingTitle") { return .decision }
        if has("start") || has("kind") || has("access") { return .meeting }
        if has("firstName") || has("lastName") || has("treaties") || has("email") { return .contact }
        if has("name") && (has("latitude") || has("type")) { return .site }
        if has("submission") || has("files") { return has("type") ? .nationalPlan : .countryReport }
        return nil
    }
}
