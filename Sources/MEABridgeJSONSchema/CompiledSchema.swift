import MEABridgeJSON

/// The JSON types a `type` keyword can name, as a set.
struct TypeSet: OptionSet, Hashable, Sendable {
    let rawValue: UInt8

    static let null = TypeSet(rawValue: 1 << 0)
    static let boolean = TypeSet(rawValue: 1 << 1)
    static let object = TypeSet(rawValue: 1 << 2)
    static let array = TypeSet(rawValue: 1 << 3)
    static let number = TypeSet(rawValue: 1 << 4)
    static let string = TypeSet(rawValue: 1 << 5)
    static let integer = TypeSet(rawValue: 1 << 6)

    /// The flag for a type name, or `nil` for an unknown name.
    init?(name: String) {
        switch name {
        case "null": self = .null
        case "boolean": self = .boolean
        case "object": self = .object
        case "array": self = .array
        case "number": self = .number
        case "string": self = .string
        case "integer": self = .integer
        default: return nil
        }
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Whether a value has one of the types.
    func admits(_ value: JSONValue) -> Bool {
        switch value.kind {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .object: return contains(.object)
        case .array: return contains(.array)
        case .string: return contains(.string)
        case .number(let lexeme):
            if contains(.number) { return true }
            guard contains(.integer) else { return false }
            return ExactNumber(lexeme)?.isInteger ?? false
        }
    }
}

/// One compiled keyword of a schema object.
///
/// Subschemas are node indices into `CompiledSchema.nodes`.
/// Indirect, so that handing a keyword around costs one reference count rather than a copy of its payload.
indirect enum Keyword: Sendable {
    case ref(Int)
    case dynamicRef(initial: Int, anchor: String?)
    case type(TypeSet, names: [String])
    case enumeration([JSONValue])
    case constant(JSONValue)
    case multipleOf(ExactNumber)
    case maximum(ExactNumber)
    case exclusiveMaximum(ExactNumber)
    case minimum(ExactNumber)
    case exclusiveMinimum(ExactNumber)
    case maxLength(Int)
    case minLength(Int)
    case pattern(SchemaRegex)
    case format(String, FormatCheck)
    /// `prefixItems` (2020-12) or the array form of `items` (draft-07), named by `keyword`.
    case prefixItems([Int], keyword: String)
    /// `items` (2020-12, or the schema form in draft-07) or draft-07 `additionalItems`: applies to items from
    /// index `from` on.
    case items(Int, from: Int, keyword: String)
    case contains(Int, min: Int, max: Int?)
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    case properties([String: Int])
    case patternProperties([(regex: SchemaRegex, node: Int)])
    case additionalProperties(Int, named: Set<String>, patterns: [SchemaRegex])
    case propertyNames(Int)
    case required([String])
    case maxProperties(Int)
    case minProperties(Int)
    case dependentRequired([(key: String, required: [String])], keyword: String)
    case dependentSchemas([(key: String, node: Int)], keyword: String)
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(condition: Int, then: Int?, else: Int?)
    case unevaluatedItems(Int)
    case unevaluatedProperties(Int)

    /// The keyword's name as written in the schema.
    var name: String {
        switch self {
        case .ref: "$ref"
        case .dynamicRef: "$dynamicRef"
        case .type: "type"
        case .enumeration: "enum"
        case .constant: "const"
        case .multipleOf: "multipleOf"
        case .maximum: "maximum"
        case .exclusiveMaximum: "exclusiveMaximum"
        case .minimum: "minimum"
        case .exclusiveMinimum: "exclusiveMinimum"
        case .maxLength: "maxLength"
        case .minLength: "minLength"
        case .pattern: "pattern"
        case .format: "format"
        case .prefixItems(_, let keyword): keyword
        case .items(_, _, let keyword): keyword
        case .contains: "contains"
        case .maxItems: "maxItems"
        case .minItems: "minItems"
        case .uniqueItems: "uniqueItems"
        case .properties: "properties"
        case .patternProperties: "patternProperties"
        case .additionalProperties: "additionalProperties"
        case .propertyNames: "propertyNames"
        case .required: "required"
        case .maxProperties: "maxProperties"
        case .minProperties: "minProperties"
        case .dependentRequired(_, let keyword): keyword
        case .dependentSchemas(_, let keyword): keyword
        case .allOf: "allOf"
        case .anyOf: "anyOf"
        case .oneOf: "oneOf"
        case .not: "not"
        case .conditional: "if"
        case .unevaluatedItems: "unevaluatedItems"
        case .unevaluatedProperties: "unevaluatedProperties"
        }
    }
}

/// One compiled schema: a boolean schema, or the keywords of a schema object.
///
/// A class, so that looking a node up during validation costs one reference count.
final class SchemaNode: Sendable {
    /// `true` or `false` for a boolean schema; `nil` for an object.
    let boolean: Bool?
    /// The keywords, in evaluation order (`unevaluated*` last).
    let keywords: [Keyword]
    /// The index of the schema resource holding this schema (for the dynamic scope).
    let resource: Int
    /// The schema's absolute location, `resource-URI#pointer`.
    let location: String
    /// Whether the schema has `unevaluatedProperties` or `unevaluatedItems`, which need the annotations of the
    /// other keywords.
    let collectsAnnotations: Bool

    init(boolean: Bool?, keywords: [Keyword], resource: Int, location: String, collectsAnnotations: Bool) {
        self.boolean = boolean
        self.keywords = keywords
        self.resource = resource
        self.location = location
        self.collectsAnnotations = collectsAnnotations
    }
}

/// A schema compiled into a graph of nodes: immutable, shareable between threads.
struct CompiledSchema: Sendable {
    /// Every node; references are indices.
    var nodes: [SchemaNode]
    /// The root node.
    var root: Int
    /// The URI of each schema resource.
    var resources: [String]
    /// Each resource's dynamic anchors, by name (indices as in `resources`).
    var dynamicAnchors: [[String: Int]]
    /// The root resource's draft.
    var draft: JSONSchemaDraft
}
