import MEABridgeCore

/// What committing a run does to the output.
struct CommitPlan: Sendable {
    /// Outputs written to the staging folder, to move into place (directory outputs).
    var moves: [String]
    /// Where the outputs converted by this run wait (archive outputs; the others are copied from the previous one).
    var staged: [String: StagedOutput] = [:]
    /// Outputs of inputs that disappeared, to remove (directory outputs).
    var removals: [String]
    /// Every output the output holds afterwards (archive outputs are rebuilt from it; directory outputs keep these
    /// even when listed for removal).
    var manifest: [String]
    /// The tombstones to keep in the tombstone file (an empty list removes it); `nil` leaves it alone.
    var tombstones: [DeletedRecord]?
}

/// Applies a commit plan to the output.
///
/// Every step can be repeated: a commit interrupted half-way is completed by
/// doing it again.
enum Committer {
    /// Commits.
    /// - Returns: The fingerprint of an archive output afterwards, or `nil` for a directory.
    static func execute(_ plan: CommitPlan, target: OutputTarget, limits: ArchiveLimits) throws(IOFailure) -> String? {
        var tombstoneBytes: [UInt8]?
        if let tombstones = plan.tombstones, !tombstones.isEmpty {
            var bytes: [UInt8] = []
            for record in tombstones {
                record.appendJSON(to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
            }
            tombstoneBytes = bytes
        }
        if let kind = target.archive {
            return try buildArchive(plan, kind: kind, tombstones: tombstoneBytes, target: target, limits: limits)
        }
        try FileSystem.makeDirectories(target.path)
        let keep = Set(plan.manifest)
        for relative in plan.removals where !keep.contains(relative) {
            let path = target.final(relative)
            try FileSystem.removeFile(path)
            FileSystem.removeEmptyParents(of: path, upTo: target.path)
        }
        var moves = plan.moves
        let tombstone = BatchOptions.tombstoneFileName
        if let tombstoneBytes {
            try FileSystem.makeDirectories(target.staging)
            try FileSystem.writeFile(target.staged(tombstone), tombstoneBytes)
            moves.append(tombstone)
        } else if plan.tombstones != nil {
            try FileSystem.removeFile(target.final(tombstone))
        }
        for relative in moves {
            let from = target.staged(relative)
            guard FileSystem.exists(from) else { continue }  // moved by an earlier attempt
            let to = target.final(relative)
            try FileSystem.makeDirectories(FileSystem.parentDirectory(of: to))
            try FileSystem.rename(from, to: to)
        }
        FileSystem.syncFileSystem(of: target.path)
        return nil
    }

    private static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        precedesInByteOrder(lhs, rhs)
    }

    /// Rebuilds an archive output: every manifest entry, from the staging folder when it was converted in this run,
    /// else copied from the previous archive (entries are written sorted, so both are walked once, in step).
    private static func buildArchive(
        _ plan: CommitPlan,
        kind: ArchiveKind,
        tombstones: [UInt8]?,
        target: OutputTarget,
        limits: ArchiveLimits
    ) throws(IOFailure) -> String? {
        var entries = Set(plan.manifest)
        let tombstone = BatchOptions.tombstoneFileName
        if tombstones != nil { entries.insert(tombstone) } else { entries.remove(tombstone) }
        let sorted = entries.sorted(by: precedes)
        let writer = try ArchiveWriter(path: target.path, kind: kind)
        var old: ArchiveReader?
        if FileSystem.status(target.path)?.kind == .regular {
            old = try ArchiveReader(path: target.path, limits: limits)
        }
        var oldHeader = try old?.next()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { buffer.deallocate() }
        for name in sorted {
            if name == tombstone, let tombstones {
                try writer.addBytes(name: name, tombstones)
                continue
            }
            switch plan.staged[name] {
            case .spool(let spool, let offset, let length):
                try writer.addEntry(name: name, size: length) { write throws(IOFailure) in
                    try readSpool(target.staged(spool), offset: offset, length: length, write)
                }
                continue
            case .file:
                try writer.addFile(name: name, from: target.staged(name))
                continue
            case nil:
                break
            }
            while let header = oldHeader, header.kind != .regular || precedes(header.path, name) {
                try old?.skipEntry()
                oldHeader = try old?.next()
            }
            guard let old, let header = oldHeader, header.path == name else {
                throw IOFailure(
                    operation: .read,
                    path: target.path,
                    message: "the previous output has no entry \(name) to keep; delete the state file to rebuild"
                )
            }
            if let size = header.size {
                try writer.addEntry(name: name, size: size) { write throws(IOFailure) in
                    while true {
                        let count = try old.read(into: buffer)
                        if count == 0 { break }
                        try write(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                    }
                }
            } else {
                var bytes: [UInt8] = []
                while true {
                    let count = try old.read(into: buffer)
                    if count == 0 { break }
                    bytes.append(contentsOf: buffer[..<count])
                }
                try writer.addBytes(name: name, bytes)
            }
            oldHeader = try old.next()
        }
        old = nil
        try writer.commit()
        return FileSystem.status(target.path)?.fingerprint
    }
}
