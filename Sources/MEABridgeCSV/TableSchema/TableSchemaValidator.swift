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

    /// One field matched to a column, with what checking it needs.
    private struct Check {
        let field: TableSchema.Field
        let column: Int
        let caster: FieldCaster
        let quick: QuickCheck
        let missing: Set<String>
        let emptyIsMissing: Bool
        let required: Bool
        let enumKeys: Set<String>?
        let pattern: Regex<AnyRegexOutput>?
        let minimum: Double?
        let maximum: Double?
        /// Whether the field is part of the primary key (its value is needed for the key).
        let inKey: Bool
        var unique: UniquenessTracker?
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
        let primaryKeys = Set(schema.primaryKey.map(CSVText.headerKey))
        var checks: [Check] = []
        var matched = Set<Int>()
        for field in schema.fields {
            let key = CSVText.headerKey(field.name)
            let required = field.constraints.required || primaryKeys.contains(key)
            guard let column = header.index(of: field.name) ?? header.index(compact: [field.name]) else {
                report(
                    Diagnostic(
                        id: .schemaColumnMissing,
                        severity: required ? .error : .note,
                        message: required
                            ? "the header has no column '\(field.name)', which the schema requires"
                            : "the header has no column '\(field.name)' (optional in the schema)",
                        location: reader.tokenizer.rowLocation
                    )
                )
                continue
            }
            matched.insert(column)
            let missingValues = field.missingValues ?? schema.missingValues
            let caster = FieldCaster(field)
            var pattern: Regex<AnyRegexOutput>?
            if let text = field.constraints.pattern { pattern = try? Regex(text) }
            let minimum = field.constraints.minimum.flatMap { caster.cast($0)?.order }
            let maximum = field.constraints.maximum.flatMap { caster.cast($0)?.order }
            let inKey = primaryKeys.contains(key)
            checks.append(
                Check(
                    field: field,
                    column: column,
                    caster: caster,
                    quick: QuickCheck(
                        field: field,
                        missingValues: missingValues,
                        minimum: minimum,
                        maximum: maximum,
                        needsValue: inKey || field.constraints.unique
                    ),
                    missing: Set(missingValues),
                    emptyIsMissing: missingValues.contains(""),
                    required: required,
                    enumKeys: field.constraints.enumValues.map { Set($0.compactMap { caster.cast($0)?.key }) },
                    pattern: pattern,
                    minimum: minimum,
                    maximum: maximum,
                    inKey: inKey,
                    unique: field.constraints.unique ? UniquenessTracker(limit: Self.uniquenessLimit) : nil
                )
            )
        }
        for column in 0..<header.namedCount where !matched.contains(column) && !header.names[column].isEmpty {
            report(
                Diagnostic(
                    id: .schemaColumnUnknown,
                    severity: .warning,
                    message: "column '\(header.names[column])' is not in the schema; its values are not checked",
                    location: reader.tokenizer.location(ofField: column, name: header.names[column])
                )
            )
        }
        let keyCount = checks.filter(\.inKey).count
        var primaryKey =
            !schema.primaryKey.isEmpty && keyCount == schema.primaryKey.count
            ? UniquenessTracker(limit: Self.uniquenessLimit) : nil
        // The key's parts in the schema's order.
        let keyOrder = schema.primaryKey.compactMap { name in
            checks.firstIndex { CSVText.headerKey($0.field.name) == CSVText.headerKey(name) }
        }
        var keyParts: [String?] = Array(repeating: nil, count: checks.count)

        while errors() < limit, try reader.nextRow(report: report) {
            for index in checks.indices {
                let column = checks[index].column
                // Most values are checked on their bytes, without building text.
                let quick: QuickCheck.Outcome =
                    column < reader.fieldCount
                    ? reader.tokenizer.withField(column) { checks[index].quick.check($0) } : .missing
                switch quick {
                case .valid:
                    continue
                case .missing:
                    if checks[index].required {
                        let text = reader.value(column)
                        let what =
                            text.isEmpty
                            ? "is empty, but the schema requires a value"
                            : "is a missing value, but the schema requires a value"
                        problem(.schemaRequired, what, text, checks[index], reader, report)
                    }
                case .fullCheck:
                    keyParts[index] = fullCheck(&checks[index], reader.value(column), reader, report)
                }
            }
            if primaryKey != nil {
                let parts = keyOrder.compactMap { keyParts[$0] }
                if parts.count == keyOrder.count {
                    let key = parts.joined(separator: "\u{1F}")
                    let outcome = primaryKey?.insert(key, row: reader.rowNumber)
                    if case .duplicate(let row)? = outcome {
                        var at = reader.rowLocation
                        at.path = "row \(reader.rowNumber), column \(schema.primaryKey.joined(separator: "+"))"
                        report(
                            Diagnostic(
                                id: .schemaUnique,
                                severity: .error,
                                message: "row \(reader.rowNumber): the primary key "
                                    + "(\(schema.primaryKey.joined(separator: ", "))) '\(parts.joined(separator: ", "))' "
                                    + "repeats row \(row)",
                                location: at
                            )
                        )
                    } else if case .limitReached? = outcome {
                        report(limitNote("primary key", reader))
                    }
                }
                for index in keyOrder { keyParts[index] = nil }
            }
        }
    }

    /// Checks one value as text: type, format and every constraint, reporting each problem.
    /// - Returns: The value's key when it is valid (for the primary key).
    private func fullCheck(
        _ check: inout Check,
        _ text: String,
        _ reader: CSVTableReader,
        _ report: (Diagnostic) -> Void
    ) -> String? {
        if check.missing.contains(text) {
            if check.required {
                let what =
                    text.isEmpty
                    ? "is empty, but the schema requires a value"
                    : "is a missing value, but the schema requires a value"
                problem(.schemaRequired, what, text, check, reader, report)
            }
            return nil
        }
        guard let value = check.caster.cast(text) else {
            let trimmed = CSVText.trimmed(text)
            let spaces =
                trimmed != text && !trimmed.isEmpty && check.caster.cast(trimmed) != nil
                ? ": it has spaces around it (without them it would be valid)" : ""
            problem(.schemaType, "is not \(check.caster.expectation)\(spaces)", text, check, reader, report)
            return nil
        }
        let constraints = check.field.constraints
        if let keys = check.enumKeys, !keys.contains(value.key) {
            let allowed = constraints.enumValues ?? []
            let listed = allowed.count <= 12 ? ": " + allowed.joined(separator: ", ") : " (\(allowed.count) values)"
            problem(.schemaEnum, "is not one of the allowed values\(listed)", text, check, reader, report)
        }
        if let pattern = check.pattern, (try? pattern.wholeMatch(in: text)) == nil {
            problem(
                .schemaPattern,
                "does not match the pattern \(constraints.pattern ?? "")",
                text,
                check,
                reader,
                report
            )
        }
        if let order = value.order {
            if let minimum = check.minimum, order < minimum {
                problem(.schemaRange, "is below the minimum \(constraints.minimum ?? "")", text, check, reader, report)
            }
            if let maximum = check.maximum, order > maximum {
                problem(.schemaRange, "is above the maximum \(constraints.maximum ?? "")", text, check, reader, report)
            }
        }
        if let length = value.length {
            if let minimum = constraints.minLength, length < minimum {
                problem(.schemaRange, "is shorter than the minimum length \(minimum)", text, check, reader, report)
            }
            if let maximum = constraints.maxLength, length > maximum {
                problem(.schemaRange, "is longer than the maximum length \(maximum)", text, check, reader, report)
            }
        }
        if check.unique != nil {
            let outcome = check.unique?.insert(value.key, row: reader.rowNumber)
            if case .duplicate(let row)? = outcome {
                problem(
                    .schemaUnique,
                    "repeats the value of row \(row); the field is unique",
                    text,
                    check,
                    reader,
                    report
                )
            } else if case .limitReached? = outcome {
                report(limitNote(check.field.name, reader))
            }
        }
        return value.key
    }

    private func limitNote(_ what: String, _ reader: CSVTableReader) -> Diagnostic {
        Diagnostic(
            id: .schemaUnique,
            severity: .note,
            message: "uniqueness of \(what) is checked for the first \(Self.uniquenessLimit) distinct values only, "
                + "to keep memory bounded; later rows are not checked",
            location: reader.rowLocation
        )
    }

    private func problem(
        _ id: DiagnosticID,
        _ what: String,
        _ value: String,
        _ check: Check,
        _ reader: CSVTableReader,
        _ report: (Diagnostic) -> Void
    ) {
        let name = check.field.name
        let shown = value.isEmpty ? "the value" : "'\(CSVText.shown(value))'"
        report(
            Diagnostic(
                id: id,
                severity: .error,
                message: "row \(reader.rowNumber), column '\(name)': \(shown) \(what)",
                location: reader.location(check.column)
            )
        )
    }
}

/// Remembers values by 64-bit hash (a collision, about one in 10^7 at two million values, would report a false
/// duplicate) with the row that first had each, up to a limit.
struct UniquenessTracker {
    enum Outcome {
        case new
        case duplicate(row: Int)
        case limitReached
        case notTracked
    }

    private var rows: [UInt64: UInt32] = [:]
    private let limit: Int
    private var full = false

    init(limit: Int) { self.limit = limit }

    mutating func insert(_ key: String, row: Int) -> Outcome {
        var hasher = Hasher()
        hasher.combine(key)
        let hash = UInt64(bitPattern: Int64(hasher.finalize()))
        if let first = rows[hash] { return .duplicate(row: Int(first)) }
        if full { return .notTracked }
        if rows.count >= limit {
            full = true
            return .limitReached
        }
        rows[hash] = UInt32(truncatingIfNeeded: row)
        return .new
    }
}
