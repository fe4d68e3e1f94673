import MEABridgeCore
import MEABridgeXML
import Testing

@Suite("Well-formed documents")
struct DocumentSummaryTests {
    @Test("A namespaced document is summarised: root name, prefix, namespace, element count, declaration")
    func namespacedDocument() {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <d:decisions xmlns:d="urn:informea:decisions" xmlns:x="urn:example:extra">
              <d:decision id="1"><d:title xml:lang="en">Ñandú &amp; Côte d&apos;Ivoire</d:title></d:decision>
              <d:decision id="2"><x:note/><!-- a comment --><![CDATA[<not-an-element/>]]></d:decision>
            </d:decisions>
            """
        let result = parse(text, name: "decisions.xml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.isWellFormed)
        #expect(!result.hasErrors)
        #expect(
            result.summary
                == XMLDocumentSummary(
                    rootElementName: "decisions",
                    rootElementPrefix: "d",
                    rootElementNamespaceURI: "urn:informea:decisions",
                    elementCount: 5,
                    declaredEncoding: "UTF-8",
                    xmlVersion: "1.0"
                )
        )
    }

    @Test("A default namespace and no XML declaration")
    func defaultNamespaceWithoutDeclaration() throws {
        let result = parse("<feed xmlns='http://www.w3.org/2005/Atom'><entry/><entry/><entry/></feed>")
        let summary = try #require(result.summary)
        #expect(summary.rootElementName == "feed")
        #expect(summary.rootElementPrefix == nil)
        #expect(summary.rootElementNamespaceURI == "http://www.w3.org/2005/Atom")
        #expect(summary.elementCount == 4)
        #expect(summary.declaredEncoding == nil)
    }

    @Test("A UTF-16 little-endian document with a byte order mark parses correctly")
    func utf16LittleEndian() throws {
        let text =
            "<?xml version='1.0' encoding='UTF-16'?>\n<países xmlns='urn:a'><país>Côte d'Ivoire</país></países>"
        let result = XMLDocumentParser.parse(bytes: utf16LittleEndianWithBOM(text), name: "utf16.xml")
        #expect(result.diagnostics.isEmpty)
        let summary = try #require(result.summary)
        #expect(summary.rootElementName == "países")
        #expect(summary.rootElementNamespaceURI == "urn:a")
        #expect(summary.elementCount == 2)
        #expect(summary.declaredEncoding == "UTF-16")
    }

    @Test("A UTF-16 document with a byte order mark needs no XML declaration")
    func utf16WithoutDeclaration() throws {
        let result = XMLDocumentParser.parse(bytes: utf16LittleEndianWithBOM("<r><é/></r>"), name: "utf16.xml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.summary?.rootElementName == "r")
        #expect(result.summary?.elementCount == 2)
    }

    @Test("Parsing from a file gives the same summary, and the path is the diagnostics' source")
    func parseFromFile() throws {
        var directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = try directory.write("<a xmlns='urn:x'><b/><b/></a>\n", to: "good.xml")
        let result = XMLDocumentParser.parse(path: good)
        #expect(result.diagnostics.isEmpty)
        #expect(
            result.summary
                == XMLDocumentSummary(
                    rootElementName: "a",
                    rootElementNamespaceURI: "urn:x",
                    elementCount: 3,
                    xmlVersion: "1.0"
                )
        )

        let bad = try directory.write("<a>\n<b></a>\n", to: "bad.xml")
        let failed = XMLDocumentParser.parse(path: bad)
        #expect(failed.summary == nil)
        #expect(failed.diagnostics.first?.location?.source == bad)
        #expect(failed.diagnostics.first?.location?.line == 2)
    }

    @Test("A missing file is one fatal xml.io diagnostic naming the file")
    func missingFile() {
        let result = XMLDocumentParser.parse(path: "/nonexistent/meabridge/missing.xml")
        #expect(result.summary == nil)
        #expect(!result.isWellFormed)
        #expect(result.diagnostics.count == 1)
        let diagnostic = result.diagnostics.first
        #expect(diagnostic?.id == .xmlIO)
        #expect(diagnostic?.severity == .fatal)
        #expect(diagnostic?.message.contains("/nonexistent/meabridge/missing.xml") == true)
    }

    @Test("The element count does not recurse, so deep nesting within libxml2's limit is fine")
    func deepNesting() {
        let depth = 250
        let text = String(repeating: "<e>", count: depth) + String(repeating: "</e>", count: depth)
        let result = parse(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.summary?.elementCount == depth)
    }

    @Test("The library versions are reported in dotted form")
    func versions() {
        let runtime = LibXML2.runtimeVersion
        let compiled = LibXML2.compiledVersion
        #expect(runtime.split(separator: ".").count == 3)
        #expect(compiled.split(separator: ".").count == 3)
        #expect(runtime.hasPrefix("2."))
    }
}
