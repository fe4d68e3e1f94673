public import MEABridgeCore
import MEABridgeJSON
import OrderedCollections

extension DiagnosticID {
    /// `documentLinks_s` of a CBD Solr document is not the JSON array it should hold.
    public static let cbdSolrLinksInvalid: DiagnosticID = "cbd.solr-links-invalid"
}

/// Reads CBD Solr index responses (`/api/v2013/index/select`): `{response: {numFound, start, docs: […]}}`.
///
/// Documents of schema `decision`, `meeting`, `nationalReport`/`nationalReport6`/`nationalReport7` and `focalPoint`
/// become Decision, Meeting, CountryReport and Contact records. The typed suffixes are read as such (`_s`, `_ss`,
/// `_t`, `_dt`, `_i`, `_b`); translated titles (`title_FR_t`) join the English one unless they only repeat it;
/// `documentLinks_s`, a JSON array serialised in a string, is parsed again, the language of each file guessed from a
/// `-xx.ext` suffix; UN treaty codes `XXVII8`, `XXVII8a`, `XXVII8b` become `cbd`, `cartagena`, `nagoya`. Documents
/// of other schemas are reported (`cbd.schema-unknown`, a warning) and skipped; fields without a canonical place stay
/// in the extras.
public struct CBDSolrJSONReader: RecordReader {
    /// `cbd-solr-json`.
    public static let format = FormatDescriptor(
        id: "cbd-solr-json",
        summary: "CBD Solr index responses (response.docs[]): decisions, meetings, national reports, focal points",
        fileExtensions: ["json"]
    )

    /// No schema is bundled for the Solr responses.
    public static let defaultSchema: String? = nil

    private let options: ReadOptions

    /// Creates a reader.
    /// - Parameter options: The read options.
    public init(options: ReadOptions) { self.options = options }

    /// Certain for a Solr response whose documents carry `schema_s`; no otherwise.
    /// - Parameter input: The first bytes and the name.
    /// - Returns: The confidence.
    public static func sniff(_ input: SniffInput) -> SniffConfidence {
        guard input.trimmedPrefix.first == UInt8(ascii: "{") else { return .no }
        if input.contains("\"response\""), input.contains("\"docs\""), input.contains("\"schema_s\"") {
            return .certain
        }
        return input.contains("\"schema_s\"") && input.contains("\"docs\"") ? .likely : .no
    }

    /// Reads the response, one document at a time.
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - emit: Receives each record.
    ///   - report: Receives each diagnostic.
    /// - Throws: What `emit` throws.
    public mutating func read(
        from source: some ByteSource,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        var parser = JSONPullParser(source: source)
        do {
            let value = try parser.readValue()
            while try parser.next() != nil {}
            let docs: [JSONValue]
            let base: String
            if let inner = value["response"]?["docs"]?.arrayValue {
                docs = inner
                base = "/response/docs"
            } else if let inner = value["docs"]?.arrayValue {
                docs = inner
                base = "/docs"
            } else if let inner = value.arrayValue {
                docs = inner
                base = ""
            } else {
                report(
                    Diagnostic(
                        id: .noRecords,
                        severity: .error,
                        message: "expected a Solr response {response: {docs: […]}}",
                        location: location(value, "")
                    )
                )
                return
            }
            for (index, doc) in docs.enumerated() {
                if let record = record(doc, path: base + "/\(index)", report: report) { try emit(record) }
            }
        } catch let error as JSONError {
            report(error.diagnostic(source: options.sourceName))
        }
    }

    private func location(_ value: JSONValue, _ path: String) -> SourceLocation {
        SourceLocation(
            source: options.sourceName,
            line: value.position.line,
            column: value.position.column,
            byteOffset: value.position.offset,
            path: path
        )
    }

    /// The treaty of a UN Treaty Collection code: `XXVII8` CBD, `XXVII8a` Cartagena, `XXVII8b` Nagoya.
    /// - Parameter unCode: The code, in any case.
    /// - Returns: The treaty, or `nil` for another code.
    public static func treaty(unCode: String) -> TreatyID? {
        switch unCode.uppercased() {
        case "XXVII8": "cbd"
        case "XXVII8A": "cartagena"
        case "XXVII8B": "nagoya"
        default: nil
        }
    }

    /// The language of a file from a `-xx.ext` suffix of its URL (`…-fr.pdf`).
    /// - Parameter url: The file's URL.
    /// - Returns: The language, or `nil` without a recognised suffix.
    public static func language(ofURL url: String) -> LanguageCode? {
        guard let dot = url.lastIndex(of: "."), let dash = url[..<dot].lastIndex(of: "-") else { return nil }
        let code = url[url.index(after: dash)..<dot].lowercased()
        guard code.count == 2 else { return nil }
        let language = LanguageCode(parsing: code)
        return language.isRecognized ? language : nil
    }

    private func record(_ doc: JSONValue, path: String, report: (Diagnostic) -> Void) -> Record? {
        guard let members = doc.objectValue else {
            report(
                Diagnostic(
                    id: .notAnObject,
                    severity: .error,
                    message: "a Solr document must be an object, found \(doc.typeName)",
                    location: location(doc, path)
                )
            )
            return nil
        }
        var used: Set<String> = ["_version_", "schema_s"]
        func take(_ key: String) -> JSONValue? {
            guard let value = doc[key], !value.isNull else { return nil }
            used.insert(key)
            return value
        }
        func string(_ keys: String...) -> String? {
            for key in keys {
                if let value = take(key) {
                    if let text = value.stringValue ?? value.numberLexeme { return text }
                    if let first = value.arrayValue?.first?.stringValue { return first }
                }
            }
            return nil
        }
        func strings(_ key: String) -> [String] {
            guard let value = take(key) else { return [] }
            if let text = value.stringValue { return [text] }
            return value.arrayValue?.compactMap(\.stringValue) ?? []
        }
        func date(_ key: String) -> DateValue? { string(key).flatMap(DateValue.init(parsing:)) }
        func text(_ base: String) -> LocalizedText {
            var text = LocalizedText()
            if let english = string(base + "_EN_t", base + "_t", base + "_s") { text.set(english, for: .english) }
            for code in ["AR", "ES", "FR", "RU", "ZH"] {
                for suffix in ["_t", "_s"] {
                    guard let value = string(base + "_" + code + suffix) else { continue }
                    // The SCBD mapper repeats English where there is no translation.
                    if value != text.english { text.set(value, for: LanguageCode(parsing: code)) }
                }
            }
            return text
        }
        guard let schema = doc["schema_s"]?.stringValue else {
            report(
                Diagnostic(
                    id: .cbdUnknownSchema,
                    severity: .warning,
                    message: "Solr document without schema_s; skipped",
                    location: location(doc, path)
                )
            )
            return nil
        }
        let id = string("identifier_s") ?? string("id") ?? ""
        _ = take("id")
        let country = string("government_s").flatMap(CountryRef.init(parsing:))
        used.insert("government_EN_t")
        var record: Record
        switch schema.lowercased() {
        case "decision":
            var d = Decision(id: id)
            d.treaty = string("treaty_s").flatMap(Self.treaty(unCode:)) ?? "cbd"
            d.type = .decision
            d.title = text("title")
            d.summary = text("summary")
            d.number = string("code_s", "symbol_s")
            d.meetingId = string("eventId_s")
            d.meetingTitle = string("eventTitle_s", "eventTitle_t")
            d.displayOrder = take("position_i")?.int64Value.map(Int.init)
            d.published = date("createdDate_dt")
            d.updated = date("updatedDate_dt")
            for code in ["ar", "en", "es", "fr", "ru", "zh"] {
                if let url = string("file_\(code)_s") {
                    d.files.append(FileRef(url: url, language: LanguageCode(parsing: code)))
                }
            }
            for (key, framework) in [
                ("dttAichiTarget_ss", GoalRef.Framework.aichi), ("dttGbfGoal_ss", .gbf), ("dttGbfTarget_ss", .gbf),
            ] {
                for value in strings(key) {
                    d.goals.append(CBDGoals.goal(value) ?? GoalRef(framework: framework, code: value))
                }
            }
            record = .decision(d)
        case "meeting":
            var m = Meeting(id: id)
            m.title = text("title")
            m.start = date("startDate_dt")
            m.end = date("endDate_dt")
            m.city = string("eventCity_EN_t", "eventCity_t")
            m.location = string("eventVenue_EN_t", "eventVenue_t")
            m.country = string("eventCountry_s").flatMap(CountryRef.init(parsing:))
            m.url = strings("url_ss").first
            m.updated = date("updatedDate_dt")
            // The treaty is inferred from the themes and the date (convention-formats.md §2.4).
            let themes = strings("themes_ss")
            let start = m.start?.iso8601 ?? ""
            if themes.contains("CBD-SUBJECT-ABS"), start > "2014-10-12" {
                m.treaty = "nagoya"
            } else if themes.contains("CBD-SUBJECT-CPB"), start > "2003-09-11" {
                m.treaty = "cartagena"
            } else {
                m.treaty = "cbd"
            }
            if !themes.isEmpty { m.extras["themes"] = .array(themes.map { .string($0) }) }
            record = .meeting(m)
        case "nationalreport", "nationalreport6", "nationalreport7":
            var r = CountryReport(id: id)
            r.treaty = "cbd"
            r.country = country
            r.title = text("title")
            r.submission = date("createdDate_dt")
            r.updated = date("updatedDate_dt")
            r.url = strings("url_ss").first
            if let links = take("documentLinks_s") {
                r.files = files(links, path: JSONPointer.appending(path, "documentLinks_s"), report: report)
            }
            record = .countryReport(r)
        case "focalpoint":
            var c = Contact(id: id)
            c.treaties = ["cbd"]
            c.country = country
            c.firstName = string("firstName_s")
            c.lastName = string("lastName_s")
            c.position = string("function_EN_t", "function_t")
            c.institution = string("organization_EN_t", "organization_t")
            c.department = string("department_EN_t", "department_t")
            c.email = strings("email_ss").first
            c.phone = string("telephone_s")
            c.fax = strings("fax_ss").first
            let categories = strings("ctgList_ss")
            if !categories.isEmpty { c.roles = [ContactRole(treaty: "cbd", roles: categories)] }
            c.updated = date("updatedDate_dt")
            if c.firstName == nil, c.lastName == nil, let name = text("title").english {
                c.extras["name"] = .string(name)
            }
            record = .contact(c)
        default:
            report(
                Diagnostic(
                    id: .cbdUnknownSchema,
                    severity: .warning,
                    message: "Solr document of schema '\(schema)' is not mapped; skipped",
                    location: location(doc["schema_s"] ?? doc, JSONPointer.appending(path, "schema_s"))
                )
            )
            return nil
        }
        var extras = record.extras
        extras["schema"] = .string(schema)
        for member in members where !used.contains(member.key) {
            if member.key.hasPrefix("title_") || member.key.hasPrefix("summary_") { continue }
            extras[member.key] = extraValue(member.value)
        }
        record.extras = extras
        record.source = location(doc, path)
        return record
    }

    /// `documentLinks_s`: a JSON array of `{url, name?}` serialised into a string.
    private func files(_ value: JSONValue, path: String, report: (Diagnostic) -> Void) -> [FileRef] {
        var items: [JSONValue] = []
        if let serialised = value.stringValue {
            var inner = JSONPullParser(source: MemoryByteSource(serialised))
            if let parsed = try? inner.readValue(), let array = parsed.arrayValue {
                items = array
            } else {
                report(
                    Diagnostic(
                        id: .cbdSolrLinksInvalid,
                        severity: .warning,
                        message: "documentLinks_s does not hold a JSON array of links; ignored",
                        location: location(value, path)
                    )
                )
            }
        } else if let array = value.arrayValue {
            items = array
        }
        return items.compactMap { item in
            guard let url = item["url"]?.stringValue ?? item.stringValue else { return nil }
            return FileRef(url: url, language: Self.language(ofURL: url), filename: item["name"]?.stringValue)
        }
    }

    private func extraValue(_ value: JSONValue) -> ExtraValue {
        switch value.kind {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let lexeme): .number(lexeme)
        case .string(let text): .string(text)
        case .array(let items): .array(items.map(extraValue))
        case .object(let members):
            .object(OrderedDictionary(members.map { ($0.key, extraValue($0.value)) }, uniquingKeysWith: { a, _ in a }))
        }
    }
}
