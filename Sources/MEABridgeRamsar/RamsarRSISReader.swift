public import MEABridgeCSV
public import MEABridgeCore
import MEABridgeJSON
import OrderedCollections

/// Diagnostic ids of the Ramsar reader.
extension DiagnosticID {
    /// A column the RSIS export always has is missing.
    public static let ramsarColumnMissing: DiagnosticID = "ramsar.column-missing"
    /// A yes/no cell (criteria, Montreux record, …) holds something else.
    public static let ramsarFlagInvalid: DiagnosticID = "ramsar.flag-invalid"
    /// A latitude or longitude cannot be read or is out of range.
    public static let ramsarCoordinateInvalid: DiagnosticID = "ramsar.coordinate-invalid"
}

/// What the Ramsar diagnostics mean (for `meabridge explain`).
public enum RamsarDiagnosticDescriptions {
    /// One description per diagnostic id of this module.
    public static let all: [DiagnosticDescription] = [
        DiagnosticDescription(
            .ramsarColumnMissing,
            .error,
            "A column of the RSIS site list export is missing.",
            "The export needs at least the site number (ramsarid), the site name and the country; export the site "
                + "list again from rsis.ramsar.org with these columns."
        ),
        DiagnosticDescription(
            .ramsarFlagInvalid,
            .warning,
            "A yes/no cell holds something else.",
            "Criterion1 … Criterion9, Montreux listed, the management plan and Ramsar Advisory Mission columns hold "
                + "yes/no values (Yes, No, TRUE, FALSE, 1, 0, x). The value is kept as text in the extras."
        ),
        DiagnosticDescription(
            .ramsarCoordinateInvalid,
            .error,
            "A latitude or longitude cannot be read or is out of range.",
            "Coordinates are decimal degrees (-90 to 90, -180 to 180), or degrees, minutes and seconds with a "
                + "hemisphere letter."
        ),
    ]
}

/// Reads the Ramsar Sites Information Service (RSIS) site list export, the CSV saved from rsis.ramsar.org search
/// results (convention-formats.md §5.1), into canonical Sites.
///
/// No real export was available when this reader was written: it follows the documented column list
/// (`Site name, Region, Country, Territory, Designation date, Last publication date, Area (ha), Latitude, Longitude,
/// Annotated summary, Criterion1 … Criterion9, Wetland Type, Maximum elevation, Minimum elevation, Montreux listed,
/// Management plan implemented, Management plan available, Ecosystem services, Threats, large administrative region,
/// Global international legal designations, Regional international legal designations, National conservation
/// designation, Does the wetland extend onto the territory of one or more other countries?, Ramsar Advisory
/// Mission?` plus `ramsarid`), matched by name whatever the case, spacing or punctuation.
///
/// Each row is a Site: id `ramsarid`, type and treaty `ramsar`, the English name, the country (a code, or a name in
/// the ISO 3166 or UN form; see `Schemas/csv/codes/country-names.csv`), latitude and longitude (decimal or
/// degrees-minutes-seconds), the RSIS page as URL and the last publication date as `updated`. The rest goes to the
/// extras: `designationDate` (dates are read day first: `dd/mm/yyyy`, with or without `00:00`, or ISO), `areaHa`,
/// `criteria` (the numbers of the criteria the site meets), the multi-valued cells (`wetlandTypes`,
/// `ecosystemServices`, `threats`, the designations) as arrays split at `;`, `|` or line breaks, the yes/no columns
/// as booleans, and any other column as text.
public struct RamsarRSISReader: RecordReader {
    /// `ramsar-rsis-csv`.
    public static let format = FormatDescriptor(
        id: "ramsar-rsis-csv",
        summary: "Ramsar RSIS site list export (CSV) into Sites",
        fileExtensions: ["csv"]
    )

    /// The table schema of the export.
    public static var defaultSchema: String? { "csv/ramsar-rsis.table-schema.json" }

    enum Column: Hashable {
        case id, name, region, country, territory, designationDate, publicationDate, area, latitude, longitude
        case summary
        case criterion(Int)
        case wetlandTypes, maximumElevation, minimumElevation, montreux
        case planImplemented, planAvailable, ecosystemServices, threats, administrativeRegion
        case globalDesignations, regionalDesignations, nationalDesignations, transboundary, advisoryMission
    }

    static let aliases: [Column: [String]] = {
        var aliases: [Column: [String]] = [
            .id: ["ramsarid", "Ramsar site number", "Site number", "Ramsar Site No."],
            .name: ["Site name", "officialname", "Official name"],
            .region: ["Region"],
            .country: ["Country", "iso3", "country_en"],
            .territory: ["Territory"],
            .designationDate: ["Designation date"],
            .publicationDate: ["Last publication date"],
            .area: ["Area (ha)", "area_off", "Area"],
            .latitude: ["Latitude"],
            .longitude: ["Longitude"],
            .summary: ["Annotated summary"],
            .wetlandTypes: ["Wetland Type", "Wetland Types"],
            .maximumElevation: ["Maximum elevation"],
            .minimumElevation: ["Minimum elevation"],
            .montreux: ["Montreux listed"],
            .planImplemented: ["Management plan implemented"],
            .planAvailable: ["Management plan available"],
            .ecosystemServices: ["Ecosystem services"],
            .threats: ["Threats"],
            .administrativeRegion: ["large administrative region"],
            .globalDesignations: ["Global international legal designations"],
            .regionalDesignations: ["Regional international legal designations"],
            .nationalDesignations: ["National conservation designation"],
            .transboundary: ["Does the wetland extend onto the territory of one or more other countries?"],
            .advisoryMission: ["Ramsar Advisory Mission?"],
        ]
        for number in 1...9 { aliases[.criterion(number)] = ["Criterion\(number)"] }
        return aliases
    }()

    private let options: ReadOptions

    /// Creates a reader.
    /// - Parameter options: The read options.
    public init(options: ReadOptions) { self.options = options }

    /// Recognises the export's header: a site number, the site name and criterion columns.
    /// - Parameter input: The first bytes and the name.
    /// - Returns: The confidence.
    public static func sniff(_ input: SniffInput) -> SniffConfidence {
        var tokenizer = CSVTokenizer(source: MemoryByteSource(input.prefix, name: input.name))
        var keys: Set<String> = []
        while (try? tokenizer.nextRow(report: { _ in })) == true {
            if tokenizer.isEmptyRow { continue }
            keys = Set(tokenizer.fields.map { CSVText.compactKey($0) })
            break
        }
        guard keys.contains("sitename") || keys.contains("officialname") else { return .no }
        let criteria = (1...9).filter { keys.contains("criterion\($0)") }.count
        if criteria >= 5, keys.contains("ramsarid") || keys.contains("designationdate") { return .certain }
        return criteria > 0 || keys.contains("ramsarid") ? .likely : .no
    }

    /// Reads every row into a Site.
    /// - Parameters:
    ///   - source: The CSV bytes.
    ///   - check: The table schema checked in the same pass, or `nil`.
    ///   - emit: Receives each Site.
    ///   - report: Receives problems.
    /// - Throws: `IOFailure` when reading fails, or what `emit` throws.
    public mutating func read(
        from source: some ByteSource,
        checking check: TableSchemaCheck?,
        emit: (Record) throws -> Void,
        report: (Diagnostic) -> Void
    ) throws {
        var reader = CSVTableReader(
            source: source,
            name: options.sourceName,
            dialect: options.delimiter.map(CSVDialect.init)
        )
        guard let header = try reader.readHeader(report: report) else { return }
        let checker = check?.checker(header: header, reader: reader, report: report)
        var columns: [Column: Int] = [:]
        var byKey: [String: Column] = [:]
        for (column, names) in Self.aliases {
            for name in names { byKey[CSVText.compactKey(name)] = column }
        }
        var others: [Int] = []
        for index in 0..<header.namedCount {
            if let column = byKey[header.compactKeys[index]], columns[column] == nil {
                columns[column] = index
            } else if !header.names[index].isEmpty {
                others.append(index)
            }
        }
        for (column, name) in [(Column.id, "ramsarid"), (.name, "Site name"), (.country, "Country")]
        where columns[column] == nil {
            report(
                Diagnostic(
                    id: .ramsarColumnMissing,
                    severity: .error,
                    message: "the header has no '\(name)' column of the RSIS site list export",
                    location: reader.rowLocation
                )
            )
        }
        let countries = CountryNames.bundled
        try withoutActuallyEscaping(report) { report in
            try readRows(
                &reader,
                checker: checker,
                header: header,
                columns: columns,
                others: others,
                countries: countries,
                emit: emit,
                report: report
            )
        }
    }

    private func readRows(
        _ reader: inout CSVTableReader,
        checker: TableRowChecker?,
        header: CSVHeader,
        columns: [Column: Int],
        others: [Int],
        countries: CountryNames,
        emit: (Record) throws -> Void,
        report: @escaping (Diagnostic) -> Void
    ) throws {
        var checker = checker
        // Whether the file has criterion columns is the same for every row.
        let hasCriteria = columns.keys.contains { if case .criterion = $0 { true } else { false } }
        while try reader.nextRow(checking: &checker, report: report) {
            let row = RowMapping(reader: reader, columns: columns, report: report)
            guard let id = row.text(.id) else {
                report(
                    Diagnostic(
                        id: .missingID,
                        severity: .error,
                        message: "row \(reader.rowNumber) has no site number (ramsarid); every Site needs one; skipped",
                        location: row.location(.id)
                    )
                )
                continue
            }
            var site = Site(id: id)
            site.source = reader.rowLocation
            site.type = TreatyID("ramsar")
            site.treaty = TreatyID("ramsar")
            if let name = row.text(.name) { site.name = LocalizedText([(LanguageCode("en"), name)]) }
            site.url = "https://rsis.ramsar.org/ris/\(id)"
            if let text = row.text(.country) {
                if let country = countries.resolve(text) {
                    site.country = country
                } else {
                    site.country = CountryRef(parsing: text)
                    row.problem(
                        .unknownCountry,
                        .warning,
                        .country,
                        "country '\(text)' is neither an ISO 3166-1 code nor a known country name"
                    )
                }
            }
            site.latitude = row.coordinate(.latitude, negative: ["S"], limit: 90)
            site.longitude = row.coordinate(.longitude, negative: ["W"], limit: 180)
            site.updated = row.date(.publicationDate)

            var extras = Extras()
            func put(_ key: String, _ value: ExtraValue?) { if let value { extras[key] = value } }
            put("region", row.text(.region).map(ExtraValue.string))
            put("territory", row.text(.territory).map(ExtraValue.string))
            put("designationDate", row.date(.designationDate).map { .string($0.iso8601) })
            put("areaHa", row.number(.area))
            put("annotatedSummary", row.text(.summary).map(ExtraValue.string))
            var criteria: [ExtraValue] = []
            for number in 1...9 {
                if case .bool(true)? = row.flag(.criterion(number)) { criteria.append(.number(String(number))) }
            }
            if hasCriteria {
                extras["criteria"] = .array(criteria)
            }
            put("wetlandTypes", row.items(.wetlandTypes))
            put("maximumElevation", row.number(.maximumElevation))
            put("minimumElevation", row.number(.minimumElevation))
            put("montreuxListed", row.flag(.montreux))
            put("managementPlanImplemented", row.flag(.planImplemented))
            put("managementPlanAvailable", row.flag(.planAvailable))
            put("ecosystemServices", row.items(.ecosystemServices))
            put("threats", row.items(.threats))
            put("largeAdministrativeRegion", row.text(.administrativeRegion).map(ExtraValue.string))
            put("globalDesignations", row.items(.globalDesignations))
            put("regionalDesignations", row.items(.regionalDesignations))
            put("nationalDesignations", row.items(.nationalDesignations))
            put("transboundary", row.flag(.transboundary))
            put("ramsarAdvisoryMission", row.flag(.advisoryMission))
            for index in others where !reader.isEmpty(index) {
                extras[header.names[index]] = .string(reader.trimmedValue(index))
            }
            site.extras = extras
            try emit(.site(site))
        }
    }
}

/// Reads the cells of one row, reporting what cannot be read.
private struct RowMapping {
    let reader: CSVTableReader
    let columns: [RamsarRSISReader.Column: Int]
    let report: (Diagnostic) -> Void

    func text(_ column: RamsarRSISReader.Column) -> String? {
        guard let index = columns[column], !reader.isEmpty(index) else { return nil }
        let value = reader.trimmedValue(index)
        return value.isEmpty ? nil : value
    }

    func location(_ column: RamsarRSISReader.Column) -> SourceLocation {
        columns[column].map { reader.location($0) } ?? reader.rowLocation
    }

    func problem(_ id: DiagnosticID, _ severity: Severity, _ column: RamsarRSISReader.Column, _ message: String) {
        report(
            Diagnostic(
                id: id,
                severity: severity,
                message: "row \(reader.rowNumber): \(message)",
                location: location(column)
            )
        )
    }

    func date(_ column: RamsarRSISReader.Column) -> DateValue? {
        guard let value = text(column) else { return nil }
        if let date = CSVValues.dayFirstDate(value) { return date }
        problem(.invalidDate, .warning, column, "'\(CSVText.shown(value))' is not a date (dd/mm/yyyy or yyyy-mm-dd)")
        return nil
    }

    func number(_ column: RamsarRSISReader.Column) -> ExtraValue? {
        guard let value = text(column) else { return nil }
        if let number = CSVValues.number(value) {
            var out: [UInt8] = []
            JSONOutput.appendNumber(number, to: &out)
            return .number(String(decoding: out, as: UTF8.self))
        }
        problem(.invalidNumber, .warning, column, "'\(CSVText.shown(value))' is not a number; kept as text")
        return .string(value)
    }

    func flag(_ column: RamsarRSISReader.Column) -> ExtraValue? {
        guard let value = text(column) else { return nil }
        if let flag = CSVValues.flag(value) { return .bool(flag) }
        problem(.ramsarFlagInvalid, .warning, column, "'\(CSVText.shown(value))' is not yes or no; kept as text")
        return .string(value)
    }

    func items(_ column: RamsarRSISReader.Column) -> ExtraValue? {
        guard let value = text(column) else { return nil }
        return .array(CSVValues.items(value).map(ExtraValue.string))
    }

    func coordinate(_ column: RamsarRSISReader.Column, negative: Set<Character>, limit: Double) -> Double? {
        guard let value = text(column) else { return nil }
        guard let degrees = CSVValues.coordinate(value, negative: negative), (-limit...limit).contains(degrees) else {
            problem(
                .ramsarCoordinateInvalid,
                .error,
                column,
                "'\(CSVText.shown(value))' is not a coordinate between -\(Int(limit)) and \(Int(limit)) degrees"
            )
            return nil
        }
        return degrees
    }
}

extension RamsarRSISReader: TableSchemaCheckingReader {}
