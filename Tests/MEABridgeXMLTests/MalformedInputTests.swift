import MEABridgeCore
import MEABridgeXML
import Testing

@Suite("Malformed input")
struct MalformedInputTests {
    @Test("A mismatched end tag is a fatal xml.syntax diagnostic at the exact line and column")
    func mismatchedTag() throws {
        let text = """
            <?xml version="1.0"?>
            <decisions>
              <decision>text</decisoin>
            </decisions>
            """
        let result = parse(text, name: "mismatch.xml")
        #expect(result.summary == nil)
        #expect(!result.isWellFormed)
        let first = try #require(result.diagnostics.first)
        #expect(first.id == .xmlSyntax)
        #expect(first.severity == .fatal)
        #expect(first.message == "Opening and ending tag mismatch: decision line 3 and decisoin")
        // libxml2 reports the position just past the offending end tag `</decisoin>`.
        #expect(first.location == SourceLocation(source: "mismatch.xml", line: 3, column: 28))
        #expect(first.formatted.hasPrefix("mismatch.xml:3:28: fatal: Opening and ending tag mismatch"))
        #expect(!first.message.hasSuffix("\n"))
    }

    @Test("libxml2 keeps reporting after the first fatal error: every mismatch is reported")
    func severalFatalErrors() {
        let text = "<root>\n  <a>x</b>\n  <c>y</d>\n  <e>z</f>\n</root>\n"
        let result = parse(text)
        let lines = result.diagnostics.filter { $0.id == .xmlSyntax }.compactMap { $0.location?.line }
        #expect(lines == [2, 3, 4])
        #expect(result.diagnostics.allSatisfy { $0.severity == .fatal })
    }

    @Test("With recovery, a malformed document still yields a summary and all its errors")
    func recovery() throws {
        let text = "<root>\n  <a>x</b>\n  <c>y</d>\n</root>\n"
        let result = parse(text, options: XMLParseOptions(recovers: true))
        let summary = try #require(result.summary)
        #expect(summary.rootElementName == "root")
        #expect(!result.isWellFormed)
        #expect(result.hasErrors)
        #expect(result.diagnostics.count >= 2)
    }

    @Test("Namespace errors are recoverable xml.namespace errors; each one is reported and a summary is built")
    func namespaceErrors() throws {
        let result = parse("<r>\n<p:a/>\n<q:b/>\n<c x:y='1'/>\n</r>")
        #expect(result.summary?.elementCount == 4)
        #expect(!result.isWellFormed)
        let namespaceErrors = result.diagnostics.filter { $0.id == .xmlNamespace }
        #expect(namespaceErrors.map(\.severity) == [.error, .error, .error])
        #expect(namespaceErrors.compactMap { $0.location?.line } == [2, 3, 4])
    }

    @Test("Invalid UTF-8 bytes are an xml.encoding diagnostic at the right line")
    func invalidUTF8() throws {
        let bytes =
            Array("<?xml version='1.0' encoding='UTF-8'?>\n<r>\nok\nab".utf8) + [0xC3, 0x28, 0xFF]
            + Array("</r>".utf8)
        let result = XMLDocumentParser.parse(bytes: bytes, name: "latin.xml")
        #expect(result.summary == nil)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.id == .xmlEncoding)
        #expect(diagnostic.severity == .fatal)
        #expect(diagnostic.location?.line == 4)
        #expect(!diagnostic.message.contains("\n"))
    }

    @Test("Bytes that cannot be converted from UTF-16 are an xml.encoding diagnostic, not only a syntax error")
    func invalidUTF16() {
        // A lone high surrogate: libxml2 2.9 raises this without a parser context (normally on standard error).
        var bytes = utf16LittleEndianWithBOM("<r>ab")
        bytes += [0x00, 0xD8, 0x41, 0x00]
        bytes += utf16LittleEndianWithBOM("</r>").dropFirst(2)
        let result = XMLDocumentParser.parse(bytes: bytes, name: "utf16.xml")
        #expect(result.summary == nil)
        #expect(result.diagnostics.contains { $0.id == .xmlEncoding })
        #expect(result.diagnostics.allSatisfy { $0.location?.source == "utf16.xml" })
    }

    @Test("An unknown declared encoding is an xml.encoding diagnostic")
    func unknownEncoding() {
        let result = parse("<?xml version='1.0' encoding='x-no-such-encoding'?><r/>")
        #expect(result.summary == nil)
        #expect(result.diagnostics.first?.id == .xmlEncoding)
    }

    @Test("An error on line 69,999 of a 70,000-line document is reported on line 69,999 (XML_PARSE_BIG_LINES)")
    func lineNumbersAbove65535() throws {
        var text = "<records>\n"
        for number in 2..<69_999 { text += "<record n='\(number)'/>\n" }
        text += "<record n=unquoted/>\n</records>"
        #expect(text.split(separator: "\n").count == 70_000)
        let result = parse(text, name: "big.xml")
        let first = try #require(result.diagnostics.first)
        #expect(first.location?.line == 69_999)
        #expect(first.location?.column == 11)
        #expect(first.severity == .fatal)
    }

    @Test("Empty input is a fatal diagnostic")
    func emptyInput() {
        let result = XMLDocumentParser.parse(bytes: [], name: "empty.xml")
        #expect(result.summary == nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.severity == .fatal)
    }

    @Test("Nesting deeper than libxml2's limit is an xml.limit diagnostic unless huge documents are allowed")
    func depthLimit() {
        let depth = 300
        let text = String(repeating: "<e>", count: depth) + String(repeating: "</e>", count: depth)
        let limited = parse(text)
        #expect(limited.summary == nil)
        #expect(limited.diagnostics.first?.id == .xmlLimit)
        let huge = parse(text, options: XMLParseOptions(allowsHugeDocuments: true))
        #expect(huge.diagnostics.isEmpty)
        #expect(huge.summary?.elementCount == depth)
    }

    @Test("Diagnostics over the limit are counted, not kept")
    func diagnosticLimit() {
        let body = (1...20).map { "<p\($0):e/>" }.joined()
        let result = parse("<r>\(body)</r>", options: XMLParseOptions(diagnosticLimit: 5))
        #expect(result.diagnostics.count == 5)
        #expect(result.suppressedDiagnosticCount == 15)
    }
}
