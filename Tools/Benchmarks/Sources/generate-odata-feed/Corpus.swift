/// The text the records are made of: decision topics in six languages (so a record's titles agree across
/// languages), preamble and operative sentences, and the conventions with their service roots and numbering.
enum Corpus {
    /// Languages in the order they appear in a record (English always first, as in the real feeds).
    static let languages = ["en", "fr", "es", "ar", "zh", "ru"]

    /// File-name suffixes per language (`UNEP-POPS-COP.3-SC-3-7.English`).
    static let languageNames = [
        "en": "English", "fr": "French", "es": "Spanish", "ar": "Arabic", "zh": "Chinese", "ru": "Russian",
    ]

    /// One topic: its title in each language of `languages`.
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
            "Guidance on alternatives to perfluorooctane sulfonate and its derivatives",
            "Orientations sur les solutions de remplacement du sulfonate de perfluorooctane et ses dérivés",
            "Orientación sobre alternativas al sulfonato de perfluorooctano y sus derivados",
            "إرشادات بشأن بدائل سلفونات البيرفلوروكتان ومشتقاتها",
            "关于全氟辛烷磺酸及其衍生物替代品的指导意见",
            "Руководство по альтернативам перфтороктановому сульфонату и его производным",
        ],
        [
            "Technical assistance and capacity-building",
            "Assistance technique et renforcement des capacités",
            "Asistencia técnica y creación de capacidad",
            "المساعدة التقنية وبناء القدرات",
            "技术援助和能力建设",
            "Техническая помощь и создание потенциала",
        ],
        [
            "Programme of work on migratory species",
            "Programme de travail sur les espèces migratrices",
            "Programa de trabajo sobre las especies migratorias",
            "برنامج العمل المتعلق بالأنواع المهاجرة",
            "关于迁徙物种的工作方案",
            "Программа работы по мигрирующим видам",
        ],
        [
            "Review of the implementation of the Convention",
            "Examen de l'application de la Convention",
            "Examen de la aplicación del Convenio",
            "استعراض تنفيذ الاتفاقية",
            "审查公约的执行情况",
            "Обзор осуществления Конвенции",
        ],
        [
            "Cooperation and coordination among the Basel, Rotterdam and Stockholm conventions",
            "Coopération et coordination entre les conventions de Bâle, de Rotterdam et de Stockholm",
            "Cooperación y coordinación entre los convenios de Basilea, Rotterdam y Estocolmo",
            "التعاون والتنسيق بين اتفاقيات بازل وروتردام واستكهولم",
            "巴塞尔、鹿特丹和斯德哥尔摩公约之间的合作与协调",
            "Сотрудничество и координация между Базельской, Роттердамской и Стокгольмской конвенциями",
        ],
        [
            "Financial mechanism",
            "Mécanisme de financement",
            "Mecanismo financiero",
            "الآلية المالية",
            "资金机制",
            "Механизм финансирования",
        ],
        [
            "Global monitoring plan for effectiveness evaluation",
            "Plan de surveillance mondial aux fins de l'évaluation de l'efficacité",
            "Plan de vigilancia mundial para la evaluación de la eficacia",
            "خطة الرصد العالمية لتقييم الفعالية",
            "用于成效评估的全球监测计划",
            "План глобального мониторинга для оценки эффективности",
        ],
        [
            "Work programme of the \"Partnership for Action on Computing Equipment\"",
            "Programme de travail du « Partenariat pour une action sur les équipements informatiques »",
            "Programa de trabajo de la «Alianza para la Acción sobre los Equipos de Computadoras»",
            "برنامج عمل \"الشراكة المتعلقة بالعمل بشأن المعدات الحاسوبية\"",
            "“计算设备行动伙伴关系”工作方案",
            "Программа работы «Партнерства по действиям в отношении компьютерного оборудования»",
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
            "Compliance: procedures and institutional mechanisms",
            "Respect des obligations : procédures et mécanismes institutionnels",
            "Cumplimiento: procedimientos y mecanismos institucionales",
            "الامتثال: الإجراءات والآليات المؤسسية",
            "遵约：程序和体制机制",
            "Соблюдение: процедуры и институциональные механизмы",
        ],
        [
            "Listing of perfluorohexane sulfonic acid (PFHxS), its salts and PFHxS-related compounds",
            "Inscription de l'acide perfluorohexane sulfonique (PFHxS), de ses sels et des composés apparentés",
            "Inclusión del ácido perfluorohexano sulfónico (PFHxS), sus sales y compuestos conexos",
            "إدراج حمض السلفونيك البيرفلوروهكسان وأملاحه والمركبات المرتبطة به",
            "列入全氟己基磺酸（PFHxS）、其盐类和相关化合物",
            "Включение перфторгексансульфоновой кислоты (ПФГкС), ее солей и родственных соединений",
        ],
    ]

    /// Preamble and operative sentences per language (same order as `languages`).
    static let sentences: [[String]] = [
        [
            "The Conference of the Parties,",
            "Recalling its previous decision on the elimination of persistent organic pollutants,",
            "Takes note of the report by the Secretariat on the activities undertaken during the biennium;",
            "Requests the Secretariat to continue its work in cooperation with relevant organizations;",
            "Invites Parties and other stakeholders to submit their comments before the next meeting;",
            "Welcomes the \"Cartagena Declaration on Prevention, Minimization and Recovery of Hazardous Wastes\";",
            "Notes that documents are archived under \"UNEP\\POPS\\COP.3\" and at http://www.pops.int/documents/;",
            "Decides to review progress at its next meeting on the basis of the information provided;",
            "Encourages Parties in a position to do so to provide financial resources to support implementation;",
            "Adopts the guidance set out in the annex to the present decision, as amended during the session;",
            "Expresses its appreciation to the Government of Côte d'Ivoire for hosting the regional workshop;",
            "Agrees to consider the matter further at its 12th meeting, in Geneva (Switzerland), 1–12 May.",
        ],
        [
            "La Conférence des Parties,",
            "Rappelant sa décision précédente sur l'élimination des polluants organiques persistants,",
            "Prend note du rapport du Secrétariat sur les activités menées au cours de l'exercice biennal ;",
            "Prie le Secrétariat de poursuivre ses travaux en coopération avec les organisations compétentes ;",
            "Invite les Parties et les autres parties prenantes à communiquer leurs observations avant la prochaine réunion ;",
            "Se félicite de l'appui financier « volontaire » reçu des donateurs et de la mise en œuvre des projets ;",
            "Décide d'examiner les progrès accomplis à sa prochaine réunion, à la lumière des informations reçues ;",
            "Encourage les Parties qui sont en mesure de le faire à fournir des ressources financières ;",
            "Adopte les orientations figurant dans l'annexe à la présente décision, telles que modifiées ;",
            "Remercie le Gouvernement de la Côte d'Ivoire d'avoir accueilli l'atelier régional à Abidjan.",
        ],
        [
            "La Conferencia de las Partes,",
            "Recordando su decisión anterior sobre la eliminación de los contaminantes orgánicos persistentes,",
            "Toma nota del informe de la Secretaría sobre las actividades realizadas durante el bienio;",
            "Pide a la Secretaría que prosiga su labor en cooperación con las organizaciones pertinentes;",
            "Invita a las Partes y a otros interesados a que presenten sus observaciones antes de la próxima reunión;",
            "Acoge con beneplácito el apoyo financiero de los donantes y la participación de España y Perú;",
            "Decide examinar los progresos en su próxima reunión sobre la base de la información facilitada;",
            "¿Alienta a las Partes que estén en condiciones de hacerlo a que aporten recursos financieros? ¡Sí!",
            "Aprueba las orientaciones que figuran en el anexo de la presente decisión, en su forma enmendada;",
        ],
        [
            "إن مؤتمر الأطراف،",
            "إذ يشير إلى مقرره السابق بشأن القضاء على الملوثات العضوية الثابتة،",
            "يحيط علماً بتقرير الأمانة عن الأنشطة المضطلع بها خلال فترة السنتين؛",
            "يطلب إلى الأمانة أن تواصل عملها بالتعاون مع المنظمات المختصة؛",
            "يدعو الأطراف وسائر أصحاب المصلحة إلى تقديم تعليقاتهم قبل الاجتماع المقبل؛",
            "يقرر أن يستعرض التقدم المحرز في اجتماعه القادم على أساس المعلومات المقدمة.",
        ],
        [
            "缔约方大会，",
            "回顾其关于消除持久性有机污染物的先前决定，",
            "注意到秘书处关于两年期内所开展活动的报告；",
            "请秘书处与有关组织合作继续开展工作；",
            "邀请缔约方和其他利益攸关方在下次会议之前提交意见；",
            "𠮷野先生代表观察员发言，欢迎捐助方提供的资金支持；",
            "决定在下次会议上根据所提供的资料审查进展情况。",
        ],
        [
            "Конференция Сторон,",
            "ссылаясь на свое предыдущее решение о ликвидации стойких органических загрязнителей,",
            "принимает к сведению доклад секретариата о деятельности, осуществленной в течение двухгодичного периода;",
            "просит секретариат продолжить работу в сотрудничестве с компетентными организациями;",
            "предлагает Сторонам и другим заинтересованным субъектам представить свои замечания до следующего совещания;",
            "постановляет рассмотреть достигнутый прогресс на своем следующем совещании.",
        ],
    ]

    /// A convention as its OData service publishes it.
    struct Treaty {
        let id: String
        let serviceRoot: String
        let model: String
        /// Number prefixes of its bodies (`SC`, `POPRC`).
        let bodies: [String]
        /// Number style: `SC-3/7` (dash) or `Resolution 12.5` (dotted).
        let dotted: Bool
        /// The UN document symbol stem (`UNEP/POPS/COP`).
        let symbol: String
        /// The document portal.
        let portal: String
        let meetingNoun: String
    }

    static let treaties: [Treaty] = [
        Treaty(
            id: "stockholm",
            serviceRoot: "http://informea.pops.int/Documents/sc/Decisions.svc",
            model: "ScDecisionsModel",
            bodies: ["SC", "POPRC"],
            dotted: false,
            symbol: "UNEP/POPS/COP",
            portal: "http://chm.pops.int/Portals/0/download.aspx?d=UNEP-POPS-COP",
            meetingNoun: "Stockholm Convention"
        ),
        Treaty(
            id: "basel",
            serviceRoot: "http://informea.basel.int/Documents/bc/Decisions.svc",
            model: "BcDecisionsModel",
            bodies: ["BC", "OEWG"],
            dotted: false,
            symbol: "UNEP/CHW",
            portal: "http://www.basel.int/Portals/4/download.aspx?d=UNEP-CHW-COP",
            meetingNoun: "Basel Convention"
        ),
        Treaty(
            id: "rotterdam",
            serviceRoot: "http://informea.pic.int/Documents/rc/Decisions.svc",
            model: "RcDecisionsModel",
            bodies: ["RC", "CRC"],
            dotted: false,
            symbol: "UNEP/FAO/RC/COP",
            portal: "http://www.pic.int/Portals/5/download.aspx?d=UNEP-FAO-RC-COP",
            meetingNoun: "Rotterdam Convention"
        ),
        Treaty(
            id: "cms",
            serviceRoot: "http://www.cms.int/informea/odata/Decisions.svc",
            model: "CmsDecisionsModel",
            bodies: ["Resolution"],
            dotted: true,
            symbol: "UNEP/CMS/COP",
            portal: "http://www.cms.int/sites/default/files/document/cms_cop",
            meetingNoun: "Convention on Migratory Species"
        ),
        Treaty(
            id: "ramsar",
            serviceRoot: "http://www.ramsar.org/informea/odata/Decisions.svc",
            model: "RamsarDecisionsModel",
            bodies: ["Resolution"],
            dotted: true,
            symbol: "Ramsar/COP",
            portal: "http://www.ramsar.org/sites/default/files/documents/library/cop",
            meetingNoun: "Ramsar Convention"
        ),
    ]

    static let ordinals = [
        "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
        "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth",
    ]

    static let decisionTypes = ["decision", "resolution", "recommendation", "official document"]
    static let statuses = ["active", "retired", "amended", "adopted", "revised", "draft"]
    static let mimeTypes = [
        ("application/pdf", "pdf"), ("application/msword", "doc"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ]
}
