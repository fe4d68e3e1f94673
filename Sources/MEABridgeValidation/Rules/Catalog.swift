public import MEABridgeCore

extension DiagnosticID {
    /// A date is the Unix epoch (1970-01-01), almost always a missing value read as zero.
    public static let dateEpochZero: DiagnosticID = "rule.date-epoch-zero"
    /// An end date lies before the start date.
    public static let dateOrder: DiagnosticID = "rule.date-order"
    /// A meeting starts at 22:00 or 23:00 UTC: a midnight in Central Europe stored as UTC.
    public static let dateShiftedMidnight: DiagnosticID = "rule.date-shifted-midnight"
    /// A date is before 1900 or after 2100.
    public static let dateImplausible: DiagnosticID = "rule.date-implausible"
    /// A controlled-vocabulary value is not one of the known values.
    public static let vocabularyUnknown: DiagnosticID = "rule.vocabulary-unknown"
    /// A decision names a meeting that is not in the batch.
    public static let meetingLink: DiagnosticID = "rule.meeting-link"
    /// A file has no URL.
    public static let fileURLMissing: DiagnosticID = "rule.file-url-missing"
    /// A file has no language.
    public static let fileLanguageMissing: DiagnosticID = "rule.file-language-missing"
    /// Text holds control characters XML and the InforMEA toolkit reject.
    public static let controlCharacters: DiagnosticID = "rule.control-characters"
    /// An id is longer than the toolkit's 64 characters.
    public static let idTooLong: DiagnosticID = "rule.id-length"
}

/// What each diagnostic of the model, the readers of JSON and the harmonised rules means, and how to fix it.
public enum ValidationCatalog {
    /// Descriptions of the harmonised rules (`rule.*`).
    public static let rules: [DiagnosticDescription] = [
        DiagnosticDescription(
            .titleMissing,
            .error,
            "A record has no title (or site name) in any language.",
            """
            InforMEA requires a title on meetings, decisions, national reports, national plans and documents, and \
            a name on sites; the harvester skips a record without one. Add the title in English (and in the other \
            languages you publish) to the export.
            """
        ),
        DiagnosticDescription(
            .titleNotEnglish,
            .warning,
            "A record has a title, but not in English.",
            """
            Producers are required to provide at least an English title. Without it, InforMEA shows the first \
            language available (the message names it). Add an English title, or check that the English one is not \
            tagged with another language code.
            """
        ),
        DiagnosticDescription(
            .treatyMissing,
            .error,
            "A record has no treaty identifier.",
            """
            Every meeting, decision, report, plan, site and party profile belongs to a treaty (`cbd`, `cites`, \
            `ramsar`, ...); the harvester rejects records without one. Set `treaty` to the treaty's InforMEA \
            identifier.
            """
        ),
        DiagnosticDescription(
            .treatyUnknown,
            .warning,
            "A treaty identifier is not one InforMEA uses.",
            """
            InforMEA identifies treaties by lower-case machine names (`cbd`, `cartagena`, `nagoya`, `cites`, \
            `cms`, `aewa`, `ramsar`, `whc`, `plant_treaty`, `basel`, ...). Known aliases such as `plant-treaty` \
            are mapped automatically; anything else is kept as given and will not link to a treaty page. Use the \
            InforMEA identifier.
            """
        ),
        DiagnosticDescription(
            .countryMissing,
            .warning,
            "A record the spec ties to a country has none.",
            """
            Contacts, national reports, national plans, sites, party profiles and meetings carry a country in the \
            InforMEA spec. An empty value often comes from an export that left the field blank. Give the ISO 3166-1 \
            code (alpha-2 or alpha-3).
            """
        ),
        DiagnosticDescription(
            .duplicateID,
            .error,
            "Two records of the same entity share an id.",
            """
            Ids must be unique and stable within a provider: a duplicate makes one record overwrite the other in \
            the portal. Give each record its own id; for child rows use `{parentId}-{language}` style ids.
            """
        ),
        DiagnosticDescription(
            .dateEpochZero,
            .warning,
            "A date is 1970-01-01, the Unix epoch.",
            """
            A date of 1 January 1970 nearly always means a missing or zero value converted to a date (InforMEA saw \
            "dates with 1970 on prod" after a wrong source field). Leave the field out when the date is unknown, or \
            export the real date.
            """
        ),
        DiagnosticDescription(
            .dateOrder,
            .error,
            "An end date lies before the start date.",
            """
            A meeting cannot end before it starts. Check that start and end are not swapped and that both use the \
            same time zone.
            """
        ),
        DiagnosticDescription(
            .dateShiftedMidnight,
            .warning,
            "A meeting starts at 22:00 or 23:00 UTC, a shifted midnight.",
            """
            The InforMEA toolkit's data shows all-day meetings stored as 22:00 (summer) or 23:00 (winter) of the \
            previous day: a midnight in Europe/Zurich converted to UTC. Such a meeting appears one day early. Export \
            all-day dates as dates (YYYY-MM-DD), or as midnight UTC.
            """
        ),
        DiagnosticDescription(
            .dateImplausible,
            .warning,
            "A date is before 1900 or after 2100.",
            """
            Dates outside 1900–2100 are almost always typing or conversion errors (a two-digit year, milliseconds \
            read as seconds). Check the value at the source.
            """
        ),
        DiagnosticDescription(
            .vocabularyUnknown,
            .warning,
            "A controlled-vocabulary value is not a known value.",
            """
            Meeting kind, type, access, status and repetition, decision type and status, national plan type and \
            party status have known values (informea-model.md §2.7); matching ignores case. An unknown value is \
            kept as given, and the portal creates a new term for it, so typos become terms. Use a known value.
            """
        ),
        DiagnosticDescription(
            .meetingLink,
            .warning,
            "A decision names a meeting that is not in the batch.",
            """
            A decision links to its meeting by the provider's meeting id (`meetingId`). When the batch contains \
            meetings of the same treaty and none has that id, the link cannot be resolved. Check the id, or include \
            the meeting.
            """
        ),
        DiagnosticDescription(
            .fileURLMissing,
            .error,
            "A file has no URL.",
            """
            Files are published by link: a file without a URL cannot be downloaded from the portal. Give the \
            public download URL.
            """
        ),
        DiagnosticDescription(
            .fileLanguageMissing,
            .warning,
            "A file has no language.",
            """
            The InforMEA harvester drops files without a language. Give the ISO 639 code of the file's content.
            """
        ),
        DiagnosticDescription(
            .controlCharacters,
            .warning,
            "Text holds control characters.",
            """
            Characters below U+0020 other than tab, line feed and carriage return are not allowed in XML and make \
            the InforMEA toolkit fail with "An exception occurred". They usually come from copy-paste or legacy \
            encodings. Remove them at the source.
            """
        ),
        DiagnosticDescription(
            .idTooLong,
            .warning,
            "An id is longer than 64 characters.",
            """
            The InforMEA toolkit stores ids in 64 characters. A longer id is cut or refused. Use a shorter stable \
            id (a UUID is 36 characters).
            """
        ),
    ]

    /// Descriptions of the diagnostics about values and records that every reader reports (`model.*`,
    /// `input.*`).
    public static let model: [DiagnosticDescription] = [
        DiagnosticDescription(
            .wrongType,
            .warning,
            "A value has the wrong type for its field; it was ignored.",
            "The message names the type expected and the type found. Fix the export so the field has that type."
        ),
        DiagnosticDescription(
            .invalidDate,
            .warning,
            "A value is not a date; it was ignored.",
            """
            Accepted forms are /Date(milliseconds)/, ISO 8601 (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS with an optional \
            zone), YYYY-MM-DD HH:MM:SS (taken as UTC) and epoch seconds. Export one of these.
            """
        ),
        DiagnosticDescription(
            .invalidNumber,
            .warning,
            "A value is not a number; it was ignored.",
            "Export plain numbers (a decimal point, not a comma; no units or thousands separators)."
        ),
        DiagnosticDescription(
            .unknownCountry,
            .warning,
            "A country code is not ISO 3166-1; it was kept as the original value.",
            """
            Countries are ISO 3166-1 alpha-2 (HU) or alpha-3 (HUN) codes, in any case; `UK` and `EL` are accepted \
            as GB and GR. Former codes (YU, AN, CS) and names are not resolved: the value is written as \
            `countryOriginal` and the portal cannot link it. Use the current code.
            """
        ),
        DiagnosticDescription(
            .unknownLanguage,
            .warning,
            "A language code is not ISO 639; it was kept as given.",
            """
            Languages are ISO 639 codes (en, fr, es, ru, ar, zh); English names and 3-letter codes are mapped, and \
            zh, zh-cn and cn become zh-hans. An unknown code is kept as given (never turned into English). Use an \
            ISO 639 code.
            """
        ),
        DiagnosticDescription(
            .missingID,
            .error,
            "A record has no id; it was skipped.",
            "Every InforMEA record needs a stable id. Give the record the provider's id."
        ),
        DiagnosticDescription(
            .unknownEntity,
            .error,
            "The entity type of a record cannot be told; it was skipped.",
            """
            The entity comes from the record's `__metadata.type`, else --entity, else the file name (Decisions.json), \
            else fields only one entity has. Pass --entity NAME (Meetings, Decisions, Contacts, ...).
            """
        ),
        DiagnosticDescription(
            .notAnObject,
            .error,
            "A record is not a record (in JSON: not an object); it was skipped.",
            "A feed's record collection must hold objects. Remove or fix the value shown."
        ),
        DiagnosticDescription(
            .emptyEntry,
            .warning,
            "A child entry carries nothing usable; it was dropped.",
            """
            A file without url or filename, a keyword without a term, or a row without its value cannot be used. \
            Complete the entry or leave it out of the export.
            """
        ),
        DiagnosticDescription(
            .noRecords,
            .error,
            "The input holds no record collection.",
            """
            An InforMEA JSON input is an OData feed ({"d": [...]}, {"d": {"results": [...]}}, {"value": [...]}), an \
            array of records, or one record object. Check that the file is the export you meant.
            """
        ),
        DiagnosticDescription(
            .valueRepaired,
            .warning,
            "A value was repaired or only partly used.",
            "The message says what was kept. Fix the export so the value fits the model."
        ),
    ]

    /// Descriptions of the well-formedness diagnostics of the JSON and XML syntax layers.
    public static let syntax: [DiagnosticDescription] = [
        DiagnosticDescription(
            "json.syntax",
            .fatal,
            "The input is not well-formed JSON.",
            """
            The message names what was expected and the byte found, at the line and column given. Reading stops \
            there; the records before it were read, no output file is written. Fix the JSON (a missing comma or \
            quote, a trailing comma, single quotes).
            """
        ),
        DiagnosticDescription(
            "json.unexpected-end",
            .fatal,
            "The JSON input ends in the middle of a value.",
            """
            The file is truncated: a download or an export was cut off. The records before the cut were read; no \
            output file is written. Export or download the file again.
            """
        ),
        DiagnosticDescription(
            "json.invalid-utf8",
            .fatal,
            "The JSON input holds bytes that are not UTF-8.",
            """
            JSON must be UTF-8. The file is probably in Latin-1 or Windows-1252. Convert it (iconv -f WINDOWS-1252 \
            -t UTF-8) and run again.
            """
        ),
        DiagnosticDescription(
            "json.encoding",
            .fatal,
            "The JSON input is UTF-16 or UTF-32.",
            "Convert the file to UTF-8 (iconv -f UTF-16 -t UTF-8) and run again."
        ),
        DiagnosticDescription(
            "json.invalid-escape",
            .fatal,
            "A JSON string has an invalid escape or a lone surrogate.",
            "Fix the escape at the position given (\\uXXXX needs four hex digits; surrogates come in pairs)."
        ),
        DiagnosticDescription(
            "json.invalid-number",
            .fatal,
            "A JSON number is malformed.",
            "JSON numbers have no leading zeros, no trailing dot and no NaN or Infinity. Fix the value."
        ),
        DiagnosticDescription(
            "json.limit",
            .fatal,
            "The JSON input exceeds a safety limit.",
            """
            Nesting deeper than 512 levels, a single string or number over 64 MiB, or a single record over 256 MiB \
            is refused, so that a hostile or broken file cannot exhaust memory. Real exports stay far below these.
            """
        ),
        DiagnosticDescription(
            "json.trailing-data",
            .fatal,
            "Something follows the JSON document.",
            "A JSON file holds one value. For one record per line use NDJSON; otherwise remove what follows."
        ),
        DiagnosticDescription(
            "xml.syntax",
            .fatal,
            "The input is not well-formed XML.",
            "The message (libxml2's) names the problem at the line and column given. Fix the XML there."
        ),
        DiagnosticDescription(
            "xml.entity",
            .error,
            "An XML entity is undefined, recursive or too large.",
            """
            Entities are never expanded from external files or the network, and entity loops and expansion bombs \
            are refused. Replace entity references with their text.
            """
        ),
        DiagnosticDescription(
            "xml.encoding",
            .fatal,
            "The XML input's bytes do not match its encoding.",
            "Convert the file to the encoding its XML declaration names (UTF-8 is best)."
        ),
        DiagnosticDescription(
            "xml.namespace",
            .error,
            "An XML namespace prefix is undeclared or wrong.",
            "Declare the prefix (xmlns:prefix=\"...\") on the root element."
        ),
        DiagnosticDescription(
            "xml.dtd",
            .warning,
            "A DTD declaration was not loaded or is invalid.",
            "External DTDs are never loaded. Remove the DOCTYPE or the references to its entities."
        ),
        DiagnosticDescription(
            "xml.io",
            .fatal,
            "The XML input could not be read.",
            "Check the path and the file's permissions."
        ),
        DiagnosticDescription(
            "xml.limit",
            .fatal,
            "The XML input exceeds a safety limit of libxml2.",
            "Very deep nesting or huge text nodes are refused to bound memory. Check that the file is a real export."
        ),
    ]

    /// Every description of this module: rules, model, syntax and the convention-native readers.
    public static let all: [DiagnosticDescription] = rules + model + syntax + conventions
}
