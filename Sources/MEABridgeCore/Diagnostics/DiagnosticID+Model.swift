/// Diagnostic ids for problems with values and records, shared by every reader.
extension DiagnosticID {
    /// A value has the wrong JSON type for its field.
    public static let wrongType: DiagnosticID = "model.wrong-type"
    /// A date cannot be parsed.
    public static let invalidDate: DiagnosticID = "model.date-invalid"
    /// A number cannot be parsed.
    public static let invalidNumber: DiagnosticID = "model.number-invalid"
    /// A country code is not ISO 3166-1.
    public static let unknownCountry: DiagnosticID = "model.country-unknown"
    /// A language code is not ISO 639.
    public static let unknownLanguage: DiagnosticID = "model.language-unknown"
    /// A record has no id.
    public static let missingID: DiagnosticID = "model.id-missing"
    /// The entity type of a record cannot be told.
    public static let unknownEntity: DiagnosticID = "model.entity-unknown"
    /// A record is not a record (in JSON: not an object).
    public static let notAnObject: DiagnosticID = "input.not-a-record"
    /// A child entry (file, title row) carries nothing usable and was dropped.
    public static let emptyEntry: DiagnosticID = "input.empty-entry"
    /// The input has no recognisable record collection.
    public static let noRecords: DiagnosticID = "input.no-records"
    /// A value was repaired or only partly used.
    public static let valueRepaired: DiagnosticID = "model.value-repaired"
}
