import MEABridgeCore

/// The `format` values this module can check, each with its checker.
///
/// Checked: `date-time`, `date`, `time` (RFC 3339), `duration` (RFC 3339 appendix A), `email` (RFC 5321 mailbox),
/// `hostname` (RFC 1123, with Punycode A-labels decoded and checked), `ipv4`, `ipv6`, `uri`, `uri-reference`,
/// `iri`, `iri-reference` (RFC 3986/3987), `uri-template` (RFC 6570), `uuid` (RFC 4122), `json-pointer`,
/// `relative-json-pointer` and `regex`. Unknown formats are not checked.
enum FormatCheck: String, Sendable, CaseIterable {
    case dateTime = "date-time"
    case date
    case time
    case duration
    case email
    case idnEmail = "idn-email"
    case hostname
    case idnHostname = "idn-hostname"
    case ipv4
    case ipv6
    case uri
    case uriReference = "uri-reference"
    case iri
    case iriReference = "iri-reference"
    case uriTemplate = "uri-template"
    case uuid
    case jsonPointer = "json-pointer"
    case relativeJSONPointer = "relative-json-pointer"
    case regex

    /// The checker for a format name, or `nil` for a format this module does not check.
    init?(name: String) {
        self.init(rawValue: name)
    }

    /// Whether a string is valid in this format.
    func accepts(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        switch self {
        case .dateTime: return FormatRules.dateTime(bytes)
        case .date: return FormatRules.date(bytes[...])
        case .time: return FormatRules.time(bytes[...])
        case .duration: return FormatRules.duration(bytes)
        case .email: return FormatRules.email(text, international: false)
        case .idnEmail: return FormatRules.email(text, international: true)
        case .hostname: return FormatRules.hostname(text)
        case .idnHostname: return FormatRules.idnHostname(text)
        case .ipv4: return FormatRules.ipv4(bytes[...])
        case .ipv6: return FormatRules.ipv6(bytes[...])
        case .uri: return FormatRules.uri(text, reference: false, international: false)
        case .uriReference: return FormatRules.uri(text, reference: true, international: false)
        case .iri: return FormatRules.uri(text, reference: false, international: true)
        case .iriReference: return FormatRules.uri(text, reference: true, international: true)
        case .uriTemplate: return FormatRules.uriTemplate(text)
        case .uuid: return FormatRules.uuid(bytes)
        case .jsonPointer: return FormatRules.jsonPointer(bytes[...])
        case .relativeJSONPointer: return FormatRules.relativeJSONPointer(bytes)
        case .regex: return (try? SchemaRegex(text)) != nil && FormatRules.ecmaRegexSyntax(text)
        }
    }
}

/// The checkers behind `FormatCheck`.
enum FormatRules {
    // MARK: - Dates and times (RFC 3339)

    static func dateTime(_ bytes: [UInt8]) -> Bool {
        guard let separator = bytes.firstIndex(where: { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t") }) else {
            return false
        }
        return date(bytes[..<separator]) && time(bytes[(separator + 1)...])
    }

    static func date(_ bytes: ArraySlice<UInt8>) -> Bool {
        let text = Array(bytes)
        guard text.count == 10, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"),
            let year = digits(text[0..<4]), let month = digits(text[5..<7]), let day = digits(text[8..<10])
        else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func time(_ bytes: ArraySlice<UInt8>) -> Bool {
        let text = Array(bytes)
        guard text.count >= 9, text[2] == UInt8(ascii: ":"), text[5] == UInt8(ascii: ":"),
            let hour = digits(text[0..<2]), let minute = digits(text[3..<5]), let second = digits(text[6..<8])
        else { return false }
        var index = 8
        if text[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < text.count, isDigit(text[index]) { index += 1 }
            guard index > start else { return false }
        }
        guard index < text.count else { return false }
        var offsetMinutes = 0
        switch text[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == text.count else { return false }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard text.count - index == 6, text[index + 3] == UInt8(ascii: ":"),
                let offsetHour = digits(text[(index + 1)..<(index + 3)]),
                let offsetMinute = digits(text[(index + 4)..<(index + 6)]), offsetHour <= 23, offsetMinute <= 59
            else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (text[index] == UInt8(ascii: "+") ? 1 : -1)
        default: return false
        }
        guard hour <= 23, minute <= 59, second <= 60 else { return false }
        if second == 60 {
            // A leap second is 23:59:60 in UTC.
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    /// An RFC 3339 (appendix A) duration: `P` then `nY nM nD` (a run of consecutive units) and/or `T` with
    /// `nH nM nS` (likewise), or `nW` alone.
    static func duration(_ bytes: [UInt8]) -> Bool {
        guard bytes.first == UInt8(ascii: "P"), bytes.count > 1 else { return false }
        var index = 1
        var inTime = false
        var units: [UInt8] = []  // date units, then a "T", then time units
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "T") {
                guard !inTime else { return false }
                inTime = true
                units.append(UInt8(ascii: "T"))
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > start, index < bytes.count, Array("YMWDHS".utf8).contains(bytes[index]) else { return false }
            units.append(bytes[index])
            index += 1
        }
        let text = String(decoding: units, as: UTF8.self)
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        let date = parts.first.map(String.init) ?? ""
        if date == "W" { return parts.count == 1 }
        guard ["", "Y", "YM", "YMD", "M", "MD", "D"].contains(date) else { return false }
        if parts.count == 2 {
            guard ["H", "HM", "HMS", "M", "MS", "S"].contains(String(parts[1])) else { return false }
        } else if parts.count > 2 || date.isEmpty {
            return false
        }
        return true
    }

    // MARK: - Internet names and addresses

    static func ipv4(_ bytes: ArraySlice<UInt8>) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(isDigit) else { return false }
            if part.count > 1 && part.first == UInt8(ascii: "0") { return false }
            guard let value = digits(part), value <= 255 else { return false }
        }
        return true
    }

    static func ipv6(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 }) else { return false }
        var text = String(decoding: bytes, as: UTF8.self)
        var tailGroups = 0
        if text.contains(".") {
            // An embedded IPv4 address stands for the last two groups.
            guard let colon = text.lastIndex(of: ":"), ipv4(Array(text[text.index(after: colon)...].utf8)[...]) else {
                return false
            }
            text = String(text[...colon])
            if !text.hasSuffix("::") { text.removeLast() }
            tailGroups = 2
        }
        func groups(_ part: Substring) -> Int? {
            if part.isEmpty { return 0 }
            var count = 0
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard !group.isEmpty, group.count <= 4, group.utf8.allSatisfy({ hexDigitValue($0) != nil }) else {
                    return nil
                }
                count += 1
            }
            return count
        }
        let halves = text.split(separator: "::", omittingEmptySubsequences: false)
        switch halves.count {
        case 1:
            guard let count = groups(halves[0]) else { return false }
            return count + tailGroups == 8
        case 2:
            guard let left = groups(halves[0]), let right = groups(halves[1]) else { return false }
            return left + right + tailGroups <= 7
        default: return false
        }
    }

    static func hostname(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 253, bytes.allSatisfy({ $0 < 0x80 }) else { return false }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        for label in labels {
            guard !label.isEmpty, label.count <= 63 else { return false }
            guard label.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else { return false }
            guard label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else { return false }
            let lower = label.map { $0 | 0x20 }
            if lower.count >= 4 && lower[2] == UInt8(ascii: "-") && lower[3] == UInt8(ascii: "-") {
                // Only A-labels (`xn--`) may have hyphens in the third and fourth positions.
                guard lower.starts(with: Array("xn".utf8)) else { return false }
                guard let decoded = Punycode.decode(Array(label.dropFirst(4))), IDNA.isValidLabel(decoded),
                    Punycode.encode(decoded) == Array(lower.dropFirst(4)), IDNA.satisfiesBidiRule([decoded])
                else { return false }
            }
        }
        return true
    }

    /// An internationalised host name (RFC 5890): labels that are ASCII host-name labels, valid A-labels, or
    /// U-labels that follow the IDNA2008 rules; the label separators U+3002, U+FF0E and U+FF61 count as dots.
    static func idnHostname(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        var labels: [[Unicode.Scalar]] = [[]]
        for scalar in text.unicodeScalars {
            if scalar == "." || scalar == "\u{3002}" || scalar == "\u{FF0E}" || scalar == "\u{FF61}" {
                labels.append([])
            } else {
                labels[labels.count - 1].append(scalar)
            }
        }
        var total = 0
        for label in labels {
            guard !label.isEmpty else { return false }
            if label.allSatisfy(\.isASCII) {
                let ascii = String(String.UnicodeScalarView(label))
                guard hostname(ascii) else { return false }
                total += ascii.utf8.count
            } else {
                guard IDNA.isValidLabel(label), let encoded = Punycode.encode(label), encoded.count + 4 <= 63 else {
                    return false
                }
                total += encoded.count + 4
            }
        }
        guard total + labels.count - 1 <= 253 else { return false }
        return IDNA.satisfiesBidiRule(
            labels.map { label in
                if label.count > 4, String(String.UnicodeScalarView(label.prefix(4))).lowercased() == "xn--",
                    let decoded = Punycode.decode(label.dropFirst(4).map { UInt8($0.value) })
                {
                    return decoded
                }
                return label
            }
        )
    }

    static func email(_ text: String, international: Bool) -> Bool {
        let bytes = Array(text.utf8)
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")), at > 0, at < bytes.count - 1 else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        if local.first == UInt8(ascii: "\"") {
            guard local.count >= 2, local.last == UInt8(ascii: "\"") else { return false }
            var index = local.startIndex + 1
            while index < local.endIndex - 1 {
                let byte = local[index]
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                guard byte >= 0x20, byte != UInt8(ascii: "\"") else { return false }
                index += 1
            }
        } else {
            let atext = Array("!#$%&'*+-/=?^_`{|}~".utf8)
            let atoms = local.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            for atom in atoms {
                guard !atom.isEmpty,
                    atom.allSatisfy({ isAlphanumeric($0) || atext.contains($0) || (international && $0 >= 0x80) })
                else { return false }
            }
        }
        if domain.first == UInt8(ascii: "[") {
            guard domain.last == UInt8(ascii: "]") else { return false }
            let literal = domain.dropFirst().dropLast()
            if literal.starts(with: Array("IPv6:".utf8)) { return ipv6(literal.dropFirst(5)) }
            return ipv4(literal)
        }
        let host = String(decoding: domain, as: UTF8.self)
        return international ? idnHostname(host) : hostname(host)
    }

    // MARK: - URIs and IRIs (RFC 3986, RFC 3987)

    static func uri(_ text: String, reference: Bool, international: Bool) -> Bool {
        let scalars = Array(text.unicodeScalars)
        // Every character must be allowed somewhere in a URI, and `%` must start an escape.
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "%" {
                guard index + 2 < scalars.count, scalars[index + 1].isASCII, scalars[index + 2].isASCII,
                    hexDigitValue(UInt8(scalars[index + 1].value)) != nil,
                    hexDigitValue(UInt8(scalars[index + 2].value)) != nil
                else { return false }
                index += 3
                continue
            }
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                guard isAlphanumeric(byte) || Array("-._~:/?#[]@!$&'()*+,;=".utf8).contains(byte) else { return false }
            } else if !international || !(isUCSChar(scalar) || isPrivateUse(scalar)) {
                return false
            }
            index += 1
        }
        let parsed = URIReference(text)
        if !reference {
            guard parsed.scheme != nil else { return false }
        }
        if parsed.scheme == nil, let colon = text.firstIndex(of: ":") {
            // A relative reference's first segment must not contain a colon.
            let firstSegmentEnd = text.firstIndex { "/?#".contains($0) } ?? text.endIndex
            if colon < firstSegmentEnd { return false }
        }
        if let scheme = parsed.scheme {
            guard let first = scheme.utf8.first, isAlpha(first) else { return false }
        }
        // Brackets only around an IP literal host; `#` at most once; no `[`/`]` elsewhere.
        if let authority = parsed.authority {
            var host = Substring(authority)
            if let at = host.firstIndex(of: "@") {
                let userinfo = host[..<at]
                host = host[host.index(after: at)...]
                guard !host.contains("@"), !userinfo.contains("["), !userinfo.contains("]") else { return false }
            }
            if host.hasPrefix("[") {
                guard let close = host.firstIndex(of: "]") else { return false }
                let literal = Array(host[host.index(after: host.startIndex)..<close].utf8)
                guard ipv6(literal[...]) || literal.first == UInt8(ascii: "v") else { return false }
                let rest = host[host.index(after: close)...]
                if !rest.isEmpty {
                    guard rest.first == ":", rest.dropFirst().allSatisfy(\.isNumber) else { return false }
                }
            } else {
                guard !host.contains("["), !host.contains("]") else { return false }
                if let colon = host.firstIndex(of: ":") {
                    guard host[host.index(after: colon)...].allSatisfy({ $0.isASCII && $0.isNumber }) else {
                        return false
                    }
                }
            }
        }
        if parsed.path.contains("[") || parsed.path.contains("]") { return false }
        if parsed.query?.contains("[") == true || parsed.query?.contains("]") == true { return false }
        if let fragment = parsed.fragment, fragment.contains("#") || fragment.contains("[") || fragment.contains("]") {
            return false
        }
        return true
    }

    /// Whether a non-ASCII scalar may appear in an IRI (RFC 3987 `ucschar` and `iprivate`).
    static func isUCSChar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0xA0...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFEF, 0xE000...0xF8FF: return true
        case 0x10000...0xEFFFD: return value & 0xFFFE != 0xFFFE
        default: return false
        }
    }

    /// Whether a non-ASCII scalar is a private-use character (RFC 3987 `iprivate`, allowed in queries).
    static func isPrivateUse(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD: return true
        default: return false
        }
    }

    /// An RFC 6570 URI template: literals and `{operator varspec,varspec}` expressions.
    static func uriTemplate(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "{" {
                guard let close = scalars[index...].firstIndex(of: "}") else { return false }
                guard templateExpression(Array(scalars[(index + 1)..<close])) else { return false }
                index = close + 1
                continue
            }
            if scalar == "%" {
                guard index + 2 < scalars.count, isHex(scalars[index + 1]), isHex(scalars[index + 2]) else {
                    return false
                }
                index += 3
                continue
            }
            if scalar.value <= 0x20 || scalar.value == 0x7F || "\"<>\\^`|}".unicodeScalars.contains(scalar) {
                return false
            }
            index += 1
        }
        return true
    }

    private static func isHex(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && hexDigitValue(UInt8(scalar.value)) != nil
    }

    /// The inside of a URI template expression.
    private static func templateExpression(_ body: [Unicode.Scalar]) -> Bool {
        var rest = body[...]
        if let first = rest.first, "+#./;?&".unicodeScalars.contains(first) { rest = rest.dropFirst() }
        guard !rest.isEmpty else { return false }
        for varspec in rest.split(separator: ",", omittingEmptySubsequences: false) {
            var name = varspec
            if name.last == "*" {
                name = name.dropLast()
            } else if let colon = name.firstIndex(of: ":") {
                let digits = name[(colon + 1)...]
                guard (1...4).contains(digits.count), digits.first != "0",
                    digits.allSatisfy({ $0.isASCII && isDigit(UInt8($0.value)) })
                else { return false }
                name = name[..<colon]
            }
            guard !name.isEmpty, name.first != ".", name.last != "." else { return false }
            var index = name.startIndex
            var previousDot = false
            while index < name.endIndex {
                let scalar = name[index]
                if scalar == "." {
                    if previousDot { return false }
                    previousDot = true
                    index += 1
                    continue
                }
                previousDot = false
                if scalar == "%" {
                    guard index + 2 < name.endIndex, isHex(name[index + 1]), isHex(name[index + 2]) else {
                        return false
                    }
                    index += 3
                    continue
                }
                guard scalar.isASCII, isAlphanumeric(UInt8(scalar.value)) || scalar == "_" else { return false }
                index += 1
            }
        }
        return true
    }

    static func uuid(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if hexDigitValue(byte) == nil {
                return false
            }
        }
        return true
    }

    // MARK: - JSON Pointers and regular expressions

    static func jsonPointer(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.isEmpty { return true }
        guard bytes.first == UInt8(ascii: "/") else { return false }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "~") {
                guard index + 1 < bytes.endIndex,
                    bytes[index + 1] == UInt8(ascii: "0")
                        || bytes[index + 1]
                            == UInt8(
                                ascii: "1"
                            )
                else { return false }
                index += 2
                continue
            }
            index += 1
        }
        return true
    }

    static func relativeJSONPointer(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        guard index > 0 else { return false }
        if index > 1 && bytes[0] == UInt8(ascii: "0") { return false }
        if index == bytes.count { return true }
        if bytes[index] == UInt8(ascii: "#") { return index + 1 == bytes.count }
        return jsonPointer(bytes[index...])
    }

    /// Rejects syntax that ECMA-262 does not define but Swift's regex syntax accepts: the escapes `\a`, `\A`,
    /// `\z`, `\Z` and the like, Python's `(?P<name>…)` and `(?P=name)`, comment groups `(?#…)` and global inline
    /// flags `(?i)`.
    static func ecmaRegexSyntax(_ text: String) -> Bool {
        let characters = Array(text)
        var escaped = false
        var inClass = false
        for (index, character) in characters.enumerated() {
            if escaped {
                if "aAzZeGhHKNRVX".contains(character) { return false }
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "[" where !inClass: inClass = true
            case "]" where inClass: inClass = false
            case "(" where !inClass && index + 2 < characters.count && characters[index + 1] == "?":
                let next = characters[index + 2]
                if next == "P" || next == "#" { return false }
                if next.isLetter {
                    // `(?i)`: flags that apply to the rest of the pattern (ES2025 allows only `(?i:…)` groups).
                    var end = index + 2
                    while end < characters.count, characters[end].isLetter || characters[end] == "-" { end += 1 }
                    if end < characters.count && characters[end] == ")" { return false }
                }
            default: break
            }
        }
        return !escaped
    }

    // MARK: - Helpers

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isAlpha(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A")
                && byte
                    <= UInt8(
                        ascii: "Z"
                    ))
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isAlpha(byte) }

    /// The value of an all-digit slice, or `nil`.
    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy(isDigit) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}

/// RFC 3492 Punycode, for checking A-labels and the length of U-labels in host names.
enum Punycode {
    /// Encodes a label (RFC 3492 §6.3), without the `xn--` prefix; `nil` on overflow.
    static func encode(_ input: [Unicode.Scalar]) -> [UInt8]? {
        let base = 36
        let tMin = 1
        let tMax = 26
        var n = 128
        var delta = 0
        var bias = 72
        var output: [UInt8] = input.filter(\.isASCII).map { UInt8($0.value) }
        let basic = output.count
        if basic > 0 { output.append(UInt8(ascii: "-")) }
        var handled = basic
        func digit(_ value: Int) -> UInt8 {
            UInt8(value < 26 ? value + 97 : value - 26 + 48)
        }
        while handled < input.count {
            guard let next = input.map({ Int($0.value) }).filter({ $0 >= n }).min() else { return nil }
            let (step, overflow) = (next - n).multipliedReportingOverflow(by: handled + 1)
            guard !overflow else { return nil }
            delta += step
            n = next
            for scalar in input {
                let value = Int(scalar.value)
                if value < n { delta += 1 }
                if value == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basic)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return output
    }

    /// The bias adaptation of RFC 3492 §6.1.
    static func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
        var delta = first ? delta / 700 : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((36 - 1) * 26) / 2 {
            delta /= 36 - 1
            k += 36
        }
        return k + (36 - 1 + 1) * delta / (delta + 38)
    }

    /// Decodes the part of an A-label after `xn--`.
    /// - Parameter input: ASCII bytes.
    /// - Returns: The Unicode scalars, or `nil` when the input is not valid Punycode.
    static func decode(_ input: [UInt8]) -> [Unicode.Scalar]? {
        let base = 36
        let tMin = 1
        let tMax = 26
        let skew = 38
        let damp = 700
        var n = 128
        var i = 0
        var bias = 72
        var output: [Unicode.Scalar] = []
        var rest = input[...]
        if let delimiter = input.lastIndex(of: UInt8(ascii: "-")) {
            for byte in input[..<delimiter] {
                guard byte < 0x80 else { return nil }
                output.append(Unicode.Scalar(byte))
            }
            rest = input[(delimiter + 1)...]
        }
        guard !rest.isEmpty || !output.isEmpty else { return nil }
        var index = rest.startIndex
        while index < rest.endIndex {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard index < rest.endIndex else { return nil }
                let byte = rest[index] | 0x20
                index += 1
                let digit: Int
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = Int(byte - UInt8(ascii: "a"))
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0")) + 26
                default: return nil
                }
                let (product, overflow) = digit.multipliedReportingOverflow(by: w)
                guard !overflow, i <= Int.max - product else { return nil }
                i += product
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < t { break }
                w *= base - t
                k += base
            }
            let count = output.count + 1
            var delta = oldI == 0 ? (i - oldI) / damp : (i - oldI) / 2
            delta += delta / count
            var kk = 0
            while delta > ((base - tMin) * tMax) / 2 {
                delta /= base - tMin
                kk += base
            }
            bias = kk + (base - tMin + 1) * delta / (delta + skew)
            n += i / count
            i %= count
            guard n <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(n)) else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        return output
    }
}

/// The IDNA2008 rules (RFC 5891, RFC 5892) that a decoded A-label must follow, as far as the standard library's
/// Unicode properties allow checking them.
enum IDNA {
    static func isValidLabel(_ scalars: [Unicode.Scalar]) -> Bool {
        guard let first = scalars.first else { return false }
        // RFC 5891 §4.2.3.1: no "--" in the third and fourth positions, no hyphen at either end.
        if scalars.count >= 4 && scalars[2] == "-" && scalars[3] == "-" { return false }
        if first == "-" || scalars.last == "-" { return false }
        switch first.properties.generalCategory {
        case .spacingMark, .nonspacingMark, .enclosingMark: return false
        default: break
        }
        var arabicIndic = false
        var extendedArabicIndic = false
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            guard isPermitted(scalar) else { return false }
            switch value {
            case 0x00B7:
                // MIDDLE DOT: between two 'l's.
                guard index > 0, index + 1 < scalars.count, scalars[index - 1] == "l", scalars[index + 1] == "l" else {
                    return false
                }
            case 0x0375:
                // GREEK LOWER NUMERAL SIGN (KERAIA): followed by Greek.
                guard index + 1 < scalars.count, isGreek(scalars[index + 1]) else { return false }
            case 0x05F3, 0x05F4:
                // HEBREW GERESH / GERSHAYIM: preceded by Hebrew.
                guard index > 0, isHebrew(scalars[index - 1]) else { return false }
            case 0x30FB:
                // KATAKANA MIDDLE DOT: some Hiragana, Katakana or Han in the label.
                guard scalars.contains(where: { $0.value != 0x30FB && isJapanese($0) }) else { return false }
            case 0x200D:
                // ZERO WIDTH JOINER: after a virama.
                guard index > 0, scalars[index - 1].properties.canonicalCombiningClass.rawValue == 9 else {
                    return false
                }
            case 0x200C:
                // ZERO WIDTH NON-JOINER: after a virama, or between joining letters (approximated as Arabic letters).
                if index > 0, scalars[index - 1].properties.canonicalCombiningClass.rawValue == 9 { break }
                guard index > 0, index + 1 < scalars.count, isArabicLetter(scalars[index - 1]),
                    isArabicLetter(scalars[index + 1])
                else { return false }
            case 0x0660...0x0669: arabicIndic = true
            case 0x06F0...0x06F9: extendedArabicIndic = true
            default: break
            }
        }
        return !(arabicIndic && extendedArabicIndic)
    }

    /// Whether a code point may appear in a label (PVALID or CONTEXT in RFC 5892 terms, approximately).
    static func isPermitted(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007: return true
        case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B: return false
        case 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB, 0x200C, 0x200D, 0x0660...0x0669, 0x06F0...0x06F9: return true
        case 0x2D: return true
        default: break
        }
        let properties = scalar.properties
        if properties.changesWhenNFKCCaseFolded { return false }
        switch properties.generalCategory {
        case .lowercaseLetter, .otherLetter, .modifierLetter, .decimalNumber, .nonspacingMark, .spacingMark:
            return true
        default: return false
        }
    }

    /// A scalar's bidirectional class, approximated from its general category and block (the standard library
    /// does not expose the Bidi_Class property).
    enum BidiClass { case l, r, an, en, es, cs, et, on, nsm, other }

    static func bidiClass(_ scalar: Unicode.Scalar) -> BidiClass {
        let value = scalar.value
        switch value {
        case 0x30...0x39, 0x06F0...0x06F9: return .en
        case 0x0660...0x0669, 0x066B, 0x066C: return .an
        case 0x2B, 0x2D: return .es
        case 0x2C, 0x2E, 0x2F, 0x3A: return .cs
        default: break
        }
        let category = scalar.properties.generalCategory
        if category == .nonspacingMark || category == .enclosingMark { return .nsm }
        let rtl: Bool
        switch value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: rtl = true
        default: rtl = false
        }
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .spacingMark,
            .letterNumber:
            return rtl ? .r : .l
        case .decimalNumber: return rtl ? .an : .l
        default: return .on
        }
    }

    /// The Bidi rule of RFC 5893 §2, applied when any label of the name is right-to-left.
    static func satisfiesBidiRule(_ labels: [[Unicode.Scalar]]) -> Bool {
        let classes = labels.map { $0.map(bidiClass) }
        guard classes.contains(where: { $0.contains(.r) || $0.contains(.an) }) else { return true }
        for label in classes where !label.isEmpty {
            let trimmed = label.reversed().drop { $0 == .nsm }
            guard let last = trimmed.first, let first = label.first else { return false }
            switch first {
            case .r:
                guard label.allSatisfy({ [.r, .an, .en, .es, .cs, .et, .on, .nsm].contains($0) }) else { return false }
                guard [.r, .en, .an].contains(last) else { return false }
                if label.contains(.en) && label.contains(.an) { return false }
            case .l:
                guard label.allSatisfy({ [.l, .en, .es, .cs, .et, .on, .nsm].contains($0) }) else { return false }
                guard [.l, .en].contains(last) else { return false }
            default: return false
            }
        }
        return true
    }

    static func isGreek(_ scalar: Unicode.Scalar) -> Bool {
        (0x0370...0x03FF).contains(scalar.value) || (0x1F00...0x1FFF).contains(scalar.value)
    }

    static func isHebrew(_ scalar: Unicode.Scalar) -> Bool { (0x0590...0x05FF).contains(scalar.value) }

    static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x0620...0x064A).contains(scalar.value) || (0x066E...0x06D3).contains(scalar.value)
    }

    static func isJapanese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0x20000...0x2FA1F:
            return true
        default: return false
        }
    }
}
