/// Why a schema could not be loaded.
public struct SchemaLoadFailure: Error, Sendable, CustomStringConvertible {
    /// The schema file.
    public var path: String
    /// What is wrong with it; diagnostics inside the schema, when there are any.
    public var message: String
    /// Problems found in the schema itself, with their locations.
    public var diagnostics: [Diagnostic]

    /// Creates a failure.
    /// - Parameters:
    ///   - path: The schema file.
    ///   - message: What is wrong.
    ///   - diagnostics: Problems found in the schema.
    public init(path: String, message: String, diagnostics: [Diagnostic] = []) {
        self.path = path
        self.message = message
        self.diagnostics = diagnostics
    }

    /// `cannot use schema PATH: MESSAGE`.
    public var description: String { "cannot use schema \(path): \(message)" }
}

/// Checks an input's bytes against a schema in one schema language (XSD, JSON Schema, Table Schema).
///
/// A validator is created once per schema (compiling it) and may then validate many inputs, concurrently:
/// implementations keep per-validation state local to `validate`.
public protocol SchemaValidator: Sendable {
    /// The schema language's name (`xsd`, `json-schema`, `table-schema`).
    static var language: String { get }

    /// Whether a schema file is in this language.
    /// - Parameter schema: The first bytes and the name of the schema file.
    /// - Returns: `true` when this validator can load it.
    static func recognizes(schema: SniffInput) -> Bool

    /// Loads and compiles a schema.
    /// - Parameter schemaPath: The schema file.
    /// - Throws: `SchemaLoadFailure` when the schema is unreadable or invalid.
    init(schemaPath: String) throws

    /// Validates one input, reporting every problem found (up to `maxErrors` errors) with its location.
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - sourceName: The input's name, for locations.
    ///   - maxErrors: The most errors to report before stopping.
    ///   - report: Receives each diagnostic.
    /// - Throws: `IOFailure` when reading the input fails.
    func validate(source: some ByteSource, sourceName: String, maxErrors: Int, report: (Diagnostic) -> Void) throws
}

extension RecordReader {
    /// No schema is registered for a format unless its reader names one.
    public static var defaultSchema: String? { nil }
}

/// A reader that can check its input against a schema while it reads it.
///
/// `meabridge validate` then reads a large input once instead of twice (schema pass, then records), and the schema's
/// diagnostics and the reader's come in document order.
public protocol SchemaCheckingReader: RecordReader {
    /// Reads the input and checks it against the schema in the same pass, when this reader can use the validator.
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - validator: The schema validator chosen for the input.
    ///   - maxErrors: The most schema diagnostics reported.
    ///   - emit: Receives each record.
    ///   - report: Receives each diagnostic.
    /// - Returns: `false`, having read nothing, when this reader cannot use the validator (another schema
    ///   language): the caller then validates and reads in two passes.
    /// - Throws: `IOFailure` when reading fails, or what `emit` throws.
    mutating func read(
        from source: some ByteSource,
        validatingWith validator: any SchemaValidator,
        maxErrors: Int,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws -> Bool
}
