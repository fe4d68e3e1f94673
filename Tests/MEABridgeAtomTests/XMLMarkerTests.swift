import MEABridgeCLI
import MEABridgeCore
import MEABridgeECOLEX
import MEABridgeInforMEA
import MEABridgeJSON
import MEABridgeTestSupport
import MEABridgeValidation
import MEABridgeXML
import Testing

/// XML diagnostics checked against markers in the fixtures.
///
/// The fixtures in `Tests/Fixtures/xml` carry markers (1️⃣, 2️⃣, …) where each diagnostic must point: the line, the
/// column where the layer gives one, and the XPath. The same fixtures go through the readers, the XSD validator, the
/// document parser and `meabridge validate --format json`.
@Suite("XML diagnostics point where the fixture's markers say")
struct XMLMarkerTests {
    /// Reads a fixture of `Tests/Fixtures/xml` and strips its markers, byte for byte.
    static func fixture(_ name: String) throws -> MarkedText {
        let bytes = try #require(Fixtures.read(Fixtures.fixturesDirectory + "/xml/" + name), "missing fixture \(name)")
        return MarkedText(bytes: bytes)
    }

    /// The registered XSD of the `informea-atom` format.
    static var atomSchema: XSDSchema {
        get throws { try XSDSchema(path: schemaPath("informea-atom.xsd")) }
    }

    /// Checks that a diagnostic exists, has the id, and points at the marker's line and column and at the XPath.
    ///
    /// Pass `column: .some(nil)` where the layer gives no column (XSD validity errors): the diagnostic must then have
    /// none.
    static func expect(
        _ diagnostic: Diagnostic?,
        _ id: DiagnosticID,
        at position: MarkedText.Position?,
        column: Int?? = .none,
        path: String?,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let diagnostic, let position else {
            Issue.record("no \(id) diagnostic, or no marker", sourceLocation: sourceLocation)
            return
        }
        #expect(diagnostic.id == id, "\(diagnostic.formatted)", sourceLocation: sourceLocation)
        #expect(diagnostic.location?.line == position.line, "\(diagnostic.formatted)", sourceLocation: sourceLocation)
        let expectedColumn: Int? = column ?? position.column
        #expect(
            diagnostic.location?.column == expectedColumn,
            "\(diagnostic.formatted)",
            sourceLocation: sourceLocation
        )
        #expect(diagnostic.location?.path == path, "\(diagnostic.formatted)", sourceLocation: sourceLocation)
    }

    // MARK: - Well-formedness

    /// A well-formedness fixture: its file, the diagnostic's id, the start of the streaming reader's message, the open
    /// element's XPath, and the markers the streaming reader and the document parser point at.
    struct Malformed: Sendable, CustomTestStringConvertible {
        var file: String
        var id: DiagnosticID
        var message: String
        var path: String
        var streamMarker = "1️⃣"
        var documentMarker = "1️⃣"
        var testDescription: String { file }
    }

    static let malformed: [Malformed] = [
        // libxml2 points just past the offending end tag `</titel>`.
        Malformed(
            file: "mismatched-end-tag.xml",
            id: .xmlSyntax,
            message: "Opening and ending tag mismatch: title line 5 and titel",
            path: "/feed/entry/title"
        ),
        // Just past the `;` of `&foo;`.
        Malformed(
            file: "undeclared-entity.xml",
            id: .xmlEntity,
            message: "Entity 'foo' not defined",
            path: "/feed/entry/title"
        ),
        // At the invalid byte itself.
        Malformed(
            file: "invalid-utf8.xml",
            id: .xmlEncoding,
            message: "Input is not proper UTF-8",
            path: "/feed/entry/title"
        ),
        // The push parser points just past the last markup it read (`</title>`, 1️⃣), not at the end of the input;
        // the document parser points at the end of the input (2️⃣, the line after).
        Malformed(
            file: "truncated.xml",
            id: .xmlSyntax,
            message: "the input ends inside <entry>",
            path: "/feed/entry",
            documentMarker: "2️⃣"
        ),
    ]

    @Test(
        "Well-formedness errors: one fatal xml.* diagnostic at the marked line and column, from the streaming reader",
        arguments: malformed
    )
    func wellFormednessStreaming(_ fixture: Malformed) throws {
        let file = fixture.file
        let marked = try Self.fixture(file)
        let (records, diagnostics) = try readRecords(InforMEAAtomReader.self, marked.bytes, name: file)
        #expect(records.isEmpty)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.formatted))")
        let fatal = diagnostics.first
        #expect(fatal?.severity == .fatal)
        #expect(fatal?.message.hasPrefix(fixture.message) == true, "\(fatal?.message ?? "")")
        #expect(fatal?.location?.source == file)
        Self.expect(fatal, fixture.id, at: marked[fixture.streamMarker], path: fixture.path)

        // The XSD validator streams the same parser: the same diagnostic, nothing from the schema after it.
        var validated: [Diagnostic] = []
        try XSDSchemaValidator(schema: try Self.atomSchema).validate(
            source: MemoryByteSource(marked.bytes, name: file),
            sourceName: file,
            maxErrors: 100
        ) { validated.append($0) }
        #expect(validated == diagnostics)
    }

    @Test(
        "Well-formedness errors from the document parser: the same id, line and column (no XPath: no tree is kept)",
        arguments: malformed
    )
    func wellFormednessDocument(_ fixture: Malformed) throws {
        let marked = try Self.fixture(fixture.file)
        let result = XMLDocumentParser.parse(bytes: marked.bytes, name: fixture.file)
        #expect(result.summary == nil)
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.formatted))")
        let fatal = result.diagnostics.first
        #expect(fatal?.severity == .fatal)
        // libxml2's own message for a truncated document.
        let message = fixture.file == "truncated.xml" ? "Premature end of data in tag entry line 3" : fixture.message
        #expect(fatal?.message.hasPrefix(message) == true, "\(fatal?.message ?? "")")
        Self.expect(fatal, fixture.id, at: marked[fixture.documentMarker], path: nil)
    }

    // MARK: - XSD

    @Test("XSD errors against informea-atom.xsd: xsd.* at the marked line and XPath (libxml2 gives no column)")
    func xsdErrors() throws {
        let marked = try Self.fixture("atom-xsd-errors.xml")
        var diagnostics: [Diagnostic] = []
        try XSDSchemaValidator(schema: try Self.atomSchema).validate(
            source: MemoryByteSource(marked.bytes, name: "atom-xsd-errors.xml"),
            sourceName: "atom-xsd-errors.xml",
            maxErrors: 100
        ) { diagnostics.append($0) }
        #expect(diagnostics.map(\.id) == [.xsdContent, .xsdAttribute, .xsdValue], "\(diagnostics.map(\.formatted))")
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        let byID = { (id: DiagnosticID) in diagnostics.first { $0.id == id } }
        Self.expect(byID(.xsdContent), .xsdContent, at: marked["1️⃣"], column: .some(nil), path: "/feed/entry/venue")
        #expect(byID(.xsdContent)?.message.contains("'{http://www.w3.org/2005/Atom}venue'") == true)
        Self.expect(
            byID(.xsdAttribute),
            .xsdAttribute,
            at: marked["2️⃣"],
            column: .some(nil),
            path: "/feed/entry[2]/link"
        )
        #expect(byID(.xsdAttribute)?.message.contains("'href' is required") == true)
        Self.expect(
            byID(.xsdValue),
            .xsdValue,
            at: marked["3️⃣"],
            column: .some(nil),
            path: "/feed/entry[2]/content/m:properties/d:start"
        )
        #expect(byID(.xsdValue)?.message.contains("'2014-13-45T00:00:00'") == true)
    }

    @Test("One pass (the Atom reader validating while it reads): the XSD errors and the reader's, each at its marker")
    func xsdErrorsOnePass() throws {
        let marked = try Self.fixture("atom-xsd-errors.xml")
        var reader = InforMEAAtomReader(options: ReadOptions(sourceName: "atom-xsd-errors.xml"))
        var records: [Record] = []
        var diagnostics: [Diagnostic] = []
        try reader.read(
            from: MemoryByteSource(marked.bytes, name: "atom-xsd-errors.xml"),
            validatingAgainst: try Self.atomSchema,
            emit: { records.append($0) },
            report: { diagnostics.append($0) }
        )
        #expect(records.map(\.id) == ["m1", "m2"])
        #expect(
            diagnostics.map(\.id) == [.xsdContent, .xsdAttribute, .xsdValue, .invalidDate],
            "\(diagnostics.map(\.formatted))"
        )
        Self.expect(diagnostics[0], .xsdContent, at: marked["1️⃣"], column: .some(nil), path: "/feed/entry/venue")
        Self.expect(diagnostics[1], .xsdAttribute, at: marked["2️⃣"], column: .some(nil), path: "/feed/entry[2]/link")
        let start = "/feed/entry[2]/content/m:properties/d:start"
        Self.expect(diagnostics[2], .xsdValue, at: marked["3️⃣"], column: .some(nil), path: start)
        // The reader's own diagnostic about the same value has the start tag's column.
        Self.expect(diagnostics[3], .invalidDate, at: marked["3️⃣"], path: start)
    }

    // MARK: - Reader and harmonised rules

    @Test("The reader's and the harmonised rules' diagnostics: at the marked element (the entry, for the rules)")
    func readerAndRules() throws {
        let marked = try Self.fixture("atom-rule-errors.xml")
        let (records, read) = try readRecords(InforMEAAtomReader.self, marked.bytes, name: "atom-rule-errors.xml")
        #expect(records.map(\.id) == ["m1", "m2", "m3"])
        #expect(read.map(\.id) == [.unknownCountry], "\(read.map(\.formatted))")
        Self.expect(read.first, .unknownCountry, at: marked["2️⃣"], path: "/feed/entry[2]/content/m:properties/d:country")
        #expect(read.first?.severity == .warning)

        var rules = HarmonisedRules()
        var checked: [Diagnostic] = []
        for record in records { rules.check(record, report: { checked.append($0) }) }
        rules.finish(report: { checked.append($0) })
        #expect(checked.map(\.id) == [.titleNotEnglish, .dateOrder], "\(checked.map(\.formatted))")
        // A rule sees the canonical record, not the XML: it points at the record's start tag (line and column), and
        // its path is the record's XPath with the canonical field's name appended (not the d: element's XPath).
        Self.expect(checked.first, .titleNotEnglish, at: marked["1️⃣"], path: "/feed/entry/title")
        #expect(checked.first?.message.contains("'fr' will be used") == true)
        Self.expect(checked.last, .dateOrder, at: marked["3️⃣"], path: "/feed/entry[3]/end")
        #expect(checked.last?.severity == .error)
    }

    @Test("faolex-xml: an unknown country and an unknown language at their <meta>, the file rule at its <record>")
    func faolexMeta() throws {
        let marked = try Self.fixture("faolex-bad-meta.xml")
        let (records, read) = try readRecords(FAOLEXReader.self, marked.bytes, name: "faolex-bad-meta.xml")
        #expect(records.map(\.id) == ["LEX-FAOC000001", "LEX-FAOC000002"])
        #expect(read.map(\.id) == [.unknownCountry, .unknownLanguage], "\(read.map(\.formatted))")
        Self.expect(read.first, .unknownCountry, at: marked["1️⃣"], path: "/gsafeed/group/record[2]/metadata/meta[2]")
        #expect(read.first?.message.contains("'XYZ'") == true)
        Self.expect(read.last, .unknownLanguage, at: marked["2️⃣"], path: "/gsafeed/group/record[2]/metadata/meta[5]")
        #expect(read.last?.message.contains("'Martian'") == true)

        var rules = HarmonisedRules()
        var checked: [Diagnostic] = []
        for record in records { rules.check(record, report: { checked.append($0) }) }
        #expect(checked.map(\.id) == [.fileLanguageMissing], "\(checked.map(\.formatted))")
        Self.expect(checked.first, .fileLanguageMissing, at: marked["3️⃣"], path: "/gsafeed/group/record[2]/files/0")

        // The meta without content breaks the feed's XSD.
        let schema = try xsdDiagnostics(marked.bytes, schema: "faolex-gsafeed.xsd")
        #expect(schema.map(\.id) == [.xsdAttribute], "\(schema.map(\.formatted))")
        Self.expect(
            schema.first,
            .xsdAttribute,
            at: marked["4️⃣"],
            column: .some(nil),
            path: "/gsafeed/group/record[2]/metadata/meta[6]"
        )
    }

    // MARK: - meabridge validate --format json

    /// Runs `meabridge validate --format json` on a fixture (written without its markers to a temporary file) and
    /// returns the exit status, the file's path and the diagnostics of the JSON report.
    static func validateJSON(_ marked: MarkedText, name: String) throws -> (
        status: MEABridgeCLI.ExitStatus, path: String, diagnostics: [JSONValue]
    ) {
        let path = makeTemporaryDirectory() + "/" + name
        writeFile(path, marked.bytes)
        let captured = CapturedConsole()
        var job = ValidateJob(input: path)
        job.schemaDirectory = Fixtures.repositoryRoot() + "/Schemas"
        job.format = "json"
        let status = job.run(registry: xmlRegistry, console: captured.console)
        var parser = JSONPullParser(source: MemoryByteSource(Array(captured.out.utf8)))
        let report = try parser.readValue()
        guard case .array(let reports)? = report["reports"]?.kind, reports.count == 1,
            case .array(let diagnostics)? = reports[0]["diagnostics"]?.kind
        else {
            Issue.record("not a JSON report: \(captured.out)")
            return (status, path, [])
        }
        #expect(reports[0]["input"]?.kind == .string(path))
        return (status, path, diagnostics)
    }

    /// Checks one diagnostic of a JSON report: its id, file, line, column (`nil`: none) and path.
    static func expectJSON(
        _ diagnostic: JSONValue?,
        _ id: DiagnosticID,
        file: String,
        line: Int?,
        column: Int?,
        path: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let diagnostic else {
            Issue.record("no \(id) diagnostic", sourceLocation: sourceLocation)
            return
        }
        #expect(diagnostic["id"]?.kind == .string(id.rawValue), sourceLocation: sourceLocation)
        #expect(diagnostic["file"]?.kind == .string(file), sourceLocation: sourceLocation)
        #expect(diagnostic["line"]?.kind == line.map { .number(String($0)) }, sourceLocation: sourceLocation)
        #expect(diagnostic["column"]?.kind == column.map { .number(String($0)) }, sourceLocation: sourceLocation)
        #expect(diagnostic["path"]?.kind == .string(path), sourceLocation: sourceLocation)
    }

    @Test("validate --format json: XSD, reader and rule diagnostics with the marked line, column and XPath; exit 1")
    func validateAtomJSON() throws {
        let xsd = try Self.fixture("atom-xsd-errors.xml")
        let first = try Self.validateJSON(xsd, name: "atom-xsd-errors.xml")
        #expect(first.status == .diagnostics)
        let ids = first.diagnostics.compactMap { value -> String? in
            if case .string(let id)? = value["id"]?.kind { return id }
            return nil
        }
        #expect(ids == ["xsd.content", "xsd.attribute", "xsd.value", "model.date-invalid"])
        let start = "/feed/entry[2]/content/m:properties/d:start"
        let expected: [(DiagnosticID, String, Int?, String)] = [
            (.xsdContent, "1️⃣", nil, "/feed/entry/venue"),
            (.xsdAttribute, "2️⃣", nil, "/feed/entry[2]/link"),
            (.xsdValue, "3️⃣", nil, start),
            (.invalidDate, "3️⃣", xsd["3️⃣"]?.column, start),
        ]
        for (diagnostic, (id, marker, column, path)) in zip(first.diagnostics, expected) {
            Self.expectJSON(diagnostic, id, file: first.path, line: xsd[marker]?.line, column: column, path: path)
        }

        let rules = try Self.fixture("atom-rule-errors.xml")
        let second = try Self.validateJSON(rules, name: "atom-rule-errors.xml")
        #expect(second.status == .diagnostics)
        #expect(second.diagnostics.count == 3)
        let country = "/feed/entry[2]/content/m:properties/d:country"
        let expectedRules: [(DiagnosticID, String, String)] = [
            (.titleNotEnglish, "1️⃣", "/feed/entry/title"),
            (.unknownCountry, "2️⃣", country),
            (.dateOrder, "3️⃣", "/feed/entry[3]/end"),
        ]
        for (diagnostic, (id, marker, path)) in zip(second.diagnostics, expectedRules) {
            let position = rules[marker]
            Self.expectJSON(
                diagnostic,
                id,
                file: second.path,
                line: position?.line,
                column: position?.column,
                path: path
            )
        }
    }

    @Test("validate --format json: a well-formedness error and a faolex-xml feed, each at its marker")
    func validateMalformedAndFAOLEXJSON() throws {
        let mismatched = try Self.fixture("mismatched-end-tag.xml")
        let broken = try Self.validateJSON(mismatched, name: "mismatched-end-tag.xml")
        #expect(broken.status == .diagnostics)
        #expect(broken.diagnostics.count == 1)
        Self.expectJSON(
            broken.diagnostics.first,
            .xmlSyntax,
            file: broken.path,
            line: mismatched["1️⃣"]?.line,
            column: mismatched["1️⃣"]?.column,
            path: "/feed/entry/title"
        )
        #expect(broken.diagnostics.first?["severity"]?.kind == .string("fatal"))

        let faolex = try Self.fixture("faolex-bad-meta.xml")
        let feed = try Self.validateJSON(faolex, name: "faolex-bad-meta.xml")
        #expect(feed.status == .diagnostics)
        let record = "/gsafeed/group/record[2]"
        // In one pass the schema's diagnostic comes as the parser meets the element; the reader's when the record ends.
        let expected: [(DiagnosticID, String, Int?, String)] = [
            (.xsdAttribute, "4️⃣", nil, record + "/metadata/meta[6]"),
            (.unknownCountry, "1️⃣", faolex["1️⃣"]?.column, record + "/metadata/meta[2]"),
            (.unknownLanguage, "2️⃣", faolex["2️⃣"]?.column, record + "/metadata/meta[5]"),
            (.fileLanguageMissing, "3️⃣", faolex["3️⃣"]?.column, record + "/files/0"),
        ]
        #expect(feed.diagnostics.count == expected.count)
        for (diagnostic, (id, marker, column, path)) in zip(feed.diagnostics, expected) {
            Self.expectJSON(diagnostic, id, file: feed.path, line: faolex[marker]?.line, column: column, path: path)
        }
    }
}
