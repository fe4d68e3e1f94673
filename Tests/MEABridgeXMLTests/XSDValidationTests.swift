import MEABridgeCore
import MEABridgeTestSupport
import MEABridgeXML
import Testing

/// A small schema: decisions with a required id, an optional integer number and a language-coded title.
let decisionsSchema = """
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:d" xmlns:d="urn:d"
               elementFormDefault="qualified">
      <xs:element name="decisions">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="decision" maxOccurs="unbounded">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="n" type="xs:int" minOccurs="0"/>
                  <xs:element name="title" type="xs:string"/>
                </xs:sequence>
                <xs:attribute name="id" type="xs:string" use="required"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:schema>
    """

/// Writes the decisions schema to a temporary directory and compiles it.
func compiledDecisionsSchema() throws -> (XSDSchema, TemporaryDirectory) {
    var directory = try TemporaryDirectory()
    let path = try directory.write(decisionsSchema, to: "decisions.xsd")
    return (try XSDSchema(path: path), directory)
}

@Suite("XSD validation")
struct XSDValidationTests {
    static let invalid = """
        <d:decisions xmlns:d="urn:d">
          <d:decision id="a"><d:n>1</d:n><d:title>ok</d:title></d:decision>
        1️⃣  <d:decision><d:title>no id</d:title></d:decision>
          <d:decision id="c">
        2️⃣    <d:n>x</d:n>
            <d:title>bad number</d:title>
          </d:decision>
          <d:decision id="d"><d:title>t</d:title>
        3️⃣    <d:extra/>
          </d:decision>
        4️⃣  <d:decision id="e"><d:n>5</d:n></d:decision>
        </d:decisions>
        """

    @Test("Every validity error is reported with its line, its id and the XPath of the element concerned")
    func locatedDiagnostics() throws {
        let (schema, directory) = try compiledDecisionsSchema()
        defer { directory.remove() }
        let marked = MarkedText(Self.invalid)
        var diagnostics: [Diagnostic] = []
        try XSDSchemaValidator(schema: schema).validate(
            source: MemoryByteSource(marked.text, name: "decisions.xml"),
            sourceName: "decisions.xml",
            maxErrors: 100
        ) { diagnostics.append($0) }
        let expected: [(String, DiagnosticID, String)] = [
            ("1️⃣", .xsdAttribute, "/d:decisions/d:decision[2]"),
            ("2️⃣", .xsdValue, "/d:decisions/d:decision[3]/d:n"),
            ("3️⃣", .xsdContent, "/d:decisions/d:decision[4]/d:extra"),
            ("4️⃣", .xsdContent, "/d:decisions/d:decision[5]"),
        ]
        #expect(diagnostics.count == expected.count)
        for (diagnostic, (marker, id, path)) in zip(diagnostics, expected) {
            #expect(diagnostic.id == id, "\(marker): \(diagnostic.formatted)")
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.location?.line == marked[marker]?.line, "\(marker): \(diagnostic.formatted)")
            #expect(diagnostic.location?.path == path, "\(marker): \(diagnostic.formatted)")
            #expect(diagnostic.location?.source == "decisions.xml")
        }
        #expect(diagnostics[1].message.contains("'x' is not a valid value"))
    }

    @Test("A valid document gives no diagnostics, whatever the chunk size")
    func validDocument() throws {
        let (schema, directory) = try compiledDecisionsSchema()
        defer { directory.remove() }
        var text = "<decisions xmlns='urn:d'>"
        for index in 0..<2_000 {
            text += "<decision id='\(index)'><n>\(index)</n><title>T \(index)</title></decision>\n"
        }
        text += "</decisions>"
        for chunk in [7, 4096, .max] {
            var diagnostics: [Diagnostic] = []
            try XSDSchemaValidator(schema: schema).validate(
                source: MemoryByteSource(text, maxChunk: chunk),
                sourceName: "ok.xml",
                maxErrors: 10
            ) { diagnostics.append($0) }
            #expect(diagnostics.isEmpty)
        }
    }

    @Test("Validation stops at maxErrors and says so")
    func maxErrors() throws {
        let (schema, directory) = try compiledDecisionsSchema()
        defer { directory.remove() }
        var text = "<decisions xmlns='urn:d'>"
        for _ in 0..<50 { text += "<decision><title>t</title></decision>" }
        text += "</decisions>"
        var diagnostics: [Diagnostic] = []
        try XSDSchemaValidator(schema: schema).validate(
            source: MemoryByteSource(text),
            sourceName: "many.xml",
            maxErrors: 7
        ) { diagnostics.append($0) }
        #expect(diagnostics.filter { $0.severity == .error }.count == 7)
        #expect(diagnostics.last?.severity == .note)
        #expect(diagnostics.last?.message.contains("stopped after 7") == true)
    }

    @Test("A well-formedness error stops validation with the xml.* diagnostic")
    func malformedInput() throws {
        let (schema, directory) = try compiledDecisionsSchema()
        defer { directory.remove() }
        var diagnostics: [Diagnostic] = []
        try XSDSchemaValidator(schema: schema).validate(
            source: MemoryByteSource("<decisions xmlns='urn:d'>\n<decision id='a'><title>t</decision>"),
            sourceName: "broken.xml",
            maxErrors: 10
        ) { diagnostics.append($0) }
        let fatal = try #require(diagnostics.first { $0.severity == .fatal })
        #expect(fatal.id == .xmlSyntax)
        #expect(fatal.location?.line == 2)
        #expect(fatal.location?.path == "/decisions/decision/title")
    }

    @Test("One compiled schema validates from many tasks at once, each with its own results")
    func concurrentValidation() async throws {
        let (schema, directory) = try compiledDecisionsSchema()
        defer { directory.remove() }
        let validator = XSDSchemaValidator(schema: schema)
        let counts = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for task in 0..<8 {
                group.addTask {
                    var total = 0
                    for round in 0..<25 {
                        // Task `task` writes `task` decisions without an id in every document.
                        var text = "<decisions xmlns='urn:d'>"
                        for index in 0..<(task + round % 3) {
                            text += "<decision><title>\(index)</title></decision>"
                        }
                        text += "<decision id='ok'><title>ok</title></decision></decisions>"
                        var errors = 0
                        try validator.validate(source: MemoryByteSource(text), sourceName: "t\(task)", maxErrors: 100) {
                            if $0.id == .xsdAttribute && $0.location?.source == "t\(task)" { errors += 1 }
                        }
                        total += errors - (task + round % 3)
                    }
                    return (task, total)
                }
            }
            var results: [Int: Int] = [:]
            for try await (task, total) in group { results[task] = total }
            return results
        }
        #expect(counts.count == 8)
        #expect(counts.values.allSatisfy { $0 == 0 })
    }

    @Test("A broken schema fails to load with located problems")
    func brokenSchema() throws {
        var directory = try TemporaryDirectory()
        defer { directory.remove() }
        let notWellFormed = try directory.write(
            "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'>\n<xs:element",
            to: "a.xsd"
        )
        let invalid = try directory.write(
            "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'>\n<xs:element name='r' type='xs:nosuchtype'/>\n"
                + "</xs:schema>",
            to: "b.xsd"
        )
        for path in [notWellFormed, invalid] {
            do {
                _ = try XSDSchema(path: path)
                Issue.record("\(path) loaded")
            } catch {
                #expect(error.path == path)
                #expect(!error.diagnostics.isEmpty)
                #expect(error.diagnostics.allSatisfy { $0.id == .xsdSchema })
                #expect(error.diagnostics.contains { $0.location?.line == 2 })
            }
        }
        #expect(throws: SchemaLoadFailure.self) { try XSDSchemaValidator(schemaPath: directory.path + "/missing.xsd") }
    }

    @Test("recognizes: .xsd files and xs:schema/xsd:schema documents, not JSON schemas or other XML")
    func recognizes() {
        func sniff(_ text: String, _ name: String) -> Bool {
            XSDSchemaValidator.recognizes(schema: SniffInput(prefix: Array(text.utf8), name: name))
        }
        #expect(sniff("", "atom.xsd"))
        #expect(sniff("<?xml version='1.0'?>\n<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'>", "s.xml"))
        #expect(sniff("<xsd:schema xmlns:xsd='http://www.w3.org/2001/XMLSchema'>", "s"))
        #expect(sniff("<schema xmlns='http://www.w3.org/2001/XMLSchema'>", "s"))
        #expect(!sniff("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"}", "s.json"))
        #expect(!sniff("{\"fields\": []}", "t.json"))
        #expect(!sniff("<feed xmlns='http://www.w3.org/2005/Atom'/>", "f.xml"))
        #expect(XSDSchemaValidator.language == "xsd")
    }
}
