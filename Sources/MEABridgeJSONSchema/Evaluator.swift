import MEABridgeJSON

/// What the keywords that ran on one instance evaluated, for `unevaluatedProperties` and `unevaluatedItems`.
struct Annotations {
    /// Property names evaluated by `properties`, `patternProperties`, `additionalProperties`, … .
    var properties: Set<String> = []
    /// Whether every property counts as evaluated.
    var allProperties = false
    /// How many leading items `prefixItems` evaluated.
    var itemPrefix = 0
    /// Whether every item counts as evaluated (`items`, `unevaluatedItems`).
    var allItems = false
    /// Items `contains` matched.
    var itemIndices: Set<Int> = []

    mutating func merge(_ other: Annotations) {
        if other.allProperties {
            allProperties = true
        } else if !allProperties {
            properties.formUnion(other.properties)
        }
        itemPrefix = max(itemPrefix, other.itemPrefix)
        allItems = allItems || other.allItems
        if !allItems { itemIndices.formUnion(other.itemIndices) }
    }

    func isEvaluated(property: String) -> Bool { allProperties || properties.contains(property) }

    func isEvaluated(item: Int) -> Bool { allItems || item < itemPrefix || itemIndices.contains(item) }
}

/// One validation run: walks the compiled nodes over an instance, keeping the dynamic scope, the paths for
/// messages and the errors found.
struct Evaluator {
    let schema: CompiledSchema
    /// The JSON Pointer of the instance's root inside the input (for values read from a larger document).
    let basePointer: String
    /// The most errors to keep.
    let maxErrors: Int
    /// Whether errors are being recorded; `false` while checking alternatives (`anyOf`, `not`, `if`, `contains`),
    /// where only the outcome matters and evaluation stops at the first failure.
    var collecting = true
    /// The errors found.
    var errors: [JSONSchemaError] = []
    /// Resources entered, outermost first.
    var scope: [Int] = []
    /// Escaped pointer tokens from the instance root to the current value.
    var instancePath: [String] = []
    /// Escaped keyword tokens from the root schema to the current schema.
    var keywordPath: [String] = []
    private var depth = 0
    /// Stops the recursion before the thread's stack runs out; read once validation gets deep.
    private var stack: StackGuard?

    /// The deepest nesting of schema applications allowed (a `$ref` cycle that never moves into the instance
    /// would otherwise recurse forever).
    static let maxDepth = 5000

    init(schema: CompiledSchema, basePointer: String = "", maxErrors: Int = .max, scope: [Int] = []) {
        self.schema = schema
        self.basePointer = basePointer
        self.maxErrors = maxErrors
        self.scope = scope
    }

    /// Whether collecting has reached the error limit.
    var isFull: Bool { errors.count >= maxErrors }

    // MARK: - Nodes

    /// Validates a value against a node.
    /// - Parameters:
    ///   - index: The node.
    ///   - value: The instance value.
    ///   - annotations: `nil` when the caller does not need annotations; otherwise the node's annotations are
    ///     merged into it when the value is valid.
    /// - Returns: Whether the value is valid.
    mutating func validate(_ index: Int, _ value: JSONValue, _ annotations: inout Annotations?) -> Bool {
        let node = schema.nodes[index]
        if let flag = node.boolean {
            if !flag { fail(value, node, keyword: nil, "no value is allowed here (the schema is false)") }
            return flag
        }
        if node.keywords.isEmpty { return true }
        depth += 1
        let pushed = scope.last != node.resource
        if pushed { scope.append(node.resource) }
        defer {
            depth -= 1
            if pushed { scope.removeLast() }
        }
        if depth > 48 && stack == nil { stack = StackGuard() }
        if depth > Evaluator.maxDepth || stack?.hasRoom == false {
            let levels = depth
            fail(
                value,
                node,
                keyword: nil,
                "the value is nested too deeply, or the schema refers to itself without moving into the value, "
                    + "to be validated here (\(levels) schema levels)"
            )
            return false
        }
        var own: Annotations? = annotations != nil || node.collectsAnnotations ? Annotations() : nil
        var valid = true
        for keyword in node.keywords {
            if !valid && (!collecting || isFull) { break }
            if !apply(keyword, node, value, &own) { valid = false }
        }
        if valid, let own, annotations != nil { annotations?.merge(own) }
        return valid
    }

    /// Validates a child value (an item or a property value) against a node.
    private mutating func validateChild(_ index: Int, _ value: JSONValue, token: String, keyword: [String]) -> Bool {
        instancePath.append(token)
        keywordPath.append(contentsOf: keyword)
        var none: Annotations?
        let valid = validate(index, value, &none)
        keywordPath.removeLast(keyword.count)
        instancePath.removeLast()
        return valid
    }

    /// Validates the same value against a node reached through a keyword (`allOf/0`, `$ref`, `then`).
    private mutating func validateInPlace(
        _ index: Int,
        _ value: JSONValue,
        keyword: [String],
        _ annotations: inout Annotations?
    ) -> Bool {
        keywordPath.append(contentsOf: keyword)
        let valid = validate(index, value, &annotations)
        keywordPath.removeLast(keyword.count)
        return valid
    }

    /// Checks a value against a node without recording errors.
    private mutating func check(_ index: Int, _ value: JSONValue, _ annotations: inout Annotations?) -> Bool {
        let saved = collecting
        collecting = false
        defer { collecting = saved }
        return validate(index, value, &annotations)
    }

    // MARK: - Errors

    /// Records an error at the current instance and keyword location.
    private mutating func fail(
        _ value: JSONValue,
        _ node: SchemaNode,
        keyword: [String]?,
        _ message: @autoclosure () -> String
    ) {
        guard collecting, !isFull else { return }
        var pointer = basePointer
        for token in instancePath { pointer += "/" + token }
        var keywordLocation = ""
        for token in keywordPath { keywordLocation += "/" + token }
        var absolute = node.location
        if let keyword {
            for token in keyword {
                keywordLocation += "/" + token
                absolute += "/" + token
            }
        }
        errors.append(
            JSONSchemaError(
                instanceLocation: pointer,
                position: value.position,
                keywordLocation: keywordLocation,
                absoluteKeywordLocation: absolute,
                keyword: keyword?.first ?? keywordPath.last(where: { !$0.allSatisfy(\.isNumber) }) ?? "false",
                message: message()
            )
        )
    }

    /// Records an error for a child value that a `false` schema rejects, with a message naming the keyword.
    private mutating func rejectChild(
        _ value: JSONValue,
        _ node: SchemaNode,
        token: String,
        keyword: [String],
        _ message: @autoclosure () -> String
    ) {
        guard collecting, !isFull else { return }
        instancePath.append(token)
        fail(value, node, keyword: keyword, message())
        instancePath.removeLast()
    }

    private func isFalse(_ index: Int) -> Bool { schema.nodes[index].boolean == false }

    // MARK: - Keywords

    private mutating func apply(
        _ keyword: Keyword,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        switch keyword {
        case .ref(let target): return applyRef(target, node, value, &own)
        case .dynamicRef(let initial, let anchor): return applyDynamicRef(initial, anchor, node, value, &own)
        case .type(let types, let names): return applyType(types, names, node, value, &own)
        case .enumeration(let values): return applyEnumeration(values, node, value, &own)
        case .constant(let expected): return applyConstant(expected, node, value, &own)
        case .multipleOf(let divisor): return applyMultipleOf(divisor, node, value, &own)
        case .maximum(let limit):
            return applyBound("maximum", limit, node, value, violated: >) {
                "\($0) is greater than the maximum \(limit)"
            }
        case .exclusiveMaximum(let limit):
            return applyBound("exclusiveMaximum", limit, node, value, violated: >=) {
                "\($0) must be less than \(limit)"
            }
        case .minimum(let limit):
            return applyBound("minimum", limit, node, value, violated: <) { "\($0) is less than the minimum \(limit)" }
        case .exclusiveMinimum(let limit):
            return applyBound("exclusiveMinimum", limit, node, value, violated: <=) {
                "\($0) must be greater than \(limit)"
            }
        case .maxLength(let limit): return applyMaxLength(limit, node, value, &own)
        case .minLength(let limit): return applyMinLength(limit, node, value, &own)
        case .pattern(let regex): return applyPattern(regex, node, value, &own)
        case .format(let name, let check): return applyFormat(name, check, node, value, &own)
        case .prefixItems(let nodes, let name): return applyPrefixItems(nodes, name, node, value, &own)
        case .items(let child, let start, let name): return applyItems(child, start, name, node, value, &own)
        case .contains(let child, let minimum, let maximum):
            return applyContains(child, minimum, maximum, node, value, &own)
        case .maxItems(let limit):
            return applyCount("maxItems", limit, atMost: true, node, value, "the array", "items")
        case .minItems(let limit):
            return applyCount("minItems", limit, atMost: false, node, value, "the array", "items")
        case .uniqueItems: return applyUniqueItems(node, value, &own)
        case .properties(let table): return applyProperties(table, node, value, &own)
        case .patternProperties(let list): return applyPatternProperties(list, node, value, &own)
        case .additionalProperties(let child, let named, let patterns):
            return applyAdditionalProperties(child, named, patterns, node, value, &own)
        case .propertyNames(let child): return applyPropertyNames(child, node, value, &own)
        case .required(let names): return applyRequired(names, node, value, &own)
        case .maxProperties(let limit):
            return applyCount("maxProperties", limit, atMost: true, node, value, "the object", "properties")
        case .minProperties(let limit):
            return applyCount("minProperties", limit, atMost: false, node, value, "the object", "properties")
        case .dependentRequired(let list, let name): return applyDependentRequired(list, name, node, value, &own)
        case .dependentSchemas(let list, let name): return applyDependentSchemas(list, name, node, value, &own)
        case .allOf(let list): return applyAllOf(list, node, value, &own)
        case .anyOf(let list): return applyAnyOf(list, node, value, &own)
        case .oneOf(let list): return applyOneOf(list, node, value, &own)
        case .not(let child): return applyNot(child, node, value, &own)
        case .conditional(let condition, let thenNode, let elseNode):
            return applyConditional(condition, thenNode, elseNode, node, value, &own)
        case .unevaluatedItems(let child): return applyUnevaluatedItems(child, node, value, &own)
        case .unevaluatedProperties(let child): return applyUnevaluatedProperties(child, node, value, &own)
        }
    }

    private mutating func applyRef(
        _ target: Int,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        return validateInPlace(target, value, keyword: ["$ref"], &own)
    }

    private mutating func applyDynamicRef(
        _ initial: Int,
        _ anchor: String?,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        var target = initial
        if let anchor {
            for resource in scope {
                if let found = schema.dynamicAnchors[resource][anchor] {
                    target = found
                    break
                }
            }
        }
        return validateInPlace(target, value, keyword: ["$dynamicRef"], &own)
    }

    private mutating func applyType(
        _ types: TypeSet,
        _ names: [String],
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        if types.admits(value) { return true }
        fail(value, node, keyword: ["type"], "expected \(list(names, "or")), found \(describeType(value))")
        return false
    }

    private mutating func applyEnumeration(
        _ values: [JSONValue],
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        if values.contains(where: { jsonEqual($0, value) }) { return true }
        let shown = values.prefix(12).map(preview).joined(separator: ", ") + (values.count > 12 ? ", …" : "")
        fail(value, node, keyword: ["enum"], "\(preview(value)) is not one of the allowed values: \(shown)")
        return false
    }

    private mutating func applyConstant(
        _ expected: JSONValue,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        if jsonEqual(expected, value) { return true }
        fail(value, node, keyword: ["const"], "must be \(preview(expected)), found \(preview(value))")
        return false
    }

    private mutating func applyMultipleOf(
        _ divisor: ExactNumber,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard let number = ExactNumber(value) else { return true }
        if number.isMultiple(of: divisor) { return true }
        fail(value, node, keyword: ["multipleOf"], "\(number) is not a multiple of \(divisor)")
        return false
    }

    private mutating func applyMaxLength(
        _ limit: Int,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .string(let text) = value.kind else { return true }
        let length = text.unicodeScalars.count
        if length <= limit { return true }
        fail(value, node, keyword: ["maxLength"], "text is \(length) characters long; at most \(limit) allowed")
        return false
    }

    private mutating func applyMinLength(
        _ limit: Int,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .string(let text) = value.kind else { return true }
        let length = text.unicodeScalars.count
        if length >= limit { return true }
        fail(
            value,
            node,
            keyword: ["minLength"],
            length == 0
                ? "text is empty; at least \(limit) characters required"
                : "text is \(length) characters long; at least \(limit) required"
        )
        return false
    }

    private mutating func applyPattern(
        _ regex: SchemaRegex,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .string(let text) = value.kind, !regex.matches(text) else { return true }
        fail(value, node, keyword: ["pattern"], "\(preview(value)) does not match the pattern \(regex.source)")
        return false
    }

    private mutating func applyFormat(
        _ name: String,
        _ check: FormatCheck,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .string(let text) = value.kind, !check.accepts(text) else { return true }
        fail(value, node, keyword: ["format"], "\(preview(value)) is not a valid \(name)")
        return false
    }

    private mutating func applyPrefixItems(
        _ nodes: [Int],
        _ name: String,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .array(let items) = value.kind else { return true }
        var valid = true
        for (index, item) in items.prefix(nodes.count).enumerated() {
            if !valid && (!collecting || isFull) { break }
            if isFalse(nodes[index]) {
                rejectChild(
                    item,
                    node,
                    token: String(index),
                    keyword: [name, String(index)],
                    "item \(index) is "
                        + "not allowed"
                )
                valid = false
            } else if !validateChild(nodes[index], item, token: String(index), keyword: [name, String(index)]) {
                valid = false
            }
        }
        if let prefix = own?.itemPrefix { own?.itemPrefix = max(prefix, min(items.count, nodes.count)) }
        return valid
    }

    private mutating func applyItems(
        _ child: Int,
        _ start: Int,
        _ name: String,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .array(let items) = value.kind else { return true }
        var valid = true
        if start < items.count {
            if isFalse(child) {
                fail(
                    value,
                    node,
                    keyword: [name],
                    start == 0
                        ? "the array must be empty; it has \(items.count) items"
                        : "at most \(start) items are allowed; the array has \(items.count)"
                )
                valid = false
            } else {
                for index in start..<items.count {
                    if !valid && (!collecting || isFull) { break }
                    if !validateChild(child, items[index], token: String(index), keyword: [name]) { valid = false }
                }
            }
        }
        own?.allItems = true
        return valid
    }

    private mutating func applyContains(
        _ child: Int,
        _ minimum: Int,
        _ maximum: Int?,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .array(let items) = value.kind else { return true }
        var matches = 0
        for (index, item) in items.enumerated() {
            var none: Annotations?
            if check(child, item, &none) {
                matches += 1
                own?.itemIndices.insert(index)
            }
        }
        if matches < minimum {
            fail(
                value,
                node,
                keyword: ["contains"],
                minimum == 1
                    ? "no item matches the 'contains' schema"
                    : "\(matches) items match the 'contains' schema; at least \(minimum) required"
            )
            return false
        }
        if let maximum, matches > maximum {
            fail(
                value,
                node,
                keyword: ["maxContains"],
                "\(matches) items match the 'contains' schema; at most \(maximum) allowed"
            )
            return false
        }
        return true
    }

    /// `maximum`, `exclusiveMaximum`, `minimum`, `exclusiveMinimum`: a number on the wrong side of `limit` fails.
    private mutating func applyBound(
        _ keyword: String,
        _ limit: ExactNumber,
        _ node: SchemaNode,
        _ value: JSONValue,
        violated: (ExactNumber, ExactNumber) -> Bool,
        _ message: (ExactNumber) -> String
    ) -> Bool {
        guard let number = ExactNumber(value), violated(number, limit) else { return true }
        fail(value, node, keyword: [keyword], message(number))
        return false
    }

    /// `maxItems`, `minItems`, `maxProperties`, `minProperties`: how many items an array, or members an object, has.
    private mutating func applyCount(
        _ keyword: String,
        _ limit: Int,
        atMost: Bool,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ subject: String,
        _ unit: String
    ) -> Bool {
        let count: Int
        switch value.kind {
        case .array(let items) where unit == "items": count = items.count
        case .object(let members) where unit == "properties": count = members.count
        default: return true
        }
        guard atMost ? count > limit : count < limit else { return true }
        let bound = atMost ? "at most \(limit) allowed" : "at least \(limit) required"
        fail(value, node, keyword: [keyword], "\(subject) has \(count) \(unit); \(bound)")
        return false
    }

    private mutating func applyUniqueItems(
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .array(let items) = value.kind, items.count > 1 else { return true }
        var seen: [JSONKey: Int] = [:]
        for (index, item) in items.enumerated() {
            if let first = seen[JSONKey(value: item)] {
                fail(
                    value,
                    node,
                    keyword: ["uniqueItems"],
                    "items \(first) and \(index) are equal; items must be "
                        + "unique"
                )
                return false
            }
            seen[JSONKey(value: item)] = index
        }
        return true
    }

    private mutating func applyProperties(
        _ table: [String: Int],
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .object(let members) = value.kind else { return true }
        var valid = true
        for member in members {
            if !valid && (!collecting || isFull) { break }
            guard let child = table[member.key] else { continue }
            own?.properties.insert(member.key)
            let token = JSONPointer.escape(member.key)
            if isFalse(child) {
                rejectChild(
                    member.value,
                    node,
                    token: token,
                    keyword: ["properties", token],
                    "property "
                        + "'\(member.key)' is not allowed"
                )
                valid = false
            } else if !validateChild(child, member.value, token: token, keyword: ["properties", token]) {
                valid = false
            }
        }
        return valid
    }

    private mutating func applyPatternProperties(
        _ list: [(regex: SchemaRegex, node: Int)],
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .object(let members) = value.kind else { return true }
        var valid = true
        for member in members {
            for (regex, child) in list where regex.matches(member.key) {
                if !valid && (!collecting || isFull) { break }
                own?.properties.insert(member.key)
                let token = JSONPointer.escape(member.key)
                let path = ["patternProperties", JSONPointer.escape(regex.source)]
                if isFalse(child) {
                    rejectChild(
                        member.value,
                        node,
                        token: token,
                        keyword: path,
                        "property '\(member.key)' is not "
                            + "allowed (it matches \(regex.source))"
                    )
                    valid = false
                } else if !validateChild(child, member.value, token: token, keyword: path) {
                    valid = false
                }
            }
        }
        return valid
    }

    private mutating func applyAdditionalProperties(
        _ child: Int,
        _ named: Set<String>,
        _ patterns: [SchemaRegex],
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .object(let members) = value.kind else { return true }
        var valid = true
        for member in members where !named.contains(member.key) {
            if !valid && (!collecting || isFull) { break }
            if patterns.contains(where: { $0.matches(member.key) }) { continue }
            own?.properties.insert(member.key)
            let token = JSONPointer.escape(member.key)
            if isFalse(child) {
                rejectChild(
                    member.value,
                    node,
                    token: token,
                    keyword: ["additionalProperties"],
                    "property "
                        + "'\(member.key)' is not allowed"
                )
                valid = false
            } else if !validateChild(child, member.value, token: token, keyword: ["additionalProperties"]) {
                valid = false
            }
        }
        return valid
    }

    private mutating func applyPropertyNames(
        _ child: Int,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .object(let members) = value.kind else { return true }
        var valid = true
        for member in members {
            if !valid && (!collecting || isFull) { break }
            let name = JSONValue(.string(member.key), position: member.keyPosition)
            var none: Annotations?
            if !check(child, name, &none) {
                rejectChild(
                    name,
                    node,
                    token: JSONPointer.escape(member.key),
                    keyword: ["propertyNames"],
                    "property name '\(member.key)' is not allowed by 'propertyNames'"
                )
                valid = false
            }
        }
        return valid
    }

    private mutating func applyRequired(
        _ names: [String],
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .object(let members) = value.kind else { return true }
        var valid = true
        for name in names where !members.contains(where: { $0.key == name }) {
            fail(value, node, keyword: ["required"], "required property '\(name)' is missing")
            valid = false
            if !collecting || isFull { break }
        }
        return valid
    }

    private mutating func applyDependentRequired(
        _ list: [(key: String, required: [String])],
        _ name: String,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .object(let members) = value.kind else { return true }
        var valid = true
        for (key, required) in list where members.contains(where: { $0.key == key }) {
            for other in required where !members.contains(where: { $0.key == other }) {
                fail(
                    value,
                    node,
                    keyword: [name, JSONPointer.escape(key)],
                    "property '\(key)' requires property "
                        + "'\(other)', which is missing"
                )
                valid = false
            }
        }
        return valid
    }

    private mutating func applyDependentSchemas(
        _ list: [(key: String, node: Int)],
        _ name: String,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .object(let members) = value.kind else { return true }
        var valid = true
        for (key, child) in list where members.contains(where: { $0.key == key }) {
            if !valid && (!collecting || isFull) { break }
            if !validateInPlace(child, value, keyword: [name, JSONPointer.escape(key)], &own) { valid = false }
        }
        return valid
    }

    private mutating func applyAllOf(
        _ list: [Int],
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        var valid = true
        for (index, child) in list.enumerated() {
            if !valid && (!collecting || isFull) { break }
            if !validateInPlace(child, value, keyword: ["allOf", String(index)], &own) { valid = false }
        }
        return valid
    }

    private mutating func applyAnyOf(
        _ list: [Int],
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        var matched = false
        for (index, child) in list.enumerated() {
            var branch: Annotations? = own != nil ? Annotations() : nil
            keywordPath.append(contentsOf: ["anyOf", String(index)])
            let ok = check(child, value, &branch)
            keywordPath.removeLast(2)
            if ok {
                matched = true
                if let branch { own?.merge(branch) } else { break }
            }
        }
        if matched { return true }
        failAlternatives(
            value,
            node,
            list,
            keyword: "anyOf",
            "does not match any of the \(list.count) "
                + "alternatives of 'anyOf'"
        )
        return false
    }

    private mutating func applyOneOf(
        _ list: [Int],
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        var passing: [Int] = []
        var kept: Annotations?
        for (index, child) in list.enumerated() {
            var branch: Annotations? = own != nil ? Annotations() : nil
            keywordPath.append(contentsOf: ["oneOf", String(index)])
            let ok = check(child, value, &branch)
            keywordPath.removeLast(2)
            if ok {
                passing.append(index)
                kept = branch
                if passing.count > 1 && own == nil { break }
            }
        }
        if passing.count == 1 {
            if let kept { own?.merge(kept) }
            return true
        }
        if passing.isEmpty {
            failAlternatives(
                value,
                node,
                list,
                keyword: "oneOf",
                "does not match any of the \(list.count) "
                    + "alternatives of 'oneOf'"
            )
        } else {
            fail(
                value,
                node,
                keyword: ["oneOf"],
                "matches alternatives \(passing[0]) and \(passing[1]) of "
                    + "'oneOf'; exactly one must match"
            )
        }
        return false
    }

    private mutating func applyNot(
        _ child: Int,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        var none: Annotations?
        keywordPath.append("not")
        let matched = check(child, value, &none)
        keywordPath.removeLast()
        if !matched { return true }
        fail(value, node, keyword: ["not"], "must not match the schema in 'not'")
        return false
    }

    private mutating func applyConditional(
        _ condition: Int,
        _ thenNode: Int?,
        _ elseNode: Int?,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        var branch: Annotations? = own != nil ? Annotations() : nil
        keywordPath.append("if")
        let holds = check(condition, value, &branch)
        keywordPath.removeLast()
        if holds {
            if let branch { own?.merge(branch) }
            guard let thenNode else { return true }
            return validateInPlace(thenNode, value, keyword: ["then"], &own)
        }
        guard let elseNode else { return true }
        return validateInPlace(elseNode, value, keyword: ["else"], &own)
    }

    private mutating func applyUnevaluatedItems(
        _ child: Int,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .array(let items) = value.kind else { return true }
        let evaluated = own ?? Annotations()
        var valid = true
        for (index, item) in items.enumerated() where !evaluated.isEvaluated(item: index) {
            if !valid && (!collecting || isFull) { break }
            if isFalse(child) {
                rejectChild(
                    item,
                    node,
                    token: String(index),
                    keyword: ["unevaluatedItems"],
                    "item \(index) is not "
                        + "allowed here (no other keyword accepts it)"
                )
                valid = false
            } else if !validateChild(child, item, token: String(index), keyword: ["unevaluatedItems"]) {
                valid = false
            }
        }
        own?.allItems = true
        return valid
    }

    private mutating func applyUnevaluatedProperties(
        _ child: Int,
        _ node: SchemaNode,
        _ value: JSONValue,
        _ own: inout Annotations?
    ) -> Bool {
        guard case .object(let members) = value.kind else { return true }
        let evaluated = own ?? Annotations()
        var valid = true
        for member in members where !evaluated.isEvaluated(property: member.key) {
            if !valid && (!collecting || isFull) { break }
            let token = JSONPointer.escape(member.key)
            if isFalse(child) {
                rejectChild(
                    member.value,
                    node,
                    token: token,
                    keyword: ["unevaluatedProperties"],
                    "property "
                        + "'\(member.key)' is not allowed here (no other keyword accepts it)"
                )
                valid = false
            } else if !validateChild(child, member.value, token: token, keyword: ["unevaluatedProperties"]) {
                valid = false
            }
        }
        own?.allProperties = true
        return valid
    }

    /// Reports a failed `anyOf` or `oneOf`, naming the closest alternative's first problem.
    private mutating func failAlternatives(
        _ value: JSONValue,
        _ node: SchemaNode,
        _ list: [Int],
        keyword: String,
        _ message: @autoclosure () -> String
    ) {
        guard collecting, !isFull else { return }
        var best: (index: Int, score: Int, errors: [JSONSchemaError])?
        for (index, child) in list.enumerated() {
            var probe = Evaluator(schema: schema, basePointer: basePointer, maxErrors: 50, scope: scope)
            probe.instancePath = instancePath
            probe.keywordPath = keywordPath + [keyword, String(index)]
            probe.depth = depth
            var none: Annotations?
            _ = probe.validate(child, value, &none)
            // An alternative for another type of value is the least close.
            let score =
                probe.errors.count
                + (probe.errors.contains { $0.keyword == "type" && $0.instanceLocation == currentPointer } ? 1000 : 0)
            if best == nil || score < (best?.score ?? 0) { best = (index, score, probe.errors) }
        }
        var text = message()
        if let best, let first = best.errors.first {
            let place = first.instanceLocation == currentPointer ? "" : " at \(first.instanceLocation)"
            text += "; closest is alternative \(best.index): \(first.message)\(place)"
        }
        fail(value, node, keyword: [keyword], text)
    }

    private var currentPointer: String {
        var pointer = basePointer
        for token in instancePath { pointer += "/" + token }
        return pointer
    }
}

/// `a`, `a or b`, `a, b or c`.
func list(_ names: [String], _ conjunction: String) -> String {
    guard names.count > 1 else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " \(conjunction) " + (names.last ?? "")
}

/// The type of a value for messages, with integers told from other numbers.
func describeType(_ value: JSONValue) -> String {
    if case .number(let lexeme) = value.kind {
        return ExactNumber(lexeme)?.isInteger == true ? "integer \(lexeme)" : "number \(lexeme)"
    }
    if case .string = value.kind { return "string \(preview(value))" }
    return value.typeName
}

/// A short rendering of a value for messages: scalars as JSON (long strings cut), containers by size.
func preview(_ value: JSONValue) -> String {
    switch value.kind {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let lexeme): return lexeme
    case .string(let text):
        var bytes: [UInt8] = []
        let shown =
            text.unicodeScalars.count > 60
            ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(57)))
                + "…" : text
        JSONOutput.appendString(shown, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    case .array(let items): return "an array of \(items.count) items"
    case .object(let members): return "an object with \(members.count) properties"
    }
}
