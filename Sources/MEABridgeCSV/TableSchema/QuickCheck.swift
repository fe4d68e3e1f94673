/// Byte strings looked up without building `String`s (the allowed values of an `enum`).
struct ByteStringSet: Sendable {
    private var buckets: [UInt64: [[UInt8]]] = [:]

    init(_ values: [String]) {
        for value in values {
            let bytes = Array(value.utf8)
            let hash = bytes.withUnsafeBufferPointer { Self.hash($0) }
            buckets[hash, default: []].append(bytes)
        }
    }

    /// FNV-1a, 64 bits.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let candidates = buckets[Self.hash(bytes)] else { return false }
        return candidates.contains { $0.elementsEqual(bytes) }
    }
}

/// The checks of a field that can be made on a value's bytes, without building text.
///
/// Missing values, plain text with or without an `enum`, and bare integers and decimals with their bounds are
/// checked here. Anything else, and every value that fails, goes to the full check on text, which reports the
/// problem.
struct QuickCheck: Sendable {
    enum Outcome {
        /// The value is valid.
        case valid
        /// The value is a missing value.
        case missing
        /// Check the value as text.
        case fullCheck
    }

    enum Kind {
        case text, integer, number, other
    }

    let kind: Kind
    let emptyIsMissing: Bool
    let missing: [[UInt8]]
    let allowed: ByteStringSet?
    let minimum: Double?
    let maximum: Double?

    init(field: TableSchema.Field, missingValues: [String], minimum: Double?, maximum: Double?, needsValue: Bool) {
        emptyIsMissing = missingValues.contains("")
        missing = missingValues.filter { !$0.isEmpty }.map { Array($0.utf8) }
        self.minimum = minimum
        self.maximum = maximum
        let constraints = field.constraints
        let plainNumber = field.bareNumber && field.groupChar == nil && constraints.enumValues == nil
        switch field.type {
        case _ where needsValue || constraints.pattern != nil:
            kind = .other
        case .string
        where field.format == "default" && constraints.minLength == nil && constraints.maxLength == nil:
            kind = .text
        case .integer where plainNumber:
            kind = .integer
        case .number where plainNumber && field.decimalChar == ".":
            kind = .number
        default:
            kind = .other
        }
        allowed = kind == .text ? constraints.enumValues.map(ByteStringSet.init) : nil
    }

    func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        if bytes.isEmpty { return emptyIsMissing ? .missing : .fullCheck }
        for value in missing where value.elementsEqual(bytes) { return .missing }
        switch kind {
        case .text:
            if let allowed { return allowed.contains(bytes) ? .valid : .fullCheck }
            return .valid
        case .integer:
            guard let value = Self.integer(bytes) else { return .fullCheck }
            return inRange(Double(value)) ? .valid : .fullCheck
        case .number:
            guard let value = Self.decimal(bytes) else { return .fullCheck }
            return inRange(value) ? .valid : .fullCheck
        case .other:
            return .fullCheck
        }
    }

    private func inRange(_ value: Double) -> Bool {
        if let minimum, value < minimum { return false }
        if let maximum, value > maximum { return false }
        return true
    }

    /// `[+-]digits`, up to 18 digits.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        let digits = bytes.count - index
        guard digits > 0, digits <= 18 else { return nil }
        var value = 0
        while index < bytes.count {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int(digit)
            index += 1
        }
        return negative ? -value : value
    }

    /// `[+-]digits[.digits]` with up to 15 significant digits, exactly; other forms (exponents) are left to the
    /// full check.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        var mantissa: Int64 = 0
        var digits = 0
        var scale = -1
        while index < bytes.count {
            let byte = bytes[index]
            let digit = byte &- 0x30
            if digit < 10 {
                mantissa = mantissa &* 10 &+ Int64(digit)
                digits += 1
                if scale >= 0 { scale += 1 }
            } else if byte == UInt8(ascii: "."), scale < 0 {
                scale = 0
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0, digits <= 15 else { return nil }
        var value = Double(mantissa)
        if scale > 0 { value /= powersOfTen[min(scale, 22)] }
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
