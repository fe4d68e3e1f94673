import MEABridgeCore

/// Where a batch writes: the output and, beside it, the staging folder outputs go to until they are committed and
/// the lock that keeps two batches from writing the same output.
struct OutputTarget: Sendable {
    let path: String
    let archive: ArchiveKind?
    let staging: String
    let lockPath: String

    init(path: String) {
        self.path = FileSystem.trimmingTrailingSlashes(path)
        archive = ArchiveKind(path: self.path)
        let parent = FileSystem.parentDirectory(of: self.path)
        let base = FileSystem.baseName(of: self.path)
        staging = parent + "/." + base + ".meabridge-staging"
        lockPath = parent + "/." + base + ".meabridge-lock"
    }

    /// The final path of a relative output in a directory output.
    func final(_ relative: String) -> String { path + "/" + relative }

    /// The staged path of a relative output.
    func staged(_ relative: String) -> String { staging + "/" + relative }
}

/// One input to convert, handed from the producer to a worker.
struct WorkItem: Sendable {
    enum Body: Sendable {
        /// A file on disk, opened by the worker.
        case file(String)
        /// An archive entry read into memory.
        case bytes([UInt8])
    }

    var name: String
    var container: String?
    var output: String
    var fingerprint: String
    var body: Body
    var size: Int
    var progressBytes: Int64
    /// Whether the state remembers the input (only then are its previous records looked up).
    var known = false
}

/// What became of one input.
struct FileOutcome: Sendable {
    var report: BatchFileReport
    var fingerprint: String?
    var stamps: [RecordStamp]?
    /// Where the output waits for the commit, when one was written (the input then counts for the state).
    var staged: StagedOutput?
    /// Whether the input was converted by an interrupted attempt of this run and is already pending in the state.
    var alreadyPending = false
    var progressBytes: Int64 = 0
}

/// What the producer and the workers tell the collecting task.
enum PipelineMessage: Sendable {
    case outcome(FileOutcome)
    /// Several outcomes at once (the members of an unchanged archive).
    case outcomes([FileOutcome])
    /// An archive was read to its end; its fingerprint is remembered.
    case containerComplete(path: String, fingerprint: String)
    /// An archive could not be read to its end: the inputs remembered from it are kept.
    case containerIncomplete(path: String)
    /// The total input size, once the inputs are listed.
    case totalBytes(Int64)
}

/// Output names: the input's relative path with the writer's extension.
enum OutputNaming {
    static func outputPath(for relative: String, extension ext: String) -> String {
        let directoryEnd = relative.lastIndex(of: "/").map { relative.index(after: $0) } ?? relative.startIndex
        let name = relative[directoryEnd...]
        var stem = Substring(name)
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { stem = name[..<dot] }
        return String(relative[..<directoryEnd]) + stem + "." + ext
    }
}
