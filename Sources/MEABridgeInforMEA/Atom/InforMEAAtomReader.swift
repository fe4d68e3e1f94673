public import MEABridgeCore
import MEABridgeFormatSupport
import MEABridgeJSON
public import MEABridgeXML

/// Reads InforMEA OData Atom XML (OData v1 and v2): feeds and single entries of every entity set, streaming.
///
/// Each `entry`'s `m:properties` (inside `content`, or beside it for media entries) give the record's fields:
/// `d:` properties typed by `m:type` (`Edm.Int16`/`Int32`/`Int64`/`Double`/`Decimal`/`Boolean`/`DateTime`, others
/// as text), `m:null="true"` for nulls, `Collection(…)` properties whose `m:item` or `d:element` children hold
/// `LocalizableString` rows (`d:language`, `d:value`) or plain values, and complex values. Navigation properties
/// expanded inline (`link rel=…/related/<name>` → `m:inline` → `feed` of entries, or one `entry`) are read the same
/// way, row by row; deferred navigations (a link with no `m:inline`) are skipped.
///
/// The fields are then mapped exactly as ``InforMEAODataJSONReader`` maps a JSON entity (the same field names, case
/// drifts, text, date, country, language and file rules), so a record reads the same from either format. The
/// entity type comes from the entry's `category` term, else its `edit` link (`Meetings('…')`), else `--entity`,
/// else the feed's `self` link, `id` or `xml:base`, else the file name, else the fields only one entity has. The id
/// is `d:id`, else the key in the `edit` link or `atom:id`.
///
/// Only one entry is held at a time, so a feed of any size is read in bounded memory. Every diagnostic carries the
/// line of the element concerned and its XPath (`/feed/entry[3]/content/m:properties/d:start`). Well-formedness
/// problems and the safety limits are those of ``XMLStreamReader``: no network, no DTD, no entity expansion.
public struct InforMEAAtomReader: RecordReader {
    /// `informea-atom`.
    public static let format = FormatDescriptor(
        id: "informea-atom",
        summary: "InforMEA OData v1/v2 Atom XML feeds and entries (m:properties, m:type, m:null, "
            + "Collection(LocalizableString), inline expanded navigations)",
        fileExtensions: ["xml", "atom"]
    )

    /// The XSD that `meabridge validate` checks Atom inputs against: the Atom profile of the InforMEA OData
    /// service, which the writer's output also satisfies.
    public static var defaultSchema: String? { "xml/informea-atom.xsd" }

    /// The most elements one entry may hold (a hostile feed cannot make one record fill memory).
    public static let maxElementsPerEntry = 1_000_000

    private let options: ReadOptions
    private let entityFromName: EntityKind?

    /// Creates a reader.
    /// - Parameter options: The read options (`entity` is the type of entries that do not say theirs).
    public init(options: ReadOptions) {
        self.options = options
        entityFromName = EntityKind(fileName: options.sourceName)
    }

    /// Certain for XML in the Atom namespace that uses the OData namespaces, likely for other Atom XML, possible
    /// for a `feed` or `entry` root or an `.atom` file.
    /// - Parameter input: The first bytes and the name.
    /// - Returns: The confidence.
    public static func sniff(_ input: SniffInput) -> SniffConfidence {
        let text = SniffText(input)
        guard text.startsWithMarkup else { return .no }
        let atom = text.contains(AtomVocabulary.atom)
        if atom && (text.contains(AtomVocabulary.data) || text.contains(AtomVocabulary.metadata)) { return .certain }
        if atom { return .likely }
        if let root = text.rootElementLocalName, root == "feed" || root == "entry" { return .possible }
        return input.name.lowercased().hasSuffix(".atom") ? .possible : .no
    }

    /// Reads the feed, emitting each entry's record as soon as its end tag is read.
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - emit: Receives each record.
    ///   - report: Receives each diagnostic.
    /// - Throws: `IOFailure` when reading fails, or what `emit` throws.
    public mutating func read(
        from source: some ByteSource,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        let xml = XMLStreamReader(source: source, name: options.sourceName)
        var parser = AtomParser(xml: xml, options: options, entityFromName: entityFromName)
        try parser.run(emit: emit, report: report)
    }

    /// Reads the feed and checks it against a schema in the same pass, when the validator is an XSD one.
    ///
    /// `meabridge validate` can use this to read a large feed once instead of twice (schema, then records).
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - validator: The schema validator chosen for the input.
    ///   - maxErrors: The most diagnostics reported.
    ///   - emit: Receives each record.
    ///   - report: Receives each diagnostic.
    /// - Returns: `false`, having read nothing, when the validator is not an `XSDSchemaValidator`.
    /// - Throws: `IOFailure` when reading fails, or what `emit` throws.
    public mutating func read(
        from source: some ByteSource,
        validatingWith validator: any SchemaValidator,
        maxErrors: Int,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws -> Bool {
        guard let xsd = validator as? XSDSchemaValidator else { return false }
        try read(from: source, validatingAgainst: xsd.schema, maxErrors: maxErrors, emit: emit, report: report)
        return true
    }

    /// Reads the feed and validates it against an XSD in the same pass: the records, the reader's diagnostics and
    /// the schema's (`xsd.*`, with line and XPath) arrive in document order.
    /// - Parameters:
    ///   - source: The input bytes.
    ///   - schema: The compiled schema.
    ///   - maxErrors: The most diagnostics reported.
    ///   - emit: Receives each record.
    ///   - report: Receives each diagnostic.
    /// - Throws: `IOFailure` when reading fails, or what `emit` throws.
    public mutating func read(
        from source: some ByteSource,
        validatingAgainst schema: XSDSchema,
        maxErrors: Int = 100_000,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        try XSDSchemaValidator(schema: schema).streaming(
            source: source,
            sourceName: options.sourceName,
            maxErrors: maxErrors,
            report: report
        ) { xml in
            var parser = AtomParser(xml: xml, options: options, entityFromName: entityFromName)
            try parser.run(emit: emit, report: report)
        }
    }
}

/// The first bytes of an input as ASCII text for sniffing (UTF-16 with a byte order mark is narrowed).
struct SniffText {
    let bytes: ArraySlice<UInt8>

    init(_ input: SniffInput) {
        var prefix = input.prefix[...]
        if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) {
            prefix = ArraySlice(prefix.dropFirst(2).filter { $0 != 0 })
        } else if prefix.starts(with: [0xEF, 0xBB, 0xBF]) {
            prefix = prefix.dropFirst(3)
        }
        bytes = prefix
    }

    var startsWithMarkup: Bool {
        bytes.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) } == UInt8(ascii: "<")
    }

    /// The local name of the first element, after the XML declaration, comments, processing instructions and the
    /// document type declaration; `nil` when the prefix does not reach it.
    var rootElementLocalName: String? {
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            let next = open + 1
            guard next < bytes.endIndex else { return nil }
            let marker = bytes[next]
            if marker == UInt8(ascii: "?") || marker == UInt8(ascii: "!") {
                // Skip to the end of the declaration (comments and DOCTYPE internal subsets may hold `>` later,
                // which is good enough for sniffing).
                guard let close = bytes[next...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                index = close + 1
                continue
            }
            let name = bytes[next...].prefix { byte in
                !(byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == UInt8(ascii: ">")
                    || byte == UInt8(ascii: "/"))
            }
            let local = name.split(separator: UInt8(ascii: ":")).last ?? name
            return String(decoding: local, as: UTF8.self)
        }
        return nil
    }

    func contains(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, bytes.count >= pattern.count else { return false }
        var index = bytes.startIndex
        while index <= bytes.endIndex - pattern.count {
            if bytes[index] == first, bytes[index..<index + pattern.count].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }
}

/// Walks the Atom XML and turns each top-level entry into a record.
private struct AtomParser {
    let xml: XMLStreamReader
    let options: ReadOptions
    let entityFromName: EntityKind?
    let mapping: EntityMapping
    let names: Names
    /// The entity type the feed names (its `self` link, `id` or `xml:base`).
    var feedEntity: EntityKind?
    /// Where each element read into the current entry's fields is: its parent's index and its step.
    var table: [(parent: Int32, step: XMLPathStep?)] = []
    /// The path above the current top-level entry.
    var prefix: [XMLPathStep] = []
    var elementCount = 0
    var emitted = 0

    struct Names {
        let feed, entry, link, content, category, id, inline, properties, mType, mNull, rel, href, term: XMLNameID
        let base, src: XMLNameID

        init(_ xml: XMLStreamReader) {
            feed = xml.id(of: XMLName(AtomVocabulary.atom, "feed"))
            entry = xml.id(of: XMLName(AtomVocabulary.atom, "entry"))
            link = xml.id(of: XMLName(AtomVocabulary.atom, "link"))
            content = xml.id(of: XMLName(AtomVocabulary.atom, "content"))
            category = xml.id(of: XMLName(AtomVocabulary.atom, "category"))
            id = xml.id(of: XMLName(AtomVocabulary.atom, "id"))
            inline = xml.id(of: XMLName(AtomVocabulary.metadata, "inline"))
            properties = xml.id(of: XMLName(AtomVocabulary.metadata, "properties"))
            mType = xml.id(of: XMLName(AtomVocabulary.metadata, "type"))
            mNull = xml.id(of: XMLName(AtomVocabulary.metadata, "null"))
            rel = xml.id(of: XMLName(nil, "rel"))
            href = xml.id(of: XMLName(nil, "href"))
            term = xml.id(of: XMLName(nil, "term"))
            base = xml.id(of: XMLName(AtomVocabulary.xml, "base"))
            src = xml.id(of: XMLName(nil, "src"))
        }
    }

    /// What one entry holds.
    struct Entry {
        var members: [JSONMember] = []
        var term: String?
        var edit: String?
        var atomID: String?
        var position: JSONPosition
        var complete = false
    }

    init(xml: XMLStreamReader, options: ReadOptions, entityFromName: EntityKind?) {
        self.xml = xml
        self.options = options
        self.entityFromName = entityFromName
        self.mapping = EntityMapping(sourceName: options.sourceName)
        self.names = Names(xml)
    }

    mutating func run(emit: (Record) throws -> Void, report: (Diagnostic) -> Void) throws {
        var sawRoot = false
        while true {
            switch try xml.next(report: report) {
            case .startElement:
                guard !sawRoot else {
                    try xml.skipElement(report: report)
                    continue
                }
                sawRoot = true
                if xml.isStart(names.feed) {
                    try readFeed(emit: emit, report: report)
                } else if xml.isStart(names.entry) {
                    try topEntry(emit: emit, report: report)
                } else {
                    report(
                        Diagnostic(
                            id: .noRecords,
                            severity: .error,
                            message: "the root element is <\(xml.qualifiedName ?? "")> in namespace "
                                + "'\(xml.name?.namespaceURI ?? "")', not an Atom feed or entry "
                                + "(\(AtomVocabulary.atom))",
                            location: xml.location
                        )
                    )
                    try xml.skipElement(report: report)
                }
            case .endOfDocument:
                return
            case .text, .endElement:
                continue
            }
        }
    }

    private mutating func readFeed(emit: (Record) throws -> Void, report: (Diagnostic) -> Void) throws {
        if let base = xml.attribute(names.base) { feedEntity = Self.entity(fromPath: base) }
        let depth = xml.depth
        while true {
            switch try xml.next(report: report) {
            case .startElement:
                if xml.isStart(names.entry) {
                    try topEntry(emit: emit, report: report)
                } else if xml.isStart(names.link), xml.attribute(names.rel) == "self",
                    let href = xml.attribute(names.href), let kind = Self.entity(fromPath: href)
                {
                    feedEntity = kind
                    try xml.skipElement(report: report)
                } else if xml.isStart(names.id) {
                    var sawElement = false
                    let text = try xml.readText(report: report, sawElement: &sawElement)
                    if let kind = Self.entity(fromPath: text) { feedEntity = kind }
                } else {
                    try xml.skipElement(report: report)
                }
            case .endElement where xml.depth == depth: return
            case .endOfDocument: return
            default: continue
            }
        }
    }

    /// The entity type named by the last path segment of a URI (`…/informea.svc/Meetings`, `Meetings`).
    static func entity(fromPath path: String) -> EntityKind? {
        var segment = Substring(path.trimmingWhitespace())
        while segment.hasSuffix("/") { segment = segment.dropLast() }
        if let slash = segment.lastIndex(of: "/") { segment = segment[segment.index(after: slash)...] }
        guard !segment.isEmpty, !segment.contains("(") else { return nil }
        return EntityKind(parsing: String(segment))
    }

    // MARK: Entries

    private mutating func topEntry(emit: (Record) throws -> Void, report: (Diagnostic) -> Void) throws {
        table.removeAll(keepingCapacity: true)
        prefix = Array(xml.pathSteps.dropLast())
        elementCount = 0
        let here = xml.location
        let entry = try readEntry(parent: -1, report: report)
        guard entry.complete else { return }
        try handle(entry, here: here, emit: emit, report: report)
    }

    /// Reads the entry at its start tag: its category, links (with inline navigations) and properties.
    private mutating func readEntry(parent: Int32, report: (Diagnostic) -> Void) throws -> Entry {
        let index = addElement(parent: parent)
        var entry = Entry(position: position(index))
        var navigations: [JSONMember] = []
        let depth = xml.depth
        while true {
            switch try xml.next(report: report) {
            case .startElement:
                if xml.isStart(names.category) {
                    if entry.term == nil { entry.term = xml.attribute(names.term) }
                    try xml.skipElement(report: report)
                } else if xml.isStart(names.link) {
                    if let navigation = try readLink(parent: index, entry: &entry, report: report) {
                        navigations.append(navigation)
                    }
                } else if xml.isStart(names.content) {
                    if xml.attribute(names.src) != nil {
                        try xml.skipElement(report: report)
                    } else {
                        try readContent(parent: index, into: &entry.members, report: report)
                    }
                } else if xml.isStart(names.properties) {
                    try readProperties(parent: index, into: &entry.members, report: report)
                } else if xml.isStart(names.id) {
                    var sawElement = false
                    entry.atomID = try xml.readText(report: report, sawElement: &sawElement)
                } else {
                    try xml.skipElement(report: report)
                }
            case .endElement where xml.depth == depth:
                entry.members += navigations
                entry.complete = true
                return entry
            case .endOfDocument:
                return entry
            default:
                continue
            }
        }
    }

    /// Reads a `link`: notes the `edit` address, and returns an inline navigation as a member (`nil` otherwise).
    private mutating func readLink(
        parent: Int32,
        entry: inout Entry,
        report: (Diagnostic) -> Void
    ) throws -> JSONMember? {
        let rel = xml.attribute(names.rel) ?? ""
        if rel == "edit" {
            entry.edit = xml.attribute(names.href)
            try xml.skipElement(report: report)
            return nil
        }
        // `…/dataservices/related/<name>`: the navigation property's name follows the last `/related/`.
        var name: String?
        if rel.hasPrefix(AtomVocabulary.relatedPrefix) {
            name = String(rel.utf8.dropFirst(AtomVocabulary.relatedPrefix.utf8.count))
        } else {
            var rest = Substring(rel)
            while let range = rest.firstRange(of: "/related/") {
                name = String(rest[range.upperBound...])
                rest = rest[range.upperBound...]
            }
        }
        guard let name else {
            try xml.skipElement(report: report)
            return nil
        }
        let index = addElement(parent: parent)
        let depth = xml.depth
        var value: JSONValue?
        while true {
            switch try xml.next(report: report) {
            case .startElement where xml.isStart(names.inline):
                value = try readInline(parent: index, report: report)
            case .startElement:
                try xml.skipElement(report: report)
            case .endElement where xml.depth == depth:
                // A deferred navigation (no m:inline) or an empty one (`<m:inline/>`, no related entity) adds
                // nothing.
                guard let value, !value.isNull, !name.isEmpty else { return nil }
                return JSONMember(key: name, value: value, keyPosition: value.position)
            case .endOfDocument:
                return nil
            default:
                continue
            }
        }
    }

    /// Reads `m:inline`: a feed of entries (an array of row objects), one entry (an object), or nothing (null).
    private mutating func readInline(parent: Int32, report: (Diagnostic) -> Void) throws -> JSONValue {
        let index = addElement(parent: parent)
        let depth = xml.depth
        var value = JSONValue(.null, position: position(index))
        while true {
            switch try xml.next(report: report) {
            case .startElement where xml.isStart(names.feed):
                let feedIndex = addElement(parent: index)
                var rows: [JSONValue] = []
                let feedDepth = xml.depth
                feed: while true {
                    switch try xml.next(report: report) {
                    case .startElement where xml.isStart(names.entry):
                        let row = try readEntry(parent: feedIndex, report: report)
                        rows.append(JSONValue(.object(row.members), position: row.position))
                    case .startElement:
                        try xml.skipElement(report: report)
                    case .endElement where xml.depth == feedDepth, .endOfDocument:
                        break feed
                    default:
                        continue
                    }
                }
                value = JSONValue(.array(rows), position: position(feedIndex))
            case .startElement where xml.isStart(names.entry):
                let row = try readEntry(parent: index, report: report)
                value = JSONValue(.object(row.members), position: row.position)
            case .startElement:
                try xml.skipElement(report: report)
            case .endElement where xml.depth == depth, .endOfDocument:
                return value
            default:
                continue
            }
        }
    }

    private mutating func readContent(
        parent: Int32,
        into members: inout [JSONMember],
        report: (Diagnostic) -> Void
    ) throws {
        let index = addElement(parent: parent)
        let depth = xml.depth
        while true {
            switch try xml.next(report: report) {
            case .startElement where xml.isStart(names.properties):
                try readProperties(parent: index, into: &members, report: report)
            case .startElement:
                try xml.skipElement(report: report)
            case .endElement where xml.depth == depth, .endOfDocument:
                return
            default:
                continue
            }
        }
    }

    private mutating func readProperties(
        parent: Int32,
        into members: inout [JSONMember],
        report: (Diagnostic) -> Void
    ) throws {
        let index = addElement(parent: parent)
        let depth = xml.depth
        while true {
            switch try xml.next(report: report) {
            case .startElement:
                let key = xml.localName ?? ""
                let value = try readValue(parent: index, report: report)
                members.append(JSONMember(key: key, value: value, keyPosition: value.position))
            case .endElement where xml.depth == depth, .endOfDocument:
                return
            default:
                continue
            }
        }
    }

    /// Reads a property element at its start tag into a JSON value, by its `m:null`, `m:type` and content.
    private mutating func readValue(parent: Int32, report: (Diagnostic) -> Void) throws -> JSONValue {
        let index = addElement(parent: parent)
        let here = position(index)
        let isNull = xml.attribute(names.mNull).map { $0 == "true" || $0 == "1" } ?? false
        let type = xml.attribute(names.mType)
        if isNull {
            try xml.skipElement(report: report)
            return JSONValue(.null, position: here)
        }
        let depth = xml.depth
        var text = ""
        var items: [JSONValue] = []
        var members: [JSONMember] = []
        var sawChild = false
        loop: while true {
            switch try xml.next(report: report) {
            case .text:
                if !sawChild { text += xml.text }
            case .startElement:
                sawChild = true
                let name = xml.localName ?? ""
                let value = try readValue(parent: index, report: report)
                if name == "element" || name == "item" {
                    items.append(value)
                } else {
                    members.append(JSONMember(key: name, value: value, keyPosition: value.position))
                }
            case .endElement where xml.depth == depth, .endOfDocument:
                break loop
            default:
                continue
            }
        }
        if let type, type.hasPrefix("Collection(") {
            return JSONValue(.array(items + members.map(\.value)), position: here)
        }
        if sawChild {
            if members.isEmpty { return JSONValue(.array(items), position: here) }
            return JSONValue(.object(members + items.map { JSONMember(key: "element", value: $0) }), position: here)
        }
        if let type, !type.hasPrefix("Edm.") {
            // A complex value with no members.
            return JSONValue(.object([]), position: here)
        }
        return JSONValue(Self.scalar(text, type: type), position: here)
    }

    /// A scalar by its EDM type: numbers and Booleans as JSON numbers and Booleans when their text is one, all else
    /// as text (so a value that does not fit its type is reported by the mapping, with the text as received).
    static func scalar(_ text: String, type: String?) -> JSONValue.Kind {
        guard let type else { return .string(text) }
        switch type {
        case "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte", "Edm.Decimal", "Edm.Double",
            "Edm.Single":
            let trimmed = text.trimmingWhitespace()
            return JSONOutput.isValidNumberLexeme(trimmed) ? .number(trimmed) : .string(text)
        case "Edm.Boolean":
            switch text.trimmingWhitespace() {
            case "true", "1": return .bool(true)
            case "false", "0": return .bool(false)
            default: return .string(text)
            }
        default:
            return .string(text)
        }
    }

    // MARK: Locations

    private mutating func addElement(parent: Int32) -> Int32 {
        elementCount += 1
        // Past the limit the entry is reported and skipped (`handle`): its elements' locations are not kept.
        guard elementCount < InforMEAAtomReader.maxElementsPerEntry || table.isEmpty else {
            return Int32(table.count - 1)
        }
        table.append((parent, xml.currentStep))
        return Int32(table.count - 1)
    }

    private func position(_ index: Int32) -> JSONPosition {
        JSONPosition(line: xml.line, column: xml.column ?? 0, offset: Int(index))
    }

    /// Where the elements of one entry are, to turn a table index back into an XPath.
    struct Locator {
        let xml: XMLStreamReader
        let table: [(parent: Int32, step: XMLPathStep?)]
        let prefix: [XMLPathStep]

        /// The XPath of an element recorded in `table`.
        func path(_ index: Int) -> String {
            var steps: [XMLPathStep] = []
            var cursor = index
            while cursor >= 0, cursor < table.count {
                if let step = table[cursor].step { steps.append(step) }
                cursor = Int(table[cursor].parent)
            }
            return xml.path(of: prefix + steps.reversed())
        }

        /// A mapping diagnostic located by table index (in `byteOffset`, where the JSON value positions carry it)
        /// relocated to its element's XPath.
        func relocated(_ diagnostic: Diagnostic) -> Diagnostic {
            guard var location = diagnostic.location, let index = location.byteOffset, index < table.count else {
                return diagnostic
            }
            var copy = diagnostic
            location.path = path(index)
            location.byteOffset = nil
            if location.column == 0 { location.column = nil }
            copy.location = location
            return copy
        }
    }

    // MARK: Records

    private mutating func handle(
        _ entry: Entry,
        here: SourceLocation,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        guard elementCount < InforMEAAtomReader.maxElementsPerEntry else {
            report(
                Diagnostic(
                    id: .xmlLimit,
                    severity: .error,
                    message: "an entry holds \(InforMEAAtomReader.maxElementsPerEntry) elements or more; skipped",
                    location: here
                )
            )
            return
        }
        let members = entry.members
        let address =
            (entry.edit.flatMap(AtomVocabulary.entityAddress))
            ?? entry.atomID.flatMap(AtomVocabulary.entityAddress)
        var kind = entry.term.flatMap { EntityKind(parsing: $0) }
        if kind == nil, let set = address?.set { kind = EntityKind(parsing: set) }
        if kind == nil { kind = options.entity ?? feedEntity ?? entityFromName }
        if kind == nil { kind = InforMEAODataJSONReader.guessEntity(members) }
        guard let kind else {
            report(
                Diagnostic(
                    id: .unknownEntity,
                    severity: .error,
                    message: "cannot tell which entity this entry is (no category term, no edit link, no entity-set "
                        + "feed or file name); pass --entity NAME; skipped",
                    location: here
                )
            )
            return
        }
        var fields = JSONFields(members: members, pointer: "", sourceName: options.sourceName)
        let locator = Locator(xml: xml, table: table, prefix: prefix)
        func relocate(_ diagnostic: Diagnostic) { report(locator.relocated(diagnostic)) }
        let idMember = fields.take(kind == .countryProfile ? ["id", "country"] : ["id"])
        var id = idMember.flatMap { fields.scalarText($0.value, path: "", report: relocate) }
        if id == nil || id?.isEmpty == true { id = address?.key }
        guard let id, !id.isEmpty else {
            report(
                Diagnostic(
                    id: .missingID,
                    severity: .error,
                    message: "\(kind.typeName) entry has no id (no d:id, no key in its edit link or atom:id); every "
                        + "InforMEA record needs a stable id; skipped",
                    location: here
                )
            )
            return
        }
        if kind == .countryProfile, let idMember, JSONFields.sameKey(idMember.key, "country") {
            // The key doubles as the country field.
            fields = JSONFields(members: members, pointer: "", sourceName: options.sourceName)
            _ = fields.take(["id"])
        }
        var record = mapping.record(kind: kind, id: id, fields: &fields, report: relocate)
        record.source = here
        record.extras = fields.extras()
        emitted += 1
        try emit(record)
    }
}

extension InforMEAAtomReader: SchemaCheckingReader {}
