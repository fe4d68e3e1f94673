public import MEABridgeCore

/// Checks the rows of one CSV table against a table schema, one row at a time, while something else reads them.
///
/// ``TableSchemaValidator`` uses it for `meabridge validate --schema`, and the CSV readers use it to check their
/// input against the schema in the same pass as they read their records (``SchemaCheckingReader``): each row is
/// tokenized once and checked by both.
///
/// Creating a checker matches the schema's fields to the header's columns and reports the columns the schema needs
/// and the header lacks, and the columns the schema does not know. ``check(_:report:)`` then checks each data row:
/// missing values, `required`, the type and format, `enum`, `pattern`, `minimum`/`maximum`,
/// `minLength`/`maxLength`, `unique` and the primary key (uniqueness is tracked with 64-bit hashes, for at most
/// ``TableSchemaValidator/uniquenessLimit`` distinct values per constraint).
///
/// At most `maxErrors` errors are reported: once they are, the checker stops checking (``isExhausted``). Errors
/// found in the table itself (a short row, an unterminated quote) count too when they are passed to
/// ``count(_:)``.
public struct TableRowChecker {
    /// One field matched to a column, with what checking it needs.
    struct Check {
        let field: TableSchema.Field
        let column: Int
        let caster: FieldCaster
        let quick: QuickCheck
        let tables: QuickCheck.Tables
        let missing: Set<String>
        let required: Bool
        let enumKeys: Set<String>?
        let pattern: Regex<AnyRegexOutput>?
        let minimum: Double?
        let maximum: Double?
        /// Whether the field is part of the primary key (its value is needed for the key).
        let inKey: Bool
        var unique: UniquenessTracker?
    }

    /// The schema.
    public let schema: TableSchema
    /// The most errors reported.
    public let maxErrors: Int
    /// The errors reported so far (and those counted with ``count(_:)``).
    public private(set) var errorCount = 0
    private var checks: [Check] = []
    /// The quick check of each of `checks`, and its column, side by side for the pass over each row.
    private var quicks: [QuickCheck] = []
    private var tables: [QuickCheck.Tables] = []
    private var columns: [Int] = []
    /// For the current row, the index of each check's value in its field's `enum` (-1 when none).
    private var allowedIndexes: [Int32] = []
    /// The check of each column of the header (-1 for none).
    private var checkOfColumn: [Int] = []
    /// Whether `allowedIndexes` are those of the current row.
    private var allowedIndexesValid = false
    private var primaryKey: UniquenessTracker?
    /// The primary key's fields, as indexes into `checks`, in the schema's order.
    private var keyOrder: [Int] = []
    private var keyParts: [String?] = []

    /// Whether `maxErrors` errors were reported: later rows are not checked.
    public var isExhausted: Bool { errorCount >= maxErrors }

    /// Matches the schema's fields to a table's columns, reporting the columns missing from the header and those the
    /// schema does not describe.
    /// - Parameters:
    ///   - schema: The table schema.
    ///   - header: The table's header.
    ///   - reader: The table reader, positioned on the header row (for locations).
    ///   - maxErrors: The most errors to report.
    ///   - report: Receives the header's problems.
    public init(
        schema: TableSchema,
        header: CSVHeader,
        reader: CSVTableReader,
        maxErrors: Int = .max,
        report: (Diagnostic) -> Void
    ) {
        self.schema = schema
        self.maxErrors = max(1, maxErrors)
        let primaryKeys = Set(schema.primaryKey.map(CSVText.headerKey))
        var matched = Set<Int>()
        for field in schema.fields {
            let key = CSVText.headerKey(field.name)
            let required = field.constraints.required || primaryKeys.contains(key)
            guard let column = header.index(of: field.name) ?? header.index(compact: [field.name]) else {
                emit(
                    Diagnostic(
                        id: .schemaColumnMissing,
                        severity: required ? .error : .note,
                        message: required
                            ? "the header has no column '\(field.name)', which the schema requires"
                            : "the header has no column '\(field.name)' (optional in the schema)",
                        location: reader.tokenizer.rowLocation
                    ),
                    report
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
            let (quick, tables) = QuickCheck.make(
                field: field,
                missingValues: missingValues,
                minimum: minimum,
                maximum: maximum,
                needsValue: inKey || field.constraints.unique
            )
            checks.append(
                Check(
                    field: field,
                    column: column,
                    caster: caster,
                    quick: quick,
                    tables: tables,
                    missing: Set(missingValues),
                    required: required,
                    enumKeys: field.constraints.enumValues.map { Set($0.compactMap { caster.cast($0)?.key }) },
                    pattern: pattern,
                    minimum: minimum,
                    maximum: maximum,
                    inKey: inKey,
                    unique: field.constraints.unique
                        ? UniquenessTracker(limit: TableSchemaValidator.uniquenessLimit) : nil
                )
            )
        }
        for column in 0..<header.namedCount where !matched.contains(column) && !header.names[column].isEmpty {
            emit(
                Diagnostic(
                    id: .schemaColumnUnknown,
                    severity: .warning,
                    message: "column '\(header.names[column])' is not in the schema; its values are not checked",
                    location: reader.tokenizer.location(ofField: column, name: header.names[column])
                ),
                report
            )
        }
        let keyCount = checks.filter(\.inKey).count
        if !schema.primaryKey.isEmpty && keyCount == schema.primaryKey.count {
            primaryKey = UniquenessTracker(limit: TableSchemaValidator.uniquenessLimit)
        }
        keyOrder = schema.primaryKey.compactMap { name in
            checks.firstIndex { CSVText.headerKey($0.field.name) == CSVText.headerKey(name) }
        }
        keyParts = Array(repeating: nil, count: checks.count)
        quicks = checks.map(\.quick)
        tables = checks.map(\.tables)
        columns = checks.map(\.column)
        allowedIndexes = Array(repeating: -1, count: checks.count)
        checkOfColumn = Array(repeating: -1, count: (columns.max() ?? -1) + 1)
        for (index, column) in columns.enumerated() where checkOfColumn[column] < 0 { checkOfColumn[column] = index }
    }

    /// The index of the current row's value of a column in its field's `enum`, as the last ``check(_:report:)``
    /// found it: equal indexes are equal values (bytes), so a reader can remember what it made of a value by this
    /// index instead of looking the value up again.
    /// - Parameter column: The 0-based column.
    /// - Returns: The index, or `nil` when the column has no `enum` in the schema, the value is not in it, or the row
    ///   was not checked.
    public func allowedIndex(ofColumn column: Int) -> Int? {
        guard allowedIndexesValid, column < checkOfColumn.count else { return nil }
        let check = checkOfColumn[column]
        guard check >= 0 else { return nil }
        let found = allowedIndexes[check]
        return found >= 0 ? Int(found) : nil
    }

    /// Appends the current row's `enum` indexes (see ``allowedIndex(ofColumn:)``) to a block's list.
    /// - Parameter list: The list.
    /// - Returns: Where they start in it, or -1 when the row was not checked.
    func appendAllowedIndexes(to list: inout [Int32]) -> Int {
        guard allowedIndexesValid else { return -1 }
        let start = list.count
        allowedIndexes.withUnsafeBufferPointer { indexes in list.append(contentsOf: indexes) }
        return start
    }

    /// Takes the `enum` indexes of a row that another checker checked (``appendAllowedIndexes(to:)``).
    /// - Parameters:
    ///   - list: The block's list.
    ///   - start: Where the row's indexes start, or -1 when it was not checked.
    mutating func load(_ list: [Int32], start: Int) {
        allowedIndexesValid = start >= 0
        guard start >= 0 else { return }
        let count = allowedIndexes.count
        allowedIndexes.withUnsafeMutableBufferPointer { mine in
            list.withUnsafeBufferPointer { theirs in
                for index in 0..<count { mine[index] = theirs[start + index] }
            }
        }
    }

    /// Counts a diagnostic reported by someone else about the same table (a malformed row), so that errors in the
    /// table itself count towards `maxErrors` as they do in ``TableSchemaValidator``.
    /// - Parameter diagnostic: The diagnostic.
    public mutating func count(_ diagnostic: Diagnostic) {
        if diagnostic.severity >= .error { errorCount += 1 }
    }

    /// Checks the reader's current row, reporting every problem (nothing once ``isExhausted``).
    /// - Parameters:
    ///   - reader: The table reader, positioned on a data row.
    ///   - report: Receives the problems.
    public mutating func check(_ reader: CSVTableReader, report: (Diagnostic) -> Void) {
        allowedIndexesValid = false
        guard errorCount < maxErrors else { return }
        // Most values are checked on their bytes, without building text, in one pass over the row; only those that
        // are missing or fail are looked at again.
        var attention = (missing: UInt64(0), full: UInt64(0))
        if checks.count <= 64 {
            attention = quicks.withUnsafeBufferPointer { quicks in
                tables.withUnsafeBufferPointer { tables in
                    columns.withUnsafeBufferPointer { columns in
                        allowedIndexes.withUnsafeMutableBufferPointer { allowed in
                            reader.tokenizer.quickCheck(quicks, tables, columns, allowed)
                        }
                    }
                }
            }
            allowedIndexesValid = true
            if attention.missing | attention.full == 0 && primaryKey == nil { return }
        }
        for index in 0..<checks.count {
            let column = checks[index].column
            let quick: QuickCheck.Outcome
            if checks.count <= 64 {
                let bit = UInt64(1) << UInt64(index)
                quick = attention.missing & bit != 0 ? .missing : attention.full & bit != 0 ? .fullCheck : .valid
            } else {
                let check = quicks[index]
                quick =
                    column < reader.fieldCount
                    ? withUnsafePointer(to: tables[index]) { tables in
                        reader.tokenizer.withField(column) { bytes in
                            var allowed: Int32 = -1
                            return check.check(bytes, tables, &allowed)
                        }
                    } : .missing
            }
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
                    problem(.schemaRequired, what, text, index, reader, report)
                }
            case .fullCheck:
                keyParts[index] = fullCheck(index, reader.value(column), reader, report)
            }
        }
        guard primaryKey != nil else { return }
        let parts = keyOrder.compactMap { keyParts[$0] }
        if parts.count == keyOrder.count {
            let key = parts.joined(separator: "\u{1F}")
            let outcome = primaryKey?.insert(key, row: reader.rowNumber)
            if case .duplicate(let row)? = outcome {
                var at = reader.rowLocation
                at.path = "row \(reader.rowNumber), column \(schema.primaryKey.joined(separator: "+"))"
                emit(
                    Diagnostic(
                        id: .schemaUnique,
                        severity: .error,
                        message: "row \(reader.rowNumber): the primary key "
                            + "(\(schema.primaryKey.joined(separator: ", "))) '\(parts.joined(separator: ", "))' "
                            + "repeats row \(row)",
                        location: at
                    ),
                    report
                )
            } else if case .limitReached? = outcome {
                emit(limitNote("primary key", reader), report)
            }
        }
        for index in keyOrder { keyParts[index] = nil }
    }

    /// Checks one value as text: type, format and every constraint, reporting each problem.
    /// - Returns: The value's key when it is valid (for the primary key).
    private mutating func fullCheck(
        _ index: Int,
        _ text: String,
        _ reader: CSVTableReader,
        _ report: (Diagnostic) -> Void
    ) -> String? {
        let check = checks[index]
        if check.missing.contains(text) {
            if check.required {
                let what =
                    text.isEmpty
                    ? "is empty, but the schema requires a value"
                    : "is a missing value, but the schema requires a value"
                problem(.schemaRequired, what, text, index, reader, report)
            }
            return nil
        }
        guard let value = check.caster.cast(text) else {
            let trimmed = CSVText.trimmed(text)
            let spaces =
                trimmed != text && !trimmed.isEmpty && check.caster.cast(trimmed) != nil
                ? ": it has spaces around it (without them it would be valid)" : ""
            problem(.schemaType, "is not \(check.caster.expectation)\(spaces)", text, index, reader, report)
            return nil
        }
        let constraints = check.field.constraints
        if let keys = check.enumKeys, !keys.contains(value.key) {
            let allowed = constraints.enumValues ?? []
            let listed = allowed.count <= 12 ? ": " + allowed.joined(separator: ", ") : " (\(allowed.count) values)"
            problem(.schemaEnum, "is not one of the allowed values\(listed)", text, index, reader, report)
        }
        if let pattern = check.pattern, (try? pattern.wholeMatch(in: text)) == nil {
            problem(
                .schemaPattern,
                "does not match the pattern \(constraints.pattern ?? "")",
                text,
                index,
                reader,
                report
            )
        }
        if let order = value.order {
            if let minimum = check.minimum, order < minimum {
                problem(.schemaRange, "is below the minimum \(constraints.minimum ?? "")", text, index, reader, report)
            }
            if let maximum = check.maximum, order > maximum {
                problem(.schemaRange, "is above the maximum \(constraints.maximum ?? "")", text, index, reader, report)
            }
        }
        if let length = value.length {
            if let minimum = constraints.minLength, length < minimum {
                problem(.schemaRange, "is shorter than the minimum length \(minimum)", text, index, reader, report)
            }
            if let maximum = constraints.maxLength, length > maximum {
                problem(.schemaRange, "is longer than the maximum length \(maximum)", text, index, reader, report)
            }
        }
        if checks[index].unique != nil {
            let outcome = checks[index].unique?.insert(value.key, row: reader.rowNumber)
            if case .duplicate(let row)? = outcome {
                problem(
                    .schemaUnique,
                    "repeats the value of row \(row); the field is unique",
                    text,
                    index,
                    reader,
                    report
                )
            } else if case .limitReached? = outcome {
                emit(limitNote(check.field.name, reader), report)
            }
        }
        return value.key
    }

    /// Reports a diagnostic unless `maxErrors` errors were reported already.
    private mutating func emit(_ diagnostic: Diagnostic, _ report: (Diagnostic) -> Void) {
        guard errorCount < maxErrors else { return }
        if diagnostic.severity >= .error { errorCount += 1 }
        report(diagnostic)
    }

    private func limitNote(_ what: String, _ reader: CSVTableReader) -> Diagnostic {
        Diagnostic(
            id: .schemaUnique,
            severity: .note,
            message: "uniqueness of \(what) is checked for the first \(TableSchemaValidator.uniquenessLimit) distinct "
                + "values only, to keep memory bounded; later rows are not checked",
            location: reader.rowLocation
        )
    }

    private mutating func problem(
        _ id: DiagnosticID,
        _ what: String,
        _ value: String,
        _ index: Int,
        _ reader: CSVTableReader,
        _ report: (Diagnostic) -> Void
    ) {
        let check = checks[index]
        let shown = value.isEmpty ? "the value" : "'\(CSVText.shown(value))'"
        emit(
            Diagnostic(
                id: id,
                severity: .error,
                message: "row \(reader.rowNumber), column '\(check.field.name)': \(shown) \(what)",
                location: reader.location(check.column)
            ),
            report
        )
    }
}

extension CSVTableReader {
    /// Moves to the next well-formed data row and checks it against a table schema, when there is a checker: the
    /// table's own errors (a short row) count towards the checker's limit, as in ``TableSchemaValidator``.
    /// - Parameters:
    ///   - checker: The schema check, or `nil` to only read.
    ///   - report: Receives the table's problems and the schema's.
    /// - Returns: `false` at the end of the input.
    /// - Throws: `IOFailure` when reading fails.
    public mutating func nextRow(checking checker: inout TableRowChecker?, report: (Diagnostic) -> Void)
        throws(IOFailure) -> Bool
    {
        guard checker != nil else { return try nextRow(report: report) }
        guard
            try nextRow(report: {
                checker?.count($0)
                report($0)
            })
        else { return false }
        checker?.check(self, report: report)
        return true
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
