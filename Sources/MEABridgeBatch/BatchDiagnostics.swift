public import MEABridgeCore

/// Diagnostic ids a batch reports about its inputs (not about their records).
extension DiagnosticID {
    /// An input given on the command line does not exist.
    public static let batchInputMissing: DiagnosticID = "batch.input-missing"
    /// No reader recognises a file.
    public static let batchFormatNotDetected: DiagnosticID = "batch.format-not-detected"
    /// An archive entry's path is absolute or contains `..` (zip-slip).
    public static let batchUnsafePath: DiagnosticID = "batch.unsafe-path"
    /// A link (in an archive or a directory) points outside it.
    public static let batchUnsafeLink: DiagnosticID = "batch.unsafe-link"
    /// A link inside an archive or directory was not followed.
    public static let batchLinkSkipped: DiagnosticID = "batch.link-skipped"
    /// An archive inside an archive is not opened.
    public static let batchNestedArchive: DiagnosticID = "batch.nested-archive"
    /// An archive expands beyond the size or ratio limits.
    public static let batchDecompressionBomb: DiagnosticID = "batch.decompression-bomb"
    /// An archive is damaged or not an archive.
    public static let batchArchiveUnreadable: DiagnosticID = "batch.archive-unreadable"
    /// Two inputs would write the same output file.
    public static let batchOutputCollision: DiagnosticID = "batch.output-collision"
    /// An input could not be read, or its output could not be written.
    public static let batchIO: DiagnosticID = "batch.io"
    /// Two shard outputs hold different files under the same name (`merge`).
    public static let batchMergeConflict: DiagnosticID = "batch.merge-conflict"
}

/// What the batch diagnostics mean, for `meabridge explain` and report metadata.
public enum BatchDiagnostics {
    /// Every batch diagnostic's description.
    public static let descriptions: [DiagnosticDescription] = [
        DiagnosticDescription(
            .batchInputMissing,
            .error,
            "An input given to batch does not exist.",
            "The path was given on the command line but there is nothing there. Check the spelling and the working "
                + "directory; with --state, the inputs it held are reported as deleted."
        ),
        DiagnosticDescription(
            .batchFormatNotDetected,
            .error,
            "No reader recognises this file.",
            "Every registered reader looked at the first bytes and the name and none claimed it. Pass --from FORMAT "
                + "to force one, or leave such files out with --exclude (see `meabridge formats`)."
        ),
        DiagnosticDescription(
            .batchUnsafePath,
            .error,
            "An archive entry has an absolute path or a '..' component; it was not read.",
            "Such names could write outside the output folder when unpacked (zip-slip). The entry is refused; rebuild "
                + "the archive with relative paths."
        ),
        DiagnosticDescription(
            .batchUnsafeLink,
            .error,
            "A link points outside the archive or directory; it was not followed.",
            "Following it could read or write files outside the input (zip-slip). Replace the link by the file."
        ),
        DiagnosticDescription(
            .batchLinkSkipped,
            .note,
            "A link inside the input was not followed.",
            "Links are never followed inside archives, and links to folders are not followed in directories; the "
                + "file they point to is converted under its own name when it is part of the input."
        ),
        DiagnosticDescription(
            .batchNestedArchive,
            .warning,
            "An archive inside an archive is not opened.",
            "Only archives given on the command line or found in directories are read. Unpack the inner archive, or "
                + "give it to batch directly."
        ),
        DiagnosticDescription(
            .batchDecompressionBomb,
            .fatal,
            "An archive expands beyond the size or ratio limits; reading it stopped.",
            "An entry or the whole archive grew past --max-entry-size or --max-archive-size, or expanded more than "
                + "--max-ratio times its compressed size: the signs of a decompression bomb. Nothing more is read from "
                + "this archive. Raise the limits only for archives you trust."
        ),
        DiagnosticDescription(
            .batchArchiveUnreadable,
            .fatal,
            "An archive is damaged or not a zip, tar or tar.gz file.",
            "libarchive could not read the archive (to its end). Entries read before the damage are converted; "
                + "inputs remembered from earlier runs are kept rather than reported deleted."
        ),
        DiagnosticDescription(
            .batchOutputCollision,
            .error,
            "Two inputs would write the same output file; the later one was not converted.",
            "Outputs are named after the input's path with the writer's extension, so `a.json` and `a.xml`, or two "
                + "files with the same name given on the command line, collide. Rename one or convert them in separate "
                + "batches."
        ),
        DiagnosticDescription(
            .batchIO,
            .error,
            "An input could not be read or its output could not be written.",
            "The operating system refused the read or the write (permissions, a full disk, a file removed during "
                + "the run); the message says which."
        ),
        DiagnosticDescription(
            .batchMergeConflict,
            .error,
            "Two shard outputs hold different files under the same name.",
            "Shards select disjoint inputs, so the same output name in two shards means they were run with different "
                + "inputs or options. The first shard's file is kept."
        ),
    ]
}

extension FormatRegistry {
    /// The registry with the batch diagnostics' descriptions added (for `explain` and report metadata).
    public var addingBatchDiagnostics: FormatRegistry {
        let known = Set(descriptions.map(\.id))
        return FormatRegistry(
            readers: readers,
            writers: writers,
            validators: validators,
            descriptions: descriptions + BatchDiagnostics.descriptions.filter { !known.contains($0.id) }
        )
    }
}
