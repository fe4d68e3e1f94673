/// A date or an instant, with its precision kept: a date-only value stays date-only.
///
/// Instants are UTC milliseconds since 1970. Accepted wire forms: `/Date(ms)/` (OData v2 JSON, with an optional
/// `+hhmm` offset), ISO 8601 (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±hh:mm]`), SQL view strings
/// (`YYYY-MM-DD HH:MM:SS`, taken as UTC), and epoch seconds (values of 10^11 and more are taken as milliseconds).
public struct DateValue: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Whether a value is a calendar date or an instant.
    public enum Precision: String, Sendable, Hashable, Codable {
        /// A calendar day (`2014-05-06`).
        case date
        /// An instant in UTC, to the millisecond.
        case instant
    }

    /// Milliseconds since 1970-01-01T00:00:00Z (midnight UTC for dates).
    public var epochMilliseconds: Int64
    /// Date-only or instant.
    public var precision: Precision

    /// Creates a value from milliseconds since the epoch.
    /// - Parameters:
    ///   - epochMilliseconds: Milliseconds since 1970-01-01T00:00:00Z.
    ///   - precision: Date-only or instant; a date is truncated to its UTC day.
    public init(epochMilliseconds: Int64, precision: Precision = .instant) {
        self.precision = precision
        if precision == .date {
            let day = Self.floorDiv(epochMilliseconds, 86_400_000)
            self.epochMilliseconds = day * 86_400_000
        } else {
            self.epochMilliseconds = epochMilliseconds
        }
    }

    /// Creates a date-only value.
    /// - Parameters:
    ///   - year: The year (proleptic Gregorian).
    ///   - month: 1–12.
    ///   - day: 1–31.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.init(epochMilliseconds: Int64(Self.daysFromCivil(year, month, day)) * 86_400_000, precision: .date)
    }

    /// Parses any accepted wire form (see the type's description); `nil` when the text is not a date.
    /// - Parameter text: The value as received.
    public init?(parsing text: String) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return nil }
        if let value = Self.parseODataDate(trimmed) ?? Self.parseISO(trimmed) ?? Self.parseEpoch(trimmed) {
            self = value
        } else {
            return nil
        }
    }

    /// Interprets a number as epoch seconds (or milliseconds when it is 10^11 or more).
    /// - Parameter epoch: The number.
    public init(epoch: Int64) {
        if epoch >= 100_000_000_000 || epoch <= -100_000_000_000 {
            self.init(epochMilliseconds: epoch)
        } else {
            self.init(epochMilliseconds: epoch * 1000)
        }
    }

    /// The civil date in UTC.
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int) {
        let days = Self.floorDiv(epochMilliseconds, 86_400_000)
        let msOfDay = Int(epochMilliseconds - days * 86_400_000)
        let (y, m, d) = Self.civilFromDays(Int(days))
        return (y, m, d, msOfDay / 3_600_000, msOfDay / 60_000 % 60, msOfDay / 1000 % 60, msOfDay % 1000)
    }

    /// ISO 8601: `YYYY-MM-DD` for dates, `YYYY-MM-DDTHH:MM:SSZ` (with `.sss` when there are milliseconds) for instants.
    public var iso8601: String {
        let c = components
        var text = Self.pad(c.year, 4) + "-" + Self.pad(c.month, 2) + "-" + Self.pad(c.day, 2)
        guard precision == .instant else { return text }
        text += "T" + Self.pad(c.hour, 2) + ":" + Self.pad(c.minute, 2) + ":" + Self.pad(c.second, 2)
        if c.millisecond != 0 { text += "." + Self.pad(c.millisecond, 3) }
        return text + "Z"
    }

    /// The OData v2 JSON form `/Date(ms)/`.
    public var odataJSON: String { "/Date(\(epochMilliseconds))/" }

    /// The ISO 8601 form.
    public var description: String { iso8601 }

    /// Orders by instant, dates before instants on the same millisecond.
    public static func < (lhs: DateValue, rhs: DateValue) -> Bool {
        if lhs.epochMilliseconds != rhs.epochMilliseconds { return lhs.epochMilliseconds < rhs.epochMilliseconds }
        return lhs.precision == .date && rhs.precision == .instant
    }

    /// Encodes as the ISO 8601 string.
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` when the value cannot be written.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }

    /// Decodes from any accepted string form.
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError.dataCorrupted` when the string is not a date.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = DateValue(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(text)")
        }
        self = value
    }

    // MARK: Parsing

    private static func parseODataDate(_ text: String) -> DateValue? {
        // `\/Date(ms)\/` is the JSON-escaped spelling, seen when the text was not JSON-decoded.
        var body =
            text.contains("\\")
            ? Substring(text.split(separator: "\\", omittingEmptySubsequences: false).joined()) : Substring(text)
        guard body.hasPrefix("/Date("), body.hasSuffix(")/") else { return nil }
        body = body.dropFirst(6).dropLast(2)
        // An optional offset `+hhmm`/`-hhmm` after the milliseconds only says which zone the value was in.
        var digits = body
        if let signIndex = body.dropFirst().firstIndex(where: { $0 == "+" || $0 == "-" }) {
            digits = body[..<signIndex]
        }
        guard let ms = Int64(digits) else { return nil }
        return DateValue(epochMilliseconds: ms)
    }

    private static func parseEpoch(_ text: String) -> DateValue? {
        guard let value = Int64(text) else { return nil }
        return DateValue(epoch: value)
    }

    private static func parseISO(_ text: String) -> DateValue? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ width: Int) -> Int? {
            guard index + width <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<width {
                let byte = bytes[index + offset]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += width
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
            let day = number(2), let date = DateValue(year: year, month: month, day: day)
        else { return nil }
        if index == bytes.count { return date }
        guard expect(UInt8(ascii: "T")) || expect(UInt8(ascii: " ")) || expect(UInt8(ascii: "t")) else { return nil }
        guard let hour = number(2), hour < 24, expect(UInt8(ascii: ":")), let minute = number(2), minute < 60 else {
            return nil
        }
        var second = 0
        var millisecond = 0
        if expect(UInt8(ascii: ":")) {
            guard let s = number(2), s < 61 else { return nil }
            second = min(s, 59)
            if expect(UInt8(ascii: ".")) || expect(UInt8(ascii: ",")) {
                var scale = 100
                var sawDigit = false
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                    millisecond += Int(bytes[index] - 48) * scale
                    scale /= 10
                    index += 1
                    sawDigit = true
                }
                guard sawDigit else { return nil }
            }
        }
        var offsetMinutes = 0
        if index < bytes.count {
            if expect(UInt8(ascii: "Z")) || expect(UInt8(ascii: "z")) {
                // UTC
            } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
                guard let hours = number(2) else { return nil }
                _ = expect(UInt8(ascii: ":"))
                let minutes = number(2) ?? 0
                offsetMinutes = sign * (hours * 60 + minutes)
            } else {
                return nil
            }
        }
        guard index == bytes.count else { return nil }
        let ms =
            date.epochMilliseconds + Int64(hour) * 3_600_000 + Int64(minute) * 60_000 + Int64(second) * 1000
            + Int64(millisecond) - Int64(offsetMinutes) * 60_000
        return DateValue(epochMilliseconds: ms, precision: .instant)
    }

    // MARK: Calendar arithmetic (Howard Hinnant's civil-from-days algorithms)

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(abs(value))
        let padded = text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        return value < 0 ? "-" + padded : padded
    }
}

extension String {
    /// The string without leading and trailing whitespace (including no-break space U+00A0).
    public func trimmingWhitespace() -> String {
        // Fast path: most values have no surrounding space at all.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
