public import MEABridgeCore
public import MEABridgeFormats
import MEABridgeValidation

/// `meabridge validate`: checks an input against its schema (given or registered for its format), then reads it
/// and checks every record against the harmonised rules; reports every problem with its location.
public struct ValidateJob: Sendable {
    /// The input path, or `-`.
    public var input: String
    /// The reader's format name, or `auto`.
    public var from = "auto"
    /// The entity of records that do not name theirs.
    public var entity: String?
    /// The field separator of a CSV input (`comma`, `semicolon`, `tab`, `pipe`); detected when `nil`.
    public var delimiter: String?
    /// A schema file to check the input against, instead of the one registered for its format.
    public var schema: String?
    /// Where registered schemas are looked up.
    public var schemaDirectory: String?
    /// The report format (`text`, `json`).
    public var format = "text"
    /// The most problems reported per input.
    public var maxErrors = 1000
    /// A rules profile file (`--rules`).
    public var rulesProfile: String?

    /// Creates a job for an input.
    /// - Parameter input: The input path, or `-`.
    public init(input: String) { self.input = input }

    /// Runs the validation and prints the report on standard output.
    /// - Parameters:
    ///   - registry: The formats and schema validators available.
    ///   - console: Where text goes.
    /// - Returns: `.ok` when valid, `.diagnostics` when there are errors.
    public func run(registry: FormatRegistry = .builtIn, console: Console) -> ExitStatus {
        exitStatus(console: console) { try execute(registry: registry, console: console) }
    }

    private func execute(registry: FormatRegistry, console: Console) throws -> ExitStatus {
        guard let renderer = ReportFormats.renderer(named: format) else {
            let known = ReportFormats.all.map { $0.name }.joined(separator: ", ")
            console.err("meabridge: error: unknown report format '\(format)'; formats: \(known) [cli.unknown-format]\n")
            throw CommandExit(.usage)
        }
        let entityKind = try parseEntity(entity, console: console)
        let opened = try OpenedInput(path: input)
        // With --schema, an input no reader knows (NDJSON, a CBD document, any JSON) is still checked against it.
        let readerType: (any RecordReader.Type)?
        if schema != nil, from == "auto",
            registry.sniff(SniffInput(prefix: opened.prefix, name: input)) == nil
        {
            readerType = nil
        } else {
            readerType = try chooseReader(from, input: opened, registry: registry, console: console)
        }
        let profile = try loadProfile(rulesProfile, registry: registry, console: console)
        var collector = ReportCollector(
            report: ValidationReport(input: input, format: readerType?.format.id.rawValue),
            limit: maxErrors
        )

        func note(_ diagnostic: Diagnostic) {
            if let kept = profile.apply(diagnostic) { collector.report(kept) }
        }
        var rules = HarmonisedRules()
        func accept(_ record: Record) {
            collector.report.records[record.kind, default: 0] += 1
            rules.check(record, report: note)
        }
        func complete() -> ExitStatus {
            rules.finish(report: note)
            console.out(
                renderer.render([collector.report], context: ReportContext(descriptions: registry.descriptions))
            )
            return collector.report.errorCount > 0 ? .diagnostics : .ok
        }
        let readOptions = ReadOptions(
            entity: entityKind,
            sourceName: input,
            delimiter: try parseDelimiter(delimiter, console: console)
        )

        // 1. The schema: the one given, else the one registered for the format.
        var schemaPath = schema
        if schemaPath == nil, let relative = readerType?.defaultSchema,
            let directory = schemaDirectory ?? SchemaDirectory.path
        {
            schemaPath = directory + "/" + relative
        }
        var source = opened.source
        if let schemaPath {
            let schemaInput = try OpenedInput(path: schemaPath)
            guard let validatorType = registry.validator(for: SniffInput(prefix: schemaInput.prefix, name: schemaPath))
            else {
                console.err(
                    "meabridge: error: \(schemaPath) is not a schema this build can use (XSD, JSON Schema or table "
                        + "schema) [cli.unknown-schema]\n"
                )
                throw CommandExit(.usage)
            }
            let validator: any SchemaValidator
            do {
                validator = try validatorType.init(schemaPath: schemaPath)
            } catch let failure as SchemaLoadFailure {
                for diagnostic in failure.diagnostics { console.err(diagnostic.formatted + "\n") }
                console.err("meabridge: error: \(failure) [cli.schema-invalid]\n")
                throw CommandExit(.usage)
            }
            collector.report.schema = schemaPath
            // A reader that checks the schema while it reads does both in one pass.
            if let checkingType = readerType as? any SchemaCheckingReader.Type {
                var reader = checkingType.init(options: readOptions)
                let done = try reader.read(
                    from: source,
                    validatingWith: validator,
                    maxErrors: maxErrors,
                    emit: accept,
                    report: note
                )
                if done { return complete() }
            }
            try validator.validate(source: source, sourceName: input, maxErrors: maxErrors, report: note)
            // The records are read from the start again.
            source = try OpenedInput(path: input).source
        }

        // 2. The records and the harmonised rules.
        guard let readerType else { return complete() }
        var reader = readerType.init(options: readOptions)
        try reader.read(from: source, emit: accept, report: note)
        return complete()
    }
}
