public import MEABridgeCore

/// Validates XML inputs against a W3C XML Schema, streaming: the `xsd` schema language of `meabridge validate`.
///
/// The schema is compiled once (``init(schemaPath:)``) and shared by every validation, which may run concurrently.
/// Each validation streams the input through libxml2's push parser with its XSD validator plugged in, so memory stays
/// bounded whatever the input's size, and reports every problem (up to `maxErrors`): well-formedness errors
/// (`xml.*`, after which validation stops) and validity errors (`xsd.content`, `xsd.attribute`, `xsd.value`,
/// `xsd.invalid`), each with its line and the XPath of the element concerned (see ``XMLStreamReader``).
public struct XSDSchemaValidator: SchemaValidator {
    /// `xsd`.
    public static let language = "xsd"

    /// The compiled schema.
    public let schema: XSDSchema

    /// Whether a schema file is an XSD: its name ends in `.xsd`, or its first element is `xs:schema`/`xsd:schema`
    /// or a `schema` element in the XML Schema namespace.
    /// - Parameter schema: The first bytes and the name of the schema file.
    /// - Returns: `true` for an XSD.
    public static func recognizes(schema: SniffInput) -> Bool {
        if schema.name.lowercased().hasSuffix(".xsd") { return true }
        let prefix = schema.trimmedPrefix
        guard prefix.first == UInt8(ascii: "<") else { return false }
        return schema.contains("<xs:schema") || schema.contains("<xsd:schema")
            || (schema.contains("<schema") && schema.contains("http://www.w3.org/2001/XMLSchema"))
    }

    /// Loads and compiles a schema.
    /// - Parameter schemaPath: The `.xsd` file.
    /// - Throws: `SchemaLoadFailure` when the file is unreadable or not a valid XSD.
    public init(schemaPath: String) throws {
        schema = try XSDSchema(path: schemaPath)
    }

    /// Wraps a schema compiled already.
    /// - Parameter schema: The compiled schema.
    public init(schema: XSDSchema) {
        self.schema = schema
    }

    /// Validates one input, streaming, reporting every problem found (up to `maxErrors`) with its line and XPath.
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - sourceName: The input's name, for locations.
    ///   - maxErrors: The most diagnostics to report; validation stops there, with a note saying so.
    ///   - report: Receives each diagnostic.
    /// - Throws: `IOFailure` when reading the input fails.
    public func validate(
        source: some ByteSource,
        sourceName: String,
        maxErrors: Int,
        report: (Diagnostic) -> Void
    ) throws {
        try streaming(
            source: source,
            sourceName: sourceName,
            maxErrors: maxErrors,
            recordsEvents: false,
            report: report
        ) {
            try $0.drain(report: report)
        }
    }

    /// Reads an input with this schema plugged into the parser.
    ///
    /// `body` consumes the reader (drains it, or maps its elements to records); the schema's diagnostics come with
    /// the reader's, and a note says when more than `maxErrors` were found. The one-pass readers (`informea-atom`,
    /// `faolex-xml`) and ``validate(source:sourceName:maxErrors:report:)`` all go through here.
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - sourceName: The input's name, for locations.
    ///   - maxErrors: The most diagnostics reported.
    ///   - recordsEvents: Whether `body` reads events (`false` when it only drains the input).
    ///   - report: Receives the note about diagnostics not reported.
    ///   - body: Reads the input.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    public func streaming<Result>(
        source: some ByteSource,
        sourceName: String,
        maxErrors: Int,
        recordsEvents: Bool = true,
        report: (Diagnostic) -> Void,
        _ body: (XMLStreamReader) throws -> Result
    ) throws -> Result {
        let reader = XMLStreamReader(
            source: source,
            name: sourceName,
            options: XMLStreamOptions(diagnosticLimit: max(1, maxErrors)),
            schema: schema,
            recordsEvents: recordsEvents
        )
        let result = try body(reader)
        if reader.suppressedDiagnosticCount > 0 {
            report(
                Diagnostic(
                    id: .xsdInvalid,
                    severity: .note,
                    message: "validation stopped after \(maxErrors) problems; raise --max-errors to see more",
                    location: SourceLocation(source: sourceName)
                )
            )
        }
        return result
    }
}
