import MEABridgeCore
import MEABridgeTestSupport
import MEABridgeXML
import Testing

/// One event as text, for comparing whole event sequences.
struct EventRecord: Hashable, CustomStringConvertible {
    var kind: XMLStreamEvent
    var name: String
    var line: Int
    var column: Int?
    var path: String
    var detail: String

    var description: String { "\(kind) \(name) \(line):\(column ?? 0) \(path) \(detail)" }
}

/// Reads a whole document, returning every event (consecutive text joined) and every diagnostic.
func readAll(
    _ bytes: [UInt8],
    name: String = "test.xml",
    options: XMLStreamOptions = .default,
    schema: XSDSchema? = nil,
    sourceChunk: Int = .max
) throws -> (events: [EventRecord], diagnostics: [Diagnostic]) {
    let reader = XMLStreamReader(
        source: MemoryByteSource(bytes, name: name, maxChunk: sourceChunk),
        options: options,
        schema: schema
    )
    var events: [EventRecord] = []
    var diagnostics: [Diagnostic] = []
    while true {
        let event = try reader.next { diagnostics.append($0) }
        switch event {
        case .endOfDocument:
            return (events, diagnostics)
        case .text:
            if let last = events.last, last.kind == .text {
                events[events.count - 1].detail += reader.text
            } else {
                events.append(
                    EventRecord(kind: .text, name: "", line: 0, column: nil, path: reader.path, detail: reader.text)
                )
            }
        case .startElement:
            let attributes = reader.attributeList.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
            events.append(
                EventRecord(
                    kind: .startElement,
                    name: reader.name?.description ?? "",
                    line: reader.line,
                    column: reader.column,
                    path: reader.path,
                    detail: attributes
                )
            )
        case .endElement:
            events.append(
                EventRecord(
                    kind: .endElement,
                    name: reader.qualifiedName ?? "",
                    line: 0,
                    column: nil,
                    path: reader.path,
                    detail: ""
                )
            )
        }
    }
}

@Suite("XMLStreamReader")
struct StreamReaderTests {
    static let document = """
        <?xml version="1.0" encoding="UTF-8"?>
        1️⃣<feed xmlns="http://www.w3.org/2005/Atom" xmlns:d="urn:d" xml:base="http://x/">
          2️⃣<entry>
            3️⃣<d:title lang="fr" note="a &amp; b &lt;c&gt; &quot;d&quot; &#38; e">Côte d&apos;Ivoire &amp; 😀</d:title>
            4️⃣<d:title/>
            <![CDATA[<not-markup> & ]]>
          </entry>
          5️⃣<entry><d:n>1</d:n></entry>
        </feed>
        """

    @Test("Names, namespaces, attributes, text, lines, columns and XPaths of every event")
    func events() throws {
        let marked = MarkedText(Self.document)
        let (events, diagnostics) = try readAll(Array(marked.text.utf8))
        #expect(diagnostics.isEmpty)
        let starts = events.filter { $0.kind == .startElement }
        #expect(
            starts.map(\.name) == [
                "{http://www.w3.org/2005/Atom}feed", "{http://www.w3.org/2005/Atom}entry", "{urn:d}title",
                "{urn:d}title",
                "{http://www.w3.org/2005/Atom}entry", "{urn:d}n",
            ]
        )
        #expect(
            starts.map(\.path) == [
                "/feed", "/feed/entry", "/feed/entry/d:title", "/feed/entry/d:title[2]", "/feed/entry[2]",
                "/feed/entry[2]/d:n",
            ]
        )
        for (symbol, index) in [("1️⃣", 0), ("2️⃣", 1), ("3️⃣", 2), ("4️⃣", 3), ("5️⃣", 4)] {
            let marker = try #require(marked[symbol])
            #expect(starts[index].line == marker.line, "line of \(symbol)")
            #expect(starts[index].column == marker.column, "column of \(symbol)")
        }
        // Namespace declarations are not attributes; xml:base is, in the XML namespace.
        #expect(starts[0].detail == "{http://www.w3.org/XML/1998/namespace}base=http://x/")
        // Predefined entities and character references are decoded in attributes and text alike.
        #expect(starts[2].detail == "lang=fr note=a & b <c> \"d\" & e")
        let texts = events.filter { $0.kind == .text && !$0.detail.allSatisfy(\.isWhitespace) }.map(\.detail)
        #expect(texts.first == "Côte d'Ivoire & 😀")
        #expect(texts.contains { $0.contains("<not-markup> & ") })
        #expect(texts.last == "1")
    }

    @Test("Any chunk size gives the same events", arguments: [1, 3, 7, 64, 4096])
    func chunkBoundaries(chunk: Int) throws {
        let text = MarkedText(Self.document).text
        let whole = try readAll(Array(text.utf8))
        let chunked = try readAll(
            Array(text.utf8),
            options: XMLStreamOptions(chunkSize: max(4, chunk)),
            sourceChunk: chunk
        )
        #expect(chunked.events == whole.events)
        #expect(chunked.diagnostics == whole.diagnostics)
    }

    @Test("readText joins a text node that arrives in many pieces, and skips child elements' markup")
    func readTextAcrossChunks() throws {
        let long = String(repeating: "abcdefghij", count: 5_000) + "é"
        let bytes = Array("<r><v>\(long)</v><w>x<i>y</i>z</w></r>".utf8)
        let reader = XMLStreamReader(
            source: MemoryByteSource(bytes, maxChunk: 100),
            options: XMLStreamOptions(chunkSize: 128)
        )
        var values: [String] = []
        var sawElement: [Bool] = []
        while try reader.next(report: { _ in }) != .endOfDocument {
            if reader.event == .startElement, reader.localName != "r" {
                var saw = false
                values.append(try reader.readText(report: { _ in }, sawElement: &saw))
                sawElement.append(saw)
                #expect(reader.event == .endElement)
            }
        }
        #expect(values == [long, "xyz"])
        #expect(sawElement == [false, true])
    }

    @Test("Name ids compare expanded names whatever the prefix")
    func nameIDs() throws {
        let bytes = Array("<a:r xmlns:a='urn:x' xmlns:b='urn:x'><b:r/><r/></a:r>".utf8)
        let reader = XMLStreamReader(source: MemoryByteSource(bytes))
        let id = reader.id(of: XMLName("urn:x", "r"))
        var matches: [Bool] = []
        var qualified: [String] = []
        while try reader.next(report: { _ in }) != .endOfDocument {
            if reader.event == .startElement {
                matches.append(reader.isStart(id))
                qualified.append(reader.qualifiedName ?? "")
            }
        }
        #expect(matches == [true, true, false])
        #expect(qualified == ["a:r", "b:r", "r"])
    }

    @Test("UTF-16 with a byte order mark, little- and big-endian, reads like UTF-8")
    func utf16() throws {
        let text = "<?xml version='1.0' encoding='UTF-16'?>\n<r a='Ñandú'>Côte 漢字 😀</r>"
        let utf8 = try readAll(Array(text.replacingFirst("UTF-16", with: "UTF-8").utf8))
        let little = try readAll(utf16LittleEndianWithBOM(text))
        var big: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            big.append(UInt8(truncatingIfNeeded: unit >> 8))
            big.append(UInt8(truncatingIfNeeded: unit))
        }
        let bigEndian = try readAll(big)
        #expect(little.diagnostics.isEmpty)
        #expect(bigEndian.diagnostics.isEmpty)
        #expect(little.events == utf8.events)
        #expect(bigEndian.events == utf8.events)
        #expect(utf8.events.contains { $0.kind == .text && $0.detail == "Côte 漢字 😀" })
    }

    @Test("Malformed XML: a fatal diagnostic at the marked line with the open element's XPath, then the end")
    func malformed() throws {
        let marked = MarkedText("<feed>\n  <entry>\n    <id>x</id>\n  1️⃣</entr>\n  <entry/>\n</feed>\n")
        let (events, diagnostics) = try readAll(Array(marked.text.utf8))
        let fatal = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(fatal.severity == .fatal)
        #expect(fatal.id == .xmlSyntax)
        #expect(fatal.location?.line == marked["1️⃣"]?.line)
        #expect(fatal.location?.path == "/feed/entry")
        // Nothing after the error is delivered.
        #expect(!events.contains { $0.path == "/feed/entry[2]" })
    }

    @Test("A truncated document says it ends inside an element")
    func truncated() throws {
        let (_, diagnostics) = try readAll(Array("<feed><entry><id>x</id>".utf8))
        let fatal = try #require(diagnostics.last)
        #expect(fatal.severity == .fatal)
        #expect(fatal.message.contains("ends inside <entry>"))
        #expect(fatal.location?.path == "/feed/entry")
    }

    @Test("Invalid UTF-8 stops with an encoding diagnostic at its line")
    func invalidUTF8() throws {
        var bytes = Array("<r>\n<a>ok</a>\n<b>".utf8)
        bytes += [0xC3, 0x28, 0xFF]
        bytes += Array("</b>\n</r>".utf8)
        let (_, diagnostics) = try readAll(bytes)
        let fatal = try #require(diagnostics.first { $0.severity == .fatal })
        #expect(fatal.id == .xmlEncoding)
        #expect(fatal.location?.line == 3)
    }

    @Test("Empty input is a fatal diagnostic, not a crash")
    func emptyInput() throws {
        let (events, diagnostics) = try readAll([])
        #expect(events.isEmpty)
        #expect(diagnostics.map(\.severity) == [.fatal])
    }

    @Test("A failing source throws its IOFailure")
    func ioFailure() throws {
        struct Failing: ByteSource {
            var name = "broken.xml"
            var served = false
            mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
                if served { throw IOFailure(operation: .read, path: name, message: "device gone") }
                served = true
                let text = Array("<r><a>".utf8).prefix(buffer.count)
                buffer.copyBytes(from: text)
                return text.count
            }
        }
        let reader = XMLStreamReader(source: Failing(), options: XMLStreamOptions(chunkSize: 4))
        #expect(throws: IOFailure.self) {
            while try reader.next(report: { _ in }) != .endOfDocument {}
        }
    }

    @Test("The diagnostic limit drops later diagnostics and counts them")
    func diagnosticLimit() throws {
        // Undeclared entities in a document with an external subset are errors that do not stop the parse.
        var text = "<!DOCTYPE r SYSTEM 'r.dtd'>\n<r>"
        for index in 0..<20 { text += "<a>&e\(index);</a>\n" }
        text += "</r>"
        let reader = XMLStreamReader(
            source: MemoryByteSource(Array(text.utf8)),
            options: XMLStreamOptions(diagnosticLimit: 5)
        )
        var diagnostics: [Diagnostic] = []
        while try reader.next(report: { diagnostics.append($0) }) != .endOfDocument {}
        #expect(diagnostics.count == 5)
        #expect(diagnostics.allSatisfy { $0.id == .xmlEntity })
        #expect(reader.suppressedDiagnosticCount == 15)
    }
}
