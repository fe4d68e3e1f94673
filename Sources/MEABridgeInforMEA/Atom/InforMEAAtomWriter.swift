public import MEABridgeCore
import MEABridgeFormatSupport
import MEABridgeXML
import OrderedCollections

/// Writes OData v2 Atom XML as the InforMEA toolkit (Apache Olingo) serves it, and the matching `$metadata`.
///
/// One `feed` holds every record as an `entry` with its `id`, `category` (`informea.<Type>`), `edit` link and
/// `content` → `m:properties`: scalars as `d:` properties with their `m:type` (`Edm.Int16`, `Edm.Int32`,
/// `Edm.DateTime` in UTC without a zone, `Edm.Double`, `Edm.Boolean`, `primary` as `Edm.Int16` 0/1), countries as
/// ISO alpha-2. Multilingual text, files, keywords, treaties, roles, authors, identifiers, tags, references, types
/// and goal links are navigation properties, expanded inline (`link rel=…/related/<name>` → `m:inline` → `feed`)
/// with one entry per row, as the toolkit's `$expand` gives them; text rows are keyed `<id>-<language>` as the
/// toolkit keys them. A Decision's or Document's goal links go into its keywords under the namespace
/// `urn:meabridge:goals:<FRAMEWORK>`, as in the OData JSON writer, so both formats read back the same records.
/// Provider-specific properties follow the canonical ones as `d:` properties (arrays as `Collection(…)` of
/// `d:element`, objects as complex values).
///
/// The feed's `updated` is fixed (`1970-01-01T00:00:00Z`) and each entry's is its record's `updated`, so the same
/// records always give the same bytes. The feed's `id` and `title` name the entity set of the first record; with
/// ``WriteOptions/serviceRoot`` ids are absolute and the feed carries `xml:base`. Characters XML cannot carry
/// (C0 controls other than tab and line breaks, U+FFFE, U+FFFF) are written as U+FFFD with a warning
/// (`xml.character-replaced`); a provider property whose name is not an XML name is left out with a warning.
///
/// ``model`` describes what was written; its ``InforMEAAtomModel/metadataDocument(namespace:containerName:)`` is
/// the `$metadata` (CSDL) for the output.
public struct InforMEAAtomWriter: RecordWriter {
    /// `informea-atom`.
    public static let format = FormatDescriptor(
        id: "informea-atom",
        summary: "InforMEA OData v2 Atom XML, as the InforMEA toolkit serves it (with its $metadata)",
        fileExtensions: ["xml", "atom"]
    )

    private let options: WriteOptions
    private var count = 0
    /// The entity types, properties and navigations written so far, for the `$metadata` document.
    public private(set) var model = InforMEAAtomModel()

    /// Creates a writer.
    /// - Parameter options: `serviceRoot` makes ids absolute and sets the feed's `xml:base`.
    public init(options: WriteOptions) { self.options = options }

    /// Writes the XML declaration (the feed opens with the first record, whose entity set names it).
    /// - Parameter out: The output buffer.
    public mutating func begin(into out: inout [UInt8]) {
        out.append(contentsOf: "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n".utf8)
    }

    /// Writes one record as an entry.
    /// - Parameters:
    ///   - record: The record.
    ///   - out: The output buffer.
    ///   - report: Receives a warning for replaced characters or provider properties that cannot be written.
    public mutating func write(_ record: Record, into out: inout [UInt8], report: (Diagnostic) -> Void) {
        if count == 0 { openFeed(set: record.kind.entitySet, into: &out) }
        count += 1
        var entry = EntryWriter(root: options.serviceRoot, out: out)
        out = []
        let kind = record.kind
        // The canonical properties as the InforMEA wire formats carry them (goal links folded into keywords).
        let properties = PropertyRenderer(style: .odata, entity: record.kind).properties(of: record)
        var scalars: [(String, AtomEncoding.Form)] = []
        var navigations: [AtomEncoding.Navigation] = []
        var updated: DateValue?
        var title: String?
        for property in properties {
            switch property.value {
            case .date(let date) where property.name == "updated": updated = date
            case .text(let text) where title == nil && (property.name == "title" || property.name == "name"):
                title = text.preferred?.value
            case .string(let value) where property.name == "titleEnglish": title = title ?? value
            default: break
            }
            let form = AtomEncoding.form(of: property, entity: kind, id: record.id)
            if case .navigation(let navigation) = form {
                navigations.append(navigation)
            } else {
                scalars.append((property.name, form))
            }
        }
        let updatedText = updated.map(AtomEncoding.atomDateTime) ?? AtomVocabulary.epoch
        let address = AtomVocabulary.address(kind.entitySet, record.id)
        entry.line(1, "<entry>")
        entry.element(2, "id", entry.absolute(address))
        entry.open(2, "title", [("type", "text")])
        entry.text(title ?? "")
        entry.close("title")
        entry.element(2, "updated", updatedText)
        entry.line(2, "<author><name/></author>")
        entry.empty(2, "link", [("href", address), ("rel", "edit"), ("title", kind.typeName)])
        for navigation in navigations {
            entry.navigation(navigation, owner: address, updated: updatedText, indent: 2)
        }
        entry.empty(2, "category", [("term", "informea.\(kind.typeName)"), ("scheme", AtomVocabulary.scheme)])
        entry.open(2, "content", [("type", "application/xml")], newline: true)
        entry.line(3, "<m:properties>")
        entry.scalar(4, "id", AtomEncoding.Scalar(type: nil, text: record.id))
        var declared: [InforMEAAtomModel.Property] = []
        for (name, form) in scalars {
            switch form {
            case .scalar(let scalar):
                entry.scalar(4, name, scalar)
                declared.append(InforMEAAtomModel.Property(name: name, type: scalar.type ?? "Edm.String"))
            case .null:
                entry.empty(4, "d:\(name)", [("m:null", "true")])
            case .navigation: break
            }
        }
        for (name, value) in record.extras {
            guard XMLOutput.isNCName(name) else {
                report(
                    Diagnostic(
                        id: .xmlNameInvalid,
                        severity: .warning,
                        message: "provider property '\(name)' is not an XML name and cannot be written to Atom; "
                            + "left out",
                        location: record.source
                    )
                )
                continue
            }
            entry.extra(4, name, value, report: report, source: record.source)
            switch value {
            case .array, .object: break
            default:
                declared.append(
                    InforMEAAtomModel.Property(name: name, type: AtomEncoding.extraType(value) ?? "Edm.String")
                )
            }
        }
        entry.line(3, "</m:properties>")
        entry.line(2, "</content>")
        entry.line(1, "</entry>")
        out = entry.out
        model.note(kind.typeName, set: kind.entitySet, declared, navigations)
        if entry.replaced > 0 {
            report(
                Diagnostic(
                    id: .xmlCharacterReplaced,
                    severity: .warning,
                    message: "\(entry.replaced) character(s) XML cannot carry (control characters, U+FFFE, U+FFFF) "
                        + "in \(kind.typeName) '\(record.id)' were written as U+FFFD",
                    location: record.source
                )
            )
        }
    }

    /// Closes the feed (an empty feed when there were no records).
    /// - Parameter out: The output buffer.
    public mutating func end(into out: inout [UInt8]) {
        if count == 0 { openFeed(set: nil, into: &out) }
        out.append(contentsOf: "</feed>\n".utf8)
    }

    /// The `$metadata` document describing the output written so far.
    /// - Parameter namespace: The schema namespace (the writer's `category` terms use `informea`).
    /// - Returns: The CSDL document.
    public func metadataDocument(namespace: String = "informea") -> String {
        model.metadataDocument(namespace: namespace)
    }

    private func openFeed(set: String?, into out: inout [UInt8]) {
        var feed = EntryWriter(root: options.serviceRoot, out: out)
        var attributes = [
            ("xmlns", AtomVocabulary.atom), ("xmlns:d", AtomVocabulary.data), ("xmlns:m", AtomVocabulary.metadata),
        ]
        if let root = options.serviceRoot { attributes.append(("xml:base", root.hasSuffix("/") ? root : root + "/")) }
        feed.open(0, "feed", attributes, newline: true)
        feed.element(1, "id", feed.absolute(set ?? ""))
        feed.open(1, "title", [("type", "text")])
        feed.text(set ?? "")
        feed.close("title")
        feed.element(1, "updated", AtomVocabulary.epoch)
        feed.line(1, "<author><name/></author>")
        if let set { feed.empty(1, "link", [("href", set), ("rel", "self"), ("title", set)]) }
        out = feed.out
    }
}

/// Appends the XML of one entry (or of the feed's head), counting replaced characters.
private struct EntryWriter {
    let root: String?
    var out: [UInt8]
    var replaced = 0

    init(root: String?, out: [UInt8]) {
        self.root = root.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.out = out
    }

    func absolute(_ address: String) -> String {
        guard let root else { return address }
        return address.isEmpty ? root + "/" : root + "/" + address
    }

    mutating func indent(_ level: Int) {
        for _ in 0..<level { out.append(contentsOf: "  ".utf8) }
    }

    mutating func line(_ level: Int, _ text: StaticString) {
        indent(level)
        out.append(contentsOf: UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\n"))
    }

    mutating func text(_ value: String) {
        replaced += XMLOutput.appendText(value, to: &out)
    }

    mutating func open(_ level: Int, _ name: String, _ attributes: [(String, String)], newline: Bool = false) {
        indent(level)
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name.utf8)
        for (key, value) in attributes { replaced += XMLOutput.appendAttribute(key, value, to: &out) }
        out.append(UInt8(ascii: ">"))
        if newline { out.append(UInt8(ascii: "\n")) }
    }

    mutating func close(_ name: String) {
        out.append(contentsOf: "</".utf8)
        out.append(contentsOf: name.utf8)
        out.append(contentsOf: ">\n".utf8)
    }

    mutating func empty(_ level: Int, _ name: String, _ attributes: [(String, String)]) {
        indent(level)
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name.utf8)
        for (key, value) in attributes { replaced += XMLOutput.appendAttribute(key, value, to: &out) }
        out.append(contentsOf: "/>\n".utf8)
    }

    mutating func element(_ level: Int, _ name: String, _ value: String) {
        open(level, name, [])
        text(value)
        close(name)
    }

    mutating func scalar(_ level: Int, _ name: String, _ scalar: AtomEncoding.Scalar) {
        let qualified = "d:" + name
        open(level, qualified, scalar.type.map { [("m:type", $0)] } ?? [])
        text(scalar.text)
        close(qualified)
    }

    mutating func navigation(_ navigation: AtomEncoding.Navigation, owner: String, updated: String, indent level: Int) {
        let href = "\(owner)/\(navigation.name)"
        open(
            level,
            "link",
            [
                ("href", href), ("rel", AtomVocabulary.relatedPrefix + navigation.name), ("title", navigation.name),
                ("type", "application/atom+xml;type=feed"),
            ],
            newline: true
        )
        line(level + 1, "<m:inline>")
        line(level + 2, "<feed>")
        element(level + 3, "id", absolute(href))
        open(level + 3, "title", [("type", "text")])
        text(navigation.name)
        close("title")
        element(level + 3, "updated", updated)
        line(level + 3, "<author><name/></author>")
        empty(level + 3, "link", [("href", href), ("rel", "self"), ("title", navigation.name)])
        for row in navigation.rows {
            let address = AtomVocabulary.address(navigation.rowType, row.key)
            line(level + 3, "<entry>")
            element(level + 4, "id", absolute(address))
            line(level + 4, "<title type=\"text\"/>")
            element(level + 4, "updated", updated)
            line(level + 4, "<author><name/></author>")
            empty(level + 4, "link", [("href", address), ("rel", "edit"), ("title", navigation.rowType)])
            for nested in row.navigations {
                self.navigation(nested, owner: address, updated: updated, indent: level + 4)
            }
            empty(
                level + 4,
                "category",
                [("term", "informea.\(navigation.rowType)"), ("scheme", AtomVocabulary.scheme)]
            )
            open(level + 4, "content", [("type", "application/xml")], newline: true)
            line(level + 5, "<m:properties>")
            for field in row.fields { scalar(level + 6, field.name, field.value) }
            line(level + 5, "</m:properties>")
            line(level + 4, "</content>")
            line(level + 3, "</entry>")
        }
        line(level + 2, "</feed>")
        line(level + 1, "</m:inline>")
        indent(level)
        close("link")
    }

    mutating func extra(
        _ level: Int,
        _ name: String,
        _ value: ExtraValue,
        report: (Diagnostic) -> Void,
        source: SourceLocation?
    ) {
        let qualified = "d:" + name
        switch value {
        case .null:
            empty(level, qualified, [("m:null", "true")])
        case .string(let text):
            open(level, qualified, [])
            self.text(text)
            close(qualified)
        case .bool(let flag):
            open(level, qualified, [("m:type", "Edm.Boolean")])
            self.text(flag ? "true" : "false")
            close(qualified)
        case .number(let lexeme):
            open(level, qualified, [("m:type", AtomEncoding.extraType(value) ?? "Edm.Decimal")])
            self.text(lexeme)
            close(qualified)
        case .array(let items):
            guard !items.isEmpty else {
                empty(level, qualified, [("m:type", "Collection(Edm.String)")])
                return
            }
            open(level, qualified, [("m:type", "Collection(Edm.String)")], newline: true)
            for item in items { extra(level + 1, "element", item, report: report, source: source) }
            indent(level)
            close(qualified)
        case .object(let members):
            guard !members.isEmpty else {
                empty(level, qualified, [("m:type", "meabridge.Object")])
                return
            }
            open(level, qualified, [("m:type", "meabridge.Object")], newline: true)
            for (key, member) in members {
                guard XMLOutput.isNCName(key) else {
                    report(
                        Diagnostic(
                            id: .xmlNameInvalid,
                            severity: .warning,
                            message: "member '\(key)' of provider property '\(name)' is not an XML name and cannot "
                                + "be written to Atom; left out",
                            location: source
                        )
                    )
                    continue
                }
                extra(level + 1, key, member, report: report, source: source)
            }
            indent(level)
            close(qualified)
        }
    }
}

extension InforMEAAtomWriter: MetadataDocumentWriter {
    /// The `$metadata` document of the entity sets written (namespace `informea`), as UTF-8.
    /// - Returns: The CSDL document's bytes.
    public func companionMetadata() -> [UInt8] { Array(metadataDocument().utf8) }
}
