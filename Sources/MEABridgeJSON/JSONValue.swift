/// A JSON value as a tree, with the input position of every value and member name.
///
/// Numbers keep their raw lexeme, so no precision is lost; object members keep their order and duplicates.
public struct JSONValue: Sendable, Hashable {
    /// What the value is.
    public enum Kind: Sendable, Hashable {
        /// `null`.
        case null
        /// `true` or `false`.
        case bool(Bool)
        /// A number, as its raw lexeme.
        case number(String)
        /// A string.
        case string(String)
        /// An array of values.
        case array([JSONValue])
        /// An object's members, in input order.
        case object([JSONMember])
    }

    /// What the value is.
    public var kind: Kind
    /// Where the value starts in the input (all zero for values built in code).
    public var position: JSONPosition

    /// Creates a value.
    /// - Parameters:
    ///   - kind: What the value is.
    ///   - position: Where the value starts in the input.
    public init(_ kind: Kind, position: JSONPosition = JSONPosition(line: 0, column: 0, offset: 0)) {
        self.kind = kind
        self.position = position
    }

    /// The value of the first member named exactly `key`, if this is an object that has one.
    /// - Parameter key: The member name.
    /// - Returns: The member's value, or `nil`.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        for member in members where member.key == key {
            return member.value
        }
        return nil
    }

    /// The first member, in input order, whose name is any of `keys`.
    /// - Parameters:
    ///   - keys: The names to look for.
    ///   - caseInsensitive: Whether to compare names ignoring ASCII case.
    /// - Returns: The member, or `nil` when this is not an object or no member matches.
    public func member(_ keys: String..., caseInsensitive: Bool = false) -> JSONMember? {
        guard case .object(let members) = kind else { return nil }
        for member in members {
            for key in keys where caseInsensitive ? asciiCaseInsensitiveEqual(member.key, key) : member.key == key {
                return member
            }
        }
        return nil
    }

    /// The text, if this is a string.
    public var stringValue: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// The Boolean, if this is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let value) = kind { return value }
        return nil
    }

    /// The raw number lexeme, if this is a number.
    public var numberLexeme: String? {
        if case .number(let lexeme) = kind { return lexeme }
        return nil
    }

    /// The nearest `Double`, if this is a number (strings are not converted).
    public var doubleValue: Double? {
        guard case .number(let lexeme) = kind else { return nil }
        return Double(lexeme)
    }

    /// The exact integer, if this is a number with an integral value in `Int64` range (`1.0` and `1e3` count).
    public var int64Value: Int64? {
        guard case .number(let lexeme) = kind else { return nil }
        return exactInt64(lexeme)
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    /// The members, if this is an object.
    public var objectValue: [JSONMember]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// Whether this is `null`.
    public var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    /// The JSON type name for messages: `null`, `boolean`, `number`, `string`, `array` or `object`.
    public var typeName: String {
        switch kind {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Compares two values by content only, ignoring every position.
    /// - Parameter other: The value to compare with.
    /// - Returns: Whether both have the same kinds, scalars, member names and order.
    public func equalsIgnoringPositions(_ other: JSONValue) -> Bool {
        switch (kind, other.kind) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where !x.equalsIgnoringPositions(y) {
                return false
            }
            return true
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where x.key != y.key || !x.value.equalsIgnoringPositions(y.value) {
                return false
            }
            return true
        default: return false
        }
    }
}

/// One member of a JSON object: a name, a value, and where the name is in the input.
public struct JSONMember: Sendable, Hashable {
    /// The member name, unescaped.
    public var key: String
    /// The member value.
    public var value: JSONValue
    /// Where the member name (its opening quote) is in the input.
    public var keyPosition: JSONPosition

    /// Creates a member.
    /// - Parameters:
    ///   - key: The member name.
    ///   - value: The member value.
    ///   - keyPosition: Where the name is in the input.
    public init(
        key: String,
        value: JSONValue,
        keyPosition: JSONPosition = JSONPosition(line: 0, column: 0, offset: 0)
    ) {
        self.key = key
        self.value = value
        self.keyPosition = keyPosition
    }
}

/// Whether two strings are equal when ASCII letters are compared without case.
private func asciiCaseInsensitiveEqual(_ a: String, _ b: String) -> Bool {
    var left = a.utf8.makeIterator()
    var right = b.utf8.makeIterator()
    while true {
        switch (left.next(), right.next()) {
        case (nil, nil): return true
        case (let x?, let y?):
            if x == y { continue }
            let lx = x >= 0x41 && x <= 0x5A ? x | 0x20 : x
            let ly = y >= 0x41 && y <= 0x5A ? y | 0x20 : y
            if lx != ly { return false }
        default: return false
        }
    }
}

/// The exact `Int64` value of a JSON number lexeme, or `nil` when it is not integral or out of range.
func exactInt64(_ lexeme: String) -> Int64? {
    if let direct = Int64(lexeme) { return direct }
    var negative = false
    var digits: [UInt8] = []
    var fractionDigits = 0
    var exponent = 0
    var exponentNegative = false
    var part = 0  // 0 integer, 1 fraction, 2 exponent
    for byte in lexeme.utf8 {
        switch byte {
        case UInt8(ascii: "-") where part == 0 && digits.isEmpty: negative = true
        case UInt8(ascii: "-") where part == 2: exponentNegative = true
        case UInt8(ascii: "+") where part == 2: continue
        case UInt8(ascii: "."): part = 1
        case UInt8(ascii: "e"), UInt8(ascii: "E"): part = 2
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            if part == 2 {
                if exponent > 100_000 { return nil }
                exponent = exponent * 10 + Int(byte - 0x30)
            } else {
                if digits.isEmpty && byte == 0x30 {
                    if part == 1 { fractionDigits += 1 }
                    continue  // leading zeros add nothing
                }
                digits.append(byte - 0x30)
                if part == 1 { fractionDigits += 1 }
            }
        default: return nil
        }
    }
    if digits.isEmpty { return 0 }
    var scale = (exponentNegative ? -exponent : exponent) - fractionDigits
    while scale < 0, let last = digits.last, last == 0 {
        digits.removeLast()
        scale += 1
    }
    if scale < 0 || digits.count + scale > 19 { return nil }
    var magnitude: UInt64 = 0
    for digit in digits {
        let (times, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
        let (plus, overflow2) = times.addingReportingOverflow(UInt64(digit))
        if overflow1 || overflow2 { return nil }
        magnitude = plus
    }
    for _ in 0..<scale {
        let (times, overflow) = magnitude.multipliedReportingOverflow(by: 10)
        if overflow { return nil }
        magnitude = times
    }
    if negative {
        if magnitude <= UInt64(Int64.max) { return -Int64(magnitude) }
        return magnitude == UInt64(Int64.max) + 1 ? Int64.min : nil
    }
    return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
}
