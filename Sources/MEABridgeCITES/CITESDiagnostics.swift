public import MEABridgeCore

/// Diagnostic ids of the CITES readers.
extension DiagnosticID {
    /// A term, unit, purpose or source code is not in the CITES code lists.
    public static let citesCodeUnknown: DiagnosticID = "cites.code-unknown"
    /// A country code is not an ISO 3166-1 or CITES Trade Database code.
    public static let citesCountryUnknown: DiagnosticID = "cites.country-unknown"
    /// An appendix is not I, II, III (or 1, 2, 3) or N.
    public static let citesAppendixInvalid: DiagnosticID = "cites.appendix-invalid"
    /// A quantity is not a positive number.
    public static let citesQuantityInvalid: DiagnosticID = "cites.quantity-invalid"
    /// A year is not a plausible four-digit year.
    public static let citesYearInvalid: DiagnosticID = "cites.year-invalid"
    /// A value the format requires is empty.
    public static let citesValueMissing: DiagnosticID = "cites.value-missing"
    /// A column the format requires is missing from the header.
    public static let citesColumnMissing: DiagnosticID = "cites.column-missing"
    /// A column is not one the format knows; its values are kept in the extras.
    public static let citesColumnUnknown: DiagnosticID = "cites.column-unknown"
    /// The CITES code lists could not be loaded, so codes are not checked.
    public static let citesCodeListsMissing: DiagnosticID = "cites.code-lists-missing"
}

/// What the CITES diagnostics mean (for `meabridge explain`).
public enum CITESDiagnosticDescriptions {
    /// One description per diagnostic id of this module.
    public static let all: [DiagnosticDescription] = [
        DiagnosticDescription(
            .citesCodeUnknown,
            .error,
            "A term, unit, purpose or source code is not in the CITES lists.",
            "Annual reports use the codes of the CITES Guidelines for the preparation and submission of annual "
                + "reports (term CAV, unit KIL, purpose T, source W); the Trade Database also gives term and unit "
                + "names. The lists are in Schemas/csv/codes. Correct the code; an unknown code is kept as written."
        ),
        DiagnosticDescription(
            .citesCountryUnknown,
            .error,
            "A country code is not known to the CITES Trade Database.",
            "Use ISO 3166-1 alpha-2 codes, or the Trade Database's own codes (XX unknown, ZZ introduction from the "
                + "sea, XF/XS/XC/XE/XM regions, KV Kosovo) listed in Schemas/csv/codes/cites-parties.csv."
        ),
        DiagnosticDescription(
            .citesAppendixInvalid,
            .error,
            "An appendix is not I, II, III or N.",
            "Write the appendix as a Roman numeral (I, II, III) or a digit (1, 2, 3); N marks non-CITES specimens."
        ),
        DiagnosticDescription(
            .citesQuantityInvalid,
            .error,
            "A quantity is not a positive number.",
            "Quantities are numbers with a decimal point (0.2); free text such as \"2 tusks\" belongs in the term "
                + "and unit columns."
        ),
        DiagnosticDescription(
            .citesYearInvalid,
            .error,
            "A year is not a plausible four-digit year.",
            "The year of trade is a four-digit year from 1975 (CITES entered into force) to next year."
        ),
        DiagnosticDescription(
            .citesValueMissing,
            .error,
            "A required value is empty.",
            "Annual-report rows need the appendix, species name, term code, quantity, trading partner, source and "
                + "year."
        ),
        DiagnosticDescription(
            .citesColumnMissing,
            .error,
            "A column the format needs is missing.",
            "Header names are matched ignoring case, spaces and punctuation (SpeciesName, species_name); check the "
                + "header against the template."
        ),
        DiagnosticDescription(
            .citesColumnUnknown,
            .warning,
            "A column is not one of the template's.",
            "Its values are kept in the record's extras."
        ),
        DiagnosticDescription(
            .citesCodeListsMissing,
            .warning,
            "The CITES code lists were not found.",
            "Codes are read but not checked. Set MEABRIDGE_SCHEMA_DIR to the Schemas folder of MEABridge."
        ),
    ]
}
