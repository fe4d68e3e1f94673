import MEABridgeJSON

/// A JSON number held exactly as a decimal: `digits × 10^exponent`, so comparisons, equality and `multipleOf`
/// never lose precision (`1.0` equals `1`, `1e400` stays finite, `0.1 + 0.2` questions never arise).
struct ExactNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Whether the number is below zero (never set for zero).
    var negative: Bool
    /// The significant decimal digits (0–9), without leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    /// The power of ten the digits are scaled by.
    var exponent: Int

    /// Parses a JSON number lexeme; `nil` when it is not one.
    /// - Parameter lexeme: Text following the RFC 8259 number grammar.
    init?(_ lexeme: String) {
        var negative = false
        var digits: [UInt8] = []
        var fractionDigits = 0
        var exponentValue = 0
        var exponentNegative = false
        var part = 0  // 0 integer, 1 fraction, 2 exponent
        var sawDigit = false
        for byte in lexeme.utf8 {
            switch byte {
            case UInt8(ascii: "-") where part == 0 && !sawDigit && !negative: negative = true
            case UInt8(ascii: "-") where part == 2: exponentNegative = true
            case UInt8(ascii: "+") where part == 2: continue
            case UInt8(ascii: ".") where part == 0: part = 1
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard part < 2, sawDigit else { return nil }
                part = 2
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = byte - UInt8(ascii: "0")
                if part == 2 {
                    if exponentValue < 1_000_000_000 { exponentValue = exponentValue * 10 + Int(digit) }
                } else {
                    sawDigit = true
                    if part == 1 { fractionDigits += 1 }
                    if digits.isEmpty && digit == 0 { continue }
                    digits.append(digit)
                }
            default: return nil
            }
        }
        guard sawDigit else { return nil }
        var exponent = (exponentNegative ? -exponentValue : exponentValue) - fractionDigits
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        if digits.isEmpty {
            self.init(negative: false, digits: [], exponent: 0)
        } else {
            self.init(negative: negative, digits: digits, exponent: exponent)
        }
    }

    /// Builds a number from its normalised parts.
    init(negative: Bool, digits: [UInt8], exponent: Int) {
        self.negative = negative
        self.digits = digits
        self.exponent = exponent
    }

    /// The number of a JSON value, if it is a number.
    init?(_ value: JSONValue) {
        guard case .number(let lexeme) = value.kind else { return nil }
        self.init(lexeme)
    }

    /// Whether the number is zero.
    var isZero: Bool { digits.isEmpty }

    /// Whether the number has no fractional part (`1.0` and `1e3` are integers).
    var isInteger: Bool { digits.isEmpty || exponent >= 0 }

    /// The nearest `Double` (infinite when out of range).
    var doubleValue: Double {
        Double(description) ?? (negative ? -.infinity : .infinity)
    }

    /// The decimal text, `digitsEexponent`, for messages and `Double` conversion.
    var description: String {
        if digits.isEmpty { return "0" }
        let text = String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        let sign = negative ? "-" : ""
        if exponent >= 0 && exponent <= 20 { return sign + text + String(repeating: "0", count: exponent) }
        if exponent < 0 && -exponent < digits.count {
            let split = digits.count + exponent
            return sign + text.prefix(split) + "." + text.dropFirst(split)
        }
        if exponent < 0 && -exponent - digits.count <= 6 {
            return sign + "0." + String(repeating: "0", count: -exponent - digits.count) + text
        }
        return sign + text + "e" + String(exponent)
    }

    /// Orders numbers by value.
    static func < (lhs: ExactNumber, rhs: ExactNumber) -> Bool {
        if lhs.negative != rhs.negative { return lhs.negative }
        let magnitude = compareMagnitude(lhs, rhs)
        return lhs.negative ? magnitude > 0 : magnitude < 0
    }

    /// Compares absolute values: negative, zero or positive.
    private static func compareMagnitude(_ a: ExactNumber, _ b: ExactNumber) -> Int {
        if a.digits.isEmpty || b.digits.isEmpty {
            return (a.digits.isEmpty ? 0 : 1) - (b.digits.isEmpty ? 0 : 1)
        }
        let scaleA = a.digits.count + a.exponent
        let scaleB = b.digits.count + b.exponent
        if scaleA != scaleB { return scaleA < scaleB ? -1 : 1 }
        for (x, y) in zip(a.digits, b.digits) where x != y {
            return x < y ? -1 : 1
        }
        return a.digits.count == b.digits.count ? 0 : (a.digits.count < b.digits.count ? -1 : 1)
    }

    /// Whether this number is an integer multiple of `divisor` (which must be positive).
    /// - Parameter divisor: The `multipleOf` value.
    /// - Returns: The exact answer, computed in decimal; very long divisors fall back to `Double` arithmetic.
    func isMultiple(of divisor: ExactNumber) -> Bool {
        if digits.isEmpty { return true }
        if divisor.digits.isEmpty { return false }
        let shift = exponent - divisor.exponent
        // The digits have no trailing zeros, so a negative shift leaves a fraction.
        if shift < 0 { return false }
        guard divisor.digits.count <= 19, shift <= 100_000 else {
            let quotient = doubleValue / divisor.doubleValue
            return quotient.isFinite && quotient.rounded(.towardZero) == quotient
        }
        var modulus: UInt64 = 0
        for digit in divisor.digits { modulus = modulus * 10 + UInt64(digit) }
        var remainder: UInt64 = 0
        func step(_ digit: UInt8) {
            let product = remainder.multipliedFullWidth(by: 10)
            let (sum, carry) = product.low.addingReportingOverflow(UInt64(digit))
            remainder = modulus.dividingFullWidth((product.high + (carry ? 1 : 0), sum)).remainder
        }
        for digit in digits { step(digit) }
        for _ in 0..<shift {
            if remainder == 0 { return true }
            step(0)
        }
        return remainder == 0
    }
}

/// Whether two JSON values are equal as JSON Schema compares them: numbers by value (`1 == 1.0`), objects without
/// regard to member order, arrays element by element, strings by code points.
/// - Parameters:
///   - a: One value.
///   - b: The other.
/// - Returns: `true` when equal.
func jsonEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a.kind, b.kind) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.number(let x), .number(let y)):
        if x == y { return true }
        guard let left = ExactNumber(x), let right = ExactNumber(y) else { return false }
        return left == right
    case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
    case (.array(let x), .array(let y)):
        guard x.count == y.count else { return false }
        for (left, right) in zip(x, y) where !jsonEqual(left, right) { return false }
        return true
    case (.object(let x), .object(let y)):
        let left = lastMembers(x)
        let right = lastMembers(y)
        guard left.count == right.count else { return false }
        for (key, value) in left {
            guard let other = right[key], jsonEqual(value, other) else { return false }
        }
        return true
    default: return false
    }
}

/// The members of an object by name (the last one wins when a name repeats).
func lastMembers(_ members: [JSONMember]) -> [String: JSONValue] {
    var table: [String: JSONValue] = [:]
    table.reserveCapacity(members.count)
    for member in members { table[member.key] = member.value }
    return table
}

/// A hash that agrees with `jsonEqual` (equal values hash alike), for finding duplicates quickly.
func jsonHash(_ value: JSONValue, into hasher: inout Hasher) {
    switch value.kind {
    case .null: hasher.combine(0)
    case .bool(let flag): hasher.combine(flag ? 1 : 2)
    case .number(let lexeme):
        hasher.combine(3)
        if let number = ExactNumber(lexeme) { hasher.combine(number) }
    case .string(let text):
        hasher.combine(4)
        for scalar in text.unicodeScalars { hasher.combine(scalar.value) }
    case .array(let elements):
        hasher.combine(5)
        hasher.combine(elements.count)
        for element in elements { jsonHash(element, into: &hasher) }
    case .object(let members):
        hasher.combine(6)
        // Order-independent: combine the members' hashes commutatively.
        var sum = 0
        for (key, member) in lastMembers(members) {
            var inner = Hasher()
            inner.combine(key)
            jsonHash(member, into: &inner)
            sum = sum &+ inner.finalize()
        }
        hasher.combine(sum)
    }
}

/// A JSON value wrapped so that `Hashable` follows JSON Schema equality.
struct JSONKey: Hashable {
    let value: JSONValue
    static func == (lhs: JSONKey, rhs: JSONKey) -> Bool { jsonEqual(lhs.value, rhs.value) }
    func hash(into hasher: inout Hasher) { jsonHash(value, into: &hasher) }
}
