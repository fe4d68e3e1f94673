public import MEABridgeCore
public import MEABridgeJSON

/// A schema node to apply to the value the parser is at, with the keyword path and dynamic scope it was reached by.
struct StreamEntry {
    var node: Int
    var keywordPath: [String]
    /// The dynamic scope outside the node.
    var scope: [Int]
}

extension JSONSchema {
    /// Validates a document straight from its bytes, record by record where the schema allows, so that a large
    /// input is checked in bounded memory.
    ///
    /// **What streams.** An object or array is walked member by member, without being built, when every schema
    /// that applies to it (following `$ref` and `allOf`) uses only keywords that can be checked one member at a
    /// time: `type`, `properties`, `patternProperties`, `additionalProperties`, `propertyNames`, `required`,
    /// `dependentRequired`, `minProperties`, `maxProperties`, `prefixItems`, `items`, `additionalItems`,
    /// `minItems`, `maxItems`, `contains` (with `minContains`/`maxContains`), and the keywords that only concern
    /// scalars. Each member is then handled the same way, so an `items` schema is applied to each element of a
    /// huge array as the parser hands it over, at any depth (`{"d": {"results": [...]}}` included).
    ///
    /// **What needs the whole value.** A value whose schemas use `enum`, `const`, `uniqueItems`, `anyOf`, `oneOf`,
    /// `not`, `if`, `dependentSchemas`, `$dynamicRef`, `unevaluatedProperties` or `unevaluatedItems` is read into
    /// memory (just that value, not the document) and checked as a tree; so is each element of an array with
    /// `contains`. The errors are the same either way.
    /// - Parameters:
    ///   - source: The document's bytes.
    ///   - maxErrors: The most errors to report; reading stops once reached.
    ///   - report: Receives each error.
    /// - Throws: `JSONError` when the document is not well-formed JSON or cannot be read.
    public func validate(
        source: some ByteSource,
        maxErrors: Int = 1000,
        report: (JSONSchemaError) -> Void
    ) throws(JSONError) {
        _ = try validateStreaming(source: source, maxErrors: maxErrors, report: report)
    }

    /// Streaming validation, returning the size of the largest value that had to be read whole (for tests and
    /// benchmarks: it shows how much of the document was ever in memory at once).
    func validateStreaming(
        source: some ByteSource,
        maxErrors: Int,
        report: (JSONSchemaError) -> Void
    ) throws(JSONError) -> Int {
        var parser = JSONPullParser(source: source)
        var walker = StreamWalker(schema: compiled, maxErrors: maxErrors)
        do throws(JSONError) {
            try walker.walk(
                [StreamEntry(node: compiled.root, keywordPath: [], scope: [])],
                pointer: "",
                parser: &parser
            )
            if walker.errors.count < maxErrors { try parser.finish() }
        } catch {
            // Errors found before the document broke off are still worth reporting.
            for found in walker.errors { report(found) }
            throw error
        }
        for found in walker.errors { report(found) }
        return walker.largestValue
    }
}

/// Walks a document with the pull parser, applying schema nodes to values as they come.
struct StreamWalker {
    let schema: CompiledSchema
    let maxErrors: Int
    /// The errors found (never more than `maxErrors`, so memory stays bounded).
    private(set) var errors: [JSONSchemaError] = []
    /// The size in bytes of the largest value read whole.
    private(set) var largestValue = 0
    /// How many containers are open around the value being walked.
    private var depth = 0
    /// Stops the recursion before the thread's stack runs out; read once the document gets deep.
    private var stack: StackGuard?

    init(schema: CompiledSchema, maxErrors: Int) {
        self.schema = schema
        self.maxErrors = maxErrors
    }

    private var isFull: Bool { errors.count >= maxErrors }

    private mutating func emit(_ error: JSONSchemaError) {
        guard !isFull else { return }
        errors.append(error)
    }

    /// Validates the value the parser is at against entries, reading it member by member when possible.
    mutating func walk(_ entries: [StreamEntry], pointer: String, parser: inout JSONPullParser) throws(JSONError) {
        guard let kind = try parser.peekKind() else { return }
        let expanded = expand(entries)
        if expanded?.isEmpty == true {
            try parser.skipValue()
            return
        }
        let container = kind == .beginObject || kind == .beginArray
        if depth > 48 && stack == nil { stack = StackGuard() }
        guard container, let expanded, expanded.allSatisfy(isStreamable), stack?.hasRoom != false else {
            let value = try readWhole(&parser)
            for entry in entries { evaluate(entry, value, pointer: pointer) }
            return
        }
        let position = parser.position
        let placeholder = JSONValue(kind == .beginObject ? .object([]) : .array([]), position: position)
        for entry in expanded {
            let node = schema.nodes[entry.node]
            if node.boolean == false {
                emit(error(entry, node, nil, pointer, position, "no value is allowed here (the schema is false)"))
                continue
            }
            for case .type(let types, let names) in node.keywords where !types.admits(placeholder) {
                emit(
                    error(
                        entry,
                        node,
                        ["type"],
                        pointer,
                        position,
                        "expected \(list(names, "or")), found "
                            + placeholder.typeName
                    )
                )
            }
        }
        depth += 1
        defer { depth -= 1 }
        if kind == .beginObject {
            try walkObject(expanded, pointer: pointer, position: position, parser: &parser)
        } else {
            try walkArray(expanded, pointer: pointer, position: position, parser: &parser)
        }
    }

    // MARK: - Objects

    private mutating func walkObject(
        _ entries: [StreamEntry],
        pointer: String,
        position: JSONPosition,
        parser: inout JSONPullParser
    ) throws(JSONError) {
        _ = try parser.next()
        let tracksNames = entries.contains { entry in
            schema.nodes[entry.node].keywords.contains {
                switch $0 {
                case .required, .dependentRequired: true
                default: false
                }
            }
        }
        var names: Set<String> = []
        var count = 0
        while true {
            if isFull { return }
            guard let event = try parser.next() else { return }
            guard case .key(let key) = event else { break }
            let keyPosition = parser.position
            count += 1
            if tracksNames { names.insert(key) }
            let token = JSONPointer.escape(key)
            let childPointer = pointer + "/" + token
            _ = try parser.peekKind()
            let valuePosition = parser.position
            var children: [StreamEntry] = []
            for entry in entries {
                let node = schema.nodes[entry.node]
                let inner = innerScope(entry, node)
                for keyword in node.keywords {
                    switch keyword {
                    case .properties(let table):
                        guard let child = table[key] else { continue }
                        if schema.nodes[child].boolean == false {
                            emit(
                                error(
                                    entry,
                                    node,
                                    ["properties", token],
                                    childPointer,
                                    valuePosition,
                                    "property '\(key)' is not allowed"
                                )
                            )
                        } else {
                            children.append(
                                StreamEntry(
                                    node: child,
                                    keywordPath: entry.keywordPath + [
                                        "properties",
                                        token,
                                    ],
                                    scope: inner
                                )
                            )
                        }
                    case .patternProperties(let list):
                        for (regex, child) in list where regex.matches(key) {
                            let path = ["patternProperties", JSONPointer.escape(regex.source)]
                            if schema.nodes[child].boolean == false {
                                emit(
                                    error(
                                        entry,
                                        node,
                                        path,
                                        childPointer,
                                        valuePosition,
                                        "property '\(key)' is not "
                                            + "allowed (it matches \(regex.source))"
                                    )
                                )
                            } else {
                                children.append(
                                    StreamEntry(
                                        node: child,
                                        keywordPath: entry.keywordPath + path,
                                        scope: inner
                                    )
                                )
                            }
                        }
                    case .additionalProperties(let child, let named, let patterns):
                        guard !named.contains(key) && !patterns.contains(where: { $0.matches(key) }) else { continue }
                        if schema.nodes[child].boolean == false {
                            emit(
                                error(
                                    entry,
                                    node,
                                    ["additionalProperties"],
                                    childPointer,
                                    valuePosition,
                                    "property "
                                        + "'\(key)' is not allowed"
                                )
                            )
                        } else {
                            children.append(
                                StreamEntry(
                                    node: child,
                                    keywordPath: entry.keywordPath + [
                                        "additionalProperties"
                                    ],
                                    scope: inner
                                )
                            )
                        }
                    case .propertyNames(let child):
                        let name = JSONValue(.string(key), position: keyPosition)
                        var evaluator = Evaluator(schema: schema, basePointer: childPointer, maxErrors: 1, scope: inner)
                        evaluator.collecting = false
                        var none: Annotations?
                        if !evaluator.validate(child, name, &none) {
                            emit(
                                error(
                                    entry,
                                    node,
                                    ["propertyNames"],
                                    childPointer,
                                    keyPosition,
                                    "property name "
                                        + "'\(key)' is not allowed by 'propertyNames'"
                                )
                            )
                        }
                    default: break
                    }
                }
            }
            if children.isEmpty {
                try parser.skipValue()
            } else {
                try walk(children, pointer: childPointer, parser: &parser)
            }
        }
        for entry in entries {
            let node = schema.nodes[entry.node]
            for keyword in node.keywords {
                switch keyword {
                case .required(let required):
                    for name in required where !names.contains(name) {
                        emit(
                            error(
                                entry,
                                node,
                                ["required"],
                                pointer,
                                position,
                                "required property '\(name)' is "
                                    + "missing"
                            )
                        )
                    }
                case .dependentRequired(let list, let name):
                    for (key, required) in list where names.contains(key) {
                        for other in required where !names.contains(other) {
                            emit(
                                error(
                                    entry,
                                    node,
                                    [name, JSONPointer.escape(key)],
                                    pointer,
                                    position,
                                    "property "
                                        + "'\(key)' requires property '\(other)', which is missing"
                                )
                            )
                        }
                    }
                case .maxProperties(let limit) where count > limit:
                    emit(
                        error(
                            entry,
                            node,
                            ["maxProperties"],
                            pointer,
                            position,
                            "the object has \(count) "
                                + "properties; at most \(limit) allowed"
                        )
                    )
                case .minProperties(let limit) where count < limit:
                    emit(
                        error(
                            entry,
                            node,
                            ["minProperties"],
                            pointer,
                            position,
                            "the object has \(count) "
                                + "properties; at least \(limit) required"
                        )
                    )
                default: break
                }
            }
        }
    }

    // MARK: - Arrays

    private mutating func walkArray(
        _ entries: [StreamEntry],
        pointer: String,
        position: JSONPosition,
        parser: inout JSONPullParser
    ) throws(JSONError) {
        _ = try parser.next()
        var contains: [(entry: StreamEntry, node: Int, min: Int, max: Int?, matches: Int)] = []
        for entry in entries {
            for case .contains(let child, let minimum, let maximum) in schema.nodes[entry.node].keywords {
                contains.append((entry, child, minimum, maximum, 0))
            }
        }
        var index = 0
        while true {
            if isFull { return }
            guard let kind = try parser.peekKind(), kind != .endArray else {
                _ = try parser.next()
                break
            }
            let token = String(index)
            let childPointer = pointer + "/" + token
            var children: [StreamEntry] = []
            for entry in entries {
                let node = schema.nodes[entry.node]
                let inner = innerScope(entry, node)
                for keyword in node.keywords {
                    switch keyword {
                    case .prefixItems(let nodes, let name) where index < nodes.count:
                        if schema.nodes[nodes[index]].boolean == false {
                            emit(
                                error(
                                    entry,
                                    node,
                                    [name, token],
                                    childPointer,
                                    parser.position,
                                    "item \(index) is not "
                                        + "allowed"
                                )
                            )
                        } else {
                            children.append(
                                StreamEntry(
                                    node: nodes[index],
                                    keywordPath: entry.keywordPath + [
                                        name,
                                        token,
                                    ],
                                    scope: inner
                                )
                            )
                        }
                    case .items(let child, let start, let name) where index >= start:
                        // A `false` items schema is reported once for the whole array, after it.
                        if schema.nodes[child].boolean != false {
                            children.append(
                                StreamEntry(
                                    node: child,
                                    keywordPath: entry.keywordPath + [name],
                                    scope: inner
                                )
                            )
                        }
                    default: break
                    }
                }
            }
            if contains.isEmpty {
                try walk(children, pointer: childPointer, parser: &parser)
            } else {
                let value = try readWhole(&parser)
                for child in children { evaluate(child, value, pointer: childPointer) }
                for slot in contains.indices {
                    var evaluator = Evaluator(
                        schema: schema,
                        basePointer: childPointer,
                        maxErrors: 1,
                        scope: innerScope(contains[slot].entry, schema.nodes[contains[slot].entry.node])
                    )
                    evaluator.collecting = false
                    var none: Annotations?
                    if evaluator.validate(contains[slot].node, value, &none) { contains[slot].matches += 1 }
                }
            }
            index += 1
        }
        let count = index
        for entry in entries {
            let node = schema.nodes[entry.node]
            for keyword in node.keywords {
                switch keyword {
                case .maxItems(let limit) where count > limit:
                    emit(
                        error(
                            entry,
                            node,
                            ["maxItems"],
                            pointer,
                            position,
                            "the array has \(count) items; at most "
                                + "\(limit) allowed"
                        )
                    )
                case .minItems(let limit) where count < limit:
                    emit(
                        error(
                            entry,
                            node,
                            ["minItems"],
                            pointer,
                            position,
                            "the array has \(count) items; at least "
                                + "\(limit) required"
                        )
                    )
                case .items(let child, let start, let name) where schema.nodes[child].boolean == false && count > start:
                    emit(
                        error(
                            entry,
                            node,
                            [name],
                            pointer,
                            position,
                            start == 0
                                ? "the array must be empty; it has "
                                    + "\(count) items" : "at most \(start) items are allowed; the array has \(count)"
                        )
                    )
                default: break
                }
            }
        }
        for slot in contains {
            let node = schema.nodes[slot.entry.node]
            if slot.matches < slot.min {
                emit(
                    error(
                        slot.entry,
                        node,
                        ["contains"],
                        pointer,
                        position,
                        slot.min == 1
                            ? "no item matches the "
                                + "'contains' schema"
                            : "\(slot.matches) items match the 'contains' schema; at least \(slot.min) "
                                + "required"
                    )
                )
            } else if let maximum = slot.max, slot.matches > maximum {
                emit(
                    error(
                        slot.entry,
                        node,
                        ["maxContains"],
                        pointer,
                        position,
                        "\(slot.matches) items match the "
                            + "'contains' schema; at most \(maximum) allowed"
                    )
                )
            }
        }
    }

    /// Reads the next value whole, keeping track of the largest one.
    private mutating func readWhole(_ parser: inout JSONPullParser) throws(JSONError) -> JSONValue {
        let value = try parser.readValue()
        largestValue = max(largestValue, parser.bytesConsumed - value.position.offset)
        return value
    }

    // MARK: - Entries

    /// Follows `$ref` and `allOf`, which apply to the same value, so that each entry is one schema object.
    ///
    /// `true` schemas are dropped. Returns `nil` when the references go round in a cycle that never reaches the
    /// instance (the tree evaluator then reports it).
    private func expand(_ entries: [StreamEntry]) -> [StreamEntry]? {
        var result: [StreamEntry] = []
        var pending = entries.reversed().map { $0 }
        while let entry = pending.popLast() {
            let node = schema.nodes[entry.node]
            if node.boolean == true { continue }
            if entry.keywordPath.count > 256 || result.count > 4096 { return nil }
            result.append(entry)
            let inner = innerScope(entry, node)
            var followers: [StreamEntry] = []
            for keyword in node.keywords {
                switch keyword {
                case .ref(let target):
                    followers.append(StreamEntry(node: target, keywordPath: entry.keywordPath + ["$ref"], scope: inner))
                case .allOf(let list):
                    for (index, child) in list.enumerated() {
                        followers.append(
                            StreamEntry(
                                node: child,
                                keywordPath: entry.keywordPath + [
                                    "allOf",
                                    String(index),
                                ],
                                scope: inner
                            )
                        )
                    }
                default: break
                }
            }
            pending.append(contentsOf: followers.reversed())
        }
        return result
    }

    /// Whether every keyword of an entry's node can be checked member by member.
    private func isStreamable(_ entry: StreamEntry) -> Bool {
        let node = schema.nodes[entry.node]
        if node.collectsAnnotations { return false }
        for keyword in node.keywords {
            switch keyword {
            case .enumeration, .constant, .uniqueItems, .anyOf, .oneOf, .not, .conditional, .dependentSchemas,
                .dynamicRef, .unevaluatedItems, .unevaluatedProperties:
                return false
            default: continue
            }
        }
        return true
    }

    /// The dynamic scope inside an entry's node.
    private func innerScope(_ entry: StreamEntry, _ node: SchemaNode) -> [Int] {
        entry.scope.last == node.resource ? entry.scope : entry.scope + [node.resource]
    }

    /// Checks a value read in full against one entry.
    private mutating func evaluate(_ entry: StreamEntry, _ value: JSONValue, pointer: String) {
        guard !isFull else { return }
        var evaluator = Evaluator(
            schema: schema,
            basePointer: pointer,
            maxErrors: maxErrors - errors.count,
            scope: entry.scope
        )
        evaluator.keywordPath = entry.keywordPath
        var none: Annotations?
        _ = evaluator.validate(entry.node, value, &none)
        for error in evaluator.errors { emit(error) }
    }

    private func error(
        _ entry: StreamEntry,
        _ node: SchemaNode,
        _ keyword: [String]?,
        _ pointer: String,
        _ position: JSONPosition,
        _ message: String
    ) -> JSONSchemaError {
        var keywordLocation = ""
        for token in entry.keywordPath + (keyword ?? []) { keywordLocation += "/" + token }
        var absolute = node.location
        for token in keyword ?? [] { absolute += "/" + token }
        return JSONSchemaError(
            instanceLocation: pointer,
            position: position,
            keywordLocation: keywordLocation,
            absoluteKeywordLocation: absolute,
            keyword: keyword?.first ?? entry.keywordPath.last(where: { !$0.allSatisfy(\.isNumber) }) ?? "false",
            message: message
        )
    }
}
