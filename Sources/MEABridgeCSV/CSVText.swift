/// Text helpers for CSV values: UTF-8 with a Windows-1252 fallback, and the trimming spreadsheets need.
public enum CSVText {
    /// Decodes bytes as UTF-8; bytes that are not valid UTF-8 are read as Windows-1252 (the encoding of the "CSV"
    /// that older spreadsheets save), so `Côte d'Ivoire` from a Latin-1 export stays readable.
    /// - Parameter bytes: The bytes.
    /// - Returns: The text.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if firstInvalidUTF8(bytes) == nil { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(windows1252(byte)) }
        return String(scalars)
    }

    /// Decodes bytes as ``decode(_:)-(UnsafeBufferPointer<UInt8>)`` does, without the white space around the text
    /// (as ``trimmed(_:)``): a value that starts and ends with a printable ASCII character, as almost every value does,
    /// is decoded once, with no text built to be trimmed.
    /// - Parameter bytes: The bytes.
    /// - Returns: The trimmed text.
    public static func decodeTrimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let first = bytes.first, let last = bytes.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return decode(bytes)
        }
        return trimmed(decode(bytes))
    }

    /// Decodes a byte array (see ``decode(_:)-(UnsafeBufferPointer<UInt8>)``).
    /// - Parameter bytes: The bytes.
    /// - Returns: The text.
    public static func decode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    /// Whether bytes are valid UTF-8 (checked eight bytes at a time while they are ASCII).
    /// - Parameter bytes: The bytes.
    /// - Returns: `true` when valid.
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstInvalidUTF8(bytes) == nil
    }

    /// The offset of the first byte that is not part of valid UTF-8, or `nil`.
    /// - Parameter bytes: The bytes.
    /// - Returns: The offset.
    public static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var i = 0
        while i < count {
            // Fast path: eight ASCII bytes at a time.
            while i + 8 <= count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < count else { break }
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF:
                length = 2
                minimum = 0x80
                scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF:
                length = 3
                minimum = 0x800
                scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4:
                length = 4
                minimum = 0x10000
                scalar = UInt32(lead & 0x07)
            default:
                return i
            }
            guard i + length <= count else { return i }
            for k in 1..<length {
                let byte = bytes[i + k]
                guard byte & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }

    /// The Unicode scalar of a Windows-1252 byte.
    /// - Parameter byte: The byte.
    /// - Returns: The scalar (U+FFFD for the five unassigned bytes).
    public static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let table: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
            0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
            0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        return Unicode.Scalar(table[Int(byte - 0x80)]) ?? "\u{FFFD}"
    }

    /// Whether a scalar is white space for trimming: ASCII space and tab, line breaks, NBSP (U+00A0), the narrow
    /// and other Unicode spaces, and the byte order mark (U+FEFF) that spreadsheets leave in header cells.
    /// - Parameter scalar: The scalar.
    /// - Returns: `true` for white space.
    public static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F,
            0x3000, 0xFEFF:
            true
        default:
            false
        }
    }

    /// The text without leading and trailing white space (NBSP and the byte order mark included).
    /// - Parameter text: The text.
    /// - Returns: The trimmed text.
    public static func trimmed(_ text: String) -> String {
        // Fast path: printable ASCII at both ends needs no trimming.
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F
        {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmable($0) }),
            let last = scalars.lastIndex(where: { !isTrimmable($0) })
        else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// A header name as a lookup key: trimmed, NBSP and runs of white space as one space, lower case.
    /// - Parameter name: The header cell.
    /// - Returns: The key.
    public static func headerKey(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in trimmed(name).unicodeScalars {
            if isTrimmable(scalar) {
                pendingSpace = true
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(scalar)
        }
        return String(out).lowercased()
    }

    /// A header name reduced to its letters and digits, lower case (`Species_Name`, `SpeciesName` and
    /// `species name` all give `speciesname`), for templates whose column names vary in case and punctuation.
    /// - Parameter name: The header cell.
    /// - Returns: The compact key.
    public static func compactKey(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                headerKey(name).unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            )
        )
    }

    /// The visible form of a value for messages: control characters and NBSP made visible, long values cut.
    /// - Parameters:
    ///   - value: The value.
    ///   - limit: The most characters shown.
    /// - Returns: The text to quote in a message.
    public static func shown(_ value: String, limit: Int = 60) -> String {
        var out = ""
        var count = 0
        for scalar in value.unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{A0}": out += "\\u{A0}"
            default: out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }
}
