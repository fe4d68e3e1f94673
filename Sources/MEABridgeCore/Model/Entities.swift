public import OrderedCollections

/// What every canonical record has: an id, where it came from, and the provider's extra properties.
public protocol CanonicalEntity: Sendable, Hashable, Codable {
    /// The entity type.
    static var kind: EntityKind { get }
    /// The provider's stable identifier.
    var id: String { get set }
    /// Where the record was read from.
    var source: SourceLocation? { get set }
    /// Provider-specific properties with no canonical field, kept in the order received.
    var extras: Extras { get set }
    /// The spec's `protocolVersion` / `schemaVersion`, when the provider sent one.
    var protocolVersion: Int? { get set }
}

/// A meeting (informea-model.md §3.1).
public struct Meeting: CanonicalEntity {
    /// `.meeting`.
    public static let kind = EntityKind.meeting
    /// The provider's id.
    public var id: String
    /// The treaty the meeting belongs to.
    public var treaty: TreatyID?
    /// The meeting page.
    public var url: String?
    /// The title (English required).
    public var title = LocalizedText()
    /// The description (may hold HTML).
    public var description = LocalizedText()
    /// The start (required unless the status is `nodate`).
    public var start: DateValue?
    /// The end.
    public var end: DateValue?
    /// How the meeting repeats.
    public var repetition: MeetingRepetition?
    /// Official, partner or interest.
    public var kind: MeetingKind?
    /// COP, MOP, workshop, ….
    public var type: MeetingType?
    /// Public or by invitation.
    public var access: MeetingAccess?
    /// Confirmed, cancelled, ….
    public var status: MeetingStatus?
    /// A small representative image.
    public var imageUrl: String?
    /// The image's copyright line.
    public var imageCopyright: String?
    /// The venue.
    public var location: String?
    /// The city.
    public var city: String?
    /// The host country.
    public var country: CountryRef?
    /// Latitude in decimal degrees.
    public var latitude: Double?
    /// Longitude in decimal degrees.
    public var longitude: Double?
    /// Whether the meeting is held online.
    public var isVirtual: Bool?
    /// When the record last changed at the provider.
    public var updated: DateValue?
    /// Links to global goals.
    public var goals: [GoalRef] = []
    /// The spec's `protocolVersion`.
    public var protocolVersion: Int?
    /// Where the record was read from.
    public var source: SourceLocation?
    /// Provider-specific properties.
    public var extras = Extras()

    /// Creates a meeting with an id; set the other fields after.
    /// - Parameter id: The provider's id.
    public init(id: String) { self.id = id }
}

/// A decision, resolution or recommendation (informea-model.md §3.2).
public struct Decision: CanonicalEntity {
    /// `.decision`.
    public static let kind = EntityKind.decision
    /// The provider's id.
    public var id: String
    /// The treaty.
    public var treaty: TreatyID?
    /// The decision page on the MEA site.
    public var link: String?
    /// The title (often just the number).
    public var title = LocalizedText()
    /// The long title.
    public var longTitle = LocalizedText()
    /// The summary (HTML).
    public var summary = LocalizedText()
    /// The full text (HTML, deprecated in favour of files).
    public var content = LocalizedText()
    /// Decision, resolution, recommendation, ….
    public var type: DecisionType?
    /// Active, adopted, retired, ….
    public var status: DecisionStatus?
    /// The number (`SC-3/7`, `NP-1/13`).
    public var number: String?
    /// When it was published.
    public var published: DateValue?
    /// When the record last changed at the provider.
    public var updated: DateValue?
    /// The provider's id of the meeting that took it.
    public var meetingId: String?
    /// The English title of that meeting.
    public var meetingTitle: String?
    /// The meeting page.
    public var meetingUrl: String?
    /// Order within the meeting.
    public var displayOrder: Int?
    /// Tagged terms.
    public var keywords: [Keyword] = []
    /// Attached files.
    public var files: [FileRef] = []
    /// InforMEA's UUID of the treaty.
    public var treatyUUID: String?
    /// Links to global goals.
    public var goals: [GoalRef] = []
    /// The spec's `protocolVersion`.
    public var protocolVersion: Int?
    /// Where the record was read from.
    public var source: SourceLocation?
    /// Provider-specific properties.
    public var extras = Extras()

    /// Creates a decision with an id; set the other fields after.
    /// - Parameter id: The provider's id.
    public init(id: String) { self.id = id }
}

/// A treaty role of a CBD-style contact (`PersonRoles`).
public struct ContactRole: Sendable, Hashable, Codable {
    /// The treaty the roles are for.
    public var treaty: TreatyID?
    /// The role names ("CBD Primary NFP", "BCH NFP", …).
    public var roles: [String]
    /// The order given by the provider.
    public var order: String?

    /// Creates a role entry.
    /// - Parameters:
    ///   - treaty: The treaty.
    ///   - roles: The role names.
    ///   - order: The provider's order.
    public init(treaty: TreatyID?, roles: [String], order: String? = nil) {
        self.treaty = treaty
        self.roles = roles
        self.order = order
    }
}

/// A national focal point (informea-model.md §3.3).
public struct Contact: CanonicalEntity {
    /// `.contact`.
    public static let kind = EntityKind.contact
    /// The provider's id.
    public var id: String
    /// The treaties the contact is a focal point for (those named in roles included).
    public var treaties: [TreatyID] = []
    /// The represented country.
    public var country: CountryRef?
    /// "Mr.", "Dr.", ….
    public var prefix: String?
    /// First name.
    public var firstName: String?
    /// Last name.
    public var lastName: String?
    /// A free category ("Licensed focal point").
    public var type: String?
    /// Position.
    public var position: String?
    /// Institution.
    public var institution: String?
    /// Department.
    public var department: String?
    /// Postal address (may be several lines).
    public var address: String?
    /// E-mail address.
    public var email: String?
    /// Phone number (`phoneNumber` in the spec, `phone` in the toolkit's EDM).
    public var phone: String?
    /// Fax number.
    public var fax: String?
    /// Whether this is the primary focal point.
    public var isPrimary: Bool?
    /// CBD-style roles per treaty.
    public var roles: [ContactRole] = []
    /// Gender as sent (1/0 in the CMS family).
    public var gender: String?
    /// When the record last changed at the provider.
    public var updated: DateValue?
    /// The spec's `protocolVersion`.
    public var protocolVersion: Int?
    /// Where the record was read from.
    public var source: SourceLocation?
    /// Provider-specific properties.
    public var extras = Extras()

    /// Creates a contact with an id; set the other fields after.
    /// - Parameter id: The provider's id.
    public init(id: String) { self.id = id }
}

/// A national report (informea-model.md §3.4).
public struct CountryReport: CanonicalEntity {
    /// `.countryReport`.
    public static let kind = EntityKind.countryReport
    /// The provider's id.
    public var id: String
    /// The treaty.
    public var treaty: TreatyID?
    /// The reporting country.
    public var country: CountryRef?
    /// The title.
    public var title = LocalizedText()
    /// When it was submitted.
    public var submission: DateValue?
    /// The report page or PDF.
    public var url: String?
    /// The report files.
    public var files: [FileRef] = []
    /// When the record last changed at the provider.
    public var updated: DateValue?
    /// Links to global goals.
    public var goals: [GoalRef] = []
    /// Structured report content with no InforMEA field (sections, questions, answers, linked targets).
    public var answers: [ReportAnswer] = []
    /// The spec's `protocolVersion`.
    public var protocolVersion: Int?
    /// Where the record was read from.
    public var source: SourceLocation?
    /// Provider-specific properties.
    public var extras = Extras()

    /// Creates a report with an id; set the other fields after.
    /// - Parameter id: The provider's id.
    public init(id: String) { self.id = id }
}

/// A national plan: NBSAP, NIP, NAPA, … (informea-model.md §3.5).
public struct NationalPlan: CanonicalEntity {
    /// `.nationalPlan`.
    public static let kind = EntityKind.nationalPlan
    /// The provider's id.
    public var id: String
    /// The treaty.
    public var treaty: TreatyID?
    /// The country.
    public var country: CountryRef?
    /// The plan type.
    public var type: NationalPlanType?
    /// The title.
    public var title = LocalizedText()
    /// The plan page.
    public var url: String?
    /// The plan files.
    public var files: [FileRef] = []
    /// When it was submitted.
    public var submission: DateValue?
    /// When the record last changed at the provider.
    public var updated: DateValue?
    /// Links to global goals.
    public var goals: [GoalRef] = []
    /// Structured plan content with no InforMEA field (national targets, their alignment and indicators).
    public var answers: [ReportAnswer] = []
    /// The spec's `protocolVersion`.
    public var protocolVersion: Int?
    /// Where the record was read from.
    public var source: SourceLocation?
    /// Provider-specific properties.
    public var extras = Extras()

    /// Creates a plan with an id; set the other fields after.
    /// - Parameter id: The provider's id.
    public init(id: String) { self.id = id }
}

/// A Ramsar or World Heritage site (informea-model.md §3.6).
public struct Site: CanonicalEntity {
    /// `.site`.
    public static let kind = EntityKind.site
    /// The provider's id.
    public var id: String
    /// The site type: the treaty identifier (`whc`, `ramsar`).
    public var type: TreatyID?
    /// The country.
    public var country: CountryRef?
    /// The treaty.
    public var treaty: TreatyID?
    /// The name.
    public var name = LocalizedText()
    /// The site page.
    public var url: String?
    /// Latitude in decimal degrees.
    public var latitude: Double?
    /// Longitude in decimal degrees.
    public var longitude: Double?
    /// When the record last changed at the provider.
    public var updated: DateValue?
    /// The spec's `protocolVersion`.
    public var protocolVersion: Int?
    /// Where the record was read from.
    public var source: SourceLocation?
    /// Provider-specific properties.
    public var extras = Extras()

    /// Creates a site with an id; set the other fields after.
    /// - Parameter id: The provider's id.
    public init(id: String) { self.id = id }
}

/// A treaty (informea-model.md §3.7); `id` is the treaty identifier.
public struct Treaty: CanonicalEntity {
    /// `.treaty`.
    public static let kind = EntityKind.treaty
    /// The treaty identifier (`cbd`).
    public var id: String
    /// InforMEA's node UUID.
    public var uuid: String?
    /// The InforMEA treaty page.
    public var url: String?
    /// The treaty's own website.
    public var websiteUrl: String?
    /// The English title.
    public var titleEnglish: String?
    /// The official English name.
    public var officialNameEnglish: String?
    /// Titles in other languages.
    public var title = LocalizedText()
    /// The description (HTML).
    public var description = LocalizedText()
    /// The spec's `protocolVersion`.
    public var protocolVersion: Int?
    /// Where the record was read from.
    public var source: SourceLocation?
    /// Provider-specific properties.
    public var extras = Extras()

    /// Creates a treaty with an id; set the other fields after.
    /// - Parameter id: The treaty identifier.
    public init(id: String) { self.id = id }
}

/// An author of a document.
public struct DocumentAuthor: Sendable, Hashable, Codable {
    /// The provider's id.
    public var id: String?
    /// The name.
    public var name: String
    /// Person or company.
    public var type: AuthorType?

    /// Creates an author.
    /// - Parameters:
    ///   - id: The provider's id.
    ///   - name: The name.
    ///   - type: Person or company.
    public init(id: String? = nil, name: String, type: AuthorType? = nil) {
        self.id = id
        self.name = name
        self.type = type
    }
}

/// An identifier of a document (ISBN, UN symbol, …).
public struct DocumentIdentifier: Sendable, Hashable, Codable {
    /// The provider's id.
    public var id: String?
    /// The identifier scheme (`isbn`, `un-symbol`).
    public var name: String
    /// The identifier.
    public var value: String

    /// Creates an identifier.
    /// - Parameters:
    ///   - id: The provider's id.
    ///   - name: The scheme.
    ///   - value: The identifier.
    public init(id: String? = nil, name: String, value: String) {
        self.id = id
        self.name = name
        self.value = value
    }
}

/// A provider's free tag on a document.
public struct DocumentTag: Sendable, Hashable, Codable {
    /// The provider's id.
    public var id: String?
    /// The tag's language.
    public var language: LanguageCode?
    /// The tag's scope (`BRS`).
    public var scope: String?
    /// The tag text.
    public var value: String
    /// A comment.
    public var comment: String?

    /// Creates a tag.
    /// - Parameters:
    ///   - id: The provider's id.
    ///   - language: The language.
    ///   - scope: The scope.
    ///   - value: The text.
    ///   - comment: A comment.
    public init(
        id: String? = nil,
        language: LanguageCode? = nil,
        scope: String? = nil,
        value: String,
        comment: String? = nil
    ) {
        self.id = id
        self.language = language
        self.scope = scope
        self.value = value
        self.comment = comment
    }
}

/// A link from a document to another record by the provider's id.
public struct DocumentReference: Sendable, Hashable, Codable {
    /// The provider's id of the link row.
    public var id: String?
    /// The kind of record (`meeting`, `decision`, `NationalPlans`, `CountryReports`).
    public var type: String
    /// The provider's id of the record.
    public var refId: String

    /// Creates a reference.
    /// - Parameters:
    ///   - id: The provider's id of the link.
    ///   - type: The kind of record.
    ///   - refId: The record's id.
    public init(id: String? = nil, type: String, refId: String) {
        self.id = id
        self.type = type
        self.refId = refId
    }
}

/// A document: publication, guidance, factsheet, … (informea-model.md §3.8).
public struct Document: CanonicalEntity {
    /// `.document`.
    public static let kind = EntityKind.document
    /// The provider's id.
    public var id: String
    /// When it was published.
    public var published: DateValue?
    /// When the record last changed at the provider.
    public var updated: DateValue?
    /// The primary treaty.
    public var treaty: TreatyID?
    /// All related treaties.
    public var treaties: [TreatyID] = []
    /// A cover image.
    public var thumbnailUrl: String?
    /// Display order.
    public var displayOrder: Int?
    /// The country concerned.
    public var country: CountryRef?
    /// The title.
    public var title = LocalizedText()
    /// The description (HTML).
    public var description = LocalizedText()
    /// The authors.
    public var authors: [DocumentAuthor] = []
    /// The files.
    public var files: [FileRef] = []
    /// Identifiers such as ISBN.
    public var identifiers: [DocumentIdentifier] = []
    /// Concept links (LEO, InforMEA glossary).
    public var keywords: [Keyword] = []
    /// Free tags.
    public var tags: [DocumentTag] = []
    /// Links to other records.
    public var references: [DocumentReference] = []
    /// Document types (`Publication`, `Factsheet`).
    public var types: [String] = []
    /// Links to global goals.
    public var goals: [GoalRef] = []
    /// The spec's `schemaVersion`.
    public var protocolVersion: Int?
    /// Where the record was read from.
    public var source: SourceLocation?
    /// Provider-specific properties.
    public var extras = Extras()

    /// Creates a document with an id; set the other fields after.
    /// - Parameter id: The provider's id.
    public init(id: String) { self.id = id }
}

/// A party's status towards a treaty (informea-model.md §3.9).
///
/// `id` is the provider's key, usually the country.
public struct CountryProfile: CanonicalEntity {
    /// `.countryProfile`.
    public static let kind = EntityKind.countryProfile
    /// The provider's key.
    public var id: String
    /// The country.
    public var country: CountryRef?
    /// The information source treaty.
    public var treaty: TreatyID?
    /// When the treaty entered into force for the country.
    public var entryIntoForce: DateValue?
    /// The ratification status.
    public var entryIntoForceStatus: PartyStatus?
    /// The date of that status.
    public var statusDate: DateValue?
    /// A note (territorial scope, …).
    public var note: String?
    /// When the record last changed at the provider.
    public var updated: DateValue?
    /// The spec's `protocolVersion`.
    public var protocolVersion: Int?
    /// Where the record was read from.
    public var source: SourceLocation?
    /// Provider-specific properties.
    public var extras = Extras()

    /// Creates a profile with a key; set the other fields after.
    /// - Parameter id: The provider's key.
    public init(id: String) { self.id = id }
}
