import MEABridgeCore
import MEABridgeInforMEA
import MEABridgeTestSupport
import MEABridgeXML
import Testing

@Suite(
    "informea-atom reader: the SCBD connector's Atom templates",
    .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
)
struct AtomTemplateTests {
    static let records: HandlebarsRenderer.Value = .dictionary([
        ("title", .string("CBD meetings")),
        ("updated", .string("2024-05-01T12:00:00Z")),
        (
            "records",
            .array([
                .dictionary([
                    ("type", .string("meeting")),
                    ("id", .string("52000000cbd0050000001595")),
                    ("url", .string("https://www.cbd.int/meetings/COP-12")),
                    (
                        "title",
                        .dictionary([("en", .string("COP 12 & <NP-MOP 1>")), ("fr", .string("CdP 12 & RdP 1"))])
                    ),
                    ("start", .string("2014-10-06T00:00:00")),
                    ("end", .string("2014-10-17T23:59:59")),
                    ("updated", .string("2014-06-01T10:00:00Z")),
                ]),
                .dictionary([
                    ("type", .string("meeting")),
                    ("id", .string("52000000cbd0050000001596")),
                    ("url", .string("https://www.cbd.int/meetings/SBSTTA-18")),
                    ("title", .dictionary([("en", .string("SBSTTA 18"))])),
                    ("start", .string("2014-06-23T00:00:00")),
                    ("end", .string("2014-06-28T00:00:00")),
                    ("updated", .string("2014-06-01T10:00:00Z")),
                ]),
            ])
        ),
    ])

    @Test("The rendered feed reads as Meetings: Collection(LocalizableString) titles, typed dates, m:null")
    func renderedFeed() throws {
        let templates = try AtomTemplates()
        let renderer = HandlebarsRenderer(partials: ["meeting": templates.meeting])
        let feed = renderer.render(templates.feed, Self.records)
        let (records, diagnostics) = try readRecords(InforMEAAtomReader.self, Array(feed.utf8), name: "feed.xml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        #expect(records.count == 2)
        guard case .meeting(let first)? = records.first else {
            Issue.record("not a meeting: \(records)")
            return
        }
        #expect(first.id == "52000000cbd0050000001595")
        #expect(first.protocolVersion == 1)
        // The template puts the record id into d:treaty (a quirk of the connector), which the reader keeps.
        #expect(first.treaty == TreatyID(parsing: "52000000cbd0050000001595"))
        #expect(first.url == "https://www.cbd.int/meetings/COP-12")
        #expect(first.title == LocalizedText([("en", "COP 12 & <NP-MOP 1>"), ("fr", "CdP 12 & RdP 1")]))
        #expect(first.description.isEmpty)
        #expect(first.start == DateValue(parsing: "2014-10-06T00:00:00Z"))
        #expect(first.end == DateValue(parsing: "2014-10-17T23:59:59Z"))
        // `<d:updated m:null="true">…</d:updated>`: null wins over the text.
        #expect(first.updated == nil)
        #expect(first.type == nil)
        #expect(first.latitude == nil)
        #expect(first.extras == Meeting(id: "none").extras)
        #expect(first.source?.line == AtomTemplates.line(of: "<entry ", in: feed))
        #expect(first.source?.path == "/feed/entry")
        #expect(records[1].source?.path == "/feed/entry[2]")
        #expect(records[1].id == "52000000cbd0050000001596")
    }

    @Test("The raw entry template reads, with the placeholders reported at their lines and XPaths")
    func rawTemplate() throws {
        let templates = try AtomTemplates()
        let (records, diagnostics) = try readRecords(
            InforMEAAtomReader.self,
            Array(templates.meeting.utf8),
            name: "meeting.xml"
        )
        #expect(records.count == 1)
        #expect(records.first?.kind == .meeting)
        #expect(records.first?.id == "{{xmlEscape id}}")
        let dates = diagnostics.filter { $0.id == .invalidDate }
        #expect(dates.count == 2)
        for (diagnostic, field) in zip(dates, ["start", "end"]) {
            #expect(diagnostic.location?.line == AtomTemplates.line(of: "<d:\(field) ", in: templates.meeting))
            #expect(diagnostic.location?.path == "/entry/content/m:properties/d:\(field)")
            #expect(diagnostic.message.contains("{{xmlEscape \(field)}}"))
        }
    }

    @Test("The templates are checked by the Atom XSD: placeholders in typed fields are xsd.value errors")
    func templatesAgainstXSD() throws {
        let templates = try AtomTemplates()
        let diagnostics = try xsdDiagnostics(Array(templates.meeting.utf8), schema: "informea-atom.xsd")
        let lines = Set(diagnostics.filter { $0.id == .xsdValue }.compactMap(\.location?.line))
        for field in ["<updated>", "<d:start ", "<d:end ", "<d:updated "] {
            #expect(lines.contains(AtomTemplates.line(of: field, in: templates.meeting) ?? -1), "\(field)")
        }
        #expect(diagnostics.allSatisfy { $0.location?.path?.hasPrefix("/entry") == true })
    }
}

@Suite("informea-atom reader")
struct AtomReaderTests {
    static let namespaces = """
        xmlns="http://www.w3.org/2005/Atom" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" \
        xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"
        """

    @Test("Diagnostics about values point at the marked line and the property's XPath")
    func locatedDiagnostics() throws {
        let marked = MarkedText(
            """
            <feed \(Self.namespaces)>
              <entry>
                <category term="informea.Meeting"/>
                <content type="application/xml"><m:properties><d:id>m1</d:id></m:properties></content>
              </entry>
              <entry>
                <category term="informea.Meeting"/>
                <link rel="http://schemas.microsoft.com/ado/2007/08/dataservices/related/title" href="x">
                  <m:inline><feed>
                    <entry><content type="application/xml"><m:properties>
            1️⃣          <d:language>english-ish</d:language><d:value>T</d:value>
                    </m:properties></content></entry>
                  </feed></m:inline>
                </link>
                <content type="application/xml">
                  <m:properties>
                    <d:id>m2</d:id>
            2️⃣        <d:start m:type="Edm.DateTime">not a date</d:start>
            3️⃣        <d:latitude m:type="Edm.Double">north</d:latitude>
            4️⃣        <d:country>Atlantis</d:country>
                  </m:properties>
                </content>
              </entry>
            5️⃣  <entry><content type="application/xml"><m:properties><d:start>2014-01-01</d:start>
                </m:properties></content></entry>
            </feed>
            """
        )
        let (records, diagnostics) = try readRecords(InforMEAAtomReader.self, Array(marked.text.utf8), name: "bad.xml")
        #expect(records.map(\.id) == ["m1", "m2"])
        let expected: [(String, DiagnosticID, String)] = [
            ("1️⃣", .unknownLanguage, "/feed/entry[2]/link/m:inline/feed/entry/content/m:properties/d:language"),
            ("2️⃣", .invalidDate, "/feed/entry[2]/content/m:properties/d:start"),
            ("3️⃣", .invalidNumber, "/feed/entry[2]/content/m:properties/d:latitude"),
            ("4️⃣", .unknownCountry, "/feed/entry[2]/content/m:properties/d:country"),
            ("5️⃣", .missingID, "/feed/entry[3]"),
        ]
        #expect(diagnostics.count == expected.count, "\(diagnostics.map(\.formatted))")
        // The mapping reports in field order, not document order: match each expectation by id.
        for (marker, id, path) in expected {
            guard let diagnostic = diagnostics.first(where: { $0.id == id }) else {
                Issue.record("\(marker): no \(id) diagnostic in \(diagnostics.map(\.formatted))")
                continue
            }
            #expect(diagnostic.location?.line == marked[marker]?.line, "\(marker): \(diagnostic.formatted)")
            #expect(diagnostic.location?.path == path, "\(marker): \(diagnostic.formatted)")
            #expect(diagnostic.location?.byteOffset == nil)
        }
    }

    @Test("The entity type comes from the category, the edit link, --entity, the feed, the file name or the fields")
    func entityInference() throws {
        func kind(_ entry: String, feedHead: String = "", name: String = "x.xml", entity: EntityKind? = nil) throws
            -> EntityKind?
        {
            let text = "<feed \(Self.namespaces)>\(feedHead)<entry>\(entry)</entry></feed>"
            return try readRecords(InforMEAAtomReader.self, Array(text.utf8), name: name, entity: entity).records.first?
                .kind
        }
        let properties = "<content type='application/xml'><m:properties><d:id>a</d:id></m:properties></content>"
        #expect(try kind("<category term='Meetings.Meeting'/>" + properties, entity: .site) == .meeting)
        #expect(try kind("<link rel='edit' href=\"Decisions('a')\"/>" + properties) == .decision)
        #expect(try kind(properties, entity: .site) == .site)
        #expect(try kind(properties, feedHead: "<link rel='self' href='NationalPlans'/>") == .nationalPlan)
        #expect(try kind(properties, feedHead: "<id>http://x/informea.svc/CountryReports</id>") == .countryReport)
        #expect(try kind(properties, name: "/data/Contacts.atom") == .contact)
        let decisionFields =
            "<content type='application/xml'><m:properties><d:id>a</d:id><d:number>SC-1/1</d:number>"
            + "</m:properties></content>"
        #expect(try kind(decisionFields) == .decision)
        let unknown = "<feed \(Self.namespaces)><entry>\(properties)</entry></feed>"
        let (records, diagnostics) = try readRecords(InforMEAAtomReader.self, Array(unknown.utf8), name: "x.xml")
        #expect(records.isEmpty)
        #expect(diagnostics.map(\.id) == [.unknownEntity])
    }

    @Test("Ids come from d:id, else the edit link key (quotes doubled, guid'…', numbers, %-escapes), else atom:id")
    func ids() throws {
        func id(_ entry: String) throws -> String? {
            let text =
                "<entry \(Self.namespaces)><category term='Site'/>\(entry)"
                + "<content type='application/xml'><m:properties/></content></entry>"
            return try readRecords(InforMEAAtomReader.self, Array(text.utf8), name: "x.xml").records.first?.id
        }
        #expect(try id("<link rel='edit' href=\"Sites('O''Hara%20Lake')\"/>") == "O'Hara Lake")
        #expect(
            try id("<link rel='edit' href=\"Sites(guid'8fc906c1-820c-4a38-ad7c-00879971fee8')\"/>")
                == "8fc906c1-820c-4a38-ad7c-00879971fee8"
        )
        #expect(try id("<link rel='edit' href='Sites(17)'/>") == "17")
        #expect(try id("<id>http://whc.unesco.org/informea.svc/Sites('5')</id>") == "5")
    }

    @Test("Property forms: v1 m:item collections, v3 d:element collections, complex values, inline entry, deferred")
    func propertyForms() throws {
        let text = """
            <entry \(Self.namespaces)>
              <category term="informea.Contact"/>
              <link rel="http://schemas.microsoft.com/ado/2007/08/dataservices/related/roles" href="r">
                <m:inline>
                  <entry><content type="application/xml"><m:properties>
                    <d:treaty>cbd</d:treaty>
                    <d:roles m:type="Collection(Edm.String)"><d:element>CBD Primary NFP</d:element>
                      <d:element>SBSTTA NFP</d:element></d:roles>
                    <d:order m:type="Edm.Int32">1</d:order>
                  </m:properties></content></entry>
                </m:inline>
              </link>
              <link rel="http://schemas.microsoft.com/ado/2007/08/dataservices/related/keywords" href="k"/>
              <link rel="http://schemas.microsoft.com/ado/2007/08/dataservices/related/files" href="f">
                <m:inline/></link>
              <content type="application/xml">
                <m:properties>
                  <d:id>c1</d:id>
                  <d:treaties m:type="Collection(Edm.String)"><d:element>nagoya</d:element></d:treaties>
                  <d:primary m:type="Edm.Boolean">1</d:primary>
                  <d:postal m:type="informea.Address"><d:street>1 Rue</d:street><d:city>Montréal</d:city></d:postal>
                  <d:brsRegionUn m:type="Edm.Int64">42</d:brsRegionUn>
                  <d:empty m:type="informea.Nothing"/>
                  <d:nothing m:null="true" m:type="Edm.String">ignored</d:nothing>
                </m:properties>
              </content>
            </entry>
            """
        let (records, diagnostics) = try readRecords(InforMEAAtomReader.self, Array(text.utf8), name: "c.xml")
        guard case .contact(let contact)? = records.first else {
            Issue.record("no contact: \(records) \(diagnostics)")
            return
        }
        #expect(contact.roles == [ContactRole(treaty: "cbd", roles: ["CBD Primary NFP", "SBSTTA NFP"], order: "1")])
        #expect(contact.treaties == ["nagoya", "cbd"])
        #expect(contact.isPrimary == true)
        // A complex value the model has no field for is kept whole in the extras, as the JSON reader keeps the
        // same value; deferred (no m:inline) and empty inline navigations add nothing.
        let json = """
            {"d": [{"__metadata": {"type": "Contact"}, "id": "c1", "treaties": ["nagoya"], "primary": true,
              "postal": {"street": "1 Rue", "city": "Montréal"}, "brsRegionUn": 42, "empty": {}, "nothing": null,
              "roles": [{"treaty": "cbd", "roles": ["CBD Primary NFP", "SBSTTA NFP"], "order": 1}]}]}
            """
        let fromJSON = try readRecords(InforMEAODataJSONReader.self, Array(json.utf8), name: "c.json").records
        #expect(fromJSON.map { $0.strippingSource() } == records.map { $0.strippingSource() })
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
    }

    @Test("Sniffing: Atom with OData namespaces is certain, plain Atom likely, other XML and JSON are not claimed")
    func sniffing() {
        func sniff(_ text: String, name: String = "x.xml") -> SniffConfidence {
            InforMEAAtomReader.sniff(SniffInput(prefix: Array(text.utf8), name: name))
        }
        #expect(sniff("<?xml version='1.0'?>\n<feed \(Self.namespaces)>") == .certain)
        #expect(sniff("<feed xmlns='http://www.w3.org/2005/Atom'>") == .likely)
        #expect(sniff("<gsafeed>") == .no)
        #expect(sniff("{\"d\": []}") == .no)
        let utf16 = InforMEAAtomReader.sniff(
            SniffInput(prefix: utf16LittleEndianBOM("<feed \(Self.namespaces)>"), name: "x.xml")
        )
        #expect(utf16 == .certain)
    }

    @Test("XXE in an Atom feed: the file it names is never read into a record")
    func externalEntity() throws {
        let directory = makeTemporaryDirectory()
        let secretFile = directory + "/secret.txt"
        let secret = "MEABRIDGE-ATOM-SECRET-\(UInt64.random(in: 0...UInt64.max))"
        writeFile(secretFile, Array(secret.utf8))
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE feed [<!ENTITY xxe SYSTEM "file://\(secretFile)">]>
            <feed \(Self.namespaces)><entry><category term="Meeting"/>
            <content type="application/xml"><m:properties><d:id>a</d:id><d:city>&xxe;</d:city></m:properties></content>
            </entry></feed>
            """
        let (records, diagnostics) = try readRecords(InforMEAAtomReader.self, Array(text.utf8), name: "xxe.xml")
        #expect(!String(describing: records).contains(secret))
        #expect(diagnostics.contains { $0.id == .xmlEntity })
    }
}

/// UTF-16 little-endian with a byte order mark.
func utf16LittleEndianBOM(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 {
        bytes.append(UInt8(truncatingIfNeeded: unit))
        bytes.append(UInt8(truncatingIfNeeded: unit >> 8))
    }
    return bytes
}

@Suite("informea-atom reader: the per-entry element limit")
struct AtomEntryLimitTests {
    @Test("an entry with too many elements is reported at its line and skipped; the next entry still reads")
    func oversizedEntry() throws {
        let open =
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
            + "xmlns:d=\"http://schemas.microsoft.com/ado/2007/08/dataservices\" "
            + "xmlns:m=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\">\n"
        func entry(_ id: String, extra: Int) -> String {
            "<entry><category term=\"informea.Meeting\"/><content type=\"application/xml\"><m:properties>"
                + "<d:id>\(id)</d:id><d:title>Meeting \(id)</d:title><d:treaty>cbd</d:treaty>"
                + String(repeating: "<d:x/>", count: extra) + "</m:properties></content></entry>\n"
        }
        let text =
            open + entry("big", extra: InforMEAAtomReader.maxElementsPerEntry) + entry("small", extra: 0) + "</feed>\n"
        let (records, diagnostics) = try readRecords(InforMEAAtomReader.self, Array(text.utf8), name: "feed.xml")
        #expect(records.map(\.id) == ["small"])
        let limit = try #require(diagnostics.first { $0.id == .xmlLimit })
        #expect(limit.severity == .error)
        #expect(limit.location?.line == 2)
        #expect(limit.message.contains("elements or more; skipped"))
    }
}
