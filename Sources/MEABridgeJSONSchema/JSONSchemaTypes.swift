public import MEABridgeCore
public import MEABridgeJSON

/// A JSON Schema draft (dialect) this module implements.
public enum JSONSchemaDraft: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Draft-07 (`http://json-schema.org/draft-07/schema#`).
    case draft7 = "draft-07"
    /// Draft 2020-12 (`https://json-schema.org/draft/2020-12/schema`).
    case draft2020 = "2020-12"

    /// The meta-schema URI that names the draft in `$schema`.
    public var metaSchemaURI: String {
        switch self {
        case .draft7: MetaSchemas.draft7URI
        case .draft2020: MetaSchemas.draft2020URI
        }
    }

    /// `draft-07` or `2020-12`.
    public var description: String { rawValue }
}

/// How the `format` keyword is treated.
public enum JSONSchemaFormatMode: Sendable, Hashable {
    /// As the drafts specify: an annotation only, unless the dialect enables the 2020-12 format-assertion
    /// vocabulary.
    case annotate
    /// Every known format is checked (`date`, `date-time`, `email`, `uri`, …); unknown formats are ignored.
    case assert
}

/// How a schema is loaded: the draft to assume, where remote references come from, and how formats are treated.
public struct JSONSchemaOptions: Sendable {
    /// The draft of a schema whose `$schema` does not say (2020-12 by default).
    public var defaultDraft: JSONSchemaDraft
    /// Whether `format` asserts or only annotates.
    public var formats: JSONSchemaFormatMode
    /// Local folders that serve remote URIs.
    ///
    /// A URI prefix (such as `http://localhost:1234/`) maps to a folder: a reference to `PREFIX/a/b.json` reads
    /// `FOLDER/a/b.json`. Nothing is ever fetched from the network.
    public var remotes: [String: String]
    /// Folders from which `file:` URIs may be read (the schema file's own folder is added by the file loaders).
    public var fileDirectories: [String]
    /// The base URI of a schema that has no `$id` and was not read from a file.
    public var baseURI: String
    /// Whether a schema is first checked against its draft's meta-schema, so that mistakes in the schema itself
    /// (a misspelt type, a negative `minLength`) are reported when it is loaded.
    public var validatesSchema: Bool

    /// Creates options.
    /// - Parameters:
    ///   - defaultDraft: The draft when `$schema` does not say.
    ///   - formats: Whether `format` asserts.
    ///   - remotes: URI prefixes served from local folders.
    ///   - fileDirectories: Folders `file:` URIs may be read from.
    ///   - baseURI: The base URI of a schema without `$id` that was not read from a file.
    ///   - validatesSchema: Whether to check the schema against its meta-schema first.
    public init(
        defaultDraft: JSONSchemaDraft = .draft2020,
        formats: JSONSchemaFormatMode = .annotate,
        remotes: [String: String] = [:],
        fileDirectories: [String] = [],
        baseURI: String = "urn:meabridge:schema",
        validatesSchema: Bool = false
    ) {
        self.defaultDraft = defaultDraft
        self.formats = formats
        self.remotes = remotes
        self.fileDirectories = fileDirectories
        self.baseURI = baseURI
        self.validatesSchema = validatesSchema
    }
}

/// One way an instance fails a schema: where in the instance, which schema keyword, and why.
public struct JSONSchemaError: Sendable, Hashable, CustomStringConvertible {
    /// The JSON Pointer of the failing value in the instance (`/d/results/3/title`; empty for the whole document).
    public var instanceLocation: String
    /// Where the failing value starts in the input (zero for values built in code).
    public var position: JSONPosition
    /// The path of keywords followed from the root schema to the failing keyword, through any `$ref`
    /// (`/properties/title/$ref/type`).
    public var keywordLocation: String
    /// The failing keyword's absolute location: its schema resource's URI and JSON Pointer
    /// (`https://example.org/record.schema.json#/$defs/text/type`).
    public var absoluteKeywordLocation: String
    /// The failing keyword (`type`, `required`, `additionalProperties`, …).
    public var keyword: String
    /// What is wrong, in one sentence.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - instanceLocation: The JSON Pointer of the failing value.
    ///   - position: Where the value starts in the input.
    ///   - keywordLocation: The keyword path from the root schema.
    ///   - absoluteKeywordLocation: The keyword's absolute URI.
    ///   - keyword: The failing keyword.
    ///   - message: What is wrong.
    public init(
        instanceLocation: String,
        position: JSONPosition,
        keywordLocation: String,
        absoluteKeywordLocation: String,
        keyword: String,
        message: String
    ) {
        self.instanceLocation = instanceLocation
        self.position = position
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.keyword = keyword
        self.message = message
    }

    /// `line:column: message (at POINTER; schema KEYWORD-LOCATION)`.
    public var description: String {
        "\(position.line):\(position.column): \(message) (at \(instanceLocation.isEmpty ? "/" : instanceLocation); "
            + "schema \(keywordLocation.isEmpty ? "/" : keywordLocation))"
    }

    /// The stable diagnostic identifier for this keyword: `json-schema.type`, `json-schema.required`, ….
    public var diagnosticID: DiagnosticID { DiagnosticID("json-schema." + keyword) }

    /// Converts the error into an error diagnostic located in `source`.
    ///
    /// The message ends with the schema keyword location so that a reader can see which rule of the schema failed;
    /// the location's `path` is the instance JSON Pointer.
    /// - Parameter source: The input's name.
    /// - Returns: The diagnostic.
    public func diagnostic(source: String) -> Diagnostic {
        Diagnostic(
            id: diagnosticID,
            severity: .error,
            message: message + " [schema \(keywordLocation.isEmpty ? "/" : keywordLocation)]",
            location: SourceLocation(
                source: source,
                line: position.line > 0 ? position.line : nil,
                column: position.line > 0 ? position.column : nil,
                byteOffset: position.line > 0 ? position.offset : nil,
                path: instanceLocation.isEmpty ? "/" : instanceLocation
            )
        )
    }
}

/// Why a schema could not be compiled: unreadable, not JSON, not a valid schema, or an unresolvable reference.
public struct JSONSchemaLoadError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in one sentence.
    public var message: String
    /// Where in the schema (its JSON Pointer), when known.
    public var schemaLocation: String?
    /// Where in the schema text, when known.
    public var position: JSONPosition?
    /// Problems found by checking the schema against its meta-schema, with their locations in the schema file.
    public var schemaErrors: [JSONSchemaError]

    /// Creates an error.
    /// - Parameters:
    ///   - message: What went wrong.
    ///   - schemaLocation: The JSON Pointer in the schema.
    ///   - position: The position in the schema text.
    ///   - schemaErrors: Meta-schema validation errors.
    public init(
        message: String,
        schemaLocation: String? = nil,
        position: JSONPosition? = nil,
        schemaErrors: [JSONSchemaError] = []
    ) {
        self.message = message
        self.schemaLocation = schemaLocation
        self.position = position
        self.schemaErrors = schemaErrors
    }

    /// The message, with the schema location when known.
    public var description: String {
        var text = message
        if let schemaLocation { text += " (at \(schemaLocation.isEmpty ? "/" : schemaLocation))" }
        return text
    }
}
