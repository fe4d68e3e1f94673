public import MEABridgeCore

/// Diagnostic ids of the CSV layer and of table-schema validation.
extension DiagnosticID {
    /// A quoted field is never closed before the end of the input.
    public static let csvUnterminatedQuote: DiagnosticID = "csv.unterminated-quote"
    /// Text follows the closing quote of a quoted field.
    public static let csvTextAfterQuote: DiagnosticID = "csv.text-after-quote"
    /// A row is longer than the limit (bytes or fields).
    public static let csvRowTooLong: DiagnosticID = "csv.row-too-long"
    /// The input is not UTF-8 (UTF-16, or bytes that are not UTF-8).
    public static let csvEncoding: DiagnosticID = "csv.encoding"
    /// A row has fewer fields than the header.
    public static let csvRowShort: DiagnosticID = "csv.row-short"
    /// A row has values beyond the header's named columns.
    public static let csvRowLong: DiagnosticID = "csv.row-long"
    /// The input has no header row.
    public static let csvNoHeader: DiagnosticID = "csv.no-header"
    /// Two header cells have the same name.
    public static let csvDuplicateHeader: DiagnosticID = "csv.duplicate-header"
    /// A header cell has white space or NBSP around its name.
    public static let csvHeaderSpaces: DiagnosticID = "csv.header-spaces"

    /// A table schema file is not a valid table schema.
    public static let schemaInvalid: DiagnosticID = "table-schema.invalid"
    /// A column the schema requires is missing from the header.
    public static let schemaColumnMissing: DiagnosticID = "table-schema.column-missing"
    /// A header column is not in the schema.
    public static let schemaColumnUnknown: DiagnosticID = "table-schema.column-unknown"
    /// A required value is empty.
    public static let schemaRequired: DiagnosticID = "table-schema.required"
    /// A value is not of the field's type or format.
    public static let schemaType: DiagnosticID = "table-schema.type"
    /// A value is not one of the field's `enum` values.
    public static let schemaEnum: DiagnosticID = "table-schema.enum"
    /// A value does not match the field's `pattern`.
    public static let schemaPattern: DiagnosticID = "table-schema.pattern"
    /// A value is outside the field's `minimum`/`maximum` or length bounds.
    public static let schemaRange: DiagnosticID = "table-schema.range"
    /// A value repeats in a `unique` field or a primary key.
    public static let schemaUnique: DiagnosticID = "table-schema.unique"
}

/// What the CSV and table-schema diagnostics mean (for `meabridge explain`).
public enum CSVDiagnosticDescriptions {
    /// One description per diagnostic id of this module.
    public static let all: [DiagnosticDescription] = [
        DiagnosticDescription(
            .csvUnterminatedQuote,
            .error,
            "A quoted field is never closed.",
            "A field that starts with a quote runs to the next lone quote; this one reaches the end of the file. "
                + "Usually a quote inside a value was not doubled. Double every quote inside a quoted value (\"\"), "
                + "or remove the stray quote."
        ),
        DiagnosticDescription(
            .csvTextAfterQuote,
            .warning,
            "Text follows the closing quote of a quoted field.",
            "In `\"abc\"def` the quoted part ends before `def`. The value is kept as `abcdef`. Quote the whole value "
                + "and double the quotes inside it."
        ),
        DiagnosticDescription(
            .csvRowTooLong,
            .error,
            "A row is longer than the limit.",
            "Rows are limited (16 MiB, 100,000 fields) so that memory stays bounded. A row this long is almost "
                + "always a quoted field that never closes; the row is skipped up to the next line end."
        ),
        DiagnosticDescription(
            .csvEncoding,
            .warning,
            "The file is not UTF-8.",
            "UTF-16 files cannot be read; bytes that are not UTF-8 are read as Windows-1252. Save the file as "
                + "\"CSV UTF-8\"."
        ),
        DiagnosticDescription(
            .csvRowShort,
            .error,
            "A row has fewer fields than the header.",
            "The row ends before the last columns. Missing cells are taken as empty; check that no separator was "
                + "lost and that quoted line breaks are closed."
        ),
        DiagnosticDescription(
            .csvRowLong,
            .error,
            "A row has values beyond the header's columns.",
            "Usually a value holding the separator was not quoted (`Z, G, Q, S` in a comma file), so it spilled "
                + "into the following columns and every later value of the row is shifted. Quote the value; the "
                + "row is skipped."
        ),
        DiagnosticDescription(
            .csvNoHeader,
            .error,
            "The input has no header row.",
            "CSV inputs need a first row naming the columns."
        ),
        DiagnosticDescription(
            .csvDuplicateHeader,
            .warning,
            "Two header cells have the same name.",
            "Only the first column of that name is used. Rename one of them."
        ),
        DiagnosticDescription(
            .csvHeaderSpaces,
            .note,
            "A header cell has spaces or NBSP around its name.",
            "The name is matched without them (`Internal Notes ` is `Internal Notes`)."
        ),
        DiagnosticDescription(
            .schemaInvalid,
            .error,
            "A table schema is not valid.",
            "The schema file must be a Frictionless Table Schema: an object with a `fields` array whose fields have a "
                + "`name`, a known `type` and a `format` that suits it; the message points at the member to fix."
        ),
        DiagnosticDescription(
            .schemaColumnMissing,
            .error,
            "A column the table schema requires is missing.",
            "Add the column (names are matched ignoring case and surrounding spaces)."
        ),
        DiagnosticDescription(
            .schemaColumnUnknown,
            .warning,
            "A column is not described by the table schema.",
            "Its values are not checked. Rename it to a schema field or remove it."
        ),
        DiagnosticDescription(
            .schemaRequired,
            .error,
            "A required value is empty.",
            "The table schema marks the field `required`; fill in the value."
        ),
        DiagnosticDescription(
            .schemaType,
            .error,
            "A value is not of the field's type or format.",
            "For dates, the message names the declared format (`%d/%m/%Y` means 16/02/1995); numbers use `.` as "
                + "the decimal mark unless the schema says otherwise."
        ),
        DiagnosticDescription(
            .schemaEnum,
            .error,
            "A value is not in the field's list of allowed values.",
            "Use one of the codes the schema lists (CITES term, unit, purpose and source codes, country codes)."
        ),
        DiagnosticDescription(
            .schemaPattern,
            .error,
            "A value does not match the field's pattern.",
            "The table schema gives a regular expression the whole value must match."
        ),
        DiagnosticDescription(
            .schemaRange,
            .error,
            "A value is out of range.",
            "The value is below the minimum, above the maximum, or too short or long."
        ),
        DiagnosticDescription(
            .schemaUnique,
            .error,
            "A value repeats where it must be unique.",
            "The field is `unique` or part of the primary key; the message names the row it repeats."
        ),
    ]
}
