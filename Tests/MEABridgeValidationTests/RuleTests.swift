import MEABridgeCore
import MEABridgeValidation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the rules over records and returns what they reported.
func check(_ records: [Record]) -> [Diagnostic] {
    var rules = HarmonisedRules()
    var found: [Diagnostic] = []
    for record in records { rules.check(record) { found.append($0) } }
    rules.finish { found.append($0) }
    return found
}

func meeting(_ id: String, treaty: TreatyID? = "cms", title: LocalizedText = ["en": "A meeting"]) -> Meeting {
    var meeting = Meeting(id: id)
    meeting.treaty = treaty
    meeting.title = title
    meeting.country = CountryRef(parsing: "DE")
    meeting.source = SourceLocation(source: "m.json", line: 3, column: 5, path: "/d/0")
    return meeting
}

@Suite("Harmonised rules")
struct RuleTests {
    @Test("a clean meeting reports nothing")
    func clean() {
        var m = meeting("m1")
        m.start = DateValue(parsing: "2024-02-12")
        m.end = DateValue(parsing: "2024-02-17")
        m.type = MeetingType(parsing: "COP")
        #expect(check([.meeting(m)]).isEmpty)
    }

    @Test("dates: epoch zero, end before start, shifted midnight, implausible")
    func dates() {
        var m = meeting("m1")
        m.start = DateValue(parsing: "2014-05-05T22:00:00Z")
        m.end = DateValue(parsing: "2014-05-01")
        m.updated = DateValue(epochMilliseconds: 0)
        var d = Decision(id: "d1")
        d.treaty = "cms"
        d.title = ["en": "A decision"]
        d.published = DateValue(parsing: "0215-01-01")
        let ids = check([.meeting(m), .decision(d)]).map(\.id)
        #expect(ids.contains(.dateOrder))
        #expect(ids.contains(.dateShiftedMidnight))
        #expect(ids.contains(.dateEpochZero))
        #expect(ids.contains(.dateImplausible))
        let shifted = check([.meeting(m)]).first { $0.id == .dateShiftedMidnight }
        #expect(shifted?.message.contains("midnight of 2014-05-06") == true)
        #expect(shifted?.location?.path == "/d/0/start")
    }

    @Test("vocabularies: unknown values warn; known values in any case do not")
    func vocabularies() {
        var m = meeting("m1")
        m.status = MeetingStatus(parsing: "denied\tedit")
        m.access = MeetingAccess(parsing: "PUBLIC")
        let found = check([.meeting(m)]).filter { $0.id == .vocabularyUnknown }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("status") == true)
        #expect(found.first?.location?.path == "/d/0/status")
    }

    @Test("files need a URL and a language")
    func files() {
        var p = NationalPlan(id: "p1")
        p.treaty = "stockholm"
        p.country = CountryRef(parsing: "AL")
        p.title = ["en": "NIP"]
        p.files = [FileRef(filename: "nip.pdf"), FileRef(url: "https://example.org/a.pdf", language: "en")]
        let found = check([.nationalPlan(p)])
        #expect(found.filter { $0.id == .fileURLMissing }.count == 1)
        #expect(found.filter { $0.id == .fileLanguageMissing }.count == 1)
        #expect(found.first { $0.id == .fileURLMissing }?.severity == .error)
    }

    @Test("control characters in text and strings")
    func controlCharacters() {
        var m = meeting("m1", title: ["en": "Bad\u{1E}title", "fr": "Bon\ttitre"])
        m.city = "Gen\u{0}eva"
        let found = check([.meeting(m)]).filter { $0.id == .controlCharacters }
        #expect(found.count == 2)
    }

    @Test("duplicate ids, overlong ids, missing treaty, unknown treaty, missing country")
    func identity() {
        var a = meeting("m1")
        a.treaty = nil
        var b = meeting("m1", treaty: "abidjan convention")
        b.country = nil
        let long = meeting(String(repeating: "x", count: 65))
        let ids = check([.meeting(a), .meeting(b), .meeting(long)]).map(\.id)
        #expect(ids.contains(.duplicateID))
        #expect(ids.contains(.treatyMissing))
        #expect(ids.contains(.treatyUnknown))
        #expect(ids.contains(.countryMissing))
        #expect(ids.contains(.idTooLong))
    }

    @Test("decision-to-meeting links resolve within a batch, whatever the order")
    func meetingLinks() {
        var linked = Decision(id: "d1")
        linked.treaty = "cms"
        linked.title = ["en": "Decision"]
        linked.meetingId = "m1"
        var dangling = linked
        dangling.id = "d2"
        dangling.meetingId = "m9"
        var otherTreaty = linked
        otherTreaty.id = "d3"
        otherTreaty.treaty = "cites"
        otherTreaty.meetingId = "cites-cop"
        let found = check([.decision(linked), .decision(dangling), .decision(otherTreaty), .meeting(meeting("m1"))])
            .filter { $0.id == .meetingLink }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("'m9'") == true)
        // Without meetings in the batch, nothing can be said about links.
        #expect(check([.decision(dangling)]).filter { $0.id == .meetingLink }.isEmpty)
    }

    @Test("every rule id the rules report is described in the catalogue")
    func catalogue() {
        let described = Set(ValidationCatalog.all.map(\.id))
        for id: DiagnosticID in [
            .titleMissing, .titleNotEnglish, .treatyMissing, .treatyUnknown, .countryMissing, .duplicateID,
            .dateEpochZero, .dateOrder, .dateShiftedMidnight, .dateImplausible, .vocabularyUnknown, .meetingLink,
            .fileURLMissing, .fileLanguageMissing, .controlCharacters, .idTooLong, .unknownCountry, .unknownLanguage,
        ] {
            #expect(described.contains(id), "\(id) has no description")
        }
        #expect(Set(ValidationCatalog.all.map(\.id)).count == ValidationCatalog.all.count, "duplicate descriptions")
        for description in ValidationCatalog.all {
            #expect(description.summary.hasSuffix("."), "\(description.id): summary should be a sentence")
            #expect(description.explanation.count > description.summary.count)
        }
    }
}

@Suite("Rule profiles")
struct ProfileTests {
    let known: Set<DiagnosticID> = Set(ValidationCatalog.all.map(\.id))

    func write(_ text: String) -> String {
        let path = "/tmp/meabridge-profile-\(UInt32.random(in: 0...UInt32.max)).json"
        let file = fopen(path, "wb")
        _ = text.utf8CString.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count - 1, file) }
        fclose(file)
        return path
    }

    @Test("off drops a diagnostic, a severity changes it, fatal stays fatal")
    func apply() throws {
        let path = write(
            #"{"rules": {"rule.title-english": "off", "model.country-unknown": "error", "json.syntax": "off"}}"#
        )
        let profile = try RuleProfile.load(path: path, known: known)
        let english = Diagnostic(id: .titleNotEnglish, severity: .warning, message: "x")
        #expect(profile.apply(english) == nil)
        let country = Diagnostic(id: .unknownCountry, severity: .warning, message: "x")
        #expect(profile.apply(country)?.severity == .error)
        let fatal = Diagnostic(id: "json.syntax", severity: .fatal, message: "x")
        #expect(profile.apply(fatal) == fatal)
        let other = Diagnostic(id: .dateOrder, severity: .error, message: "x")
        #expect(profile.apply(other) == other)
    }

    @Test("unknown ids, bad severities and malformed files are refused with the place")
    func refusals() {
        #expect(throws: RuleProfileError.self) {
            try RuleProfile.load(path: write(#"{"rules": {"rule.title-englsh": "off"}}"#), known: known)
        }
        do {
            _ = try RuleProfile.load(path: write("{\"rules\": {\n  \"rule.date-order\": \"loud\"}}"), known: known)
            Issue.record("a bad severity was accepted")
        } catch let error as RuleProfileError {
            #expect(error.message.hasPrefix("2:22:"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
        #expect(throws: RuleProfileError.self) { try RuleProfile.load(path: write("{\"rules\": "), known: known) }
        #expect(throws: RuleProfileError.self) { try RuleProfile.load(path: write("[]"), known: known) }
        #expect(throws: RuleProfileError.self) { try RuleProfile.load(path: "/nonexistent.json", known: known) }
    }
}
