import GeneratorSupport

/// One taxon with its higher taxonomy, as the Trade Database lists it (class and order are empty for many plants).
struct Taxon {
    var name: String
    var taxonClass: String
    var order: String
    var family: String
    var genus: String
    var appendix: String
}

/// Writes rows shaped like the CITES Trade Database bulk release (`trade_db_<n>.csv`, convention-formats.md §3.2):
/// the 20 columns in their order, text columns quoted, many empty cells (origin, unit, permits), ISO and CITES
/// country codes, English term and unit names, and a few non-ASCII and quote-holding taxon names.
struct TradeRowGenerator {
    static let header =
        "Id,Year,Appendix,Taxon,Class,Order,Family,Genus,Term,Quantity,Unit,Importer,Exporter,Origin,Purpose,"
        + "Source,Reporter.type,Import.permit.RandomID,Export.permit.RandomID,Origin.permit.RandomID\n"

    static let taxa: [Taxon] = [
        Taxon(
            name: "Acipenser baerii",
            taxonClass: "Actinopteri",
            order: "Acipenseriformes",
            family: "Acipenseridae",
            genus: "Acipenser",
            appendix: "II"
        ),
        Taxon(
            name: "Acipenser gueldenstaedtii",
            taxonClass: "Actinopteri",
            order: "Acipenseriformes",
            family: "Acipenseridae",
            genus: "Acipenser",
            appendix: "II"
        ),
        Taxon(
            name: "Python reticulatus",
            taxonClass: "Reptilia",
            order: "Squamata",
            family: "Pythonidae",
            genus: "Python",
            appendix: "II"
        ),
        Taxon(
            name: "Crocodylus niloticus",
            taxonClass: "Reptilia",
            order: "Crocodylia",
            family: "Crocodylidae",
            genus: "Crocodylus",
            appendix: "I"
        ),
        Taxon(
            name: "Alligator mississippiensis",
            taxonClass: "Reptilia",
            order: "Crocodylia",
            family: "Alligatoridae",
            genus: "Alligator",
            appendix: "II"
        ),
        Taxon(
            name: "Loxodonta africana",
            taxonClass: "Mammalia",
            order: "Proboscidea",
            family: "Elephantidae",
            genus: "Loxodonta",
            appendix: "I"
        ),
        Taxon(
            name: "Panthera pardus",
            taxonClass: "Mammalia",
            order: "Carnivora",
            family: "Felidae",
            genus: "Panthera",
            appendix: "I"
        ),
        Taxon(
            name: "Psittacus erithacus",
            taxonClass: "Aves",
            order: "Psittaciformes",
            family: "Psittacidae",
            genus: "Psittacus",
            appendix: "I"
        ),
        Taxon(
            name: "Macaca fascicularis",
            taxonClass: "Mammalia",
            order: "Primates",
            family: "Cercopithecidae",
            genus: "Macaca",
            appendix: "II"
        ),
        Taxon(
            name: "Strombus gigas",
            taxonClass: "Gastropoda",
            order: "Mesogastropoda",
            family: "Strombidae",
            genus: "Strombus",
            appendix: "II"
        ),
        Taxon(
            name: "Scleractinia spp.",
            taxonClass: "Anthozoa",
            order: "Scleractinia",
            family: "",
            genus: "",
            appendix: "II"
        ),
        Taxon(
            name: "Aloe ferox",
            taxonClass: "",
            order: "Liliales",
            family: "Liliaceae",
            genus: "Aloe",
            appendix: "II"
        ),
        Taxon(
            name: "Galanthus woronowii",
            taxonClass: "",
            order: "Liliales",
            family: "Liliaceae",
            genus: "Galanthus",
            appendix: "II"
        ),
        Taxon(
            name: "Dalbergia nigra",
            taxonClass: "",
            order: "Fabales",
            family: "Leguminosae",
            genus: "Dalbergia",
            appendix: "I"
        ),
        Taxon(
            name: "Pericopsis elata",
            taxonClass: "",
            order: "Fabales",
            family: "Leguminosae",
            genus: "Pericopsis",
            appendix: "II"
        ),
        Taxon(
            name: "Orchidaceae hybrid",
            taxonClass: "",
            order: "Orchidales",
            family: "Orchidaceae",
            genus: "",
            appendix: "II"
        ),
        Taxon(
            name: "Phalaenopsis × hybrid",
            taxonClass: "",
            order: "Orchidales",
            family: "Orchidaceae",
            genus: "Phalaenopsis",
            appendix: "II"
        ),
        Taxon(
            name: "Paphiopedilum 'Mémoire Élodie'",
            taxonClass: "",
            order: "Orchidales",
            family: "Orchidaceae",
            genus: "Paphiopedilum",
            appendix: "I"
        ),
        Taxon(
            name: "Cattleya \"Señorita\", cv.",
            taxonClass: "",
            order: "Orchidales",
            family: "Orchidaceae",
            genus: "Cattleya",
            appendix: "II"
        ),
        Taxon(
            name: "Tillandsia xerographica",
            taxonClass: "",
            order: "Bromeliales",
            family: "Bromeliaceae",
            genus: "Tillandsia",
            appendix: "II"
        ),
        Taxon(
            name: "Hippocampus kuda",
            taxonClass: "Actinopteri",
            order: "Syngnathiformes",
            family: "Syngnathidae",
            genus: "Hippocampus",
            appendix: "II"
        ),
        Taxon(
            name: "Tridacna derasa",
            taxonClass: "Bivalvia",
            order: "Veneroida",
            family: "Tridacnidae",
            genus: "Tridacna",
            appendix: "II"
        ),
        Taxon(
            name: "Ursus arctos",
            taxonClass: "Mammalia",
            order: "Carnivora",
            family: "Ursidae",
            genus: "Ursus",
            appendix: "II"
        ),
        Taxon(
            name: "Varanus salvator",
            taxonClass: "Reptilia",
            order: "Squamata",
            family: "Varanidae",
            genus: "Varanus",
            appendix: "II"
        ),
    ]

    /// English term names of the CITES term list (SAPI `lib/files/term_codes_utf8.csv`).
    static let terms = [
        "live", "live", "live", "skins", "skins", "caviar", "meat", "bodies", "carvings", "leather products (small)",
        "leather products (large)", "trophies", "derivatives", "specimens", "timber", "sawn wood", "extract",
        "feathers", "shells", "teeth", "tusks", "ivory carvings", "skin pieces", "raw corals", "dried plants",
        "seeds", "roots", "flowers", "garments", "scales",
    ]

    /// English unit names (SAPI `lib/files/unit_codes_utf8.csv`); an empty unit is a number of specimens.
    static let units = ["kg", "kg", "g", "m", "cm", "l", "ml", "cu.m", "sq.m", "pairs", "sets", "items", "boxes"]

    /// ISO 3166-1 alpha-2 codes and a few CITES codes of their own (`XX` unknown, `ZZ` introduction from the sea).
    static let countries = [
        "US", "FR", "DE", "IT", "JP", "CN", "GB", "ES", "CH", "NL", "BE", "ZA", "ZW", "ID", "MY", "SG", "TH", "VN",
        "BR", "AR", "MX", "CA", "AU", "NZ", "KE", "TZ", "NA", "BW", "MG", "PE", "CO", "EC", "IN", "PK", "RU", "KZ",
        "AE", "SA", "TR", "EG", "NG", "CM", "CD", "GA", "CG", "XX", "ZZ", "KR", "HK", "MO",
    ]

    static let purposes = ["T", "T", "T", "T", "T", "T", "P", "H", "S", "Z", "Q", "E", "B", "M", "N", "G", "L", ""]
    static let sources = ["W", "W", "W", "W", "C", "C", "A", "A", "D", "F", "R", "I", "O", "U", "X", ""]

    private var random: SplitMix64
    private var id = 1_000_000

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// Appends `"text"`, doubling quotes.
    private func quoted(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }

    private mutating func permit(_ percent: Int, into out: inout [UInt8]) {
        guard random.percent(percent) else { return }
        let digits = Array("0123456789abcdef".utf8)
        var value = random.next()
        for _ in 0..<10 {
            out.append(digits[Int(value & 0xF)])
            value >>= 4
        }
    }

    private mutating func quantity(into out: inout [UInt8]) {
        switch random.below(10) {
        case 0...5: out.append(contentsOf: String(1 + random.below(200)).utf8)
        case 6...7: out.append(contentsOf: String(1 + random.below(100_000)).utf8)
        case 8:
            out.append(contentsOf: String(random.below(1000)).utf8)
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: String(random.below(100)).utf8)
        default:
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: String(1 + random.below(999)).utf8)
        }
    }

    /// Appends one row with its line end.
    mutating func appendRow(into out: inout [UInt8]) {
        id += 1 + random.below(3)
        let comma = UInt8(ascii: ",")
        let taxon = random.pick(Self.taxa)
        out.append(contentsOf: String(id).utf8)
        out.append(comma)
        out.append(contentsOf: String(1975 + random.below(49)).utf8)
        out.append(comma)
        out.append(contentsOf: (random.percent(3) ? "N" : taxon.appendix).utf8)
        out.append(comma)
        quoted(taxon.name, into: &out)
        out.append(comma)
        quoted(taxon.taxonClass, into: &out)
        out.append(comma)
        quoted(taxon.order, into: &out)
        out.append(comma)
        quoted(taxon.family, into: &out)
        out.append(comma)
        quoted(taxon.genus, into: &out)
        out.append(comma)
        quoted(random.pick(Self.terms), into: &out)
        out.append(comma)
        quantity(into: &out)
        out.append(comma)
        if !random.percent(55) { quoted(random.pick(Self.units), into: &out) }
        out.append(comma)
        let importer = random.pick(Self.countries)
        var exporter = random.pick(Self.countries)
        if exporter == importer { exporter = "CN" == importer ? "US" : "CN" }
        out.append(contentsOf: importer.utf8)
        out.append(comma)
        out.append(contentsOf: exporter.utf8)
        out.append(comma)
        if random.percent(35) { out.append(contentsOf: random.pick(Self.countries).utf8) }
        out.append(comma)
        out.append(contentsOf: random.pick(Self.purposes).utf8)
        out.append(comma)
        out.append(contentsOf: random.pick(Self.sources).utf8)
        out.append(comma)
        out.append(random.percent(50) ? UInt8(ascii: "I") : UInt8(ascii: "E"))
        out.append(comma)
        permit(60, into: &out)
        out.append(comma)
        permit(80, into: &out)
        out.append(comma)
        permit(15, into: &out)
        out.append(UInt8(ascii: "\n"))
    }
}
