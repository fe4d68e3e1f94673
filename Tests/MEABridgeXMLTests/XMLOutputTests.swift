import MEABridgeCore
import MEABridgeXML
import Testing

@Suite("XMLOutput")
struct XMLOutputTests {
    /// Every ASCII character, the XML-forbidden non-characters, and characters from the other planes.
    static let everything: String = {
        var scalars = String.UnicodeScalarView()
        for value in UInt32(0)...0x7F {
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        for value: UInt32 in [0x85, 0xA0, 0x2028, 0xD7FF, 0xE000, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF] {
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars) + "]]> &amp; 'q' \"dq\" Côte d'Ivoire 漢字"
    }()

    /// What a parser must read back: forbidden characters replaced by U+FFFD.
    static var expected: String {
        String(String.UnicodeScalarView(everything.unicodeScalars.map { XMLOutput.isAllowed($0) ? $0 : "\u{FFFD}" }))
    }

    static var forbiddenCount: Int { everything.unicodeScalars.filter { !XMLOutput.isAllowed($0) }.count }

    @Test("Text and attribute values read back exactly, forbidden characters as U+FFFD and counted")
    func roundTrip() throws {
        var out = Array("<r a=\"".utf8)
        let inAttribute = XMLOutput.appendAttributeValue(Self.everything, to: &out)
        out += Array("\"".utf8)
        let inAttribute2 = XMLOutput.appendAttribute("b", Self.everything, to: &out)
        out += Array(">".utf8)
        let inText = XMLOutput.appendText(Self.everything, to: &out)
        out += Array("</r>".utf8)
        // 0x00-0x08, 0x0B, 0x0C, 0x0E-0x1F (29 C0 controls) plus U+FFFE and U+FFFF.
        #expect(Self.forbiddenCount == 31)
        #expect(inAttribute == Self.forbiddenCount)
        #expect(inAttribute2 == Self.forbiddenCount)
        #expect(inText == Self.forbiddenCount)

        let reader = XMLStreamReader(source: MemoryByteSource(out))
        var text = ""
        var attributes: [String] = []
        var diagnostics: [Diagnostic] = []
        while try reader.next(report: { diagnostics.append($0) }) != .endOfDocument {
            if reader.event == .startElement { attributes = reader.attributeList.map(\.value) }
            if reader.event == .text { text += reader.text }
        }
        #expect(diagnostics.isEmpty)
        #expect(attributes == [Self.expected, Self.expected])
        #expect(text == Self.expected)
        // A document parser agrees.
        let parsed = XMLDocumentParser.parse(bytes: out)
        #expect(parsed.isWellFormed)
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test("Carriage returns, tabs and line feeds survive where XML would normalise them")
    func whitespaceSurvives() throws {
        var out = Array("<r a=\"".utf8)
        XMLOutput.appendAttributeValue("x\r\ny\tz\n", to: &out)
        out += Array("\">".utf8)
        XMLOutput.appendText("1\r\n2\r3\t4\n", to: &out)
        out += Array("</r>".utf8)
        let reader = XMLStreamReader(source: MemoryByteSource(out))
        var text = ""
        var attribute: String?
        while try reader.next(report: { _ in }) != .endOfDocument {
            if reader.event == .startElement { attribute = reader.attributeList.first?.value }
            if reader.event == .text { text += reader.text }
        }
        #expect(attribute == "x\r\ny\tz\n")
        #expect(text == "1\r\n2\r3\t4\n")
    }

    @Test(
        "NCName checks",
        arguments: [
            ("title", true), ("_x", true), ("brs_unnumber", true), ("a-b.c", true), ("Côte", true), ("漢字", true),
            ("", false), ("1abc", false), ("a b", false), ("d:title", false), ("-x", false), ("a/b", false),
        ]
    )
    func ncNames(name: String, valid: Bool) {
        #expect(XMLOutput.isNCName(name) == valid)
    }
}
