import MEABridgeCore
import MEABridgeJSON

/// A value read as its field's type: a key to compare values by (`enum`, `unique`), an order for `minimum` and
/// `maximum`, and a length for `minLength` and `maxLength`.
struct CastValue {
    /// The canonical text (`1` for `01` in an integer field, `1995-02-16` for `16/02/1995`).
    var key: String
    /// A number to order values by, when the type is ordered.
    var order: Double?
    /// The length, for strings (characters) and JSON arrays and objects (items).
    var length: Int?
}

/// Reads the values of one field as its type and format.
struct FieldCaster: Sendable {
    let field: TableSchema.Field
    private let pattern: DatePattern?

    init(_ field: TableSchema.Field) {
        self.field = field
        switch field.type {
        case .date: pattern = Self.datePattern(field.format, default: "%Y-%m-%d")
        case .time: pattern = Self.datePattern(field.format, default: "%H:%M:%S")
        case .datetime: pattern = field.format == "default" || field.format == "any" ? nil : DatePattern(field.format)
        default: pattern = nil
        }
    }

    private static func datePattern(_ format: String, default pattern: String) -> DatePattern? {
        switch format {
        case "default": DatePattern(pattern, strict: true)
        case "any": nil
        default: DatePattern(format)
        }
    }

    /// What is wrong with a field's format for its type, if anything.
    static func formatProblem(_ field: TableSchema.Field) -> String? {
        let format = field.format
        switch field.type {
        case .date, .time, .datetime:
            if format == "default" || format == "any" { return nil }
            guard let pattern = DatePattern(format) else {
                return "format '\(format)' of field '\(field.name)' is not a strptime pattern (%d/%m/%Y, %Y-%m-%d, …)"
            }
            if field.type == .date, !pattern.hasDate {
                return "format '\(format)' of date field '\(field.name)' has no date directive"
            }
            return nil
        case .string:
            return ["default", "email", "uri", "uuid", "binary"].contains(format)
                ? nil : "unknown string format '\(format)' of field '\(field.name)' (default, email, uri, uuid, binary)"
        case .geopoint:
            return ["default", "array", "object"].contains(format)
                ? nil : "unknown geopoint format '\(format)' of field '\(field.name)' (default, array, object)"
        default:
            return nil
        }
    }

    /// What a value of the field must look like, for messages.
    var expectation: String {
        switch field.type {
        case .string:
            switch field.format {
            case "email": return "an e-mail address"
            case "uri": return "a URI"
            case "uuid": return "a UUID"
            case "binary": return "base64 data"
            default: return "text"
            }
        case .integer: return "an integer"
        case .number:
            return field.decimalChar == "." ? "a number" : "a number with '\(field.decimalChar)' as decimal mark"
        case .boolean:
            return "a boolean (\((field.trueValues + field.falseValues).map { "'\($0)'" }.joined(separator: ", ")))"
        case .date, .time, .datetime:
            let noun = field.type == .datetime ? "date and time" : field.type.rawValue
            if let pattern {
                return "a \(noun) in the format \(pattern.text) (for example \(pattern.example))"
            }
            return field.type == .datetime ? "an ISO 8601 date and time (1995-02-16T13:45:30Z)" : "a \(noun)"
        case .year: return "a year (1995)"
        case .yearmonth: return "a year and month (1995-02)"
        case .duration: return "an ISO 8601 duration (P1Y2M3DT4H)"
        case .geopoint:
            switch field.format {
            case "array": return "a point as [lon, lat]"
            case "object": return "a point as {\"lon\": …, \"lat\": …}"
            default: return "a point as 'lon, lat'"
            }
        case .geojson: return "a GeoJSON object"
        case .object: return "a JSON object"
        case .array: return "a JSON array"
        case .any: return "anything"
        }
    }

    /// Reads a value; `nil` when it is not of the field's type and format.
    func cast(_ text: String) -> CastValue? {
        switch field.type {
        case .string: return castString(text)
        case .integer:
            guard let value = integer(text) else { return nil }
            return CastValue(key: String(value), order: Double(value))
        case .number:
            guard let value = number(text) else { return nil }
            return CastValue(key: value.isNaN ? "NaN" : String(value), order: value.isNaN ? nil : value)
        case .boolean:
            if field.trueValues.contains(text) { return CastValue(key: "true") }
            if field.falseValues.contains(text) { return CastValue(key: "false") }
            return nil
        case .date:
            guard let date = date(text) else { return nil }
            return CastValue(key: date.iso8601, order: Double(date.epochMilliseconds))
        case .datetime:
            guard let instant = datetime(text) else { return nil }
            return CastValue(key: instant.iso8601, order: Double(instant.epochMilliseconds))
        case .time:
            guard let milliseconds = time(text) else { return nil }
            return CastValue(key: String(milliseconds), order: Double(milliseconds))
        case .year:
            let digits = text.utf8.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
            guard digits.count == 4, let year = Self.plainInteger(text) else { return nil }
            return CastValue(key: String(year), order: Double(year))
        case .yearmonth:
            let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
            guard pieces.count == 2, pieces[0].count == 4, pieces[1].count == 2, let year = Int(pieces[0]),
                let month = Int(pieces[1]), (1...12).contains(month)
            else { return nil }
            return CastValue(key: text, order: Double(year * 12 + month - 1))
        case .duration:
            return Self.isDuration(text) ? CastValue(key: text) : nil
        case .geopoint:
            guard let (lon, lat) = geopoint(text), (-180...180).contains(lon), (-90...90).contains(lat) else {
                return nil
            }
            return CastValue(key: "\(lon),\(lat)")
        case .geojson, .object:
            guard let value = Self.json(text), let members = value.objectValue else { return nil }
            if field.type == .geojson, value["type"]?.stringValue == nil { return nil }
            return CastValue(key: text, length: members.count)
        case .array:
            guard let elements = Self.json(text)?.arrayValue else { return nil }
            return CastValue(key: text, length: elements.count)
        case .any:
            return CastValue(key: text, length: text.count)
        }
    }

    // MARK: Types

    private func castString(_ text: String) -> CastValue? {
        switch field.format {
        case "email":
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !text.contains(" ") else { return nil }
        case "uri":
            guard let colon = text.firstIndex(of: ":"), colon != text.startIndex,
                text[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }),
                text[text.startIndex].isLetter, !text.contains(" ")
            else { return nil }
        case "uuid":
            let groups = text.split(separator: "-", omittingEmptySubsequences: false)
            guard groups.map(\.count) == [8, 4, 4, 4, 12], groups.allSatisfy({ $0.allSatisfy(\.isHexDigit) }) else {
                return nil
            }
        case "binary":
            guard
                text.unicodeScalars.allSatisfy({
                    ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
                        || "+/=".unicodeScalars.contains($0)
                })
            else { return nil }
        default:
            break
        }
        return CastValue(
            key: text,
            length: field.constraints.minLength != nil || field.constraints.maxLength != nil
                ? text.count : nil
        )
    }

    /// `[+-]digits`, nothing else.
    static func plainInteger(_ text: String) -> Int? {
        var utf8 = text.utf8[...]
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        guard !utf8.isEmpty, utf8.count <= 18 else { return nil }
        var value = 0
        for byte in utf8 {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return negative ? -value : value
    }

    /// The numeric part of a number that need not be bare (`€95`, `10%`): from the first digit, sign or decimal
    /// mark to the last digit.
    private func stripped(_ text: String) -> Substring {
        guard !field.bareNumber else { return Substring(text) }
        let numeric: (Character) -> Bool = {
            $0.isNumber || $0 == "-" || $0 == "+" || String($0) == self.field.decimalChar
        }
        guard let first = text.firstIndex(where: numeric), let last = text.lastIndex(where: { $0.isNumber }),
            first <= last
        else { return Substring(text) }
        return text[first...last]
    }

    private func integer(_ text: String) -> Int? {
        var body = String(stripped(text))
        if let group = field.groupChar, !group.isEmpty { body = body.replacing(group, with: "") }
        return Self.plainInteger(body)
    }

    private func number(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "INF": return .infinity
        case "-INF": return -.infinity
        default: break
        }
        var body = String(stripped(text))
        if let group = field.groupChar, !group.isEmpty { body = body.replacing(group, with: "") }
        if field.decimalChar != "." { body = body.replacing(field.decimalChar, with: ".") }
        guard Self.isDecimalLexeme(body) else { return nil }
        return Double(body)
    }

    /// `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
    static func isDecimalLexeme(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            bytes = bytes.dropFirst()
        }
        var digits = 0
        while let byte = bytes.first, (0x30...0x39).contains(byte) {
            digits += 1
            bytes = bytes.dropFirst()
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            while let byte = bytes.first, (0x30...0x39).contains(byte) {
                digits += 1
                bytes = bytes.dropFirst()
            }
        }
        guard digits > 0 else { return false }
        if let byte = bytes.first, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                bytes = bytes.dropFirst()
            }
            var exponent = 0
            while let byte = bytes.first, (0x30...0x39).contains(byte) {
                exponent += 1
                bytes = bytes.dropFirst()
            }
            guard exponent > 0 else { return false }
        }
        return bytes.isEmpty
    }

    private func date(_ text: String) -> DateValue? {
        if let pattern {
            guard let parts = pattern.parse(text) else { return nil }
            return DateValue(year: parts.year, month: parts.month, day: parts.day)
        }
        // `any`: every form the model reads (ISO 8601, SQL datetimes, /Date()/), as a date.
        guard let value = DateValue(parsing: text) else { return nil }
        return DateValue(epochMilliseconds: value.epochMilliseconds, precision: .date)
    }

    private func datetime(_ text: String) -> DateValue? {
        if let pattern {
            guard let parts = pattern.parse(text),
                let day = DateValue(year: parts.year, month: parts.month, day: parts.day)
            else { return nil }
            let milliseconds =
                Int64(((parts.hour * 60 + parts.minute) * 60 + parts.second) * 1000 + parts.millisecond)
                - Int64(parts.offsetMinutes) * 60_000
            return DateValue(epochMilliseconds: day.epochMilliseconds + milliseconds)
        }
        if field.format == "default" {
            // `YYYY-MM-DDTHH:MM:SS` with optional fraction and zone.
            let bytes = Array(text.utf8)
            guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T") else { return nil }
        }
        guard let value = DateValue(parsing: text), value.precision == .instant || field.format == "any" else {
            return nil
        }
        return value
    }

    private func time(_ text: String) -> Int? {
        if let pattern {
            guard let parts = pattern.parse(text) else { return nil }
            return ((parts.hour * 60 + parts.minute) * 60 + parts.second) * 1000 + parts.millisecond
        }
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(pieces.count), let hour = Int(pieces[0]), let minute = Int(pieces[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        let second = pieces.count == 3 ? Double(pieces[2]) : 0
        guard let second, (0..<61).contains(second) else { return nil }
        return (hour * 60 + minute) * 60_000 + Int(second * 1000)
    }

    private func geopoint(_ text: String) -> (Double, Double)? {
        switch field.format {
        case "array":
            guard let elements = Self.json(text)?.arrayValue, elements.count == 2,
                let lon = elements[0].doubleValue, let lat = elements[1].doubleValue
            else { return nil }
            return (lon, lat)
        case "object":
            guard let value = Self.json(text), let lon = value["lon"]?.doubleValue, let lat = value["lat"]?.doubleValue
            else { return nil }
            return (lon, lat)
        default:
            let pieces = text.split(separator: ",", omittingEmptySubsequences: false)
            guard pieces.count == 2 else { return nil }
            let lonText = CSVText.trimmed(String(pieces[0]))
            let latText = CSVText.trimmed(String(pieces[1]))
            guard Self.isDecimalLexeme(lonText), Self.isDecimalLexeme(latText), let lon = Double(lonText),
                let lat = Double(latText)
            else { return nil }
            return (lon, lat)
        }
    }

    private static func json(_ text: String) -> JSONValue? {
        var parser = JSONPullParser(source: MemoryByteSource(text))
        guard let value = try? parser.readValue(), (try? parser.finish()) != nil else { return nil }
        return value
    }

    /// `P[nY][nM][nW][nD][T[nH][nM][n[.n]S]]` with at least one part.
    static func isDuration(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        guard bytes.popFirst() == UInt8(ascii: "P"), !bytes.isEmpty else { return false }
        var inTime = false
        var parts = 0
        var allowed = Array("YMWD".utf8)
        while !bytes.isEmpty {
            if bytes.first == UInt8(ascii: "T") {
                guard !inTime else { return false }
                inTime = true
                allowed = Array("HMS".utf8)
                bytes = bytes.dropFirst()
                guard !bytes.isEmpty else { return false }
                continue
            }
            var digits = 0
            var fraction = false
            while let byte = bytes.first, (0x30...0x39).contains(byte) || byte == UInt8(ascii: ".") {
                if byte == UInt8(ascii: ".") {
                    guard !fraction else { return false }
                    fraction = true
                } else {
                    digits += 1
                }
                bytes = bytes.dropFirst()
            }
            guard digits > 0, let unit = bytes.popFirst(), let index = allowed.firstIndex(of: unit) else {
                return false
            }
            if fraction, unit != UInt8(ascii: "S") { return false }
            allowed.removeSubrange(...index)
            parts += 1
        }
        return parts > 0
    }
}
