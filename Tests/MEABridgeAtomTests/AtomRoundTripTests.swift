import MEABridgeCanonical
import MEABridgeCore
import MEABridgeInforMEA
import MEABridgeTestSupport
import MEABridgeXML
import Testing

@Suite(
    "informea-atom round trips and output",
    .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
)
struct AtomRoundTripTests {
    /// The records of one OData JSON sample, as the JSON reader gives them.
    static func jsonRecords(_ path: String) throws -> [Record] {
        let bytes = try #require(Fixtures.read(path))
        return try readRecords(InforMEAODataJSONReader.self, bytes, name: path).records
    }

    @Test("OData JSON → canonical → Atom → canonical gives equal records", arguments: odataSamples)
    func jsonAtomJSON(path: String) throws {
        let records = try Self.jsonRecords(path)
        #expect(!records.isEmpty)
        let (bytes, writeDiagnostics) = atom(records)
        #expect(writeDiagnostics.isEmpty)
        let (back, readDiagnostics) = try readRecords(InforMEAAtomReader.self, bytes, name: "out.xml")
        #expect(readDiagnostics.filter { $0.severity >= .error }.isEmpty, "\(readDiagnostics.map(\.formatted))")
        #expect(back.map { $0.strippingSource() } == records.map { $0.strippingSource() })
        // The sources point at each entry of the Atom output.
        #expect(
            back.enumerated().allSatisfy { index, record in
                record.source?.path == (index == 0 ? "/feed/entry" : "/feed/entry[\(index + 1)]")
            }
        )
    }

    @Test("Atom → canonical → Atom gives the same bytes and the same records", arguments: odataSamples)
    func atomAtom(path: String) throws {
        let first = atom(try Self.jsonRecords(path), serviceRoot: "https://odata.example.org/informea.svc").bytes
        let (records, _) = try readRecords(InforMEAAtomReader.self, first, name: "first.xml")
        let second = atom(records, serviceRoot: "https://odata.example.org/informea.svc").bytes
        #expect(second == first)
        let (again, _) = try readRecords(InforMEAAtomReader.self, second, name: "second.xml")
        #expect(again.map { $0.strippingSource() } == records.map { $0.strippingSource() })
    }

    @Test("The writer's output validates against its own XSD (Schemas/xml/informea-atom.xsd)", arguments: odataSamples)
    func outputValidates(path: String) throws {
        for root in [nil, "https://odata.example.org/informea.svc/"] {
            let (bytes, _) = atom(try Self.jsonRecords(path), serviceRoot: root)
            let diagnostics = try xsdDiagnostics(bytes, schema: "informea-atom.xsd")
            #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        }
    }

    @Test("The XSD is not a rubber stamp: typed values and structure are checked in the writer's shape")
    func xsdCatchesErrors() throws {
        let records = try Self.jsonRecords(Fixtures.samplesDirectory + "/informea-odata/v1/Meetings.json")
        let text = String(decoding: atom(records).bytes, as: UTF8.self)
        for (broken, id) in [
            (
                text.replacingFirst("<d:start m:type=\"Edm.DateTime\">2", with: "<d:start m:type=\"Edm.DateTime\">x2"),
                DiagnosticID.xsdValue
            ),
            (text.replacingFirst("<category term=\"informea.Meeting\"", with: "<category"), .xsdAttribute),
            (text.replacingFirst("<m:properties>", with: "<m:properties><m:inline/>"), .xsdContent),
        ] {
            #expect(broken != text)
            let diagnostics = try xsdDiagnostics(Array(broken.utf8), schema: "informea-atom.xsd")
            #expect(diagnostics.first?.id == id, "\(diagnostics.map(\.formatted))")
            #expect(diagnostics.first?.location?.path?.hasPrefix("/feed/entry") == true)
        }
    }

    @Test("The $metadata declares every entity type, property (with the type written) and navigation in the output")
    func metadataMatchesOutput() throws {
        var records: [Record] = []
        for path in odataSamples { records += try Self.jsonRecords(path) }
        var writer = InforMEAAtomWriter(options: WriteOptions())
        let (bytes, _) = writeRecords(&writer, records)
        let metadata = writer.metadataDocument()
        let parsed = XMLDocumentParser.parse(bytes: Array(metadata.utf8), name: "$metadata")
        #expect(parsed.isWellFormed)
        #expect(parsed.summary?.rootElementName == "Edmx")

        // Collect, from the Atom output itself, each entry type's properties with their m:type and navigations.
        let reader = XMLStreamReader(source: MemoryByteSource(bytes))
        let category = reader.id(of: XMLName("http://www.w3.org/2005/Atom", "category"))
        let properties = reader.id(
            of: XMLName("http://schemas.microsoft.com/ado/2007/08/dataservices/metadata", "properties")
        )
        let link = reader.id(of: XMLName("http://www.w3.org/2005/Atom", "link"))
        let type = reader.id(of: XMLName("http://schemas.microsoft.com/ado/2007/08/dataservices/metadata", "type"))
        // Each open entry: its type (known once its category is read, after its links) and its navigations.
        var stack: [(type: String, navigations: [String], properties: [String])] = []
        var seen: Set<String> = []
        var inProperties = 0
        while try reader.next(report: { _ in }) != .endOfDocument {
            switch reader.event {
            case .startElement where reader.localName == "entry":
                stack.append(("", [], []))
            case .startElement where reader.isStart(category):
                if let term = reader.attribute(XMLName(nil, "term")), !stack.isEmpty {
                    stack[stack.count - 1].type = String(term.dropFirst("informea.".count))
                }
            case .startElement where reader.isStart(link):
                if let rel = reader.attribute(XMLName(nil, "rel")), rel.contains("/related/"), !stack.isEmpty {
                    stack[stack.count - 1].navigations.append(String(rel.split(separator: "/").last ?? ""))
                }
            case .startElement where reader.isStart(properties):
                inProperties = reader.depth
            case .startElement where inProperties > 0 && reader.depth == inProperties + 1 && !stack.isEmpty:
                stack[stack.count - 1].properties.append(
                    "\(reader.localName ?? "") \(reader.attribute(type) ?? "Edm.String")"
                )
            case .endElement where inProperties > 0 && reader.depth == inProperties:
                inProperties = 0
            case .endElement where reader.localName == "entry":
                let entry = stack.removeLast()
                for navigation in entry.navigations { seen.insert("\(entry.type) nav \(navigation)") }
                for property in entry.properties { seen.insert("\(entry.type) \(property)") }
            default:
                break
            }
        }
        #expect(seen.count > 50)
        for fact in seen.sorted() {
            let parts = fact.split(separator: " ").map(String.init)
            let entity = writer.model.entityTypes.first { $0.name == parts[0] }
            #expect(entity != nil, "\(fact)")
            if parts[1] == "nav" {
                #expect(
                    metadata.contains(
                        "<NavigationProperty Name=\"\(parts[2])\" Relationship=\"informea.\(parts[0])_\(parts[2])\""
                    ),
                    "\(fact)"
                )
            } else {
                #expect(entity?.properties.contains { $0.name == parts[1] && $0.type == parts[2] } == true, "\(fact)")
                #expect(metadata.contains("<Property Name=\"\(parts[1])\" Type=\"\(parts[2])\""), "\(fact)")
            }
        }
        for set in ["Meetings", "Decisions", "Contacts", "CountryReports", "NationalPlans"] {
            #expect(metadata.contains("<EntitySet Name=\"\(set)\""))
        }
    }

    @Test("Characters XML cannot carry are replaced and reported; bad provider property names are left out")
    func unwritableValues() throws {
        var meeting = Meeting(id: "m\u{1}1")
        meeting.title = LocalizedText([("en", "Bell\u{7} and \u{FFFE} tab\tok")])
        meeting.city = "Line\r\nbreak"
        let (bytes, diagnostics) = atom([.meeting(meeting)])
        #expect(diagnostics.map(\.id) == [.xmlCharacterReplaced])
        #expect(diagnostics.first?.message.contains("written as U+FFFD") == true)
        let parsed = XMLDocumentParser.parse(bytes: bytes)
        #expect(parsed.isWellFormed)
        let (back, _) = try readRecords(InforMEAAtomReader.self, bytes, name: "x.xml")
        guard case .meeting(let read)? = back.first else {
            Issue.record("no meeting")
            return
        }
        #expect(read.id == "m\u{FFFD}1")
        #expect(read.title.english == "Bell\u{FFFD} and \u{FFFD} tab\tok")
        #expect(read.city == "Line\r\nbreak")
    }

    @Test("Provider extras of every JSON kind come back from Atom; names that are not XML names are reported")
    func extrasRoundTrip() throws {
        let json = """
            {"d": [{"__metadata": {"type": "Meeting"}, "id": "m1", "title": [{"language": "en", "value": "T"}],
              "brs_count": 12, "brs_ratio": 0.5, "brs_big": 1e21, "brs_flag": false, "brs_none": null, "brs_text": "",
              "brs_list": ["a", 1, [true], {"k": "v"}], "brs_object": {"a": {"b": []}, "c": {}},
              "bad name": 1, "brs_badmember": {"ok": 1, "not ok": 2}}]}
            """
        let records = try readRecords(InforMEAODataJSONReader.self, Array(json.utf8), name: "x.json").records
        let (bytes, diagnostics) = atom(records)
        #expect(diagnostics.map(\.id) == [.xmlNameInvalid, .xmlNameInvalid])
        let back = try readRecords(InforMEAAtomReader.self, bytes, name: "x.xml").records
        // Everything but the two unwritable names comes back as it was.
        let expected = try readRecords(
            InforMEAODataJSONReader.self,
            Array(json.replacingFirst("\"bad name\": 1, ", with: "").replacingFirst(", \"not ok\": 2", with: "").utf8),
            name: "x.json"
        ).records
        #expect(back.map { $0.strippingSource() } == expected.map { $0.strippingSource() })
        #expect(try xsdDiagnostics(bytes, schema: "informea-atom.xsd").isEmpty)
    }

    @Test("Converting to Atom is deterministic and an empty input gives an empty, valid feed")
    func deterministicAndEmpty() throws {
        let records = try Self.jsonRecords(Fixtures.samplesDirectory + "/informea-odata/v1/Decisions.json")
        #expect(atom(records).bytes == atom(records).bytes)
        let empty = atom([]).bytes
        #expect(XMLDocumentParser.parse(bytes: empty).isWellFormed)
        #expect(try xsdDiagnostics(empty, schema: "informea-atom.xsd").isEmpty)
        #expect(try readRecords(InforMEAAtomReader.self, empty, name: "e.xml").records.isEmpty)
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced (Foundation-free).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
