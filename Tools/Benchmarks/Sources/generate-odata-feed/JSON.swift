/// Just enough JSON to build one record as a tree and print it the way the OData services do.
indirect enum JSON {
    case object([(String, JSON)])
    case array([JSON])
    case string(String, Escaping = [])
    case int(Int)
    case null

    /// How a string is escaped beyond the mandatory `"`, `\` and control characters.
    struct Escaping: OptionSet {
        let rawValue: UInt8
        /// Every non-ASCII scalar as `\uXXXX` (surrogate pairs above U+FFFF), like PHP's `json_encode`.
        static let asciiOnly = Escaping(rawValue: 1)
        /// `/` as `\/` (PHP's `json_encode`, and the `\/Date(ms)\/` form of OData v2 verbose JSON).
        static let slashes = Escaping(rawValue: 2)
    }
}

private let hexDigits = Array("0123456789abcdef".utf8)

extension JSON {
    /// Appends the value pretty-printed with two-space indentation, the first line not indented
    /// (it follows `"key": ` or the caller's own indentation).
    func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .int(let value):
            out.append(contentsOf: String(value).utf8)
        case .string(let text, let escaping):
            JSON.appendString(text, escaping, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                out.append(contentsOf: index == 0 ? [0x0A] : [UInt8(ascii: ","), 0x0A])
                JSON.appendIndent(indent + 2, into: &out)
                item.write(into: &out, indent: indent + 2)
            }
            out.append(0x0A)
            JSON.appendIndent(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                out.append(contentsOf: index == 0 ? [0x0A] : [UInt8(ascii: ","), 0x0A])
                JSON.appendIndent(indent + 2, into: &out)
                JSON.appendString(key, [], into: &out)
                out.append(contentsOf: ": ".utf8)
                value.write(into: &out, indent: indent + 2)
            }
            out.append(0x0A)
            JSON.appendIndent(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func appendIndent(_ count: Int, into out: inout [UInt8]) {
        for _ in 0..<count { out.append(0x20) }
    }

    private static func appendUnicodeEscape(_ unit: UInt16, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift in [12, 8, 4, 0] { out.append(hexDigits[Int((unit >> UInt16(shift)) & 0xF)]) }
    }

    static func appendString(_ text: String, _ escaping: Escaping, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x22: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case 0x5C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x2F where escaping.contains(.slashes):
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "/")])
            case 0..<0x20:
                appendUnicodeEscape(UInt16(value), into: &out)
            case 0x20..<0x80:
                out.append(UInt8(value))
            default:
                if escaping.contains(.asciiOnly) {
                    UTF16.encode(scalar) { unit in appendUnicodeEscape(unit, into: &out) }
                } else {
                    UTF8.encode(scalar) { byte in out.append(byte) }
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
