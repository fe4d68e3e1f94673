public import MEABridgeCore
import MEABridgeJSON

/// The `table-schema` language of `meabridge validate`: checks a CSV (or TSV, semicolon- or pipe-separated) file
/// against a Frictionless Table Schema, streaming, and reports every problem with its row, column name and value.
///
/// The file goes through ``CSVTableReader`` (so malformed rows, unterminated quotes and encoding problems are
/// reported too), columns are matched to fields by name (see ``TableSchema``), and each value is checked: missing
/// values, `required`, the type and format (a date not in the declared format says which format, with an example),
/// `enum`, `pattern`, `minimum`/`maximum`, `minLength`/`maxLength`, `unique` and the primary key.
///
/// Memory stays bounded: uniqueness is tracked with 64-bit hashes of the values, for at most
/// ``uniquenessLimit`` distinct values per constraint (a note says where checking stopped when a file has more).
public struct TableSchemaValidator: SchemaValidator {
    /// `table-schema`.
    public static let language = "table-schema"

    /// The most distinct values remembered per `unique` field or primary key (about 16 bytes each).
    public static let uniquenessLimit = 2_000_000

    /// The schema.
    public let schema: TableSchema
    /// The schema file.
    public let schemaPath: String

    /// Whether a schema file is a table schema: a JSON object with a top-level `fields` array, or a `$schema` naming
    /// a Frictionless Table Schema profile.
    ///
    /// A JSON Schema is never claimed: a `$schema` naming json-schema.org counts only when the object has `fields`
    /// and no `properties`, the exact opposite of what `json-schema` claims, so one file never matches both.
    /// - Parameter schema: The first bytes and the name of the schema file.
    /// - Returns: `true` for a table schema.
    public static func recognizes(schema: SniffInput) -> Bool {
        guard schema.trimmedPrefix.first == UInt8(ascii: "{") else { return false }
        var parser = JSONPullParser(source: MemoryByteSource(Array(schema.trimmedPrefix)))
        var keys: Set<String> = []
        var fieldsIsArray = false
        var dialect: String?
        do {
            guard try parser.next() == .beginObject else { return false }
            while case .key(let key)? = try parser.next() {
                keys.insert(key)
                let kind = try parser.peekKind()
                if key == "fields" { fieldsIsArray = kind == .beginArray }
                if key == "$schema", kind == .string, case .string(let text)? = try parser.next() {
                    dialect = text.lowercased()
                } else {
                    try parser.skipValue()
                }
            }
        } catch {
            // A prefix cut inside the object: what was read so far decides.
        }
        if let dialect {
            if dialect.contains("tableschema") || dialect.contains("table-schema") { return true }
            if dialect.contains("json-schema.org") { return keys.contains("fields") && !keys.contains("properties") }
        }
        return fieldsIsArray
    }

    /// Loads a schema file.
    /// - Parameter schemaPath: The file.
    /// - Throws: `SchemaLoadFailure` when it is unreadable or not a valid table schema.
    public init(schemaPath: String) throws {
        try self.init(schema: TableSchema.load(path: schemaPath), path: schemaPath)
    }

    /// Creates a validator for a schema already loaded.
    /// - Parameters:
    ///   - schema: The schema.
    ///   - path: A name for the schema in messages.
    /// - Throws: `SchemaLoadFailure` when an `enum`, `minimum` or `maximum` value is not of its field's type.
    public init(schema: TableSchema, path: String = "<schema>") throws(SchemaLoadFailure) {
        var problems: [Diagnostic] = []
        for field in schema.fields {
            let caster = FieldCaster(field)
            var values = field.constraints.enumValues ?? []
            if let minimum = field.constraints.minimum { values.append(minimum) }
            if let maximum = field.constraints.maximum { values.append(maximum) }
            for value in values where caster.cast(value) == nil {
                problems.append(
                    Diagnostic(
                        id: .schemaInvalid,
                        severity: .error,
                        message: "constraint value '\(value)' of field '\(field.name)' is not \(caster.expectation)",
                        location: field.schemaLocation
                    )
                )
            }
        }
        guard problems.isEmpty else {
            throw SchemaLoadFailure(path: path, message: "invalid constraint values", diagnostics: problems)
        }
        self.schema = schema
        self.schemaPath = path
    }

    /// Validates one CSV input, reporting every problem (up to `maxErrors` errors).
    /// - Parameters:
    ///   - source: The CSV bytes.
    ///   - sourceName: The input's name for locations.
    ///   - maxErrors: The most errors to report; validation stops there.
    ///   - report: Receives each diagnostic.
    /// - Throws: `IOFailure` when reading fails.
    public func validate(
        source: some ByteSource,
        sourceName: String,
        maxErrors: Int,
        report: (Diagnostic) -> Void
    ) throws {
        var errors = 0
        let limit = max(1, maxErrors)
        try withoutActuallyEscaping(report) { report in
            let counted: (Diagnostic) -> Void = { diagnostic in
                guard errors < limit else { return }
                if diagnostic.severity >= .error { errors += 1 }
                report(diagnostic)
            }
            try run(source: source, sourceName: sourceName, stopAfter: limit, errors: { errors }, report: counted)
        }
    }

    private func run(
        source: some ByteSource,
        sourceName: String,
        stopAfter limit: Int,
        errors: () -> Int,
        report: (Diagnostic) -> Void
    ) throws {
        var reader = CSVTableReader(source: source, name: sourceName)
        guard let header = try reader.readHeader(report: report) else { return }
        var checker = TableRowChecker(schema: schema, header: header, reader: reader, report: report)
        while errors() < limit, try reader.nextRow(report: report) {
            checker.check(reader, report: report)
        }
    }

    /// Starts checking a table against the schema in the same pass as a reader reads it: the reader reads the
    /// header, creates the checker, then calls ``TableRowChecker/check(_:report:)`` on each data row.
    /// - Parameters:
    ///   - header: The table's header.
    ///   - reader: The table reader, positioned on the header row.
    ///   - maxErrors: The most errors to report.
    ///   - report: Receives the header's problems (columns missing or not in the schema).
    /// - Returns: The checker.
    public func rowChecker(
        header: CSVHeader,
        reader: CSVTableReader,
        maxErrors: Int,
        report: (Diagnostic) -> Void
    ) -> TableRowChecker {
        TableRowChecker(schema: schema, header: header, reader: reader, maxErrors: maxErrors, report: report)
    }
}
