internal import CLibXML2
public import MEABridgeCore

/// A compiled W3C XML Schema (XSD 1.0), ready to validate any number of documents, concurrently.
///
/// Compile it once (``init(path:)``) and hand it to as many ``XMLStreamReader``s or ``XSDSchemaValidator``s as
/// needed, from any task: each validation gets its own libxml2 validation context and error handler, and libxml2
/// only reads a compiled schema while validating. Imported and included schema documents are loaded from local
/// files only; anything on the network is refused.
///
/// A class because it owns the compiled libxml2 schema, which it frees when released.
public final class XSDSchema: @unchecked Sendable {
    // `@unchecked Sendable`: `schema` is written once, in `init`, and libxml2 treats a compiled schema as read-only
    // during validation (every validation has its own `xmlSchemaValidCtxt`); the concurrency tests validate with one
    // schema from many tasks at once.
    let schema: xmlSchemaPtr

    /// The schema file it was compiled from.
    public let path: String

    /// Loads and compiles a schema file (and the schemas it imports or includes, from local files).
    /// - Parameter path: The `.xsd` file.
    /// - Throws: `SchemaLoadFailure` with every problem found (with its line) when the file cannot be read, is not
    ///   well-formed, or is not a valid XSD.
    public init(path: String) throws(SchemaLoadFailure) {
        LibXML2.ensureInitialized()
        _ = refuseNetworkLoads
        do {
            _ = try FileByteSource(path: path)
        } catch {
            throw SchemaLoadFailure(path: path, message: error.message)
        }
        self.path = path
        let collector = SchemaErrorCollector(path: path)
        let compiled: xmlSchemaPtr? = withExtendedLifetime(collector) {
            guard let parser = xmlSchemaNewParserCtxt(path) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            let opaque = Unmanaged.passUnretained(collector).toOpaque()
            xmlSchemaSetParserStructuredErrors(
                parser,
                { userData, error in SchemaErrorCollector.handle(userData: userData, error: UnsafePointer(error)) },
                opaque
            )
            // The schema documents are parsed by inner parser contexts whose well-formedness errors may go to the
            // thread's handler: route those to the collector too, for the duration of this synchronous call.
            return LibXML2.withThreadStructuredErrors(
                context: opaque,
                handler: { userData, error in
                    SchemaErrorCollector.handle(userData: userData, error: UnsafePointer(error))
                }
            ) { xmlSchemaParse(parser) }
        }
        guard let compiled else {
            let first = collector.diagnostics.first { $0.severity >= .error }?.message ?? "not a valid XML schema"
            throw SchemaLoadFailure(path: path, message: first, diagnostics: collector.diagnostics)
        }
        schema = compiled
    }

    deinit {
        xmlSchemaFree(schema)
    }
}

/// Installed once, before the first schema is compiled: schema imports and includes never reach the network.
private let refuseNetworkLoads: Void = {
    clibxml2_refuse_network_loads()
}()

/// Gathers the problems libxml2 reports while compiling a schema.
private final class SchemaErrorCollector {
    let path: String
    var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    static func handle(userData: UnsafeMutableRawPointer?, error: UnsafePointer<xmlError>?) {
        guard let userData, let error else { return }
        let collector = Unmanaged<SchemaErrorCollector>.fromOpaque(userData).takeUnretainedValue()
        let file = error.pointee.file.map { String(cString: $0) } ?? collector.path
        var diagnostic = LibXML2Error.diagnostic(from: error, source: file)
        if diagnostic.id != .xmlIO { diagnostic.id = .xsdSchema }
        guard diagnostic != collector.diagnostics.last, collector.diagnostics.count < 1_000 else { return }
        collector.diagnostics.append(diagnostic)
    }
}
