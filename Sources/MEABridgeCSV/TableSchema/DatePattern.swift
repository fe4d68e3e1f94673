import MEABridgeCore

/// A strptime-style date and time pattern (`%d/%m/%Y`, `%Y-%m-%dT%H:%M:%S%z`), as Table Schema formats use.
///
/// Directives: `%Y` (four-digit year), `%y` (two digits: 69–99 → 19xx, 00–68 → 20xx), `%m`, `%d`, `%H`, `%I`,
/// `%M`, `%S` (one or two digits), `%f` (fraction of a second), `%b`/`%B` (English month names), `%p` (AM/PM),
/// `%z` (`Z`, `±hh`, `±hhmm`, `±hh:mm`), `%j` (day of the year) and `%%`. Anything else must match literally.
struct DatePattern: Sendable, Hashable {
    enum Token: Sendable, Hashable {
        case literal(UInt8)
        case year4
        case year2
        case month
        case day
        case hour
        case hour12
        case minute
        case second
        case fraction
        case monthName
        case ampm
        case zone
        case dayOfYear
    }

    /// The parts of a parsed value.
    struct Parts {
        var year = 1970
        var month = 1
        var day = 1
        var hour = 0
        var minute = 0
        var second = 0
        var millisecond = 0
        var offsetMinutes = 0
        var pm: Bool?
        var dayOfYear: Int?
    }

    let tokens: [Token]
    let text: String
    /// Whether two-digit fields must have exactly two digits (the ISO defaults).
    let strict: Bool

    /// Compiles a pattern; `nil` when it holds an unknown directive.
    init?(_ pattern: String, strict: Bool = false) {
        var tokens: [Token] = []
        var bytes = Array(pattern.utf8)[...]
        while let byte = bytes.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                tokens.append(.literal(byte))
                continue
            }
            if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }  // `%-d`: no padding
            guard let directive = bytes.popFirst() else { return nil }
            switch directive {
            case UInt8(ascii: "Y"): tokens.append(.year4)
            case UInt8(ascii: "y"): tokens.append(.year2)
            case UInt8(ascii: "m"): tokens.append(.month)
            case UInt8(ascii: "d"), UInt8(ascii: "e"): tokens.append(.day)
            case UInt8(ascii: "H"): tokens.append(.hour)
            case UInt8(ascii: "I"): tokens.append(.hour12)
            case UInt8(ascii: "M"): tokens.append(.minute)
            case UInt8(ascii: "S"): tokens.append(.second)
            case UInt8(ascii: "f"): tokens.append(.fraction)
            case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "h"): tokens.append(.monthName)
            case UInt8(ascii: "p"): tokens.append(.ampm)
            case UInt8(ascii: "z"), UInt8(ascii: "Z"): tokens.append(.zone)
            case UInt8(ascii: "j"): tokens.append(.dayOfYear)
            case UInt8(ascii: "%"): tokens.append(.literal(UInt8(ascii: "%")))
            default: return nil
            }
        }
        self.tokens = tokens
        self.text = pattern
        self.strict = strict
    }

    var hasDate: Bool {
        tokens.contains { [.year4, .year2, .month, .day, .monthName, .dayOfYear].contains($0) }
    }

    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    private static let fullMonthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// Parses a value; `nil` when it does not match or is not a real date (31/02).
    func parse(_ value: String) -> Parts? {
        let bytes = Array(value.utf8)
        var i = 0
        var parts = Parts()
        func digits(min: Int, max: Int) -> Int? {
            var count = 0
            var number = 0
            while count < max, i < bytes.count, (0x30...0x39).contains(bytes[i]) {
                number = number * 10 + Int(bytes[i] - 0x30)
                i += 1
                count += 1
            }
            return count >= min ? number : nil
        }
        let two = strict ? 2 : 1
        for token in tokens {
            switch token {
            case .literal(let byte):
                guard i < bytes.count, bytes[i] == byte else { return nil }
                i += 1
            case .year4:
                guard let year = digits(min: 4, max: 4) else { return nil }
                parts.year = year
            case .year2:
                guard let year = digits(min: 2, max: 2) else { return nil }
                parts.year = year < 69 ? 2000 + year : 1900 + year
            case .month:
                guard let month = digits(min: two, max: 2) else { return nil }
                parts.month = month
            case .day:
                guard let day = digits(min: two, max: 2) else { return nil }
                parts.day = day
            case .hour, .hour12:
                guard let hour = digits(min: two, max: 2) else { return nil }
                parts.hour = hour
            case .minute:
                guard let minute = digits(min: two, max: 2) else { return nil }
                parts.minute = minute
            case .second:
                guard let second = digits(min: two, max: 2) else { return nil }
                parts.second = second
            case .fraction:
                let start = i
                guard let fraction = digits(min: 1, max: 9) else { return nil }
                var scaled = fraction
                var count = i - start
                while count > 3 {
                    scaled /= 10
                    count -= 1
                }
                while count < 3 {
                    scaled *= 10
                    count += 1
                }
                parts.millisecond = scaled
            case .monthName:
                var letters: [UInt8] = []
                while i < bytes.count, (bytes[i] | 0x20) >= UInt8(ascii: "a"), (bytes[i] | 0x20) <= UInt8(ascii: "z") {
                    letters.append(bytes[i] | 0x20)
                    i += 1
                }
                let name = String(decoding: letters, as: UTF8.self)
                guard let index = Self.fullMonthNames.firstIndex(of: name) ?? Self.monthNames.firstIndex(of: name)
                else { return nil }
                parts.month = index + 1
            case .ampm:
                guard i + 2 <= bytes.count else { return nil }
                let marker = String(decoding: bytes[i..<i + 2], as: UTF8.self).lowercased()
                guard marker == "am" || marker == "pm" else { return nil }
                parts.pm = marker == "pm"
                i += 2
            case .zone:
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: "Z") {
                    i += 1
                    continue
                }
                guard bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") else { return nil }
                let sign = bytes[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let hours = digits(min: 2, max: 2) else { return nil }
                var minutes = 0
                if i < bytes.count, bytes[i] == UInt8(ascii: ":") { i += 1 }
                if i < bytes.count, (0x30...0x39).contains(bytes[i]) {
                    guard let value = digits(min: 2, max: 2) else { return nil }
                    minutes = value
                }
                parts.offsetMinutes = sign * (hours * 60 + minutes)
            case .dayOfYear:
                guard let day = digits(min: 1, max: 3) else { return nil }
                parts.dayOfYear = day
            }
        }
        guard i == bytes.count else { return nil }
        if let pm = parts.pm {
            guard (1...12).contains(parts.hour) else { return nil }
            parts.hour = parts.hour % 12 + (pm ? 12 : 0)
        }
        guard (0...23).contains(parts.hour), (0...59).contains(parts.minute), (0...60).contains(parts.second) else {
            return nil
        }
        if let dayOfYear = parts.dayOfYear {
            guard let first = DateValue(year: parts.year, month: 1, day: 1) else { return nil }
            let leap = DateValue(year: parts.year, month: 2, day: 29) != nil
            guard (1...(leap ? 366 : 365)).contains(dayOfYear) else { return nil }
            let date = DateValue(
                epochMilliseconds: first.epochMilliseconds + Int64(dayOfYear - 1) * 86_400_000,
                precision: .date
            )
            let components = date.components
            parts.month = components.month
            parts.day = components.day
        }
        guard DateValue(year: parts.year, month: parts.month, day: parts.day) != nil else { return nil }
        return parts
    }

    /// The pattern applied to 16 February 1995, 13:45:30 UTC, to show what it expects.
    var example: String {
        var out = ""
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        for token in tokens {
            switch token {
            case .literal(let byte): out.unicodeScalars.append(Unicode.Scalar(byte))
            case .year4: out += "1995"
            case .year2: out += "95"
            case .month: out += "02"
            case .day: out += "16"
            case .hour: out += "13"
            case .hour12: out += "01"
            case .minute: out += "45"
            case .second: out += "30"
            case .fraction: out += "000"
            case .monthName: out += "Feb"
            case .ampm: out += "PM"
            case .zone: out += "+0000"
            case .dayOfYear: out += pad(47, 3)
            }
        }
        return out
    }
}
