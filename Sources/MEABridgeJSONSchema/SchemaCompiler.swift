import MEABridgeJSON

/// Turns indexed schema documents into a `CompiledSchema`: every reachable subschema becomes a node, every
/// `$ref` an index, every regular expression compiled once.
struct SchemaCompiler {
    var registry: SchemaRegistry
    private var nodes: [SchemaNode] = []
    private var nodeIndex: [SchemaLocation: Int] = [:]
    private var queue: [SchemaLocation] = []
    private var resourceIndex: [String: Int] = [:]
    private var resources: [String] = []
    /// Names used by `$dynamicRef`s, whose `$dynamicAnchor`s must be compiled in every resource.
    private var dynamicNames: Set<String> = []

    init(registry: SchemaRegistry) {
        self.registry = registry
    }

    /// Compiles the schema at a location and everything it reaches.
    /// - Parameter root: The root schema's location.
    /// - Returns: The compiled schema.
    /// - Throws: `JSONSchemaLoadError` for an invalid keyword value or an unresolvable reference.
    mutating func compile(root: SchemaLocation) throws(JSONSchemaLoadError) -> CompiledSchema {
        let rootNode = node(at: root)
        var compiledAnchors: Set<SchemaLocation> = []
        while true {
            while let location = queue.popLast() {
                let index = nodeIndex[location] ?? 0
                nodes[index] = try build(location)
            }
            // Dynamic anchors of every known resource, for names some `$dynamicRef` uses.
            var added = false
            for (_, anchors) in registry.dynamicAnchors {
                for (name, location) in anchors where dynamicNames.contains(name) && !compiledAnchors.contains(location)
                {
                    compiledAnchors.insert(location)
                    _ = node(at: location)
                    added = true
                }
            }
            if !added && queue.isEmpty { break }
        }
        var table = [[String: Int]](repeating: [:], count: resources.count)
        for (uri, anchors) in registry.dynamicAnchors {
            guard let resource = resourceIndex[uri] else { continue }
            for (name, location) in anchors {
                if let index = nodeIndex[location] { table[resource][name] = index }
            }
        }
        let draft = registry.info(for: root)?.dialect.draft ?? registry.options.defaultDraft
        return CompiledSchema(nodes: nodes, root: rootNode, resources: resources, dynamicAnchors: table, draft: draft)
    }

    /// The node index for a location, reserving one (and queueing the location) the first time.
    private mutating func node(at location: SchemaLocation) -> Int {
        if let index = nodeIndex[location] { return index }
        let index = nodes.count
        nodes.append(SchemaNode(boolean: true, keywords: [], resource: 0, location: "", collectsAnnotations: false))
        nodeIndex[location] = index
        queue.append(location)
        return index
    }

    private mutating func resource(_ uri: String) -> Int {
        if let index = resourceIndex[uri] { return index }
        resources.append(uri)
        resourceIndex[uri] = resources.count - 1
        return resources.count - 1
    }

    // MARK: - Building one node

    private mutating func build(_ location: SchemaLocation) throws(JSONSchemaLoadError) -> SchemaNode {
        guard let value = registry.value(at: location), let info = registry.info(for: location) else {
            throw failure("no schema at this location", location)
        }
        let relative = String(location.pointer.dropFirst(info.resourcePointer.count))
        let absolute = info.resourceURI + "#" + relative
        let resourceID = resource(info.resourceURI)
        switch value.kind {
        case .bool(let flag):
            return SchemaNode(
                boolean: flag,
                keywords: [],
                resource: resourceID,
                location: absolute,
                collectsAnnotations: false
            )
        case .object(let members):
            var context = NodeContext(
                location: location,
                value: value,
                members: lastMembers(members),
                info: info
            )
            let keywords = try compileKeywords(&context)
            let collects = keywords.contains {
                switch $0 {
                case .unevaluatedItems, .unevaluatedProperties: true
                default: false
                }
            }
            return SchemaNode(
                boolean: nil,
                keywords: keywords,
                resource: resourceID,
                location: absolute,
                collectsAnnotations: collects
            )
        default:
            throw failure("a schema must be an object or a boolean, not \(value.typeName)", location)
        }
    }

    /// What building one schema object needs.
    private struct NodeContext {
        var location: SchemaLocation
        var value: JSONValue
        var members: [String: JSONValue]
        var info: LocationInfo
        var dialect: Dialect { info.dialect }
    }

    private mutating func compileKeywords(_ context: inout NodeContext) throws(JSONSchemaLoadError) -> [Keyword] {
        let dialect = context.dialect
        let members = context.members
        var keywords: [Keyword] = []
        if let reference = members["$ref"] {
            keywords.append(.ref(try referenceNode(reference, "$ref", context)))
            // In draft-07 `$ref` stands alone: every sibling keyword is ignored.
            if dialect.draft == .draft7 { return keywords }
        }
        if dialect.draft == .draft2020, let reference = members["$dynamicRef"] {
            keywords.append(try dynamicReference(reference, context))
        }
        if dialect.vocabularies.contains(.validation) {
            try compileValidation(context, into: &keywords)
        }
        if dialect.vocabularies.contains(.formatAssertion)
            || registry.options.formats == .assert,
            let format = members["format"]?.stringValue, let check = FormatCheck(name: format)
        {
            keywords.append(.format(format, check))
        }
        if dialect.vocabularies.contains(.applicator) {
            try compileApplicators(context, into: &keywords)
        }
        if dialect.draft == .draft2020 && dialect.vocabularies.contains(.unevaluated) {
            if let items = members["unevaluatedItems"] {
                keywords.append(.unevaluatedItems(try subschema(items, context, "unevaluatedItems")))
            }
            if let properties = members["unevaluatedProperties"] {
                keywords.append(.unevaluatedProperties(try subschema(properties, context, "unevaluatedProperties")))
            }
        }
        return keywords
    }

    private mutating func compileValidation(
        _ context: NodeContext,
        into keywords: inout [Keyword]
    ) throws(JSONSchemaLoadError) {
        let members = context.members
        if let type = members["type"] {
            var set: TypeSet = []
            var names: [String] = []
            let values = type.arrayValue ?? [type]
            for entry in values {
                guard let name = entry.stringValue, let flag = TypeSet(name: name) else {
                    throw failure(
                        "type must name JSON types (null, boolean, object, array, number, string, "
                            + "integer)",
                        context.location.appending("type")
                    )
                }
                set.insert(flag)
                names.append(name)
            }
            keywords.append(.type(set, names: names))
        }
        if let values = members["enum"] {
            guard let list = values.arrayValue else { throw failure("enum must be an array", context.location) }
            keywords.append(.enumeration(list))
        }
        if let value = members["const"] { keywords.append(.constant(value)) }
        for name in ["multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum"] {
            guard let value = members[name] else { continue }
            guard let number = ExactNumber(value) else {
                throw failure("\(name) must be a number", context.location.appending(name))
            }
            switch name {
            case "multipleOf":
                guard !number.negative && !number.isZero else {
                    throw failure("multipleOf must be greater than 0", context.location.appending(name))
                }
                keywords.append(.multipleOf(number))
            case "maximum": keywords.append(.maximum(number))
            case "exclusiveMaximum": keywords.append(.exclusiveMaximum(number))
            case "minimum": keywords.append(.minimum(number))
            default: keywords.append(.exclusiveMinimum(number))
            }
        }
        if let value = members["maxLength"] { keywords.append(.maxLength(try count(value, "maxLength", context))) }
        if let value = members["minLength"] { keywords.append(.minLength(try count(value, "minLength", context))) }
        if let value = members["pattern"] {
            keywords.append(.pattern(try regex(value, context.location.appending("pattern"))))
        }
        if let value = members["maxItems"] { keywords.append(.maxItems(try count(value, "maxItems", context))) }
        if let value = members["minItems"] { keywords.append(.minItems(try count(value, "minItems", context))) }
        if members["uniqueItems"]?.boolValue == true { keywords.append(.uniqueItems) }
        if let value = members["maxProperties"] {
            keywords.append(.maxProperties(try count(value, "maxProperties", context)))
        }
        if let value = members["minProperties"] {
            keywords.append(.minProperties(try count(value, "minProperties", context)))
        }
        if let value = members["required"] {
            keywords.append(.required(try strings(value, "required", context.location)))
        }
        if context.dialect.draft == .draft2020, let value = members["dependentRequired"] {
            guard case .object(let entries) = value.kind else {
                throw failure("dependentRequired must be an object", context.location)
            }
            var list: [(key: String, required: [String])] = []
            for entry in entries {
                list.append(
                    (
                        entry.key,
                        try strings(entry.value, "dependentRequired", context.location.appending("dependentRequired"))
                    )
                )
            }
            keywords.append(.dependentRequired(list, keyword: "dependentRequired"))
        }
    }

    private mutating func compileApplicators(
        _ context: NodeContext,
        into keywords: inout [Keyword]
    ) throws(JSONSchemaLoadError) {
        let members = context.members
        let draft = context.dialect.draft
        for name in ["allOf", "anyOf", "oneOf"] {
            guard let value = members[name] else { continue }
            let list = try subschemas(value, context, name)
            switch name {
            case "allOf": keywords.append(.allOf(list))
            case "anyOf": keywords.append(.anyOf(list))
            default: keywords.append(.oneOf(list))
            }
        }
        if let value = members["not"] { keywords.append(.not(try subschema(value, context, "not"))) }
        if let condition = members["if"] {
            let thenNode = try members["then"].map { (value) throws(JSONSchemaLoadError) in
                try subschema(value, context, "then")
            }
            let elseNode = try members["else"].map { (value) throws(JSONSchemaLoadError) in
                try subschema(value, context, "else")
            }
            keywords.append(
                .conditional(condition: try subschema(condition, context, "if"), then: thenNode, else: elseNode)
            )
        }
        // Arrays.
        var prefixCount = 0
        if draft == .draft2020 {
            if let value = members["prefixItems"] {
                let list = try subschemas(value, context, "prefixItems")
                prefixCount = list.count
                keywords.append(.prefixItems(list, keyword: "prefixItems"))
            }
            if let value = members["items"], value.arrayValue == nil {
                keywords.append(.items(try subschema(value, context, "items"), from: prefixCount, keyword: "items"))
            }
        } else if let value = members["items"] {
            if value.arrayValue != nil {
                let list = try subschemas(value, context, "items", allowEmpty: true)
                keywords.append(.prefixItems(list, keyword: "items"))
                if let additional = members["additionalItems"] {
                    keywords.append(
                        .items(
                            try subschema(additional, context, "additionalItems"),
                            from: list.count,
                            keyword: "additionalItems"
                        )
                    )
                }
            } else {
                keywords.append(.items(try subschema(value, context, "items"), from: 0, keyword: "items"))
            }
        }
        if let value = members["contains"] {
            let node = try subschema(value, context, "contains")
            var minimum = 1
            var maximum: Int?
            if draft == .draft2020 && context.dialect.vocabularies.contains(.validation) {
                if let value = members["minContains"] { minimum = try count(value, "minContains", context) }
                if let value = members["maxContains"] { maximum = try count(value, "maxContains", context) }
            }
            keywords.append(.contains(node, min: minimum, max: maximum))
        }
        // Objects.
        var named: Set<String> = []
        if let value = members["properties"] {
            guard case .object(let entries) = value.kind else {
                throw failure("properties must be an object", context.location)
            }
            var table: [String: Int] = [:]
            for entry in entries {
                table[entry.key] = try schemaNode(
                    entry.value,
                    context.location.appending("properties").appending(entry.key)
                )
                named.insert(entry.key)
            }
            keywords.append(.properties(table))
        }
        var patterns: [SchemaRegex] = []
        if let value = members["patternProperties"] {
            guard case .object(let entries) = value.kind else {
                throw failure("patternProperties must be an object", context.location)
            }
            var list: [(regex: SchemaRegex, node: Int)] = []
            for entry in entries {
                let location = context.location.appending("patternProperties").appending(entry.key)
                let compiled = try regex(JSONValue(.string(entry.key)), location)
                list.append((compiled, try schemaNode(entry.value, location)))
                patterns.append(compiled)
            }
            keywords.append(.patternProperties(list))
        }
        if let value = members["additionalProperties"] {
            keywords.append(
                .additionalProperties(
                    try subschema(value, context, "additionalProperties"),
                    named: named,
                    patterns: patterns
                )
            )
        }
        if let value = members["propertyNames"] {
            keywords.append(.propertyNames(try subschema(value, context, "propertyNames")))
        }
        let dependentKeywords = draft == .draft2020 ? ["dependentSchemas", "dependencies"] : ["dependencies"]
        for name in dependentKeywords {
            guard let value = members[name] else { continue }
            guard case .object(let entries) = value.kind else {
                throw failure("\(name) must be an object", context.location)
            }
            var schemas: [(key: String, node: Int)] = []
            var required: [(key: String, required: [String])] = []
            for entry in entries {
                let location = context.location.appending(name).appending(entry.key)
                if name == "dependencies", entry.value.arrayValue != nil {
                    required.append((entry.key, try strings(entry.value, name, location)))
                } else {
                    schemas.append((entry.key, try schemaNode(entry.value, location)))
                }
            }
            if !required.isEmpty { keywords.append(.dependentRequired(required, keyword: name)) }
            if !schemas.isEmpty { keywords.append(.dependentSchemas(schemas, keyword: name)) }
        }
    }

    // MARK: - Pieces

    private mutating func referenceNode(
        _ value: JSONValue,
        _ keyword: String,
        _ context: NodeContext
    ) throws(JSONSchemaLoadError) -> Int {
        guard let text = value.stringValue else { throw failure("\(keyword) must be a string", context.location) }
        guard let target = try registry.resolve(text, against: context.info.base, dialect: context.dialect) else {
            throw failure(
                "cannot resolve \(keyword) '\(text)' (base \(context.info.base)); remote schemas are read only from "
                    + "local folders",
                context.location.appending(keyword)
            )
        }
        return node(at: target.location)
    }

    private mutating func dynamicReference(
        _ value: JSONValue,
        _ context: NodeContext
    ) throws(JSONSchemaLoadError) -> Keyword {
        guard let text = value.stringValue else { throw failure("$dynamicRef must be a string", context.location) }
        guard let target = try registry.resolve(text, against: context.info.base, dialect: context.dialect) else {
            throw failure("cannot resolve $dynamicRef '\(text)'", context.location.appending("$dynamicRef"))
        }
        let initial = node(at: target.location)
        // Dynamic only when the fragment is a plain name that the initial target declares as a `$dynamicAnchor`.
        if let fragment = target.uri.fragment, !fragment.isEmpty, !fragment.hasPrefix("/"),
            registry.value(at: target.location)?["$dynamicAnchor"]?.stringValue == fragment
        {
            dynamicNames.insert(fragment)
            return .dynamicRef(initial: initial, anchor: fragment)
        }
        return .dynamicRef(initial: initial, anchor: nil)
    }

    private mutating func subschema(
        _ value: JSONValue,
        _ context: NodeContext,
        _ keyword: String
    ) throws(JSONSchemaLoadError) -> Int {
        try schemaNode(value, context.location.appending(keyword))
    }

    private mutating func schemaNode(_ value: JSONValue, _ location: SchemaLocation) throws(JSONSchemaLoadError) -> Int
    {
        switch value.kind {
        case .object, .bool: return node(at: location)
        default: throw failure("a schema must be an object or a boolean, not \(value.typeName)", location)
        }
    }

    private mutating func subschemas(
        _ value: JSONValue,
        _ context: NodeContext,
        _ keyword: String,
        allowEmpty: Bool = false
    ) throws(JSONSchemaLoadError) -> [Int] {
        guard let elements = value.arrayValue, allowEmpty || !elements.isEmpty else {
            throw failure("\(keyword) must be a non-empty array of schemas", context.location.appending(keyword))
        }
        var list: [Int] = []
        for (index, element) in elements.enumerated() {
            list.append(try schemaNode(element, context.location.appending(keyword).appending(index)))
        }
        return list
    }

    private func count(_ value: JSONValue, _ keyword: String, _ context: NodeContext) throws(JSONSchemaLoadError)
        -> Int
    {
        guard let number = ExactNumber(value), number.isInteger, !number.negative else {
            throw failure("\(keyword) must be a non-negative integer", context.location.appending(keyword))
        }
        return value.int64Value.map { Int($0) } ?? Int.max
    }

    private func strings(_ value: JSONValue, _ keyword: String, _ location: SchemaLocation) throws(JSONSchemaLoadError)
        -> [String]
    {
        guard let elements = value.arrayValue else { throw failure("\(keyword) must be an array of strings", location) }
        var list: [String] = []
        for element in elements {
            guard let text = element.stringValue else {
                throw failure("\(keyword) must be an array of strings", location)
            }
            list.append(text)
        }
        return list
    }

    private func regex(_ value: JSONValue, _ location: SchemaLocation) throws(JSONSchemaLoadError) -> SchemaRegex {
        guard let text = value.stringValue else { throw failure("a pattern must be a string", location) }
        do {
            return try SchemaRegex(text)
        } catch {
            throw failure("invalid regular expression '\(text)'", location)
        }
    }

    private func failure(_ message: String, _ location: SchemaLocation) -> JSONSchemaLoadError {
        JSONSchemaLoadError(
            message: message,
            schemaLocation: location.document == 0
                ? location.pointer
                : registry.documentURIs[location.document]
                    + "#" + location.pointer,
            position: registry.value(at: location)?.position
        )
    }
}
