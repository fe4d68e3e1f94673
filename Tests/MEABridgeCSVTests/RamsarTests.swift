import MEABridgeCITES
import MEABridgeCSV
import MEABridgeCore
import MEABridgeRamsar
import MEABridgeTestSupport
import Testing

func readRamsar(_ bytes: [UInt8], name: String = "rsis.csv") throws -> Read {
    try read(RamsarRSISReader(options: ReadOptions(sourceName: name)), bytes, name: name)
}

/// An extra of a site, found by iterating (the tests do not import OrderedCollections).
func extra(_ site: Site, _ key: String) -> ExtraValue? { lookup(site.extras, key) }

private func lookup<S: Sequence>(_ pairs: S, _ key: String) -> ExtraValue?
where S.Element == (key: String, value: ExtraValue) {
    for pair in pairs where pair.key == key { return pair.value }
    return nil
}

extension Read {
    var sites: [Site] { records.compactMap { if case .site(let site) = $0 { site } else { nil } } }
}

/// The Ramsar sample in Samples/ramsar follows the documented RSIS column list (convention-formats.md §5.1); no real
/// export was available.
@Suite("ramsar-rsis-csv")
struct RamsarTests {
    @Test("the sample export: one Site per row, criteria, area, dates, coordinates and multi-valued cells")
    func sample() throws {
        let result = try readRamsar(try repositoryFile("Samples/ramsar/rsis-sites.csv"))
        #expect(result.problems.isEmpty, "\(result.problems.map(\.formatted))")
        let sites = result.sites
        #expect(sites.map(\.id) == ["1", "2481", "2553", "1080", "1234"])
        let first = try #require(sites.first)
        #expect(first.name.english == "Cobourg Peninsula")
        #expect(first.type == TreatyID("ramsar") && first.treaty == TreatyID("ramsar"))
        #expect(first.country == CountryRef(alpha2: "AU"))
        #expect(first.latitude == -11.35 && first.longitude == 132.25)
        #expect(first.url == "https://rsis.ramsar.org/ris/1")
        #expect(first.updated == DateValue(year: 2019, month: 3, day: 20))
        #expect(extra(first, "designationDate") == .string("1974-05-08"))
        #expect(extra(first, "areaHa") == .number("220700"))
        #expect(extra(first, "criteria") == .array(["1", "2", "3", "5", "6"].map(ExtraValue.number)))
        #expect(extra(first, "wetlandTypes") == .array(["A", "B", "F", "G", "I", "J"].map(ExtraValue.string)))
        #expect(extra(first, "managementPlanImplemented") == .bool(true))
        #expect(extra(first, "montreuxListed") == .bool(false))
        #expect(
            extra(first, "annotatedSummary")
                == .string(
                    "A peninsula of coastal wetlands, mangroves and seasonal swamps.\nFirst site designated under the Convention."
                )
        )
        #expect(first.source?.line == 2 && first.source?.path == "row 2")
        // Thousands separators, a UN-style country name, a code as country, a transboundary site.
        #expect(extra(sites[2], "areaHa") == .number("1234.5"))
        #expect(sites[3].country == CountryRef(alpha2: "TZ"))
        #expect(sites[3].updated == nil)
        #expect(sites[4].country == CountryRef(alpha2: "CZ"))
        #expect(extra(sites[4], "transboundary") == .bool(true))
        // Row 3 starts on line 4: the quoted summary of row 2 spans two lines.
        #expect(sites[1].source?.line == 4)
    }

    @Test("the sample validates against its table schema")
    func schema() throws {
        let diagnostics = try validate(
            path: Fixtures.repositoryRoot() + "/Samples/ramsar/rsis-sites.csv",
            schema: "ramsar-rsis.table-schema.json"
        )
        #expect(diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(diagnostics.map(\.formatted))")
    }

    @Test(
        "spreadsheet quirks: day-first dates with 00:00, DMS coordinates, UN country names; bad values at their cells"
    )
    func quirks() throws {
        let marked = MarkedText(
            """
            Ramsar ID,Site Name,Country,Designation Date,Latitude,Longitude,Criterion1,Criterion2,Montreux listed
            10,Alpha,Bolivia (Plurinational State of),02/02/2012 00:00,"16°30'00""S",68°09'W,x,,No
            11,Beta,Iran (Islamic Republic of),16/02/1995,1️⃣95,10,2️⃣Maybe,No,Yes
            ,Gamma,3️⃣Atlantis,4️⃣31/02/2001,1,1,No,No,No
            13,Delta,5️⃣Atlantis,6️⃣Present,1,1,No,No,No

            """
        )
        let result = try readRamsar(Array(marked.text.utf8))
        #expect(result.sites.map(\.id) == ["10", "11", "13"])
        let alpha = result.sites[0]
        #expect(alpha.country == CountryRef(alpha2: "BO"))
        #expect(extra(alpha, "designationDate") == .string("2012-02-02"))
        #expect(alpha.latitude == -16.5)
        #expect(alpha.longitude.map { abs($0 + 68.15) < 1e-9 } == true)
        #expect(extra(alpha, "criteria") == .array([.number("1")]))
        #expect(result.sites[1].country == CountryRef(alpha2: "IR"))
        #expect(result.sites[1].latitude == nil)
        func at(_ marker: String) throws -> Diagnostic? {
            let position = try #require(marked[marker])
            return result.diagnostics.first {
                $0.location?.line == position.line && $0.location?.column == position.column
            }
        }
        #expect(try at("1️⃣")?.id == .ramsarCoordinateInvalid)
        #expect(try at("2️⃣")?.id == .ramsarFlagInvalid)
        // The row without a site number is skipped, with one error.
        #expect(result.diagnostics(.missingID).count == 1)
        #expect(try at("3️⃣") == nil && at("4️⃣") == nil)
        #expect(try at("5️⃣")?.id == .unknownCountry)
        #expect(try at("6️⃣")?.id == .invalidDate)
        #expect(result.sites[2].country?.original == "Atlantis")
    }

    @Test(
        "sniffing: the export is recognised; CITES files are not Ramsar exports",
        .enabled(if: Fixtures.sharedSamplesEnabled, "../shared/samples is missing")
    )
    func sniffing() throws {
        let export = try repositoryFile("Samples/ramsar/rsis-sites.csv")
        #expect(RamsarRSISReader.sniff(SniffInput(prefix: export, name: "rsis.csv")) == .certain)
        #expect(CITESAnnualReportReader.sniff(SniffInput(prefix: export, name: "rsis.csv")) == .no)
        #expect(CITESTradeReader.sniff(SniffInput(prefix: export, name: "rsis.csv")) == .no)
        for file in ["quotas.csv", "exemptions.csv", "annual_report_upload_importer.csv"] {
            #expect(
                RamsarRSISReader.sniff(
                    SniffInput(prefix: try MEABridgeCSVTests.sample("cites/sapi/" + file), name: file)
                ) == .no
            )
        }
    }
}
