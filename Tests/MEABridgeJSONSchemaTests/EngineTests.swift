import MEABridgeCore
import MEABridgeJSON
import MEABridgeTestSupport
import Testing

@testable import MEABridgeJSONSchema

@Suite("JSON Schema engine")
struct EngineTests {
    @Test("numbers are compared exactly, whatever their spelling")
    func exactNumbers() throws {
        let number = { (text: String) throws -> ExactNumber in try #require(ExactNumber(text)) }
        #expect(try number("1.0") == number("1"))
        #expect(try number("1e2") == number("100.00"))
        #expect(try number("-0") == number("0"))
        #expect(try number("0.1") < number("0.10000000000000001"))
        #expect(try number("-2") < number("-1.5"))
        #expect(try number("1e400") > number("9.99e399"))
        #expect(try number("12345678901234567890123") > number("12345678901234567890122"))
        #expect(try number("0.3").isMultiple(of: number("0.1")))
        #expect(try !number("0.31").isMultiple(of: number("0.1")))
        #expect(try number("1e308").isMultiple(of: number("0.5")))
        #expect(try number("0.0075").isMultiple(of: number("0.0001")))
        #expect(try number("1.0").isInteger && !number("1.5").isInteger && number("1.5e1").isInteger)
        #expect(ExactNumber("01") == nil || ExactNumber("1.") == nil || ExactNumber("x") == nil)
    }

    @Test("URI references resolve as RFC 3986 §5.4 says")
    func uriResolution() {
        let base = URIReference("http://a/b/c/d;p?q")
        let cases = [
            ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
            ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("..", "http://a/b/"), ("../g", "http://a/b/g"), ("../../g", "http://a/g"), ("../../../g", "http://a/g"),
            ("g;x=1/../y", "http://a/b/c/y"), ("", "http://a/b/c/d;p?q"),
        ]
        for (reference, expected) in cases {
            #expect(URIReference(reference).resolved(against: base).description == expected, "\(reference)")
        }
        #expect(
            URIReference("#/$defs/a").resolved(against: URIReference("urn:uuid:1")).description == "urn:uuid:1#/$defs/a"
        )
    }

    @Test("every error says where in the instance, which keyword, and why")
    func errorDetails() throws {
        let schema = try compile(
            """
            {
              "$id": "https://example.org/person.json",
              "type": "object",
              "required": ["name"],
              "properties": {
                "name": {"$ref": "#/$defs/name"},
                "age": {"type": "integer", "minimum": 0},
                "tags": {"type": "array", "items": {"enum": ["a", "b"]}, "uniqueItems": true}
              },
              "additionalProperties": false,
              "$defs": {"name": {"type": "string", "minLength": 2}}
            }
            """
        )
        let marked = MarkedText(
            """
            {
              "name": 1️⃣"X",
              "age": 2️⃣1.5,
              "tags": 3️⃣["a", 4️⃣"c", "a"],
              "nick": 5️⃣"x"
            }
            """
        )
        let errors = schema.validate(try parse(marked.text))
        let expected: [(String, String, String, String, String)] = [
            (
                "1️⃣", "/name", "/properties/name/$ref/minLength",
                "https://example.org/person.json#/$defs/name/minLength",
                "text is 1 characters long; at least 2 required"
            ),
            (
                "2️⃣", "/age", "/properties/age/type", "https://example.org/person.json#/properties/age/type",
                "expected integer, found number 1.5"
            ),
            (
                "4️⃣", "/tags/1", "/properties/tags/items/enum",
                "https://example.org/person.json#/properties/tags/items/enum",
                "\"c\" is not one of the allowed values: \"a\", \"b\""
            ),
            (
                "3️⃣", "/tags", "/properties/tags/uniqueItems",
                "https://example.org/person.json#/properties/tags/uniqueItems",
                "items 0 and 2 are equal; items must be unique"
            ),
            (
                "5️⃣", "/nick", "/additionalProperties", "https://example.org/person.json#/additionalProperties",
                "property 'nick' is not allowed"
            ),
        ]
        #expect(errors.count == expected.count, "\(errors)")
        for (marker, pointer, keywordLocation, absolute, message) in expected {
            let error = try #require(errors.first { $0.instanceLocation == pointer }, "\(pointer)")
            let position = try #require(marked[marker])
            #expect(error.keywordLocation == keywordLocation)
            #expect(error.absoluteKeywordLocation == absolute)
            #expect(error.message == message)
            #expect(error.position.line == position.line && error.position.column == position.column, "\(pointer)")
        }
        let missing = schema.validate(try parse("{}"))
        #expect(missing.map(\.message) == ["required property 'name' is missing"])
        #expect(missing.first?.diagnosticID == "json-schema.required")
    }

    @Test("a failed anyOf names its closest alternative")
    func anyOfMessage() throws {
        let schema = try compile(
            #"""
            {"anyOf": [{"type": "string"},
                       {"type": "object", "required": ["id", "name"], "properties": {"id": {"type": "string"}}}]}
            """#
        )
        let errors = schema.validate(try parse(#"{"id": "x"}"#))
        #expect(errors.count == 1)
        #expect(errors.first?.keyword == "anyOf")
        #expect(
            errors.first?.message
                == "does not match any of the 2 alternatives of 'anyOf'; closest is alternative 1: required property "
                + "'name' is missing"
        )
    }

    @Test("the draft comes from $schema; draft-07 ignores the siblings of $ref, 2020-12 does not")
    func drafts() throws {
        let text = """
            {"$schema": "SCHEMA", "$defs": {"s": {"type": "string"}}, "definitions": {"s": {"type": "string"}},
             "properties": {"a": {"$ref": "#/definitions/s", "maxLength": 2}}}
            """
        let draft7 = try compile(text.replacing("SCHEMA", with: "http://json-schema.org/draft-07/schema#"))
        let draft2020 = try compile(text.replacing("SCHEMA", with: "https://json-schema.org/draft/2020-12/schema"))
        #expect(draft7.draft == .draft7)
        #expect(draft2020.draft == .draft2020)
        let long = try parse(#"{"a": "long"}"#)
        #expect(draft7.isValid(long))
        #expect(!draft2020.isValid(long))
        #expect(throws: JSONSchemaLoadError.self) { _ = try compile(#"{"$schema": "https://example.org/unknown"}"#) }
    }

    @Test("formats are annotations unless asserted")
    func formats() throws {
        let date = try parse(#""2024-02-30""#)
        #expect(try compile(#"{"format": "date"}"#).isValid(date))
        #expect(try !compile(#"{"format": "date"}"#, options: JSONSchemaOptions(formats: .assert)).isValid(date))
        #expect(
            try compile(#"{"format": "no-such-format"}"#, options: JSONSchemaOptions(formats: .assert)).isValid(date)
        )
    }

    @Test("every json-schema.* id the validator reports has an explanation")
    func everyIdIsDescribed() throws {
        let schema = try compile(
            ##"""
            {"properties": {
              "a": {"type": "string"}, "b": {"enum": [1]}, "c": {"const": 1}, "d": {"required": ["x"]},
              "e": {"additionalProperties": false}, "f": {"unevaluatedProperties": false},
              "g": {"properties": {"x": false}}, "h": {"patternProperties": {"^x": false}},
              "i": {"propertyNames": {"maxLength": 1}}, "j": {"pattern": "^x"}, "k": {"format": "date"},
              "l": {"minLength": 5}, "m": {"maxLength": 1}, "n": {"minimum": 5}, "o": {"maximum": 1},
              "p": {"exclusiveMinimum": 5}, "q": {"exclusiveMaximum": 1}, "r": {"multipleOf": 7}, "s": {"minItems": 5},
              "t": {"maxItems": 1}, "u": {"uniqueItems": true}, "v": {"items": false}, "w": {"prefixItems": [false]},
              "x": {"unevaluatedItems": false}, "y": {"contains": {"type": "string"}},
              "z": {"contains": {"type": "integer"}, "maxContains": 1}, "aa": {"minProperties": 5},
              "ab": {"maxProperties": 1}, "ac": {"dependentRequired": {"x": ["y"]}},
              "ad": {"anyOf": [{"type": "string"}]}, "ae": {"oneOf": [{"type": "string"}]}, "af": {"not": {}},
              "ag": false
            }}
            """##,
            options: JSONSchemaOptions(formats: .assert)
        )
        let instance = try parse(
            #"""
            {"a": 1, "b": 2, "c": 2, "d": {}, "e": {"z": 1}, "f": {"z": 1}, "g": {"x": 1}, "h": {"xy": 1},
             "i": {"long": 1}, "j": "y", "k": "2025-02-30", "l": "abc", "m": "abc", "n": 1, "o": 5, "p": 5, "q": 1,
             "r": 8, "s": [1], "t": [1, 2], "u": [1, 1], "v": [1], "w": [1], "x": [1], "y": [1], "z": [1, 2],
             "aa": {}, "ab": {"a": 1, "b": 2}, "ac": {"x": 1}, "ad": 1, "ae": 1, "af": 1, "ag": 1}
            """#
        )
        let errors = schema.validate(instance)
        let ids = Set(errors.map(\.diagnosticID))
        #expect(errors.count >= 32, "\(errors.map(\.keyword))")
        let described = Set(JSONSchemaValidator.diagnosticDescriptions.map(\.id))
        #expect(ids.subtracting(described).isEmpty, "\(ids.subtracting(described))")
    }
}
