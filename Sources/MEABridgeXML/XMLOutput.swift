/// Writes XML text into a byte buffer: escaped character data and attribute values, checked names.
///
/// Output is UTF-8 XML 1.0 that any conforming parser reads back to the same text, with one exception XML itself
/// imposes: characters XML 1.0 forbids (the C0 controls other than tab, line feed and carriage return, and U+FFFE and
/// U+FFFF) cannot be written at all, not even as character references, so each is replaced by U+FFFD and counted, and
/// the caller decides how to report it. Carriage returns are written as `&#13;` (a parser would otherwise turn them
/// into line feeds), and in attribute values tabs and line feeds are written as character references as well (a
/// parser would otherwise turn them into spaces).
public enum XMLOutput {
    /// Appends character data, escaping `&`, `<`, `>` and carriage returns.
    /// - Parameters:
    ///   - text: The text.
    ///   - out: The buffer.
    /// - Returns: How many forbidden characters were replaced by U+FFFD.
    @discardableResult
    public static func appendText(_ text: String, to out: inout [UInt8]) -> Int {
        append(text, attribute: false, to: &out)
    }

    /// Appends an attribute value (without the quotes, which must be `"`), escaping `&`, `<`, `>`, `"`, tabs and
    /// line breaks.
    /// - Parameters:
    ///   - value: The value.
    ///   - out: The buffer.
    /// - Returns: How many forbidden characters were replaced by U+FFFD.
    @discardableResult
    public static func appendAttributeValue(_ value: String, to out: inout [UInt8]) -> Int {
        append(value, attribute: true, to: &out)
    }

    /// Appends ` name="value"` with the value escaped.
    /// - Parameters:
    ///   - name: The attribute's name (not checked).
    ///   - value: The value.
    ///   - out: The buffer.
    /// - Returns: How many forbidden characters were replaced by U+FFFD.
    @discardableResult
    public static func appendAttribute(_ name: String, _ value: String, to out: inout [UInt8]) -> Int {
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: name.utf8)
        out.append(contentsOf: "=\"".utf8)
        let replaced = append(value, attribute: true, to: &out)
        out.append(UInt8(ascii: "\""))
        return replaced
    }

    /// Whether a string is an XML name without a colon (an `NCName`), usable as a local element or attribute name.
    /// - Parameter name: The candidate.
    /// - Returns: `true` when it is a valid NCName.
    public static func isNCName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isNameStart(first) else { return false }
        return name.unicodeScalars.dropFirst().allSatisfy(isNameCharacter)
    }

    /// Whether a code point may appear in an XML 1.0 document at all.
    /// - Parameter scalar: The code point.
    /// - Returns: `true` for `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
            0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
            0x10000...0xEFFFF:
            true
        default: false
        }
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if isNameStart(scalar) { return true }
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }

    private static func append(_ text: String, attribute: Bool, to out: inout [UInt8]) -> Int {
        var replaced = 0
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            let count = bytes.count
            func flush(_ end: Int) {
                if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
            }
            while index < count {
                let byte = bytes[index]
                var replacement: StaticString?
                var width = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case 0x0D: replacement = "&#13;"
                case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
                case 0x09 where attribute: replacement = "&#9;"
                case 0x0A where attribute: replacement = "&#10;"
                case 0x09, 0x0A: break
                case 0x00..<0x20:
                    replacement = "\u{FFFD}"
                    replaced += 1
                case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                    // U+FFFE and U+FFFF.
                    replacement = "\u{FFFD}"
                    width = 3
                    replaced += 1
                default: break
                }
                if let replacement {
                    flush(index)
                    out.append(
                        contentsOf: UnsafeRawBufferPointer(
                            start: replacement.utf8Start,
                            count: replacement.utf8CodeUnitCount
                        )
                    )
                    index += width
                    runStart = index
                } else {
                    index += 1
                }
            }
            flush(count)
        }
        return replaced
    }
}
