public import MEABridgeCore
public import MEABridgeValidation

/// Everything a batch run is told: inputs, output, formats, selection, parallelism, state and limits.
public struct BatchOptions: Sendable {
    /// What to do about records that disappeared since the previous run (`--deleted`).
    public enum DeletedMode: String, Sendable, CaseIterable {
        /// List them in the summary and the report.
        case report
        /// Also keep a tombstone file in the output (`meabridge-deleted.ndjson`) listing every record that
        /// disappeared, with the time it did.
        case tombstone
    }

    /// The name of the tombstone file in the output.
    public static let tombstoneFileName = "meabridge-deleted.ndjson"

    /// Files, directories (walked recursively) and archives (`.zip`, `.tar`, `.tar.gz`, `.tgz`).
    public var inputs: [String]
    /// The output: a directory, or an archive when the name ends in `.zip`, `.tar`, `.tar.gz` or `.tgz`.
    public var output: String
    /// The writer's format.
    public var to: FormatID
    /// The reader's format for every input; `nil` detects it per file.
    public var from: FormatID?
    /// The entity of records that do not name theirs; only that entity is written.
    public var entity: EntityKind?
    /// Which files of directories and archives are taken.
    public var filter = FileFilter()
    /// How many files convert at the same time.
    public var jobs: Int
    /// The SQLite state file (`--state`); `nil` keeps nothing between runs.
    public var statePath: String?
    /// What to do about records that disappeared.
    public var deleted = DeletedMode.report
    /// Move each output into place as soon as it is written, instead of all at the end (directory outputs only).
    public var commitEach = false
    /// The share of the inputs this run converts.
    public var shard: Shard?
    /// The decompression-bomb limits.
    public var limits = ArchiveLimits()
    /// The run's time in milliseconds since 1970 instead of the clock's (`--now`), for reproducible runs.
    public var now: Int64?
    /// The writer's options.
    public var writeOptions = WriteOptions()
    /// The rules profile applied to every diagnostic.
    public var profile = RuleProfile()
    /// Something that changes when the profile's content changes (its text), so a changed profile reconverts.
    public var profileIdentity = ""
    /// The most diagnostics kept per input in the report (all are counted).
    public var maxDiagnosticsPerFile = 100
    /// The largest archive entry held in memory to be converted in parallel; larger entries are converted while
    /// they are read.
    public var maxBufferedEntry = 64 << 20

    /// Creates options.
    /// - Parameters:
    ///   - inputs: The inputs.
    ///   - output: The output directory or archive.
    ///   - to: The writer's format.
    public init(inputs: [String], output: String, to: FormatID) {
        self.inputs = inputs
        self.output = output
        self.to = to
        jobs = FileSystem.processorCount
    }
}

/// Why a batch could not run or finish: a usage problem (exit 2) or an I/O failure on its output or state (exit 3).
///
/// Problems with individual inputs are not errors: they are reported and the batch goes on.
public struct BatchError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: Sendable, Hashable {
        /// The options are wrong.
        case usage
        /// The output, the state or the staging area could not be used.
        case io
    }

    /// The kind of failure.
    public var kind: Kind
    /// What went wrong.
    public var message: String
    /// A diagnostic id for the message.
    public var id: DiagnosticID

    /// Creates an error.
    /// - Parameters:
    ///   - kind: The kind.
    ///   - message: What went wrong.
    ///   - id: The diagnostic id.
    public init(_ kind: Kind, _ message: String, id: DiagnosticID) {
        self.kind = kind
        self.message = message
        self.id = id
    }

    /// The message and the id.
    public var description: String { "\(message) [\(id)]" }
}
