public import MEABridgeCore
public import MEABridgeJSON
import OrderedCollections

/// Looks up the members of one JSON object by name (ASCII case-insensitive, with aliases), converts them to model
/// values with a diagnostic at the exact member when a value does not fit, and remembers which members were used so
/// the rest can be kept as `extras`.
package struct JSONFields {
    package let members: [JSONMember]
    package let pointer: String
    package let sourceName: String
    private(set) var used: [Bool]

    package init(members: [JSONMember], pointer: String, sourceName: String) {
        self.members = members
        self.pointer = pointer
        self.sourceName = sourceName
        self.used = Array(repeating: false, count: members.count)
    }

    /// The first member whose key matches one of `names`, case-insensitively; marks it used.
    package mutating func take(_ names: [String]) -> JSONMember? {
        for name in names {
            for index in members.indices where !used[index] && Self.sameKey(members[index].key, name) {
                used[index] = true
                return members[index]
            }
        }
        return nil
    }

    /// Marks every member with one of these names used without reading it.
    package mutating func ignore(_ names: [String]) {
        for index in members.indices where names.contains(where: { Self.sameKey(members[index].key, $0) }) {
            used[index] = true
        }
    }

    package func location(of member: JSONMember) -> SourceLocation {
        SourceLocation(
            source: sourceName,
            line: member.value.position.line,
            column: member.value.position.column,
            byteOffset: member.value.position.offset,
            path: JSONPointer.appending(pointer, member.key)
        )
    }

    package func location(of value: JSONValue, path: String) -> SourceLocation {
        SourceLocation(
            source: sourceName,
            line: value.position.line,
            column: value.position.column,
            byteOffset: value.position.offset,
            path: path
        )
    }

    package static func sameKey(_ a: String, _ b: String) -> Bool {
        let x = a.utf8
        let y = b.utf8
        guard x.count == y.count else { return false }
        return zip(x, y).allSatisfy { l, r in l == r || (l | 0x20 == r | 0x20 && (l | 0x20) >= 97 && (l | 0x20) <= 122)
        }
    }

    // MARK: Scalars

    /// A string value; numbers and booleans are taken as their text, null and empty strings as absent.
    package mutating func string(_ names: String..., report: (Diagnostic) -> Void) -> String? {
        guard let member = take(names) else { return nil }
        return scalarText(member.value, path: JSONPointer.appending(pointer, member.key), report: report)
    }

    package func scalarText(_ value: JSONValue, path: String, report: (Diagnostic) -> Void) -> String? {
        switch value.kind {
        case .null: return nil
        case .string(let text): return text.isEmpty ? nil : text
        case .number(let lexeme): return lexeme
        case .bool(let flag): return flag ? "true" : "false"
        case .array, .object:
            report(wrongType(value, expected: "a string", path: path))
            return nil
        }
    }

    package func wrongType(_ value: JSONValue, expected: String, path: String) -> Diagnostic {
        Diagnostic(
            id: .wrongType,
            severity: .warning,
            message: "expected \(expected), found \(value.typeName); value ignored",
            location: location(of: value, path: path)
        )
    }

    package mutating func integer(_ names: String..., report: (Diagnostic) -> Void) -> Int? {
        guard let member = take(names) else { return nil }
        switch member.value.kind {
        case .null: return nil
        case .number(let lexeme):
            if let value = Int(lexeme) { return value }
            if let value = Double(lexeme), value == value.rounded(), abs(value) < 9e15 { return Int(value) }
        case .string(let text):
            let trimmed = text.trimmingWhitespace()
            if trimmed.isEmpty { return nil }
            if let value = Int(trimmed) { return value }
        default:
            report(wrongType(member.value, expected: "an integer", path: JSONPointer.appending(pointer, member.key)))
            return nil
        }
        report(
            Diagnostic(
                id: .invalidNumber,
                severity: .warning,
                message: "'\(member.value.stringValue ?? member.value.numberLexeme ?? "")' is not an integer; "
                    + "value ignored",
                location: location(of: member)
            )
        )
        return nil
    }

    package mutating func int64(_ names: String..., report: (Diagnostic) -> Void) -> Int64? {
        guard let member = take(names) else { return nil }
        switch member.value.kind {
        case .null: return nil
        case .number(let lexeme): if let value = Int64(lexeme) { return value }
        case .string(let text):
            let trimmed = text.trimmingWhitespace()
            if trimmed.isEmpty { return nil }
            if let value = Int64(trimmed) { return value }
        default: break
        }
        report(
            Diagnostic(
                id: .invalidNumber,
                severity: .warning,
                message: "expected a whole number, found \(member.value.typeName); value ignored",
                location: location(of: member)
            )
        )
        return nil
    }

    package mutating func double(_ names: String..., report: (Diagnostic) -> Void) -> Double? {
        guard let member = take(names) else { return nil }
        switch member.value.kind {
        case .null: return nil
        case .number(let lexeme): if let value = Double(lexeme) { return value }
        case .string(let text):
            let trimmed = text.trimmingWhitespace()
            if trimmed.isEmpty { return nil }
            if let value = Double(trimmed.replacingComma()), value.isFinite { return value }
        default: break
        }
        report(
            Diagnostic(
                id: .invalidNumber,
                severity: .warning,
                message: "expected a number, found \(member.value.typeName) "
                    + "'\(member.value.stringValue ?? "")'; value ignored",
                location: location(of: member)
            )
        )
        return nil
    }

    package mutating func bool(_ names: String..., report: (Diagnostic) -> Void) -> Bool? {
        guard let member = take(names) else { return nil }
        switch member.value.kind {
        case .null: return nil
        case .bool(let flag): return flag
        case .number(let lexeme):
            if lexeme == "0" { return false }
            if lexeme == "1" { return true }
        case .string(let text):
            switch text.trimmingWhitespace().lowercased() {
            case "": return nil
            case "0", "false", "no", "n": return false
            case "1", "true", "yes", "y": return true
            default: break
            }
        default: break
        }
        report(
            Diagnostic(
                id: .wrongType,
                severity: .warning,
                message: "expected a boolean (true/false or 0/1), found \(member.value.typeName); value ignored",
                location: location(of: member)
            )
        )
        return nil
    }

    /// A date; `dateField` marks spec fields of type Date, whose UTC-midnight instants are taken as dates.
    package mutating func date(_ names: String..., dateField: Bool = false, report: (Diagnostic) -> Void) -> DateValue?
    {
        guard let member = take(names) else { return nil }
        var parsed: DateValue?
        switch member.value.kind {
        case .null: return nil
        case .string(let text):
            if text.trimmingWhitespace().isEmpty { return nil }
            parsed = DateValue(parsing: text)
        case .number(let lexeme):
            if let epoch = Int64(lexeme) { parsed = DateValue(epoch: epoch) }
        default: break
        }
        guard var value = parsed else {
            report(
                Diagnostic(
                    id: .invalidDate,
                    severity: .warning,
                    message: ((member.value.stringValue ?? member.value.numberLexeme).map { "'\($0)' is not a date" }
                        ?? "expected a date, found \(member.value.typeName)")
                        + " (expected /Date(ms)/, ISO 8601 or YYYY-MM-DD HH:MM:SS); value ignored",
                    location: location(of: member)
                )
            )
            return nil
        }
        if dateField, value.precision == .instant, value.epochMilliseconds % 86_400_000 == 0 {
            value = DateValue(epochMilliseconds: value.epochMilliseconds, precision: .date)
        }
        return value
    }

    package mutating func vocabulary<V: OpenVocabulary>(
        _ type: V.Type,
        _ names: String...,
        report: (Diagnostic) -> Void
    ) -> V? {
        guard let member = take(names) else { return nil }
        return scalarText(member.value, path: JSONPointer.appending(pointer, member.key), report: report).flatMap {
            V(parsing: $0)
        }
    }

    // MARK: Codes

    package mutating func country(_ names: String..., report: (Diagnostic) -> Void) -> CountryRef? {
        guard let member = take(names) else { return nil }
        var value = member.value
        if case .array(let items) = value.kind {
            let present = items.filter { !$0.isNull }
            guard let first = present.first else { return nil }
            if present.count > 1 {
                report(
                    Diagnostic(
                        id: .valueRepaired,
                        severity: .warning,
                        message: "\(present.count) countries given where the model holds one; kept the first",
                        location: location(of: member)
                    )
                )
            }
            value = first
        }
        guard let text = scalarText(value, path: JSONPointer.appending(pointer, member.key), report: report),
            let country = CountryRef(parsing: text)
        else { return nil }
        if !country.isResolved {
            report(
                Diagnostic(
                    id: .unknownCountry,
                    severity: .warning,
                    message: "'\(country.original)' is not an ISO 3166-1 country code; kept as the original value",
                    location: location(of: value, path: JSONPointer.appending(pointer, member.key))
                )
            )
        }
        return country
    }

    package func language(_ text: String?, at value: JSONValue, path: String, report: (Diagnostic) -> Void)
        -> LanguageCode
    {
        guard let text else { return .undetermined }
        let language = LanguageCode(parsing: text)
        if !language.isRecognized {
            report(
                Diagnostic(
                    id: .unknownLanguage,
                    severity: .warning,
                    message: "'\(text)' is not an ISO 639 language code; kept as given",
                    location: location(of: value, path: path)
                )
            )
        }
        return language
    }

    package mutating func treaty(_ names: String..., report: (Diagnostic) -> Void) -> TreatyID? {
        guard let member = take(names) else { return nil }
        if case .array(let items) = member.value.kind {
            return items.lazy.compactMap { $0.stringValue.flatMap(TreatyID.init(parsing:)) }.first
        }
        return scalarText(member.value, path: JSONPointer.appending(pointer, member.key), report: report)
            .flatMap(TreatyID.init(parsing:))
    }

    // MARK: Collections

    /// The items of a collection in any of its wire forms: a bare array, `{"results": [...]}`, or nothing for a
    /// deferred navigation (`{"__deferred": ...}`) or null.
    ///
    /// Items that hold only `__metadata` are dropped.
    package func items(of member: JSONMember, report: (Diagnostic) -> Void) -> [(JSONValue, String)] {
        let path = JSONPointer.appending(pointer, member.key)
        switch member.value.kind {
        case .null: return []
        case .array(let items):
            return Self.meaningful(items, path: path)
        case .object(let inner):
            if let results = inner.first(where: { $0.key == "results" }), case .array(let items) = results.value.kind {
                return Self.meaningful(items, path: JSONPointer.appending(path, "results"))
            }
            if inner.contains(where: { $0.key == "__deferred" }) { return [] }
            return [(member.value, path)]
        default:
            return [(member.value, path)]
        }
    }

    private static func meaningful(_ items: [JSONValue], path: String) -> [(JSONValue, String)] {
        var result: [(JSONValue, String)] = []
        for (index, item) in items.enumerated() {
            if case .object(let members) = item.kind,
                members.allSatisfy({ $0.key == "__metadata" || $0.value.isNull })
            {
                continue
            }
            result.append((item, JSONPointer.appending(path, index)))
        }
        return result
    }

    /// Multilingual text in any of the four wire encodings (informea-model.md §2.4): rows `{language, value}`
    /// (bare or in `results`), a language-keyed object, or a plain string (language `und`).
    package mutating func text(_ names: String..., report: (Diagnostic) -> Void) -> LocalizedText {
        guard let member = take(names) else { return LocalizedText() }
        var text = LocalizedText()
        let path = JSONPointer.appending(pointer, member.key)
        switch member.value.kind {
        case .null: break
        case .string(let value):
            text.set(value, for: .undetermined)
        case .object(let inner)
        where !inner.contains(where: { $0.key == "results" || $0.key == "__deferred" || $0.key == "language" }):
            // Language-keyed: {"en": "...", "fr": "..."} or D7 {"en": [{"value": "..."}]}.
            for entry in inner {
                let entryPath = JSONPointer.appending(path, entry.key)
                let language = self.language(entry.key, at: entry.value, path: entryPath, report: report)
                switch entry.value.kind {
                case .string(let value): text.set(value, for: language)
                case .null: break
                case .array(let rows):
                    if let value = rows.lazy.compactMap({ $0["value"]?.stringValue }).first {
                        text.set(value, for: language)
                    }
                default: report(wrongType(entry.value, expected: "a string", path: entryPath))
                }
            }
        default:
            for (row, rowPath) in items(of: member, report: report) {
                guard case .object = row.kind else {
                    if let value = row.stringValue {
                        text.set(value, for: .undetermined)
                    } else {
                        report(wrongType(row, expected: "a {language, value} object", path: rowPath))
                    }
                    continue
                }
                var rowFields = JSONFields(members: row.objectValue ?? [], pointer: rowPath, sourceName: sourceName)
                let languageMember = rowFields.take(["language", "lang"])
                let value = rowFields.string("value", report: report)
                let languageText = languageMember.flatMap {
                    rowFields.scalarText($0.value, path: rowPath + "/language", report: report)
                }
                guard let value else { continue }
                text.set(
                    value,
                    for: self.language(
                        languageText,
                        at: languageMember?.value ?? row,
                        path: rowPath + "/language",
                        report: report
                    )
                )
            }
        }
        return text
    }

    /// Strings from a collection: plain strings, or objects with a `value` (toolkit `ContactTreaty`).
    package mutating func strings(_ names: String..., report: (Diagnostic) -> Void) -> [String] {
        guard let member = take(names) else { return [] }
        if case .string(let single) = member.value.kind { return single.isEmpty ? [] : [single] }
        var result: [String] = []
        for (item, path) in items(of: member, report: report) {
            switch item.kind {
            case .string(let value): if !value.isEmpty { result.append(value) }
            case .object:
                if let value = item.member("value", "name", caseInsensitive: true)?.value.stringValue {
                    result.append(value)
                }
            default: report(wrongType(item, expected: "a string", path: path))
            }
        }
        return result
    }

    package mutating func files(_ names: String..., report: (Diagnostic) -> Void) -> [FileRef] {
        guard let member = take(names) else { return [] }
        var files: [FileRef] = []
        for (item, path) in items(of: member, report: report) {
            guard let members = item.objectValue else {
                if let url = item.stringValue {
                    files.append(FileRef(url: url))
                } else {
                    report(wrongType(item, expected: "a file object", path: path))
                }
                continue
            }
            var fields = JSONFields(members: members, pointer: path, sourceName: sourceName)
            let id = fields.string("id", report: report)
            let url = fields.string("url", report: report)
            let filename = fields.string("filename", report: report)
            guard url != nil || filename != nil else {
                report(
                    Diagnostic(
                        id: .emptyEntry,
                        severity: .warning,
                        message: "file entry has neither url nor filename; dropped",
                        location: location(of: item, path: path)
                    )
                )
                continue
            }
            let languageMember = fields.take(["language"])
            let language = languageMember.flatMap { languageMember -> LanguageCode? in
                guard let text = fields.scalarText(languageMember.value, path: path + "/language", report: report)
                else { return nil }
                return self.language(text, at: languageMember.value, path: path + "/language", report: report)
            }
            files.append(
                FileRef(
                    id: id,
                    url: url,
                    language: language,
                    mimeType: fields.string("mimeType", "mime", "type", report: report),
                    filename: filename,
                    size: fields.int64("size", report: report)
                )
            )
        }
        return files
    }

    /// Keywords in the Decision form `{namespace, term}`, the Document form `{termURI, scope, literalForm}`, the D8
    /// form `{term, uri}` or plain strings.
    ///
    /// Keywords in the `urn:meabridge:goals:` namespace are goal links written by our own writers and go to `goals`.
    package mutating func keywords(_ names: String..., goals: inout [GoalRef], report: (Diagnostic) -> Void)
        -> [Keyword]
    {
        guard let member = take(names) else { return [] }
        var keywords: [Keyword] = []
        for (item, path) in items(of: member, report: report) {
            if let term = item.stringValue {
                keywords.append(Keyword(term: term))
                continue
            }
            guard let members = item.objectValue else {
                report(wrongType(item, expected: "a keyword object", path: path))
                continue
            }
            var fields = JSONFields(members: members, pointer: path, sourceName: sourceName)
            let namespace = fields.string("namespace", report: report)
            let term = fields.string("term", "literalForm", "value", report: report)
            let uri = fields.string("uri", "termURI", report: report)
            let scope = fields.string("scope", report: report)
            if let namespace, namespace.hasPrefix(GoalRef.keywordNamespacePrefix), let term {
                goals.append(
                    GoalRef(
                        framework: .init(parsing: String(namespace.dropFirst(GoalRef.keywordNamespacePrefix.count))),
                        code: term,
                        uri: uri
                    )
                )
                continue
            }
            guard let label = term ?? uri else {
                report(
                    Diagnostic(
                        id: .emptyEntry,
                        severity: .warning,
                        message: "keyword has no term; dropped",
                        location: location(of: item, path: path)
                    )
                )
                continue
            }
            keywords.append(Keyword(namespace: namespace, term: label, uri: uri, scope: scope))
        }
        return keywords
    }

    /// Goal links as `FRAMEWORK:CODE` strings or `{framework, code, uri}` objects.
    package mutating func goals(_ names: String..., report: (Diagnostic) -> Void) -> [GoalRef] {
        guard let member = take(names) else { return [] }
        var goals: [GoalRef] = []
        for (item, path) in items(of: member, report: report) {
            if let text = item.stringValue, let goal = GoalRef(compact: text) {
                goals.append(goal)
            } else if let framework = item["framework"]?.stringValue, let code = item["code"]?.stringValue {
                goals.append(GoalRef(framework: .init(parsing: framework), code: code, uri: item["uri"]?.stringValue))
            } else {
                report(wrongType(item, expected: "a goal (\"SDG:15.1\" or {framework, code})", path: path))
            }
        }
        return goals
    }

    /// The members not used, as extras (OData bookkeeping and deferred navigations left out).
    package func extras() -> Extras {
        var extras = Extras()
        for (index, member) in members.enumerated() where !used[index] {
            if member.key.hasPrefix("__") || member.key.hasPrefix("@odata.") || member.key.hasPrefix("odata.") {
                continue
            }
            if case .object(let inner) = member.value.kind, inner.count == 1, inner[0].key == "__deferred" { continue }
            extras[member.key] = ExtraValue(member.value)
        }
        return extras
    }
}

extension GoalRef {
    /// The keyword namespace under which the writers carry goal links in InforMEA keyword collections.
    public static let keywordNamespacePrefix = "urn:meabridge:goals:"
}

extension ExtraValue {
    /// Converts a JSON value, keeping numbers as their exact text.
    /// - Parameter value: The JSON value.
    public init(_ value: JSONValue) {
        switch value.kind {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let lexeme): self = .number(lexeme)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(ExtraValue.init))
        case .object(let members):
            var object = Extras()
            for member in members { object[member.key] = ExtraValue(member.value) }
            self = .object(object)
        }
    }
}

extension String {
    fileprivate func replacingComma() -> String {
        guard contains(",") else { return self }
        return String(map { $0 == "," ? "." : $0 })
    }
}
