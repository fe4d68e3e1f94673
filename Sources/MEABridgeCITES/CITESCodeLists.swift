import MEABridgeCSV
import MEABridgeCore

/// Why the CITES code lists could not be loaded.
public struct CodeListFailure: Error, Sendable, CustomStringConvertible {
    /// The file or folder concerned.
    public var path: String
    /// What went wrong.
    public var message: String

    /// Creates a failure.
    /// - Parameters:
    ///   - path: The file or folder.
    ///   - message: What went wrong.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `PATH: MESSAGE`.
    public var description: String { "\(path): \(message)" }
}

/// The CITES code lists that trade data is checked and normalised against.
///
/// They are loaded from data files in `Schemas/csv/codes/` (the README there says where each list comes from):
///
/// - `cites-terms.csv`: term codes with their English, French and Spanish names (`CAV`, caviar);
/// - `cites-units.csv`: unit codes with their names (`KIL`, kg); no unit means a number of specimens;
/// - `cites-purposes.csv`, `cites-sources.csv`: purpose and source codes;
/// - `cites-parties.csv`: the two-letter country codes of the CITES Trade Database: ISO 3166-1 alpha-2, CITES
///   codes of its own (`XX` unknown, `ZZ` introduction from the sea, `XF` Africa, …) and former codes (`ZR`, `YD`).
public struct CITESCodeLists: Sendable {
    /// One code and its names.
    public struct Code: Sendable, Hashable {
        /// The code (`CAV`).
        public var code: String
        /// Its names: English, French, Spanish (empty when unknown).
        public var names: [String]
    }

    /// One country code of the Trade Database.
    public struct Country: Sendable, Hashable {
        /// What kind of code it is.
        public enum Kind: String, Sendable, Hashable {
            /// An ISO 3166-1 alpha-2 code.
            case iso
            /// A code no longer in use (`ZR` Zaire, `YD` Democratic Yemen).
            case former
            /// A code of the Trade Database only (`XX`, `ZZ`, `XF`, `KV`).
            case nonISO = "non-iso"
        }
        /// The code.
        public var code: String
        /// The English name.
        public var name: String
        /// The kind of code.
        public var kind: Kind
        /// When the country joined CITES (`YYYY-MM-DD`), if it is a Party.
        public var joined: String?
    }

    /// Term codes by code.
    public let terms: [String: Code]
    /// Unit codes by code.
    public let units: [String: Code]
    /// Purpose codes by code.
    public let purposes: [String: Code]
    /// Source codes by code.
    public let sources: [String: Code]
    /// Country codes by code.
    public let countries: [String: Country]
    private let termNames: [String: String]
    private let unitNames: [String: String]

    /// The lists in `Schemas/csv/codes/`, loaded once (see ``SchemaDirectory``).
    public static let bundled: Result<CITESCodeLists, CodeListFailure> = {
        guard let directory = SchemaDirectory.file("csv/codes") else {
            return .failure(
                CodeListFailure(
                    path: "Schemas/csv/codes",
                    message: "not found; set MEABRIDGE_SCHEMA_DIR to the Schemas folder"
                )
            )
        }
        do throws(CodeListFailure) {
            return .success(try load(directory: directory))
        } catch {
            return .failure(error)
        }
    }()

    /// Loads the lists from a folder.
    /// - Parameter directory: The folder holding the five files.
    /// - Returns: The lists.
    /// - Throws: `CodeListFailure` when a file is missing or malformed.
    public static func load(directory: String) throws(CodeListFailure) -> CITESCodeLists {
        let terms = try codes(directory + "/cites-terms.csv")
        let units = try codes(directory + "/cites-units.csv")
        let purposes = try codes(directory + "/cites-purposes.csv")
        let sources = try codes(directory + "/cites-sources.csv")
        var countries: [String: Country] = [:]
        for row in try table(directory + "/cites-parties.csv", columns: ["code", "name", "kind", "joined"]) {
            guard let kind = Country.Kind(rawValue: row[2]) else {
                throw CodeListFailure(path: directory + "/cites-parties.csv", message: "unknown kind '\(row[2])'")
            }
            countries[row[0]] = Country(code: row[0], name: row[1], kind: kind, joined: row[3].isEmpty ? nil : row[3])
        }
        return CITESCodeLists(terms: terms, units: units, purposes: purposes, sources: sources, countries: countries)
    }

    /// Creates lists from their entries.
    /// - Parameters:
    ///   - terms: Term codes.
    ///   - units: Unit codes.
    ///   - purposes: Purpose codes.
    ///   - sources: Source codes.
    ///   - countries: Country codes.
    public init(
        terms: [String: Code],
        units: [String: Code],
        purposes: [String: Code],
        sources: [String: Code],
        countries: [String: Country]
    ) {
        self.terms = terms
        self.units = units
        self.purposes = purposes
        self.sources = sources
        self.countries = countries
        termNames = Self.nameIndex(terms)
        unitNames = Self.nameIndex(units)
    }

    /// Lower-case names in every language → code; the first code (in code order) wins a name two codes share.
    private static func nameIndex(_ codes: [String: Code]) -> [String: String] {
        var index: [String: String] = [:]
        for language in 0..<3 {
            for code in codes.keys.sorted() {
                guard let names = codes[code]?.names, language < names.count else { continue }
                let key = CSVText.headerKey(names[language])
                if !key.isEmpty, index[key] == nil { index[key] = code }
            }
        }
        return index
    }

    /// The term code for a code or a name in English, French or Spanish, in any case (`cav`, `caviar`, `vivant`).
    /// - Parameter text: The value.
    /// - Returns: The code, or `nil` when unknown.
    public func term(_ text: String) -> String? { lookup(text, terms, termNames) }

    /// The unit code for a code or a name (`KIL`, `kg`).
    /// - Parameter text: The value.
    /// - Returns: The code, or `nil` when unknown.
    public func unit(_ text: String) -> String? { lookup(text, units, unitNames) }

    /// The purpose code for a code in any case.
    /// - Parameter text: The value.
    /// - Returns: The code, or `nil` when unknown.
    public func purpose(_ text: String) -> String? { lookup(text, purposes, [:]) }

    /// The source code for a code in any case.
    /// - Parameter text: The value.
    /// - Returns: The code, or `nil` when unknown.
    public func source(_ text: String) -> String? { lookup(text, sources, [:]) }

    /// The country code entry for a two-letter code in any case.
    /// - Parameter text: The value.
    /// - Returns: The entry, or `nil` when the Trade Database does not know the code.
    public func country(_ text: String) -> Country? {
        countries[text] ?? countries[text.uppercased()]
    }

    private func lookup(_ text: String, _ codes: [String: Code], _ names: [String: String]) -> String? {
        if codes[text] != nil { return text }
        let upper = text.uppercased()
        if codes[upper] != nil { return upper }
        return names[CSVText.headerKey(text)]
    }

    private static func codes(_ path: String) throws(CodeListFailure) -> [String: Code] {
        var codes: [String: Code] = [:]
        for row in try table(path, columns: ["code", "en", "fr", "es"]) {
            codes[row[0]] = Code(code: row[0], names: Array(row[1...]))
        }
        return codes
    }

    /// The rows of a small CSV file, with the named columns in order.
    private static func table(_ path: String, columns: [String]) throws(CodeListFailure) -> [[String]] {
        do {
            var reader = CSVTableReader(source: try FileByteSource(path: path), dialect: .comma)
            var problems: [Diagnostic] = []
            guard let header = try reader.readHeader(report: { problems.append($0) }) else {
                throw CodeListFailure(path: path, message: "empty file")
            }
            let indexes = columns.map { header.index(of: $0) }
            if let missing = zip(columns, indexes).first(where: { $0.1 == nil }) {
                throw CodeListFailure(path: path, message: "no column '\(missing.0)'")
            }
            var rows: [[String]] = []
            while try reader.nextRow(report: { problems.append($0) }) {
                rows.append(indexes.map { reader.value($0 ?? 0) })
            }
            if let problem = problems.first(where: { $0.severity >= .error }) {
                throw CodeListFailure(path: path, message: problem.formatted)
            }
            return rows
        } catch let failure as CodeListFailure {
            throw failure
        } catch {
            throw CodeListFailure(path: path, message: "\(error)")
        }
    }
}
