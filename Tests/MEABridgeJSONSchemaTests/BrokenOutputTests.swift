import MEABridgeCore
import MEABridgeJSONSchema
import MEABridgeTestSupport
import Testing

/// Checks that each marker in a fixture has a diagnostic at its line and column, with the pointer and id given.
func expectDiagnostics(
    _ found: [Diagnostic],
    _ marked: MarkedText,
    _ expected: [(marker: String, pointer: String, id: DiagnosticID)],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    #expect(found.count == expected.count, "\(found.map(\.formatted))", sourceLocation: sourceLocation)
    for (marker, pointer, id) in expected {
        guard let position = marked[marker] else {
            Issue.record("no marker \(marker)", sourceLocation: sourceLocation)
            continue
        }
        let matching = found.filter { $0.location?.path == pointer && $0.id == id }
        #expect(matching.count == 1, "\(pointer) \(id): \(found.map(\.formatted))", sourceLocation: sourceLocation)
        #expect(matching.first?.location?.line == position.line, "\(pointer)", sourceLocation: sourceLocation)
        #expect(matching.first?.location?.column == position.column, "\(pointer)", sourceLocation: sourceLocation)
        #expect(matching.first?.severity == .error, sourceLocation: sourceLocation)
    }
}

@Suite("Broken outputs fail at the right JSON Pointer")
struct BrokenOutputTests {
    @Test("canonical NDJSON: each line is checked against its entity's schema")
    func canonical() throws {
        let marked = MarkedText(
            """
            {"entity":"meeting","id":"m1","title":{"en":"A"},"country":1️⃣"Romania","start":2️⃣"2014-13-06"}
            {"entity":"decision","id":"d1","title":3️⃣"plain text","files":[{"url":"u","size":4️⃣-1}]}

            {"entity":5️⃣"meating","id":"x"}
            {"entity":"contact","id":"c1","primary":true,"roles":[6️⃣{"treaty":"cbd"}],"phone":7️⃣"1"}
            """
        )
        let validator = try JSONSchemaValidator(schemaPath: schemaPath("canonical/record.schema.json"))
        let found = try diagnostics(validator, Array(marked.text.utf8), name: "records.ndjson", maxChunk: 5)
        expectDiagnostics(
            found,
            marked,
            [
                ("1️⃣", "/country", "json-schema.pattern"),
                ("2️⃣", "/start", "json-schema.format"),
                ("3️⃣", "/title", "json-schema.type"),
                ("4️⃣", "/files/0/size", "json-schema.minimum"),
                ("5️⃣", "/entity", "json-schema.enum"),
                ("6️⃣", "/roles/0", "json-schema.required"),
                ("7️⃣", "/phone", "json-schema.additionalProperties"),
            ]
        )
        let unknown = try #require(found.first { $0.location?.path == "/phone" })
        #expect(unknown.message.contains("property 'phone' is not allowed"))
        #expect(unknown.message.contains("/allOf/2/then/$ref/additionalProperties"))
    }

    @Test("OData v2 verbose JSON: dates, flags and entity types")
    func odata() throws {
        let marked = MarkedText(
            """
            {"d":{"results":[
            {"__metadata":{"uri":"Meetings('1')","type":"informea.Meeting"},"id":"1","start":1️⃣"2014-05-06"},
            {"__metadata":{"uri":"Contacts('2')","type":"informea.Contact"},"id":"2","primary":2️⃣true},
            {"__metadata":{"uri":"X('3')","type":3️⃣"informea.Meetings"},"id":"3"},
            {"__metadata":{"uri":"Decisions('4')","type":"informea.Decision"},"id":"4","title":{"results":[
              4️⃣{"__metadata":{"type":"informea.DecisionTitle"},"value":"no language"}]}}
            ]}}
            """
        )
        let validator = try JSONSchemaValidator(schemaPath: schemaPath("informea/odata.schema.json"))
        let found = try diagnostics(validator, Array(marked.text.utf8), name: "feed.json", maxChunk: 3)
        expectDiagnostics(
            found,
            marked,
            [
                ("1️⃣", "/d/results/0/start", "json-schema.pattern"),
                ("2️⃣", "/d/results/1/primary", "json-schema.enum"),
                ("3️⃣", "/d/results/2/__metadata/type", "json-schema.enum"),
                ("4️⃣", "/d/results/3/title/results/0", "json-schema.required"),
            ]
        )
    }

    @Test("JSON API records: language keys, alpha-3 countries, file content")
    func api() throws {
        let marked = MarkedText(
            """
            [
              {"id": "1", "title": {1️⃣"EN": "Upper-case language"}, "country": "ROU"},
              {"id": 2️⃣2, "files": [3️⃣{"url": "https://example.org/a.pdf"}]},
              {"id": "3", "published": 4️⃣"2015-02-10 15:44:25"}
            ]
            """
        )
        let validator = try JSONSchemaValidator(schemaPath: schemaPath("informea/api.schema.json"))
        let found = try diagnostics(validator, Array(marked.text.utf8), name: "api.json")
        expectDiagnostics(
            found,
            marked,
            [
                ("1️⃣", "/0/title/EN", "json-schema.propertyNames"),
                ("2️⃣", "/1/id", "json-schema.type"),
                ("3️⃣", "/1/files/0", "json-schema.required"),
                ("4️⃣", "/2/published", "json-schema.pattern"),
            ]
        )
    }
}
