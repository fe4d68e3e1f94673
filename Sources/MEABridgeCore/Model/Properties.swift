/// A value of a canonical property, typed so that each writer can render it in its own wire form.
public enum PropertyValue: Sendable, Hashable {
    /// Plain text.
    case string(String)
    /// Multilingual text.
    case text(LocalizedText)
    /// A date or instant.
    case date(DateValue)
    /// An integer.
    case integer(Int64)
    /// A decimal number.
    case double(Double)
    /// A boolean.
    case bool(Bool)
    /// A boolean the InforMEA toolkit serves as the integer 0 or 1 (`primary`).
    case flag(Bool)
    /// A country.
    case country(CountryRef)
    /// A treaty identifier.
    case treaty(TreatyID)
    /// Several treaty identifiers.
    case treaties([TreatyID])
    /// A list of strings.
    case strings([String])
    /// Files.
    case files([FileRef])
    /// Keywords.
    case keywords([Keyword])
    /// Goal links.
    case goals([GoalRef])
    /// CBD-style contact roles.
    case roles([ContactRole])
    /// Document authors.
    case authors([DocumentAuthor])
    /// Document identifiers.
    case identifiers([DocumentIdentifier])
    /// Document tags.
    case tags([DocumentTag])
    /// Document references.
    case references([DocumentReference])
    /// Structured report answers.
    case answers([ReportAnswer])
    /// Common names of a taxon.
    case commonNames([CommonName])
    /// Listings, quotas, suspensions and decisions on a taxon.
    case listings([TaxonListing])
    /// Where a taxon occurs.
    case distribution([TaxonDistribution])
}

/// A named canonical property of a record.
public struct Property: Sendable, Hashable {
    /// The property name, as on the InforMEA wire (`title`, `meetingId`, `phoneNumber`).
    public var name: String
    /// The value.
    public var value: PropertyValue

    /// Creates a property.
    /// - Parameters:
    ///   - name: The name.
    ///   - value: The value.
    public init(_ name: String, _ value: PropertyValue) {
        self.name = name
        self.value = value
    }
}

/// Receives a record's properties one by one, in the order of ``Record/properties``
/// (``Record/visitProperties(_:)``).
///
/// Plain text arrives as it is stored in the record, without a ``Property`` built around it: over the millions of
/// records of a large input, a rule or a writer that implements ``visit(_:string:)`` reads each value in place
/// instead of copying it. Every other property arrives through ``visit(_:)``.
public protocol PropertyVisitor {
    /// Receives a property.
    /// - Parameter property: The property.
    mutating func visit(_ property: Property)

    /// Receives a plain-text property (by default handed to ``visit(_:)`` as a ``Property``).
    /// - Parameters:
    ///   - name: The property name.
    ///   - value: The text.
    mutating func visit(_ name: String, string value: String)
}

extension PropertyVisitor {
    /// Hands the text to ``visit(_:)`` as a ``Property``.
    /// - Parameters:
    ///   - name: The property name.
    ///   - value: The text.
    @inlinable
    public mutating func visit(_ name: String, string value: String) { visit(Property(name, .string(value))) }

    // What `Record.visitProperties` calls for each field: absent and empty values are left out.

    @inlinable mutating func add(_ name: String, _ value: String?) {
        if let value { visit(name, string: value) }
    }
    @inlinable mutating func add(_ name: String, _ value: LocalizedText) {
        if !value.isEmpty { visit(Property(name, .text(value))) }
    }
    @inlinable mutating func add(_ name: String, _ value: DateValue?) {
        if let value { visit(Property(name, .date(value))) }
    }
    @inlinable mutating func add(_ name: String, _ value: Int?) {
        if let value { visit(Property(name, .integer(Int64(value)))) }
    }
    @inlinable mutating func add(_ name: String, _ value: Double?) {
        if let value { visit(Property(name, .double(value))) }
    }
    @inlinable mutating func add(_ name: String, _ value: Bool?) {
        if let value { visit(Property(name, .bool(value))) }
    }
    @inlinable mutating func add(_ name: String, _ value: CountryRef?) {
        if let value { visit(Property(name, .country(value))) }
    }
    @inlinable mutating func add(_ name: String, _ value: TreatyID?) {
        if let value { visit(Property(name, .treaty(value))) }
    }
    @inlinable mutating func add(_ name: String, _ value: (some OpenVocabulary)?) {
        if let value { visit(name, string: value.rawValue) }
    }
    @inlinable mutating func add(_ name: String, _ value: @autoclosure () -> PropertyValue, ifNotEmpty isEmpty: Bool) {
        if !isEmpty { visit(Property(name, value())) }
    }
}

/// A visitor that hands every property to a closure.
private struct ClosureVisitor: PropertyVisitor {
    let body: (Property) -> Void

    func visit(_ property: Property) { body(property) }
}

extension Record {
    /// The record's canonical properties in a fixed order (absent values left out), without `id`, the source or the
    /// extras.
    ///
    /// Writers render this list, so every writer sees the same fields in the same order.
    public var properties: [Property] {
        var items: [Property] = []
        items.reserveCapacity(24)
        forEachProperty { items.append($0) }
        return items
    }

    /// Hands each of ``properties`` to `body`, in the same order, without building the list (what a writer or a
    /// rule that looks at each property once needs, for every record of a large input).
    /// - Parameter body: Receives each property.
    public func forEachProperty(_ body: (Property) -> Void) {
        withoutActuallyEscaping(body) { body in
            var visitor = ClosureVisitor(body: body)
            visitProperties(&visitor)
        }
    }

    /// Hands each of ``properties`` to a visitor, in the same order, plain text in place (see ``PropertyVisitor``).
    ///
    /// Inlinable, so that it is specialised for the visitor: no closure call, and no copy of the record's values.
    /// - Parameter list: The visitor.
    @inlinable
    public func visitProperties<Visitor: PropertyVisitor>(_ list: inout Visitor) {
        switch self {
        case .meeting(let m):
            list.add("protocolVersion", m.protocolVersion)
            list.add("treaty", m.treaty)
            list.add("url", m.url)
            list.add("title", m.title)
            list.add("description", m.description)
            list.add("start", m.start)
            list.add("end", m.end)
            list.add("repetition", m.repetition)
            list.add("kind", m.kind)
            list.add("type", m.type)
            list.add("access", m.access)
            list.add("status", m.status)
            list.add("imageUrl", m.imageUrl)
            list.add("imageCopyright", m.imageCopyright)
            list.add("location", m.location)
            list.add("city", m.city)
            list.add("country", m.country)
            list.add("latitude", m.latitude)
            list.add("longitude", m.longitude)
            list.add("virtual", m.isVirtual)
            list.add("updated", m.updated)
            list.add("goals", .goals(m.goals), ifNotEmpty: m.goals.isEmpty)
        case .decision(let d):
            list.add("protocolVersion", d.protocolVersion)
            list.add("treaty", d.treaty)
            list.add("link", d.link)
            list.add("title", d.title)
            list.add("longTitle", d.longTitle)
            list.add("summary", d.summary)
            list.add("content", d.content)
            list.add("type", d.type)
            list.add("status", d.status)
            list.add("number", d.number)
            list.add("published", d.published)
            list.add("updated", d.updated)
            list.add("meetingId", d.meetingId)
            list.add("meetingTitle", d.meetingTitle)
            list.add("meetingUrl", d.meetingUrl)
            list.add("displayOrder", d.displayOrder)
            list.add("keywords", .keywords(d.keywords), ifNotEmpty: d.keywords.isEmpty)
            list.add("files", .files(d.files), ifNotEmpty: d.files.isEmpty)
            list.add("treatyUUID", d.treatyUUID)
            list.add("goals", .goals(d.goals), ifNotEmpty: d.goals.isEmpty)
        case .contact(let c):
            list.add("protocolVersion", c.protocolVersion)
            list.add("treaties", .treaties(c.treaties), ifNotEmpty: c.treaties.isEmpty)
            list.add("country", c.country)
            list.add("prefix", c.prefix)
            list.add("firstName", c.firstName)
            list.add("lastName", c.lastName)
            list.add("type", c.type)
            list.add("position", c.position)
            list.add("institution", c.institution)
            list.add("department", c.department)
            list.add("address", c.address)
            list.add("email", c.email)
            list.add("phoneNumber", c.phone)
            list.add("fax", c.fax)
            if let primary = c.isPrimary { list.visit(Property("primary", .flag(primary))) }
            list.add("roles", .roles(c.roles), ifNotEmpty: c.roles.isEmpty)
            list.add("gender", c.gender)
            list.add("updated", c.updated)
        case .countryReport(let r):
            list.add("protocolVersion", r.protocolVersion)
            list.add("treaty", r.treaty)
            list.add("country", r.country)
            list.add("title", r.title)
            list.add("submission", r.submission)
            list.add("url", r.url)
            list.add("files", .files(r.files), ifNotEmpty: r.files.isEmpty)
            list.add("updated", r.updated)
            list.add("goals", .goals(r.goals), ifNotEmpty: r.goals.isEmpty)
            list.add("answers", .answers(r.answers), ifNotEmpty: r.answers.isEmpty)
        case .nationalPlan(let p):
            list.add("protocolVersion", p.protocolVersion)
            list.add("treaty", p.treaty)
            list.add("country", p.country)
            list.add("type", p.type)
            list.add("title", p.title)
            list.add("url", p.url)
            list.add("files", .files(p.files), ifNotEmpty: p.files.isEmpty)
            list.add("submission", p.submission)
            list.add("updated", p.updated)
            list.add("goals", .goals(p.goals), ifNotEmpty: p.goals.isEmpty)
            list.add("answers", .answers(p.answers), ifNotEmpty: p.answers.isEmpty)
        case .site(let s):
            list.add("protocolVersion", s.protocolVersion)
            list.add("type", s.type)
            list.add("country", s.country)
            list.add("treaty", s.treaty)
            list.add("name", s.name)
            list.add("url", s.url)
            list.add("latitude", s.latitude)
            list.add("longitude", s.longitude)
            list.add("updated", s.updated)
        case .treaty(let t):
            list.add("protocolVersion", t.protocolVersion)
            list.add("UUID", t.uuid)
            list.add("url", t.url)
            list.add("treatyWebsiteURL", t.websiteUrl)
            list.add("titleEnglish", t.titleEnglish)
            list.add("officialNameEnglish", t.officialNameEnglish)
            list.add("title", t.title)
            list.add("description", t.description)
        case .document(let d):
            list.add("schemaVersion", d.protocolVersion)
            list.add("published", d.published)
            list.add("updated", d.updated)
            list.add("treaty", d.treaty)
            list.add("treaties", .treaties(d.treaties), ifNotEmpty: d.treaties.isEmpty)
            list.add("thumbnailUrl", d.thumbnailUrl)
            list.add("displayOrder", d.displayOrder)
            list.add("country", d.country)
            list.add("title", d.title)
            list.add("description", d.description)
            list.add("authors", .authors(d.authors), ifNotEmpty: d.authors.isEmpty)
            list.add("files", .files(d.files), ifNotEmpty: d.files.isEmpty)
            list.add("identifiers", .identifiers(d.identifiers), ifNotEmpty: d.identifiers.isEmpty)
            list.add("keywords", .keywords(d.keywords), ifNotEmpty: d.keywords.isEmpty)
            list.add("tags", .tags(d.tags), ifNotEmpty: d.tags.isEmpty)
            list.add("referenceToEntities", .references(d.references), ifNotEmpty: d.references.isEmpty)
            list.add("types", .strings(d.types), ifNotEmpty: d.types.isEmpty)
            list.add("goals", .goals(d.goals), ifNotEmpty: d.goals.isEmpty)
        case .countryProfile(let p):
            list.add("protocolVersion", p.protocolVersion)
            list.add("country", p.country)
            list.add("treaty", p.treaty)
            list.add("entryIntoForce", p.entryIntoForce)
            list.add("entryIntoForceStatus", p.entryIntoForceStatus)
            list.add("statusDate", p.statusDate)
            list.add("note", p.note)
            list.add("updated", p.updated)
        case .tradeRecord(let t):
            t.visitProperties(&list)
        case .taxon(let t):
            list.add("taxonomy", t.taxonomy)
            list.add("name", t.name)
            list.add("author", t.author)
            list.add("rank", t.rank)
            list.add("nameStatus", t.nameStatus)
            list.add("active", t.isActive)
            list.add("kingdom", t.kingdom)
            list.add("phylum", t.phylum)
            list.add("class", t.taxonClass)
            list.add("order", t.taxonOrder)
            list.add("family", t.family)
            list.add("citesListing", t.citesListing)
            list.add("synonyms", .strings(t.synonyms), ifNotEmpty: t.synonyms.isEmpty)
            list.add("commonNames", .commonNames(t.commonNames), ifNotEmpty: t.commonNames.isEmpty)
            list.add("listings", .listings(t.listings), ifNotEmpty: t.listings.isEmpty)
            list.add("distribution", .distribution(t.distribution), ifNotEmpty: t.distribution.isEmpty)
            list.add("references", .strings(t.references), ifNotEmpty: t.references.isEmpty)
            list.add("updated", t.updated)
            list.add("goals", .goals(t.goals), ifNotEmpty: t.goals.isEmpty)
        }
    }
}

extension TradeRecord {
    /// Hands each of the record's properties to a visitor, in the order of ``Record/properties`` (what
    /// ``Record/visitProperties(_:)`` does for a trade record).
    /// - Parameter list: The visitor.
    @inlinable
    public func visitProperties<Visitor: PropertyVisitor>(_ list: inout Visitor) {
        list.add("year", year)
        list.add("appendix", appendix)
        list.add("taxon", taxon)
        list.add("class", taxonClass)
        list.add("order", taxonOrder)
        list.add("family", family)
        list.add("genus", genus)
        list.add("termCode", term)
        list.add("quantity", quantity)
        list.add("unitCode", unit)
        list.add("importerQuantity", importerQuantity)
        list.add("exporterQuantity", exporterQuantity)
        list.add("importer", importer)
        list.add("exporter", exporter)
        list.add("origin", origin)
        list.add("purposeCode", purpose)
        list.add("sourceCode", sourceCode)
        list.add("reporterType", reporterType)
        list.add("importPermit", importPermit)
        list.add("exportPermit", exportPermit)
        list.add("originPermit", originPermit)
        list.add("ifsPermit", ifsPermit)
    }
}
