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
        let reader = XMLStreamReader(
            source: source,
            name: sourceName,
            options: XMLStreamOptions(diagnosticLimit: max(1, maxErrors)),
            schema: schema,
            recordsEvents: false
        )
        try reader.drain(report: report)
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
    }
}
