import MEABridgeCore
import MEABridgeJSON
import MEABridgeJSONSchema
import MEABridgeTestSupport
import Testing

@Suite("JSONSchemaValidator")
struct ValidatorTests {
    /// Whether the validator claims a file with this name and text.
    func claims(_ name: String, _ text: String) -> Bool {
        JSONSchemaValidator.recognizes(schema: SniffInput(prefix: Array(text.utf8), name: name))
    }

    @Test("recognises JSON Schemas by $schema or by their keywords")
    func recognisesSchemas() {
        #expect(claims("a.schema.json", #"{"$schema": "https://json-schema.org/draft/2020-12/schema"}"#))
        #expect(claims("a.json", "\u{FEFF}  {\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": 1}"))
        #expect(claims("a.json", #"{"type": "object", "properties": {"a": {}}}"#))
        #expect(claims("a.json", ##"{"$defs": {"x": true}, "$ref": "#/$defs/x"}"##))
        // A prefix cut in the middle still counts what was read.
        #expect(claims("a.json", #"{"title": "x", "properties": {"a": {"type": "str"#))
    }

    @Test("never claims Table Schemas, data, XML or other file types")
    func rejectsOthers() {
        // A Frictionless Table Schema: a `fields` array (it may also say `type` inside fields, or a `$schema`).
        #expect(!claims("t.json", #"{"fields": [{"name": "year", "type": "integer"}], "primaryKey": "year"}"#))
        #expect(
            !claims(
                "t.json",
                #"{"$schema": "https://datapackage.org/profiles/2.0/tableschema.json", "fields": [], "type": "x"}"#
            )
        )
        #expect(!claims("t.json", #"{"$schema": "https://specs.frictionlessdata.io/schemas/table-schema.json"}"#))
        #expect(!claims("data.json", #"{"d": {"results": []}}"#))
        #expect(!claims("data.json", #"[{"type": "object"}]"#))
        #expect(!claims("a.xsd", #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>"#))
        #expect(!claims("a.schema.yaml", #"{"type": "object"}"#))
    }

    @Test("the repository's table schemas are left to the table-schema validator")
    func tableSchemasInRepository() {
        let files = Fixtures.files(in: Fixtures.repositoryRoot() + "/Schemas/csv", suffix: ".table-schema.json")
        for file in files {
            let prefix = Array((Fixtures.read(file) ?? []).prefix(65_536))
            #expect(!JSONSchemaValidator.recognizes(schema: SniffInput(prefix: prefix, name: file)), "\(file)")
        }
    }

    @Test("an invalid schema file fails to load with a diagnostic at the offending keyword")
    func invalidSchema() throws {
        let marked = MarkedText(
            """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "properties": {
                "year": {"type": 1️⃣"integr"}
              }
            }
            """
        )
        let path = temporaryFile("bad.schema.json", marked.text)
        do {
            _ = try JSONSchemaValidator(schemaPath: path)
            Issue.record("an invalid schema loaded")
        } catch let failure as SchemaLoadFailure {
            let position = try #require(marked["1️⃣"])
            let diagnostic = try #require(failure.diagnostics.first { $0.location?.path == "/properties/year/type" })
            #expect(diagnostic.location?.source == path)
            #expect(diagnostic.location?.line == position.line)
            #expect(diagnostic.location?.column == position.column)
            #expect(failure.message.contains("not a valid 2020-12 schema"))
        }
    }

    @Test("an unresolvable remote reference fails at load time: nothing is fetched from the network")
    func noNetwork() throws {
        let path = temporaryFile("remote.schema.json", #"{"$ref": "https://json-schema.org/draft/2019-09/schema"}"#)
        #expect(throws: SchemaLoadFailure.self) { _ = try JSONSchemaValidator(schemaPath: path) }
        do {
            _ = try compile(#"{"properties": {"a": {"$ref": "http://example.invalid/a.json"}}}"#)
            Issue.record("an unresolvable $ref compiled")
        } catch let error as JSONSchemaLoadError {
            #expect(error.message.contains("cannot resolve $ref 'http://example.invalid/a.json'"))
            #expect(error.schemaLocation == "/properties/a/$ref")
        }
    }

    @Test("remote references resolve from a local folder mapped to their URI prefix")
    func remoteFolder() throws {
        let folderFile = temporaryFile("year.json", #"{"type": "integer", "minimum": 1900}"#)
        let folder = String(folderFile.prefix(upTo: try #require(folderFile.lastIndex(of: "/"))))
        let schema = try compile(
            #"{"properties": {"year": {"$ref": "https://example.org/defs/year.json"}}}"#,
            options: JSONSchemaOptions(remotes: ["https://example.org/defs/": folder])
        )
        #expect(schema.isValid(try parse(#"{"year": 1999}"#)))
        let errors = schema.validate(try parse(#"{"year": 1800}"#))
        #expect(errors.map(\.instanceLocation) == ["/year"])
        #expect(errors.first?.absoluteKeywordLocation == "https://example.org/defs/year.json#/minimum")
        #expect(errors.first?.keywordLocation == "/properties/year/$ref/minimum")
        // `..` cannot climb out of the mapped folder.
        #expect(throws: JSONSchemaLoadError.self) {
            _ = try compile(
                #"{"$ref": "https://example.org/defs/../secret.json"}"#,
                options: JSONSchemaOptions(remotes: ["https://example.org/defs/": folder])
            )
        }
    }

    @Test("NDJSON inputs are validated line by line with file line numbers; a broken line does not stop the rest")
    func ndjsonLines() throws {
        let schemaFile = temporaryFile(
            "record.schema.json",
            #"{"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}"#
        )
        let validator = try JSONSchemaValidator(schemaPath: schemaFile)
        let marked = MarkedText("{\"id\": \"a\"}\r\n\n{\"id\": 1️⃣7}\n{\"id\": 2️⃣\n3️⃣{\"name\": \"b\"}")
        let found = try diagnostics(validator, Array(marked.text.utf8), name: "records.jsonl", maxChunk: 4)
        #expect(found.count == 3, "\(found.map(\.formatted))")
        let expected = [
            ("1️⃣", "json-schema.type"), ("2️⃣", "json.unexpected-end"), ("3️⃣", "json-schema.required"),
        ]
        for (marker, id) in expected {
            let position = try #require(marked[marker])
            let diagnostic = found.first { $0.id.rawValue == id }
            #expect(diagnostic?.location?.line == position.line, "\(id)")
            #expect(diagnostic?.severity == .error, "\(id)")
            if id != "json.unexpected-end" { #expect(diagnostic?.location?.column == position.column, "\(id)") }
        }
    }

    @Test("a truncated JSON document gives a fatal diagnostic after the errors found before the break")
    func truncated() throws {
        let schemaFile = temporaryFile("s.schema.json", #"{"items": {"type": "integer"}}"#)
        let validator = try JSONSchemaValidator(schemaPath: schemaFile)
        let found = try diagnostics(validator, Array(#"[1, "two", 3, "#.utf8), name: "in.json")
        #expect(found.map(\.id.rawValue) == ["json-schema.type", "json.unexpected-end"])
        #expect(found.last?.severity == .fatal)
        #expect(found.first?.location?.path == "/1")
    }

    @Test("maxErrors bounds the errors reported")
    func maxErrors() throws {
        let schemaFile = temporaryFile("s.schema.json", #"{"items": {"type": "string"}}"#)
        let validator = try JSONSchemaValidator(schemaPath: schemaFile)
        let numbers = "[" + (0..<500).map(String.init).joined(separator: ",") + "]"
        var found: [Diagnostic] = []
        try validator.validate(source: MemoryByteSource(numbers), sourceName: "n.json", maxErrors: 10) {
            found.append($0)
        }
        #expect(found.count == 10)
        #expect(found.last?.location?.path == "/9")
    }

    @Test("one compiled schema validates many instances concurrently with the same results")
    func concurrent() async throws {
        let schema = try JSONSchema(
            contentsOfFile: schemaPath("canonical/record.schema.json"),
            options: JSONSchemaOptions(
                formats: .assert,
                remotes: ["https://meabridge.org/schemas/": Fixtures.repositoryRoot() + "/Schemas"]
            )
        )
        let instances = try (0..<64).map { index in
            try parse(
                index % 3 == 0
                    ? #"{"entity": "meeting", "id": "m\#(index)", "start": "2020-02-30"}"#
                    : #"{"entity": "site", "id": "s\#(index)", "latitude": \#(index)}"#
            )
        }
        let sequential = instances.map { schema.validate($0).count }
        let parallel = await withTaskGroup(of: (Int, Int).self) { group in
            for (index, instance) in instances.enumerated() {
                group.addTask { (index, schema.validate(instance).count) }
            }
            var counts = [Int](repeating: -1, count: instances.count)
            for await (index, count) in group { counts[index] = count }
            return counts
        }
        #expect(parallel == sequential)
        #expect(sequential.filter { $0 == 1 }.count == 22)
    }
}
