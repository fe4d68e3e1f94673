/// The vocabularies of draft 2020-12 that a dialect enables; draft-07 enables the equivalent of all of them.
struct Vocabularies: OptionSet, Hashable, Sendable {
    let rawValue: UInt16

    static let applicator = Vocabularies(rawValue: 1 << 0)
    static let unevaluated = Vocabularies(rawValue: 1 << 1)
    static let validation = Vocabularies(rawValue: 1 << 2)
    static let metaData = Vocabularies(rawValue: 1 << 3)
    static let formatAnnotation = Vocabularies(rawValue: 1 << 4)
    static let formatAssertion = Vocabularies(rawValue: 1 << 5)
    static let content = Vocabularies(rawValue: 1 << 6)

    /// What the standard 2020-12 meta-schema enables.
    static let standard: Vocabularies = [
        .applicator, .unevaluated, .validation, .metaData, .formatAnnotation, .content,
    ]

    /// The 2020-12 vocabulary URIs this module knows, with the flag each one sets (`core` sets none).
    static let known: [String: Vocabularies] = [
        "https://json-schema.org/draft/2020-12/vocab/core": [],
        "https://json-schema.org/draft/2020-12/vocab/applicator": .applicator,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": .unevaluated,
        "https://json-schema.org/draft/2020-12/vocab/validation": .validation,
        "https://json-schema.org/draft/2020-12/vocab/meta-data": .metaData,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": .formatAnnotation,
        "https://json-schema.org/draft/2020-12/vocab/format-assertion": .formatAssertion,
        "https://json-schema.org/draft/2020-12/vocab/content": .content,
    ]
}

/// The rules a schema resource is read with: its draft and the vocabularies its meta-schema enables.
struct Dialect: Hashable, Sendable {
    var draft: JSONSchemaDraft
    var vocabularies: Vocabularies

    /// The standard dialect of a draft.
    static func standard(_ draft: JSONSchemaDraft) -> Dialect {
        Dialect(draft: draft, vocabularies: draft == .draft7 ? Vocabularies.standard : .standard)
    }

    /// The dialect named by a well-known meta-schema URI (fragment already removed), or `nil` for other URIs.
    ///
    /// Draft-04 and draft-06 are read as draft-07 and draft 2019-09 as 2020-12: close relatives, not exact.
    static func wellKnown(_ uri: String) -> Dialect? {
        switch uri {
        case "http://json-schema.org/draft-07/schema", "https://json-schema.org/draft-07/schema",
            "http://json-schema.org/draft-06/schema", "http://json-schema.org/draft-04/schema":
            .standard(.draft7)
        case "https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2019-09/schema":
            .standard(.draft2020)
        default: nil
        }
    }

    /// Keywords whose values are subschemas, by how they hold them, for finding identifiers and anchors.
    var schemaMapKeywords: [String] {
        switch draft {
        case .draft7: ["definitions", "properties", "patternProperties", "dependencies"]
        case .draft2020:
            ["$defs", "definitions", "properties", "patternProperties", "dependentSchemas", "dependencies"]
        }
    }

    /// Keywords whose value is an array of subschemas.
    var schemaArrayKeywords: [String] {
        switch draft {
        case .draft7: ["allOf", "anyOf", "oneOf", "items"]
        case .draft2020: ["allOf", "anyOf", "oneOf", "prefixItems"]
        }
    }

    /// Keywords whose value is one subschema.
    var schemaKeywords: [String] {
        switch draft {
        case .draft7:
            [
                "items", "additionalItems", "additionalProperties", "contains", "propertyNames", "if", "then", "else",
                "not",
            ]
        case .draft2020:
            [
                "items", "additionalProperties", "contains", "propertyNames", "if", "then", "else", "not",
                "unevaluatedItems", "unevaluatedProperties", "contentSchema",
            ]
        }
    }
}
