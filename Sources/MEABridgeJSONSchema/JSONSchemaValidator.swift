public import MEABridgeCore
import MEABridgeJSON

/// The `json-schema` schema language for `meabridge validate`: checks JSON and NDJSON inputs against a JSON Schema
/// (draft 2020-12 or draft-07) and reports every problem with its line, column and JSON Pointer.
///
/// A JSON document is validated while it is read (see `JSONSchema.validate(source:maxErrors:report:)` for what
/// streams); an input named `*.ndjson` or `*.jsonl` is validated line by line, each line a record against the
/// schema. Formats (`date`, `date-time`, `email`, `uri`, …) are asserted, and the schema itself is first checked
/// against its draft's meta-schema.
public struct JSONSchemaValidator: SchemaValidator {
    /// `json-schema`.
    public static let language = "json-schema"

    /// The compiled schema.
    public let schema: JSONSchema
    /// The schema file.
    public let schemaPath: String

    /// Whether a file is a JSON Schema: a `.json` file (`.schema.json` included) whose top-level object has
    /// `$schema` naming a JSON Schema draft, or JSON Schema keywords (`$id`, `$ref`, `$defs`, `type`,
    /// `properties`, `allOf`, …).
    ///
    /// A Table Schema (a top-level `fields` array, or a `$schema` naming a Frictionless Table Schema profile) is
    /// never claimed, so the two validators never both recognise one file.
    /// - Parameter schema: The first bytes and the name of the schema file.
    /// - Returns: `true` for a JSON Schema.
    public static func recognizes(schema: SniffInput) -> Bool {
        guard schema.name.lowercased().hasSuffix(".json") else { return false }
        guard let first = schema.trimmedPrefix.first, first == UInt8(ascii: "{") else { return false }
        let (keys, dialect) = topLevelKeys(schema.prefix)
        if let dialect {
            let lower = dialect.lowercased()
            if lower.contains("json-schema.org") { return !keys.contains("fields") || keys.contains("properties") }
            if lower.contains("tableschema") || lower.contains("table-schema") || lower.contains("datapackage") {
                return false
            }
        }
        if keys.contains("fields") { return false }
        return !keys.isDisjoint(with: schemaKeywords)
    }

    /// Top-level member names that only JSON Schemas have.
    private static let schemaKeywords: Set<String> = [
        "$schema", "$id", "$ref", "$defs", "definitions", "$anchor", "$dynamicAnchor", "$dynamicRef", "type",
        "properties", "patternProperties", "additionalProperties", "required", "items", "prefixItems", "allOf",
        "anyOf", "oneOf", "not", "if", "enum", "const", "unevaluatedProperties",
    ]

    /// The member names of the top-level object in a (possibly truncated) JSON prefix, and its `$schema` value.
    private static func topLevelKeys(_ prefix: [UInt8]) -> (keys: Set<String>, schema: String?) {
        var parser = JSONPullParser(source: MemoryByteSource(prefix))
        var keys: Set<String> = []
        var dialect: String?
        do {
            guard try parser.next() == .beginObject else { return ([], nil) }
            while case .key(let key)? = try parser.next() {
                keys.insert(key)
                if key == "$schema", try parser.peekKind() == .string, case .string(let text)? = try parser.next() {
                    dialect = text
                } else {
                    try parser.skipValue()
                }
            }
        } catch {
            // A prefix cut inside the object: what was read so far decides.
        }
        return (keys, dialect)
    }

    /// Loads a schema file for `meabridge validate`: formats asserted, the schema checked against its meta-schema,
    /// and references resolved in the file's folder tree (relative paths, or the `$id` URIs the files share).
    /// - Parameter schemaPath: The schema file.
    /// - Throws: `SchemaLoadFailure` when the file is unreadable or not a valid schema.
    public init(schemaPath: String) throws {
        try self.init(schemaPath: schemaPath, options: JSONSchemaOptions(formats: .assert, validatesSchema: true))
    }

    /// Loads a schema file with explicit options; the folder mapping for the schema's own `$id` is added to
    /// `options.remotes`.
    /// - Parameters:
    ///   - schemaPath: The schema file.
    ///   - options: The options (for example `remotes` for a `--schema-dir`).
    /// - Throws: `SchemaLoadFailure` when the file is unreadable or not a valid schema.
    public init(schemaPath: String, options: JSONSchemaOptions) throws {
        self.schemaPath = schemaPath
        var options = options
        do throws(JSONSchemaLoadError) {
            let absolute = absolutePath(schemaPath)
            if let bytes = readFile(absolute), let id = try parseJSON(bytes, name: schemaPath)["$id"]?.stringValue {
                for (prefix, folder) in JSONSchemaValidator.aligned(id: id, path: absolute)
                where options.remotes[prefix] == nil {
                    options.remotes[prefix] = folder
                }
            }
            schema = try JSONSchema(contentsOfFile: schemaPath, options: options)
        } catch {
            var diagnostics = error.schemaErrors.map { found in
                Diagnostic(
                    id: "json-schema.invalid-schema",
                    severity: .error,
                    message: found.message,
                    location: SourceLocation(
                        source: schemaPath,
                        line: found.position.line > 0 ? found.position.line : nil,
                        column: found.position.line > 0 ? found.position.column : nil,
                        path: found.instanceLocation.isEmpty ? "/" : found.instanceLocation
                    )
                )
            }
            if diagnostics.isEmpty, let position = error.position {
                diagnostics.append(
                    Diagnostic(
                        id: "json-schema.invalid-schema",
                        severity: .error,
                        message: error.message,
                        location: SourceLocation(
                            source: schemaPath,
                            line: position.line,
                            column: position.column,
                            path: error.schemaLocation
                        )
                    )
                )
            }
            throw SchemaLoadFailure(path: schemaPath, message: error.description, diagnostics: diagnostics)
        }
    }

    /// The URI prefix and folder under which a schema's `$id` and its file path agree, so that the other schemas
    /// named by URIs under the same prefix are read from the matching files: `$id`
    /// `https://h/json/canonical/meeting.schema.json` at `/repo/Schemas/json/canonical/meeting.schema.json` maps
    /// `https://h/` to `/repo/Schemas/`.
    static func aligned(id: String, path: String) -> [String: String] {
        let reference = URIReference(id)
        guard reference.scheme != nil, reference.scheme != "file" else { return [:] }
        var uriSegments = reference.withoutFragment.description.split(separator: "/", omittingEmptySubsequences: false)
        var pathSegments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let last = uriSegments.last, let file = pathSegments.last, last == file else { return [:] }
        while uriSegments.count > 3, pathSegments.count > 1, uriSegments.last == pathSegments.last {
            uriSegments.removeLast()
            pathSegments.removeLast()
        }
        return [uriSegments.joined(separator: "/") + "/": pathSegments.joined(separator: "/")]
    }

    /// Validates one input against the schema, reporting each problem as a diagnostic.
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - sourceName: The input's name; `*.ndjson` and `*.jsonl` inputs are validated line by line.
    ///   - maxErrors: The most errors to report.
    ///   - report: Receives each diagnostic: `json-schema.KEYWORD` errors, or a `json.*` diagnostic for input
    ///     that is not JSON.
    /// - Throws: `IOFailure` when reading the input fails.
    public func validate(
        source: some ByteSource,
        sourceName: String,
        maxErrors: Int,
        report: (Diagnostic) -> Void
    ) throws {
        let lower = sourceName.lowercased()
        if lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl") {
            try validateLines(source: source, sourceName: sourceName, maxErrors: maxErrors, report: report)
            return
        }
        do throws(JSONError) {
            try schema.validate(source: source, maxErrors: maxErrors) { report($0.diagnostic(source: sourceName)) }
        } catch {
            if let failure = error.ioFailure { throw failure }
            report(error.diagnostic(source: sourceName))
        }
    }

    /// Validates NDJSON: each non-blank line is one instance; a line that is not JSON is reported and skipped.
    private func validateLines(
        source: some ByteSource,
        sourceName: String,
        maxErrors: Int,
        report: (Diagnostic) -> Void
    ) throws {
        var reader = source
        var pending: [UInt8] = []
        var lineNumber = 0
        var lineStart = 0
        var consumed = 0
        var errors = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var atEnd = false
        while !atEnd && errors < maxErrors {
            let count = try chunk.withUnsafeMutableBytes { try reader.read(into: $0) }
            if count == 0 {
                atEnd = true
                if pending.isEmpty { break }
            } else {
                pending.append(contentsOf: chunk[..<count])
            }
            var start = 0
            while errors < maxErrors {
                let end: Int
                if let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                    end = newline
                } else if atEnd && start < pending.count {
                    end = pending.count
                } else {
                    break
                }
                lineNumber += 1
                lineStart = consumed + start
                var line = Array(pending[start..<end])
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                start = min(end + 1, pending.count)
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                errors += validateLine(line, lineNumber, lineStart, sourceName, maxErrors - errors, report)
            }
            consumed += start
            pending.removeFirst(start)
        }
    }

    /// Validates one NDJSON line, reporting with the line's position in the file.
    /// - Returns: The number of errors reported.
    private func validateLine(
        _ line: [UInt8],
        _ lineNumber: Int,
        _ lineStart: Int,
        _ sourceName: String,
        _ maxErrors: Int,
        _ report: (Diagnostic) -> Void
    ) -> Int {
        func moved(_ position: JSONPosition) -> JSONPosition {
            JSONPosition(line: lineNumber, column: position.column, offset: lineStart + position.offset)
        }
        var parser = JSONPullParser(source: MemoryByteSource(line, name: sourceName))
        let value: JSONValue
        do throws(JSONError) {
            value = try parser.readValue()
            try parser.finish()
        } catch {
            var diagnostic = error.diagnostic(source: sourceName)
            diagnostic.severity = .error
            diagnostic.location?.line = lineNumber
            diagnostic.location?.byteOffset = lineStart + error.position.offset
            report(diagnostic)
            return 1
        }
        let errors = schema.validate(value, maxErrors: maxErrors)
        for error in errors {
            var placed = error
            placed.position = moved(error.position)
            report(placed.diagnostic(source: sourceName))
        }
        return errors.count
    }
}
