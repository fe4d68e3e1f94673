public import ArgumentParser
public import MEABridgeCore
import MEABridgeFormats

/// The `meabridge` root command.
public struct MEABridgeCommand: ParsableCommand {
    /// The command's name, abstract, subcommands and exit codes.
    public static let configuration = CommandConfiguration(
        commandName: "meabridge",
        abstract: "Convert and check the data of the biodiversity conventions for InforMEA.",
        discussion: """
            Readers turn convention exports into canonical InforMEA records; writers emit the formats the portal \
            ingests. Diagnostics go to standard error as `file:line:col: severity: message [id]`.

            \(ExitStatus.help)
            """,
        version: "0.1.0",
        subcommands: [
            ConvertCommand.self, ValidateCommand.self, InspectCommand.self, FormatsCommand.self, ExplainCommand.self,
            GoalsCommand.self, BatchCommand.self, MergeCommand.self,
        ]
    )

    /// Creates the command (argument parser).
    public init() {}

    /// Parses the arguments, runs the command and exits with the documented status (usage errors exit with 2).
    /// - Parameter arguments: The arguments, without the program name; `nil` reads the process's.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            exit()
        } catch let stop as CommandExit {
            exit(withError: ExitCode(stop.status.rawValue))
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            if code == .validationFailure || error is ValidationError {
                let message = fullMessage(for: error)
                Console.standard.err(message + "\n")
                exit(withError: ExitCode(ExitStatus.usage.rawValue))
            }
            exit(withError: error)
        }
    }
}

/// Options shared by the commands that read an input.
struct InputOptions: ParsableArguments {
    @Argument(help: "The input file, or - for standard input.")
    var input: String

    @Option(help: "The input format, or 'auto' to detect it (see `meabridge formats`).")
    var from = "auto"

    @Option(
        help: """
            The entity of records that do not name theirs (Meetings, Decisions, Contacts, ...); \
            convert writes only that entity.
            """
    )
    var entity: String?

    @Option(
        help: ArgumentHelp(
            "The field separator of a CSV input: comma, semicolon, tab or pipe (default: detected).",
            valueName: "separator"
        )
    )
    var delimiter: String?

    @Option(help: "The most diagnostics to print.")
    var maxDiagnostics = 1000

    @Option(
        help: "A rules profile (JSON) that turns diagnostics off or changes their severity; see `meabridge explain`."
    )
    var rules: String?
}

/// `meabridge convert`.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert an input into another format through the canonical model.",
        discussion: """
            The output file is written atomically: it appears only when the run completes, and a run that cannot \
            read its input (truncated or malformed) leaves no output behind. With --entity, only records of that \
            entity are written.

            \(ExitStatus.help)
            """
    )

    @OptionGroup var inputOptions: InputOptions

    @Option(help: "The output format (meabridge formats lists the writers).")
    var to = "ndjson"

    @Option(name: [.short, .customLong("output")], help: "The output file, or - for standard output.")
    var output = "-"

    @Option(help: "The OData service root used in __metadata.uri (informea-odata-json) and xml:base (informea-atom).")
    var serviceRoot: String?

    @Option(
        help: ArgumentHelp(
            "Also write the output's metadata document here: the OData $metadata (CSDL) of the entity sets written.",
            discussion: "Only for writers that have one (informea-atom).",
            valueName: "file"
        )
    )
    var metadata: String?

    @Flag(help: "Leave each record's source location out of canonical output.")
    var noSource = false

    @Flag(name: .shortAndLong, help: "Do not print the closing summary line.")
    var quiet = false

    func run() throws {
        var job = ConvertJob(input: inputOptions.input)
        job.metadata = metadata
        job.from = inputOptions.from
        job.to = to
        job.entity = inputOptions.entity
        job.delimiter = inputOptions.delimiter
        job.output = output
        job.serviceRoot = serviceRoot
        job.includeSource = !noSource
        job.maxDiagnostics = inputOptions.maxDiagnostics
        job.quiet = quiet
        job.rulesProfile = inputOptions.rules
        let status = job.run(console: .standard)
        if status != .ok { throw CommandExit(status) }
    }
}

/// `meabridge validate`.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check an input against its schema and the harmonised rules; report every problem.",
        discussion: """
            The input is checked against --schema, or else against the schema registered for its format in the \
            Schemas/ folder (--schema-dir, MEABRIDGE_SCHEMA_DIR, or the Schemas/ folder of the checkout the \
            program was built in). Then every record is read and checked against the harmonised rules. Each problem \
            is reported with its id, severity and location (line, column and JSON Pointer or XPath).

            \(ExitStatus.help)
            """
    )

    @OptionGroup var inputOptions: InputOptions

    @Option(help: "A schema to check the input against (XSD, JSON Schema or table schema).")
    var schema: String?

    @Option(help: "The folder of registered schemas.")
    var schemaDir: String?

    @Option(help: "The report format: text, json, sarif, junit or html.")
    var format = "text"

    @Option(help: "The most problems to report.")
    var maxErrors = 1000

    func run() throws {
        var job = ValidateJob(input: inputOptions.input)
        job.from = inputOptions.from
        job.entity = inputOptions.entity
        job.delimiter = inputOptions.delimiter
        job.schema = schema
        job.schemaDirectory = schemaDir
        job.format = format
        job.maxErrors = maxErrors
        job.rulesProfile = inputOptions.rules
        let status = job.run(console: .standard)
        if status != .ok { throw CommandExit(status) }
    }
}

/// `meabridge inspect`.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show an input's detected format, record counts per entity and diagnostics.",
        discussion: ExitStatus.help
    )

    @OptionGroup var inputOptions: InputOptions

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        var job = InspectJob(input: inputOptions.input)
        job.from = inputOptions.from
        job.entity = inputOptions.entity
        job.delimiter = inputOptions.delimiter
        job.json = json
        job.maxDiagnostics = inputOptions.maxDiagnostics
        job.rulesProfile = inputOptions.rules
        let status = job.run(console: .standard)
        if status != .ok { throw CommandExit(status) }
    }
}

/// `meabridge formats`.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List every reader and writer with a one-line description."
    )

    @Flag(help: "Print the list as JSON.")
    var json = false

    func run() throws {
        Console.standard.out(FormatListing(registry: .builtIn).render(json: json))
    }
}

/// The `formats` listing.
public struct FormatListing: Sendable {
    /// The formats to list.
    public let registry: FormatRegistry

    /// Creates a listing.
    /// - Parameter registry: The formats to list.
    public init(registry: FormatRegistry) { self.registry = registry }

    /// The listing as text or JSON.
    /// - Parameter json: Whether to render JSON.
    /// - Returns: The listing, ending with a newline.
    public func render(json: Bool) -> String {
        let readers = registry.readers.map { $0.format }
        let writers = registry.writers.map { $0.format }
        if json {
            var out: [UInt8] = []
            JSONText.object(&out) { object in
                for (name, formats) in [("readers", readers), ("writers", writers)] {
                    object.array(name, formats) { format, item in
                        item.string("name", format.id.rawValue)
                        item.string("summary", format.summary)
                        item.strings("extensions", format.fileExtensions)
                    }
                }
            }
            return String(decoding: out, as: UTF8.self) + "\n"
        }
        let width = (readers + writers).map(\.id.rawValue.count).max() ?? 0
        func line(_ format: FormatDescriptor) -> String {
            let name = format.id.rawValue
            return "  " + name + String(repeating: " ", count: width - name.count + 2) + format.summary
        }
        return (["Readers:"] + readers.map(line) + ["", "Writers:"] + writers.map(line)).joined(separator: "\n") + "\n"
    }
}
