public import MEABridgeCore
import MEABridgeFormatSupport
import MEABridgeJSON
import OrderedCollections

/// Reads CBD "KM documents" (CHM, BCH, ABSCH, ORT) into canonical records.
///
/// Accepts a bare schema document (`{header, government, …}`), the stored-record wrapper of
/// `/api/v2013/documents/{uid}` (`{identifier, submittedOn, updatedOn, body: {…}}`), and arrays of either. The
/// schemas mapped are `nationalReport6`, `nationalReport7` and other national reports (CountryReport), `nbsap`,
/// `nationalTarget`, `nationalTarget7` (NationalPlan), `focalPoint` and `contact` (Contact), `meeting`, `decision`
/// and `biosafetyDecision` (Decision), and `absPermit` (Document). Every member of a report or plan that has no
/// canonical field is kept as a ``ReportAnswer`` with its section path, the target it reports on and the GBF, Aichi
/// or SDG targets it links to; for the other entities such members stay in the extras. Documented drifts are
/// accepted: `amendmentIntent` as an integer, identifiers that are not hexadecimal GUIDs, misspelled keys.
public struct CBDKMJSONReader: RecordReader {
    /// `cbd-km-json`.
    public static let format = FormatDescriptor(
        id: "cbd-km-json",
        summary: "CBD clearing-house KM documents (CHM, BCH, ABSCH, ORT): stored records or bare schema documents",
        fileExtensions: ["json"]
    )

    /// The CBD KM schemas are checked by their own JSON Schemas only when asked (`--schema`).
    public static let defaultSchema: String? = nil

    private let options: ReadOptions

    /// Creates a reader.
    /// - Parameter options: The read options.
    public init(options: ReadOptions) { self.options = options }

    /// Certain for a document with a `header` naming a `schema` and a `government` or `identifier`; no otherwise.
    /// - Parameter input: The first bytes and the name.
    /// - Returns: The confidence.
    public static func sniff(_ input: SniffInput) -> SniffConfidence {
        guard let first = input.trimmedPrefix.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
            return .no
        }
        if input.contains("\"header\""), input.contains("\"schema\"") { return .certain }
        if input.contains("\"body\""), input.contains("\"metadata\""), input.contains("\"schema\"") { return .likely }
        return .no
    }

    /// Reads every document of the input.
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
        let mapper = CBDDocumentMapper(sourceName: options.sourceName)
        do {
            if try parser.peekKind() == .beginArray {
                _ = try parser.next()
                var index = 0
                while let kind = try parser.peekKind(), kind != .endArray {
                    let value = try parser.readValue()
                    if let record = mapper.record(from: value, pointer: "/\(index)", report: report) {
                        try emit(record)
                    }
                    index += 1
                }
                _ = try parser.next()
            } else {
                let value = try parser.readValue()
                if let record = mapper.record(from: value, pointer: "", report: report) { try emit(record) }
            }
            while try parser.next() != nil {}
        } catch let error as JSONError {
            report(error.diagnostic(source: options.sourceName))
        }
    }
}

/// Maps one KM document (bare or wrapped) to a record.
struct CBDDocumentMapper {
    let sourceName: String

    /// What a schema becomes.
    enum Target {
        case report(TreatyID)
        case plan(NationalPlanType?)
        case contact
        case meeting
        case decision(TreatyID, DecisionType?)
        case document(TreatyID)
    }

    static func target(of schema: String) -> Target? {
        switch schema.lowercased() {
        case "nationalreport", "nationalreport6", "nationalreport7": .report("cbd")
        case let name where name.hasPrefix("cpbnationalreport"): .report("cartagena")
        case let name where name.hasPrefix("absnationalreport"): .report("nagoya")
        case "nbsap": .plan(.nbsap)
        case "nationaltarget", "nationaltarget7": .plan(nil)
        case "focalpoint", "contact", "authority": .contact
        case "meeting": .meeting
        case "decision", "recommendation":
            .decision("cbd", schema.lowercased() == "decision" ? .decision : .recommendation)
        case "biosafetydecision": .decision("cartagena", .other("biosafetyDecision"))
        case "abspermit": .document("nagoya")
        default: nil
        }
    }

    /// Schemas whose documents belong to a government.
    static func isNational(_ target: Target) -> Bool {
        switch target {
        case .report, .plan, .document: true
        case .decision(let treaty, _): treaty == "cartagena"
        case .contact, .meeting: false
        }
    }

    func location(_ value: JSONValue, _ path: String) -> SourceLocation {
        SourceLocation(
            source: sourceName,
            line: value.position.line,
            column: value.position.column,
            byteOffset: value.position.offset,
            path: path
        )
    }

    func record(from value: JSONValue, pointer: String, report: (Diagnostic) -> Void) -> Record? {
        withoutActuallyEscaping(report) { report in map(value, pointer: pointer, report: report) }
    }

    private func map(_ value: JSONValue, pointer: String, report: @escaping (Diagnostic) -> Void) -> Record? {
        guard let outer = value.objectValue else {
            report(
                Diagnostic(
                    id: .cbdNotADocument,
                    severity: .error,
                    message: "expected a CBD document object, found \(value.typeName)",
                    location: location(value, pointer)
                )
            )
            return nil
        }
        // The stored-record wrapper carries the schema document in `body`.
        var wrapper: JSONFields?
        var document = value
        var docPointer = pointer
        if let body = outer.first(where: { $0.key == "body" }), body.value.objectValue != nil {
            wrapper = JSONFields(members: outer, pointer: pointer, sourceName: sourceName)
            document = body.value
            docPointer = pointer + "/body"
        }
        guard let members = document.objectValue, let header = document["header"], header.objectValue != nil else {
            report(
                Diagnostic(
                    id: .cbdNotADocument,
                    severity: .error,
                    message: "not a CBD KM document: no `header` object (nor a stored record with a `body`)",
                    location: location(document, docPointer)
                )
            )
            return nil
        }
        let headerPath = docPointer + "/header"
        guard let schemaValue = header["schema"], let schema = schemaValue.stringValue,
            let target = Self.target(of: schema)
        else {
            let found = header["schema"]
            report(
                Diagnostic(
                    id: .cbdUnknownSchema,
                    severity: .error,
                    message: found?.stringValue.map { "unknown CBD schema '\($0)'; document skipped" }
                        ?? "the document header has no schema; document skipped",
                    location: location(found ?? header, headerPath + (found == nil ? "" : "/schema"))
                )
            )
            return nil
        }
        var fields = JSONFields(members: members, pointer: docPointer, sourceName: sourceName)
        fields.ignore(["header"])
        let id =
            header["identifier"]?.stringValue ?? wrapper?.members.first(where: { $0.key == "identifier" })?.value
            .stringValue ?? ""
        if id.isEmpty {
            report(
                Diagnostic(
                    id: .missingID,
                    severity: .error,
                    message: "the \(schema) document has no header.identifier",
                    location: location(header, headerPath)
                )
            )
        }
        var context = Context(mapper: self, report: report)
        let country = context.government(
            &fields,
            national: Self.isNational(target),
            schema: schema,
            at: document,
            path: docPointer
        )
        let submitted = wrapper.flatMap { context.wrapperDate($0, "submittedOn") }
        let updated = wrapper.flatMap { context.wrapperDate($0, "updatedOn") }
        var record: Record
        switch target {
        case .report(let treaty):
            var r = CountryReport(id: id)
            r.treaty = treaty
            r.country = country
            r.title = context.lstring(&fields, "title")
            r.submission = submitted
            r.updated = updated
            r.files = context.links(&fields, "relevantDocuments", "additionalDocuments", "documents")
            r.answers = context.answers(&fields)
            r.goals = context.goals
            record = .countryReport(r)
        case .plan(let type):
            var p = NationalPlan(id: id)
            p.treaty = "cbd"
            p.country = country
            p.type = type
            p.title = context.lstring(&fields, "title")
            p.submission = submitted
            p.updated = updated
            p.files = context.links(&fields, "relevantDocuments", "additionalDocuments", "documents")
            p.answers = context.answers(&fields)
            p.goals = context.goals
            record = .nationalPlan(p)
        case .contact:
            var c = Contact(id: id)
            c.treaties = ["cbd"]
            c.country = country
            c.prefix = context.plain(&fields, "prefix")
            c.firstName = context.plain(&fields, "firstName")
            c.lastName = context.plain(&fields, "lastName")
            c.position = context.plain(&fields, "designation", "function", "jobTitle")
            c.institution = context.plain(&fields, "organization", "organisation", "institution")
            c.department = context.plain(&fields, "department")
            c.address = context.plain(&fields, "address")
            c.email = context.firstString(&fields, "emails", "email")
            c.phone = context.firstString(&fields, "phones", "telephone", "phone")
            c.fax = context.firstString(&fields, "faxes", "fax")
            c.updated = updated
            record = .contact(c)
        case .meeting:
            var m = Meeting(id: id)
            m.treaty = "cbd"
            m.title = context.lstring(&fields, "title")
            m.description = context.lstring(&fields, "description")
            m.start = fields.date("startDate", "start", report: report)
            m.end = fields.date("endDate", "end", report: report)
            m.city = context.plain(&fields, "city", "eventCity")
            m.country = context.countryTerm(&fields, "country", "eventCountry")
            m.url = context.firstLink(&fields, "url", "urls", "website")
            m.updated = updated
            record = .meeting(m)
        case .decision(let treaty, let type):
            var d = Decision(id: id)
            d.treaty = treaty
            d.type = type
            d.title = context.lstring(&fields, "title")
            d.summary = context.lstring(&fields, "summary", "description")
            d.number = fields.string("code", "symbol", "number", report: report)
            d.published = fields.date("date", "decisionDate", report: report)
            d.updated = updated
            d.files = context.links(&fields, "documents", "relevantDocuments")
            record = .decision(d)
        case .document(let treaty):
            var d = Document(id: id)
            d.treaty = treaty
            d.country = country
            d.title = context.lstring(&fields, "title")
            d.description = context.lstring(&fields, "amendmentDescription", "description")
            d.published = fields.date("dateOfIssuance", "date", report: report)
            d.updated = updated
            d.types = [schema]
            d.files = context.links(&fields, "specimens", "taxonomies", "documents")
            record = .document(d)
        }
        var extras = context.normalisedExtras(fields.extras())
        extras["schema"] = .string(schema)
        if let wrapper {
            for key in ["documentID", "revision", "realm", "type"] {
                if let member = wrapper.members.first(where: { $0.key == key }) {
                    extras["record." + key] = ExtraValue(member.value)
                }
            }
        }
        if case .decision = record, let country { extras["government"] = .string(country.description) }
        if !context.goals.isEmpty, case .meeting = record {
        } else if !context.goals.isEmpty {
            switch record {
            case .decision(var d):
                d.goals = context.goals
                record = .decision(d)
            case .document(var d):
                d.goals = context.goals
                record = .document(d)
            default: break
            }
        }
        record.extras = extras
        record.source = location(document, docPointer)
        return record
    }
}

/// The state of mapping one document: the diagnostics sink and the goals collected along the way.
struct Context {
    let mapper: CBDDocumentMapper
    let report: (Diagnostic) -> Void
    var goals: [GoalRef] = []

    init(mapper: CBDDocumentMapper, report: @escaping (Diagnostic) -> Void) {
        self.mapper = mapper
        self.report = report
    }

    mutating func note(_ goal: GoalRef) {
        if !goals.contains(where: { $0.framework == goal.framework && $0.code == goal.code }) { goals.append(goal) }
    }

    func government(
        _ fields: inout JSONFields,
        national: Bool,
        schema: String,
        at document: JSONValue,
        path: String
    ) -> CountryRef? {
        guard let member = fields.take(["government"]) else {
            if national {
                report(
                    Diagnostic(
                        id: .cbdMissingGovernment,
                        severity: .error,
                        message: "the \(schema) document has no government; a national record needs its country",
                        location: mapper.location(document, path)
                    )
                )
            }
            return nil
        }
        let memberPath = path + "/government"
        guard let code = identifier(member.value, path: memberPath) else { return nil }
        guard let country = CountryRef(parsing: code), country.isResolved else {
            report(
                Diagnostic(
                    id: .unknownCountry,
                    severity: .warning,
                    message: "government '\(code)' is not an ISO 3166-1 country code",
                    location: mapper.location(member.value, memberPath)
                )
            )
            return CountryRef(parsing: code)
        }
        return country
    }

    /// The `identifier` of a Term or Reference object; reports any other shape.
    func identifier(_ value: JSONValue, path: String) -> String? {
        if let identifier = value["identifier"]?.stringValue, !identifier.isEmpty { return identifier }
        report(
            Diagnostic(
                id: .cbdInvalidReference,
                severity: .error,
                message: "expected a Term or Reference object {\"identifier\": …}, found \(value.typeName)"
                    + (value.objectValue != nil ? " without an identifier" : ""),
                location: mapper.location(value, path)
            )
        )
        return nil
    }

    func wrapperDate(_ wrapper: JSONFields, _ key: String) -> DateValue? {
        guard let text = wrapper.members.first(where: { $0.key == key })?.value.stringValue else { return nil }
        return DateValue(parsing: text)
    }

    /// An lstring member: an object of locale → string (HTML kept as sent).
    mutating func lstring(_ fields: inout JSONFields, _ names: String...) -> LocalizedText {
        guard let member = fields.take(names) else { return LocalizedText() }
        return lstring(member.value, path: JSONPointer.appending(fields.pointer, member.key)) ?? LocalizedText()
    }

    func lstring(_ value: JSONValue, path: String) -> LocalizedText? {
        if value.isNull { return LocalizedText() }
        guard let entries = value.objectValue else {
            report(
                Diagnostic(
                    id: .cbdInvalidLString,
                    severity: .error,
                    message: "expected an lstring object keyed by locale ({\"en\": …}), found \(value.typeName)",
                    location: mapper.location(value, path)
                )
            )
            if let text = value.stringValue { return [.undetermined: text] }
            return nil
        }
        var text = LocalizedText()
        for entry in entries {
            let entryPath = JSONPointer.appending(path, entry.key)
            guard let string = entry.value.stringValue else {
                if !entry.value.isNull {
                    report(
                        Diagnostic(
                            id: .cbdInvalidLString,
                            severity: .error,
                            message: "lstring value for '\(entry.key)' is \(entry.value.typeName), not a string",
                            location: mapper.location(entry.value, entryPath)
                        )
                    )
                }
                continue
            }
            let language = LanguageCode(parsing: entry.key)
            if !language.isRecognized {
                report(
                    Diagnostic(
                        id: .unknownLanguage,
                        severity: .warning,
                        message: "lstring locale '\(entry.key)' is not an ISO 639 language code",
                        location: mapper.location(entry.value, entryPath)
                    )
                )
            }
            text.set(string, for: language)
        }
        return text
    }

    /// Whether a value looks like an lstring: an object whose keys are all short locale codes with string values.
    static func isLString(_ value: JSONValue) -> Bool {
        guard let entries = value.objectValue, !entries.isEmpty else { return false }
        return entries.allSatisfy {
            $0.key.count <= 7 && $0.key.count >= 2 && ($0.value.stringValue != nil || $0.value.isNull)
                && $0.key.allSatisfy { $0.isLetter || $0 == "-" }
        }
    }

    /// Whether a value is a Term or Reference object (`identifier`, optionally `customValue`).
    static func isTerm(_ value: JSONValue) -> Bool {
        guard let entries = value.objectValue, entries.contains(where: { $0.key == "identifier" }) else { return false }
        return entries.allSatisfy { ["identifier", "customValue", "degreeOfAlignment"].contains($0.key) }
    }

    /// A plain-text member: a string, or the English (else first) value of an lstring.
    mutating func plain(_ fields: inout JSONFields, _ names: String...) -> String? {
        guard let member = fields.take(names) else { return nil }
        if let text = member.value.stringValue { return text }
        let path = JSONPointer.appending(fields.pointer, member.key)
        return lstring(member.value, path: path)?.preferred?.value
    }

    /// The first string of a string or an array of strings.
    mutating func firstString(_ fields: inout JSONFields, _ names: String...) -> String? {
        guard let member = fields.take(names) else { return nil }
        if let text = member.value.stringValue { return text }
        return member.value.arrayValue?.lazy.compactMap(\.stringValue).first
    }

    /// A country given as a Term (`{"identifier": "ca"}`) or a plain code.
    mutating func countryTerm(_ fields: inout JSONFields, _ names: String...) -> CountryRef? {
        guard let member = fields.take(names) else { return nil }
        let code = member.value.stringValue ?? member.value["identifier"]?.stringValue
        return code.flatMap(CountryRef.init(parsing:))
    }

    /// The URL of the first Link (or string) of a member.
    mutating func firstLink(_ fields: inout JSONFields, _ names: String...) -> String? {
        guard let member = fields.take(names) else { return nil }
        if let url = member.value.stringValue { return url }
        if let url = member.value["url"]?.stringValue { return url }
        return member.value.arrayValue?.lazy.compactMap { $0.stringValue ?? $0["url"]?.stringValue }.first
    }

    /// Links (`{url, name, language?}`) of several members, as files.
    mutating func links(_ fields: inout JSONFields, _ names: String...) -> [FileRef] {
        var files: [FileRef] = []
        for name in names {
            guard let member = fields.take([name]) else { continue }
            let path = JSONPointer.appending(fields.pointer, member.key)
            let items = member.value.arrayValue ?? [member.value]
            for (index, item) in items.enumerated() {
                guard let url = item["url"]?.stringValue else {
                    if !item.isNull {
                        report(
                            Diagnostic(
                                id: .wrongType,
                                severity: .warning,
                                message: "expected a Link object {\"url\": …}, found \(item.typeName); dropped",
                                location: mapper.location(item, JSONPointer.appending(path, index))
                            )
                        )
                    }
                    continue
                }
                files.append(
                    FileRef(
                        url: url,
                        language: item["language"]?.stringValue.map(LanguageCode.init(parsing:)),
                        filename: item["name"]?.stringValue
                    )
                )
            }
        }
        return files
    }

    /// Every member not mapped to a canonical field, as structured answers (sections recursed into).
    mutating func answers(_ fields: inout JSONFields) -> [ReportAnswer] {
        var answers: [ReportAnswer] = []
        let unused = Set(fields.extras().keys)
        for member in fields.members where unused.contains(member.key) {
            collect(
                member.value,
                key: member.key,
                section: [],
                target: nil,
                path: JSONPointer.appending(fields.pointer, member.key),
                into: &answers
            )
        }
        fields.ignore(fields.members.map(\.key))
        return answers
    }

    private static let targetKeys = ["target", "gbfGoal", "nationalTarget", "aichiTarget", "globalTarget"]

    private mutating func collect(
        _ value: JSONValue,
        key: String,
        section: [String],
        target: String?,
        path: String,
        into answers: inout [ReportAnswer]
    ) {
        var answer = ReportAnswer(section: section, question: key, target: target)
        switch value.kind {
        case .null:
            return
        case .string(let text):
            answer.answer = [.undetermined: text]
        case .bool(let flag):
            answer.values = [flag ? "true" : "false"]
        case .number(let lexeme):
            answer.values = [lexeme]
        case .object(let members):
            if Self.isLString(value) {
                answer.answer = lstring(value, path: path) ?? LocalizedText()
            } else if Self.isTerm(value) {
                termValue(value, path: path, into: &answer)
            } else {
                let inner = Self.target(in: value) ?? target
                for member in members where !Self.targetKeys.contains(member.key) || inner == nil {
                    collect(
                        member.value,
                        key: member.key,
                        section: section + [key],
                        target: inner,
                        path: JSONPointer.appending(path, member.key),
                        into: &answers
                    )
                }
                if let inner, inner != target, let goal = CBDGoals.goal(inner) { note(goal) }
                return
            }
        case .array(let items):
            if items.allSatisfy({ Self.isTerm($0) || $0.stringValue != nil }) {
                for (index, item) in items.enumerated() {
                    if let text = item.stringValue {
                        answer.values.append(text)
                    } else {
                        termValue(item, path: JSONPointer.appending(path, index), into: &answer)
                    }
                }
            } else {
                for (index, item) in items.enumerated() {
                    collect(
                        item,
                        key: "\(key)[\(index)]",
                        section: section,
                        target: Self.target(in: item) ?? target,
                        path: JSONPointer.appending(path, index),
                        into: &answers
                    )
                }
                return
            }
        }
        if let target, let goal = CBDGoals.goal(target) {
            answer.goals.append(goal)
            note(goal)
        }
        if answer.answer.isEmpty && answer.values.isEmpty { return }
        answers.append(answer)
    }

    /// The target an item reports on: its `target`, `gbfGoal`, `nationalTarget` or `aichiTarget` term.
    private static func target(in value: JSONValue) -> String? {
        for key in targetKeys {
            if let term = value[key] {
                if let identifier = term["identifier"]?.stringValue ?? term.stringValue { return identifier }
            }
        }
        return nil
    }

    private mutating func termValue(_ value: JSONValue, path: String, into answer: inout ReportAnswer) {
        guard let identifier = value["identifier"]?.stringValue else { return }
        answer.values.append(identifier)
        if let goal = CBDGoals.goal(identifier) {
            if !answer.goals.contains(goal) { answer.goals.append(goal) }
            note(goal)
        }
        if let custom = value["customValue"], let text = lstring(custom, path: path + "/customValue") {
            for (language, string) in text.pairs where answer.answer[language] == nil {
                answer.answer.set(string, for: language)
            }
        }
    }

    /// Extras with the documented drifts normalised: `amendmentIntent` 0/1/2 → New/Update/Revoke.
    func normalisedExtras(_ extras: Extras) -> Extras {
        var result = extras
        if case .number(let lexeme) = extras["amendmentIntent"] {
            let names = ["0": "New", "1": "Update", "2": "Revoke"]
            if let name = names[lexeme] { result["amendmentIntent"] = .string(name) }
        }
        return result
    }
}
