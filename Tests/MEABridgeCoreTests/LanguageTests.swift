import MEABridgeCore
import Testing

@Suite("LanguageCode")
struct LanguageTests {
    @Test(
        "Recognised values normalise",
        arguments: [
            ("en", "en"), ("EN", "en"), (" en ", "en"), ("\u{00A0}en", "en"), ("eng", "en"), ("ENG", "en"),
            ("English", "en"), ("english", "en"), ("ENGLISH", "en"),
            ("fr", "fr"), ("fre", "fr"), ("fra", "fr"), ("French", "fr"), ("fr-FR", "fr-fr"), ("fr_FR", "fr-fr"),
            ("ger", "de"), ("deu", "de"), ("German", "de"),
            ("es", "es"), ("spa", "es"), ("Spanish", "es"), ("Spanish; Castilian", "es"), ("castilian", "es"),
            ("ru", "ru"), ("Russian", "ru"), ("ar", "ar"), ("ara", "ar"), ("Arabic", "ar"),
            ("en-GB", "en-gb"), ("en_us", "en-us"), ("pt_BR", "pt-br"), ("eng-GB", "en-gb"),
            ("Greek", "el"), ("gre", "el"), ("Occitan", "oc"),
            ("ace", "ace"), ("Achinese", "ace"), ("cmn", "cmn"), ("yue", "yue"),
            ("und", "und"), ("UND", "und"), ("zxx", "zxx"), ("mul", "mul"),
            ("klingon", "tlh"), ("sh", "sh"), ("en--GB", "en-gb"), ("en-", "en"), ("EN_gb_", "en-gb"),
            ("de-CH-1996", "de-ch-1996"),
        ]
    )
    func recognised(input: String, code: String) {
        let language = LanguageCode(parsing: input)
        #expect(language.code == code)
        #expect(language.isRecognized)
        #expect(language.description == code)
    }

    @Test(
        "Chinese variants",
        arguments: [
            ("zh", "zh-hans"), ("ZH", "zh-hans"), ("zh-hans", "zh-hans"), ("zh-Hans", "zh-hans"),
            ("zh-CN", "zh-hans"), ("zh_cn", "zh-hans"), ("zh-SG", "zh-hans"), ("cn", "zh-hans"), ("CN", "zh-hans"),
            ("chi", "zh-hans"), ("zho", "zh-hans"), ("chinese", "zh-hans"), ("Chinese", "zh-hans"),
            ("chinese, simplified", "zh-hans"), ("Chinese (Simplified)", "zh-hans"),
            ("Chinese,  Simplified", "zh-hans"),
            ("zh-hant", "zh-hant"), ("zh-Hant", "zh-hant"), ("zh-TW", "zh-hant"), ("zh-hk", "zh-hant"),
            ("chinese, traditional", "zh-hant"), ("Chinese (Traditional)", "zh-hant"),
            ("zh-Hans-CN", "zh-hans-cn"), ("zh-Hant-TW", "zh-hant-tw"), ("zh-MO", "zh-hant"),
            ("zh-cn-x-private", "zh-hans-x-private"), ("zh--cn", "zh-hans"), ("zh-yue", "zh-yue"),
        ]
    )
    func chinese(input: String, code: String) {
        let language = LanguageCode(parsing: input)
        #expect(language.code == code)
        #expect(language.isRecognized)
    }

    @Test(
        "Unknown values are kept, lower-cased, unrecognised",
        arguments: [
            ("xx-yy", "xx-yy"), ("XX_YY", "xx-yy"), ("klingonish", "klingonish"), ("Klingonish ", "klingonish"),
            ("qaa", "qaa"), ("12", "12"), ("-", "-"), ("en glish", "en glish"), ("é", "é"),
            ("-en", "-en"), ("Français", "français"), ("EN GB", "en gb"),
        ]
    )
    func unrecognised(input: String, code: String) {
        let language = LanguageCode(parsing: input)
        #expect(language.code == code)
        #expect(!language.isRecognized)
        #expect(!language.isEnglish)
        #expect(language.englishName == nil)
    }

    @Test("`original` is the trimmed input when it differs from the code")
    func original() {
        #expect(LanguageCode(parsing: "en").original == nil)
        #expect(LanguageCode(parsing: " en ").original == nil)
        #expect(LanguageCode(parsing: "EN").original == "EN")
        #expect(LanguageCode(parsing: "English").original == "English")
        #expect(LanguageCode(parsing: "klingonish").original == nil)
        #expect(LanguageCode(parsing: "Klingonish").original == "Klingonish")
    }

    @Test("Empty input is undetermined", arguments: ["", " ", "\u{00A0}\t"])
    func empty(input: String) {
        let language = LanguageCode(parsing: input)
        #expect(language.code == "und")
        #expect(language.isRecognized)
        #expect(language.isUndetermined)
        #expect(language.original == "")
        #expect(!language.isEnglish)
    }

    @Test("`und` is never English")
    func undeterminedIsNotEnglish() {
        let und = LanguageCode(parsing: "und")
        #expect(und == .undetermined)
        #expect(und != .english)
        #expect(!und.isEnglish)
        #expect(und.isUndetermined)
        #expect(und.englishName == "Undetermined")
    }

    @Test("Constants and literals")
    func constants() {
        #expect(LanguageCode.english.code == "en")
        #expect(LanguageCode.english.isEnglish)
        #expect(LanguageCode.undetermined.code == "und")
        #expect(LanguageCode.unLanguages.map(\.code) == ["en", "fr", "es", "ru", "ar", "zh-hans"])
        let literal: LanguageCode = "ENG"
        #expect(literal == .english)
        #expect(literal.original == "ENG")
        #expect(!LanguageCode(parsing: "en-gb").isEnglish)
    }

    @Test("Equality and hashing use the normalised code")
    func equality() {
        let variants: [LanguageCode] = ["en", "EN", "eng", "English", " english "]
        #expect(Set(variants).count == 1)
        #expect(Set(variants).first == .english)
        var dictionary: [LanguageCode: String] = [:]
        dictionary[LanguageCode(parsing: "French")] = "Titre"
        #expect(dictionary["fr"] == "Titre")
    }

    @Test(
        "English names and ISO 639-2 codes",
        arguments: [
            ("en", "English", "eng"), ("fr", "French", "fra"), ("fre", "French", "fra"),
            ("es", "Spanish", "spa"), ("de-AT", "German", "deu"), ("zh", "Chinese (Simplified)", "zho"),
            ("zh-tw", "Chinese (Traditional)", "zho"), ("ar", "Arabic", "ara"), ("ru", "Russian", "rus"),
            ("bn", "Bengali", "ben"), ("und", "Undetermined", "und"), ("ace", "Achinese", "ace"),
        ]
    )
    func names(input: String, name: String, iso639Alpha3: String) {
        let language = LanguageCode(parsing: input)
        #expect(language.englishName == name)
        #expect(language.iso639Alpha3 == iso639Alpha3)
    }

    @Test("ISO 639-3-only codes are recognised but carry no 639-2 data")
    func part3Only() {
        let mandarin = LanguageCode(parsing: "cmn")
        #expect(mandarin.isRecognized)
        #expect(mandarin.iso639Alpha3 == nil)
        #expect(mandarin.englishName == nil)
        #expect(LanguageCode(parsing: "sh").iso639Alpha3 == nil)
        #expect(LanguageCode(parsing: "sh").englishName == "Serbo-Croatian")
    }

    @Test("UN languages sort first, in InforMEA order, then the rest by code")
    func ordering() {
        let shuffled: [LanguageCode] = ["und", "de", "zh", "ar", "pt-br", "ru", "es", "fr", "en", "aa", "klingonish"]
        let sorted = shuffled.sorted().map(\.code)
        #expect(sorted == ["en", "fr", "es", "ru", "ar", "zh-hans", "aa", "de", "klingonish", "pt-br", "und"])
        #expect(LanguageCode.english < LanguageCode.undetermined)
        #expect(!(LanguageCode(parsing: "EN") < LanguageCode.english))
        #expect(LanguageCode.unLanguages == LanguageCode.unLanguages.sorted())
    }
}
