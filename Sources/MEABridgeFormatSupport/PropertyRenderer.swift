package import MEABridgeCore
import MEABridgeJSON

/// How a JSON writer renders canonical properties: the differences between the canonical NDJSON, the InforMEA
/// OData v2 verbose JSON and the language-keyed JSON API, in one place.
package struct JSONStyle {
    package enum Text {
        /// `{"en": "…"}`.
        case languageKeyed
        /// OData navigation rows `{"results": [{"__metadata": …, "language": "en", "value": "…"}]}`.
        case odataRows
    }
    package enum Dates {
        /// ISO 8601, date-only kept date-only.
        case iso
        /// `/Date(ms)/`.
        case odata
    }
    package enum Countries {
        /// Alpha-2; an unresolved value goes to `<name>Original`.
        case alpha2Canonical
        /// Alpha-2; an unresolved value is written as received.
        case alpha2
        /// Alpha-3; an unresolved value is written as received.
        case alpha3
    }

    package var text: Text
    package var dates: Dates
    package var countries: Countries
    /// `primary` as 0/1 (the toolkit's Int16) instead of a boolean.
    package var flagsAsIntegers: Bool
    /// Collections wrapped as `{"results": [...]}` with `__metadata` types on rows.
    package var odataCollections: Bool
    /// `Int64` values as strings (OData v2 JSON's rule for Edm.Int64).
    package var int64AsString: Bool
    /// Goal links carried as keywords in the `urn:meabridge:goals:` namespace where the entity has keywords.
    package var goalsAsKeywords: Bool
    /// Goal links as `FRAMEWORK:CODE` strings instead of objects.
    package var goalsCompact: Bool
    /// Files carry `"content": null` (the JSON API names the member; files are linked, never inlined).
    package var fileContentNull = false

    package static let canonical = JSONStyle(
        text: .languageKeyed,
        dates: .iso,
        countries: .alpha2Canonical,
        flagsAsIntegers: false,
        odataCollections: false,
        int64AsString: false,
        goalsAsKeywords: false,
        goalsCompact: false
    )
    package static let odata = JSONStyle(
        text: .odataRows,
        dates: .odata,
        countries: .alpha2,
        flagsAsIntegers: true,
        odataCollections: true,
        int64AsString: true,
        goalsAsKeywords: true,
        goalsCompact: true
    )
    package static let api = JSONStyle(
        text: .languageKeyed,
        dates: .iso,
        countries: .alpha3,
        flagsAsIntegers: false,
        odataCollections: false,
        int64AsString: false,
        goalsAsKeywords: false,
        goalsCompact: true,
        fileContentNull: true
    )
}

/// Renders a record's canonical properties in one `JSONStyle`.
package struct PropertyRenderer {
    package let style: JSONStyle
    package let entity: EntityKind

    package init(style: JSONStyle, entity: EntityKind) {
        self.style = style
        self.entity = entity
    }

    /// The OData type of a child row: `informea.MeetingTitle`, `informea.DecisionFile`.
    private func rowType(_ property: String) -> String {
        let singular: [String: String] = [
            "files": "File", "keywords": "Keyword", "authors": "Author", "tags": "Tag", "identifiers": "Identifier",
            "types": "Type", "treaties": "Treaty", "referenceToEntities": "Reference",
        ]
        var name = singular[property] ?? property
        if let first = name.first { name = first.uppercased() + name.dropFirst() }
        return "informea.\(entity.typeName)\(name)"
    }

    /// Writes a collection: a bare array, or OData's `{"results": [...]}` with typed rows.
    private func collection<T>(
        _ name: String,
        _ items: [T],
        rowType: String? = nil,
        _ object: inout JSONObjectOutput,
        _ out: inout [UInt8],
        body: (T, inout JSONObjectOutput, inout [UInt8]) -> Void
    ) {
        object.key(name, &out)
        guard style.odataCollections else {
            JSONRendering.appendArray(items, to: &out, body: body)
            return
        }
        let type = rowType ?? self.rowType(name)
        var wrapper = JSONObjectOutput.begin(&out)
        wrapper.key("results", &out)
        JSONRendering.appendArray(items, to: &out) { item, o, out in
            o.key("__metadata", &out)
            var metadata = JSONObjectOutput.begin(&out)
            metadata.string("type", type, &out)
            metadata.end(&out)
            body(item, &o, &out)
        }
        wrapper.end(&out)
    }

    private func date(_ value: DateValue) -> String {
        switch style.dates {
        case .iso: value.iso8601
        case .odata: value.odataJSON
        }
    }

    /// Writes one property.
    package func append(_ property: Property, to object: inout JSONObjectOutput, _ out: inout [UInt8]) {
        let name = property.name
        switch property.value {
        case .string(let value): object.string(name, value, &out)
        case .text(let text):
            switch style.text {
            case .languageKeyed:
                object.key(name, &out)
                JSONRendering.appendLanguageKeyed(text, to: &out)
            case .odataRows:
                collection(name, text.pairs, &object, &out) { pair, o, out in
                    o.string("language", pair.language.code, &out)
                    o.string("value", pair.value, &out)
                }
            }
        case .date(let value): object.string(name, date(value), &out)
        case .integer(let value): object.integer(name, value, &out)
        case .double(let value):
            object.key(name, &out)
            JSONOutput.appendNumber(value, to: &out)
        case .bool(let value):
            object.key(name, &out)
            JSONRendering.appendBool(value, to: &out)
        case .flag(let value):
            object.key(name, &out)
            if style.flagsAsIntegers {
                out.append(value ? UInt8(ascii: "1") : UInt8(ascii: "0"))
            } else {
                JSONRendering.appendBool(value, to: &out)
            }
        case .country(let country):
            switch style.countries {
            case .alpha2Canonical:
                if let alpha2 = country.alpha2 {
                    object.string(name, alpha2, &out)
                } else {
                    object.string(name + "Original", country.original, &out)
                }
            case .alpha2: object.string(name, country.alpha2 ?? country.original, &out)
            case .alpha3: object.string(name, country.alpha3 ?? country.original, &out)
            }
        case .treaty(let treaty): object.string(name, treaty.rawValue, &out)
        case .treaties(let treaties):
            if style.odataCollections {
                collection(name, treaties, &object, &out) { treaty, o, out in o.string("value", treaty.rawValue, &out) }
            } else {
                object.key(name, &out)
                JSONRendering.appendStrings(treaties.map(\.rawValue), to: &out)
            }
        case .strings(let values):
            if style.odataCollections {
                collection(name, values, &object, &out) { value, o, out in o.string("value", value, &out) }
            } else {
                object.key(name, &out)
                JSONRendering.appendStrings(values, to: &out)
            }
        case .files(let files):
            collection(name, files, &object, &out) { file, o, out in
                o.string("id", file.id, &out)
                o.string("url", file.url, &out)
                if style.fileContentNull { o.null("content", &out) }
                o.string("language", file.language?.code, &out)
                o.string("mimeType", file.mimeType, &out)
                o.string("filename", file.filename, &out)
                if let size = file.size {
                    if style.int64AsString {
                        o.string("size", String(size), &out)
                    } else {
                        o.integer("size", size, &out)
                    }
                }
            }
        case .keywords(let keywords):
            collection(name, keywords, &object, &out) { keyword, o, out in
                o.string("namespace", keyword.namespace, &out)
                o.string("term", keyword.term, &out)
                o.string("uri", keyword.uri, &out)
                o.string("scope", keyword.scope, &out)
            }
        case .goals(let goals):
            object.key(name, &out)
            if style.goalsCompact {
                JSONRendering.appendStrings(goals.map(\.description), to: &out)
            } else {
                JSONRendering.appendArray(goals, to: &out) { goal, o, out in
                    o.string("framework", goal.framework.description, &out)
                    o.string("code", goal.code, &out)
                    o.string("uri", goal.uri, &out)
                }
            }
        case .roles(let roles):
            collection(name, roles, rowType: "informea.PersonRoles", &object, &out) { role, o, out in
                o.string("treaty", role.treaty?.rawValue, &out)
                o.key("roles", &out)
                JSONRendering.appendStrings(role.roles, to: &out)
                o.string("order", role.order, &out)
            }
        case .authors(let authors):
            collection(name, authors, &object, &out) { author, o, out in
                o.string("id", author.id, &out)
                o.string("name", author.name, &out)
                o.string("type", author.type?.rawValue, &out)
            }
        case .identifiers(let identifiers):
            collection(name, identifiers, &object, &out) { identifier, o, out in
                o.string("id", identifier.id, &out)
                o.string("name", identifier.name, &out)
                o.string("value", identifier.value, &out)
            }
        case .tags(let tags):
            collection(name, tags, &object, &out) { tag, o, out in
                o.string("id", tag.id, &out)
                o.string("language", tag.language?.code, &out)
                o.string("scope", tag.scope, &out)
                o.string("value", tag.value, &out)
                o.string("comment", tag.comment, &out)
            }
        case .references(let references):
            collection(name, references, &object, &out) { reference, o, out in
                o.string("id", reference.id, &out)
                o.string("type", reference.type, &out)
                o.string("refId", reference.refId, &out)
            }
        case .answers(let answers):
            object.key(name, &out)
            JSONRendering.appendArray(answers, to: &out) { answer, o, out in
                appendAnswer(answer, &o, &out)
            }
        case .commonNames(let names):
            object.key(name, &out)
            JSONRendering.appendArray(names, to: &out) { common, o, out in
                o.string("name", common.name, &out)
                o.string("language", common.language?.code, &out)
            }
        case .listings(let listings):
            object.key(name, &out)
            JSONRendering.appendArray(listings, to: &out) { listing, o, out in
                appendListing(listing, &o, &out)
            }
        case .distribution(let entries):
            object.key(name, &out)
            JSONRendering.appendArray(entries, to: &out) { entry, o, out in
                if let country = entry.country { o.string("country", JSONRendering.countryText(country), &out) }
                o.string("name", entry.name, &out)
                if !entry.tags.isEmpty {
                    o.key("tags", &out)
                    JSONRendering.appendStrings(entry.tags, to: &out)
                }
            }
        }
    }

    private func appendAnswer(_ answer: ReportAnswer, _ o: inout JSONObjectOutput, _ out: inout [UInt8]) {
        if !answer.section.isEmpty {
            o.key("section", &out)
            JSONRendering.appendStrings(answer.section, to: &out)
        }
        o.string("question", answer.question, &out)
        o.string("questionTitle", answer.questionTitle, &out)
        o.string("target", answer.target, &out)
        if !answer.answer.isEmpty {
            o.key("answer", &out)
            JSONRendering.appendLanguageKeyed(answer.answer, to: &out)
        }
        if !answer.values.isEmpty {
            o.key("values", &out)
            JSONRendering.appendStrings(answer.values, to: &out)
        }
        if !answer.context.isEmpty {
            o.key("context", &out)
            JSONRendering.appendStrings(answer.context, to: &out)
        }
        o.string("contextId", answer.contextID, &out)
        o.string("respondent", answer.respondent, &out)
        if !answer.goals.isEmpty {
            o.key("goals", &out)
            JSONRendering.appendStrings(answer.goals.map(\.description), to: &out)
        }
    }

    private func appendListing(_ listing: TaxonListing, _ o: inout JSONObjectOutput, _ out: inout [UInt8]) {
        o.string("kind", listing.kind, &out)
        o.string("regime", listing.regime, &out)
        o.string("id", listing.id, &out)
        o.string("appendix", listing.appendix, &out)
        o.string("changeType", listing.changeType, &out)
        if let country = listing.country { o.string("country", JSONRendering.countryText(country), &out) }
        if let effective = listing.effective { o.string("effective", date(effective), &out) }
        if let current = listing.isCurrent {
            o.key("current", &out)
            JSONRendering.appendBool(current, to: &out)
        }
        o.string("notes", listing.notes, &out)
        if let quota = listing.quota {
            o.key("quota", &out)
            JSONOutput.appendNumber(quota, to: &out)
        }
        o.string("unit", listing.unit, &out)
        o.string("decisionType", listing.decisionType, &out)
        o.string("basis", listing.basis, &out)
        o.string("url", listing.url, &out)
    }

    /// Hands each of ``properties(of:)`` to `body`, without building the list when the style changes nothing.
    package func forEachProperty(of record: Record, _ body: (Property) -> Void) {
        if style.goalsAsKeywords, entity == .decision || entity == .document {
            for property in properties(of: record) { body(property) }
        } else {
            record.forEachProperty(body)
        }
    }

    /// The properties of a record as this style writes them: with `goalsAsKeywords`, a Decision's or Document's
    /// goal links are appended to its keywords (namespace `urn:meabridge:goals:<FRAMEWORK>`).
    package func properties(of record: Record) -> [Property] {
        var properties = record.properties
        guard style.goalsAsKeywords, entity == .decision || entity == .document,
            let goalIndex = properties.firstIndex(where: { $0.name == "goals" }),
            case .goals(let goals) = properties[goalIndex].value
        else { return properties }
        properties.remove(at: goalIndex)
        let goalKeywords = goals.map {
            Keyword(namespace: GoalRef.keywordNamespacePrefix + $0.framework.description, term: $0.code, uri: $0.uri)
        }
        if let keywordIndex = properties.firstIndex(where: { $0.name == "keywords" }),
            case .keywords(let keywords) = properties[keywordIndex].value
        {
            properties[keywordIndex] = Property("keywords", .keywords(keywords + goalKeywords))
        } else {
            properties.append(Property("keywords", .keywords(goalKeywords)))
        }
        return properties
    }
}
