public import MEABridgeCore
import MEABridgeJSON

/// Writes trade records as a clean, normalised CSV, one row per record, deterministic (the same records give the
/// same bytes).
///
/// The header is always the same 23 columns, in this order (``header``):
///
/// | column | value |
/// |---|---|
/// | `id` | the shipment id, or the row number in the source file |
/// | `year` | the year of trade |
/// | `appendix` | `I`, `II`, `III` or `N` |
/// | `taxon`, `class`, `order`, `family`, `genus` | the scientific name and higher taxonomy |
/// | `term` | the CITES term code (`CAV`) |
/// | `quantity` | the quantity of a shipment or report row |
/// | `unit` | the CITES unit code (`KIL`); empty for a number of specimens |
/// | `importer_quantity`, `exporter_quantity` | the quantities each side reported (comparative tabulations) |
/// | `importer`, `exporter`, `origin` | two-letter CITES country codes (ISO 3166-1 alpha-2 or `XX`, `ZZ`, …) |
/// | `purpose`, `source` | the CITES purpose and source codes |
/// | `reporter_type` | `I` (importer) or `E` (exporter) |
/// | `import_permit`, `export_permit`, `origin_permit`, `ifs_permit` | permit numbers or their hashes |
///
/// Comma-separated, UTF-8 without a byte order mark, LF line ends (RFC 4180 otherwise): a value is quoted only when
/// it holds a comma, a quote, a line break or leading or trailing spaces, and quotes are doubled. Numbers are
/// written in their shortest exact form (`0.2`, `6`), with `.` as decimal mark. Missing values are empty cells.
/// Records of other entities are not written (a warning names the first of each). `Schemas/csv/
/// meabridge-trade.table-schema.json` describes the output, and the `cites-trade-csv` reader reads it back.
public struct TradeCSVWriter: RecordWriter {
    /// `csv`.
    public static let format = FormatDescriptor(
        id: "csv",
        summary: "CITES trade records as a normalised CSV with a fixed, documented header",
        fileExtensions: ["csv"]
    )

    /// The header row's column names, in order.
    public static let header = [
        "id", "year", "appendix", "taxon", "class", "order", "family", "genus", "term", "quantity", "unit",
        "importer_quantity", "exporter_quantity", "importer", "exporter", "origin", "purpose", "source",
        "reporter_type", "import_permit", "export_permit", "origin_permit", "ifs_permit",
    ]

    /// What the writer's diagnostic means (for `meabridge explain`).
    public static let diagnosticDescriptions = [
        DiagnosticDescription(
            "writer.entity-unsupported",
            .warning,
            "The output format cannot carry records of this entity.",
            "The csv writer writes CITES trade records only; convert other records to ndjson or an InforMEA format."
        )
    ]

    private var skipped: Set<EntityKind> = []

    /// Creates a writer.
    /// - Parameter options: Unused: the CSV carries no source locations.
    public init(options: WriteOptions) {}

    /// Writes the header row.
    /// - Parameter out: The output buffer.
    public mutating func begin(into out: inout [UInt8]) {
        out.append(contentsOf: Self.header.joined(separator: ",").utf8)
        out.append(0x0A)
    }

    /// Writes one trade record as one row; other records are skipped with a warning (once per entity).
    /// - Parameters:
    ///   - record: The record.
    ///   - out: The output buffer.
    ///   - report: Receives the warning for records that are not trade records.
    public mutating func write(_ record: Record, into out: inout [UInt8], report: (Diagnostic) -> Void) {
        guard case .tradeRecord(let trade) = record else {
            if skipped.insert(record.kind).inserted {
                report(
                    Diagnostic(
                        id: "writer.entity-unsupported",
                        severity: .warning,
                        message: "the csv writer writes trade records only; \(record.kind.typeName) records such as "
                            + "'\(record.id)' are left out",
                        location: record.source
                    )
                )
            }
            return
        }
        Self.text(trade.id, &out)
        out.append(0x2C)
        if let year = trade.year { JSONOutput.appendInteger(Int64(year), to: &out) }
        for value in [
            trade.appendix, trade.taxon, trade.taxonClass, trade.taxonOrder, trade.family, trade.genus, trade.term,
        ] {
            out.append(0x2C)
            Self.text(value, &out)
        }
        out.append(0x2C)
        Self.number(trade.quantity, &out)
        out.append(0x2C)
        Self.text(trade.unit, &out)
        out.append(0x2C)
        Self.number(trade.importerQuantity, &out)
        out.append(0x2C)
        Self.number(trade.exporterQuantity, &out)
        for country in [trade.importer, trade.exporter, trade.origin] {
            out.append(0x2C)
            Self.text(country.map { $0.alpha2 ?? $0.original }, &out)
        }
        for value in [
            trade.purpose, trade.sourceCode, trade.reporterType, trade.importPermit, trade.exportPermit,
            trade.originPermit, trade.ifsPermit,
        ] {
            out.append(0x2C)
            Self.text(value, &out)
        }
        out.append(0x0A)
    }

    /// Writes nothing after the last row.
    /// - Parameter out: The output buffer.
    public mutating func end(into out: inout [UInt8]) {}

    /// A number in its shortest exact form; nothing for `nil` or a value that is not finite.
    private static func number(_ value: Double?, _ out: inout [UInt8]) {
        guard let value, value.isFinite else { return }
        JSONOutput.appendNumber(value, to: &out)
    }

    /// A value, quoted when it needs to be.
    private static func text(_ value: String?, _ out: inout [UInt8]) {
        guard let value else { return }
        let utf8 = value.utf8
        let needsQuotes =
            utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || utf8.first == 0x20 || utf8.last == 0x20
        guard needsQuotes else {
            out.append(contentsOf: utf8)
            return
        }
        out.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }
}
