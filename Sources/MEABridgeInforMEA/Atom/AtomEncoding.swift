import MEABridgeCore
import MEABridgeFormatSupport

/// How canonical properties go on the Atom wire: scalars as `d:` properties with an `m:type`, collections as
/// navigation properties whose rows are entries of their own (as the InforMEA toolkit's Olingo service serves them).
///
/// Shared by the writer, which renders these forms, and the model, which declares them in `$metadata`.
enum AtomEncoding {
    /// A scalar value: its EDM type (`nil` for `Edm.String`, written without `m:type`) and its text.
    struct Scalar {
        var type: String?
        var text: String
    }

    /// A navigation row: its key (for its address), its properties and its own navigations.
    struct Row {
        var key: String
        var fields: [(name: String, value: Scalar)]
        var navigations: [Navigation] = []
    }

    /// A navigation property with its expanded rows.
    struct Navigation {
        var name: String
        var rowType: String
        var rows: [Row]
        /// The properties every row of this kind may have, with their EDM types, for `$metadata` (rows of kinds
        /// not listed here declare the properties they are seen with).
        var declared: [(name: String, type: String)] = []
    }

    /// A property as written: a scalar `d:` property, a null one, or a navigation.
    enum Form {
        case scalar(Scalar)
        case null
        case navigation(Navigation)
    }

    /// The wire form of one canonical property of a record.
    /// - Parameters:
    ///   - property: The property.
    ///   - entity: The record's entity type (it names the row types: `MeetingTitle`, `DecisionFile`).
    ///   - id: The record's id (it keys the rows: `id-en`, `id-files-2`).
    /// - Returns: The form.
    static func form(of property: Property, entity: EntityKind, id: String) -> Form {
        let name = property.name
        func rows<T>(
            _ items: [T],
            _ suffix: String,
            declaring declared: [String] = [],
            _ body: (T, Int) -> Row
        ) -> Form {
            .navigation(
                Navigation(
                    name: name,
                    rowType: entity.typeName + suffix,
                    rows: items.enumerated().map { body($0.element, $0.offset + 1) },
                    declared: declared.map { ($0, $0 == "size" ? "Edm.Int64" : "Edm.String") }
                )
            )
        }
        func key(_ index: Int) -> String { "\(id)-\(name)-\(index)" }
        func fields(_ pairs: [(String, String?)]) -> [(name: String, value: Scalar)] {
            pairs.compactMap { pair in pair.1.map { (pair.0, Scalar(type: nil, text: $0)) } }
        }
        switch property.value {
        case .string(let value): return .scalar(Scalar(type: nil, text: value))
        case .text(let text):
            let suffix = name.prefix(1).uppercased() + name.dropFirst()
            return rows(text.pairs, suffix, declaring: ["id", "language", "value"]) { pair, _ in
                let rowKey = "\(id)-\(pair.language.code)"
                return Row(
                    key: rowKey,
                    fields: fields([("id", rowKey), ("language", pair.language.code), ("value", pair.value)])
                )
            }
        case .date(let value): return .scalar(Scalar(type: "Edm.DateTime", text: edmDateTime(value)))
        case .integer(let value):
            let type = name == "protocolVersion" || name == "schemaVersion" ? "Edm.Int16" : "Edm.Int32"
            return .scalar(Scalar(type: type, text: String(value)))
        case .double(let value):
            guard value.isFinite else { return .null }
            return .scalar(Scalar(type: "Edm.Double", text: String(describing: value)))
        case .bool(let value): return .scalar(Scalar(type: "Edm.Boolean", text: value ? "true" : "false"))
        case .flag(let value): return .scalar(Scalar(type: "Edm.Int16", text: value ? "1" : "0"))
        case .country(let country): return .scalar(Scalar(type: nil, text: country.alpha2 ?? country.original))
        case .treaty(let treaty): return .scalar(Scalar(type: nil, text: treaty.rawValue))
        case .treaties(let treaties):
            return rows(treaties, "Treaty", declaring: ["id", "value"]) { treaty, index in
                Row(key: key(index), fields: fields([("id", key(index)), ("value", treaty.rawValue)]))
            }
        case .strings(let values):
            let suffix = name == "types" ? "Type" : (name.prefix(1).uppercased() + name.dropFirst())
            return rows(values, suffix, declaring: ["id", "value"]) { value, index in
                Row(key: key(index), fields: fields([("id", key(index)), ("value", value)]))
            }
        case .files(let files):
            return rows(files, "File", declaring: ["id", "url", "language", "mimeType", "filename", "size"]) {
                file,
                index in
                var row = Row(
                    key: file.id ?? key(index),
                    fields: fields([
                        ("id", file.id), ("url", file.url), ("language", file.language?.code),
                        ("mimeType", file.mimeType), ("filename", file.filename),
                    ])
                )
                if let size = file.size { row.fields.append(("size", Scalar(type: "Edm.Int64", text: String(size)))) }
                return row
            }
        case .keywords(let keywords):
            return rows(keywords, "Keyword", declaring: ["id", "namespace", "term", "uri", "scope"]) {
                keyword,
                index in
                Row(
                    key: key(index),
                    fields: fields([
                        ("id", key(index)), ("namespace", keyword.namespace), ("term", keyword.term),
                        ("uri", keyword.uri), ("scope", keyword.scope),
                    ])
                )
            }
        case .goals(let goals):
            return rows(goals, "Goal", declaring: ["id", "framework", "code", "uri"]) { goal, index in
                Row(
                    key: key(index),
                    fields: fields([
                        ("id", key(index)), ("framework", goal.framework.description), ("code", goal.code),
                        ("uri", goal.uri),
                    ])
                )
            }
        case .roles(let roles):
            return .navigation(
                Navigation(
                    name: name,
                    rowType: "PersonRoles",
                    rows: roles.enumerated().map { offset, role in
                        let rowKey = key(offset + 1)
                        return Row(
                            key: rowKey,
                            fields: fields([("id", rowKey), ("treaty", role.treaty?.rawValue), ("order", role.order)]),
                            navigations: [
                                Navigation(
                                    name: "roles",
                                    rowType: "PersonRolesRole",
                                    rows: role.roles.enumerated().map { index, value in
                                        let nameKey = "\(rowKey)-\(index + 1)"
                                        return Row(
                                            key: nameKey,
                                            fields: fields([("id", nameKey), ("value", value)])
                                        )
                                    },
                                    declared: ["id", "value"].map { ($0, "Edm.String") }
                                )
                            ]
                        )
                    },
                    declared: ["id", "treaty", "order"].map { ($0, "Edm.String") }
                )
            )
        // Document-only collections whose rows carry their own ids (the row number otherwise).
        case .authors(let authors):
            return rows(authors, "Author", declaring: ["id", "name", "type"]) { author, index in
                Row(
                    key: author.id ?? key(index),
                    fields: fields([("id", author.id), ("name", author.name), ("type", author.type?.rawValue)])
                )
            }
        case .identifiers(let identifiers):
            return rows(identifiers, "Identifier", declaring: ["id", "name", "value"]) { identifier, index in
                Row(
                    key: identifier.id ?? key(index),
                    fields: fields([("id", identifier.id), ("name", identifier.name), ("value", identifier.value)])
                )
            }
        case .tags(let tags):
            return rows(tags, "Tag", declaring: ["id", "language", "scope", "value", "comment"]) { tag, index in
                Row(
                    key: tag.id ?? key(index),
                    fields: fields([
                        ("id", tag.id), ("language", tag.language?.code), ("scope", tag.scope),
                        ("value", tag.value), ("comment", tag.comment),
                    ])
                )
            }
        case .references(let references):
            return rows(references, "Reference", declaring: ["id", "type", "refId"]) { reference, index in
                Row(
                    key: reference.id ?? key(index),
                    fields: fields([("id", reference.id), ("type", reference.type), ("refId", reference.refId)])
                )
            }
        // Content beyond the InforMEA model (report answers, taxa): one row per item with its main fields.
        case .answers(let answers):
            return rows(answers, "Answer") { answer, index in
                Row(
                    key: key(index),
                    fields: fields([
                        ("id", key(index)), ("section", answer.section.joined(separator: " > ")),
                        ("question", answer.question), ("target", answer.target),
                        ("answer", answer.answer.preferred?.value),
                    ])
                )
            }
        case .commonNames(let names):
            return rows(names, "CommonName") { common, index in
                Row(
                    key: key(index),
                    fields: fields([("id", key(index)), ("name", common.name), ("language", common.language?.code)])
                )
            }
        case .listings(let listings):
            return rows(listings, "Listing") { listing, index in
                Row(
                    key: key(index),
                    fields: fields([
                        ("id", key(index)), ("kind", listing.kind), ("regime", listing.regime),
                        ("appendix", listing.appendix), ("country", listing.country?.description),
                        ("effective", listing.effective?.iso8601),
                    ])
                )
            }
        case .distribution(let entries):
            return rows(entries, "Distribution") { entry, index in
                Row(
                    key: key(index),
                    fields: fields([("id", key(index)), ("country", entry.country?.description), ("name", entry.name)])
                )
            }
        }
    }

    /// The wire form of a provider-specific value: scalars with the EDM type of their JSON kind, arrays as
    /// `Collection(…)` of `d:element`s, objects as a complex value of `d:` members.
    /// - Parameter value: The value.
    /// - Returns: The EDM type, `nil` for strings and nulls.
    static func extraType(_ value: ExtraValue) -> String? {
        switch value {
        case .null, .string: return nil
        case .bool: return "Edm.Boolean"
        case .number(let lexeme):
            if lexeme.contains(where: { $0 == "e" || $0 == "E" }) { return "Edm.Double" }
            if lexeme.contains(".") { return "Edm.Decimal" }
            return "Edm.Int64"
        case .array: return "Collection(Edm.String)"
        case .object: return "meabridge.Object"
        }
    }

    /// An `Edm.DateTime` value: ISO 8601 without a zone (UTC), as Olingo writes it; dates at midnight.
    /// - Parameter value: The date.
    /// - Returns: `YYYY-MM-DDTHH:MM:SS[.fff]`.
    static func edmDateTime(_ value: DateValue) -> String {
        var text = DateValue(epochMilliseconds: value.epochMilliseconds, precision: .instant).iso8601
        if text.hasSuffix("Z") { text.removeLast() }
        return text
    }

    /// An Atom `updated` value (`xs:dateTime` with `Z`).
    /// - Parameter value: The date.
    /// - Returns: `YYYY-MM-DDTHH:MM:SS[.fff]Z`.
    static func atomDateTime(_ value: DateValue) -> String {
        DateValue(epochMilliseconds: value.epochMilliseconds, precision: .instant).iso8601
    }
}
