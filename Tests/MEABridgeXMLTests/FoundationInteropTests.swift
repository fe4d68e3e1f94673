// Compiling this file proves the ICU clash fix (`#undef LIBXML_ICU_ENABLED` in CLibXML2's shim.h): in debug builds
// a module that imports both Foundation and a libxml2 wrapper otherwise fails with "'UErrorCode' has different
// definitions in different modules".
import Foundation
import MEABridgeCore
import MEABridgeXML
import Testing

@Suite("Foundation alongside MEABridgeXML")
struct FoundationInteropTests {
    @Test("Data from Foundation parses through MEABridgeXML, from memory and from a file")
    func dataRoundTrip() throws {
        let data = Data("<informea xmlns='urn:informea'><treaty/></informea>".utf8)
        let fromMemory = XMLDocumentParser.parse(bytes: [UInt8](data), name: "data.xml")
        #expect(fromMemory.summary?.rootElementNamespaceURI == "urn:informea")

        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("meabridge-\(UUID().uuidString).xml")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let fromFile = XMLDocumentParser.parse(path: url.path)
        #expect(fromFile.summary == fromMemory.summary)
        #expect(fromFile.diagnostics.isEmpty)
    }
}
