public import MEABridgeCore

/// A table schema checked while a CSV reader reads: the one pass of `meabridge validate --schema`.
public struct TableSchemaCheck: Sendable {
    /// The schema's validator.
    public let validator: TableSchemaValidator
    /// The most errors the schema check reports.
    public let maxErrors: Int

    /// The checker of each row once the header is read.
    /// - Parameters:
    ///   - header: The file's header.
    ///   - reader: The table reader, after the header.
    ///   - report: Receives the header's problems (missing or unknown columns).
    /// - Returns: The row checker.
    public func checker(
        header: CSVHeader,
        reader: CSVTableReader,
        report: (Diagnostic) -> Void
    ) -> TableRowChecker {
        validator.rowChecker(header: header, reader: reader, maxErrors: maxErrors, report: report)
    }
}

/// A CSV reader that checks a table schema in the same pass: each row is tokenized once, checked against the schema,
/// then read; the schema's diagnostics come in row order with the reader's.
///
/// A reader implements ``read(from:checking:emit:report:)``; plain reading and ``SchemaCheckingReader`` come from it.
public protocol TableSchemaCheckingReader: SchemaCheckingReader {
    /// Reads every row, checking each against `check` when there is one.
    /// - Parameters:
    ///   - source: The CSV bytes.
    ///   - check: The table schema to check the rows against, or `nil`.
    ///   - emit: Receives each record.
    ///   - report: Receives each diagnostic.
    /// - Throws: `IOFailure` when reading fails, or what `emit` throws.
    mutating func read(
        from source: some ByteSource,
        checking check: TableSchemaCheck?,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws
}

extension TableSchemaCheckingReader {
    /// Reads every row.
    /// - Parameters:
    ///   - source: The CSV bytes.
    ///   - emit: Receives each record.
    ///   - report: Receives each diagnostic.
    /// - Throws: `IOFailure` when reading fails, or what `emit` throws.
    public mutating func read(
        from source: some ByteSource,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        try read(from: source, checking: nil, emit: emit, report: report)
    }

    /// Reads the rows and checks them against a table schema in the same pass, when the validator is a
    /// ``TableSchemaValidator``.
    /// - Parameters:
    ///   - source: The CSV bytes.
    ///   - validator: The schema validator chosen for the input.
    ///   - maxErrors: The most errors the schema check reports (errors in the table itself count too).
    ///   - emit: Receives each record.
    ///   - report: Receives each diagnostic.
    /// - Returns: `false`, having read nothing, when the validator is not a ``TableSchemaValidator``.
    /// - Throws: `IOFailure` when reading fails, or what `emit` throws.
    public mutating func read(
        from source: some ByteSource,
        validatingWith validator: any SchemaValidator,
        maxErrors: Int,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws -> Bool {
        guard let validator = validator as? TableSchemaValidator else { return false }
        try read(
            from: source,
            checking: TableSchemaCheck(validator: validator, maxErrors: maxErrors),
            emit: emit,
            report: report
        )
        return true
    }
}
