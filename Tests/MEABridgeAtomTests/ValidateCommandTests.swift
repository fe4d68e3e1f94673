import MEABridgeCLI
import MEABridgeCore
import MEABridgeECOLEX
import MEABridgeFormats
import MEABridgeInforMEA
import MEABridgeTestSupport
import MEABridgeXML
import Synchronization
import Testing

/// Captures what a command prints.
final class CapturedConsole: Sendable {
    private let storage = Mutex<(out: String, err: String)>(("", ""))
    var out: String { storage.withLock { $0.out } }
    var err: String { storage.withLock { $0.err } }
    var console: Console {
        Console(
            out: { text in self.storage.withLock { $0.out += text } },
            err: { text in self.storage.withLock { $0.err += text } }
        )
    }
}

/// Only what this module brings: the two XML readers, the Atom writer and the XSD validator.
let xmlRegistry = FormatRegistry(
    readers: [InforMEAAtomReader.self, FAOLEXReader.self, InforMEAODataJSONReader.self],
    writers: [InforMEAAtomWriter.self],
    validators: [XSDSchemaValidator.self]
)

@Suite("meabridge validate on XML", .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing"))
struct ValidateCommandTests {
    static var schemas: String { Fixtures.repositoryRoot() + "/Schemas" }

    /// Writes the Atom form of an OData JSON sample to a temporary file.
    static func atomFile(_ sample: String, edit: (String) -> String = { $0 }) throws -> String {
        let bytes = try #require(Fixtures.read(Fixtures.samplesDirectory + "/informea-odata/" + sample))
        let records = try readRecords(InforMEAODataJSONReader.self, bytes, name: sample).records
        let text = edit(String(decoding: atom(records).bytes, as: UTF8.self))
        let path = makeTemporaryDirectory() + "/feed.xml"
        writeFile(path, Array(text.utf8))
        return path
    }

    @Test("A valid Atom output: the registered XSD (sniffed format) and the rules pass, exit 0")
    func validAtom() throws {
        let path = try Self.atomFile("v1/Decisions.json")
        let captured = CapturedConsole()
        var job = ValidateJob(input: path)
        job.schemaDirectory = Self.schemas
        #expect(job.run(registry: xmlRegistry, console: captured.console) == .ok)
        #expect(captured.out.contains("informea-atom.xsd"))
        #expect(!captured.out.contains("[xsd."))
        #expect(!captured.out.contains("[xml."))
    }

    @Test("Every XSD problem and every rule problem is reported with line and XPath, in JSON too; exit 1")
    func invalidAtom() throws {
        let path = try Self.atomFile("v1/Meetings.json") { text in
            text.replacingFirst("<d:start m:type=\"Edm.DateTime\">2", with: "<d:start m:type=\"Edm.DateTime\">T2")
                .replacingFirst("<d:latitude m:type=\"Edm.Double\">", with: "<d:latitude m:type=\"Edm.Double\">north")
                .replacingFirst("<d:treaty>stockholm</d:treaty>", with: "<d:treaty></d:treaty>")
        }
        for format in ["text", "json"] {
            let captured = CapturedConsole()
            var job = ValidateJob(input: path)
            job.schemaDirectory = Self.schemas
            job.format = format
            #expect(job.run(registry: xmlRegistry, console: captured.console) == .diagnostics)
            let output = captured.out
            #expect(output.contains("xsd.value"))
            #expect(output.contains("/feed/entry/content/m:properties/d:start"))
            #expect(output.contains("/feed/entry/content/m:properties/d:latitude"))
            // The reader's own diagnostics and the harmonised rules come too.
            #expect(output.contains("model.date-invalid"))
            #expect(output.contains("rule.treaty-missing"))
        }
    }

    @Test("--schema names the XSD explicitly; a malformed input is reported, not a crash")
    func explicitSchemaAndMalformed() throws {
        let captured = CapturedConsole()
        var job = ValidateJob(input: Fixtures.samplesDirectory + "/ecolex/fao_feed.xml")
        job.schema = Self.schemas + "/xml/faolex-gsafeed.xsd"
        #expect(job.run(registry: xmlRegistry, console: captured.console) == .ok)
        #expect(captured.out.contains("faolex-gsafeed.xsd"))
        #expect(captured.out.contains("rule.title-english"))

        let broken = makeTemporaryDirectory() + "/broken.xml"
        writeFile(broken, Array("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry>\n</feed>\n".utf8))
        let malformed = CapturedConsole()
        var second = ValidateJob(input: broken)
        second.schema = Self.schemas + "/xml/informea-atom.xsd"
        #expect(second.run(registry: xmlRegistry, console: malformed.console) == .diagnostics)
        #expect(malformed.out.contains("broken.xml:3"))
        #expect(malformed.out.contains("[xml.syntax]"))
    }

    @Test("--max-errors caps what is reported")
    func maxErrors() throws {
        let path = try Self.atomFile("v3/Decisions.json") { text in
            text.split(separator: "<d:published m:type=\"Edm.DateTime\">", omittingEmptySubsequences: false)
                .joined(separator: "<d:published m:type=\"Edm.DateTime\">bad")
        }
        let captured = CapturedConsole()
        var job = ValidateJob(input: path)
        job.schemaDirectory = Self.schemas
        job.maxErrors = 1
        #expect(job.run(registry: xmlRegistry, console: captured.console) == .diagnostics)
        #expect(captured.out.components(separatedBy: "[xsd.value]").count - 1 <= 1)
        // The one pass (reader and schema together) says that it stopped, as the schema-only pass does.
        var reader = InforMEAAtomReader(options: ReadOptions(sourceName: path))
        var diagnostics: [Diagnostic] = []
        let bytes = try #require(Fixtures.read(path))
        let used = try reader.read(
            from: MemoryByteSource(bytes, name: path),
            validatingWith: XSDSchemaValidator(schemaPath: Self.schemas + "/xml/informea-atom.xsd"),
            maxErrors: 1,
            emit: { _ in },
            report: { diagnostics.append($0) }
        )
        #expect(used)
        #expect(diagnostics.filter { $0.id == .xsdValue }.count == 1)
        #expect(diagnostics.contains { $0.message.contains("validation stopped after 1 problems; raise --max-errors") })
    }

    @Test("One pass: the Atom reader validating while it reads reports what the two passes report")
    func singlePass() throws {
        let path = try Self.atomFile("v1/Meetings.json") { text in
            text.replacingFirst("<d:start m:type=\"Edm.DateTime\">2", with: "<d:start m:type=\"Edm.DateTime\">T2")
                .replacingFirst("<category term=\"informea.Meeting\"", with: "<category")
        }
        let bytes = try #require(Fixtures.read(path))
        let schema = try XSDSchema(path: Self.schemas + "/xml/informea-atom.xsd")
        var twoPass: [Diagnostic] = []
        try XSDSchemaValidator(schema: schema).validate(
            source: MemoryByteSource(bytes, name: path),
            sourceName: path,
            maxErrors: 100
        ) { twoPass.append($0) }
        var reader = InforMEAAtomReader(options: ReadOptions(sourceName: path))
        var records: [Record] = []
        try reader.read(
            from: MemoryByteSource(bytes, name: path),
            emit: { records.append($0) },
            report: { twoPass.append($0) }
        )
        var onePass: [Diagnostic] = []
        var records2: [Record] = []
        var single = InforMEAAtomReader(options: ReadOptions(sourceName: path))
        try single.read(
            from: MemoryByteSource(bytes, name: path),
            validatingAgainst: schema,
            emit: { records2.append($0) },
            report: { onePass.append($0) }
        )
        #expect(records2 == records)
        #expect(Set(onePass) == Set(twoPass))
        #expect(onePass.contains { $0.id == .xsdAttribute })
        #expect(onePass.contains { $0.id == .xsdValue })
        #expect(onePass.contains { $0.id == .invalidDate })
        // In one pass the schema's diagnostics come in document order with the records'.
        let lines = onePass.compactMap(\.location?.line)
        #expect(lines == lines.sorted())
    }

    /// A schema validator of another language, which the XML readers cannot use in their single pass.
    struct OtherValidator: SchemaValidator {
        static let language = "other"
        static func recognizes(schema: SniffInput) -> Bool { false }
        init(schemaPath: String) throws {}
        func validate(source: some ByteSource, sourceName: String, maxErrors: Int, report: (Diagnostic) -> Void) {}
    }

    @Test("The single pass of the FAOLEX reader too; a validator of another language is declined, nothing read")
    func singlePassFAOLEX() throws {
        let path = Fixtures.samplesDirectory + "/ecolex/fao_feed.xml"
        let bytes = try #require(Fixtures.read(path))
        let text = String(decoding: bytes, as: UTF8.self)
        let broken = Array(text.replacingFirst("action=\"add\"", with: "action=\"replace\"").utf8)
        let validator = try XSDSchemaValidator(schemaPath: Self.schemas + "/xml/faolex-gsafeed.xsd")
        var reader = FAOLEXReader(options: ReadOptions(sourceName: path))
        var records: [Record] = []
        var diagnostics: [Diagnostic] = []
        let used = try reader.read(
            from: MemoryByteSource(broken, name: path),
            validatingWith: validator,
            maxErrors: 100,
            emit: { records.append($0) },
            report: { diagnostics.append($0) }
        )
        #expect(used)
        #expect(records.count == 100)
        // The attribute's value is not in its enumeration; the reader's own warning (a record in two countries) comes
        // as well.
        let schemaProblems = diagnostics.filter { $0.id.rawValue.hasPrefix("xsd.") }
        #expect(schemaProblems.map(\.id) == [.xsdValue])
        #expect(schemaProblems.first?.location?.path == "/gsafeed/group/record")
        #expect(schemaProblems.first?.message.contains("replace") == true)
        #expect(diagnostics.contains { $0.id == .valueRepaired })

        var declined = 0
        var atom = InforMEAAtomReader(options: ReadOptions(sourceName: path))
        #expect(
            try !atom.read(
                from: MemoryByteSource(broken, name: path),
                validatingWith: try OtherValidator(schemaPath: "x"),
                maxErrors: 10,
                emit: { _ in declined += 1 },
                report: { _ in declined += 1 }
            )
        )
        #expect(declined == 0)
    }

    @Test("Every diagnostic id this module reports is described")
    func descriptions() {
        let described = Set((XSDSchemaValidator.diagnosticDescriptions + FAOLEXReader.diagnosticDescriptions).map(\.id))
        for id: DiagnosticID in [
            .xsdContent, .xsdAttribute, .xsdValue, .xsdInvalid, .xsdSchema, .xmlCharacterReplaced, .xmlNameInvalid,
            .faolexDeleted,
        ] {
            #expect(described.contains(id), "\(id)")
        }
    }
}

extension String {
    /// Splits on a separator string (Foundation-free), for counting occurrences.
    func components(separatedBy separator: String) -> [Substring] {
        var parts: [Substring] = []
        var rest = self[...]
        while let range = rest.firstRange(of: separator) {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        parts.append(rest)
        return parts
    }
}
