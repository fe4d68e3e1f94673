import MEABridgeCore

/// What the state says before the run starts.
struct Snapshot: Sendable {
    /// Inputs of the last completed run, by name.
    var inputs: [String: InputMemory] = [:]
    /// The same, sorted by name (by bytes).
    var ordered: [InputMemory] = [] {
        didSet {
            inputs = [:]
            inputs.reserveCapacity(ordered.count)
            for memory in ordered { inputs[memory.path] = memory }
        }
    }
    /// Inputs converted by an interrupted attempt of this run, with their outputs in the staging folder.
    var pending: [String: InputMemory] = [:]
    /// Archive fingerprints of the last completed run.
    var containers: [String: String] = [:]
    /// Whether the last completed run had the same configuration (otherwise everything is converted again).
    var trusted = false
    /// Whether an archive output is the one the last run wrote (otherwise everything is converted again).
    var outputTrusted = true

    /// The remembered inputs of an archive, sorted by name.
    func members(of container: String) -> [InputMemory] { ordered.filter { $0.container == container } }
}

/// Lists the inputs (walking directories, reading archives as streams), decides which need converting, hands those
/// to the workers and reports the others; converts archive entries too large to hold in memory itself, as they are
/// read.
struct Producer: Sendable {
    let options: BatchOptions
    let target: OutputTarget
    let converter: FileConverter
    let snapshot: Snapshot
    let outputExtension: String
    /// The prefix of this attempt's spool files (archive outputs).
    let spoolName: String

    private enum Source {
        case file(path: String, name: String, relative: String, status: FileStatus)
        case archive(path: String, status: FileStatus)
        case refused(FileOutcome)
    }

    /// The producer's own state while it runs.
    private struct Run {
        var outputs: Set<String> = [BatchOptions.tombstoneFileName]
        let items: AsyncChannel<WorkItem>
        let results: AsyncChannel<PipelineMessage>
        var stopped = false
        var spool: Spool?

        mutating func send(_ outcome: FileOutcome) async {
            if await !results.send(.outcome(outcome)) { stopped = true }
        }

        mutating func send(_ message: PipelineMessage) async {
            if await !results.send(message) { stopped = true }
        }

        mutating func dispatch(_ item: WorkItem) async {
            if await !items.send(item) { stopped = true }
        }
    }

    /// Produces every input, then returns (the caller finishes the work channel).
    func run(items: AsyncChannel<WorkItem>, results: AsyncChannel<PipelineMessage>) async {
        var run = Run(items: items, results: results)
        run.spool = target.archive == nil ? nil : try? Spool(target: target, name: spoolName + "-p.bin")
        let sources = listSources()
        var total: Int64 = 0
        for source in sources {
            switch source {
            case .file(_, _, _, let status), .archive(_, let status): total += status.size
            case .refused: break
            }
        }
        await run.send(.totalBytes(total))
        for source in sources {
            if run.stopped || Task.isCancelled { return }
            switch source {
            case .refused(let outcome):
                if let shard = options.shard, !shard.contains(outcome.report.input) { continue }
                await run.send(outcome)
            case .file(let path, let name, let relative, let status):
                if let shard = options.shard, !shard.contains(name) { continue }
                let output = OutputNaming.outputPath(for: relative, extension: outputExtension)
                if let collision = collide(&run, name: name, container: nil, output: output, size: status.size) {
                    await run.send(collision)
                    continue
                }
                let fingerprint = status.fingerprint
                if let reused = reuse(name: name, fingerprint: fingerprint, progressBytes: status.size) {
                    await run.send(reused)
                    continue
                }
                let item = WorkItem(
                    name: name,
                    container: nil,
                    output: output,
                    fingerprint: fingerprint,
                    body: .file(path),
                    size: Int(status.size),
                    progressBytes: status.size,
                    known: snapshot.inputs[name] != nil
                )
                await run.dispatch(item)
            case .archive(let path, let status):
                await readArchive(&run, path: path, status: status)
            }
        }
    }

    // MARK: - Listing

    private func refused(
        _ name: String,
        container: String? = nil,
        status: BatchFileStatus,
        _ id: DiagnosticID,
        _ severity: Severity,
        _ message: String,
        at location: String? = nil
    ) -> FileOutcome {
        var report = BatchFileReport(input: name, container: container, status: status)
        report.add(
            Diagnostic(id: id, severity: severity, message: message, location: SourceLocation(source: location ?? name))
        )
        return FileOutcome(report: report)
    }

    /// The batch's own files (its output and its state), which a walk of an input directory that holds them must
    /// not take as inputs.
    private func ownFiles() -> Set<FileIdentity> {
        var paths = [target.path]
        if let state = options.statePath { paths += [state, state + "-wal", state + "-shm"] }
        return Set(paths.compactMap { FileSystem.status($0)?.identity })
    }

    private func listSources() -> [Source] {
        var sources: [Source] = []
        let own = ownFiles()
        for input in options.inputs {
            let path = FileSystem.trimmingTrailingSlashes(input)
            guard let status = FileSystem.status(path) else {
                let message =
                    FileSystem.exists(path) ? "\(path) is a link to nothing" : "\(path) does not exist"
                sources.append(.refused(refused(path, status: .failed, .batchInputMissing, .error, message)))
                continue
            }
            switch status.kind {
            case .directory:
                walk(
                    root: path,
                    rootReal: FileSystem.realPath(path) ?? path,
                    directory: path,
                    relative: "",
                    own: own,
                    &sources
                )
            case .regular:
                if ArchiveKind(path: path) != nil {
                    sources.append(.archive(path: path, status: status))
                } else {
                    sources.append(
                        .file(path: path, name: path, relative: FileSystem.baseName(of: path), status: status)
                    )
                }
            default:
                let message = "\(path) is neither a file, a directory nor an archive"
                sources.append(.refused(refused(path, status: .failed, .batchIO, .error, message)))
            }
        }
        return sources
    }

    private func walk(
        root: String,
        rootReal: String,
        directory: String,
        relative: String,
        own: Set<FileIdentity>,
        _ sources: inout [Source]
    ) {
        let names: [String]
        do throws(IOFailure) {
            names = try FileSystem.listDirectory(directory)
        } catch {
            let message = "cannot list \(directory): \(error.message)"
            sources.append(.refused(refused(directory, status: .failed, .batchIO, .error, message)))
            return
        }
        for name in names {
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let childPath = directory + "/" + name
            let displayName = root == "." ? childRelative : root + "/" + childRelative
            guard var status = FileSystem.status(childPath, followLinks: false) else { continue }
            if status.kind == .symlink {
                let resolved = FileSystem.realPath(childPath)
                guard let resolved, resolved == rootReal || resolved.hasPrefix(rootReal + "/"),
                    let target = FileSystem.status(childPath)
                else {
                    if options.filter.accepts(file: childRelative) {
                        let message =
                            "\(displayName) is a link to \(resolved ?? "nothing") outside \(root); it was not followed"
                        sources.append(
                            .refused(refused(displayName, status: .failed, .batchUnsafeLink, .error, message))
                        )
                    }
                    continue
                }
                if target.kind == .directory {
                    if options.filter.enters(directory: childRelative) {
                        let message = "\(displayName) is a link to a folder; it was not followed"
                        sources.append(
                            .refused(refused(displayName, status: .skipped, .batchLinkSkipped, .note, message))
                        )
                    }
                    continue
                }
                status = target
            }
            if own.contains(status.identity) { continue }
            switch status.kind {
            case .directory:
                if options.filter.enters(directory: childRelative) {
                    walk(
                        root: root,
                        rootReal: rootReal,
                        directory: childPath,
                        relative: childRelative,
                        own: own,
                        &sources
                    )
                }
            case .regular:
                if ArchiveKind(path: name) != nil {
                    // Archives found in folders are opened unless excluded; the include patterns apply to their
                    // entries.
                    if !FileFilter.isHidden(childRelative),
                        !options.filter.exclude.contains(where: { $0.matches(childRelative) })
                    {
                        sources.append(.archive(path: displayName, status: status))
                    }
                } else if options.filter.accepts(file: childRelative) {
                    sources.append(.file(path: childPath, name: displayName, relative: childRelative, status: status))
                }
            default:
                continue
            }
        }
    }

    // MARK: - Decisions

    private func collide(
        _ run: inout Run,
        name: String,
        container: String?,
        output: String,
        size: Int64
    ) -> FileOutcome? {
        if run.outputs.insert(output).inserted { return nil }
        var outcome = refused(
            name,
            container: container,
            status: .failed,
            .batchOutputCollision,
            .error,
            "\(name) would be written to \(output), which another input of this batch writes; it was not converted"
        )
        outcome.progressBytes = size
        return outcome
    }

    private func outputPresent(_ output: String?) -> Bool {
        guard let output else { return true }
        if target.archive != nil { return snapshot.outputTrusted }
        return FileSystem.exists(target.final(output))
    }

    /// The outcome of an input that needs no conversion: unchanged since the last run, or already converted by an
    /// interrupted attempt of this run.
    private func reuse(name: String, fingerprint: String, progressBytes: Int64) -> FileOutcome? {
        if snapshot.trusted, let memory = snapshot.inputs[name], memory.fingerprint == fingerprint,
            outputPresent(memory.output)
        {
            return unchanged(memory, progressBytes: progressBytes)
        }
        if let memory = snapshot.pending[name], memory.fingerprint == fingerprint, let output = memory.output,
            StagedOutput(text: memory.staged).exists(output: output, in: target)
        {
            let report = memory.fileReport(status: .converted)
            var outcome = FileOutcome(report: report, fingerprint: fingerprint, progressBytes: progressBytes)
            outcome.staged = StagedOutput(text: memory.staged)
            outcome.alreadyPending = true
            return outcome
        }
        return nil
    }

    private func unchanged(_ memory: InputMemory, progressBytes: Int64) -> FileOutcome {
        var report = memory.fileReport(status: .unchanged)
        report.changedRecords = 0
        return FileOutcome(report: report, fingerprint: memory.fingerprint, progressBytes: progressBytes)
    }

    // MARK: - Archives

    private func readArchive(_ run: inout Run, path: String, status: FileStatus) async {
        let fingerprint = status.fingerprint
        if snapshot.trusted, snapshot.containers[path] == fingerprint {
            let members = snapshot.members(of: path)
            if members.allSatisfy({ outputPresent($0.output) }) {
                var outcomes: [FileOutcome] = []
                outcomes.reserveCapacity(min(members.count, 256))
                for (index, member) in members.enumerated() {
                    _ = run.outputs.insert(member.output ?? "")
                    outcomes.append(unchanged(member, progressBytes: index == 0 ? status.size : 0))
                    if outcomes.count == 256 {
                        await run.send(.outcomes(outcomes))
                        outcomes.removeAll()
                    }
                }
                if !outcomes.isEmpty { await run.send(.outcomes(outcomes)) }
                return
            }
        }
        let reader: ArchiveReader
        do throws(IOFailure) {
            reader = try ArchiveReader(path: path, limits: options.limits)
        } catch {
            await failArchive(&run, path: path, reader: nil, error: error)
            return
        }
        var lastCompressed: Int64 = 0
        do throws(IOFailure) {
            while let header = try reader.next() {
                if run.stopped || Task.isCancelled { return }
                let progress = reader.compressedRead - lastCompressed
                lastCompressed = reader.compressedRead
                try await entry(&run, archive: path, reader: reader, header: header, progress: progress)
            }
        } catch {
            await failArchive(&run, path: path, reader: reader, error: error)
            return
        }
        await run.send(.containerComplete(path: path, fingerprint: fingerprint))
    }

    private func failArchive(_ run: inout Run, path: String, reader: ArchiveReader?, error: IOFailure) async {
        let outcome: FileOutcome
        if let violation = reader?.violation {
            outcome = refused(
                path,
                status: .failed,
                .batchDecompressionBomb,
                .fatal,
                "\(path): \(violation); the rest of the archive was not read"
            )
        } else {
            outcome = refused(
                path,
                status: .failed,
                .batchArchiveUnreadable,
                .fatal,
                "cannot read the archive \(path): \(error.message)"
            )
        }
        await run.send(outcome)
        await run.send(.containerIncomplete(path: path))
    }

    private func entry(
        _ run: inout Run,
        archive: String,
        reader: ArchiveReader,
        header: ArchiveEntryHeader,
        progress: Int64
    ) async throws(IOFailure) {
        let rawName = archive + "!/" + header.path
        if header.kind == .directory { return }
        let relative: String
        switch EntryPath.normalize(header.path) {
        case .success(let normalized):
            relative = normalized
        case .failure(let refusal):
            try reader.skipEntry()
            if let shard = options.shard, !shard.contains(rawName) { return }
            await run.send(
                refused(
                    rawName,
                    container: archive,
                    status: .failed,
                    .batchUnsafePath,
                    .error,
                    "archive entry '\(header.path)' was refused: \(refusal)",
                    at: archive
                )
            )
            return
        }
        let name = archive + "!/" + relative
        if let shard = options.shard, !shard.contains(name) {
            try reader.skipEntry()
            return
        }
        switch header.kind {
        case .regular:
            break
        case .symlink, .hardlink:
            let target = header.linkTarget ?? ""
            let inside =
                header.kind == .symlink
                ? EntryPath.linkStaysInside(entry: relative, target: target)
                : (try? EntryPath.normalize(target).get()) != nil
            if inside {
                guard options.filter.accepts(file: relative) else { return }
                let message = "archive entry \(relative) is a link to \(target); links are not followed in archives"
                await run.send(
                    refused(name, container: archive, status: .skipped, .batchLinkSkipped, .note, message, at: archive)
                )
            } else {
                let message = "archive entry \(relative) is a link to \(target), outside the archive; it was refused"
                await run.send(
                    refused(name, container: archive, status: .failed, .batchUnsafeLink, .error, message, at: archive)
                )
            }
            return
        default:
            return
        }
        guard options.filter.accepts(file: relative) else {
            try reader.skipEntry()
            return
        }
        if ArchiveKind(path: relative) != nil {
            try reader.skipEntry()
            let message = "\(name) is an archive inside an archive; it was not opened"
            var outcome = refused(
                name,
                container: archive,
                status: .skipped,
                .batchNestedArchive,
                .warning,
                message,
                at: archive
            )
            outcome.progressBytes = progress
            await run.send(outcome)
            return
        }
        let output = OutputNaming.outputPath(for: relative, extension: outputExtension)
        if let collision = collide(&run, name: name, container: archive, output: output, size: progress) {
            try reader.skipEntry()
            await run.send(collision)
            return
        }
        var item = WorkItem(
            name: name,
            container: archive,
            output: output,
            fingerprint: "stream",
            body: .bytes([]),
            size: Int(header.size ?? 0),
            progressBytes: progress,
            known: snapshot.inputs[name] != nil
        )
        var bytes: [UInt8] = []
        let limit = options.maxBufferedEntry
        if (header.size ?? 0) <= Int64(limit) {
            bytes.reserveCapacity(Int(header.size ?? 0))
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
            defer { buffer.deallocate() }
            while bytes.count <= limit {
                let count = try reader.read(into: buffer)
                if count == 0 { break }
                bytes.append(contentsOf: buffer[..<count])
            }
            if bytes.count <= limit {
                item.size = bytes.count
                item.fingerprint = "x" + StableHash.hex(StableHash.xxh64(bytes)) + "s\(bytes.count)"
                if let reused = reuse(name: name, fingerprint: item.fingerprint, progressBytes: progress) {
                    await run.send(reused)
                    return
                }
                item.body = .bytes(bytes)
                await run.dispatch(item)
                return
            }
        }
        // Too large to hold: convert it here while it is read.
        let source = PrefixedByteSource(prefix: bytes, base: ArchiveEntrySource(name: name, reader: reader))
        let outcome = converter.convert(item, source: source, spool: run.spool, violation: { reader.violation })
        await run.send(outcome)
        if reader.violation != nil {
            throw IOFailure(operation: .read, path: archive, message: reader.violation ?? "")
        }
        try reader.skipEntry()
    }
}
