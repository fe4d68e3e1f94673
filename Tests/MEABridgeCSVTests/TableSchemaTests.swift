import MEABridgeCSV
import MEABridgeCore
import MEABridgeJSON
import MEABridgeTestSupport
import Testing

/// A schema from JSON text.
func tableSchema(_ json: String) throws -> TableSchema {
    var parser = JSONPullParser(source: MemoryByteSource(json))
    return try TableSchema.parse(try parser.readValue(), path: "schema.json")
}

/// Validates CSV text against a schema given as JSON text.
func validate(_ csv: String, schema json: String, maxErrors: Int = 1000) throws -> [Diagnostic] {
    let validator = try TableSchemaValidator(schema: try tableSchema(json))
    var diagnostics: [Diagnostic] = []
    try validator.validate(source: MemoryByteSource(csv), sourceName: "data.csv", maxErrors: maxErrors) {
        diagnostics.append($0)
    }
    return diagnostics
}

/// Validates a file against a schema file of `Schemas/csv`.
func validate(path: String, schema: String) throws -> [Diagnostic] {
    let validator = try TableSchemaValidator(schemaPath: Fixtures.repositoryRoot() + "/Schemas/csv/" + schema)
    var diagnostics: [Diagnostic] = []
    try validator.validate(source: try FileByteSource(path: path), sourceName: path, maxErrors: 10_000) {
        diagnostics.append($0)
    }
    return diagnostics
}

@Suite("Table Schema")
struct TableSchemaTests {
    @Test("recognises table schemas, never JSON Schemas, by their top-level members")
    func recognition() {
        func recognizes(_ json: String, name: String = "s.json") -> Bool {
            TableSchemaValidator.recognizes(schema: SniffInput(prefix: Array(json.utf8), name: name))
        }
        #expect(recognizes(#"{"fields": [{"name": "a"}]}"#))
        #expect(recognizes(#"  {"title": "x", "fields": [], "primaryKey": "a"}"#, name: "x.table-schema.json"))
        #expect(
            recognizes(#"{"$schema": "https://specs.frictionlessdata.io/schemas/table-schema.json", "fields": []}"#)
        )
        #expect(recognizes(#"{"$schema": "https://datapackage.org/profiles/2.0/tableschema.json"}"#))
        // JSON Schemas: a nested `fields` property, or a json-schema.org `$schema` with properties.
        #expect(!recognizes(#"{"type": "object", "properties": {"fields": {"type": "array"}}}"#))
        #expect(
            !recognizes(#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "fields": [], "properties": {}}"#)
        )
        #expect(!recognizes(#"{"fields": "not an array"}"#))
        #expect(!recognizes(#"[{"fields": []}]"#))
        #expect(!recognizes("<xs:schema/>", name: "s.xsd"))
        // A prefix cut inside a long schema still decides on what was read.
        #expect(recognizes(#"{"fields": [{"name": "a", "description": "long"#))
    }

    @Test("every problem in a schema is reported, located in the schema file")
    func invalidSchema() throws {
        let marked = MarkedText(
            """
            {"fields": [
              {"name": "a", "type": 1️⃣"datee"},
              {"name": "b", "type": "date", "format": 2️⃣"%Q"},
              3️⃣{"type": "string"}
            ], "primaryKey": "zz"}
            """
        )
        do {
            _ = try tableSchema(marked.text)
            Issue.record("the schema should not load")
        } catch let failure as SchemaLoadFailure {
            let lines = failure.diagnostics.compactMap(\.location?.line)
            #expect(failure.diagnostics.count == 4)
            #expect(lines.contains(try #require(marked["1️⃣"]?.line)))
            #expect(lines.contains(try #require(marked["2️⃣"]?.line)))
            #expect(lines.contains(try #require(marked["3️⃣"]?.line)))
            #expect(failure.diagnostics.contains { $0.message.contains("primary key field 'zz'") })
            #expect(
                failure.diagnostics.first { $0.location?.line == marked["1️⃣"]?.line }?.location?.column
                    == marked["1️⃣"]?.column
            )
        }
    }

    @Test("types and formats: each value either casts or is an error naming what was expected")
    func types() throws {
        let schema = #"""
            {"fields": [
              {"name": "i", "type": "integer"},
              {"name": "n", "type": "number", "decimalChar": ",", "groupChar": "."},
              {"name": "b", "type": "boolean", "trueValues": ["Yes"], "falseValues": ["No"]},
              {"name": "d", "type": "date", "format": "%d/%m/%Y"},
              {"name": "iso", "type": "date"},
              {"name": "dt", "type": "datetime"},
              {"name": "t", "type": "time"},
              {"name": "y", "type": "year"},
              {"name": "ym", "type": "yearmonth"},
              {"name": "du", "type": "duration"},
              {"name": "g", "type": "geopoint"},
              {"name": "e", "type": "string", "format": "email"},
              {"name": "o", "type": "object"}
            ]}
            """#
        let header = "i,n,b,d,iso,dt,t,y,ym,du,g,e,o\n"
        let good =
            #"-12,"1.234,5",Yes,16/02/1995,1995-02-16,1995-02-16T13:45:30Z,13:45:30,1995,1995-02,P1Y2M3DT4H,"12.5, -45",a@b.org,"{""x"":1}""#
        #expect(try validate(header + good + "\n", schema: schema).isEmpty)
        let bad = #"1.5,x,maybe,31/02/1995,16/02/1995,1995-02-16,25:00:00,95,1995-13,P,"200, 0",nobody,[1]"#
        let diagnostics = try validate(header + bad + "\n", schema: schema)
        #expect(diagnostics.count == 13)
        #expect(diagnostics.allSatisfy { $0.id == .schemaType && $0.severity == .error })
        let dateProblem = try #require(diagnostics.first { $0.location?.path == "row 2, column d" })
        #expect(
            dateProblem.message
                == "row 2, column 'd': '31/02/1995' is not a date in the format %d/%m/%Y (for example 16/02/1995)"
        )
        #expect(dateProblem.location?.line == 2)
    }

    @Test("missing values, required, enum, pattern, bounds, lengths, unique and the primary key")
    func constraints() throws {
        let schema = #"""
            {"missingValues": ["", "NA"], "primaryKey": ["id", "part"], "fields": [
              {"name": "id", "type": "integer"},
              {"name": "part", "type": "string"},
              {"name": "code", "type": "string", "constraints": {"required": true, "enum": ["A", "B"]}},
              {"name": "ref", "type": "string", "constraints": {"pattern": "[A-Z]{2}[0-9]+", "minLength": 3, "maxLength": 5}},
              {"name": "qty", "type": "number", "constraints": {"minimum": 0, "maximum": 100}},
              {"name": "day", "type": "date", "missingValues": ["", "Present"], "constraints": {"minimum": "2000-01-01"}},
              {"name": "tag", "type": "string", "constraints": {"unique": true}}
            ]}
            """#
        let marked = MarkedText(
            """
            id,part,code,ref,qty,day,tag
            1,a,A,FR12,5,Present,t1
            1,b,NA,FR1,50,2001-01-01,t2
            2,a,2️⃣C,3️⃣fr12,4️⃣101,5️⃣1999-12-31,6️⃣t1
            1,a,B,AB1234,0,,t3

            """
        )
        let diagnostics = try validate(marked.text, schema: schema)
        func at(_ path: String) -> Diagnostic? { diagnostics.first { $0.location?.path == path } }
        #expect(at("row 3, column code")?.id == .schemaRequired)
        #expect(at("row 4, column code")?.id == .schemaEnum)
        #expect(at("row 4, column code")?.message.contains("is not one of the allowed values: A, B") == true)
        #expect(at("row 4, column code")?.location?.column == marked["2️⃣"]?.column)
        #expect(at("row 4, column ref")?.id == .schemaPattern)
        #expect(at("row 4, column ref")?.location?.column == marked["3️⃣"]?.column)
        #expect(at("row 4, column qty")?.message.contains("above the maximum 100") == true)
        #expect(at("row 4, column qty")?.location?.column == marked["4️⃣"]?.column)
        #expect(at("row 4, column day")?.message.contains("below the minimum 2000-01-01") == true)
        #expect(at("row 4, column day")?.location?.column == marked["5️⃣"]?.column)
        #expect(at("row 4, column tag")?.id == .schemaUnique)
        #expect(at("row 4, column tag")?.message.contains("repeats the value of row 2") == true)
        #expect(at("row 4, column tag")?.location?.column == marked["6️⃣"]?.column)
        #expect(at("row 5, column ref")?.message.contains("longer than the maximum length 5") == true)
        #expect(at("row 5, column id+part")?.message.contains("'1, a' repeats row 2") == true)
        // `Present` is a missing value of `day` only, and NA one of every field.
        #expect(diagnostics.count == 8)
    }

    @Test(
        "columns: matched by name in any order and case; a required one missing is an error, an unknown one a warning"
    )
    func columns() throws {
        let schema =
            #"{"fields": [{"name": "Species_Name", "constraints": {"required": true}}, {"name": "year", "type": "integer", "constraints": {"required": true}}, {"name": "note"}]}"#
        let diagnostics = try validate("Extra,SpeciesName\nx,Aloe ferox\n", schema: schema)
        #expect(
            diagnostics.map(\.id).sorted { $0.rawValue < $1.rawValue } == [
                .schemaColumnMissing, .schemaColumnMissing, .schemaColumnUnknown,
            ]
        )
        #expect(diagnostics.first { $0.message.contains("'year'") }?.severity == .error)
        #expect(diagnostics.first { $0.message.contains("'note'") }?.severity == .note)
        #expect(diagnostics.first { $0.id == .schemaColumnUnknown }?.location?.path == "row 1, column Extra")
    }

    @Test("validation stops at the error limit")
    func errorLimit() throws {
        let rows = (1...50).map { "x\($0)" }.joined(separator: "\n")
        let diagnostics = try validate(
            "n\n" + rows,
            schema: #"{"fields": [{"name": "n", "type": "integer"}]}"#,
            maxErrors: 7
        )
        #expect(diagnostics.count == 7)
    }

    @Test(
        "quotas.csv against its schema: dd/mm/yyyy and Present read; the dates written ` 01/07/1975` (a space after the comma) are the only errors",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func quotasSchema() throws {
        let path = Fixtures.samplesDirectory + "/cites/sapi/quotas.csv"
        let diagnostics = try validate(path: path, schema: "sapi-quotas.table-schema.json")
        // The date cells that start with a space, counted independently of the validator.
        var spaced: [String] = []
        var reader = CSVTableReader(source: try FileByteSource(path: path))
        _ = try reader.readHeader { _ in }
        while try reader.nextRow(report: { _ in }) {
            for column in [1, 2] where reader.value(column).hasPrefix(" ") { spaced.append("row \(reader.rowNumber)") }
        }
        #expect(spaced.count == 21)
        let errors = diagnostics.filter { $0.severity >= .warning }
        #expect(errors.count == spaced.count)
        #expect(
            errors.allSatisfy {
                $0.id == .schemaType && $0.message.hasSuffix("it has spaces around it (without them it would be valid)")
            }
        )
        #expect(errors.compactMap { $0.location?.path?.split(separator: ",").first.map(String.init) } == spaced)
        let first = try #require(errors.first)
        #expect(first.location?.line == 47 && first.location?.column == 14)
    }

    @Test(
        "exemptions.csv against its schema: each `dd/mm/yyyy 00:00` date and each spilled row is a precise error",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func exemptionsSchema() throws {
        let diagnostics = try validate(
            path: Fixtures.samplesDirectory + "/cites/sapi/exemptions.csv",
            schema: "sapi-exemptions.table-schema.json"
        )
        let dates = diagnostics.filter { $0.id == .schemaType }
        let spilled = diagnostics.filter { $0.id == .csvRowLong }
        #expect(spilled.count == 60)
        #expect(!dates.isEmpty)
        #expect(
            dates.allSatisfy {
                $0.message.contains(" 00:00' is not a date in the format %d/%m/%Y (for example 16/02/1995)")
            }
        )
        // Rows with the time are 184 date cells in the file; those in spilled rows are not checked.
        #expect(dates.count < 184)
        let first = try #require(dates.first)
        #expect(first.location?.path?.hasPrefix("row ") == true)
        #expect(
            first.location?.path?.hasSuffix(", column start_date") == true
                || first.location?.path?.hasSuffix(", column end_date") == true
        )
        #expect(diagnostics.filter { $0.severity >= .error }.count == dates.count + spilled.count)
    }

    @Test(
        "reservations.csv against its schema: the header with a trailing space matches, no errors",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func reservationsSchema() throws {
        let diagnostics = try validate(
            path: Fixtures.samplesDirectory + "/cites/sapi/reservations.csv",
            schema: "sapi-reservations.table-schema.json"
        )
        #expect(diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(diagnostics.map(\.formatted))")
    }

    @Test("the bundled table schemas load and are recognised as table schemas")
    func bundledSchemas() throws {
        let directory = Fixtures.repositoryRoot() + "/Schemas/csv"
        let files = Fixtures.files(in: directory, suffix: ".table-schema.json")
        #expect(files.count == 8)
        for file in files {
            let bytes = try #require(Fixtures.read(file))
            #expect(
                TableSchemaValidator.recognizes(schema: SniffInput(prefix: Array(bytes.prefix(65_536)), name: file))
            )
            _ = try TableSchemaValidator(schemaPath: file)
        }
    }
}
