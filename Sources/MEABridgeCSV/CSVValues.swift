public import MEABridgeCore

/// Lenient readings of the values spreadsheets export, for readers (a table schema is strict instead).
public enum CSVValues {
    /// A date as spreadsheets write it: `dd/mm/yyyy` (day first, as in the SAPI and RSIS exports), the same with a
    /// time (`02/02/2012 00:00`: midnight gives a date, another time an instant), `dd.mm.yyyy`, `dd-mm-yyyy`, and
    /// every form ``DateValue/init(parsing:)`` reads (ISO 8601 first).
    /// - Parameter text: The value.
    /// - Returns: The date, or `nil` when it is not one (`Present`, `31/02/2001`).
    public static func dayFirstDate(_ text: String) -> DateValue? {
        let trimmed = CSVText.trimmed(text)
        guard !trimmed.isEmpty else { return nil }
        let bytes = Array(trimmed.utf8)
        if bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), let value = DateValue(parsing: trimmed) { return value }
        var index = 0
        func number(maxDigits: Int) -> Int? {
            var value = 0
            var count = 0
            while index < bytes.count, count < maxDigits, (0x30...0x39).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
                count += 1
            }
            return count > 0 ? value : nil
        }
        guard let day = number(maxDigits: 2), index < bytes.count else { return DateValue(parsing: trimmed) }
        let separator = bytes[index]
        guard separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".") || separator == UInt8(ascii: "-")
        else { return DateValue(parsing: trimmed) }
        index += 1
        guard let month = number(maxDigits: 2), index < bytes.count, bytes[index] == separator else { return nil }
        index += 1
        let yearStart = index
        guard let year = number(maxDigits: 4), index - yearStart == 4,
            let date = DateValue(year: year, month: month, day: day)
        else { return nil }
        if index == bytes.count { return date }
        // A time after the date: `hh:mm[:ss]`.
        guard bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "T") else { return nil }
        index += 1
        guard let hour = number(maxDigits: 2), index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            return nil
        }
        index += 1
        guard let minute = number(maxDigits: 2) else { return nil }
        var second = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            index += 1
            guard let value = number(maxDigits: 2) else { return nil }
            second = value
        }
        guard index == bytes.count, hour < 24, minute < 60, second < 60 else { return nil }
        if hour == 0, minute == 0, second == 0 { return date }
        return DateValue(
            epochMilliseconds: date.epochMilliseconds + Int64(((hour * 60 + minute) * 60 + second) * 1000),
            precision: .instant
        )
    }

    /// A yes/no flag: `yes`/`no`, `y`/`n`, `true`/`false`, `1`/`0`, `x` (a ticked box) and `oui`/`non`, `sí`/`no`,
    /// in any case.
    /// - Parameter text: The value.
    /// - Returns: The flag, or `nil` when the value is none of these.
    public static func flag(_ text: String) -> Bool? {
        switch CSVText.trimmed(text).lowercased() {
        case "yes", "y", "true", "1", "x", "oui", "sí", "si", "✓": true
        case "no", "n", "false", "0", "non": false
        default: nil
        }
    }

    /// A decimal number: `.` as decimal mark, thousands separated by `,` or spaces allowed when the groups are
    /// regular (`12,345.6`).
    /// - Parameter text: The value.
    /// - Returns: The number, or `nil`.
    public static func number(_ text: String) -> Double? {
        var trimmed = CSVText.trimmed(text)
        if trimmed.contains(",") || trimmed.contains(" ") {
            let integerPart = trimmed.split(separator: ".", maxSplits: 1).first.map(String.init) ?? trimmed
            let groups = integerPart.split(whereSeparator: { $0 == "," || $0 == " " })
            guard groups.count > 1, groups.dropFirst().allSatisfy({ $0.count == 3 }), (1...3).contains(groups[0].count)
            else { return nil }
            trimmed = String(trimmed.filter { $0 != "," && $0 != " " })
        }
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || ".-+eE".contains($0)) }) else {
            return nil
        }
        return Double(trimmed).flatMap { $0.isFinite ? $0 : nil }
    }

    /// A coordinate in decimal degrees: `12.5`, `-12.5`, `12.5 S`, `S 12.5`, or degrees, minutes and seconds
    /// (`12°30'00"S`, `12 30 00 S`).
    /// - Parameters:
    ///   - text: The value.
    ///   - negative: The hemisphere letters that make it negative (`S` for latitudes, `W` for longitudes).
    /// - Returns: The decimal degrees, or `nil`.
    public static func coordinate(_ text: String, negative: Set<Character>) -> Double? {
        var body = CSVText.trimmed(text).uppercased()
        var sign = 1.0
        if let last = body.last, "NSEW".contains(last) {
            if negative.contains(last) { sign = -1 }
            body.removeLast()
        } else if let first = body.first, "NSEW".contains(first) {
            if negative.contains(first) { sign = -1 }
            body.removeFirst()
        }
        let parts = body.split(whereSeparator: { "°'′\"″ ".contains($0) }).map(String.init)
        guard (1...3).contains(parts.count), let degrees = Double(parts[0]) else { return nil }
        if parts.count == 1 { return sign * degrees }
        guard let minutes = Double(parts[1]), (0..<60).contains(minutes), degrees >= 0 else { return nil }
        var value = degrees + minutes / 60
        if parts.count == 3 {
            guard let seconds = Double(parts[2]), (0..<60).contains(seconds) else { return nil }
            value += seconds / 3600
        }
        return sign * value
    }

    /// The items of a multi-valued cell, split at `;`, `|` and line breaks (never at commas, which occur inside
    /// items such as wetland type names), trimmed, empty items left out.
    /// - Parameter text: The value.
    /// - Returns: The items.
    public static func items(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { CSVText.trimmed(String($0)) }
            .filter { !$0.isEmpty }
    }
}
