import MEABridgeCore
import Testing

@Suite("CountryRef and ISOCountries")
struct CountryTests {
    @Test(
        "Codes resolve to alpha-2",
        arguments: [
            ("HU", "HU"), ("hu", "HU"), ("ec", "EC"), ("at", "AT"), (" at ", "AT"),
            ("\u{00A0}RO\u{00A0}", "RO"), ("\tuy\n", "UY"),
            ("SEN", "SN"), ("sen", "SN"), ("Hun", "HU"),
            ("840", "US"), ("036", "AU"), ("36", "AU"), ("4", "AF"),
            ("UK", "GB"), ("uk", "GB"), ("EL", "GR"), ("el", "GR"),
        ]
    )
    func resolves(input: String, alpha2: String) throws {
        let country = try #require(CountryRef(parsing: input))
        #expect(country.alpha2 == alpha2)
        #expect(country.isResolved)
        #expect(country.description == alpha2)
    }

    @Test("The original text is kept, trimmed")
    func keepsOriginal() throws {
        let country = try #require(CountryRef(parsing: "\u{00A0} sen "))
        #expect(country.original == "sen")
        #expect(country.alpha2 == "SN")
        #expect(country.alpha3 == "SEN")
        #expect(country.numeric == "686")
        #expect(country.name == "Senegal")
    }

    @Test("Empty or blank input gives nil", arguments: ["", " ", "\u{00A0}", " \t\r\n", "\u{FEFF}"])
    func emptyIsNil(input: String) {
        #expect(CountryRef(parsing: input) == nil)
    }

    @Test(
        "Unknown values stay unresolved with their text",
        arguments: [
            "XX", "Côte d'Ivoire", "-", "Hungary", "YU", "ZR", "AN", "CS", "YUCS", "H", "HUNG",
            "0", "000", "1000", "ÜK",
        ]
    )
    func unresolved(input: String) throws {
        let country = try #require(CountryRef(parsing: input))
        #expect(country.alpha2 == nil)
        #expect(!country.isResolved)
        #expect(country.original == input)
        #expect(country.description == input)
        #expect(country.alpha3 == nil && country.numeric == nil && country.name == nil)
    }

    @Test("init(alpha2:) resolves table codes only")
    func fromAlpha2() {
        #expect(CountryRef(alpha2: "FR").alpha2 == "FR")
        #expect(CountryRef(alpha2: "fr").alpha2 == "FR")
        #expect(CountryRef(alpha2: "fr").original == "fr")
        #expect(CountryRef(alpha2: "ZZ").alpha2 == nil)
        #expect(CountryRef(alpha2: "ZZ").original == "ZZ")
        #expect(CountryRef(alpha2: "FRA").alpha2 == nil)
    }

    @Test("Equality and hashing follow the country")
    func equality() throws {
        let a = try #require(CountryRef(parsing: "HUN"))
        let b = try #require(CountryRef(parsing: " hu"))
        let c = try #require(CountryRef(parsing: "348"))
        #expect(a == b && b == c)
        #expect(Set([a, b, c]).count == 1)
        #expect(CountryRef(parsing: "XX") == CountryRef(parsing: " XX "))
        #expect(CountryRef(parsing: "XX") != CountryRef(parsing: "xx"))
        #expect(CountryRef(parsing: "GB") == CountryRef(parsing: "UK"))
        #expect(CountryRef(alpha2: "ZZ") != CountryRef(alpha2: "GB"))
    }

    @Test("Lookups are case-insensitive")
    func lookups() throws {
        let hungary = try #require(ISOCountries.byAlpha2("hu"))
        #expect(hungary.alpha2 == "HU" && hungary.alpha3 == "HUN" && hungary.numeric == "348")
        #expect(hungary.name == "Hungary")
        #expect(ISOCountries.byAlpha3("sen")?.alpha2 == "SN")
        #expect(ISOCountries.byAlpha3("SN") == nil)
        #expect(ISOCountries.byAlpha2("SEN") == nil)
        #expect(ISOCountries.byAlpha2("UK") == nil)  // aliases belong to CountryRef(parsing:)
        #expect(ISOCountries.byNumeric("36")?.alpha2 == "AU")
        #expect(ISOCountries.byAlpha2("BO")?.name == "Bolivia, Plurinational State of")
        #expect(ISOCountries.byAlpha2("CI")?.name == "Côte d'Ivoire")
    }

    @Test("The table is complete and sorted")
    func table() {
        let all = ISOCountries.all
        #expect(all.count >= 249)
        #expect(all.map(\.alpha2) == all.map(\.alpha2).sorted())
        #expect(Set(all.map(\.alpha2)).count == all.count)
        #expect(Set(all.map(\.alpha3)).count == all.count)
        #expect(Set(all.map(\.numeric)).count == all.count)
    }

    @Test("Every row round-trips alpha-2 → alpha-3 → alpha-2 and numeric")
    func roundTrip() throws {
        for entry in ISOCountries.all {
            #expect(entry.alpha2.utf8.count == 2 && entry.alpha3.utf8.count == 3 && entry.numeric.utf8.count == 3)
            let byAlpha2 = try #require(ISOCountries.byAlpha2(entry.alpha2))
            #expect(byAlpha2.alpha3 == entry.alpha3)
            let byAlpha3 = try #require(ISOCountries.byAlpha3(byAlpha2.alpha3))
            #expect(byAlpha3.alpha2 == entry.alpha2)
            #expect(ISOCountries.byNumeric(entry.numeric)?.alpha2 == entry.alpha2)
            #expect(CountryRef(parsing: entry.alpha3.lowercased())?.alpha2 == entry.alpha2)
            #expect(CountryRef(parsing: entry.numeric)?.alpha2 == entry.alpha2)
            #expect(CountryRef(alpha2: entry.alpha2).name == entry.name)
        }
    }

    @Test(
        "Former ISO 3166-3 codes are found",
        arguments: [
            ("YU", "YUCS"), ("yug", "YUCS"), ("YUCS", "YUCS"), ("AN", "ANHH"), ("ZR", "ZRCD"),
            ("CS", "CSXX"), ("CSK", "CSHH"), ("CSHH", "CSHH"), ("SU", "SUHH"), ("DD", "DDDE"),
        ]
    )
    func former(input: String, code: String) throws {
        let former = try #require(ISOCountries.former(input))
        #expect(former.code == code)
        #expect(!former.name.isEmpty)
    }

    @Test("Former entries carry name and withdrawal date")
    func formerDetails() throws {
        let yugoslavia = try #require(ISOCountries.former("YU"))
        #expect(yugoslavia.name.hasPrefix("Yugoslavia"))
        #expect(yugoslavia.withdrawn == "2003-07-23")
        #expect(ISOCountries.former("HU") == nil)
        #expect(ISOCountries.former("") == nil)
        #expect(CountryRef(parsing: "YU")?.isResolved == false)
    }
}
