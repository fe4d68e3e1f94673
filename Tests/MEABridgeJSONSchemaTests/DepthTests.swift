import MEABridgeCore
import MEABridgeJSON
import MEABridgeJSONSchema
import Testing

@Suite("Deep documents and recursive schemas")
struct DepthTests {
    @Test("a document nested as deep as the parser allows is validated without exhausting the stack")
    func deepNesting() throws {
        let depth = 500
        let text = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        let schema = try compile(##"{"items": {"$ref": "#"}, "type": ["array", "string"]}"##)
        let errors = schema.validate(try parse(text))
        #expect(errors.count == 1)
        #expect(errors.first?.instanceLocation == String(repeating: "/0", count: depth))
        var streamed: [JSONSchemaError] = []
        try schema.validate(source: MemoryByteSource(text)) { streamed.append($0) }
        #expect(streamed == errors)
    }

    @Test("a schema that refers to itself without moving into the value gives an error, not a crash")
    func referenceCycle() throws {
        let schema = try compile(
            ##"{"$defs": {"a": {"allOf": [{"$ref": "#/$defs/b"}]}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##
        )
        let errors = schema.validate(try parse("{}"))
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("refers to itself without moving into the value") == true)
        var streamed: [JSONSchemaError] = []
        try schema.validate(source: MemoryByteSource("{}")) { streamed.append($0) }
        #expect(streamed.count == 1)
        #expect(!schema.isValid(try parse("{}")))
    }
}
