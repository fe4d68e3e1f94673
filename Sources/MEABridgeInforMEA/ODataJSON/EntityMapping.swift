import MEABridgeCore
import MEABridgeFormatSupport
import MEABridgeJSON

/// Maps one JSON object of an InforMEA feed (any wire variant) to a canonical record.
///
/// Field names follow the InforMEA spec and toolkit EDM, matched case-insensitively, with the drifts seen in real
/// feeds (`filename`/`fileName`, `id`/`Id`, `phoneNumber`/`phone`, `title`/`titles`).
struct EntityMapping {
    let sourceName: String

    func record(
        kind: EntityKind,
        id: String,
        fields: inout JSONFields,
        report: (Diagnostic) -> Void
    ) -> Record {
        switch kind {
        case .meeting: .meeting(meeting(id: id, &fields, report))
        case .decision: .decision(decision(id: id, &fields, report))
        case .contact: .contact(contact(id: id, &fields, report))
        case .countryReport: .countryReport(countryReport(id: id, &fields, report))
        case .nationalPlan: .nationalPlan(nationalPlan(id: id, &fields, report))
        case .site: .site(site(id: id, &fields, report))
        case .treaty: .treaty(treaty(id: id, &fields, report))
        case .document: .document(document(id: id, &fields, report))
        case .countryProfile: .countryProfile(countryProfile(id: id, &fields, report))
        // Not an InforMEA entity: every field stays in the extras.
        case .tradeRecord: .tradeRecord(TradeRecord(id: id))
        case .taxon: .taxon(Taxon(id: id))
        }
    }

    private func meeting(id: String, _ f: inout JSONFields, _ report: (Diagnostic) -> Void) -> Meeting {
        var m = Meeting(id: id)
        m.protocolVersion = f.integer("protocolVersion", report: report)
        m.treaty = f.treaty("treaty", report: report)
        m.url = f.string("url", report: report)
        m.title = f.text("title", "titles", report: report)
        m.description = f.text("description", "descriptions", report: report)
        m.start = f.date("start", report: report)
        m.end = f.date("end", report: report)
        m.repetition = f.vocabulary(MeetingRepetition.self, "repetition", report: report)
        m.kind = f.vocabulary(MeetingKind.self, "kind", report: report)
        m.type = f.vocabulary(MeetingType.self, "type", report: report)
        m.access = f.vocabulary(MeetingAccess.self, "access", report: report)
        m.status = f.vocabulary(MeetingStatus.self, "status", report: report)
        m.imageUrl = f.string("imageUrl", report: report)
        m.imageCopyright = f.string("imageCopyright", report: report)
        m.location = f.string("location", report: report)
        m.city = f.string("city", report: report)
        m.country = f.country("country", report: report)
        m.latitude = f.double("latitude", report: report)
        m.longitude = f.double("longitude", report: report)
        m.isVirtual = f.bool("virtual", report: report)
        m.updated = f.date("updated", report: report)
        m.goals = f.goals("goals", report: report)
        return m
    }

    private func decision(id: String, _ f: inout JSONFields, _ report: (Diagnostic) -> Void) -> Decision {
        var d = Decision(id: id)
        d.protocolVersion = f.integer("protocolVersion", report: report)
        d.treaty = f.treaty("treaty", report: report)
        d.link = f.string("link", "url", report: report)
        d.title = f.text("title", "titles", report: report)
        d.longTitle = f.text("longTitle", "long_title", report: report)
        d.summary = f.text("summary", report: report)
        d.content = f.text("content", report: report)
        d.type = f.vocabulary(DecisionType.self, "type", report: report)
        d.status = f.vocabulary(DecisionStatus.self, "status", report: report)
        d.number = f.string("number", report: report)
        d.published = f.date("published", dateField: true, report: report)
        d.updated = f.date("updated", report: report)
        d.meetingId = f.string("meetingId", report: report)
        d.meetingTitle = f.string("meetingTitle", report: report)
        d.meetingUrl = f.string("meetingUrl", report: report)
        d.displayOrder = f.integer("displayOrder", report: report)
        d.goals = f.goals("goals", report: report)
        d.keywords = f.keywords("keywords", goals: &d.goals, report: report)
        d.files = f.files("files", report: report)
        d.treatyUUID = f.string("treatyUUID", report: report)
        return d
    }

    private func contact(id: String, _ f: inout JSONFields, _ report: (Diagnostic) -> Void) -> Contact {
        var c = Contact(id: id)
        c.protocolVersion = f.integer("protocolVersion", report: report)
        c.treaties = f.strings("treaties", "treaty", report: report).compactMap(TreatyID.init(parsing:))
        c.country = f.country("country", report: report)
        c.prefix = f.string("prefix", report: report)
        c.firstName = f.string("firstName", report: report)
        c.lastName = f.string("lastName", report: report)
        c.type = f.string("type", report: report)
        c.position = f.string("position", report: report)
        c.institution = f.string("institution", report: report)
        c.department = f.string("department", report: report)
        c.address = f.string("address", report: report)
        c.email = f.string("email", report: report)
        c.phone = f.string("phoneNumber", "phone", report: report)
        c.fax = f.string("fax", report: report)
        c.isPrimary = f.bool("primary", report: report)
        c.roles = roles(&f, report)
        // Treaties named in roles are merged into `treaties`, as the InforMEA harvester does.
        for role in c.roles {
            if let treaty = role.treaty, !c.treaties.contains(treaty) { c.treaties.append(treaty) }
        }
        c.gender = f.string("gender", report: report)
        c.updated = f.date("updated", report: report)
        return c
    }

    private func roles(_ f: inout JSONFields, _ report: (Diagnostic) -> Void) -> [ContactRole] {
        guard let member = f.take(["roles"]) else { return [] }
        var roles: [ContactRole] = []
        for (item, path) in f.items(of: member, report: report) {
            guard let members = item.objectValue else {
                report(f.wrongType(item, expected: "a {treaty, roles, order} object", path: path))
                continue
            }
            var fields = JSONFields(members: members, pointer: path, sourceName: sourceName)
            roles.append(
                ContactRole(
                    treaty: fields.treaty("treaty", report: report),
                    roles: fields.strings("roles", report: report),
                    order: fields.string("order", report: report)
                )
            )
        }
        return roles
    }

    private func countryReport(id: String, _ f: inout JSONFields, _ report: (Diagnostic) -> Void) -> CountryReport {
        var r = CountryReport(id: id)
        r.protocolVersion = f.integer("protocolVersion", report: report)
        r.treaty = f.treaty("treaty", report: report)
        r.country = f.country("country", report: report)
        r.title = f.text("title", "titles", report: report)
        r.submission = f.date("submission", dateField: true, report: report)
        r.url = f.string("url", report: report)
        r.files = f.files("files", report: report)
        r.updated = f.date("updated", report: report)
        r.goals = f.goals("goals", report: report)
        return r
    }

    private func nationalPlan(id: String, _ f: inout JSONFields, _ report: (Diagnostic) -> Void) -> NationalPlan {
        var p = NationalPlan(id: id)
        p.protocolVersion = f.integer("protocolVersion", report: report)
        p.treaty = f.treaty("treaty", report: report)
        p.country = f.country("country", report: report)
        p.type = f.vocabulary(NationalPlanType.self, "type", report: report)
        p.title = f.text("title", "titles", report: report)
        p.url = f.string("url", report: report)
        p.files = f.files("files", report: report)
        p.submission = f.date("submission", dateField: true, report: report)
        p.updated = f.date("updated", report: report)
        p.goals = f.goals("goals", report: report)
        return p
    }

    private func site(id: String, _ f: inout JSONFields, _ report: (Diagnostic) -> Void) -> Site {
        var s = Site(id: id)
        s.protocolVersion = f.integer("protocolVersion", report: report)
        s.type = f.treaty("type", report: report)
        s.country = f.country("country", report: report)
        s.treaty = f.treaty("treaty", report: report)
        s.name = f.text("name", "names", "title", report: report)
        s.url = f.string("url", report: report)
        s.latitude = f.double("latitude", report: report)
        s.longitude = f.double("longitude", report: report)
        s.updated = f.date("updated", report: report)
        return s
    }

    private func treaty(id: String, _ f: inout JSONFields, _ report: (Diagnostic) -> Void) -> Treaty {
        var t = Treaty(id: id)
        t.protocolVersion = f.integer("protocolVersion", report: report)
        t.uuid = f.string("UUID", "uuid", report: report)
        t.url = f.string("url", report: report)
        t.websiteUrl = f.string("treatyWebsiteURL", "websiteUrl", report: report)
        t.titleEnglish = f.string("titleEnglish", report: report)
        t.officialNameEnglish = f.string("officialNameEnglish", report: report)
        t.title = f.text("title", "titles", report: report)
        t.description = f.text("description", "descriptions", report: report)
        return t
    }

    private func document(id: String, _ f: inout JSONFields, _ report: (Diagnostic) -> Void) -> Document {
        var d = Document(id: id)
        d.protocolVersion = f.integer("schemaVersion", "protocolVersion", report: report)
        d.published = f.date("published", report: report)
        d.updated = f.date("updated", report: report)
        d.treaty = f.treaty("treaty", report: report)
        d.treaties = f.strings("treaties", report: report).compactMap(TreatyID.init(parsing:))
        d.thumbnailUrl = f.string("thumbnailUrl", report: report)
        d.displayOrder = f.integer("displayOrder", report: report)
        d.country = f.country("country", report: report)
        d.title = f.text("title", "titles", report: report)
        d.description = f.text("description", "descriptions", report: report)
        d.authors = objects("authors", &f, report) { fields in
            guard let name = fields.string("name", "value", report: report) else { return nil }
            return DocumentAuthor(
                id: fields.string("id", report: report),
                name: name,
                type: fields.vocabulary(AuthorType.self, "type", report: report)
            )
        }
        d.files = f.files("files", report: report)
        d.identifiers = objects("identifiers", &f, report) { fields in
            guard let value = fields.string("value", report: report) else { return nil }
            return DocumentIdentifier(
                id: fields.string("id", report: report),
                name: fields.string("name", report: report) ?? "",
                value: value
            )
        }
        d.goals = f.goals("goals", report: report)
        d.keywords = f.keywords("keywords", goals: &d.goals, report: report)
        d.tags = objects("tags", &f, report) { fields in
            guard let value = fields.string("value", report: report) else { return nil }
            let language = fields.string("language", report: report).map(LanguageCode.init(parsing:))
            return DocumentTag(
                id: fields.string("id", report: report),
                language: language,
                scope: fields.string("scope", report: report),
                value: value,
                comment: fields.string("comment", report: report)
            )
        }
        d.references = objects("referenceToEntities", &f, report) { fields in
            guard let refId = fields.string("refId", report: report) else { return nil }
            return DocumentReference(
                id: fields.string("id", report: report),
                type: fields.string("type", report: report) ?? "",
                refId: refId
            )
        }
        d.types = f.strings("types", report: report)
        return d
    }

    private func countryProfile(id: String, _ f: inout JSONFields, _ report: (Diagnostic) -> Void) -> CountryProfile {
        var p = CountryProfile(id: id)
        p.protocolVersion = f.integer("protocolVersion", report: report)
        p.country = f.country("country", report: report)
        p.treaty = f.treaty("treaty", report: report)
        p.entryIntoForce = f.date("entryIntoForce", dateField: true, report: report)
        p.entryIntoForceStatus = f.vocabulary(PartyStatus.self, "entryIntoForceStatus", report: report)
        p.statusDate = f.date("statusDate", dateField: true, report: report)
        p.note = f.string("note", report: report)
        p.updated = f.date("updated", report: report)
        return p
    }

    /// Items of an object collection, each mapped by `make` (which returns `nil` for an unusable item).
    private func objects<T>(
        _ name: String,
        _ f: inout JSONFields,
        _ report: (Diagnostic) -> Void,
        make: (inout JSONFields) -> T?
    ) -> [T] {
        guard let member = f.take([name]) else { return [] }
        var result: [T] = []
        for (item, path) in f.items(of: member, report: report) {
            guard let members = item.objectValue else {
                report(f.wrongType(item, expected: "an object", path: path))
                continue
            }
            var fields = JSONFields(members: members, pointer: path, sourceName: sourceName)
            if let value = make(&fields) {
                result.append(value)
            } else {
                report(
                    Diagnostic(
                        id: .emptyEntry,
                        severity: .warning,
                        message: "\(name) entry lacks its required value; dropped",
                        location: f.location(of: item, path: path)
                    )
                )
            }
        }
        return result
    }
}
