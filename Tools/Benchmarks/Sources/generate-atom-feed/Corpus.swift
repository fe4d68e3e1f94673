/// The text the records are made of, in the six UN languages (English first, as in the real feeds), with the
/// characters Atom must escape (`&`, `<`, `>`, quotes) and text from outside the Basic Multilingual Plane.
enum Corpus {
    static let languages = ["en", "fr", "es", "ar", "zh", "ru"]

    /// Decision titles, one per language.
    static let topics: [[String]] = [
        [
            "Measures to reduce or eliminate releases from wastes",
            "Mesures propres à réduire ou éliminer les rejets de déchets",
            "Medidas para reducir o eliminar las liberaciones derivadas de desechos",
            "تدابير للحد من الإطلاقات من النفايات أو القضاء عليها",
            "减少或消除废物释放的措施",
            "Меры по сокращению или ликвидации выбросов из отходов",
        ],
        [
            "Cooperation & coordination among the Basel, Rotterdam and Stockholm conventions",
            "Coopération et coordination entre les conventions de Bâle, de Rotterdam et de Stockholm",
            "Cooperación y coordinación entre los convenios de Basilea, Rotterdam y Estocolmo",
            "التعاون والتنسيق بين اتفاقيات بازل وروتردام واستكهولم",
            "巴塞尔、鹿特丹和斯德哥尔摩公约之间的合作与协调",
            "Сотрудничество и координация между Базельской, Роттердамской и Стокгольмской конвенциями",
        ],
        [
            "Programme of work on migratory species <2024–2026>",
            "Programme de travail sur les espèces migratrices « 2024–2026 »",
            "Programa de trabajo sobre las especies migratorias",
            "برنامج العمل المتعلق بالأنواع المهاجرة",
            "关于迁徙物种的工作方案",
            "Программа работы по мигрирующим видам",
        ],
        [
            "Wetlands of international importance and the List of Ramsar sites",
            "Zones humides d'importance internationale et Liste des sites Ramsar",
            "Humedales de importancia internacional y Lista de sitios Ramsar",
            "الأراضي الرطبة ذات الأهمية الدولية وقائمة مواقع رامسار",
            "国际重要湿地和拉姆萨尔湿地名录",
            "Водно-болотные угодья международного значения и Список Рамсарских угодий",
        ],
        [
            "Financial mechanism: \"voluntary\" contributions",
            "Mécanisme de financement : contributions « volontaires »",
            "Mecanismo financiero: contribuciones \"voluntarias\"",
            "الآلية المالية",
            "资金机制",
            "Механизм финансирования",
        ],
    ]

    /// Preamble and operative sentences, per language.
    static let sentences: [[String]] = [
        [
            "The Conference of the Parties,",
            "Recalling its previous decision on the elimination of persistent organic pollutants,",
            "Takes note of the report by the Secretariat on the activities undertaken during the biennium;",
            "Requests the Secretariat to continue its work in cooperation with relevant organizations;",
            "Invites Parties & other stakeholders to submit comments before the next meeting (<30 days>);",
            "Notes that documents are archived under \"UNEP/POPS/COP.3\" and at http://www.pops.int/?a=1&b=2;",
            "Expresses its appreciation to the Government of Côte d'Ivoire for hosting the regional workshop;",
        ],
        [
            "La Conférence des Parties,",
            "Rappelant sa décision précédente sur l'élimination des polluants organiques persistants,",
            "Prend note du rapport du Secrétariat sur les activités menées au cours de l'exercice biennal ;",
            "Invite les Parties et les autres parties prenantes à communiquer leurs observations ;",
            "Remercie le Gouvernement de la Côte d'Ivoire d'avoir accueilli l'atelier régional à Abidjan.",
        ],
        [
            "La Conferencia de las Partes,",
            "Toma nota del informe de la Secretaría sobre las actividades realizadas durante el bienio;",
            "¿Alienta a las Partes que estén en condiciones de hacerlo a que aporten recursos financieros? ¡Sí!",
            "Aprueba las orientaciones que figuran en el anexo de la presente decisión, en su forma enmendada;",
        ],
        [
            "إن مؤتمر الأطراف،",
            "يحيط علماً بتقرير الأمانة عن الأنشطة المضطلع بها خلال فترة السنتين؛",
            "يقرر أن يستعرض التقدم المحرز في اجتماعه القادم على أساس المعلومات المقدمة.",
        ],
        [
            "缔约方大会，",
            "注意到秘书处关于两年期内所开展活动的报告；",
            "𠮷野先生代表观察员发言，欢迎捐助方提供的资金支持；",
        ],
        [
            "Конференция Сторон,",
            "принимает к сведению доклад секретариата о деятельности за двухгодичный период;",
            "постановляет рассмотреть достигнутый прогресс на своем следующем совещании.",
        ],
    ]

    /// Treaties with their service roots and decision number styles.
    static let treaties: [(id: String, root: String, bodies: [String], dotted: Bool)] = [
        ("stockholm", "http://informea.pops.int/informea.svc", ["SC", "POPRC"], false),
        ("basel", "http://informea.basel.int/informea.svc", ["BC", "OEWG"], false),
        ("rotterdam", "http://informea.pic.int/informea.svc", ["RC", "CRC"], false),
        ("cms", "https://www.cms.int/informea.svc", ["Resolution", "Decision"], true),
        ("ramsar", "https://www.ramsar.org/informea.svc", ["Resolution"], true),
    ]

    static let mimeTypes: [(type: String, extension: String)] = [
        ("application/pdf", "pdf"), ("application/msword", "doc"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ]

    static let keywords = [
        "hazardous waste", "persistent organic pollutants", "migratory species", "wetlands", "financial mechanism",
        "capacity building", "compliance", "technical assistance",
    ]
}
