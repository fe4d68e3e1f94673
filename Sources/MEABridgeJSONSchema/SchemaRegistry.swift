import MEABridgeCore
import MEABridgeJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A place in one of the registry's documents: the document's index and a JSON Pointer into it.
struct SchemaLocation: Hashable, Sendable {
    var document: Int
    /// An escaped JSON Pointer (`""` for the document root).
    var pointer: String

    /// The location of a member or element below this one.
    func appending(_ token: String) -> SchemaLocation {
        SchemaLocation(document: document, pointer: JSONPointer.appending(pointer, token))
    }

    /// The location of an array element below this one.
    func appending(_ index: Int) -> SchemaLocation {
        SchemaLocation(document: document, pointer: JSONPointer.appending(pointer, index))
    }
}

/// What is known about a schema location after indexing: its base URI, dialect and schema resource.
struct LocationInfo {
    /// The base URI in force for the schema's keywords (after its own `$id`).
    var base: URIReference
    /// The dialect of the schema's resource.
    var dialect: Dialect
    /// The absolute URI (without fragment) of the resource holding the schema.
    var resourceURI: String
    /// The pointer of that resource's root in the document.
    var resourcePointer: String
}

/// Every schema document a compilation uses, indexed by resource URI, anchor and location.
///
/// Documents come from the schema given, from the bundled meta-schemas, and from local files named by the
/// options' `remotes` and `fileDirectories`; nothing is fetched from the network.
struct SchemaRegistry {
    let options: JSONSchemaOptions
    /// The documents, by index.
    private(set) var documents: [JSONValue] = []
    /// The retrieval URI of each document.
    private(set) var documentURIs: [String] = []
    /// Schema resources by absolute URI (no fragment).
    private var resources: [String: SchemaLocation] = [:]
    /// Plain-name anchors (`$anchor`, `$dynamicAnchor`, draft-07 `$id: "#name"`) by `resourceURI#name`.
    private var anchors: [String: SchemaLocation] = [:]
    /// Dynamic anchors by resource URI, then name.
    private(set) var dynamicAnchors: [String: [String: SchemaLocation]] = [:]
    /// Indexed schema locations.
    private var infos: [SchemaLocation: LocationInfo] = [:]
    /// Documents already tried by URI (`nil` when they could not be loaded).
    private var loaded: [String: Int?] = [:]

    init(options: JSONSchemaOptions) {
        self.options = options
    }

    // MARK: - Documents

    /// Adds a document and indexes its schemas.
    /// - Parameters:
    ///   - value: The document.
    ///   - uri: Its retrieval URI (absolute, no fragment).
    ///   - defaultDialect: The dialect when the document's `$schema` does not say.
    /// - Returns: The document's index.
    /// - Throws: `JSONSchemaLoadError` when the document names an unknown `$schema`.
    mutating func add(_ value: JSONValue, uri: String, defaultDialect: Dialect) throws(JSONSchemaLoadError) -> Int {
        let index = documents.count
        documents.append(value)
        documentURIs.append(uri)
        loaded[uri] = index
        let base = URIReference(uri).withoutFragment
        resources[base.description] = resources[base.description] ?? SchemaLocation(document: index, pointer: "")
        try indexSchema(
            value,
            at: SchemaLocation(document: index, pointer: ""),
            base: base,
            dialect: defaultDialect,
            resourceURI: base.description,
            resourcePointer: "",
            isResourceRoot: true
        )
        return index
    }

    /// Loads the document for an absolute URI, if a local source has it.
    /// - Parameters:
    ///   - uri: The URI without fragment.
    ///   - defaultDialect: The dialect of the referring schema, for a document without `$schema`.
    /// - Returns: The document's index, or `nil` when no local source has it.
    /// - Throws: `JSONSchemaLoadError` when the document is not JSON or names an unknown `$schema`.
    mutating func load(_ uri: String, defaultDialect: Dialect) throws(JSONSchemaLoadError) -> Int? {
        if let known = loaded[uri] { return known }
        loaded[uri] = .some(nil)
        var bytes: [UInt8]?
        var name = uri
        if let text = MetaSchemas.documents[uri] {
            bytes = Array(text.utf8)
        } else if let path = localPath(for: uri) {
            name = path
            bytes = readFile(path)
        }
        guard let bytes else { return nil }
        let value = try parseJSON(bytes, name: name)
        return try add(value, uri: uri, defaultDialect: defaultDialect)
    }

    /// The local file that serves a URI: under a `remotes` prefix, or a `file:` URI inside an allowed folder.
    private func localPath(for uri: String) -> String? {
        var best: (prefix: String, folder: String)?
        for (prefix, folder) in options.remotes where uri.hasPrefix(prefix) {
            if best == nil || prefix.count > (best?.prefix.count ?? 0) { best = (prefix, folder) }
        }
        if let best {
            let rest = String(uri.dropFirst(best.prefix.count))
            let segments = rest.split(separator: "/", omittingEmptySubsequences: false)
            guard !segments.contains(where: { $0 == ".." }) else { return nil }
            let folder = best.folder.hasSuffix("/") ? String(best.folder.dropLast()) : best.folder
            return folder + "/" + percentDecoded(rest)
        }
        let reference = URIReference(uri)
        guard reference.scheme == "file", reference.authority == nil || reference.authority == "" else { return nil }
        let path = percentDecoded(reference.path)
        guard !path.split(separator: "/").contains(where: { $0 == ".." }) else { return nil }
        for folder in options.fileDirectories {
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            if path.hasPrefix(prefix) { return path }
        }
        return nil
    }

    /// The value at a location.
    func value(at location: SchemaLocation) -> JSONValue? {
        var value = documents[location.document]
        guard !location.pointer.isEmpty else { return value }
        for token in location.pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let key = unescapePointerToken(token)
            switch value.kind {
            case .object(let members):
                guard let member = members.last(where: { $0.key == key }) else { return nil }
                value = member.value
            case .array(let elements):
                guard let index = Int(key), index >= 0, index < elements.count, String(index) == key else {
                    return nil
                }
                value = elements[index]
            default: return nil
            }
        }
        return value
    }

    /// What is known about a location: its own entry, or that of its nearest indexed ancestor (for schemas inside
    /// keywords this module does not know, reached by a JSON Pointer reference).
    func info(for location: SchemaLocation) -> LocationInfo? {
        if let info = infos[location] { return info }
        var pointer = location.pointer
        while let slash = pointer.lastIndex(of: "/") {
            pointer = String(pointer[..<slash])
            if let info = infos[SchemaLocation(document: location.document, pointer: pointer)] { return info }
        }
        return nil
    }

    // MARK: - Resolution

    /// Resolves a reference (`$ref`, `$dynamicRef`) against a base URI to a schema location.
    /// - Parameters:
    ///   - reference: The reference text.
    ///   - base: The base URI in force.
    ///   - dialect: The referring schema's dialect (for documents loaded on the way).
    /// - Returns: The target and the absolute URI it was found under, or `nil` when it does not resolve.
    /// - Throws: `JSONSchemaLoadError` when a document loaded on the way is invalid.
    mutating func resolve(
        _ reference: String,
        against base: URIReference,
        dialect: Dialect
    ) throws(JSONSchemaLoadError) -> (location: SchemaLocation, uri: URIReference)? {
        let target = URIReference(reference).resolved(against: base)
        let resourceURI = target.withoutFragment.description
        var root = resources[resourceURI]
        if root == nil, try load(resourceURI, defaultDialect: dialect) != nil {
            root = resources[resourceURI]
        }
        guard let root else { return nil }
        let fragment = target.fragment ?? ""
        if fragment.isEmpty { return (root, target) }
        if fragment.hasPrefix("/") {
            let pointer = percentDecoded(fragment)
            let location = SchemaLocation(document: root.document, pointer: root.pointer + pointer)
            guard value(at: location) != nil else { return nil }
            return (location, target)
        }
        guard let location = anchors[resourceURI + "#" + percentDecoded(fragment)] else { return nil }
        return (location, target)
    }

    /// The dialect named by a `$schema` URI: a well-known draft, or a meta-schema read from a local source whose
    /// `$vocabulary` says which vocabularies it enables.
    mutating func dialect(forMetaSchema uri: String, seen: Set<String> = []) throws(JSONSchemaLoadError) -> Dialect {
        let resource = URIReference(uri).withoutFragment.description
        if let known = Dialect.wellKnown(resource) { return known }
        guard !seen.contains(resource) else {
            throw JSONSchemaLoadError(message: "meta-schema \(uri) refers to itself through $schema")
        }
        guard let document = try load(resource, defaultDialect: .standard(.draft2020)),
            let location = resources[resource], let meta = value(at: location)
        else {
            throw JSONSchemaLoadError(
                message: "unknown $schema \(uri): it is not draft-07 or 2020-12 and no local file serves it"
            )
        }
        _ = document
        if let vocabulary = meta["$vocabulary"], case .object(let entries) = vocabulary.kind {
            var enabled: Vocabularies = []
            for entry in entries {
                if let flag = Vocabularies.known[entry.key] {
                    enabled.insert(flag)
                } else if entry.value.boolValue == true {
                    throw JSONSchemaLoadError(
                        message: "meta-schema \(uri) requires vocabulary \(entry.key), which this validator does not "
                            + "implement"
                    )
                }
            }
            return Dialect(draft: .draft2020, vocabularies: enabled)
        }
        if let parent = meta["$schema"]?.stringValue {
            return try dialect(forMetaSchema: parent, seen: seen.union([resource]))
        }
        return .standard(.draft2020)
    }

    // MARK: - Indexing

    /// Records a schema's identifiers and anchors, then those of its subschemas.
    private mutating func indexSchema(
        _ value: JSONValue,
        at location: SchemaLocation,
        base inherited: URIReference,
        dialect inheritedDialect: Dialect,
        resourceURI inheritedResource: String,
        resourcePointer inheritedResourcePointer: String,
        isResourceRoot: Bool
    ) throws(JSONSchemaLoadError) {
        guard case .object(let members) = value.kind else {
            infos[location] = LocationInfo(
                base: inherited,
                dialect: inheritedDialect,
                resourceURI: inheritedResource,
                resourcePointer: inheritedResourcePointer
            )
            return
        }
        var base = inherited
        var dialect = inheritedDialect
        var resourceURI = inheritedResource
        var resourcePointer = inheritedResourcePointer
        let hasRef = value["$ref"] != nil
        let id = value["$id"]?.stringValue
        // `$schema` counts at the root of a document or of an embedded resource.
        if let schemaURI = value["$schema"]?.stringValue, isResourceRoot || id != nil {
            dialect = try self.dialect(forMetaSchema: schemaURI)
        }
        if let id, !(dialect.draft == .draft7 && hasRef) {
            let resolved = URIReference(id).resolved(against: base)
            if dialect.draft == .draft7 && id.hasPrefix("#") {
                if let name = resolved.fragment, !name.isEmpty { anchors[resourceURI + "#" + name] = location }
            } else {
                base = resolved.withoutFragment
                resourceURI = base.description
                resourcePointer = location.pointer
                if resources[resourceURI] == nil { resources[resourceURI] = location }
                if dialect.draft == .draft7, let name = resolved.fragment, !name.isEmpty {
                    anchors[resourceURI + "#" + name] = location
                }
            }
        }
        if dialect.draft == .draft2020 {
            if let anchor = value["$anchor"]?.stringValue { anchors[resourceURI + "#" + anchor] = location }
            if let anchor = value["$dynamicAnchor"]?.stringValue {
                if anchors[resourceURI + "#" + anchor] == nil { anchors[resourceURI + "#" + anchor] = location }
                dynamicAnchors[resourceURI, default: [:]][anchor] = location
            }
        }
        infos[location] = LocationInfo(
            base: base,
            dialect: dialect,
            resourceURI: resourceURI,
            resourcePointer: resourcePointer
        )
        for member in members {
            let key = member.key
            let child = location.appending(key)
            if dialect.schemaMapKeywords.contains(key), case .object(let entries) = member.value.kind {
                for entry in entries {
                    try indexChild(entry.value, child.appending(entry.key), base, dialect, resourceURI, resourcePointer)
                }
            } else if dialect.schemaArrayKeywords.contains(key), case .array(let elements) = member.value.kind {
                for (index, element) in elements.enumerated() {
                    try indexChild(element, child.appending(index), base, dialect, resourceURI, resourcePointer)
                }
            } else if dialect.schemaKeywords.contains(key) {
                try indexChild(member.value, child, base, dialect, resourceURI, resourcePointer)
            }
        }
    }

    /// Indexes a subschema (objects and booleans; other values are not schemas and are skipped).
    private mutating func indexChild(
        _ value: JSONValue,
        _ location: SchemaLocation,
        _ base: URIReference,
        _ dialect: Dialect,
        _ resourceURI: String,
        _ resourcePointer: String
    ) throws(JSONSchemaLoadError) {
        switch value.kind {
        case .object, .bool:
            try indexSchema(
                value,
                at: location,
                base: base,
                dialect: dialect,
                resourceURI: resourceURI,
                resourcePointer: resourcePointer,
                isResourceRoot: false
            )
        default: return
        }
    }
}

/// Parses a whole JSON document.
/// - Parameters:
///   - bytes: The text.
///   - name: The document's name, for messages.
/// - Returns: The value.
/// - Throws: `JSONSchemaLoadError` when the text is not one JSON value.
func parseJSON(_ bytes: [UInt8], name: String) throws(JSONSchemaLoadError) -> JSONValue {
    var parser = JSONPullParser(source: MemoryByteSource(bytes, name: name))
    do throws(JSONError) {
        let value = try parser.readValue()
        try parser.finish()
        return value
    } catch {
        throw JSONSchemaLoadError(message: "\(name) is not valid JSON: \(error.message)", position: error.position)
    }
}

/// Reads a whole file, or `nil` when it cannot be read.
func readFile(_ path: String) -> [UInt8]? {
    guard var source = try? FileByteSource(path: path) else { return nil }
    return try? source.readAll()
}

/// Unescapes one JSON Pointer token (`~1` → `/`, `~0` → `~`).
func unescapePointerToken(_ token: Substring) -> String {
    guard token.contains("~") else { return String(token) }
    return String(token.replacing("~1", with: "/").replacing("~0", with: "~"))
}
