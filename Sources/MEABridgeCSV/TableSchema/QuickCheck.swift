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

    /// The byte strings a check compares values with, kept apart so that a `QuickCheck` is a plain value, copied
    /// for free in the pass over each row.
    struct Tables: Sendable {
        /// The missing values other than the empty one.
        let missing: [[UInt8]]
        /// The `enum` values of a text field.
        let allowed: ByteKeyIndex
    }

    let kind: Kind
    let emptyIsMissing: Bool
    let hasMissing: Bool
    let hasAllowed: Bool
    let minimum: Double?
    let maximum: Double?

    /// Creates the quick check of a field, and the tables its `check(_:_:)` is given.
    static func make(
        field: TableSchema.Field,
        missingValues: [String],
        minimum: Double?,
        maximum: Double?,
        needsValue: Bool
    ) -> (QuickCheck, Tables) {
        var tables: Tables?
        let check = QuickCheck(
            field: field,
            missingValues: missingValues,
            minimum: minimum,
            maximum: maximum,
            needsValue: needsValue,
            tables: &tables
        )
        return (check, tables ?? Tables(missing: [], allowed: ByteKeyIndex(capacity: 0)))
    }

    private init(
        field: TableSchema.Field,
        missingValues: [String],
        minimum: Double?,
        maximum: Double?,
        needsValue: Bool,
        tables: inout Tables?
    ) {
        emptyIsMissing = missingValues.contains("")
        let missing = missingValues.filter { !$0.isEmpty }.map { Array($0.utf8) }
        hasMissing = !missing.isEmpty
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
        let allowed = kind == .text ? constraints.enumValues.map { ByteKeyIndex($0) } : nil
        hasAllowed = allowed != nil
        tables = Tables(missing: missing, allowed: allowed ?? ByteKeyIndex(capacity: 0))
    }

    /// Checks a value.
    /// - Parameters:
    ///   - bytes: The value.
    ///   - tables: This check's `tables`.
    ///   - allowedIndex: Receives the index of a valid value in the `enum` (`tables.allowed`); left alone otherwise.
    /// - Returns: Whether it is valid, missing, or needs the full check.
    func check(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ tables: UnsafePointer<Tables>,
        _ allowedIndex: inout Int32
    ) -> Outcome {
        if bytes.isEmpty { return emptyIsMissing ? .missing : .fullCheck }
        if hasMissing {
            for index in tables.pointee.missing.indices where tables.pointee.missing[index].elementsEqual(bytes) {
                return .missing
            }
        }
        switch kind {
        case .text:
            if hasAllowed {
                let found = tables.pointee.allowed.index(of: bytes)
                allowedIndex = Int32(truncatingIfNeeded: found)
                return found >= 0 ? .valid : .fullCheck
            }
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
