import MEABridgeCore
import OrderedCollections
import Testing

@Suite("DateValue")
struct DateValueTests {
    @Test(
        "wire forms",
        arguments: [
            ("/Date(1399388400000)/", "2014-05-06T15:00:00Z", DateValue.Precision.instant),
            ("\\/Date(1399388400000)\\/", "2014-05-06T15:00:00Z", .instant),
            ("/Date(1399388400000+0100)/", "2014-05-06T15:00:00Z", .instant),
            ("/Date(-86400000)/", "1969-12-31T00:00:00Z", .instant),
            ("2014-05-06", "2014-05-06", .date),
            ("2014-05-06T15:00:00Z", "2014-05-06T15:00:00Z", .instant),
            ("2014-05-06T15:00:00.250Z", "2014-05-06T15:00:00.250Z", .instant),
            ("2014-05-06T17:00:00+02:00", "2014-05-06T15:00:00Z", .instant),
            ("2014-05-06T15:00", "2014-05-06T15:00:00Z", .instant),
            ("2014-05-06 15:00:00", "2014-05-06T15:00:00Z", .instant),
            ("1399388400", "2014-05-06T15:00:00Z", .instant),
            ("1399388400000", "2014-05-06T15:00:00Z", .instant),
            ("2000-02-29", "2000-02-29", .date),
            ("  2024-12-31  ", "2024-12-31", .date),
        ]
    )
    func parses(_ text: String, _ iso: String, _ precision: DateValue.Precision) throws {
        let value = try #require(DateValue(parsing: text))
        #expect(value.iso8601 == iso)
        #expect(value.precision == precision)
    }

    @Test(
        "rejects what is not a date",
        arguments: [
            "", "tomorrow", "2014-13-01", "2014-02-30", "2013-02-29",
            "2014-05-06T25:00", "/Date(abc)/", "2014-05-06T15:00:00Q", "06/05/2014",
        ]
    )
    func rejects(_ text: String) {
        #expect(DateValue(parsing: text) == nil)
    }

    @Test("OData form round trip and ordering")
    func odataForm() throws {
        let value = try #require(DateValue(parsing: "2014-05-06T15:00:00Z"))
        #expect(value.odataJSON == "/Date(1399388400000)/")
        #expect(DateValue(parsing: value.odataJSON) == value)
        let day = try #require(DateValue(year: 2014, month: 5, day: 6))
        #expect(day < value)
        #expect(day.epochMilliseconds == 1_399_334_400_000)
    }
}

@Suite("Vocabularies, treaties, entities")
struct VocabularyTests {
    @Test("open vocabularies parse case-insensitively and keep unknown values")
    func openVocabularies() {
        #expect(MeetingAccess(parsing: "Public") == .public)
        #expect(MeetingType(parsing: " MOP ") == .mop)
        #expect(MeetingType(parsing: "Technical Meeting") == .technicalMeeting)
        #expect(DecisionStatus(parsing: "Adopted") == .adopted)
        #expect(MeetingStatus(parsing: "denied\tedit") == .other("denied\tedit"))
        #expect(MeetingStatus(parsing: "denied\tedit")?.isKnown == false)
        #expect(PartyStatus(parsing: "succesion") == .succession)
        #expect(MeetingKind(parsing: "  ") == nil)
        #expect(DecisionType(parsing: "official_document")?.rawValue == "official_document")
    }

    @Test("treaty identifiers: lower-cased, aliases resolved, unknown kept")
    func treaties() {
        #expect(TreatyID(parsing: "Plant-Treaty")?.rawValue == "plant_treaty")
        #expect(TreatyID(parsing: "XXVII8b")?.rawValue == "nagoya")
        #expect(TreatyID(parsing: "CBD")?.isKnown == true)
        #expect(TreatyID(parsing: "Abidjan Convention")?.isKnown == false)
        #expect(TreatyID(parsing: "") == nil)
    }

    @Test("entity names: canonical, type, entity set and qualified OData types")
    func entityNames() {
        #expect(EntityKind(parsing: "Meetings.Meeting") == .meeting)
        #expect(EntityKind(parsing: "informea.CountryReport") == .countryReport)
        #expect(EntityKind(parsing: "ScDecisionsModel.Decisions") == .decision)
        #expect(EntityKind(parsing: "nationalplans") == .nationalPlan)
        #expect(EntityKind(parsing: "MeetingTitle") == nil)
    }
}

@Suite("Text, files and goals")
struct PartsTests {
    @Test("LocalizedText normalises languages and keeps order; und is not English")
    func localizedText() {
        var text = LocalizedText()
        text.set("Titre", for: LanguageCode(parsing: "French"))
        text.set("标题", for: LanguageCode(parsing: "cn"))
        text.set("Title", for: LanguageCode(parsing: "und"))
        #expect(text.languages.map(\.code) == ["fr", "zh-hans", "und"])
        #expect(text.english == nil)
        #expect(text.preferred?.language.code == "fr")
        text.set("Title", for: LanguageCode(parsing: "EN"))
        #expect(text.english == "Title")
        #expect(text.preferred?.value == "Title")
        text.set("", for: .english)
        #expect(text.english == nil)
    }

    @Test(
        "MIME types inferred when missing or bare",
        arguments: [
            ("pdf", nil, nil, "application/pdf"),
            ("PDF", nil, nil, "application/pdf"),
            ("application/PDF", nil, nil, "application/pdf"),
            (nil, "report.DOCX", nil, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (
                nil, nil, "http://chm.pops.int/Portals/0/download.aspx?d=UNEP-POPS-NIP-Albania-1.English.pdf",
                "application/pdf"
            ),
            (
                nil, nil, "https://example.org/files/a.xlsx?version=2#page",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
            (nil, "no-extension", "https://example.org/download", nil),
        ] as [(String?, String?, String?, String?)]
    )
    func mimeTypes(_ given: String?, _ filename: String?, _ url: String?, _ expected: String?) {
        #expect(FileRef.normalizedMIMEType(given, filename: filename, url: url) == expected)
    }

    @Test("goal links in compact form")
    func goals() throws {
        let goal = try #require(GoalRef(compact: "SDG:15.1"))
        #expect(goal.framework == .sdg)
        #expect(goal.code == "15.1")
        #expect(goal.description == "SDG:15.1")
        #expect(GoalRef(compact: "kmgbf: 3")?.framework == .gbf)
        #expect(GoalRef(compact: "no colon") == nil)
        #expect(GoalRef.Framework(parsing: "Ramsar SP").description == "Ramsar SP")
    }

    @Test("records expose their kind, id and properties in a fixed order")
    func recordProperties() {
        var meeting = Meeting(id: "m1")
        meeting.treaty = "cms"
        meeting.title = ["en": "COP14"]
        meeting.country = CountryRef(parsing: "UZB")
        var record = Record(meeting)
        #expect(record.kind == .meeting)
        #expect(record.id == "m1")
        #expect(record.properties.map(\.name) == ["treaty", "title", "country"])
        record.extras = ["brs_Title": .string("x")]
        #expect(record.extras["brs_Title"] == .string("x"))
        record.source = SourceLocation(source: "a.json", line: 3)
        #expect(record.strippingSource().source == nil)
    }

    @Test("diagnostics format as file:line:col: severity: message [id]")
    func diagnosticFormat() {
        let diagnostic = Diagnostic(
            id: "model.country-unknown",
            severity: .warning,
            message: "'XYZ' is not a country",
            location: SourceLocation(source: "f.json", line: 3, column: 14, path: "/d/0/country")
        )
        #expect(
            diagnostic.formatted
                == "f.json:3:14: warning: 'XYZ' is not a country (at /d/0/country) [model.country-unknown]"
        )
        var collector = DiagnosticCollector(limit: 1)
        collector.report(diagnostic)
        collector.report(Diagnostic(id: "x.y", severity: .error, message: "e"))
        #expect(collector.diagnostics.count == 1)
        #expect(collector.errorCount == 1)
        #expect(collector.warningCount == 1)
    }
}

@Suite("Byte I/O")
struct ByteIOTests {
    @Test("an atomic file appears only on commit; abort leaves nothing")
    func atomicFile() throws {
        let path = "/tmp/meabridge-atomic-\(UInt32.random(in: 0...UInt32.max)).txt"
        var sink = try AtomicFileSink(path: path)
        try sink.write(Array("hello\n".utf8))
        #expect(FileByteSourceProbe.exists(path) == false)
        #expect(FileByteSourceProbe.exists(sink.temporaryPath))
        try sink.commit()
        #expect(FileByteSourceProbe.exists(path))
        #expect(FileByteSourceProbe.exists(sink.temporaryPath) == false)
        let aborted = try AtomicFileSink(path: path + ".2")
        aborted.abort()
        #expect(FileByteSourceProbe.exists(path + ".2") == false)
        #expect(FileByteSourceProbe.exists(aborted.temporaryPath) == false)
    }

    @Test("a prefixed source replays the sniffed bytes, then the rest")
    func prefixed() throws {
        let (prefix, rest) = try PrefixedByteSource.peek(MemoryByteSource("abcdefghij", maxChunk: 3), count: 4)
        #expect(prefix == Array("abcd".utf8))
        var source = PrefixedByteSource(prefix: prefix, base: rest)
        var collected: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 5)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { break }
            collected += buffer[..<count]
        }
        #expect(collected == Array("abcdefghij".utf8))
    }
}

/// Checks file existence through the public file source (no Foundation in these tests).
enum FileByteSourceProbe {
    static func exists(_ path: String) -> Bool { (try? FileByteSource(path: path)) != nil }
}
