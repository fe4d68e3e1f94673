import MEABridgeCore

/// Writes JSON text into a byte buffer: compact, deterministic, always valid UTF-8 JSON.
public enum JSONOutput {
    /// Appends a string as a JSON string literal.
    ///
    /// Escapes `"` and `\`, writes `\b \f \n \r \t` for those controls and `\u00XX` (lowercase hex) for the other
    /// bytes below 0x20. DEL and non-ASCII characters are written as raw UTF-8.
    /// - Parameters:
    ///   - s: The text.
    ///   - out: The buffer to append to.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        // Native strings (and small ones) lend their bytes without a copy; others are made contiguous first.
        if s.utf8.withContiguousStorageIfAvailable({ appendQuoted($0, to: &out) }) != nil { return }
        var text = s
        text.withUTF8 { appendQuoted($0, to: &out) }
    }

    /// Appends UTF-8 bytes as a JSON string literal (see ``appendString(_:to:)``).
    /// - Parameters:
    ///   - bytes: The text's UTF-8 bytes.
    ///   - out: The buffer to append to.
    public static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(Byte.quote)
        guard let base = bytes.baseAddress else {
            out.append(Byte.quote)
            return
        }
        let count = bytes.count
        var runStart = 0
        var index = 0
        while true {
            // Eight bytes at a time while nothing needs escaping.
            while index &+ 8 <= count {
                let mask = outputEscapeMask(ByteWord.load(UnsafeRawPointer(base), at: index))
                if mask != 0 {
                    index &+= ByteWord.first(mask)
                    break
                }
                index &+= 8
            }
            while index < count {
                let byte = base[index]
                if byte < 0x20 || byte == Byte.quote || byte == Byte.backslash { break }
                index &+= 1
            }
            if index >= count { break }
            if runStart < index {
                out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index &- runStart))
            }
            appendEscape(base[index], to: &out)
            index &+= 1
            runStart = index
        }
        if runStart < count {
            out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count &- runStart))
        }
        out.append(Byte.quote)
    }

    /// Appends the escape sequence for one byte that must be escaped.
    /// - Parameters:
    ///   - byte: `"`, `\`, or a control character below 0x20.
    ///   - out: The buffer to append to.
    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        let short: UInt8
        switch byte {
        case Byte.quote: short = Byte.quote
        case Byte.backslash: short = Byte.backslash
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        default:
            appendLiteral("\\u00", to: &out)
            out.append(byte < 0x10 ? Byte.zero : Byte.one)
            let low = byte & 15
            out.append(low < 10 ? Byte.zero &+ low : UInt8(ascii: "a") &+ (low &- 10))
            return
        }
        out.append(Byte.backslash)
        out.append(short)
    }

    /// Appends a number in the shortest form that reads back as the same `Double`.
    ///
    /// Integral values below 2^53 in magnitude are written as integers (`12`), others as Swift's shortest
    /// round-trip text (`0.1`, `1e+300`). NaN and infinities, which JSON cannot express, are written as `null`.
    /// Negative zero is written `-0`.
    /// - Parameters:
    ///   - d: The number.
    ///   - out: The buffer to append to.
    public static func appendNumber(_ d: Double, to out: inout [UInt8]) {
        guard d.isFinite else {
            appendLiteral("null", to: &out)
            return
        }
        if d == d.rounded(.towardZero) && d.magnitude < 9_007_199_254_740_992 {
            if d == 0 && d.sign == .minus { out.append(Byte.minus) }
            appendInteger(Int64(d), to: &out)
            return
        }
        out.append(contentsOf: d.description.utf8)
    }

    /// Appends an integer in decimal.
    /// - Parameters:
    ///   - i: The integer.
    ///   - out: The buffer to append to.
    public static func appendInteger(_ i: Int64, to out: inout [UInt8]) {
        if i < 0 { out.append(Byte.minus) }
        var magnitude = i.magnitude
        if magnitude < 10 {
            out.append(Byte.zero &+ UInt8(truncatingIfNeeded: magnitude))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, written backwards
        withUnsafeMutableBytes(of: &digits) { raw in
            var index = raw.count
            while magnitude > 0 {
                index &-= 1
                raw[index] = Byte.zero &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            }
            out.append(contentsOf: raw[index...])
        }
    }

    /// Appends a value as compact JSON, object members in their stored order.
    ///
    /// A number whose lexeme is not a valid JSON number (possible only for values built in code) is written as
    /// `null`, so the output is always valid JSON.
    /// - Parameters:
    ///   - value: The value.
    ///   - out: The buffer to append to.
    public static func append(_ value: JSONValue, to out: inout [UInt8]) {
        switch value.kind {
        case .null:
            appendLiteral("null", to: &out)
        case .bool(let flag):
            appendLiteral(flag ? "true" : "false", to: &out)
        case .number(let lexeme):
            if isValidNumberLexeme(lexeme) {
                out.append(contentsOf: lexeme.utf8)
            } else {
                appendLiteral("null", to: &out)
            }
        case .string(let text):
            appendString(text, to: &out)
        case .array(let elements):
            out.append(Byte.openBracket)
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(Byte.comma) }
                append(element, to: &out)
            }
            out.append(Byte.closeBracket)
        case .object(let members):
            out.append(Byte.openBrace)
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(Byte.comma) }
                appendString(member.key, to: &out)
                out.append(Byte.colon)
                append(member.value, to: &out)
            }
            out.append(Byte.closeBrace)
        }
    }

    /// Appends the bytes of a static string.
    /// - Parameters:
    ///   - text: The ASCII text.
    ///   - out: The buffer to append to.
    @inline(__always)
    private static func appendLiteral(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Whether a lexeme follows the RFC 8259 number grammar.
    /// - Parameter lexeme: The text.
    /// - Returns: `true` for valid numbers such as `-0.5e+3`.
    public static func isValidNumberLexeme(_ lexeme: String) -> Bool {
        var phase = NumberPhase.sign
        for byte in lexeme.utf8 {
            let isDigit = byte &- Byte.zero < 10
            switch phase {
            case .sign:
                if byte == Byte.minus {
                    phase = .firstDigit
                    continue
                }
                guard isDigit else { return false }
                phase = byte == Byte.zero ? .afterZero : .integer
            case .firstDigit:
                guard isDigit else { return false }
                phase = byte == Byte.zero ? .afterZero : .integer
            case .firstFractionDigit:
                guard isDigit else { return false }
                phase = .fraction
            case .exponentSign:
                guard isDigit || byte == Byte.minus || byte == Byte.plus else { return false }
                phase = isDigit ? .exponent : .firstExponentDigit
            case .firstExponentDigit:
                guard isDigit else { return false }
                phase = .exponent
            case .afterZero, .integer, .fraction, .exponent:
                if isDigit {
                    if phase == .afterZero { return false }
                } else if byte == Byte.dot && (phase == .integer || phase == .afterZero) {
                    phase = .firstFractionDigit
                } else if byte | 0x20 == UInt8(ascii: "e") && phase != .exponent {
                    phase = .exponentSign
                } else {
                    return false
                }
            }
        }
        return phase.canEnd
    }
}

/// Finds the bytes of a word that must be escaped in JSON output.
///
/// The mask has the high bit set in each byte of `word` that is `"`, `\` or a control character below 0x20;
/// the lowest set bit marks the first such byte exactly. Non-ASCII bytes are never marked.
/// - Parameter word: Eight bytes, the first in the low byte.
/// - Returns: The mask; zero when no byte needs escaping.
@inline(__always)
func outputEscapeMask(_ word: UInt64) -> UInt64 {
    ByteWord.equal(word, ByteWord.repeating(Byte.quote)) | ByteWord.equal(word, ByteWord.repeating(Byte.backslash))
        | ByteWord.below(word, 0x20)
}
