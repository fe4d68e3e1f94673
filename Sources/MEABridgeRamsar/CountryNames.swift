import MEABridgeCSV
import MEABridgeCore

/// Resolves a country written as a code or as an English name: ISO 3166-1 codes (alpha-2, alpha-3, numeric), the
/// ISO 3166 short names of iso-codes (`Bolivia, Plurinational State of`), the same in the UN form
/// (`Bolivia (Plurinational State of)`), and the UN names that differ more, listed in
/// `Schemas/csv/codes/country-names.csv` (`United Republic of Tanzania`).
struct CountryNames: Sendable {
    private var byName: [String: String] = [:]

    /// The ISO names and the bundled alias file (when `Schemas/` is found).
    static let bundled: CountryNames = {
        var names = CountryNames()
        for entry in ISOCountries.all { names.add(entry.name, entry.alpha2) }
        if let path = SchemaDirectory.file("csv/codes/country-names.csv"),
            let source = try? FileByteSource(path: path)
        {
            var reader = CSVTableReader(source: source, dialect: .comma)
            if let header = try? reader.readHeader(report: { _ in }), let name = header.index(of: "name"),
                let code = header.index(of: "code")
            {
                while (try? reader.nextRow(report: { _ in })) == true {
                    names.add(reader.value(name), reader.value(code))
                }
            }
        }
        return names
    }()

    private mutating func add(_ name: String, _ code: String) {
        let key = CSVText.headerKey(name)
        if byName[key] == nil { byName[key] = code }
        // `Iran, Islamic Republic of` is also written `Iran (Islamic Republic of)`.
        if let comma = name.firstIndex(of: ",") {
            let head = name[..<comma]
            let tail = name[name.index(after: comma)...].drop { $0 == " " }
            let form = CSVText.headerKey("\(head) (\(tail))")
            if byName[form] == nil { byName[form] = code }
        }
    }

    /// The country for a code or a name; `nil` when neither.
    func resolve(_ text: String) -> CountryRef? {
        if let code = CountryRef(parsing: text), code.isResolved { return code }
        return byName[CSVText.headerKey(text)].map { CountryRef(alpha2: $0) }
    }
}
