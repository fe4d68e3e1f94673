import MEABridgeCore
import MEABridgeXML
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Produces `<r>` + `count` bytes of `a` + `</r>` on the fly, so a test can feed a huge text node without holding
/// it.
struct HugeTextNodeSource: ByteSource {
    let name = "huge.xml"
    let count: Int
    private var produced = 0
    private let head = Array("<r>".utf8)
    private let tail = Array("</r>".utf8)

    init(count: Int) { self.count = count }

    var total: Int { head.count + count + tail.count }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
        var written = 0
        while written < buffer.count, produced < total {
            let byte: UInt8
            if produced < head.count {
                byte = head[produced]
            } else if produced < head.count + count {
                // The body: fill as much as fits in one go.
                let run = min(buffer.count - written, head.count + count - produced)
                _ = buffer.baseAddress.map { memset($0 + written, 0x61, run) }
                written += run
                produced += run
                continue
            } else {
                byte = tail[produced - head.count - count]
            }
            buffer[written] = byte
            written += 1
            produced += 1
        }
        return written
    }
}

/// Reads to the end, returning the diagnostics and the total length of text seen (without keeping the text).
func drain(_ reader: XMLStreamReader) throws -> (diagnostics: [Diagnostic], textBytes: Int, elements: Int) {
    var diagnostics: [Diagnostic] = []
    var textBytes = 0
    var elements = 0
    while true {
        switch try reader.next(report: { diagnostics.append($0) }) {
        case .endOfDocument: return (diagnostics, textBytes, elements)
        case .text: textBytes += reader.text.utf8.count
        case .startElement: elements += 1
        case .endElement: continue
        }
    }
}

@Suite("Hostile input through the stream reader")
struct StreamSecurityTests {
    /// The size of the single text node streamed: 2 GB, or `MEABRIDGE_HUGE_TEXT_BYTES` (for a slow machine).
    static var hugeTextBytes: Int {
        getenv("MEABRIDGE_HUGE_TEXT_BYTES").flatMap { Int(String(cString: $0)) } ?? 2_000_000_000
    }

    @Test("Billion laughs: no expansion at all, an entity diagnostic, within a second")
    func billionLaughs() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let reader = XMLStreamReader(source: MemoryByteSource(SecurityTests.billionLaughs, name: "lolz.xml"))
        let (diagnostics, textBytes, elements) = try drain(reader)
        #expect(clock.now - start < .seconds(1))
        #expect(textBytes == 0)
        #expect(elements <= 1)
        let entity = try #require(diagnostics.first { $0.id == .xmlEntity })
        #expect(entity.message.contains("lol9"))
        #expect(entity.location?.line == 14)
    }

    @Test("An external entity (XXE) and an external parameter entity naming a local file are never read")
    func externalEntities() throws {
        var directory = try TemporaryDirectory()
        defer { directory.remove() }
        let secret = uniqueSecret()
        let entityFile = try directory.write("<p>\(secret)</p>", to: "entity.xml")
        let parameterFile = try directory.write("<!ENTITY defined \"\(secret)\">", to: "parameter.dtd")
        for scheme in ["file://", ""] {
            let text = """
                <?xml version="1.0"?>
                <!DOCTYPE r [
                  <!ENTITY xxe SYSTEM "\(scheme)\(entityFile)">
                  <!ENTITY % pxxe SYSTEM "\(scheme)\(parameterFile)">
                  %pxxe;
                ]>
                <r a="x">&xxe;&defined;</r>
                """
            let (events, diagnostics) = try readAll(Array(text.utf8))
            #expect(!String(describing: events).contains(secret))
            #expect(!String(describing: diagnostics).contains(secret))
            #expect(diagnostics.contains { $0.id == .xmlEntity && $0.message.contains("xxe") })
            #expect(events.filter { $0.kind == .startElement }.count <= 1)
        }
    }

    @Test("An external DTD is not loaded: what it would declare stays undeclared")
    func externalDTD() throws {
        var directory = try TemporaryDirectory()
        defer { directory.remove() }
        let secret = uniqueSecret()
        let dtd = try directory.write("<!ENTITY defined \"\(secret)\">\n", to: "external.dtd")
        let text = "<?xml version='1.0'?>\n<!DOCTYPE r SYSTEM \"file://\(dtd)\">\n<r>&defined;</r>\n"
        let (events, diagnostics) = try readAll(Array(text.utf8))
        #expect(!String(describing: events).contains(secret))
        let undeclared = diagnostics.filter { $0.id == .xmlEntity && $0.message.contains("'defined'") }
        #expect(undeclared.count == 1)
        #expect(undeclared.first?.location?.line == 3)
        #expect(events.first?.name == "r")
    }

    @Test("No network: a DTD, entities and a schema import on a listening local port are never connected to")
    func noNetwork() throws {
        let listener = try #require(LocalListener())
        defer { listener.close() }
        let base = "http://127.0.0.1:\(listener.port)"
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE r SYSTEM "\(base)/external.dtd" [
              <!ENTITY net SYSTEM "\(base)/entity.xml">
              <!ENTITY % pnet SYSTEM "\(base)/parameter.dtd">
              %pnet;
            ]>
            <r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="\(base)/included.xml"/>&net;</r>
            """
        for options in [XMLStreamOptions.default, XMLStreamOptions(allowsHugeDocuments: true)] {
            _ = try readAll(Array(text.utf8), options: options)
        }
        var directory = try TemporaryDirectory()
        defer { directory.remove() }
        let schema = try directory.write(
            """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:import namespace="urn:remote" schemaLocation="\(base)/remote.xsd"/>
              <xs:element name="r" type="xs:string"/>
            </xs:schema>
            """,
            to: "imports.xsd"
        )
        _ = try? XSDSchema(path: schema)
        #expect(!listener.hadConnection)
    }

    @Test("A 2 GB single text node streams in bounded memory when allowed, and stops at 10 MB by default")
    func hugeTextNode() throws {
        // Default options: libxml2's own limit for text nodes applies, so reading stops early with a clear message.
        let clock = ContinuousClock()
        var start = clock.now
        let limited = XMLStreamReader(source: HugeTextNodeSource(count: 2_000_000_000))
        let (diagnostics, seen, _) = try drain(limited)
        let limit = try #require(diagnostics.first)
        #expect(limit.id == .xmlLimit)
        #expect(limit.severity == .fatal)
        #expect(limit.message.contains("10000000"))
        #expect(limit.location?.path == "/r")
        #expect(seen <= XMLStreamOptions.defaultMaxTextLength + (256 << 10))
        #expect(clock.now - start < .seconds(5))

        // Trusted input with the limit lifted: every byte arrives, in chunks, without the node ever being held.
        start = clock.now
        let baseline = peakResidentBytes()
        let size = Self.hugeTextBytes
        let unlimited = XMLStreamReader(
            source: HugeTextNodeSource(count: size),
            options: XMLStreamOptions(allowsHugeDocuments: true, maxTextLength: .max)
        )
        var textBytes = 0
        var problems: [Diagnostic] = []
        while true {
            let event = try unlimited.next { problems.append($0) }
            if event == .endOfDocument { break }
            if event == .text {
                var count = 0
                unlimited.withText { count = $0.count }
                textBytes += count
            }
        }
        #expect(problems.isEmpty)
        #expect(textBytes == size)
        #expect(peakResidentBytes() - baseline < 200_000_000)
        #expect(clock.now - start < .seconds(60))
    }

    @Test("Deeply nested elements stop at libxml2's depth limit (256) with a clear diagnostic")
    func deepNesting() throws {
        let depth = 1_000_000
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let clock = ContinuousClock()
        let start = clock.now
        let reader = XMLStreamReader(source: MemoryByteSource(text, name: "deep.xml"))
        let (diagnostics, _, elements) = try drain(reader)
        #expect(clock.now - start < .seconds(5))
        let fatal = try #require(diagnostics.first)
        #expect(fatal.severity == .fatal)
        #expect(fatal.id == .xmlLimit)
        #expect(fatal.message.contains("deeper than 256"))
        #expect(elements == 256)
        // Trusted input may nest deeper, up to libxml2's huge-document limit.
        let huge = XMLStreamReader(
            source: MemoryByteSource(text, name: "deep.xml"),
            options: XMLStreamOptions(allowsHugeDocuments: true)
        )
        #expect(try drain(huge).elements == 2_048)
    }
}
