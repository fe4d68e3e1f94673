// swift-format-ignore-file
// ISO639Table.swift - ISO 639-1/-2/-3 language codes and English names.
//
// GENERATED FILE - DO NOT EDIT. Regenerate with `python3 Tools/generate-iso-tables.py`;
// CI runs `python3 Tools/generate-iso-tables.py --check` (the version line below is ignored
// by the check: only the data must match).
//
// Source: Debian package `iso-codes`, iso_639-2.json, iso_639-3.json.
// iso-codes version: 4.15.0-1

/// Raw ISO 639 data, parsed once by `LanguageCode` (Model/Language.swift).
enum ISO639Table {
    /// ISO 639-2 languages plus ISO 639-1 codes only 639-3 lists; 487 rows sorted by
    /// alpha-3: `alpha3|bibliographic|alpha2|part|name` (lower-case codes; `bibliographic` is the
    /// 639-2/B code when it differs from the /T code; `part` is `2` for ISO 639-2 rows and `3` for
    /// 639-3 rows; `name` is iso-codes' English `name`). The 639-2 range `qaa-qtz` is left out.
    static let languages: String = #"""
    aar||aa|2|Afar
    abk||ab|2|Abkhazian
    ace|||2|Achinese
    ach|||2|Acoli
    ada|||2|Adangme
    ady|||2|Adyghe; Adygei
    afa|||2|Afro-Asiatic languages
    afh|||2|Afrihili
    afr||af|2|Afrikaans
    ain|||2|Ainu
    aka||ak|2|Akan
    akk|||2|Akkadian
    ale|||2|Aleut
    alg|||2|Algonquian languages
    alt|||2|Southern Altai
    amh||am|2|Amharic
    ang|||2|English, Old (ca. 450-1100)
    anp|||2|Angika
    apa|||2|Apache languages
    ara||ar|2|Arabic
    arc|||2|Official Aramaic (700-300 BCE); Imperial Aramaic (700-300 BCE)
    arg||an|2|Aragonese
    arn|||2|Mapudungun; Mapuche
    arp|||2|Arapaho
    art|||2|Artificial languages
    arw|||2|Arawak
    asm||as|2|Assamese
    ast|||2|Asturian; Bable; Leonese; Asturleonese
    ath|||2|Athapascan languages
    aus|||2|Australian languages
    ava||av|2|Avaric
    ave||ae|2|Avestan
    awa|||2|Awadhi
    aym||ay|2|Aymara
    aze||az|2|Azerbaijani
    bad|||2|Banda languages
    bai|||2|Bamileke languages
    bak||ba|2|Bashkir
    bal|||2|Baluchi
    bam||bm|2|Bambara
    ban|||2|Balinese
    bas|||2|Basa
    bat|||2|Baltic languages
    bej|||2|Beja; Bedawiyet
    bel||be|2|Belarusian
    bem|||2|Bemba
    ben||bn|2|Bengali
    ber|||2|Berber languages
    bho|||2|Bhojpuri
    bih||bh|2|Bihari languages
    bik|||2|Bikol
    bin|||2|Bini; Edo
    bis||bi|2|Bislama
    bla|||2|Siksika
    bnt|||2|Bantu (Other)
    bod|tib|bo|2|Tibetan
    bos||bs|2|Bosnian
    bra|||2|Braj
    bre||br|2|Breton
    btk|||2|Batak languages
    bua|||2|Buriat
    bug|||2|Buginese
    bul||bg|2|Bulgarian
    byn|||2|Blin; Bilin
    cad|||2|Caddo
    cai|||2|Central American Indian languages
    car|||2|Galibi Carib
    cat||ca|2|Catalan; Valencian
    cau|||2|Caucasian languages
    ceb|||2|Cebuano
    cel|||2|Celtic languages
    ces|cze|cs|2|Czech
    cha||ch|2|Chamorro
    chb|||2|Chibcha
    che||ce|2|Chechen
    chg|||2|Chagatai
    chk|||2|Chuukese
    chm|||2|Mari
    chn|||2|Chinook jargon
    cho|||2|Choctaw
    chp|||2|Chipewyan; Dene Suline
    chr|||2|Cherokee
    chu||cu|2|Church Slavic; Old Slavonic; Church Slavonic; Old Bulgarian; Old Church Slavonic
    chv||cv|2|Chuvash
    chy|||2|Cheyenne
    cmc|||2|Chamic languages
    cnr|||2|Montenegrin
    cop|||2|Coptic
    cor||kw|2|Cornish
    cos||co|2|Corsican
    cpe|||2|Creoles and pidgins, English based
    cpf|||2|Creoles and pidgins, French-based
    cpp|||2|Creoles and pidgins, Portuguese-based
    cre||cr|2|Cree
    crh|||2|Crimean Tatar; Crimean Turkish
    crp|||2|Creoles and pidgins
    csb|||2|Kashubian
    cus|||2|Cushitic languages
    cym|wel|cy|2|Welsh
    dak|||2|Dakota
    dan||da|2|Danish
    dar|||2|Dargwa
    day|||2|Land Dayak languages
    del|||2|Delaware
    den|||2|Slave (Athapascan)
    deu|ger|de|2|German
    dgr|||2|Dogrib
    din|||2|Dinka
    div||dv|2|Divehi; Dhivehi; Maldivian
    doi|||2|Dogri
    dra|||2|Dravidian languages
    dsb|||2|Lower Sorbian
    dua|||2|Duala
    dum|||2|Dutch, Middle (ca. 1050-1350)
    dyu|||2|Dyula
    dzo||dz|2|Dzongkha
    efi|||2|Efik
    egy|||2|Egyptian (Ancient)
    eka|||2|Ekajuk
    ell|gre|el|2|Greek, Modern (1453-)
    elx|||2|Elamite
    eng||en|2|English
    enm|||2|English, Middle (1100-1500)
    epo||eo|2|Esperanto
    est||et|2|Estonian
    eus|baq|eu|2|Basque
    ewe||ee|2|Ewe
    ewo|||2|Ewondo
    fan|||2|Fang
    fao||fo|2|Faroese
    fas|per|fa|2|Persian
    fat|||2|Fanti
    fij||fj|2|Fijian
    fil|||2|Filipino; Pilipino
    fin||fi|2|Finnish
    fiu|||2|Finno-Ugrian languages
    fon|||2|Fon
    fra|fre|fr|2|French
    frm|||2|French, Middle (ca. 1400-1600)
    fro|||2|French, Old (842-ca. 1400)
    frr|||2|Northern Frisian
    frs|||2|Eastern Frisian
    fry||fy|2|Western Frisian
    ful||ff|2|Fulah
    fur|||2|Friulian
    gaa|||2|Ga
    gay|||2|Gayo
    gba|||2|Gbaya
    gem|||2|Germanic languages
    gez|||2|Geez
    gil|||2|Gilbertese
    gla||gd|2|Gaelic; Scottish Gaelic
    gle||ga|2|Irish
    glg||gl|2|Galician
    glv||gv|2|Manx
    gmh|||2|German, Middle High (ca. 1050-1500)
    goh|||2|German, Old High (ca. 750-1050)
    gon|||2|Gondi
    gor|||2|Gorontalo
    got|||2|Gothic
    grb|||2|Grebo
    grc|||2|Greek, Ancient (to 1453)
    grn||gn|2|Guarani
    gsw|||2|Swiss German; Alemannic; Alsatian
    guj||gu|2|Gujarati
    gwi|||2|Gwich'in
    hai|||2|Haida
    hat||ht|2|Haitian; Haitian Creole
    hau||ha|2|Hausa
    haw|||2|Hawaiian
    hbs||sh|3|Serbo-Croatian
    heb||he|2|Hebrew
    her||hz|2|Herero
    hil|||2|Hiligaynon
    him|||2|Himachali languages; Western Pahari languages
    hin||hi|2|Hindi
    hit|||2|Hittite
    hmn|||2|Hmong; Mong
    hmo||ho|2|Hiri Motu
    hrv||hr|2|Croatian
    hsb|||2|Upper Sorbian
    hun||hu|2|Hungarian
    hup|||2|Hupa
    hye|arm|hy|2|Armenian
    iba|||2|Iban
    ibo||ig|2|Igbo
    ido||io|2|Ido
    iii||ii|2|Sichuan Yi; Nuosu
    ijo|||2|Ijo languages
    iku||iu|2|Inuktitut
    ile||ie|2|Interlingue; Occidental
    ilo|||2|Iloko
    ina||ia|2|Interlingua (International Auxiliary Language Association)
    inc|||2|Indic languages
    ind||id|2|Indonesian
    ine|||2|Indo-European languages
    inh|||2|Ingush
    ipk||ik|2|Inupiaq
    ira|||2|Iranian languages
    iro|||2|Iroquoian languages
    isl|ice|is|2|Icelandic
    ita||it|2|Italian
    jav||jv|2|Javanese
    jbo|||2|Lojban
    jpn||ja|2|Japanese
    jpr|||2|Judeo-Persian
    jrb|||2|Judeo-Arabic
    kaa|||2|Kara-Kalpak
    kab|||2|Kabyle
    kac|||2|Kachin; Jingpho
    kal||kl|2|Kalaallisut; Greenlandic
    kam|||2|Kamba
    kan||kn|2|Kannada
    kar|||2|Karen languages
    kas||ks|2|Kashmiri
    kat|geo|ka|2|Georgian
    kau||kr|2|Kanuri
    kaw|||2|Kawi
    kaz||kk|2|Kazakh
    kbd|||2|Kabardian
    kha|||2|Khasi
    khi|||2|Khoisan languages
    khm||km|2|Central Khmer
    kho|||2|Khotanese; Sakan
    kik||ki|2|Kikuyu; Gikuyu
    kin||rw|2|Kinyarwanda
    kir||ky|2|Kirghiz; Kyrgyz
    kmb|||2|Kimbundu
    kok|||2|Konkani
    kom||kv|2|Komi
    kon||kg|2|Kongo
    kor||ko|2|Korean
    kos|||2|Kosraean
    kpe|||2|Kpelle
    krc|||2|Karachay-Balkar
    krl|||2|Karelian
    kro|||2|Kru languages
    kru|||2|Kurukh
    kua||kj|2|Kuanyama; Kwanyama
    kum|||2|Kumyk
    kur||ku|2|Kurdish
    kut|||2|Kutenai
    lad|||2|Ladino
    lah|||2|Lahnda
    lam|||2|Lamba
    lao||lo|2|Lao
    lat||la|2|Latin
    lav||lv|2|Latvian
    lez|||2|Lezghian
    lim||li|2|Limburgan; Limburger; Limburgish
    lin||ln|2|Lingala
    lit||lt|2|Lithuanian
    lol|||2|Mongo
    loz|||2|Lozi
    ltz||lb|2|Luxembourgish; Letzeburgesch
    lua|||2|Luba-Lulua
    lub||lu|2|Luba-Katanga
    lug||lg|2|Ganda
    lui|||2|Luiseno
    lun|||2|Lunda
    luo|||2|Luo (Kenya and Tanzania)
    lus|||2|Lushai
    mad|||2|Madurese
    mag|||2|Magahi
    mah||mh|2|Marshallese
    mai|||2|Maithili
    mak|||2|Makasar
    mal||ml|2|Malayalam
    man|||2|Mandingo
    map|||2|Austronesian languages
    mar||mr|2|Marathi
    mas|||2|Masai
    mdf|||2|Moksha
    mdr|||2|Mandar
    men|||2|Mende
    mga|||2|Irish, Middle (900-1200)
    mic|||2|Mi'kmaq; Micmac
    min|||2|Minangkabau
    mis|||2|Uncoded languages
    mkd|mac|mk|2|Macedonian
    mkh|||2|Mon-Khmer languages
    mlg||mg|2|Malagasy
    mlt||mt|2|Maltese
    mnc|||2|Manchu
    mni|||2|Manipuri
    mno|||2|Manobo languages
    moh|||2|Mohawk
    mon||mn|2|Mongolian
    mos|||2|Mossi
    mri|mao|mi|2|Maori
    msa|may|ms|2|Malay
    mul|||2|Multiple languages
    mun|||2|Munda languages
    mus|||2|Creek
    mwl|||2|Mirandese
    mwr|||2|Marwari
    mya|bur|my|2|Burmese
    myn|||2|Mayan languages
    myv|||2|Erzya
    nah|||2|Nahuatl languages
    nai|||2|North American Indian languages
    nap|||2|Neapolitan
    nau||na|2|Nauru
    nav||nv|2|Navajo; Navaho
    nbl||nr|2|Ndebele, South; South Ndebele
    nde||nd|2|Ndebele, North; North Ndebele
    ndo||ng|2|Ndonga
    nds|||2|Low German; Low Saxon; German, Low; Saxon, Low
    nep||ne|2|Nepali
    new|||2|Nepal Bhasa; Newari
    nia|||2|Nias
    nic|||2|Niger-Kordofanian languages
    niu|||2|Niuean
    nld|dut|nl|2|Dutch; Flemish
    nno||nn|2|Norwegian Nynorsk; Nynorsk, Norwegian
    nob||nb|2|Bokmål, Norwegian; Norwegian Bokmål
    nog|||2|Nogai
    non|||2|Norse, Old
    nor||no|2|Norwegian
    nqo|||2|N'Ko
    nso|||2|Pedi; Sepedi; Northern Sotho
    nub|||2|Nubian languages
    nwc|||2|Classical Newari; Old Newari; Classical Nepal Bhasa
    nya||ny|2|Chichewa; Chewa; Nyanja
    nym|||2|Nyamwezi
    nyn|||2|Nyankole
    nyo|||2|Nyoro
    nzi|||2|Nzima
    oci||oc|2|Occitan (post 1500); Provençal
    oji||oj|2|Ojibwa
    ori||or|2|Oriya
    orm||om|2|Oromo
    osa|||2|Osage
    oss||os|2|Ossetian; Ossetic
    ota|||2|Turkish, Ottoman (1500-1928)
    oto|||2|Otomian languages
    paa|||2|Papuan languages
    pag|||2|Pangasinan
    pal|||2|Pahlavi
    pam|||2|Pampanga; Kapampangan
    pan||pa|2|Panjabi; Punjabi
    pap|||2|Papiamento
    pau|||2|Palauan
    peo|||2|Persian, Old (ca. 600-400 B.C.)
    phi|||2|Philippine languages
    phn|||2|Phoenician
    pli||pi|2|Pali
    pol||pl|2|Polish
    pon|||2|Pohnpeian
    por||pt|2|Portuguese
    pra|||2|Prakrit languages
    pro|||2|Provençal, Old (to 1500)
    pus||ps|2|Pushto; Pashto
    que||qu|2|Quechua
    raj|||2|Rajasthani
    rap|||2|Rapanui
    rar|||2|Rarotongan; Cook Islands Maori
    roa|||2|Romance languages
    roh||rm|2|Romansh
    rom|||2|Romany
    ron|rum|ro|2|Romanian; Moldavian; Moldovan
    run||rn|2|Rundi
    rup|||2|Aromanian; Arumanian; Macedo-Romanian
    rus||ru|2|Russian
    sad|||2|Sandawe
    sag||sg|2|Sango
    sah|||2|Yakut
    sai|||2|South American Indian (Other)
    sal|||2|Salishan languages
    sam|||2|Samaritan Aramaic
    san||sa|2|Sanskrit
    sas|||2|Sasak
    sat|||2|Santali
    scn|||2|Sicilian
    sco|||2|Scots
    sel|||2|Selkup
    sem|||2|Semitic languages
    sga|||2|Irish, Old (to 900)
    sgn|||2|Sign Languages
    shn|||2|Shan
    sid|||2|Sidamo
    sin||si|2|Sinhala; Sinhalese
    sio|||2|Siouan languages
    sit|||2|Sino-Tibetan languages
    sla|||2|Slavic languages
    slk|slo|sk|2|Slovak
    slv||sl|2|Slovenian
    sma|||2|Southern Sami
    sme||se|2|Northern Sami
    smi|||2|Sami languages
    smj|||2|Lule Sami
    smn|||2|Inari Sami
    smo||sm|2|Samoan
    sms|||2|Skolt Sami
    sna||sn|2|Shona
    snd||sd|2|Sindhi
    snk|||2|Soninke
    sog|||2|Sogdian
    som||so|2|Somali
    son|||2|Songhai languages
    sot||st|2|Sotho, Southern
    spa||es|2|Spanish; Castilian
    sqi|alb|sq|2|Albanian
    srd||sc|2|Sardinian
    srn|||2|Sranan Tongo
    srp||sr|2|Serbian
    srr|||2|Serer
    ssa|||2|Nilo-Saharan languages
    ssw||ss|2|Swati
    suk|||2|Sukuma
    sun||su|2|Sundanese
    sus|||2|Susu
    sux|||2|Sumerian
    swa||sw|2|Swahili
    swe||sv|2|Swedish
    syc|||2|Classical Syriac
    syr|||2|Syriac
    tah||ty|2|Tahitian
    tai|||2|Tai languages
    tam||ta|2|Tamil
    tat||tt|2|Tatar
    tel||te|2|Telugu
    tem|||2|Timne
    ter|||2|Tereno
    tet|||2|Tetum
    tgk||tg|2|Tajik
    tgl||tl|2|Tagalog
    tha||th|2|Thai
    tig|||2|Tigre
    tir||ti|2|Tigrinya
    tiv|||2|Tiv
    tkl|||2|Tokelau
    tlh|||2|Klingon; tlhIngan-Hol
    tli|||2|Tlingit
    tmh|||2|Tamashek
    tog|||2|Tonga (Nyasa)
    ton||to|2|Tonga (Tonga Islands)
    tpi|||2|Tok Pisin
    tsi|||2|Tsimshian
    tsn||tn|2|Tswana
    tso||ts|2|Tsonga
    tuk||tk|2|Turkmen
    tum|||2|Tumbuka
    tup|||2|Tupi languages
    tur||tr|2|Turkish
    tut|||2|Altaic languages
    tvl|||2|Tuvalu
    twi||tw|2|Twi
    tyv|||2|Tuvinian
    udm|||2|Udmurt
    uga|||2|Ugaritic
    uig||ug|2|Uighur; Uyghur
    ukr||uk|2|Ukrainian
    umb|||2|Umbundu
    und|||2|Undetermined
    urd||ur|2|Urdu
    uzb||uz|2|Uzbek
    vai|||2|Vai
    ven||ve|2|Venda
    vie||vi|2|Vietnamese
    vol||vo|2|Volapük
    vot|||2|Votic
    wak|||2|Wakashan languages
    wal|||2|Walamo
    war|||2|Waray
    was|||2|Washo
    wen|||2|Sorbian languages
    wln||wa|2|Walloon
    wol||wo|2|Wolof
    xal|||2|Kalmyk; Oirat
    xho||xh|2|Xhosa
    yao|||2|Yao
    yap|||2|Yapese
    yid||yi|2|Yiddish
    yor||yo|2|Yoruba
    ypk|||2|Yupik languages
    zap|||2|Zapotec
    zbl|||2|Blissymbols; Blissymbolics; Bliss
    zen|||2|Zenaga
    zgh|||2|Standard Moroccan Tamazight
    zha||za|2|Zhuang; Chuang
    zho|chi|zh|2|Chinese
    znd|||2|Zande languages
    zul||zu|2|Zulu
    zun|||2|Zuni
    zxx|||2|No linguistic content; Not applicable
    zza|||2|Zaza; Dimili; Dimli; Kirdki; Kirmanjki; Zazaki
    """#

    /// English language names, 652 rows sorted: `lower-case name|canonical code`
    /// (canonical = 639-1 code when one exists, else 639-2/T). Built from full names, `;`
    /// alternatives and their part before `,` / `(`; ambiguous short names are left out.
    static let names: String = #"""
    abkhazian|ab
    achinese|ace
    acoli|ach
    adangme|ada
    adygei|ady
    adyghe; adygei|ady
    adyghe|ady
    afar|aa
    afrihili|afh
    afrikaans|af
    afro-asiatic languages|afa
    ainu|ain
    akan|ak
    akkadian|akk
    albanian|sq
    alemannic|gsw
    aleut|ale
    algonquian languages|alg
    alsatian|gsw
    altaic languages|tut
    amharic|am
    angika|anp
    apache languages|apa
    arabic|ar
    aragonese|an
    arapaho|arp
    arawak|arw
    armenian|hy
    aromanian; arumanian; macedo-romanian|rup
    aromanian|rup
    artificial languages|art
    arumanian|rup
    assamese|as
    asturian; bable; leonese; asturleonese|ast
    asturian|ast
    asturleonese|ast
    athapascan languages|ath
    australian languages|aus
    austronesian languages|map
    avaric|av
    avestan|ae
    awadhi|awa
    aymara|ay
    azerbaijani|az
    bable|ast
    balinese|ban
    baltic languages|bat
    baluchi|bal
    bambara|bm
    bamileke languages|bai
    banda languages|bad
    bangla|bn
    bantu (other)|bnt
    bantu|bnt
    basa|bas
    bashkir|ba
    basque|eu
    batak languages|btk
    bedawiyet|bej
    beja; bedawiyet|bej
    beja|bej
    belarusian|be
    bemba|bem
    bengali|bn
    berber languages|ber
    bhojpuri|bho
    bihari languages|bh
    bikol|bik
    bilin|byn
    bini; edo|bin
    bini|bin
    bislama|bi
    blin; bilin|byn
    blin|byn
    blissymbolics|zbl
    blissymbols; blissymbolics; bliss|zbl
    blissymbols|zbl
    bliss|zbl
    bokmål, norwegian; norwegian bokmål|nb
    bokmål, norwegian|nb
    bokmål|nb
    bosnian|bs
    braj|bra
    breton|br
    buginese|bug
    bulgarian|bg
    buriat|bua
    burmese|my
    caddo|cad
    castilian|es
    catalan; valencian|ca
    catalan|ca
    caucasian languages|cau
    cebuano|ceb
    celtic languages|cel
    central american indian languages|cai
    central khmer|km
    chagatai|chg
    chamic languages|cmc
    chamorro|ch
    chechen|ce
    cherokee|chr
    chewa|ny
    cheyenne|chy
    chibcha|chb
    chichewa; chewa; nyanja|ny
    chichewa|ny
    chinese|zh
    chinook jargon|chn
    chipewyan; dene suline|chp
    chipewyan|chp
    choctaw|cho
    chuang|za
    church slavic; old slavonic; church slavonic; old bulgarian; old church slavonic|cu
    church slavic|cu
    church slavonic|cu
    chuukese|chk
    chuvash|cv
    classical nepal bhasa|nwc
    classical newari; old newari; classical nepal bhasa|nwc
    classical newari|nwc
    classical syriac|syc
    cook islands maori|rar
    coptic|cop
    cornish|kw
    corsican|co
    creek|mus
    cree|cr
    creoles and pidgins, english based|cpe
    creoles and pidgins, french-based|cpf
    creoles and pidgins, portuguese-based|cpp
    creoles and pidgins|crp
    crimean tatar; crimean turkish|crh
    crimean tatar|crh
    crimean turkish|crh
    croatian|hr
    cushitic languages|cus
    czech|cs
    dakota|dak
    danish|da
    dargwa|dar
    delaware|del
    dene suline|chp
    dhivehi|dv
    dimili|zza
    dimli|zza
    dinka|din
    divehi; dhivehi; maldivian|dv
    divehi|dv
    dogrib|dgr
    dogri|doi
    dravidian languages|dra
    duala|dua
    dutch, middle (ca. 1050-1350)|dum
    dutch, middle|dum
    dutch; flemish|nl
    dutch|nl
    dyula|dyu
    dzongkha|dz
    eastern frisian|frs
    edo|bin
    efik|efi
    egyptian (ancient)|egy
    egyptian|egy
    ekajuk|eka
    elamite|elx
    english, middle (1100-1500)|enm
    english, middle|enm
    english, old (ca. 450-1100)|ang
    english, old|ang
    english|en
    erzya|myv
    esperanto|eo
    estonian|et
    ewe|ee
    ewondo|ewo
    fang|fan
    fanti|fat
    faroese|fo
    fijian|fj
    filipino; pilipino|fil
    filipino|fil
    finnish|fi
    finno-ugrian languages|fiu
    flemish|nl
    fon|fon
    french, middle (ca. 1400-1600)|frm
    french, middle|frm
    french, old (842-ca. 1400)|fro
    french, old|fro
    french|fr
    friulian|fur
    fulah|ff
    gaelic; scottish gaelic|gd
    gaelic|gd
    galibi carib|car
    galician|gl
    ganda|lg
    gayo|gay
    ga|gaa
    gbaya|gba
    geez|gez
    georgian|ka
    german, low|nds
    german, middle high (ca. 1050-1500)|gmh
    german, middle high|gmh
    german, old high (ca. 750-1050)|goh
    german, old high|goh
    germanic languages|gem
    german|de
    gikuyu|ki
    gilbertese|gil
    gondi|gon
    gorontalo|gor
    gothic|got
    grebo|grb
    greek, ancient (to 1453)|grc
    greek, ancient|grc
    greek, modern (1453-)|el
    greek, modern|el
    greek|el
    greenlandic|kl
    guarani|gn
    gujarati|gu
    gwich'in|gwi
    haida|hai
    haitian creole|ht
    haitian; haitian creole|ht
    haitian|ht
    hausa|ha
    hawaiian|haw
    hebrew|he
    herero|hz
    hiligaynon|hil
    himachali languages; western pahari languages|him
    himachali languages|him
    hindi|hi
    hiri motu|ho
    hittite|hit
    hmong; mong|hmn
    hmong|hmn
    hungarian|hu
    hupa|hup
    iban|iba
    icelandic|is
    ido|io
    igbo|ig
    ijo languages|ijo
    iloko|ilo
    imperial aramaic (700-300 bce)|arc
    imperial aramaic|arc
    inari sami|smn
    indic languages|inc
    indo-european languages|ine
    indonesian|id
    ingush|inh
    interlingua (international auxiliary language association)|ia
    interlingua|ia
    interlingue; occidental|ie
    interlingue|ie
    inuktitut|iu
    inupiaq|ik
    iranian languages|ira
    irish, middle (900-1200)|mga
    irish, middle|mga
    irish, old (to 900)|sga
    irish, old|sga
    irish|ga
    iroquoian languages|iro
    italian|it
    japanese|ja
    javanese|jv
    jingpho|kac
    judeo-arabic|jrb
    judeo-persian|jpr
    kabardian|kbd
    kabyle|kab
    kachin; jingpho|kac
    kachin|kac
    kalaallisut; greenlandic|kl
    kalaallisut|kl
    kalmyk; oirat|xal
    kalmyk|xal
    kamba|kam
    kannada|kn
    kanuri|kr
    kapampangan|pam
    kara-kalpak|kaa
    karachay-balkar|krc
    karelian|krl
    karen languages|kar
    kashmiri|ks
    kashubian|csb
    kawi|kaw
    kazakh|kk
    khasi|kha
    khoisan languages|khi
    khotanese; sakan|kho
    khotanese|kho
    kikuyu; gikuyu|ki
    kikuyu|ki
    kimbundu|kmb
    kinyarwanda|rw
    kirdki|zza
    kirghiz; kyrgyz|ky
    kirghiz|ky
    kirmanjki|zza
    klingon; tlhingan-hol|tlh
    klingon|tlh
    komi|kv
    kongo|kg
    konkani|kok
    korean|ko
    kosraean|kos
    kpelle|kpe
    kru languages|kro
    kuanyama; kwanyama|kj
    kuanyama|kj
    kumyk|kum
    kurdish|ku
    kurukh|kru
    kutenai|kut
    kwanyama|kj
    kyrgyz|ky
    ladino|lad
    lahnda|lah
    lamba|lam
    land dayak languages|day
    lao|lo
    latin|la
    latvian|lv
    leonese|ast
    letzeburgesch|lb
    lezghian|lez
    limburgan; limburger; limburgish|li
    limburgan|li
    limburger|li
    limburgish|li
    lingala|ln
    lithuanian|lt
    lojban|jbo
    low german; low saxon; german, low; saxon, low|nds
    low german|nds
    low saxon|nds
    lower sorbian|dsb
    lozi|loz
    luba-katanga|lu
    luba-lulua|lua
    luiseno|lui
    lule sami|smj
    lunda|lun
    luo (kenya and tanzania)|luo
    luo|luo
    lushai|lus
    luxembourgish; letzeburgesch|lb
    luxembourgish|lb
    macedo-romanian|rup
    macedonian|mk
    madurese|mad
    magahi|mag
    maithili|mai
    makasar|mak
    malagasy|mg
    malayalam|ml
    malay|ms
    maldivian|dv
    maltese|mt
    manchu|mnc
    mandar|mdr
    mandingo|man
    manipuri|mni
    manobo languages|mno
    manx|gv
    maori|mi
    mapuche|arn
    mapudungun; mapuche|arn
    mapudungun|arn
    marathi|mr
    mari|chm
    marshallese|mh
    marwari|mwr
    masai|mas
    mayan languages|myn
    mende|men
    mi'kmaq; micmac|mic
    mi'kmaq|mic
    micmac|mic
    minangkabau|min
    mirandese|mwl
    mohawk|moh
    moksha|mdf
    moldavian|ro
    moldovan|ro
    mon-khmer languages|mkh
    mongolian|mn
    mongo|lol
    mong|hmn
    montenegrin|cnr
    mossi|mos
    multiple languages|mul
    munda languages|mun
    n'ko|nqo
    nahuatl languages|nah
    nauru|na
    navaho|nv
    navajo; navaho|nv
    navajo|nv
    ndebele, north; north ndebele|nd
    ndebele, north|nd
    ndebele, south; south ndebele|nr
    ndebele, south|nr
    ndonga|ng
    neapolitan|nap
    nepal bhasa; newari|new
    nepal bhasa|new
    nepali|ne
    newari|new
    nias|nia
    niger-kordofanian languages|nic
    nilo-saharan languages|ssa
    niuean|niu
    no linguistic content; not applicable|zxx
    no linguistic content|zxx
    nogai|nog
    norse, old|non
    norse|non
    north american indian languages|nai
    north ndebele|nd
    northern frisian|frr
    northern sami|se
    northern sotho|nso
    norwegian bokmål|nb
    norwegian nynorsk; nynorsk, norwegian|nn
    norwegian nynorsk|nn
    norwegian|no
    not applicable|zxx
    nubian languages|nub
    nuosu|ii
    nyamwezi|nym
    nyanja|ny
    nyankole|nyn
    nynorsk, norwegian|nn
    nynorsk|nn
    nyoro|nyo
    nzima|nzi
    occidental|ie
    occitan (post 1500); provençal|oc
    occitan (post 1500)|oc
    occitan|oc
    official aramaic (700-300 bce); imperial aramaic (700-300 bce)|arc
    official aramaic (700-300 bce)|arc
    official aramaic|arc
    oirat|xal
    ojibwa|oj
    old bulgarian|cu
    old church slavonic|cu
    old newari|nwc
    old slavonic|cu
    oriya|or
    oromo|om
    osage|osa
    ossetian; ossetic|os
    ossetian|os
    ossetic|os
    otomian languages|oto
    pahlavi|pal
    palauan|pau
    pali|pi
    pampanga; kapampangan|pam
    pampanga|pam
    pangasinan|pag
    panjabi; punjabi|pa
    panjabi|pa
    papiamento|pap
    papuan languages|paa
    pashto|ps
    pedi; sepedi; northern sotho|nso
    pedi|nso
    persian, old (ca. 600-400 b.c.)|peo
    persian, old|peo
    persian|fa
    philippine languages|phi
    phoenician|phn
    pilipino|fil
    pohnpeian|pon
    polish|pl
    portuguese|pt
    prakrit languages|pra
    provençal, old (to 1500)|pro
    provençal, old|pro
    provençal|oc
    punjabi|pa
    pushto; pashto|ps
    pushto|ps
    quechua|qu
    rajasthani|raj
    rapanui|rap
    rarotongan; cook islands maori|rar
    rarotongan|rar
    romance languages|roa
    romanian; moldavian; moldovan|ro
    romanian|ro
    romansh|rm
    romany|rom
    rundi|rn
    russian|ru
    sakan|kho
    salishan languages|sal
    samaritan aramaic|sam
    sami languages|smi
    samoan|sm
    sandawe|sad
    sango|sg
    sanskrit|sa
    santali|sat
    sardinian|sc
    sasak|sas
    saxon, low|nds
    saxon|nds
    scots|sco
    scottish gaelic|gd
    selkup|sel
    semitic languages|sem
    sepedi|nso
    serbian|sr
    serbo-croatian|sh
    serer|srr
    shan|shn
    shona|sn
    sichuan yi; nuosu|ii
    sichuan yi|ii
    sicilian|scn
    sidamo|sid
    sign languages|sgn
    siksika|bla
    sindhi|sd
    sinhala; sinhalese|si
    sinhala|si
    sinhalese|si
    sino-tibetan languages|sit
    siouan languages|sio
    skolt sami|sms
    slave (athapascan)|den
    slave|den
    slavic languages|sla
    slovak|sk
    slovenian|sl
    sogdian|sog
    somali|so
    songhai languages|son
    soninke|snk
    sorbian languages|wen
    sotho, southern|st
    sotho|st
    south american indian (other)|sai
    south american indian|sai
    south ndebele|nr
    southern altai|alt
    southern sami|sma
    spanish; castilian|es
    spanish|es
    sranan tongo|srn
    standard moroccan tamazight|zgh
    sukuma|suk
    sumerian|sux
    sundanese|su
    susu|sus
    swahili|sw
    swati|ss
    swedish|sv
    swiss german; alemannic; alsatian|gsw
    swiss german|gsw
    syriac|syr
    tagalog|tl
    tahitian|ty
    tai languages|tai
    tajik|tg
    tamashek|tmh
    tamil|ta
    tatar|tt
    telugu|te
    tereno|ter
    tetum|tet
    thai|th
    tibetan|bo
    tigre|tig
    tigrinya|ti
    timne|tem
    tiv|tiv
    tlhingan-hol|tlh
    tlingit|tli
    tok pisin|tpi
    tokelau|tkl
    tonga (nyasa)|tog
    tonga (tonga islands)|to
    tonga|to
    tsimshian|tsi
    tsonga|ts
    tswana|tn
    tumbuka|tum
    tupi languages|tup
    turkish, ottoman (1500-1928)|ota
    turkish, ottoman|ota
    turkish|tr
    turkmen|tk
    tuvalu|tvl
    tuvinian|tyv
    twi|tw
    udmurt|udm
    ugaritic|uga
    uighur; uyghur|ug
    uighur|ug
    ukrainian|uk
    umbundu|umb
    uncoded languages|mis
    undetermined|und
    upper sorbian|hsb
    urdu|ur
    uyghur|ug
    uzbek|uz
    vai|vai
    valencian|ca
    venda|ve
    vietnamese|vi
    volapük|vo
    votic|vot
    wakashan languages|wak
    walamo|wal
    walloon|wa
    waray|war
    washo|was
    welsh|cy
    western frisian|fy
    western pahari languages|him
    wolof|wo
    xhosa|xh
    yakut|sah
    yao|yao
    yapese|yap
    yiddish|yi
    yoruba|yo
    yupik languages|ypk
    zande languages|znd
    zapotec|zap
    zaza; dimili; dimli; kirdki; kirmanjki; zazaki|zza
    zazaki|zza
    zaza|zza
    zenaga|zen
    zhuang; chuang|za
    zhuang|za
    zulu|zu
    zuni|zun
    """#

    /// The 7489 ISO 639-3 codes that ISO 639-2 does not list, sorted, space-separated
    /// (recognised as language codes; no names are carried for them).
    static let iso639_3Codes: String = #"""
    aaa aab aac aad aae aaf aag aah aai aak aal aan aao aap aaq aas aat aau aaw aax aaz aba abb abc
    abd abe abf abg abh abi abj abl abm abn abo abp abq abr abs abt abu abv abw abx aby abz aca acb
    acd acf aci ack acl acm acn acp acq acr acs act acu acv acw acx acy acz adb add ade adf adg adh
    adi adj adl adn ado adq adr ads adt adu adw adx adz aea aeb aec aed aee aek ael aem aen aeq aer
    aes aeu aew aey aez afb afd afe afg afi afk afn afo afp afs aft afu afz aga agb agc agd age agf
    agg agh agi agj agk agl agm agn ago agq agr ags agt agu agv agw agx agy agz aha ahb ahg ahh ahi
    ahk ahl ahm ahn aho ahp ahr ahs aht aia aib aic aid aie aif aig aih aii aij aik ail aim aio aip
    aiq air ait aiw aix aiy aja ajg aji ajn ajp ajs aju ajw ajz akb akc akd ake akf akg akh aki akj
    akl akm ako akp akq akr aks akt aku akv akw akx aky akz ala alc ald alf alh ali alj alk all alm
    aln alo alp alq alr als alu alw alx aly alz ama amb amc ame amf amg ami amj amk aml amm amn amo
    amp amq amr ams amt amu amv amw amx amy amz ana anb anc and ane anf anh ani anj ank anl anm ann
    ano anq anr ans ant anu anv anw anx any anz aoa aob aoc aod aoe aof aog aoi aoj aok aol aom aon
    aor aos aot aou aox aoz apb apc apd ape apf apg aph api apj apk apl apm apn apo app apq apr aps
    apt apu apv apw apx apy apz aqc aqd aqg aqk aqm aqn aqp aqr aqt aqz arb ard are arh ari arj ark
    arl aro arq arr ars aru arv arx ary arz asa asb asc ase asf asg ash asi asj ask asl asn aso asp
    asq asr ass asu asv asw asx asy asz ata atb atc atd ate atg ati atj atk atl atm atn ato atp atq
    atr ats att atu atv atw atx aty atz aua aub auc aud aug auh aui auj auk aul aum aun auo aup auq
    aur aut auu auw aux auy auz avb avd avi avk avl avm avn avo avs avt avu avv awb awc awe awg awh
    awi awk awm awn awo awr aws awt awu awv aww awx awy axb axe axg axk axl axm axx aya ayb ayc ayd
    aye ayg ayh ayi ayk ayl ayn ayo ayp ayq ayr ays ayt ayu ayz aza azb azd azg azj azm azn azo azt
    azz baa bab bac bae baf bag bah baj bao bap bar bau bav baw bax bay bba bbb bbc bbd bbe bbf bbg
    bbh bbi bbj bbk bbl bbm bbn bbo bbp bbq bbr bbs bbt bbu bbv bbw bbx bby bca bcb bcc bcd bce bcf
    bcg bch bci bcj bck bcl bcm bcn bco bcp bcq bcr bcs bct bcu bcv bcw bcy bcz bda bdb bdc bdd bde
    bdf bdg bdh bdi bdj bdk bdl bdm bdn bdo bdp bdq bdr bds bdt bdu bdv bdw bdx bdy bdz bea beb bec
    bed bee bef beg beh bei bek beo bep beq bes bet beu bev bew bex bey bez bfa bfb bfc bfd bfe bff
    bfg bfh bfi bfj bfk bfl bfm bfn bfo bfp bfq bfr bfs bft bfu bfw bfx bfy bfz bga bgb bgc bgd bge
    bgf bgg bgi bgj bgk bgl bgn bgo bgp bgq bgr bgs bgt bgu bgv bgw bgx bgy bgz bha bhb bhc bhd bhe
    bhf bhg bhh bhi bhj bhl bhm bhn bhp bhq bhr bhs bht bhu bhv bhw bhx bhy bhz bia bib bid bie bif
    big bil bim bio bip biq bir bit biu biv biw bix biy biz bja bjb bjc bje bjf bjg bjh bji bjj bjk
    bjl bjm bjn bjo bjp bjr bjs bjt bju bjv bjw bjx bjy bjz bka bkc bkd bkf bkg bkh bki bkj bkk bkl
    bkm bkn bko bkp bkq bkr bks bkt bku bkv bkw bkx bky bkz blb blc bld ble blf blh bli blj blk bll
    blm bln blo blp blq blr bls blt blv blw blx bly blz bma bmb bmc bmd bme bmf bmg bmh bmi bmj bmk
    bml bmm bmn bmo bmp bmq bmr bms bmt bmu bmv bmw bmx bmz bna bnb bnc bnd bne bnf bng bni bnj bnk
    bnl bnm bnn bno bnp bnq bnr bns bnu bnv bnw bnx bny bnz boa bob boe bof bog boh boi boj bok bol
    bom bon boo bop boq bor bot bou bov bow box boy boz bpa bpc bpd bpe bpg bph bpi bpj bpk bpl bpm
    bpn bpo bpp bpq bpr bps bpt bpu bpv bpw bpx bpy bpz bqa bqb bqc bqd bqf bqg bqh bqi bqj bqk bql
    bqm bqn bqo bqp bqq bqr bqs bqt bqu bqv bqw bqx bqy bqz brb brc brd brf brg brh bri brj brk brl
    brm brn bro brp brq brr brs brt bru brv brw brx bry brz bsa bsb bsc bse bsf bsg bsh bsi bsj bsk
    bsl bsm bsn bso bsp bsq bsr bss bst bsu bsv bsw bsx bsy bta btc btd bte btf btg bth bti btj btm
    btn bto btp btq btr bts btt btu btv btw btx bty btz bub buc bud bue buf buh bui buj buk bum bun
    buo bup buq bus but buu buv buw bux buy buz bva bvb bvc bvd bve bvf bvg bvh bvi bvj bvk bvl bvm
    bvn bvo bvp bvq bvr bvt bvu bvv bvw bvx bvy bvz bwa bwb bwc bwd bwe bwf bwg bwh bwi bwj bwk bwl
    bwm bwn bwo bwp bwq bwr bws bwt bwu bww bwx bwy bwz bxa bxb bxc bxd bxe bxf bxg bxh bxi bxj bxk
    bxl bxm bxn bxo bxp bxq bxr bxs bxu bxv bxw bxz bya byb byc byd bye byf byg byh byi byj byk byl
    bym byo byp byq byr bys byt byv byw byx byz bza bzb bzc bzd bze bzf bzg bzh bzi bzj bzk bzl bzm
    bzn bzo bzp bzq bzr bzs bzt bzu bzv bzw bzx bzy bzz caa cab cac cae caf cag cah caj cak cal cam
    can cao cap caq cas cav caw cax cay caz cbb cbc cbd cbg cbi cbj cbk cbl cbn cbo cbq cbr cbs cbt
    cbu cbv cbw cby ccc ccd cce ccg cch ccj ccl ccm cco ccp ccr cda cde cdf cdh cdi cdj cdm cdn cdo
    cdr cds cdy cdz cea ceg cek cen cet cey cfa cfd cfg cfm cga cgc cgg cgk chc chd chf chh chj chl
    chq cht chw chx chz cia cib cic cid cie cih cik cim cin cip cir ciw ciy cja cje cjh cji cjk cjm
    cjn cjo cjp cjs cjv cjy ckb ckh ckl ckm ckn cko ckq ckr cks ckt cku ckv ckx cky ckz cla clc cld
    cle clh cli clj clk cll clm clo clt clu clw cly cma cme cmg cmi cml cmm cmn cmo cmr cms cmt cna
    cnb cnc cng cnh cni cnk cnl cno cnp cnq cns cnt cnu cnw cnx coa cob coc cod coe cof cog coh coj
    cok col com con coo coq cot cou cov cow cox coz cpa cpb cpc cpg cpi cpn cpo cps cpu cpx cpy cqd
    cra crb crc crd crf crg cri crj crk crl crm crn cro crq crr crs crt crv crw crx cry crz csa csc
    csd cse csf csg csh csi csj csk csl csm csn cso csp csq csr css cst csv csw csx csy csz cta ctc
    ctd cte ctg cth ctl ctm ctn cto ctp cts ctt ctu cty ctz cua cub cuc cuh cui cuj cuk cul cuo cup
    cuq cur cut cuu cuv cuw cux cuy cvg cvn cwa cwb cwd cwe cwg cwt cya cyb cyo czh czk czn czo czt
    daa dac dad dae dag dah dai daj dal dam dao daq das dau dav daw dax daz dba dbb dbd dbe dbf dbg
    dbi dbj dbl dbm dbn dbo dbp dbq dbr dbt dbu dbv dbw dby dcc dcr dda ddd dde ddg ddi ddj ddn ddo
    ddr dds ddw dec ded dee def deg deh dei dek dem dep deq der des dev dez dga dgb dgc dgd dge dgg
    dgh dgi dgk dgl dgn dgo dgs dgt dgw dgx dgz dhd dhg dhi dhl dhm dhn dho dhr dhs dhu dhv dhw dhx
    dia dib dic did dif dig dih dii dij dik dil dim dio dip diq dir dis diu diw dix diy diz dja djb
    djc djd dje djf dji djj djk djm djn djo djr dju djw dka dkg dkk dkr dks dkx dlg dlk dlm dln dma
    dmb dmc dmd dme dmf dmg dmk dml dmm dmo dmr dms dmu dmv dmw dmx dmy dna dnd dne dng dni dnj dnk
    dnn dno dnr dnt dnu dnv dnw dny doa dob doc doe dof doh dok dol don doo dop doq dor dos dot dov
    dow dox doy doz dpp drb drc drd dre drg dri drl drn dro drq drs drt dru dry dse dsh dsi dsl dsn
    dso dsq dsz dta dtb dtd dth dti dtk dtm dtn dto dtp dtr dts dtt dtu dty dub duc due duf dug duh
    dui duk dul dun duo dup duq dur dus duu duv duw dux duy duz dva dwa dwk dwr dws dwu dww dwy dwz
    dya dyb dyd dyg dyi dym dyn dyo dyy dza dze dzg dzl dzn eaa ebc ebg ebk ebo ebr ebu ecr ecs ecy
    eee efa efe ega egl egm ego ehs ehu eip eit eiv eja eke ekg eki ekk ekl ekm eko ekp ekr eky ele
    elh eli elk elm elo elu ema emb eme emg emi emk emm emn emp emq ems emu emw emx emy emz ena enb
    enc end enf enh enl enn eno enq enr enu env enw enx eot epi era erg erh eri erk ero err ers ert
    erw ese esg esh esi esk esl esm esn eso esq ess esu esy etb etc eth etn eto etr ets ett etu etx
    etz eve evh evn ext eya eyo eza eze faa fab fad faf fag fah fai faj fak fal fam fap far fau fax
    fay faz fbl fcs fer ffi ffm fgr fia fie fif fip fir fit fiw fkk fkv fla flh fli fll fln flr fly
    fmp fmu fnb fng fni fod foi fom for fos fpe fqs frc frd frk frp frq frt fse fsl fss fub fuc fud
    fue fuf fuh fui fuj fum fun fuq fut fuu fuv fuy fvr fwa fwe gab gac gad gae gaf gag gah gai gaj
    gak gal gam gan gao gap gaq gar gas gat gau gaw gax gaz gbb gbd gbe gbf gbg gbh gbi gbj gbk gbl
    gbm gbn gbo gbp gbq gbr gbs gbu gbv gbw gbx gby gbz gcc gcd gce gcf gcl gcn gcr gct gda gdb gdc
    gdd gde gdf gdg gdh gdi gdj gdk gdl gdm gdn gdo gdq gdr gds gdt gdu gdx gea geb gec ged gef geg
    geh gei gej gek gel geq ges gev gew gex gey gfk gft gga ggb ggd gge ggg ggk ggl ggt ggu ggw gha
    ghc ghe ghh ghk ghl ghn gho ghr ghs ght gia gib gic gid gie gig gih gii gim gin gip giq gir gis
    git giu giw gix giy giz gjk gjm gjn gjr gju gka gkd gke gkn gko gkp gku glb glc gld glh glj glk
    gll glo glr glu glw gly gma gmb gmd gmg gml gmm gmn gmr gmu gmv gmx gmy gmz gna gnb gnc gnd gne
    gng gnh gni gnj gnk gnl gnm gnn gno gnq gnr gnt gnu gnw gnz goa gob goc god goe gof gog goi goj
    gok gol gom goo gop goq gos gou gov gow gox goy goz gpa gpe gpn gqa gqi gqn gqr gqu gra grd grg
    grh gri grj grm gro grq grr grs grt gru grv grw grx gry grz gse gsg gsl gsm gsn gso gsp gss gta
    gtu gua gub guc gud gue guf gug guh gui guk gul gum gun guo gup guq gur gus gut guu guw gux guz
    gva gvc gve gvf gvj gvl gvm gvn gvo gvp gvr gvs gvy gwa gwb gwc gwd gwe gwf gwg gwj gwm gwn gwr
    gwt gwu gww gwx gxx gya gyb gyd gye gyf gyg gyi gyl gym gyn gyo gyr gyy gyz gza gzi gzn haa hab
    hac had hae haf hag hah haj hak hal ham han hao hap haq har has hav hax hay haz hba hbb hbn hbo
    hbu hca hch hdn hds hdy hea hed heg heh hei hem hgm hgw hhi hhr hhy hia hib hid hif hig hih hii
    hij hik hio hir hiw hix hji hka hke hkh hkk hkn hks hla hlb hld hle hlt hlu hma hmb hmc hmd hme
    hmf hmg hmh hmi hmj hmk hml hmm hmp hmq hmr hms hmt hmu hmv hmw hmy hmz hna hnd hne hng hnh hni
    hnj hnn hno hns hnu hoa hob hoc hod hoe hoh hoi hoj hol hom hoo hop hor hos hot hov how hoy hoz
    hpo hps hra hrc hre hrk hrm hro hrp hrt hru hrw hrx hrz hsh hsl hsn hss hti hto hts htu htx hub
    huc hud hue huf hug huh hui huj huk hul hum huo huq hur hus hut huu huv huw hux huy huz hvc hve
    hvk hvn hvv hwa hwc hwo hya hyw iai ian iar ibb ibd ibe ibg ibh ibl ibm ibn ibr ibu iby ica ich
    icl icr ida idb idc idd ide idi idr ids idt idu ifa ifb ife iff ifk ifm ifu ify igb ige igg igl
    igm ign igo igs igw ihb ihi ihp ihw iin ijc ije ijj ijn ijs ike iki ikk ikl iko ikp ikr iks ikt
    ikv ikw ikx ikz ila ilb ilg ili ilk ilm ilp ils ilu ilv ima imi iml imn imo imr ims imt imy inb
    ing inj inl inm inn ino inp ins int inz ior iou iow ipi ipo iqu iqw ire irh iri irk irn irr iru
    irx iry isa isc isd ise isg ish isi isk ism isn iso isr ist isu itb itd ite iti itk itl itm ito
    itr its itt itv itw itx ity itz ium ivb ivv iwk iwm iwo iws ixc ixl iya iyo iyx izh izr izz jaa
    jab jac jad jae jaf jah jaj jak jal jam jan jao jaq jas jat jau jax jay jaz jbe jbi jbj jbk jbm
    jbn jbr jbt jbu jbw jcs jct jda jdg jdt jeb jee jeh jei jek jel jen jer jet jeu jgb jge jgk jgo
    jhi jhs jia jib jic jid jie jig jih jii jil jim jio jiq jit jiu jiv jiy jje jjr jka jkm jko jkp
    jkr jks jku jle jls jma jmb jmc jmd jmi jml jmn jmr jms jmw jmx jna jnd jng jni jnj jnl jns job
    jod jog jor jos jow jpa jqr jra jrr jrt jru jsl jua jub juc jud juh jui juk jul jum jun juo jup
    jur jus jut juu juw juy jvd jvn jwi jya jye jyy kad kae kaf kag kah kai kaj kak kao kap kaq kav
    kax kay kba kbb kbc kbe kbg kbh kbi kbj kbk kbl kbm kbn kbo kbp kbq kbr kbs kbt kbu kbv kbw kbx
    kby kbz kca kcb kcc kcd kce kcf kcg kch kci kcj kck kcl kcm kcn kco kcp kcq kcr kcs kct kcu kcv
    kcw kcx kcy kcz kda kdc kdd kde kdf kdg kdh kdi kdj kdk kdl kdm kdn kdp kdq kdr kdt kdu kdw kdx
    kdy kdz kea keb kec ked kee kef keg keh kei kej kek kel kem ken keo kep keq ker kes ket keu kev
    kew kex key kez kfa kfb kfc kfd kfe kff kfg kfh kfi kfj kfk kfl kfm kfn kfo kfp kfq kfr kfs kft
    kfu kfv kfw kfx kfy kfz kga kgb kge kgf kgg kgi kgj kgk kgl kgm kgn kgo kgp kgq kgr kgs kgt kgu
    kgv kgw kgx kgy khb khc khd khe khf khg khh khj khk khl khn khp khq khr khs kht khu khv khw khx
    khy khz kia kib kic kid kie kif kig kih kii kij kil kim kio kip kiq kis kit kiu kiv kiw kix kiy
    kiz kja kjb kjc kjd kje kjg kjh kji kjj kjk kjl kjm kjn kjo kjp kjq kjr kjs kjt kju kjv kjx kjy
    kjz kka kkb kkc kkd kke kkf kkg kkh kki kkj kkk kkl kkm kkn kko kkp kkq kkr kks kkt kku kkv kkw
    kkx kky kkz kla klb klc kld kle klf klg klh kli klj klk kll klm kln klo klp klq klr kls klt klu
    klv klw klx kly klz kma kmc kmd kme kmf kmg kmh kmi kmj kmk kml kmm kmn kmo kmp kmq kmr kms kmt
    kmu kmv kmw kmx kmy kmz kna knb knc knd kne knf kng kni knj knk knl knm knn kno knp knq knr kns
    knt knu knv knw knx kny knz koa koc kod koe kof kog koh koi kol koo kop koq kot kou kov kow koy
    koz kpa kpb kpc kpd kpf kpg kph kpi kpj kpk kpl kpm kpn kpo kpq kpr kps kpt kpu kpv kpw kpx kpy
    kpz kqa kqb kqc kqd kqe kqf kqg kqh kqi kqj kqk kql kqm kqn kqo kqp kqq kqr kqs kqt kqu kqv kqw
    kqx kqy kqz kra krb krd kre krf krh kri krj krk krn krp krr krs krt krv krw krx kry krz ksa ksb
    ksc ksd kse ksf ksg ksh ksi ksj ksk ksl ksm ksn kso ksp ksq ksr kss kst ksu ksv ksw ksx ksy ksz
    kta ktb ktc ktd kte ktf ktg kth kti ktj ktk ktl ktm ktn kto ktp ktq kts ktt ktu ktv ktw ktx kty
    ktz kub kuc kud kue kuf kug kuh kui kuj kuk kul kun kuo kup kuq kus kuu kuv kuw kux kuy kuz kva
    kvb kvc kvd kve kvf kvg kvh kvi kvj kvk kvl kvm kvn kvo kvp kvq kvr kvt kvu kvv kvw kvx kvy kvz
    kwa kwb kwc kwd kwe kwf kwg kwh kwi kwj kwk kwl kwm kwn kwo kwp kwr kws kwt kwu kwv kww kwx kwy
    kwz kxa kxb kxc kxd kxf kxh kxi kxj kxk kxm kxn kxo kxp kxq kxr kxs kxt kxv kxw kxx kxy kxz kya
    kyb kyc kyd kye kyf kyg kyh kyi kyj kyk kyl kym kyn kyo kyp kyq kyr kys kyt kyu kyv kyw kyx kyy
    kyz kza kzb kzc kzd kze kzf kzg kzi kzk kzl kzm kzn kzo kzp kzq kzr kzs kzu kzv kzw kzx kzy kzz
    laa lab lac lae laf lag lai laj lal lan lap laq lar las lau law lax lay laz lbb lbc lbe lbf lbg
    lbi lbj lbk lbl lbm lbn lbo lbq lbr lbs lbt lbu lbv lbw lbx lby lbz lcc lcd lce lcf lch lcl lcm
    lcp lcq lcs lda ldb ldd ldg ldh ldi ldj ldk ldl ldm ldn ldo ldp ldq lea leb lec led lee lef leh
    lei lej lek lel lem len leo lep leq ler les let leu lev lew lex ley lfa lfn lga lgb lgg lgh lgi
    lgk lgl lgm lgn lgo lgq lgr lgt lgu lgz lha lhh lhi lhl lhm lhn lhp lhs lht lhu lia lib lic lid
    lie lif lig lih lij lik lil lio lip liq lir lis liu liv liw lix liy liz lja lje lji ljl ljp ljw
    ljx lka lkb lkc lkd lke lkh lki lkj lkl lkm lkn lko lkr lks lkt lku lky lla llb llc lld lle llf
    llg llh lli llj llk lll llm lln llp llq lls llu llx lma lmb lmc lmd lme lmf lmg lmh lmi lmj lmk
    lml lmn lmo lmp lmq lmr lmu lmv lmw lmx lmy lna lnb lnd lng lnh lni lnj lnl lnm lnn lns lnu lnw
    lnz loa lob loc loe lof log loh loi loj lok lom lon loo lop loq lor los lot lou lov low lox loy
    lpa lpe lpn lpo lpx lqr lra lrc lre lrg lri lrk lrl lrm lrn lro lrr lrt lrv lrz lsa lsb lsc lsd
    lse lsh lsi lsl lsm lsn lso lsp lsr lss lst lsv lsw lsy ltc ltg lth lti ltn lto lts ltu luc lud
    lue luf luj luk lul lum lup luq lur lut luu luv luw luy luz lva lvi lvk lvs lvu lwa lwe lwg lwh
    lwl lwm lwo lws lwt lwu lww lxm lya lyg lyn lzh lzl lzn lzz maa mab mae maf maj mam maq mat mau
    mav maw max maz mba mbb mbc mbd mbe mbf mbh mbi mbj mbk mbl mbm mbn mbo mbp mbq mbr mbs mbt mbu
    mbv mbw mbx mby mbz mca mcb mcc mcd mce mcf mcg mch mci mcj mck mcl mcm mcn mco mcp mcq mcr mcs
    mct mcu mcv mcw mcx mcy mcz mda mdb mdc mdd mde mdg mdh mdi mdj mdk mdl mdm mdn mdp mdq mds mdt
    mdu mdv mdw mdx mdy mdz mea meb mec med mee mef meh mei mej mek mel mem meo mep meq mer mes met
    meu mev mew mey mez mfa mfb mfc mfd mfe mff mfg mfh mfi mfj mfk mfl mfm mfn mfo mfp mfq mfr mfs
    mft mfu mfv mfw mfx mfy mfz mgb mgc mgd mge mgf mgg mgh mgi mgj mgk mgl mgm mgn mgo mgp mgq mgr
    mgs mgt mgu mgv mgw mgy mgz mha mhb mhc mhd mhe mhf mhg mhi mhj mhk mhl mhm mhn mho mhp mhq mhr
    mhs mht mhu mhw mhx mhy mhz mia mib mid mie mif mig mih mii mij mik mil mim mio mip miq mir mit
    miu miw mix miy miz mjb mjc mjd mje mjg mjh mji mjj mjk mjl mjm mjn mjo mjp mjq mjr mjs mjt mju
    mjv mjw mjx mjy mjz mka mkb mkc mke mkf mkg mki mkj mkk mkl mkm mkn mko mkp mkq mkr mks mkt mku
    mkv mkw mkx mky mkz mla mlb mlc mle mlf mlh mli mlj mlk mll mlm mln mlo mlp mlq mlr mls mlu mlv
    mlw mlx mlz mma mmb mmc mmd mme mmf mmg mmh mmi mmj mmk mml mmm mmn mmo mmp mmq mmr mmt mmu mmv
    mmw mmx mmy mmz mna mnb mnd mne mnf mng mnh mnj mnk mnl mnm mnn mnp mnq mnr mns mnu mnv mnw mnx
    mny mnz moa moc mod moe mog moi moj mok mom moo mop moq mor mot mou mov mow mox moy moz mpa mpb
    mpc mpd mpe mpg mph mpi mpj mpk mpl mpm mpn mpo mpp mpq mpr mps mpt mpu mpv mpw mpx mpy mpz mqa
    mqb mqc mqe mqf mqg mqh mqi mqj mqk mql mqm mqn mqo mqp mqq mqr mqs mqt mqu mqv mqw mqx mqy mqz
    mra mrb mrc mrd mre mrf mrg mrh mrj mrk mrl mrm mrn mro mrp mrq mrr mrs mrt mru mrv mrw mrx mry
    mrz msb msc msd mse msf msg msh msi msj msk msl msm msn mso msp msq msr mss msu msv msw msx msy
    msz mta mtb mtc mtd mte mtf mtg mth mti mtj mtk mtl mtm mtn mto mtp mtq mtr mts mtt mtu mtv mtw
    mtx mty mua mub muc mud mue mug muh mui muj muk mum muo mup muq mur mut muu muv mux muy muz mva
    mvb mvd mve mvf mvg mvh mvi mvk mvl mvn mvo mvp mvq mvr mvs mvt mvu mvv mvw mvx mvy mvz mwa mwb
    mwc mwe mwf mwg mwh mwi mwk mwm mwn mwo mwp mwq mws mwt mwu mwv mww mwz mxa mxb mxc mxd mxe mxf
    mxg mxh mxi mxj mxk mxl mxm mxn mxo mxp mxq mxr mxs mxt mxu mxv mxw mxx mxy mxz myb myc mye myf
    myg myh myj myk myl mym myo myp myr mys myu myw myx myy myz mza mzb mzc mzd mze mzg mzh mzi mzj
    mzk mzl mzm mzn mzo mzp mzq mzr mzs mzt mzu mzv mzw mzx mzy mzz naa nab nac nae naf nag naj nak
    nal nam nan nao naq nar nas nat naw nax nay naz nba nbb nbc nbd nbe nbg nbh nbi nbj nbk nbm nbn
    nbo nbp nbq nbr nbs nbt nbu nbv nbw nby nca ncb ncc ncd nce ncf ncg nch nci ncj nck ncl ncm ncn
    nco ncq ncr ncs nct ncu ncx ncz nda ndb ndc ndd ndf ndg ndh ndi ndj ndk ndl ndm ndn ndp ndq ndr
    ndt ndu ndv ndw ndx ndy ndz nea neb nec ned nee nef neg neh nei nej nek nem nen neo neq ner nes
    net neu nev nex ney nez nfa nfd nfl nfr nfu nga ngb ngc ngd nge ngg ngh ngi ngj ngk ngl ngm ngn
    ngp ngq ngr ngs ngt ngu ngv ngw ngx ngy ngz nha nhb nhc nhd nhe nhf nhg nhh nhi nhk nhm nhn nho
    nhp nhq nhr nht nhu nhv nhw nhx nhy nhz nib nid nie nif nig nih nii nij nik nil nim nin nio niq
    nir nis nit niv niw nix niy niz nja njb njd njh nji njj njl njm njn njo njr njs njt nju njx njy
    njz nka nkb nkc nkd nke nkf nkg nkh nki nkj nkk nkm nkn nko nkp nkq nkr nks nkt nku nkv nkw nkx
    nkz nla nlc nle nlg nli nlj nlk nll nlm nlo nlq nlu nlv nlw nlx nly nlz nma nmb nmc nmd nme nmf
    nmg nmh nmi nmj nmk nml nmm nmn nmo nmp nmq nmr nms nmt nmu nmv nmw nmx nmy nmz nna nnb nnc nnd
    nne nnf nng nnh nni nnj nnk nnl nnm nnn nnp nnq nnr nnt nnu nnv nnw nny nnz noa noc nod noe nof
    noh noi noj nok nol nom nop noq nos not nou nov now noy noz npa npb npg nph npi npl npn npo nps
    npu npx npy nqg nqk nql nqm nqn nqq nqt nqy nra nrb nrc nre nrf nrg nri nrk nrl nrm nrn nrp nrr
    nrt nru nrx nrz nsa nsb nsc nsd nse nsf nsg nsh nsi nsk nsl nsm nsn nsp nsq nsr nss nst nsu nsv
    nsw nsx nsy nsz ntd nte ntg nti ntj ntk ntm nto ntp ntr ntu ntw ntx nty ntz nua nuc nud nue nuf
    nug nuh nui nuj nuk nul num nun nuo nup nuq nur nus nut nuu nuv nuw nux nuy nuz nvh nvm nvo nwa
    nwb nwe nwg nwi nwm nwo nwr nww nwx nwy nxa nxd nxe nxg nxi nxk nxl nxm nxn nxo nxq nxr nxx nyb
    nyc nyd nye nyf nyg nyh nyi nyj nyk nyl nyp nyq nyr nys nyt nyu nyv nyw nyx nyy nza nzb nzd nzk
    nzm nzs nzu nzy nzz oaa oac oar oav obi obk obl obm obo obr obt obu oca och ocm oco ocu oda odk
    odt odu ofo ofs ofu ogb ogc oge ogg ogo ogu oht ohu oia oie oin ojb ojc ojg ojp ojs ojv ojw oka
    okb okc okd oke okg okh oki okj okk okl okm okn oko okr oks oku okv okx okz ola old ole olk olm
    olo olr olt olu oma omb omc omg omi omk oml omn omo omp omr omt omu omw omx omy ona onb one ong
    oni onj onk onn ono onp onr ons ont onu onw onx ood oog oon oor oos opa opk opm opo opt opy ora
    orc ore org orh orn oro orr ors ort oru orv orw orx ory orz osc osi osn oso osp ost osu osx otb
    otd ote oti otk otl otm otn otq otr ots ott otu otw otx oty otz oua oub oue oui oum ovd owi owl
    oyb oyd oym oyy ozm pab pac pad pae paf pah pai pak pao paq par pas pav paw pax pay paz pbb pbc
    pbe pbf pbg pbh pbi pbl pbm pbn pbo pbp pbr pbs pbt pbu pbv pby pca pcb pcc pcd pce pcf pcg pch
    pci pcj pck pcl pcm pcn pcp pcw pda pdc pdi pdn pdo pdt pdu pea peb ped pee pef peg peh pei pej
    pek pel pem pep peq pes pev pex pey pez pfa pfe pfl pga pgd pgg pgi pgk pgl pgn pgs pgu pgz pha
    phd phg phh phj phk phl phm pho phq phr pht phu phv phw pia pib pic pid pie pif pig pih pij pil
    pim pin pio pip pir pis pit piu piv piw pix piy piz pjt pka pkb pkc pkg pkh pkn pko pkp pkr pks
    pkt pku pla plb plc pld ple plg plh plj plk pll pln plo plq plr pls plt plu plv plw ply plz pma
    pmb pmd pme pmf pmh pmi pmj pmk pml pmm pmn pmo pmq pmr pms pmt pmw pmx pmy pmz pna pnb pnc pnd
    pne png pnh pni pnj pnk pnl pnm pnn pno pnp pnq pnr pns pnt pnu pnv pnw pnx pny pnz poc poe pof
    pog poh poi pok pom poo pop poq pos pot pov pow pox poy ppe ppi ppk ppl ppm ppn ppo ppp ppq pps
    ppt ppu pqa pqm prc prd pre prf prg prh pri prk prl prm prn prp prq prr prs prt pru prw prx prz
    psa psc psd pse psg psh psi psl psm psn pso psp psq psr pss pst psu psw psy pta pth pti ptn pto
    ptp ptq ptr ptt ptu ptv ptw pty pua pub puc pud pue puf pug pui puj pum puo pup puq pur put puu
    puw pux puy pwa pwb pwg pwi pwm pwn pwo pwr pww pxm pye pym pyn pys pyu pyx pyy pzh pzn qua qub
    quc qud quf qug quh qui quk qul qum qun qup quq qur qus quv quw qux quy quz qva qvc qve qvh qvi
    qvj qvl qvm qvn qvo qvp qvs qvw qvy qvz qwa qwc qwh qwm qws qwt qxa qxc qxh qxl qxn qxo qxp qxq
    qxr qxs qxt qxu qxw qya qyp raa rab rac rad raf rag rah rai rak ral ram ran rao raq ras rat rau
    rav raw rax ray raz rbb rbk rbl rbp rcf rdb rea reb ree reg rei rej rel rem ren rer res ret rey
    rga rge rgk rgn rgr rgs rgu rhg rhp ria rib rif ril rim rin rir rit riu rjg rji rjs rka rkb rkh
    rki rkm rkt rkw rma rmb rmc rmd rme rmf rmg rmh rmi rmk rml rmm rmn rmo rmp rmq rms rmt rmu rmv
    rmw rmx rmy rmz rnb rnd rng rnl rnn rnp rnr rnw rob roc rod roe rof rog rol roo rop ror rou row
    rpn rpt rri rro rrt rsb rsk rsl rsm rsn rtc rth rtm rts rtw rub ruc rue ruf rug ruh rui ruk ruo
    ruq rut ruu ruy ruz rwa rwk rwl rwm rwo rwr rxd rxw ryn rys ryu rzh saa sab sac sae saf saj sak
    sao saq sar sau sav saw sax say saz sba sbb sbc sbd sbe sbf sbg sbh sbi sbj sbk sbl sbm sbn sbo
    sbp sbq sbr sbs sbt sbu sbv sbw sbx sby sbz scb sce scf scg sch sci sck scl scp scq scs sct scu
    scv scw scx sda sdb sdc sde sdf sdg sdh sdj sdk sdl sdn sdo sdp sdq sdr sds sdt sdu sdx sdz sea
    seb sec sed see sef seg seh sei sej sek sen seo sep seq ser ses set seu sev sew sey sez sfb sfe
    sfm sfs sfw sgb sgc sgd sge sgg sgh sgi sgj sgk sgm sgp sgr sgs sgt sgu sgw sgx sgy sgz sha shb
    shc shd she shg shh shi shj shk shl shm sho shp shq shr shs sht shu shv shw shx shy shz sia sib
    sie sif sig sih sii sij sik sil sim sip siq sir sis siu siv siw six siy siz sja sjb sjd sje sjg
    sjk sjl sjm sjn sjo sjp sjr sjs sjt sju sjw ska skb skc skd ske skf skg skh ski skj skm skn sko
    skp skq skr sks skt sku skv skw skx sky skz slc sld sle slf slg slh sli slj sll slm sln slp slq
    slr sls slt slu slw slx sly slz smb smc smf smg smh smk sml smm smp smq smr smt smu smv smw smx
    smy smz snc sne snf sng sni snj snl snm snn sno snp snq snr sns snu snv snw snx sny snz soa sob
    soc sod soe soh soi soj sok sol soo sop soq sor sos sou sov sow sox soy soz spb spc spd spe spg
    spi spk spl spm spn spo spp spq spr sps spt spu spv spx spy sqa sqh sqk sqm sqn sqo sqq sqr sqs
    sqt squ sqx sra srb src sre srf srg srh sri srk srl srm sro srq srs srt sru srv srw srx sry srz
    ssb ssc ssd sse ssf ssg ssh ssi ssj ssk ssl ssm ssn sso ssp ssq ssr sss sst ssu ssv ssx ssy ssz
    sta stb std ste stf stg sth sti stj stk stl stm stn sto stp stq str sts stt stu stv stw sty sua
    sub suc sue sug sui suj suo suq sur sut suv suw suy suz sva svb svc sve svk svm svs svx swb swc
    swf swg swh swi swj swk swl swm swn swo swp swq swr sws swt swu swv sww swx swy sxb sxc sxe sxg
    sxk sxl sxm sxn sxo sxr sxs sxu sxw sya syb syi syk syl sym syn syo sys syw syx syy sza szb szc
    szd sze szg szl szn szp szs szv szw szy taa tab tac tad tae taf tag taj tak tal tan tao tap taq
    tar tas tau tav taw tax tay taz tba tbc tbd tbe tbf tbg tbh tbi tbj tbk tbl tbm tbn tbo tbp tbr
    tbs tbt tbu tbv tbw tbx tby tbz tca tcb tcc tcd tce tcf tcg tch tci tck tcl tcm tcn tco tcp tcq
    tcs tct tcu tcw tcx tcy tcz tda tdb tdc tdd tde tdf tdg tdh tdi tdj tdk tdl tdm tdn tdo tdq tdr
    tds tdt tdv tdx tdy tea teb tec ted tee tef teg teh tei tek ten teo tep teq tes teu tev tew tex
    tey tez tfi tfn tfo tfr tft tga tgb tgc tgd tge tgf tgh tgi tgj tgn tgo tgp tgq tgr tgs tgt tgu
    tgv tgw tgx tgy tgz thd the thf thh thi thk thl thm thn thp thq thr ths tht thu thv thy thz tia
    tic tif tih tii tij tik til tim tin tio tip tiq tis tit tiu tiw tix tiy tiz tja tjg tji tjj tjl
    tjm tjn tjo tjp tjs tju tjw tka tkb tkd tke tkf tkg tkm tkn tkp tkq tkr tks tkt tku tkv tkw tkx
    tkz tla tlb tlc tld tlf tlg tlj tlk tll tlm tln tlo tlp tlq tlr tls tlt tlu tlv tlx tly tma tmb
    tmc tmd tme tmf tmg tmi tmj tmk tml tmm tmn tmo tmq tmr tms tmt tmu tmv tmw tmy tmz tna tnb tnc
    tnd tng tnh tni tnk tnl tnm tnn tno tnp tnq tnr tns tnt tnu tnv tnw tnx tny tnz tob toc tod tof
    toh toi toj tok tol tom too top toq tor tos tou tov tow tox toy toz tpa tpc tpe tpf tpg tpj tpk
    tpl tpm tpn tpo tpp tpq tpr tpt tpu tpv tpw tpx tpy tpz tqb tql tqm tqn tqo tqp tqq tqr tqt tqu
    tqw tra trb trc trd tre trf trg trh tri trj trl trm trn tro trp trq trr trs trt tru trv trw trx
    try trz tsa tsb tsc tsd tse tsg tsh tsj tsk tsl tsm tsp tsq tsr tss tst tsu tsv tsw tsx tsy tsz
    tta ttb ttc ttd tte ttf ttg tth tti ttj ttk ttl ttm ttn tto ttp ttq ttr tts ttt ttu ttv ttw tty
    ttz tua tub tuc tud tue tuf tug tuh tui tuj tul tun tuo tuq tus tuu tuv tux tuy tuz tva tvd tve
    tvk tvm tvn tvo tvs tvt tvu tvw tvx tvy twa twb twc twd twe twf twg twh twl twm twn two twp twq
    twr twt twu tww twx twy txa txb txc txe txg txh txi txj txm txn txo txq txr txs txt txu txx txy
    tya tye tyh tyi tyj tyl tyn typ tyr tys tyt tyu tyx tyy tyz tza tzh tzj tzl tzm tzn tzo tzx uam
    uan uar uba ubi ubl ubr ubu uby uda ude udg udi udj udl udu ues ufi ugb uge ugh ugn ugo ugy uha
    uhn uis uiv uji uka ukg ukh uki ukk ukl ukp ukq uks uku ukv ukw uky ula ulb ulc ule ulf uli ulk
    ull ulm uln ulu ulw uma umc umd umg umi umm umn umo ump umr ums umu una une ung uni unk unm unn
    unr unu unx unz uon upi upv ura urb urc ure urf urg urh uri urk url urm urn uro urp urr urt uru
    urv urw urx ury urz usa ush usi usk usp uss usu uta ute uth utp utr utu uum uur uuu uve uvh uvl
    uwa uya uzn uzs vaa vae vaf vag vah vaj val vam van vao vap var vas vau vav vay vbb vbk vec ved
    vel vem veo vep ver vgr vgt vic vid vif vig vil vin vis vit viv vka vkj vkk vkl vkm vkn vko vkp
    vkt vku vkz vlp vls vma vmb vmc vmd vme vmf vmg vmh vmi vmj vmk vml vmm vmp vmq vmr vms vmu vmv
    vmw vmx vmy vmz vnk vnm vnp vor vra vro vrs vrt vsi vsl vsv vto vum vun vut vwa waa wab wac wad
    wae waf wag wah wai waj wam wan wao wap waq wat wau wav waw wax way waz wba wbb wbe wbf wbh wbi
    wbj wbk wbl wbm wbp wbq wbr wbs wbt wbv wbw wca wci wdd wdg wdj wdk wdt wdu wdy wea wec wed weg
    weh wei wem weo wep wer wes wet weu wew wfg wga wgb wgg wgi wgo wgu wgy wha whg whk whu wib wic
    wie wif wig wih wii wij wik wil wim win wir wiu wiv wiy wja wji wka wkb wkd wkl wkr wku wkw wky
    wla wlc wle wlg wlh wli wlk wll wlm wlo wlr wls wlu wlv wlw wlx wly wma wmb wmc wmd wme wmg wmh
    wmi wmm wmn wmo wms wmt wmw wmx wnb wnc wnd wne wng wni wnk wnm wnn wno wnp wnu wnw wny woa wob
    woc wod woe wof wog woi wok wom won woo wor wos wow woy wpc wrb wrg wrh wri wrk wrl wrm wrn wro
    wrp wrr wrs wru wrv wrw wrx wry wrz wsa wsg wsi wsk wsr wss wsu wsv wtf wth wti wtk wtm wtw wua
    wub wud wuh wul wum wun wur wut wuu wuv wux wuy wwa wwb wwo wwr www wxa wxw wyb wyi wym wyn wyr
    wyy xaa xab xac xad xae xag xai xaj xak xam xan xao xap xaq xar xas xat xau xav xaw xay xbb xbc
    xbd xbe xbg xbi xbj xbm xbn xbo xbp xbr xbw xby xcb xcc xce xcg xch xcl xcm xcn xco xcr xct xcu
    xcv xcw xcy xda xdc xdk xdm xdo xdq xdy xeb xed xeg xel xem xep xer xes xet xeu xfa xga xgb xgd
    xgf xgg xgi xgl xgm xgr xgu xgw xha xhc xhd xhe xhm xhr xht xhu xhv xib xii xil xin xir xis xiv
    xiy xjb xjt xka xkb xkc xkd xke xkf xkg xki xkj xkk xkl xkn xko xkp xkq xkr xks xkt xku xkv xkw
    xkx xky xkz xla xlb xlc xld xle xlg xli xln xlo xlp xls xlu xly xma xmb xmc xmd xme xmf xmg xmh
    xmj xmk xml xmm xmn xmo xmp xmq xmr xms xmt xmu xmv xmw xmx xmy xmz xna xnb xng xnh xni xnj xnk
    xnm xnn xno xnq xnr xns xnt xnu xny xnz xoc xod xog xoi xok xom xon xoo xop xor xow xpa xpb xpc
    xpd xpe xpf xpg xph xpi xpj xpk xpl xpm xpn xpo xpp xpq xpr xps xpt xpu xpv xpw xpx xpy xpz xqa
    xqt xra xrb xrd xre xrg xri xrm xrn xrr xrt xru xrw xsa xsb xsc xsd xse xsh xsi xsj xsl xsm xsn
    xso xsp xsq xsr xss xsu xsv xsy xta xtb xtc xtd xte xtg xth xti xtj xtl xtm xtn xto xtp xtq xtr
    xts xtt xtu xtv xtw xty xua xub xud xug xuj xul xum xun xuo xup xur xut xuu xve xvi xvn xvo xvs
    xwa xwc xwd xwe xwg xwj xwk xwl xwo xwr xwt xww xxb xxk xxm xxr xxt xya xyb xyj xyk xyl xyt xyy
    xzh xzm xzp yaa yab yac yad yae yaf yag yah yai yaj yak yal yam yan yaq yar yas yat yau yav yaw
    yax yay yaz yba ybb ybe ybh ybi ybj ybk ybl ybm ybn ybo ybx yby ych ycl ycn ycp yda ydd yde ydg
    ydk yea yec yee yei yej yel yer yes yet yeu yev yey yga ygi ygl ygm ygp ygr ygs ygu ygw yha yhd
    yhl yhs yia yif yig yih yii yij yik yil yim yin yip yiq yir yis yit yiu yiv yix yiz yka ykg yki
    ykk ykl ykm ykn yko ykr ykt yku yky yla ylb yle ylg yli yll ylm yln ylo ylr ylu yly ymb ymc ymd
    yme ymg ymh ymi ymk yml ymm ymn ymo ymp ymq ymr yms ymx ymz yna ynd yne yng ynk ynl ynn yno ynq
    yns ynu yob yog yoi yok yol yom yon yot yox yoy ypa ypb ypg yph ypm ypn ypo ypp ypz yra yrb yre
    yrk yrl yrm yrn yro yrs yrw yry ysc ysd ysg ysl ysm ysn yso ysp ysr yss ysy yta ytl ytp ytw yty
    yua yub yuc yud yue yuf yug yui yuj yuk yul yum yun yup yuq yur yut yuw yux yuy yuz yva yvt ywa
    ywg ywl ywn ywq ywr ywt ywu yww yxa yxg yxl yxm yxu yxy yyr yyu yyz yzg yzk zaa zab zac zad zae
    zaf zag zah zai zaj zak zal zam zao zaq zar zas zat zau zav zaw zax zay zaz zba zbc zbe zbt zbu
    zbw zca zcd zch zdj zea zeg zeh zga zgb zgm zgn zgr zhb zhd zhi zhn zhw zia zib zik zil zim zin
    ziw ziz zka zkb zkd zkg zkh zkk zkn zko zkp zkr zkt zku zkv zkz zla zlj zlm zln zlq zma zmb zmc
    zmd zme zmf zmg zmh zmi zmj zmk zml zmm zmn zmo zmp zmq zmr zms zmt zmu zmv zmw zmx zmy zmz zna
    zne zng znk zns zoc zoh zom zoo zoq zor zos zpa zpb zpc zpd zpe zpf zpg zph zpi zpj zpk zpl zpm
    zpn zpo zpp zpq zpr zps zpt zpu zpv zpw zpx zpy zpz zqe zra zrg zrn zro zrp zrs zsa zsk zsl zsm
    zsr zsu zte ztg ztl ztm ztn ztp ztq zts ztt ztu ztx zty zua zuh zum zuy zwa zyb zyg zyj zyn zyp
    zzj
    """#
}
