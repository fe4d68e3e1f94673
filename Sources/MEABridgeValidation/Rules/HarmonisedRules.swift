public import MEABridgeCore

extension DiagnosticID {
    /// A record has no title (or name) in any language.
    public static let titleMissing: DiagnosticID = "rule.title-missing"
    /// A record has a title, but not in English.
    public static let titleNotEnglish: DiagnosticID = "rule.title-english"
    /// A record lacks its treaty identifier.
    public static let treatyMissing: DiagnosticID = "rule.treaty-missing"
    /// A treaty identifier is not one InforMEA knows.
    public static let treatyUnknown: DiagnosticID = "rule.treaty-unknown"
    /// A record lacks a country the spec requires.
    public static let countryMissing: DiagnosticID = "rule.country-missing"
    /// Two records of the same entity share an id.
    public static let duplicateID: DiagnosticID = "rule.duplicate-id"
}

/// The harmonised rules checked on every canonical record before it is written (informea-model.md §2–§3, §8).
///
/// Each rule has a stable id (`ValidationCatalog.rules` explains it). Record-level rules run in `check` as records
/// stream past; rules about the batch as a whole (decision-to-meeting links) report in `finish`. The state kept
/// between records is small: ids seen, and the meeting links still to resolve.
public struct HarmonisedRules: Sendable {
    private var seen: [EntityKind: Set<String>] = [:]
    private var meetingsByTreaty: [String: Set<String>] = [:]
    private var pendingLinks: [(meetingId: String, treaty: String, decision: String, location: SourceLocation?)] = []

    /// Creates the rule set with an empty batch state.
    public init() {}

    /// Checks one record, reporting every problem found.
    /// - Parameters:
    ///   - record: The record.
    ///   - report: Receives the diagnostics.
    public mutating func check(_ record: Record, report: (Diagnostic) -> Void) {
        // The location and the record's name are only built for a problem: most records have none, and a large
        // input has millions of records.
        func problem(_ id: DiagnosticID, _ severity: Severity, _ message: String, field: String? = nil) {
            let at = field.map { field in record.source?.appending(field: field) } ?? record.source
            report(Diagnostic(id: id, severity: severity, message: message, location: at))
        }
        var name: String { Self.name(of: record) }

        // Trade records are not tracked: a Trade Database release has tens of millions of rows, and their ids are
        // shipment ids or row numbers, so the set would grow past any memory bound.
        if record.kind != .tradeRecord, seen[record.kind, default: []].insert(record.id).inserted == false {
            problem(.duplicateID, .error, "\(name) appears more than once in this input; ids must be unique")
        }
        // Counting characters walks the text; fewer than 65 bytes are fewer than 65 characters.
        if record.id.utf8.count > 64, record.id.count > 64 {
            problem(.idTooLong, .warning, "\(name): the id has \(record.id.count) characters; the toolkit keeps 64")
        }

        if let (field, text) = Self.title(of: record) {
            if text.isEmpty {
                problem(.titleMissing, .error, "\(name) has no \(field) in any language; InforMEA requires one")
            } else if text.english == nil, let fallback = text.preferred {
                problem(
                    .titleNotEnglish,
                    .warning,
                    "\(name) has no English \(field); '\(fallback.language.code)' will be used as the fallback",
                    field: field
                )
            }
        }

        if let treaty = Self.treaty(of: record) {
            if let treaty {
                if !treaty.isKnown {
                    problem(
                        .treatyUnknown,
                        .warning,
                        "treaty '\(treaty)' is not an InforMEA treaty identifier",
                        field: "treaty"
                    )
                }
            } else {
                problem(.treatyMissing, .error, "\(name) has no treaty identifier")
            }
        }

        if let country = Self.requiredCountry(of: record), country == nil {
            problem(.countryMissing, .warning, "\(name) has no country; the InforMEA spec requires one")
        }

        var values = ValueRules()
        record.visitProperties(&values)
        for finding in values.found {
            problem(finding.id, finding.severity, finding.message(name), field: finding.field)
        }
        checkVocabularies(record, problem: problem)

        switch record {
        case .meeting(let meeting):
            if let start = meeting.start, let end = meeting.end, end < start {
                problem(.dateOrder, .error, "\(name) ends (\(end)) before it starts (\(start))", field: "end")
            }
            if let start = meeting.start, start.precision == .instant {
                let time = start.components
                if time.hour == 22 || time.hour == 23, time.minute == 0, time.second == 0, time.millisecond == 0 {
                    let next = DateValue(epochMilliseconds: start.epochMilliseconds + 7_200_000, precision: .date)
                    problem(
                        .dateShiftedMidnight,
                        .warning,
                        "\(name) starts at \(start), probably midnight of \(next) in Central European time stored "
                            + "as UTC",
                        field: "start"
                    )
                }
            }
            if let treaty = meeting.treaty?.rawValue { meetingsByTreaty[treaty, default: []].insert(meeting.id) }
        case .decision(let decision):
            if let meetingId = decision.meetingId, let treaty = decision.treaty?.rawValue {
                pendingLinks.append((meetingId, treaty, decision.id, record.source))
            }
        default:
            break
        }
    }

    /// Reports the rules about the whole batch: decisions whose meeting is missing although the batch has meetings
    /// of the same treaty.
    /// - Parameter report: Receives the diagnostics.
    public mutating func finish(report: (Diagnostic) -> Void) {
        for link in pendingLinks {
            guard let meetings = meetingsByTreaty[link.treaty], !meetings.contains(link.meetingId) else { continue }
            var at = link.location
            if let path = at?.path { at?.path = path + "/meetingId" }
            report(
                Diagnostic(
                    id: .meetingLink,
                    severity: .warning,
                    message: "Decision '\(link.decision)' names meeting '\(link.meetingId)', which is not among the "
                        + "\(meetings.count) \(link.treaty) meetings of this input",
                    location: at
                )
            )
        }
        pendingLinks.removeAll()
    }

    /// `Meeting 'id'`, as messages name a record.
    private static func name(of record: Record) -> String { "\(record.kind.typeName) '\(record.id)'" }

    /// Checks that controlled-vocabulary values are known values.
    private func checkVocabularies(_ record: Record, problem: (DiagnosticID, Severity, String, String?) -> Void) {
        var name: String { Self.name(of: record) }
        func check(_ field: String, _ value: (some OpenVocabulary)?) {
            if let value, !value.isKnown {
                problem(
                    .vocabularyUnknown,
                    .warning,
                    "\(name): \(field) '\(value.rawValue)' is not a known value",
                    field
                )
            }
        }
        switch record {
        case .meeting(let m):
            check("kind", m.kind)
            check("type", m.type)
            check("access", m.access)
            check("status", m.status)
            check("repetition", m.repetition)
        case .decision(let d):
            check("type", d.type)
            check("status", d.status)
        case .nationalPlan(let p):
            check("type", p.type)
        case .countryProfile(let p):
            check("entryIntoForceStatus", p.entryIntoForceStatus)
        default:
            break
        }
    }

    fileprivate static let earliest: Int64 = -2_208_988_800_000  // 1900-01-01
    fileprivate static let latest: Int64 = 4_102_444_800_000  // 2100-01-01

    /// Whether a text holds a C0 control character other than tab, line feed and carriage return.
    static func hasControlCharacters(_ text: String) -> Bool {
        func isControl(_ byte: UInt8) -> Bool { byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            let raw = UnsafeRawPointer(base)
            var offset = 0
            // Eight bytes at a time: the text of almost every value has no byte below 0x20, and is passed over at a
            // word a step.
            while offset + 8 <= bytes.count {
                if ByteWord.below(ByteWord.load(raw, at: offset), 0x20) != 0,
                    bytes[offset..<offset + 8].contains(where: isControl)
                {
                    return true
                }
                offset += 8
            }
            return bytes[offset...].contains(where: isControl)
        } ?? text.utf8.contains(where: isControl)
    }

    private static func title(of record: Record) -> (String, LocalizedText)? {
        switch record {
        case .meeting(let m): ("title", m.title)
        case .decision(let d): ("title", d.title)
        case .countryReport(let r): ("title", r.title)
        case .nationalPlan(let p): ("title", p.title)
        case .document(let d): ("title", d.title)
        case .site(let s): ("name", s.name)
        case .contact, .treaty, .countryProfile, .tradeRecord, .taxon: nil
        }
    }

    /// `.some(treaty)` for entities that require a treaty, `nil` for those that do not.
    private static func treaty(of record: Record) -> TreatyID?? {
        switch record {
        case .meeting(let m): .some(m.treaty)
        case .decision(let d): .some(d.treaty)
        case .countryReport(let r): .some(r.treaty)
        case .nationalPlan(let p): .some(p.treaty)
        case .site(let s): .some(s.treaty ?? s.type)
        case .countryProfile(let p): .some(p.treaty)
        case .contact(let c): .some(c.treaties.first)
        case .treaty, .document, .tradeRecord, .taxon: nil
        }
    }

    /// `.some(country)` for entities whose country the spec requires, `nil` for the others.
    private static func requiredCountry(of record: Record) -> CountryRef?? {
        switch record {
        case .meeting(let m): .some(m.country)
        case .contact(let c): .some(c.country)
        case .countryReport(let r): .some(r.country)
        case .nationalPlan(let p): .some(p.country)
        case .site(let s): .some(s.country)
        case .countryProfile(let p): .some(p.country)
        case .decision, .treaty, .document, .tradeRecord, .taxon: nil
        }
    }
}

/// The rules on each property value of a record (control characters, dates, files), as a visitor: plain text is
/// read in place, so that a record whose values are all fine costs no copies.
///
/// It holds nothing of the record: a problem keeps how to word its message, and the message is made with the
/// record's name once the visit is over (most records have no problem, and their name is never built).
private struct ValueRules: PropertyVisitor {
    /// A problem: its rule, and its message made from the record's name.
    struct Finding {
        let id: DiagnosticID
        let severity: Severity
        let field: String
        let message: (_ name: String) -> String
    }

    /// The problems found, in property order.
    var found: [Finding] = []

    private mutating func problem(
        _ id: DiagnosticID,
        _ severity: Severity,
        _ message: @escaping (_ name: String) -> String,
        _ field: String
    ) {
        found.append(Finding(id: id, severity: severity, field: field, message: message))
    }

    mutating func visit(_ name: String, string value: String) {
        if HarmonisedRules.hasControlCharacters(value) {
            problem(.controlCharacters, .warning, { "\($0): \(name) holds control characters" }, name)
        }
    }

    mutating func visit(_ property: Property) {
        switch property.value {
        case .string(let text):
            visit(property.name, string: text)
        case .text(let text):
            for (language, value) in text.pairs where HarmonisedRules.hasControlCharacters(value) {
                problem(
                    .controlCharacters,
                    .warning,
                    { "\($0): \(property.name) (\(language.code)) holds control characters" },
                    property.name
                )
            }
        case .date(let date):
            if date.epochMilliseconds == 0 {
                problem(
                    .dateEpochZero,
                    .warning,
                    { "\($0): \(property.name) is 1970-01-01, the Unix epoch" },
                    property.name
                )
            } else if !(HarmonisedRules.earliest...HarmonisedRules.latest).contains(date.epochMilliseconds) {
                problem(.dateImplausible, .warning, { "\($0): \(property.name) \(date) is implausible" }, property.name)
            }
        case .files(let files):
            for (index, file) in files.enumerated() {
                if file.url == nil {
                    problem(.fileURLMissing, .error, { "\($0): file \(index + 1) has no URL" }, "files/\(index)")
                }
                if file.language == nil {
                    problem(
                        .fileLanguageMissing,
                        .warning,
                        { "\($0): file \(index + 1) (\(file.filename ?? file.url ?? "?")) has no language" },
                        "files/\(index)"
                    )
                }
            }
        default:
            break
        }
    }
}
