public import OrderedCollections

/// One line of CITES trade data with its codes normalised: a shipment of the CITES Trade Database, a line of a
/// comparative tabulation, or a row of a Party's annual trade report.
///
/// Codes are the CITES ones, upper case: the appendix as a Roman numeral (`I`, `II`, `III`, or `N` for
/// non-CITES), the term, unit, purpose and source codes of the annual-report guidelines (`CAV`, `KIL`, `T`, `W`),
/// and countries as the two-letter codes of the CITES Trade Database, which are ISO 3166-1 alpha-2 plus a few
/// codes of its own (`XX` unknown, `ZZ` introduction from the sea, former codes such as `ZR`); those stay
/// unresolved ``CountryRef``s with their code kept in ``CountryRef/original``. A `nil` unit means a number of
/// specimens.
public struct TradeRecord: CanonicalEntity {
    /// `.tradeRecord`.
    public static let kind = EntityKind.tradeRecord
    /// The shipment id of the Trade Database, or the row number of a file without ids.
    public var id: String
    /// The year the trade took place.
    public var year: Int?
    /// The CITES appendix: `I`, `II`, `III` or `N`.
    public var appendix: String?
    /// The scientific name of the taxon traded.
    public var taxon: String?
    /// The taxon's class.
    public var taxonClass: String?
    /// The taxon's order.
    public var taxonOrder: String?
    /// The taxon's family.
    public var family: String?
    /// The taxon's genus.
    public var genus: String?
    /// The term code: what was traded (`LIV` live, `CAV` caviar).
    public var term: String?
    /// The quantity of a shipment or an annual-report row.
    public var quantity: Double?
    /// The unit code (`KIL`); `nil` when the quantity is a number of specimens.
    public var unit: String?
    /// The quantity the importer reported (comparative tabulations).
    public var importerQuantity: Double?
    /// The quantity the exporter reported (comparative tabulations).
    public var exporterQuantity: Double?
    /// The country of import.
    public var importer: CountryRef?
    /// The country of export or re-export.
    public var exporter: CountryRef?
    /// The country of origin, when it is not the exporter.
    public var origin: CountryRef?
    /// The purpose code (`T` commercial).
    public var purpose: String?
    /// The source code (`W` wild).
    public var sourceCode: String?
    /// Who reported the line: `I` the importer or `E` the exporter.
    public var reporterType: String?
    /// The import permit number (or its hash in the Trade Database).
    public var importPermit: String?
    /// The export permit or re-export certificate number (or its hash).
    public var exportPermit: String?
    /// The permit of the country of origin, for re-exports (or its hash).
    public var originPermit: String?
    /// The certificate of introduction from the sea.
    public var ifsPermit: String?
    /// The spec's `protocolVersion` (unused by CITES sources).
    public var protocolVersion: Int?
    /// Where the record was read from: file, line and `row N`.
    public var source: SourceLocation?
    /// Provider-specific properties.
    public var extras = Extras()

    /// Creates a trade record with an id; set the other fields after.
    /// - Parameter id: The shipment id or row number.
    public init(id: String) { self.id = id }
}
