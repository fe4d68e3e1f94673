import MEABridgeCore

/// The bounds of a string or number token in the parser's buffer, valid until the next read.
struct TokenSpan {
    /// The first content byte (after the opening quote, for strings).
    var start: Int
    /// One past the last content byte (the closing quote, for strings).
    var end: Int
    /// Whether the string contains backslash escapes.
    var escaped: Bool
}

/// The literal words `true`, `false` and `null`.
enum Literal {
    static let trueWord: StaticString = "true"
    static let falseWord: StaticString = "false"
    static let null: StaticString = "null"
}

extension JSONPullParser {
    /// Makes the bytes `start..<i` of the current token contiguous and reads more after them.
    ///
    /// Both indices are moved to where the bytes are after the move.
    /// - Parameters:
    ///   - start: The first byte of the token.
    ///   - index: The scan position inside the token.
    /// - Returns: Whether more bytes were read.
    /// - Throws: `io` when the source fails.
    @inline(never)
    mutating func more(_ start: inout Int, _ index: inout Int) throws(JSONError) -> Bool {
        let before = bufferOffset
        pos = start
        let gotMore = try refill(keepingFrom: start)
        let shift = bufferOffset - before
        start -= shift
        index -= shift
        return gotMore
    }

    /// Scans a string token at `pos` (its opening quote), validating escapes and UTF-8, and moves past it.
    /// - Returns: The content bounds in the buffer.
    /// - Throws: `JSONError` for malformed or truncated strings, or `sizeLimit` for one that is too long.
    @inline(__always)
    mutating func lexString() throws(JSONError) -> TokenSpan {
        var start = pos
        var index = pos &+ 1
        var escaped = false
        while true {
            let bytes = base
            let limit = end
            scan: while true {
                while index &+ 8 <= limit {
                    let mask = stringSpecialMask(ByteWord.load(UnsafeRawPointer(bytes), at: index))
                    if mask != 0 {
                        index &+= ByteWord.first(mask)
                        break
                    }
                    index &+= 8
                }
                if index >= limit { break scan }
                let byte = bytes[index]
                if byte == Byte.quote {
                    if index &- start &- 1 > limits.maxStringBytes { throw tooLong(start) }
                    pos = index &+ 1
                    return TokenSpan(start: start &+ 1, end: index, escaped: escaped)
                }
                if byte == Byte.backslash {
                    switch try escapeLength(bytes, index, limit) {
                    case 0: break scan
                    case let length:
                        index &+= length
                        escaped = true
                    }
                    continue
                }
                if byte < 0x20 {
                    throw JSONError(
                        code: .unexpectedCharacter,
                        message: "control character U+00\(hexByte(byte).dropFirst(2)) must be escaped in a string",
                        position: position(at: index)
                    )
                }
                if byte < 0x80 {
                    index &+= 1
                    continue
                }
                let length = utf8SequenceLength(bytes, index, limit)
                if length > 0 {
                    index &+= length
                } else if length == 0 {
                    break scan
                } else {
                    throw JSONError(
                        code: .invalidUTF8,
                        message: "invalid UTF-8 byte \(hexByte(bytes[index &- length &- 1])) in a string",
                        position: position(at: index &- length &- 1)
                    )
                }
            }
            if index &- start &- 1 > limits.maxStringBytes { throw tooLong(start) }
            guard try more(&start, &index) else { throw endOfInput("inside a string") }
        }
    }

    /// Checks the escape sequence whose backslash is at `index`.
    /// - Parameters:
    ///   - bytes: The buffer.
    ///   - index: The backslash.
    ///   - limit: The end of the valid bytes.
    /// - Returns: The escape's length in bytes, or 0 when more input is needed to decide.
    /// - Throws: `invalidEscape` for unknown escapes, bad hex digits or lone surrogates.
    @inline(__always)
    func escapeLength(_ bytes: UnsafeMutablePointer<UInt8>, _ index: Int, _ limit: Int) throws(JSONError) -> Int {
        if index &+ 1 >= limit { return 0 }
        switch bytes[index &+ 1] {
        case Byte.quote, Byte.backslash, Byte.slash, UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
            UInt8(ascii: "r"), UInt8(ascii: "t"):
            return 2
        case UInt8(ascii: "u"):
            return try unicodeEscapeLength(bytes, index, limit)
        default:
            throw JSONError(
                code: .invalidEscape,
                message: "invalid escape '\\\(Character(Unicode.Scalar(bytes[index &+ 1])))' in a string",
                position: position(at: index)
            )
        }
    }

    /// Checks a `\uXXXX` escape (and the low surrogate after a high one) at `index`.
    /// - Parameters:
    ///   - bytes: The buffer.
    ///   - index: The backslash.
    ///   - limit: The end of the valid bytes.
    /// - Returns: 6 or 12, or 0 when more input is needed to decide.
    /// - Throws: `invalidEscape` for bad hex digits or lone surrogates.
    @inline(never)
    func unicodeEscapeLength(
        _ bytes: UnsafeMutablePointer<UInt8>,
        _ index: Int,
        _ limit: Int
    ) throws(JSONError) -> Int {
        let available = limit &- index
        for offset in 2..<min(6, available) where hexValue(bytes[index &+ offset]) < 0 {
            throw JSONError(
                code: .invalidEscape,
                message: "'\\u' must be followed by four hexadecimal digits",
                position: position(at: index)
            )
        }
        if available < 6 { return 0 }
        let unit = hex4(bytes + (index &+ 2))
        if unit >= 0xDC00 && unit <= 0xDFFF {
            throw loneSurrogate(unit, at: index)
        }
        if unit < 0xD800 || unit > 0xDBFF { return 6 }
        // A high surrogate: a `\uDC00`–`\uDFFF` escape must follow.
        for offset in 6..<min(12, available) {
            let byte = bytes[index &+ offset]
            let fits: Bool
            switch offset {
            case 6: fits = byte == Byte.backslash
            case 7: fits = byte == UInt8(ascii: "u")
            case 8: fits = byte == UInt8(ascii: "d") || byte == UInt8(ascii: "D")
            case 9: fits = (0xC...0xF).contains(hexValue(byte))
            default: fits = hexValue(byte) >= 0
            }
            if !fits { throw loneSurrogate(unit, at: index) }
        }
        return available < 12 ? 0 : 12
    }

    /// The error for an unpaired UTF-16 surrogate escape.
    /// - Parameters:
    ///   - unit: The surrogate code unit.
    ///   - index: The backslash of its escape.
    /// - Returns: An `invalidEscape` error.
    @inline(never)
    func loneSurrogate(_ unit: Int, at index: Int) -> JSONError {
        let hex = String(unit, radix: 16, uppercase: true)
        return JSONError(
            code: .invalidEscape,
            message: "lone surrogate '\\u\(hex)' in a string; surrogates must come in high-low pairs",
            position: position(at: index)
        )
    }

    /// The error for a string or number token longer than `limits.maxStringBytes`.
    /// - Parameter start: The first byte of the token.
    /// - Returns: A `sizeLimit` error at the start of the token.
    @inline(never)
    func tooLong(_ start: Int) -> JSONError {
        JSONError(
            code: .sizeLimit,
            message: "token is longer than the limit of \(limits.maxStringBytes) bytes",
            position: position(at: start)
        )
    }

    /// Scans a number token at `pos`, validating the RFC 8259 grammar, and moves past it.
    /// - Returns: The lexeme bounds in the buffer.
    /// - Throws: `invalidNumber` for malformed numbers, `unexpectedEnd` when the input ends inside one.
    @inline(__always)
    mutating func lexNumber() throws(JSONError) -> TokenSpan {
        var start = pos
        var index = pos
        // Fast path: a plain integer entirely in the buffer.
        var bytes = base
        if bytes[index] != Byte.minus, bytes[index] != Byte.zero {
            index &+= 1
            while index < end, bytes[index] &- Byte.zero < 10 { index &+= 1 }
            if index < end {
                let byte = bytes[index]
                if byte != Byte.dot, byte | 0x20 != UInt8(ascii: "e") {
                    if index &- start > limits.maxStringBytes { throw tooLong(start) }
                    pos = index
                    return TokenSpan(start: start, end: index, escaped: false)
                }
            }
            index = start
        }
        var phase = NumberPhase.sign
        scan: while true {
            if index >= end {
                if index &- start > limits.maxStringBytes { throw tooLong(start) }
                if try !more(&start, &index) {
                    if !phase.canEnd { throw endOfInput("inside a number") }
                    // Inside a container the document is truncated: say so now, without a clipped number.
                    if !containers.isEmpty {
                        throw endOfInput(afterValueContext)
                    }
                    break scan
                }
                bytes = base
                continue
            }
            let byte = bytes[index]
            let isDigit = byte &- Byte.zero < 10
            switch phase {
            case .sign:
                if byte == Byte.minus { index &+= 1 }
                phase = .firstDigit
            case .firstDigit:
                guard isDigit else { throw badNumber(index, "expected a digit") }
                index &+= 1
                phase = byte == Byte.zero ? .afterZero : .integer
            case .firstFractionDigit:
                guard isDigit else { throw badNumber(index, "expected a digit after the decimal point") }
                index &+= 1
                phase = .fraction
            case .exponentSign:
                if byte == Byte.minus || byte == Byte.plus { index &+= 1 }
                phase = .firstExponentDigit
            case .firstExponentDigit:
                guard isDigit else { throw badNumber(index, "expected a digit in the exponent") }
                index &+= 1
                phase = .exponent
            case .afterZero, .integer, .fraction, .exponent:
                if isDigit {
                    if phase == .afterZero { throw badNumber(index, "leading zeros are not allowed") }
                    index &+= 1
                    while index < end, bytes[index] &- Byte.zero < 10 { index &+= 1 }
                } else if byte == Byte.dot && (phase == .integer || phase == .afterZero) {
                    index &+= 1
                    phase = .firstFractionDigit
                } else if byte | 0x20 == UInt8(ascii: "e") && phase != .exponent {
                    index &+= 1
                    phase = .exponentSign
                } else {
                    break scan
                }
            }
        }
        if index &- start > limits.maxStringBytes { throw tooLong(start) }
        pos = index
        return TokenSpan(start: start, end: index, escaped: false)
    }

    /// The error for a malformed number.
    /// - Parameters:
    ///   - index: The offending byte.
    ///   - detail: What was expected.
    /// - Returns: An `invalidNumber` error.
    @inline(never)
    func badNumber(_ index: Int, _ detail: String) -> JSONError {
        JSONError(
            code: .invalidNumber,
            message: "invalid number: \(detail), found \(describe(base[index]))",
            position: position(at: index)
        )
    }

    /// Scans `true` or `false` at `pos`.
    /// - Returns: The Boolean.
    /// - Throws: `unexpectedCharacter` for a misspelt literal, `unexpectedEnd` when the input ends inside it.
    @inline(__always)
    mutating func lexBool() throws(JSONError) -> Bool {
        if base[pos] == UInt8(ascii: "t") {
            try lexLiteral(Literal.trueWord)
            return true
        }
        try lexLiteral(Literal.falseWord)
        return false
    }

    /// Scans a literal word at `pos`.
    /// - Parameter word: `true`, `false` or `null`.
    /// - Throws: `unexpectedCharacter` for a misspelt literal, `unexpectedEnd` when the input ends inside it.
    @inline(__always)
    mutating func lexLiteral(_ word: StaticString) throws(JSONError) {
        let count = word.utf8CodeUnitCount
        let letters = word.utf8Start
        var start = pos
        var index = pos
        var matched = 0
        while matched < count {
            if index >= end {
                guard try more(&start, &index) else { throw endOfInput("inside the literal '\(word)'") }
                continue
            }
            if base[index] != letters[matched] {
                throw JSONError(
                    code: .unexpectedCharacter,
                    message: "invalid literal: expected '\(word)', found \(describe(base[index]))",
                    position: position(at: index)
                )
            }
            index &+= 1
            matched &+= 1
        }
        pos = index
    }

    /// Builds the `String` for a scanned token.
    /// - Parameter token: The token bounds; escapes are decoded when `token.escaped` is set.
    /// - Returns: The text.
    @inline(__always)
    func makeString(_ token: TokenSpan) -> String {
        if !token.escaped {
            let count = token.end &- token.start
            return String(decoding: UnsafeBufferPointer(start: base + token.start, count: count), as: UTF8.self)
        }
        return decodeEscaped(token)
    }

    /// Decodes a string that contains escapes (already validated by `lexString()`).
    /// - Parameter token: The content bounds.
    /// - Returns: The text.
    @inline(never)
    func decodeEscaped(_ token: TokenSpan) -> String {
        let bytes = base
        return String(unsafeUninitializedCapacity: token.end &- token.start) { out in
            var index = token.start
            var count = 0
            while index < token.end {
                let byte = bytes[index]
                if byte != Byte.backslash {
                    out[count] = byte
                    count &+= 1
                    index &+= 1
                    continue
                }
                let escape = bytes[index &+ 1]
                var decoded: UInt8
                switch escape {
                case UInt8(ascii: "b"): decoded = 0x08
                case UInt8(ascii: "f"): decoded = 0x0C
                case UInt8(ascii: "n"): decoded = 0x0A
                case UInt8(ascii: "r"): decoded = 0x0D
                case UInt8(ascii: "t"): decoded = 0x09
                case UInt8(ascii: "u"):
                    var scalar = UInt32(truncatingIfNeeded: hex4(bytes + (index &+ 2)))
                    index &+= 6
                    if scalar >= 0xD800 && scalar <= 0xDBFF {
                        let low = UInt32(truncatingIfNeeded: hex4(bytes + (index &+ 2)))
                        scalar = 0x10000 &+ ((scalar &- 0xD800) &<< 10) &+ (low &- 0xDC00)
                        index &+= 6
                    }
                    count &+= encodeUTF8(scalar, into: out, at: count)
                    continue
                default: decoded = escape
                }
                out[count] = decoded
                count &+= 1
                index &+= 2
            }
            return count
        }
    }
}

/// The phases of the number grammar.
enum NumberPhase {
    case sign, firstDigit, afterZero, integer, firstFractionDigit, fraction, exponentSign, firstExponentDigit, exponent

    /// Whether a number may end in this phase.
    var canEnd: Bool {
        switch self {
        case .afterZero, .integer, .fraction, .exponent: true
        default: false
        }
    }
}

/// Finds the bytes of a word that need attention inside a string.
///
/// The mask has the high bit set in each byte of `word` that is `"`, `\`, a control character below 0x20, or a
/// non-ASCII byte. The lowest set bit marks the first such byte exactly.
/// - Parameter word: Eight input bytes, the first in the low byte.
/// - Returns: The mask; zero when all eight bytes are plain ASCII string content.
@inline(__always)
func stringSpecialMask(_ word: UInt64) -> UInt64 {
    outputEscapeMask(word) | (word & 0x8080_8080_8080_8080)
}

/// Validates the UTF-8 sequence that starts at `index` with a byte of 0x80 or more.
/// - Parameters:
///   - bytes: The buffer.
///   - index: The lead byte.
///   - limit: The end of the valid bytes.
/// - Returns: The sequence length (2–4); 0 when the bytes so far are valid but the buffer ends; or
///   `-(k + 1)` when the byte at `index + k` is invalid.
@inline(__always)
func utf8SequenceLength(_ bytes: UnsafeMutablePointer<UInt8>, _ index: Int, _ limit: Int) -> Int {
    let lead = bytes[index]
    var length = 3
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: low = 0xA0
    case 0xE1...0xEC, 0xEE, 0xEF: break
    case 0xED: high = 0x9F
    case 0xF0:
        length = 4
        low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
        length = 4
        high = 0x8F
    default: return -1
    }
    if index &+ 1 >= limit { return 0 }
    let second = bytes[index &+ 1]
    if second < low || second > high { return -2 }
    var offset = 2
    while offset < length {
        if index &+ offset >= limit { return 0 }
        if bytes[index &+ offset] & 0xC0 != 0x80 { return -(offset &+ 1) }
        offset &+= 1
    }
    return length
}

/// The value of a hexadecimal digit.
/// - Parameter byte: An ASCII byte.
/// - Returns: 0–15, or -1 when it is not a hexadecimal digit.
@inline(__always)
func hexValue(_ byte: UInt8) -> Int {
    switch byte {
    case 0x30...0x39: Int(byte &- 0x30)
    case 0x41...0x46: Int(byte &- 0x37)
    case 0x61...0x66: Int(byte &- 0x57)
    default: -1
    }
}

/// The value of four hexadecimal digits.
/// - Parameter digits: The first digit.
/// - Returns: 0–0xFFFF, or a negative number when any is not a hexadecimal digit.
@inline(__always)
func hex4(_ digits: UnsafeMutablePointer<UInt8>) -> Int {
    let a = hexValue(digits[0])
    let b = hexValue(digits[1])
    let c = hexValue(digits[2])
    let d = hexValue(digits[3])
    if a | b | c | d < 0 { return -1 }
    return a << 12 | b << 8 | c << 4 | d
}

/// Writes the UTF-8 encoding of a scalar.
/// - Parameters:
///   - scalar: A Unicode scalar value (not a surrogate).
///   - out: The destination.
///   - index: Where to write.
/// - Returns: The number of bytes written.
@inline(__always)
func encodeUTF8(_ scalar: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
    if scalar < 0x80 {
        out[index] = UInt8(truncatingIfNeeded: scalar)
        return 1
    }
    if scalar < 0x800 {
        out[index] = UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6)
        out[index &+ 1] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
        return 2
    }
    if scalar < 0x10000 {
        out[index] = UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12)
        out[index &+ 1] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F)
        out[index &+ 2] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
        return 3
    }
    out[index] = UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18)
    out[index &+ 1] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F)
    out[index &+ 2] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F)
    out[index &+ 3] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
    return 4
}
