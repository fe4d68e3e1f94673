/// Percent-decodes a URI component (a JSON Schema fragment, an OData key in an Atom `edit` link).
/// - Parameter text: The encoded text.
/// - Returns: The decoded text; invalid escapes are kept as written.
package func percentDecoded(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
    var bytes: [UInt8] = []
    let source = Array(text.utf8)
    var index = 0
    while index < source.count {
        if source[index] == UInt8(ascii: "%"), index + 2 < source.count,
            let high = hexDigitValue(source[index + 1]), let low = hexDigitValue(source[index + 2])
        {
            bytes.append(UInt8(high << 4 | low))
            index += 3
        } else {
            bytes.append(source[index])
            index += 1
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// The value of a hexadecimal digit byte, or `nil`.
package func hexDigitValue(_ byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
}
