public import MEABridgeJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A compiled JSON Schema (draft 2020-12 or draft-07): load once, validate many instances, from any thread.
///
/// Compiling resolves every `$ref`, `$id`, `$anchor`, `$dynamicRef`/`$dynamicAnchor`, `$defs`/`definitions` and the
/// dialect's vocabularies, and compiles every regular expression. References to other documents are read from the
/// bundled meta-schemas and from local files only (`JSONSchemaOptions.remotes` and `fileDirectories`), never from
/// the network.
///
/// ```swift
/// let schema = try JSONSchema(contentsOfFile: "Schemas/json/canonical/record.schema.json")
/// for error in schema.validate(value) { print(error) }
/// ```
public struct JSONSchema: Sendable {
    /// The compiled nodes.
    let compiled: CompiledSchema

    /// The draft of the root schema.
    public var draft: JSONSchemaDraft { compiled.draft }

    /// Compiles a schema given as a JSON value.
    /// - Parameters:
    ///   - schema: The schema (an object or a boolean).
    ///   - options: The default draft, remote folders and format mode.
    /// - Throws: `JSONSchemaLoadError` when the schema is invalid or a reference does not resolve.
    public init(_ schema: JSONValue, options: JSONSchemaOptions = .init()) throws(JSONSchemaLoadError) {
        try self.init(schema, uri: options.baseURI, options: options)
    }

    /// Compiles a schema from its JSON text.
    /// - Parameters:
    ///   - bytes: The schema's UTF-8 text.
    ///   - options: The default draft, remote folders and format mode.
    /// - Throws: `JSONSchemaLoadError` when the text is not JSON or not a valid schema.
    public init(bytes: [UInt8], options: JSONSchemaOptions = .init()) throws(JSONSchemaLoadError) {
        try self.init(parseJSON(bytes, name: options.baseURI), uri: options.baseURI, options: options)
    }

    /// Compiles a schema file.
    ///
    /// Its base URI is its `file:` URI; other files in its folder can be referenced relatively, and documents under
    /// the `remotes` prefixes through their URIs (see `JSONSchemaValidator` for the mapping of a schema's `$id`).
    /// - Parameters:
    ///   - path: The schema file.
    ///   - options: The default draft, remote folders and format mode.
    /// - Throws: `JSONSchemaLoadError` when the file cannot be read or is not a valid schema.
    public init(contentsOfFile path: String, options: JSONSchemaOptions = .init()) throws(JSONSchemaLoadError) {
        let absolute = absolutePath(path)
        guard let bytes = readFile(absolute) else {
            throw JSONSchemaLoadError(message: "cannot read \(path)")
        }
        var options = options
        let folder = parentFolder(absolute)
        if !options.fileDirectories.contains(folder) { options.fileDirectories.append(folder) }
        try self.init(parseJSON(bytes, name: path), uri: fileURI(absolute), options: options)
    }

    /// Compiles a schema whose retrieval URI is known.
    init(_ schema: JSONValue, uri: String, options: JSONSchemaOptions) throws(JSONSchemaLoadError) {
        if options.validatesSchema {
            try JSONSchema.checkAgainstMetaSchema(schema, options: options)
        }
        var registry = SchemaRegistry(options: options)
        let document = try registry.add(schema, uri: uri, defaultDialect: .standard(options.defaultDraft))
        var compiler = SchemaCompiler(registry: registry)
        compiled = try compiler.compile(root: SchemaLocation(document: document, pointer: ""))
    }

    /// Checks a schema against the meta-schema its `$schema` names (or the default draft's), so that every mistake
    /// in it is reported with its location before compiling.
    private static func checkAgainstMetaSchema(
        _ schema: JSONValue,
        options: JSONSchemaOptions
    ) throws(JSONSchemaLoadError) {
        let metaURI = schema["$schema"]?.stringValue ?? options.defaultDraft.metaSchemaURI
        var metaOptions = options
        metaOptions.validatesSchema = false
        metaOptions.formats = .annotate
        let meta = try JSONSchema(
            JSONValue(.object([JSONMember(key: "$ref", value: JSONValue(.string(metaURI)))])),
            uri: "urn:meabridge:meta-check",
            options: metaOptions
        )
        let errors = meta.validate(schema, maxErrors: 100)
        guard let first = errors.first else { return }
        let name =
            Dialect.wellKnown(URIReference(metaURI).withoutFragment.description).map {
                "a valid \($0.draft) schema"
            } ?? "valid against its meta-schema \(metaURI)"
        throw JSONSchemaLoadError(
            message: "the schema is not \(name): \(first.message)",
            schemaLocation: first.instanceLocation,
            position: first.position,
            schemaErrors: errors
        )
    }

    /// Validates an instance, returning every error found (up to `maxErrors`).
    /// - Parameters:
    ///   - instance: The value to check.
    ///   - maxErrors: The most errors to return.
    /// - Returns: The errors; empty when the instance is valid.
    public func validate(_ instance: JSONValue, maxErrors: Int = 1000) -> [JSONSchemaError] {
        validate(instance, at: "", maxErrors: maxErrors)
    }

    /// Validates an instance that sits at `pointer` inside a larger document (errors carry full pointers).
    /// - Parameters:
    ///   - instance: The value to check.
    ///   - pointer: The JSON Pointer of the value in its document.
    ///   - maxErrors: The most errors to return.
    /// - Returns: The errors; empty when the instance is valid.
    public func validate(_ instance: JSONValue, at pointer: String, maxErrors: Int = 1000) -> [JSONSchemaError] {
        guard maxErrors > 0 else { return [] }
        var evaluator = Evaluator(schema: compiled, basePointer: pointer, maxErrors: maxErrors)
        var none: Annotations?
        _ = evaluator.validate(compiled.root, instance, &none)
        return evaluator.errors
    }

    /// Whether an instance is valid (stops at the first failure).
    /// - Parameter instance: The value to check.
    /// - Returns: `true` when valid.
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluator = Evaluator(schema: compiled, maxErrors: 1)
        evaluator.collecting = false
        var none: Annotations?
        return evaluator.validate(compiled.root, instance, &none)
    }
}

/// The absolute form of a path (relative paths are taken from the working directory).
func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return path }
    let directory = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var result = directory.hasSuffix("/") ? directory : directory + "/"
    var rest = Substring(path)
    while rest.hasPrefix("./") { rest = rest.dropFirst(2) }
    result += rest
    return result
}

/// The folder holding a file (`/a/b` for `/a/b/c.json`).
func parentFolder(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}

/// The `file:` URI of an absolute path, with the characters that URIs reserve percent-encoded.
func fileURI(_ path: String) -> String {
    var text = "file://"
    for byte in path.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            text.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            let digits = Array("0123456789ABCDEF".utf8)
            text += "%" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
        }
    }
    return text
}
